"""Writing JSON lines."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from typing import IO, Any

__all__ = ["write_lines"]


def write_lines(dest: str | os.PathLike[str] | IO[str], records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(dest, "w", encoding="utf-8")) if isinstance(dest, str | os.PathLike) else dest
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
