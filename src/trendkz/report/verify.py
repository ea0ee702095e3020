"""Verifying a saved report: the manifest's own hash and shape, every file against its
manifest hash, then every file against a fresh run from the recorded source and options.

Verify reads only the report folder and the recorded source (the documents the manifest
lists, a manifest CSV beside them, or the report's own copy of a DataFrame corpus).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._core.errors import OptionError, TrendkzError, VerifyError
from .save import BUNDLED, SELF_HASH, manifest_bytes, report_bytes, report_settings

__all__ = ["Difference", "read_manifest", "verify_report"]

KEYS = {  # manifest key -> the JSON types it may hold
    "trendkz": (str,),
    "python": (str,),
    "dependencies": (dict,),
    "source": (str, dict, type(None)),
    "options": (dict,),
    "report": (dict,),
    "inputs": (list,),
    "outputs": (dict,),
    SELF_HASH: (str,),
}
SHOWN_ROWS = 5  # differing rows shown per CSV


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Difference:
    """One way a saved report differs from what it should be; ``cells`` are lines such as
    ``row 3, status: 'same' → 'changed'`` for the first differing rows of a CSV."""

    file: str
    problem: str
    rows: list[int] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        rows = ""
        if self.rows:
            shown = ", ".join(map(str, self.rows[:10]))
            rows = f" (rows {shown}{', …' if len(self.rows) > 10 else ''}; {len(self.rows)} in all)"
        lines = "".join(f"\n      {c}" for c in self.cells)
        return f"{self.file}: {self.problem}{rows}{lines}"


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def read_manifest(folder: Path) -> dict:
    """The manifest of ``folder``, parsed strictly (no NaN, known keys of the right types)."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise VerifyError(
            f"{path}: no manifest.json; is {folder} a trendkz report folder "
            "(made by `trendkz report`)? An interrupted run leaves none."
        )
    try:
        manifest = json.loads(path.read_bytes().decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise VerifyError(f"{path}: damaged manifest ({exc}); re-create the report") from None
    if not isinstance(manifest, dict):
        raise VerifyError(f"{path}: the manifest is not a JSON object; re-create the report")
    for key in ("outputs", "source", "options", "inputs"):
        if key not in manifest:
            raise VerifyError(f"{path}: the manifest lacks the key {key!r}; re-create the report")
    for key, value in manifest.items():
        if key in KEYS and not isinstance(value, KEYS[key]):
            raise VerifyError(
                f"{path}: manifest key {key!r} holds {type(value).__name__} "
                f"{json.dumps(value)[:60]}; it should be "
                + " or ".join(t.__name__ for t in KEYS[key])
            )
    bad = [n for n, h in manifest["outputs"].items() if not isinstance(h, str)]
    if bad:
        raise VerifyError(f"{path}: manifest key 'outputs' lists {bad[0]!r} without a hash")
    return manifest


def _manifest_problems(folder: Path, manifest: dict) -> list[Difference]:
    """Edits to manifest.json: its own hash, its exact bytes and unknown keys."""
    out = []
    raw = (folder / "manifest.json").read_bytes()
    unknown = sorted(set(manifest) - set(KEYS))
    if unknown:
        out.append(Difference("manifest.json", f"unknown key(s) {unknown}: edited by hand?"))
    if SELF_HASH not in manifest:
        out.append(
            Difference("manifest.json", f"has no {SELF_HASH}: edited, or made by an old trendkz")
        )
    elif manifest_bytes(manifest) != raw:
        out.append(
            Difference(
                "manifest.json", "edited since it was written (its own hash or bytes differ)"
            )
        )
    return out


def _folders(folder: Path, listed: dict) -> list[Difference]:
    """Folders trendkz did not write (empty or holding only unlisted files)."""
    wanted = {p.parent.as_posix() for p in map(Path, listed)} - {"."}
    wanted |= {a.as_posix() for w in list(wanted) for a in Path(w).parents} - {"."}
    return [
        Difference(p.relative_to(folder).as_posix() + "/", "a folder trendkz did not write")
        for p in sorted(folder.rglob("*"))
        if p.is_dir() and p.relative_to(folder).as_posix() not in wanted
    ]


def _table(data: bytes, name: str) -> pd.DataFrame | None:
    try:
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError, OSError):
        return None


