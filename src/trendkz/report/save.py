"""Saving a comparison reproducibly (:mod:`trendkz.report.verify` checks a saved one).

Every output is written into a temporary sibling folder and moved into place at the end
(:mod:`trendkz.report.outdir`), so an interrupted run never leaves a folder that verify
would accept. CSVs use a fixed float format, a stable sort and ``\\n`` line ends (``.csv.gz``
a fixed gzip header); SVGs a fixed hash salt and no date; PNGs no software or date stamp.
Two runs give the same bytes. ``manifest.json`` records what a fresh run needs (the source,
the options with the lexicon's whole content, the report settings) and ends with the
SHA-256 of its own content, so an edit to it shows.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import tempfile
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from .._core.errors import OptionError
from .blocks import Joined, gzip_stream
from .figures import figure_bytes
from .frames import FRAME_NAMES
from .outdir import check_folder, write_folder

__all__ = [
    "BUNDLED",
    "ReportFiles",
    "csv_bytes",
    "figure_bytes",
    "manifest_bytes",
    "recorded_source",
    "report_bytes",
    "report_corpus",
    "report_settings",
    "save_comparison",
]

FLOAT_FORMAT = "%.6f"
DEPENDENCIES = ("pandas", "numpy", "rapidfuzz", "matplotlib", "charset-normalizer")
BUNDLED = "bundled:kazakhstan"
FRAME_FILE = "inputs/corpus.json"  # a DataFrame corpus is kept inside its report
SELF_HASH = "manifest_sha256"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as CSV bytes: no index, fixed float format, ``\\n`` line ends, UTF-8."""
    buf = io.BytesIO()  # written as bytes: no intermediate string of the whole table
    frame.to_csv(buf, index=False, float_format=FLOAT_FORMAT, lineterminator="\n", encoding="utf-8")
    return buf.getvalue()


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzipped with a fixed header (no name, time 0): the same bytes every run."""
    return b"".join(gzip_stream([data]))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_settings(
    *, tables=None, compress: bool = False, entities=None, pngs: bool = True
) -> dict:
    """What a report folder holds, checked: ``tables`` (frame names; default all),
    ``compress`` (``.csv.gz``), ``entities`` (entity pages; default all), ``pngs``."""
    names = list(FRAME_NAMES) if tables is None else [str(t) for t in tables]
    bad = [t for t in names if t not in FRAME_NAMES]
    if bad:
        raise OptionError(f"tables: unknown table(s) {bad}; choose among {', '.join(FRAME_NAMES)}")
    names = [t for t in FRAME_NAMES if t in names]  # the usual order, no repeats
    if entities is not None:
        entities = sorted({str(e) for e in entities})
    return {"tables": names, "compress": bool(compress), "entities": entities, "pngs": bool(pngs)}


def recorded_source(comparison, folder: Path) -> str | dict | None:
    """Where a fresh run loads the corpus from, written into the manifest: the bundled
    corpus, or paths relative to the report ``folder``, or the report's own copy of a
    DataFrame corpus; ``None`` when the corpus' origin is unknown (verify then refuses).
    ``comparison``: a comparison or the corpus it is made from (their ``origin``)."""
    from ..datasets import kazakhstan_path

    origin = comparison.origin
    if not origin:
        return None
    here = Path(os.path.abspath(folder))

    def rel(p):
        return Path(os.path.relpath(p, here)).as_posix()

    man = origin.get("manifest")
    man = rel(man) if isinstance(man, str) else man
    if "frame" in origin:
        out: dict = {"frame": FRAME_FILE}
    elif "files" in origin:
        out = {"files": [rel(p) for p in origin["files"]], "manifest": man}
    else:
        if man is None and Path(origin["path"]) == Path(os.path.abspath(kazakhstan_path())):
            out = {"bundled": BUNDLED}
        else:
            out = {"path": rel(origin["path"]), "manifest": man}
    if origin.get("allow_outside") and "frame" not in origin:
        out["allow_outside"] = True
    if "doc_ids" in origin:
        out["doc_ids"] = list(origin["doc_ids"])
    return BUNDLED if out == {"bundled": BUNDLED} else out


class ReportFiles(Mapping):
    """The files of a report, name → bytes, made one at a time as they are read in order
    (tables first, ``manifest.json`` last, with the hash of every file before it), so a
    large report is never held in memory whole. Reading a file out of order makes it (and
    ``manifest.json`` makes every file) once; a file is not kept after it was given.
    :meth:`stream_items` gives the large tables as :class:`~trendkz.report.blocks.Joined`
    files, read piece by piece as they are written."""

    def __init__(self, makers: dict, manifest: dict, keep=None):
        self._makers = makers  # name -> bytes, a Joined, or a function returning bytes
        self._manifest = manifest
        self._hashes: dict[str, str] = {}
        self._keep = keep  # what the makers read from (a staging folder), kept alive

    def __iter__(self):
        return iter([*self._makers, "manifest.json"])

    def __len__(self) -> int:
        return len(self._makers) + 1

    def _make(self, name: str, stream: bool = False):
        maker = self._makers[name]
        if isinstance(maker, Joined):
            if stream:
                return maker  # its hash is known once it was read through
            data = bytes(maker)
        else:
            data = maker() if callable(maker) else maker
        self._hashes[name] = _sha(data)
        return data

    def _manifest_file(self) -> bytes:
        for other in self._makers:
            if other in self._hashes:
                continue
            maker = self._makers[other]
            if isinstance(maker, Joined) and maker.sha256 is not None:
                self._hashes[other] = maker.sha256
            elif isinstance(maker, Joined):
                for _ in maker:  # read through once for its hash
                    pass
                self._hashes[other] = str(maker.sha256)
            else:
                self._make(other)
        outputs = {n: self._hashes[n] for n in sorted(self._makers)}
        return manifest_bytes({**self._manifest, "outputs": outputs})

    def __getitem__(self, name: str) -> bytes:
        if name == "manifest.json":
            return self._manifest_file()
        if name not in self._makers:
            raise KeyError(name)
        return self._make(name)

    def items(self):  # in order, each made once
        for name in self:
            yield name, self[name]

    def stream_items(self):
        """Like :meth:`items`, but a large table as an iterable of byte chunks."""
        for name in self._makers:
            yield name, self._make(name, stream=True)
        yield "manifest.json", self._manifest_file()


def _staging(path=None) -> tempfile.TemporaryDirectory:
    """A temporary folder for the parts' tables: beside the report folder when its parent
    exists (the same disk), else in the system's temporary folder."""
    where = Path(os.path.abspath(path)).parent if path is not None else None
    if where is not None and not (where.is_dir() and os.access(where, os.W_OK)):
        where = None
    return tempfile.TemporaryDirectory(prefix=".trendkz-parts-", dir=where)


