"""How a corpus was made, recorded so that it can be loaded again (``Corpus.origin``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["origin_of", "records_of"]


def origin_of(source, manifest, allow_outside: bool = False) -> dict:
    """The origin of a corpus loaded from ``source`` (see ``Corpus.origin``)."""
    if isinstance(manifest, pd.DataFrame):
        manifest = records_of(manifest, list(manifest.columns))
    elif manifest is not None and manifest is not False:  # False: texts only, recorded
        manifest = str(Path(manifest).resolve())
    outside = {"allow_outside": True} if allow_outside else {}
    if isinstance(source, (str, Path)):
        return {"path": str(Path(source).resolve()), "manifest": manifest, **outside}
    return {"files": [str(Path(p).resolve()) for p in source], "manifest": manifest, **outside}


def records_of(df: pd.DataFrame, columns: list) -> list[dict]:
    """Rows as plain JSON data (missing values left out), to load the same frame again."""
    out = []
    for row in df[columns].to_dict("records"):
        rec = {}
        for k, v in row.items():
            if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
                continue
            rec[str(k)] = v.item() if hasattr(v, "item") else v
        out.append(rec)
    return out
