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

import gzip
import hashlib
import io
import json
import os
import platform
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from .._core.errors import OptionError
from .frames import FRAME_NAMES
from .outdir import write_folder

__all__ = [
    "BUNDLED",
    "ReportFiles",
    "csv_bytes",
    "figure_bytes",
    "manifest_bytes",
    "recorded_source",
    "report_bytes",
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
    return gzip.compress(data, compresslevel=6, mtime=0)


def figure_bytes(fig, fmt: str) -> bytes:
    """A figure as SVG or PNG bytes with nothing that changes between runs; PDF and PS
    embed TrueType fonts (Type 42), which journals accept, never Type 3."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(
        {"svg.hashsalt": "trendkz", "svg.fonttype": "path", "pdf.fonttype": 42, "ps.fonttype": 42}
    ):
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        elif fmt == "png":
            fig.savefig(buf, format="png", dpi=200, metadata={"Software": None})
        elif fmt == "pdf":
            fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "Creator": None})
        else:
            fig.savefig(buf, format=fmt)
    return buf.getvalue()


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
    DataFrame corpus; ``None`` when the corpus' origin is unknown (verify then refuses)."""
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
    ``manifest.json`` makes every file) once; a file is not kept after it was given."""

    def __init__(self, makers: dict, manifest: dict):
        self._makers = makers  # name -> bytes or a function returning them
        self._manifest = manifest
        self._hashes: dict[str, str] = {}

    def __iter__(self):
        return iter([*self._makers, "manifest.json"])

    def __len__(self) -> int:
        return len(self._makers) + 1

    def _make(self, name: str) -> bytes:
        maker = self._makers[name]
        data = maker() if callable(maker) else maker
        self._hashes[name] = _sha(data)
        return data

    def __getitem__(self, name: str) -> bytes:
        if name == "manifest.json":
            for other in self._makers:
                if other not in self._hashes:
                    self._make(other)
            outputs = {n: self._hashes[n] for n in sorted(self._makers)}
            return manifest_bytes({**self._manifest, "outputs": outputs})
        if name not in self._makers:
            raise KeyError(name)
        return self._make(name)

    def items(self):  # in order, each made once
        for name in self:
            yield name, self[name]


def _table_maker(frame: pd.DataFrame, compress: bool):
    def make() -> bytes:
        data = csv_bytes(frame)
        return gzip_bytes(data) if compress else data

    return make


def _outputs(comparison, settings: dict, progress: bool) -> dict:
    from .figures import make_figures
    from .html import index_html
    from .pages import entity_outputs

    out: dict = {}
    frames = comparison.frames
    ext = ".csv.gz" if settings["compress"] else ".csv"
    for name in settings["tables"]:
        out[f"tables/{name}{ext}"] = _table_maker(frames[name], settings["compress"])
    if comparison.origin and "frame" in comparison.origin:
        records = comparison.origin["frame"]
        out[FRAME_FILE] = (
            json.dumps(records, indent=0, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        ).encode()
    figs = make_figures(comparison)
    svgs = {}
    for name, fig in figs.items():
        svgs[name] = figure_bytes(fig, "svg")
        out[f"figures/{name}.svg"] = svgs[name]
        if settings["pngs"]:
            out[f"figures/{name}.png"] = figure_bytes(fig, "png")
    out.update(entity_outputs(comparison, settings["entities"], progress=progress))
    out["index.html"] = index_html(comparison, svgs, settings["entities"]).encode()
    from .digest import digest

    ranked = digest(comparison)
    out["digest.md"] = ranked.to_markdown().encode()
    out["digest.tex"] = ranked.to_latex().encode()
    return out


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
    if source is None:
        source = recorded_source(comparison, Path(path))
    outputs = report_bytes(comparison, source=source, settings=settings, progress=progress)
    return write_folder(Path(path), outputs, force=force)


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
    makers = _outputs(comparison, settings, progress)
    manifest = {
        "trendkz": _version("trendkz"),
        "python": platform.python_version(),
        "dependencies": {d: _version(d) for d in DEPENDENCIES},
        "source": source,
        "options": comparison.options,
        "report": settings,
        "inputs": comparison.inputs,
    }
    return ReportFiles(makers, manifest)
