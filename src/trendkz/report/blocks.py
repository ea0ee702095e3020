"""Tables written in parts: each entity's rows as CSV blocks in a file, joined in order.

A saved table is the CSV of the combined frame, whose rows are sorted by the frame's
declared keys (:data:`trendkz._core.schema.FRAMES`). Every key list names ``entity`` or
``doc_id`` early, and all rows of an entity (so of a document) come from one part; so the
rows sharing the keys up to that one (the *block key*: ``entity``, or ``year, date,
entity`` for sections, or ``doc_id`` for chrome) all come from one part, already in order
there. A worker writes its part's rows as CSV, one block per block key
(:func:`write_blocks`); the caller sorts the block keys of all parts as the combined frame
would be sorted and joins the blocks in that order (:class:`Joined`), so the file is the
same bytes as the combined frame's CSV without the combined frame ever being in memory.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .._core import schema

__all__ = ["Joined", "block_key", "block_order", "gzip_stream", "write_blocks"]

FLOAT_FORMAT = "%.6f"
_PIECE = 8 << 20  # bytes read at a time when joining


def block_key(name: str) -> list[str]:
    """The sort keys of frame ``name`` up to the first that lies within one part."""
    keys = schema.FRAMES[name][1]
    for i, k in enumerate(keys):
        if k in ("entity", "doc_id"):
            return keys[: i + 1]
    raise KeyError(f"frame {name!r} has no entity or doc_id among its sort keys")


def csv_rows(frame: pd.DataFrame, header: bool = True) -> bytes:
    """``frame`` as CSV bytes (no index, fixed float format, ``\\n`` line ends, UTF-8)."""
    buf = io.BytesIO()  # written as bytes: no intermediate string of the whole table
    frame.to_csv(
        buf,
        index=False,
        header=header,
        float_format=FLOAT_FORMAT,
        lineterminator="\n",
        encoding="utf-8",
    )
    return buf.getvalue()


def _plain(v):
    return None if schema.is_missing(v) else v.item() if isinstance(v, np.generic) else v


def write_blocks(frame: pd.DataFrame, name: str, fh) -> dict:
    """Write the rows of ``frame`` (conformed: in its sort order) to the binary file ``fh``
    as CSV without header, one block per block key. Returns ``header`` (the CSV header
    line), ``rows`` and ``blocks``: ``(key values, offset, length)`` in order."""
    keys = block_key(name)
    blocks = []
    if len(frame):
        change = np.zeros(len(frame), dtype=bool)
        change[0] = True
        for k in keys:
            codes = pd.factorize(frame[k], use_na_sentinel=True)[0]
            change[1:] |= codes[1:] != codes[:-1]
        starts = np.flatnonzero(change).tolist()
        for a, b in zip(starts, [*starts[1:], len(frame)], strict=True):
            data = csv_rows(frame.iloc[a:b], header=False)
            key = tuple(_plain(frame[k].iloc[a]) for k in keys)
            blocks.append((key, fh.tell(), len(data)))
            fh.write(data)
    return {"header": csv_rows(frame.iloc[:0]), "rows": len(frame), "blocks": blocks}


def block_order(name: str, parts: list[list[tuple]]) -> list[tuple[int, int, int]]:
    """``(part, offset, length)`` of every block of ``parts`` (each a list of ``blocks`` as
    :func:`write_blocks` gives them, in part order) in the combined frame's order."""
    keys = block_key(name)
    flat = [(i, off, n) for i, blocks in enumerate(parts) for _, off, n in blocks]
    if len(flat) < 2:
        return flat
    cells = pd.DataFrame(
        [key for blocks in parts for key, _, _ in blocks], columns=keys, dtype=object
    )
    cells = pd.DataFrame({k: schema._cast(cells[k], schema.COLUMNS[k]) for k in keys})
    order = schema.sort_order(cells, keys)
    return flat if order is None else [flat[j] for j in order.tolist()]


def gzip_stream(chunks, level: int = 6) -> Iterator[bytes]:
    """The gzip file of the bytes ``chunks`` yields, with a fixed header (no name, time 0,
    system "Unix" as zlib writes it): the same bytes however the input is cut into chunks,
    and as ``gzip.compress(data, level, mtime=0)`` gives them."""
    xfl = 2 if level == 9 else 4 if level < 2 else 0
    yield struct.pack("<BBBBLBB", 0x1F, 0x8B, 8, 0, 0, xfl, 3)
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc, size = 0, 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        out = comp.compress(chunk)
        if out:
            yield out
    yield comp.flush() + struct.pack("<LL", crc, size & 0xFFFFFFFF)


class Joined:
    """A file made of a header and byte ranges of other files, read piece by piece when
    iterated (``compress``: gzipped on the way); ``sha256`` is known after one full pass."""

    def __init__(self, header: bytes, pieces: list[tuple[str, int, int]], compress: bool):
        self.header = header
        self.pieces = pieces  # (path, offset, length), in order
        self.compress = compress
        self.sha256: str | None = None

    def _raw(self) -> Iterator[bytes]:
        yield self.header
        handles: dict = {}
        try:
            run: tuple[str, int, int] | None = None  # consecutive ranges read together
            for path, off, n in self.pieces:
                if run is not None and run[0] == path and run[1] + run[2] == off:
                    run = (path, run[1], run[2] + n)
                    continue
                if run is not None:
                    yield from self._read(handles, *run)
                run = (path, off, n)
            if run is not None:
                yield from self._read(handles, *run)
        finally:
            for fh in handles.values():
                fh.close()

    @staticmethod
    def _read(handles: dict, path: str, off: int, n: int) -> Iterator[bytes]:
        fh = handles.get(path)
        if fh is None:
            fh = handles[path] = open(path, "rb")  # noqa: SIM115 - closed by _raw
        fh.seek(off)
        while n > 0:
            data = fh.read(min(n, _PIECE))
            if not data:
                raise OSError(f"{path}: a table part ended early (offset {off})")
            n -= len(data)
            yield data

    def __iter__(self) -> Iterator[bytes]:
        digest = hashlib.sha256()
        chunks = gzip_stream(self._raw()) if self.compress else self._raw()
        for chunk in chunks:
            digest.update(chunk)
            yield chunk
        self.sha256 = digest.hexdigest()

    def __bytes__(self) -> bytes:
        return b"".join(self)
