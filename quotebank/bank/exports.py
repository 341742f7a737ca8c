"""Writing a bank out: quote occurrences as JSON lines, quotations in EPFL Quotebank's format, a pandas DataFrame."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from .queries import BankReader, Row

if TYPE_CHECKING:
    import pandas

__all__ = ["BankExports", "write_lines"]


class BankExports(BankReader):
    """The exports of :class:`~quotebank.QuoteBank` (a mixin over the reading half)."""

    def _linked(self, row: Row) -> dict[str, Any]:
        """What the bank knows of an occurrence beyond the Quote itself."""
        linked = row.entity_id is not None
        return {
            "date": row.date,
            "url": row.url,
            "source": row.source,
            "speaker_id": f"S{row.entity_id}" if linked else None,
            "probability": row.probability if linked else None,
            "quotation_id": row.quotation_id,
        }

    def _export_rows(self) -> Iterator[dict[str, Any]]:
        for row in self._rows():
            record = self._view(row).to_dict()
            record.update(
                self._linked(row),
                article_speaker=json.loads(row.mention) if row.mention else None,
                occurrence=row.occurrence,
            )
            yield record

    def to_jsonl(self, dest: str | os.PathLike[str] | IO[str]) -> int:
        """Write every quote occurrence as one JSON line; returns the number of lines.

        Each line is :meth:`Quote.to_dict` of the resolved quote (so
        :meth:`Quote.from_json` reads it back) plus ``date``, ``url``,
        ``source``, ``speaker_id``, ``probability`` (of the speaker link),
        ``quotation_id``, ``article_speaker`` (the speaker as the article
        gives it) and ``occurrence``.
        """
        return write_lines(dest, self._export_rows())

    def to_quotebank_jsonl(self, dest: str | os.PathLike[str] | IO[str], *, extras: bool = False) -> int:
        """Write one JSON line per quotation in EPFL Quotebank's format (see :meth:`Quotation.to_dict`).

        With ``extras``, quotebank's own fields (role, channel, kind, speaker id...) follow EPFL's.
        """
        return write_lines(dest, (q.to_dict(extras=extras) for q in self.quotations))

    def to_dataframe(self) -> pandas.DataFrame:
        """Every quote occurrence as a row of a pandas DataFrame (``pip install 'quotebank[pandas]'``).

        The columns are :data:`quotebank.corpus.rows.BANK_COLUMNS`: :data:`~quotebank.corpus.ROW_COLUMNS` (as for
        :func:`quotebank.extract_many`) followed by ``source``, ``speaker_id``, ``probability`` and
        ``quotation_id``, with the dtypes declared in :mod:`quotebank.corpus.rows` (the Dask frames' too).
        """
        try:
            import pandas  # noqa: F401
        except ImportError:  # pragma: no cover - pandas is in the dev extras
            raise ImportError("to_dataframe() needs pandas: pip install 'quotebank[pandas]'") from None
        from ..corpus.rows import BANK_COLUMNS, frame, quote_row

        return frame(({**quote_row(self._view(row)), **self._linked(row)} for row in self._rows()), BANK_COLUMNS)


def write_lines(dest: str | os.PathLike[str] | IO[str], records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(dest, "w", encoding="utf-8")) if isinstance(dest, str | os.PathLike) else dest
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
