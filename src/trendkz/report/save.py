"""Saving a comparison reproducibly (:mod:`trendkz.report.verify` checks a saved one).

Every output is written into a temporary sibling folder and moved into place at the end
(:mod:`trendkz.report.outdir`), so an interrupted run never leaves a folder that verify
would accept. CSVs use a fixed float format, a stable sort and ``\\n`` line ends; SVGs a
fixed hash salt and no date; PNGs no software or date stamp. Two runs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from .outdir import write_folder

__all__ = ["BUNDLED", "csv_bytes", "figure_bytes", "report_bytes", "save_comparison"]

FLOAT_FORMAT = "%.6f"
DEPENDENCIES = ("pandas", "numpy", "rapidfuzz", "matplotlib", "charset-normalizer")
BUNDLED = "bundled:kazakhstan"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as CSV bytes: no index, fixed float format, ``\\n`` line ends, UTF-8."""
    return frame.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n").encode()


def figure_bytes(fig, fmt: str) -> bytes:
    """A figure as SVG or PNG bytes with nothing that changes between runs."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "trendkz", "svg.fonttype": "path"}):
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buf, format="png", dpi=200, metadata={"Software": None})
    return buf.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _outputs(comparison, progress: bool) -> dict[str, bytes]:
    from .figures import make_figures
    from .html import index_html

    out: dict[str, bytes] = {}
    frames = comparison.frames
    items = list(frames.items())
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="writing", unit="table")
    for name, frame in items:
        out[f"tables/{name}.csv"] = csv_bytes(frame)
    figs = make_figures(comparison)
    svgs = {}
    for name, fig in figs.items():
        svgs[name] = figure_bytes(fig, "svg")
        out[f"figures/{name}.svg"] = svgs[name]
        out[f"figures/{name}.png"] = figure_bytes(fig, "png")
    out["index.html"] = index_html(comparison, svgs).encode()
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
    progress: bool = False,
    force: bool = False,
) -> Path:
    """Write ``comparison`` to the folder ``path``.

    ``path`` may be new, empty, or an earlier trendkz report (replaced whole, atomically).
    Any other folder is refused with :class:`OutputError` unless ``force=True``, which writes
    the report's files into it and keeps every file trendkz did not write.

    Layout: ``tables/<frame>.csv``, ``figures/<name>.svg`` and ``.png``, ``index.html``,
    ``digest.md`` and ``digest.tex`` (:func:`trendkz.digest`, top 10 per pair) and
    ``manifest.json`` (versions, options, ``source`` to re-run from, SHA-256 of every input
    and every output). ``source`` says where to re-run from: ``"bundled:kazakhstan"`` (the
    default) or ``{"path": ..., "manifest": ...}`` with paths relative to the folder.
    Returns the folder.
    """
    outputs = report_bytes(comparison, source=source, progress=progress)
    return write_folder(Path(path), outputs, force=force)


def report_bytes(
    comparison, *, source: str | dict | None = None, progress: bool = False
) -> dict[str, bytes]:
    """Every file of the report folder, name → bytes, ``manifest.json`` included."""
    outputs = _outputs(comparison, progress)
    manifest = {
        "trendkz": _version("trendkz"),
        "python": platform.python_version(),
        "dependencies": {d: _version(d) for d in DEPENDENCIES},
        "source": source or BUNDLED,
        "options": comparison.options,
        "inputs": comparison.inputs,
        "outputs": {name: _sha(data) for name, data in sorted(outputs.items())},
    }
    outputs["manifest.json"] = (
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    ).encode()
    return outputs