def csv_changes(old: bytes, new: bytes, name: str = ".csv") -> tuple[list[int], list[str]]:
    """Rows (1-based, header not counted) that differ between two CSVs, and for the first
    :data:`SHOWN_ROWS` of them the changed cells, ``row 3, status: 'same' → 'changed'``."""
    fa, fb = _table(old, name), _table(new, name)
    if fa is None or fb is None:
        return [], []
    if list(fa.columns) != list(fb.columns):
        return [], [f"columns: {list(fa.columns)} → {list(fb.columns)}"]
    n = max(len(fa), len(fb))
    a = fa.reindex(range(n)).to_numpy(dtype=object)
    b = fb.reindex(range(n)).to_numpy(dtype=object)
    differ = (a != b).any(axis=1)
    rows = [int(i) + 1 for i in differ.nonzero()[0]]
    cells = []
    for r in rows[:SHOWN_ROWS]:
        i = r - 1
        if i >= len(fa) or i >= len(fb):
            which = "only in the saved report" if i < len(fa) else "only in the fresh run"
            cells.append(f"row {r}: {which}")
            continue
        for j, col in enumerate(fa.columns):
            if a[i, j] != b[i, j]:
                cells.append(f"row {r}, {col}: {a[i, j]!r} → {b[i, j]!r}")
    return rows, cells


def _say(progress: bool, text: str) -> None:
    if progress:
        print(f"verify: {text}", file=sys.stderr, flush=True)