def _outputs(comparison, settings: dict, progress: bool, staging: str) -> dict:
    """The report's files from a finished comparison (split by entity; the parts made in
    worker processes when there are many)."""
    from .assemble import context, report_outputs, run_bundles, split_comparison
    from .digest_series import of_frames

    opts = _options(comparison.options)
    series = of_frames(comparison.sections, comparison.documents)  # before the split
    ctx = context(comparison.documents, settings, opts, staging, series)
    parts = split_comparison(comparison)
    backend = "serial" if len(parts) < 8 else "processes"
    results = run_bundles(parts, ctx, workers=None, backend=backend, progress=progress)
    del parts
    out, _ = report_outputs(results, ctx, settings, comparison.options)
    return _with_inputs(out, comparison.origin)


def _options(recorded: dict) -> dict:
    """The comparison's options as the chain takes them (the lexicon as a Lexicon)."""
    from ..terms.lexicon import Lexicon

    opts = dict(recorded)
    if opts.get("lexicon") is not None:
        opts["lexicon"] = Lexicon.coerce(opts["lexicon"])
    return opts


def _with_inputs(out: dict, origin: dict | None) -> dict:
    """``out`` with ``inputs/corpus.json`` after the tables when the corpus was a frame."""
    if not origin or "frame" not in origin:
        return out
    text = json.dumps(origin["frame"], indent=0, ensure_ascii=False, sort_keys=True, default=str)
    return {**out, FRAME_FILE: (text + "\n").encode()}


