"""Saving a comparison reproducibly, and verifying a saved one.

Every output is written into a temporary sibling folder and moved into place at the end, so
an interrupted run never leaves a folder that :func:`verify_report` would accept. CSVs use a
fixed float format, a stable sort and ``\\n`` line ends; SVGs a fixed hash salt and no date;
PNGs no software or date stamp. Two runs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from .errors import VerifyError
from .outdir import write_folder

__all__ = ["Difference", "save_comparison", "verify_report"]

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
    from .htmlreport import index_html

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
    return out


def save_comparison(comparison, path, *, source: str | dict | None = None,
                    progress: bool = False, force: bool = False) -> Path:
    """Write ``comparison`` to the folder ``path``.

    ``path`` may be new, empty, or an earlier trendkz report (replaced whole, atomically).
    Any other folder is refused with :class:`OutputError` unless ``force=True``, which writes
    the report's files into it and keeps every file trendkz did not write.

    Layout: ``tables/<frame>.csv``, ``figures/<name>.svg`` and ``.png``, ``index.html`` and
    ``manifest.json`` (versions, options, ``source`` to re-run from, SHA-256 of every input
    and every output). ``source`` says where to re-run from: ``"bundled:kazakhstan"`` (the
    default) or ``{"path": ..., "manifest": ...}`` with paths relative to the folder.
    Returns the folder.
    """
    target = Path(path)
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
    outputs["manifest.json"] = (json.dumps(manifest, indent=2, sort_keys=True,
                                           ensure_ascii=False) + "\n").encode()
    return write_folder(target, outputs, force=force)


@dataclass
class Difference:
    """One way a saved report differs from what it should be."""

    file: str
    problem: str
    rows: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        rows = ""
        if self.rows:
            shown = ", ".join(map(str, self.rows[:10]))
            rows = f" (rows {shown}{', …' if len(self.rows) > 10 else ''})"
        return f"{self.file}: {self.problem}{rows}"


def read_manifest(folder: Path) -> dict:
    path = folder / "manifest.json"
    if not path.is_file():
        raise VerifyError(f"{path}: no manifest.json; is {folder} a trendkz report folder "
                          "(made by `trendkz report`)? An interrupted run leaves none.")
    try:
        manifest = json.loads(path.read_text("utf-8"))
        manifest["outputs"], manifest["source"]  # noqa: B018 - presence check
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise VerifyError(f"{path}: damaged manifest ({exc}); re-create the report") from None
    return manifest


def _csv_rows(a: bytes, b: bytes) -> list[int]:
    try:
        fa = pd.read_csv(io.BytesIO(a), dtype=str, keep_default_na=False)
        fb = pd.read_csv(io.BytesIO(b), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError):
        return []
    n = max(len(fa), len(fb))
    rows = []
    for i in range(n):
        ra = fa.iloc[i].tolist() if i < len(fa) else None
        rb = fb.iloc[i].tolist() if i < len(fb) else None
        if ra != rb or list(fa.columns) != list(fb.columns):
            rows.append(i + 1)
    return rows


def verify_report(folder, *, rerun: bool = True) -> list[Difference]:
    """Check a saved report: every file against its manifest hash, then (with ``rerun``)
    every file against a fresh run from the manifest's source and options.

    Returns the differences (empty when everything is identical).
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    listed = manifest["outputs"]
    diffs: list[Difference] = []
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    for name in sorted(set(listed) | (present - {"manifest.json"})):
        if name not in listed:
            diffs.append(Difference(name, "not listed in manifest.json"))
        elif name not in present:
            diffs.append(Difference(name, "missing"))
        elif _sha((folder / name).read_bytes()) != listed[name]:
            diffs.append(Difference(name, "content differs from its manifest hash"))
    if not rerun:
        return diffs
    fresh = _rerun(folder, manifest)
    for name in sorted(set(fresh) | present):
        mine = (folder / name).read_bytes() if name in present else None
        new = fresh.get(name)
        if name == "manifest.json" or mine == new:
            continue
        if new is None:
            diffs.append(Difference(name, "a fresh run does not produce this file"))
        elif mine is None:
            continue  # already reported as missing
        else:
            rows = _csv_rows(mine, new) if name.endswith(".csv") else []
            diffs.append(Difference(name, "differs from a fresh run", rows))
    new_manifest = json.loads(fresh["manifest.json"])
    if new_manifest["inputs"] != manifest.get("inputs"):
        diffs.append(Difference("manifest.json", "input documents changed since the run"))
    return diffs


def _rerun(folder: Path, manifest: dict) -> dict[str, bytes]:
    from .comparison import compare
    from .corpus import load_corpus
    from .datasets import kazakhstan_path

    source = manifest["source"]
    if source == BUNDLED:
        corpus = load_corpus(kazakhstan_path())
    elif isinstance(source, dict) and "path" in source:
        man = source.get("manifest")
        corpus = load_corpus(folder / source["path"], manifest=folder / man if man else None)
    else:
        raise VerifyError(f"{folder / 'manifest.json'}: unknown source {source!r}")
    opts = dict(manifest.get("options", {}))
    if isinstance(opts.get("lexicon"), str):
        opts["lexicon"] = str(folder / opts["lexicon"])
    comparison = compare(corpus, workers=None, **opts)
    with tempfile.TemporaryDirectory() as tmp:
        out = save_comparison(comparison, Path(tmp) / folder.name, source=source)
        return {p.relative_to(out).as_posix(): p.read_bytes()
                for p in out.rglob("*") if p.is_file()}
