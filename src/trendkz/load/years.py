"""One rule for a document's year, wherever it comes from (manifest, DataFrame, text).

A year is a whole number from :data:`YEARS` (1500 to 2200): ``2019``, ``"2019"``,
``" 2019 "`` or ``2019.0`` (a pandas column with a missing value is float). Anything else
(``2010.7``, ``-5``, ``20190``, ``True``, ``"abc"``, ``inf``, a timestamp, ``"0000"``,
``"9999"``) is a :class:`ManifestError` saying where and what to write.
"""

from __future__ import annotations

import math
import numbers
import re

from .._core.errors import ManifestError

__all__ = ["YEARS", "check_year"]

YEARS = (1500, 2200)

_DIGITS = re.compile(r"\s*[0-9]{1,4}\s*")


def check_year(value: object, where: str, name: str | None = None) -> int | None:
    """``value`` as a year, ``None`` when missing (``None``, NaN, empty text); raise
    :class:`ManifestError` when it is not a whole number in :data:`YEARS`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    year: int | None = None
    if isinstance(value, str):
        year = int(value) if _DIGITS.fullmatch(value) else None
    elif isinstance(value, bool):
        year = None
    elif isinstance(value, numbers.Integral):
        year = int(value)
    elif isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f):
            return None
        year = int(f) if math.isfinite(f) and f == int(f) else None
    else:
        try:  # pandas.NA and the like
            if value != value or str(value) in ("<NA>", "NaT"):
                return None
        except (TypeError, ValueError):
            pass
    if year is None or not YEARS[0] <= year <= YEARS[1]:
        raise ManifestError(
            f"{where}: bad year {value!r}{f' for {name!r}' if name else ''}; write a whole "
            f"year from {YEARS[0]} to {YEARS[1]} (such as 2019), or leave it empty to infer "
            "it from the text"
        )
    return year