def save_comparison(
    comparison,
    path,
    *,
    source: str | dict | None = None,
    tables=None,
    compress: bool = False,
    entities=None,
    pngs: bool = True,
    progress: bool = False,
    force: bool = False,
) -> Path:
    """Write ``comparison`` to the folder ``path``.

    ``path`` may be new, empty, or an earlier trendkz report (replaced whole, atomically).
    Any other folder is refused with :class:`OutputError` unless ``force=True``, which writes
    the report's files into it and keeps every other file.

    Layout: ``tables/<frame>.csv`` (``.csv.gz`` with ``compress``; only the frames named in
    ``tables``, default all), ``figures/<name>.svg`` and ``.png`` (the main entity),
    ``entities/<entity>.html`` and ``entities/<entity>/<name>.svg`` (one page and figure set
    per entity in ``entities``, default all), ``index.html`` (navigation),
    ``digest.md`` and ``digest.tex`` (:func:`trendkz.digest`, top 10 per pair) and
    ``manifest.json``. ``source`` says where a fresh run loads the corpus from; by default
    it is worked out from how the corpus was loaded (``Corpus.origin``): a folder or files
    (recorded relative to ``path``), the bundled corpus, or, for a DataFrame, a copy of its
    rows kept in ``inputs/corpus.json``. Returns the folder.
    """
    settings = report_settings(tables=tables, compress=compress, entities=entities, pngs=pngs)
    check_folder(path, force=force)  # refused before any work
    if source is None:
        source = recorded_source(comparison, Path(path))
    with _staging(path) as staging:
        makers = _outputs(comparison, settings, progress, staging)
        outputs = ReportFiles(makers, _manifest(comparison.options, source, settings, comparison))
        return write_folder(Path(path), outputs, force=force)


def report_corpus(
    corpus,
    path,
    *,
    settings: dict,
    workers: int | None = None,
    progress: bool = False,
    force: bool = False,
    **options,
) -> tuple[Path, str]:
    """Compare ``corpus`` and write the report folder ``path`` in one pass, entity by
    entity: each entity's frames are made, written and let go in a worker, so memory holds
    one entity per worker, never the whole comparison. The folder is the same bytes as
    ``compare(corpus, **options).save(path, ...)`` writes. Returns the folder and the row
    counts as a comparison prints them."""
    from .assemble import context, report_outputs, rows_summary, run_bundles
    from .chain import _check_options, recorded_options
    from .digest_series import of_corpus

    opts = _check_options(options)
    check_folder(path, force=force)  # refused before any work
    recorded = recorded_options(opts)
    source = recorded_source(corpus, Path(path))
    with _staging(path) as staging:
        series = of_corpus(corpus)  # the digest's series table, before the split
        ctx = context(corpus.documents, settings, opts, staging, series)
        parts = [(next(iter(c)).entity or "", c) for c in corpus.by_entity()]
        results = run_bundles(parts, ctx, workers=workers, backend="auto", progress=progress)
        makers, documents = report_outputs(results, ctx, settings, recorded)
        makers = _with_inputs(makers, corpus.origin)
        summary = rows_summary(results)
        del results
        inputs = _inputs(documents)
        outputs = ReportFiles(makers, _manifest(recorded, source, settings, inputs=inputs))
        return write_folder(Path(path), outputs, force=force), summary


def manifest_bytes(manifest: dict) -> bytes:
    """``manifest`` as its file: sorted JSON, and last the SHA-256 of the rest of it."""
    body = {k: v for k, v in manifest.items() if k != SELF_HASH}

    def dump(m: dict) -> bytes:
        text = json.dumps(m, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
        return (text + "\n").encode()

    return dump({**body, SELF_HASH: _sha(dump(body))})


def report_bytes(
    comparison,
    *,
    source: str | dict | None = None,
    settings: dict | None = None,
    progress: bool = False,
) -> ReportFiles:
    """Every file of the report folder, name → bytes, ``manifest.json`` included (made
    lazily, one at a time, when read in order: see :class:`ReportFiles`)."""
    settings = settings or report_settings()
    staging = _staging()
    makers = _outputs(comparison, settings, progress, staging.name)
    return ReportFiles(makers, _manifest(comparison.options, source, settings, comparison), staging)


def _inputs(documents: pd.DataFrame) -> list[dict]:
    return [
        {"doc_id": r.doc_id, "source": r.source, "sha256": r.sha256}
        for r in documents.itertuples(index=False)
    ]


def _manifest(options: dict, source, settings: dict, comparison=None, inputs=None) -> dict:
    return {
        "trendkz": _version("trendkz"),
        "python": platform.python_version(),
        "dependencies": {d: _version(d) for d in DEPENDENCIES},
        "source": source,
        "options": options,
        "report": settings,
        "inputs": comparison.inputs if inputs is None else inputs,
    }
