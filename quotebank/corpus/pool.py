"""The worker pool behind ``extract_many(n_process=...)``.

quotebank runs its own worker processes: each takes chunks of records (up to
``batch_size`` records and about :data:`~quotebank.corpus.streaming.CHUNK_CHARS`
characters, so that the workers finish together even on a small corpus), runs
the whole extraction on them and sends back only the
:class:`~quotebank.corpus.streaming.Extraction` results, which are small; the
main process reads the records and puts the results back in input order. On
Linux the workers are forked and share the loaded pipeline; elsewhere (or with
``start_method="spawn"``) the pipeline is pickled to them.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack

from spacy.language import Language

from .records import BadRecord, Record
from .streaming import CHUNK_CHARS, Extraction, Options, StartMethod, stream

__all__ = ["pooled"]

_CHUNKS_PER_WORKER = 3
"""Chunks in flight per worker: one being processed, the next ones queued, so that no worker waits for work."""


class _Worker:
    """What a worker process keeps between chunks: the pipeline, the options, the memory zone it is filling."""

    def __init__(self, nlp: Language, options: Options) -> None:
        self.nlp = nlp
        self.options = options
        self.zone = ExitStack()
        self.zone_records = 0

    def extract(self, chunk: list[Record | BadRecord]) -> list[Extraction]:
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


_worker: _Worker | None = None
"""This worker process's state (set by :func:`_start_worker`)."""


def _start_worker(nlp: Language, options: Options) -> None:
    global _worker
    _worker = _Worker(nlp, options)
    # Ctrl-C is for the main process, which stops the workers itself; a worker that took it would die mid-chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(chunk: list[Record | BadRecord]) -> list[Extraction]:
    assert _worker is not None, "not a quotebank worker process"
    return _worker.extract(chunk)


def _chunks_of(items: Iterator[Record | BadRecord], batch_size: int) -> Iterator[list[Record | BadRecord]]:
    chunk: list[Record | BadRecord] = []
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


def pooled(
    nlp: Language,
    items: Iterator[Record | BadRecord],
    options: Options,
    *,
    workers: int,
    start_method: StartMethod,
) -> Iterator[Extraction]:
    """:func:`~quotebank.corpus.streaming.stream` over worker processes: chunks out, results back, in order."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_start_worker,
        initargs=(nlp, options),
    )
    chunks = _chunks_of(items, options.batch_size)
    in_flight: deque[Future[list[Extraction]]] = deque()
    source_error: Exception | None = None
    try:
        while True:
            while source_error is None and len(in_flight) < workers * _CHUNKS_PER_WORKER:
                try:
                    chunk = next(chunks, None)
                except Exception as exc:  # the caller's iterable failed: finish what was read, then raise
                    source_error = exc
                    break
                if chunk is None:
                    break
                in_flight.append(pool.submit(_extract_chunk, chunk))
            if not in_flight:
                break
            yield from in_flight.popleft().result()
        if source_error is not None:
            raise source_error
    finally:
        # Also on an early close of this generator: queued chunks are dropped, running ones end, workers exit.
        pool.shutdown(wait=True, cancel_futures=True)
