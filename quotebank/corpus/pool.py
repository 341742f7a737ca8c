"""The worker pool behind ``extract_many(n_process=...)``.

quotebank runs its own worker processes: each takes chunks of records (up to
``batch_size`` records and about :data:`~quotebank.corpus.streaming.CHUNK_CHARS`
characters, so that the workers finish together even on a small corpus), runs
the whole extraction on them and sends back only the
:class:`~quotebank.corpus.streaming.Extraction` results, which are small; the
main process reads the records and puts the results back in input order. On
Linux the workers are forked and share the loaded pipeline; elsewhere (or with
``start_method="spawn"``) the pipeline is pickled to them.

Each worker has its own pipe, so the main process always knows which chunk a
worker holds. That is what makes the pool hard to sink:

* a worker that dies (killed by the system, out of memory, a crash in compiled
  code) costs only its chunk: those records come back as failed results naming
  the cause, a new worker takes its place, and the stream goes on;
* Ctrl-C (``SIGINT``) is for the main process alone: workers ignore it from
  their first instruction, and whatever ends the stream (``KeyboardInterrupt``,
  an error, ``close()``) terminates them at once instead of waiting for them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import signal
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from spacy.language import Language

from .records import BadRecord, Record
from .streaming import CHUNK_CHARS, Extraction, Options, StartMethod, failed, stream

__all__ = ["pooled"]

Chunk = list[Record | BadRecord]

_CHUNKS_PER_WORKER = 3
"""Chunks read ahead per worker: enough that no worker waits for work, few enough that memory stays flat."""
_GRACE = 2.0
"""Seconds a worker has to exit after being asked to (or terminated) before it is killed."""


# --------------------------------------------------------------------------- inside a worker process


class _Worker:
    """What a worker process keeps between chunks: the pipeline, the options, the memory zone it is filling."""

    def __init__(self, nlp: Language, options: Options) -> None:
        self.nlp = nlp
        self.options = options
        self.zone = ExitStack()
        self.zone_records = 0

    def extract(self, chunk: Chunk) -> list[Extraction]:
        # One memory zone spans chunks up to zone_size records, as in a single process: a zone per chunk would
        # throw away, every few documents, the lexemes and tokenizer cache entries that the next chunk needs again.
        nlp, zone = self.nlp, self.options.zone
        if zone > 0 and hasattr(nlp, "memory_zone") and (self.zone_records == 0 or self.zone_records >= zone):
            self.zone.close()
            self.zone.enter_context(nlp.memory_zone())
            self.zone_records = 0
        self.zone_records += len(chunk)
        # stream opens no zone of its own inside this one.
        return list(stream(nlp, iter(chunk), self.options))


def _work(conn: Connection, nlp: Language, options: Options) -> None:
    """A worker process: chunks in, results out, until told to stop (``None``) or the main process is gone."""
    # Ctrl-C is for the main process, which stops the workers itself; a worker that took it would die mid-chunk.
    # SIGINT was blocked by the main process around the start of this one, so none can slip in before this line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent = multiprocessing.parent_process()
    worker = _Worker(nlp, options)
    while True:
        # A forked worker holds a copy of the main process's end of its pipe, so it would never see the pipe
        # close: it watches the main process itself, and exits when it is gone (killed -9, say).
        ready = wait([conn, parent.sentinel] if parent is not None else [conn])
        if conn not in ready:
            return
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        index, chunk = message
        try:
            reply: tuple[int, list[Extraction] | None, BaseException | None] = (index, worker.extract(chunk), None)
        except Exception as exc:  # a bug, not a bad document (stream reports those): the main process raises it
            reply = (index, None, _picklable(exc))
        conn.send(reply)


def _picklable(exc: Exception) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


# --------------------------------------------------------------------------- in the main process


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT while a worker starts: it inherits the mask, and ignores SIGINT before unblocking it.

    A Ctrl-C meanwhile is not lost: it is delivered to this process when the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _cause(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:  # pragma: no cover - a signal Python does not name
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


class _Handle:
    """One worker process as the main process sees it: the process, its pipe, and the chunk it holds."""

    def __init__(self, context: BaseContext, nlp: Language, options: Options) -> None:
        here, there = context.Pipe()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_work, args=(there, nlp, options), daemon=True
        )
        with _sigint_blocked():
            self.process.start()
        there.close()  # so that this end sees EOF when the worker dies
        self.conn = here
        self.task: tuple[int, Chunk] | None = None

    def give(self, task: tuple[int, Chunk]) -> bool:
        """Send ``task`` to the worker; False when the worker is already dead."""
        try:
            self.conn.send(task)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return False
        self.task = task
        return True

    def take(self) -> tuple[int, list[Extraction] | None, BaseException | None] | None:
        """The worker's reply, or None when it died instead of answering."""
        try:
            reply: tuple[int, list[Extraction] | None, BaseException | None] = self.conn.recv()
        except (EOFError, ConnectionResetError, OSError):
            self.process.join(_GRACE)
            return None
        self.task = None
        return reply

    def lost(self) -> list[Extraction]:
        """Failed results for the records of the chunk the worker held when it died."""
        assert self.task is not None
        _, chunk = self.task
        message = f"the worker process died ({_cause(self.process.exitcode)}) while extracting this record's chunk"
        results = []
        for item in chunk:
            error = item if isinstance(item, BadRecord) else None
            if error is None:
                assert isinstance(item, Record)
                error = BadRecord(message=message, file=item.file, line=item.line, record_id=item.id)
            results.append(failed(error))
        self.task = None
        return results

    def stop(self, *, graceful: bool) -> None:
        if graceful and self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(_GRACE)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(_GRACE)
        if self.process.is_alive():  # pragma: no cover - a worker stuck in compiled code that ignores SIGTERM
            self.process.kill()
            self.process.join()
        self.conn.close()


