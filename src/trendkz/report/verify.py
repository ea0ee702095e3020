"""Verifying a saved report: every file against its manifest, then against a fresh run."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._core.errors import VerifyError
from ..datasets import kazakhstan_path
from ..load.corpus import load_corpus
from .comparison import compare
from .save import BUNDLED, report_bytes

__all__ = ["Difference", "read_manifest", "verify_report"]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
        raise VerifyError(
            f"{path}: no manifest.json; is {folder} a trendkz report folder "
            "(made by `trendkz report`)? An interrupted run leaves none."
        )
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
    return report_bytes(comparison, source=source)