def verify_report(folder, *, rerun: bool = True, progress: bool = False) -> list[Difference]:
    """Check a saved report: the manifest's own hash, every file against its manifest hash,
    every folder; then (with ``rerun``) every file against a fresh run from the manifest's
    source and options. ``progress`` says what it does on stderr, with progress bars.

    Returns the differences (empty when everything is identical).
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    listed = manifest["outputs"]
    if rerun:
        _options(folder, manifest)  # a bad option: an error naming its manifest key
    diffs = _manifest_problems(folder, manifest)
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    _say(progress, f"checking {len(present)} files against manifest.json")
    for name in sorted(set(listed) | (present - {"manifest.json"})):
        if name not in listed:
            diffs.append(Difference(name, "not listed in manifest.json"))
        elif name not in present:
            diffs.append(Difference(name, "missing"))
        elif _sha((folder / name).read_bytes()) != listed[name]:
            diffs.append(Difference(name, "content differs from its manifest hash"))
    diffs += _folders(folder, listed)
    if not rerun:
        return diffs
    if diffs and diffs[0].file == "manifest.json" and "edited" in diffs[0].problem:
        diffs.append(Difference("manifest.json", "not re-run: the manifest cannot be trusted"))
        return diffs
    fresh = _rerun(folder, manifest, progress)
    _say(progress, "comparing with the fresh run")
    made = set()
    for name, new in fresh.items():  # made one at a time: a large report is never held whole
        made.add(name)
        if name == "manifest.json":
            new_manifest = json.loads(new)
            continue
        if name not in present:
            continue  # already reported as missing
        mine = (folder / name).read_bytes()
        if mine != new:
            rows, cells = csv_changes(mine, new, name) if ".csv" in name else ([], [])
            diffs.append(Difference(name, "differs from a fresh run", rows, cells))
    for name in sorted(present - made):
        diffs.append(Difference(name, "a fresh run does not produce this file"))
    if new_manifest["inputs"] != manifest.get("inputs"):
        diffs.append(Difference("manifest.json", "input documents changed since the run"))
    return diffs


def _inside(root: Path, name: str, where: str) -> Path:
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise VerifyError(f"{where}: {name!r} lies outside {root}; verify reads nothing there")
    return path


def _corpus(folder: Path, manifest: dict, progress: bool):
    from ..datasets import kazakhstan_path
    from ..load.corpus import load_corpus

    where = f"{folder / 'manifest.json'}: source"
    source = manifest["source"]
    if source is None:
        raise VerifyError(
            f"{where} is null: the report does not record how its corpus was made (built from "
            "Document objects?), so it cannot be re-run; `verify --hashes-only` checks its files"
        )
    if source == BUNDLED:
        return load_corpus(kazakhstan_path())
    if isinstance(source, dict) and source.get("bundled") == BUNDLED:
        source = {**source, "path": str(kazakhstan_path()), "manifest": None}
    if not isinstance(source, dict) or not (set(source) & {"path", "files", "frame"}):
        raise VerifyError(
            f"{where} is {json.dumps(source)[:80]}; expected {BUNDLED!r} or an object "
            "with 'path', 'files' or 'frame'"
        )
    man = source.get("manifest")
    if isinstance(man, str):
        man = folder / man
    elif isinstance(man, list):
        man = pd.DataFrame(man)
    elif man is not None and man is not False:
        raise VerifyError(f"{where}.manifest is {type(man).__name__}; expected a path or rows")
    try:
        if "frame" in source:
            path = _inside(folder, str(source["frame"]), f"{where}.frame")
            corpus = load_corpus(pd.DataFrame(json.loads(path.read_text("utf-8"))))
        elif "files" in source:
            corpus = load_corpus(
                [folder / str(p) for p in source["files"]],
                manifest=man,
                progress=progress,
                allow_outside=source.get("allow_outside") is True,
            )
        else:
            root = folder / str(source["path"])
            if root.is_dir():  # only the recorded documents are read, never the whole tree
                for doc in manifest["inputs"]:
                    _inside(root, str(doc.get("source", "")), f"{where}.path")
            corpus = load_corpus(
                root,
                manifest=man,
                progress=progress,
                workers=None,
                allow_outside=source.get("allow_outside") is True,
            )
    except (OSError, ValueError) as exc:
        raise VerifyError(f"{where}: cannot load the recorded source ({exc})") from None
    if "doc_ids" in source:
        try:
            corpus = corpus.subset(list(source["doc_ids"]))
        except KeyError as exc:
            raise VerifyError(f"{where}.doc_ids: {exc.args[0]}") from None
    return corpus


def _options(folder: Path, manifest: dict) -> tuple[dict, dict]:
    from ..terms.lexicon import Lexicon
    from .comparison import _check_options

    where = folder / "manifest.json"
    opts = dict(manifest["options"])
    for key in opts:
        try:
            value = opts[key]
            if key == "lexicon" and value is not None:
                value = Lexicon.coerce(value) if isinstance(value, dict) else _bad(value)
            _check_options({key: value})
            opts[key] = value
        except TrendkzError as exc:
            raise VerifyError(
                f"{where}: manifest key options.{key} = {json.dumps(manifest['options'][key])[:80]}"
                f" is not valid ({exc}); re-create the report"
            ) from None
    try:
        settings = report_settings(**manifest.get("report", {}))
    except (TypeError, TrendkzError) as exc:
        raise VerifyError(f"{where}: manifest key 'report' is not valid ({exc})") from None
    return opts, settings


def _bad(value):
    raise OptionError(f"a lexicon is recorded by its content (an object), not {value!r}")


def _rerun(folder: Path, manifest: dict, progress: bool = False) -> Mapping[str, bytes]:
    from .comparison import compare

    opts, settings = _options(folder, manifest)  # checked before any document is read
    _say(progress, "loading the recorded source")
    corpus = _corpus(folder, manifest, progress)
    _say(progress, f"re-running the comparison of {len(corpus)} documents")
    comparison = compare(corpus, workers=None, progress=progress, **opts)
    _say(progress, "re-writing every output")
    return report_bytes(comparison, source=manifest["source"], settings=settings, progress=progress)