def _chunks_of(items: Iterator[Record | BadRecord], batch_size: int) -> Iterator[Chunk]:
    chunk: Chunk = []
    size = 0
    try:
        for item in items:
            chunk.append(item)
            size += len(item.text) if isinstance(item, Record) else 0
            if len(chunk) >= batch_size or size >= CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
    except Exception:
        if chunk:  # the records read before the caller's iterable failed still get their results
            yield chunk
        raise
    if chunk:
        yield chunk


class _Pool:
    """The main process's side of the pool: the workers, the chunks read ahead, the results waiting for their turn."""

    def __init__(
        self, nlp: Language, items: Iterator[Record | BadRecord], options: Options, workers: int, context: BaseContext
    ) -> None:
        self.nlp, self.options, self.context = nlp, options, context
        self.chunks = _chunks_of(items, options.batch_size)
        self.limit = workers * _CHUNKS_PER_WORKER
        self.workers = workers
        self.handles: list[_Handle] = []
        self.waiting: deque[tuple[int, Chunk]] = deque()  # read, not yet given to a worker
        self.done: dict[int, list[Extraction]] = {}  # results that wait for the chunks before them
        self.read = self.emitted = 0  # chunks read from the input; chunks whose results were handed on
        self.exhausted = False
        self.source_error: Exception | None = None

    def start(self) -> None:
        while len(self.handles) < self.workers:
            self.handles.append(self._start())

    def _start(self) -> _Handle:
        return _Handle(self.context, self.nlp, self.options)

    @property
    def finished(self) -> bool:
        return self.emitted == self.read and (self.exhausted or self.source_error is not None)

    def next_results(self) -> list[Extraction] | None:
        """The results of the next chunk in input order, once they are in (None when there are no more)."""
        while self.emitted not in self.done:
            if self.finished:
                return None
            self.service(block=True)
        self.emitted += 1
        return self.done.pop(self.emitted - 1)

    def service(self, *, block: bool) -> None:
        """Read ahead, give idle workers a chunk, and take in what the workers have finished (or died on)."""
        self._read_ahead()
        for i, handle in enumerate(self.handles):
            while handle.task is None and self.waiting:
                if not handle.give(self.waiting[0]):  # it died while idle: a new one takes the chunk
                    handle.stop(graceful=False)
                    handle = self.handles[i] = self._start()
                    continue
                self.waiting.popleft()
        busy = [handle for handle in self.handles if handle.task is not None]
        if not busy:
            return
        ready = set(wait([h.conn for h in busy] + [h.process.sentinel for h in busy], None if block else 0))
        for i, handle in enumerate(self.handles):
            if handle.task is None or (handle.conn not in ready and handle.process.sentinel not in ready):
                continue
            index = handle.task[0]
            reply = handle.take()
            if reply is None:
                self.done[index] = handle.lost()
                handle.stop(graceful=False)
                self.handles[i] = self._start()
                continue
            _, extractions, error = reply
            if error is not None:
                raise error
            assert extractions is not None
            self.done[index] = extractions

    def _read_ahead(self) -> None:
        while not self.exhausted and self.source_error is None and self.read - self.emitted < self.limit:
            try:
                chunk = next(self.chunks, None)
            except Exception as exc:  # the caller's iterable failed: finish what was read, then raise
                self.source_error = exc
                return
            if chunk is None:
                self.exhausted = True
                return
            self.waiting.append((self.read, chunk))
            self.read += 1

    def stop(self, *, graceful: bool) -> None:
        for handle in self.handles:
            handle.stop(graceful=graceful)


def pooled(
    nlp: Language,
    items: Iterator[Record | BadRecord],
    options: Options,
    *,
    workers: int,
    start_method: StartMethod,
) -> Iterator[Extraction]:
    """:func:`~quotebank.corpus.streaming.stream` over worker processes: chunks out, results back, in order.

    The main process serves the workers between two results it hands on (there is no thread: forking a process
    that runs threads can deadlock the child), so a worker that finishes while the caller works on a result gets
    its next chunk as soon as the caller asks for the next result.
    """
    pool: _Pool | None = None
    graceful = False
    try:
        pool = _Pool(nlp, items, options, workers, multiprocessing.get_context(start_method))
        pool.start()
        while (results := pool.next_results()) is not None:
            for result in results:
                yield result
                pool.service(block=False)
        graceful = True
        if pool.source_error is not None:
            raise pool.source_error
    finally:
        # On Ctrl-C, an error or an early close of this generator, the workers are terminated, not waited for.
        if pool is not None:
            pool.stop(graceful=graceful)
