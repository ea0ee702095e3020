"""Manifests: a CSV (or DataFrame) with a ``file`` column and metadata that overrides inference.

Columns besides ``file``: any of ``date`` (ISO ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a
fiscal quarter ``YYYY-Qn``), ``year`` (optional when ``date`` is given), ``title, kind,
entity, series, publisher``. With a folder, only the files the manifest lists are loaded;
with a list of files, the rows naming given files are used and the others ignored.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._core.errors import InputError, ManifestError
from .dates import parse_date
from .paths import check_regular
from .years import check_year

__all__ = ["read_manifest", "manifest_beside", "rows_for_files"]


def read_manifest(manifest: str | Path | pd.DataFrame) -> pd.DataFrame:
    """The manifest as a frame of strings, checked: a ``file`` column, dates and years that
    parse (a :class:`ManifestError` names the line otherwise)."""
    where = "manifest" if isinstance(manifest, pd.DataFrame) else str(manifest)
    if isinstance(manifest, pd.DataFrame):
        df = manifest.copy()
    else:
        try:
            check_regular(Path(manifest), where)
            df = pd.read_csv(manifest, dtype=str, keep_default_na=False)
        except (InputError, FileNotFoundError):
            raise ManifestError(f"{where}: manifest file not found or not a file") from None
        except (OSError, ValueError) as exc:  # empty, not CSV, not UTF-8
            raise ManifestError(f"{where}: not a readable CSV file ({exc})") from None
    if "file" not in df.columns:
        raise ManifestError(
            f"{where}: the manifest needs a 'file' column; it has {', '.join(map(str, df.columns))}"
        )
    if "year" in df.columns:  # one year rule for manifests, DataFrames and text
        for i, y in enumerate(df["year"]):
            check_year(y, f"{where}:{i + 2}", str(df["file"].iloc[i]))
    df = df.fillna("")
    dates = df["date"].astype(str).str.strip() if "date" in df.columns else None
    for i in range(len(df)):
        line = f"{where}:{i + 2}"
        name = df["file"].iloc[i]
        d = dates.iloc[i] if dates is not None else ""
        if d and parse_date(d) is None:
            raise ManifestError(
                f"{line}: bad date {d!r} for {name!r}; write an ISO date (2021-09-30, "
                "2021-09, 2021 or a fiscal quarter 2022-Q1) or leave it empty"
            )
    df.attrs["where"] = where
    return df


def manifest_beside(paths: list[Path]) -> Path | None:
    """The ``manifest.csv`` in the one folder holding every given file, if there is one."""
    folders = {p.resolve().parent for p in paths}
    if len(folders) == 1:
        found = folders.pop() / "manifest.csv"
        if found.is_file():
            return found
    return None


def rows_for_files(
    man: pd.DataFrame, files: list[tuple[Path, str]], base: Path | None
) -> dict[str, dict]:
    """The manifest row (with its ``_line``) of each given file, by the file's name.

    A row matches a file named the same relative to ``base`` (the manifest's folder), or by
    its file name alone; rows for files not given are ignored.
    """
    by_key: dict[str, dict] = {}
    for i, row in enumerate(man.to_dict("records")):
        row["_line"] = f"{man.attrs.get('where', 'manifest')}:{i + 2}"
        name = str(row["file"]).strip()
        by_key.setdefault(name, row)
        by_key.setdefault(Path(name).name, row)
    out: dict[str, dict] = {}
    for path, name in files:
        keys = [name, path.name]
        if base is not None:
            try:
                keys.insert(0, path.resolve().relative_to(base.resolve()).as_posix())
            except ValueError:
                pass
        found: dict | None = next((by_key[k] for k in keys if k in by_key), None)
        if found is not None:
            out[name] = found
    return out
