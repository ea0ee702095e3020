"""From read documents to a corpus: series and entities filled in, ids given, doubts told.

- A missing series is taken from the other documents of the same entity and kind when they
  agree on one (one pass over the documents: linear in their number).
- Entities are settled across a folder's documents first (:mod:`trendkz.load.identities`).
- ``doc_id`` is ``entity-year`` (``kazakhstan-2019``) when a document is the only one of its
  entity that year; when several share the year it is ``entity-date`` (``acme-2021-03-16``,
  ``acme-2021-q3``). Where dates are equal too, the series is added when theirs differ
  (``oig-2010-09-30-foia-reports``), else a count (``-2``) in file-name order. The kind,
  a guess, is never part of an id.
- One :class:`~trendkz.TrendkzWarning` lists the documents dated from weak evidence (year
  mentions only), dated against other evidence, contradicting their manifest, or sharing a
  date with a document of their series.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict

from .._core.errors import DateWarning

__all__ = ["fill_from_siblings", "assign_ids", "warn_doubts"]


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def fill_from_siblings(items: list[dict]) -> None:
    """Fill a missing series from the other documents of the same entity and kind."""
    known: dict[tuple, set] = defaultdict(set)
    for it in items:
        if it["series"]:
            known[(it["entity"], it["kind"])].add(it["series"])
    for it in items:
        if not it["series"]:
            found = known.get((it["entity"], it["kind"]), set())
            if len(found) == 1:
                it["series"] = next(iter(found))


def assign_ids(items: list[dict]) -> list[dict]:
    """Give each item a ``doc_id`` (see the module docstring); items come back in id order."""
    order = sorted(
        items,
        key=lambda i: (i["entity"] or "", i["series"] or "", i["year"], i["date"], i["source"]),
    )
    for it in order:
        it["_ent"] = _slug(it["entity"] or "doc") or "doc"
    per_year: dict[tuple, int] = defaultdict(int)
    for it in order:
        per_year[(it["_ent"], it["year"])] += 1
    for it in order:  # alone in its year: the year; else the date
        alone = per_year[(it["_ent"], it["year"])] == 1
        it["_base"] = f"{it['_ent']}-{it['year'] if alone else it['date'].lower()}"
    series: dict[str, set] = defaultdict(set)
    for it in order:
        series[it["_base"]].add(it["series"] or "")
    ids: dict[str, int] = defaultdict(int)
    for it in order:  # equal dates: the series tells them apart, else a count
        base = it.pop("_base")
        if len(series[base]) > 1 and (tail := _slug(it["series"] or "")):
            base = f"{base}-{tail}"
        ids[base] += 1
        it["doc_id"] = base if ids[base] == 1 else f"{base}-{ids[base]}"
        del it["_ent"]
    return order


def warn_doubts(items: list[dict]) -> None:
    """One :class:`~trendkz.DateWarning` naming every document whose date is doubtful, and
    what was chosen (the first 40 in full, the others by file name)."""
    lines: list[str] = []
    named: dict[str, str] = {}
    for it in sorted(items, key=lambda i: i["source"]):
        chosen = f"{it['source']}: {it['date']} ({it['date_source']})"
        before = len(lines)
        if it["date_source"] == "mentions":
            lines.append(f"{chosen}: only the years the text mentions support it")
        elif it["date_source"] == "file name":
            lines.append(f"{chosen}: the text names no year; taken from the file name")
        if it.get("_doubt"):
            lines.append(f"{chosen}: {it['_doubt']}")
        for source, date, line in it.get("_against", []):
            where = f" ({line})" if line else ""
            if it["date_source"] == "manifest":
                lines.append(f"{chosen}{where}: the text's {source} says {date}; kept the manifest")
            else:
                lines.append(f"{chosen}: the {source} says {date}")
        if len(lines) > before:
            named[it["source"]] = it["date"]
    seen: dict[tuple, dict] = {}
    for it in sorted(items, key=lambda i: i["source"]):
        key = (it["entity"], it["series"], it["kind"], it["date"])
        if key in seen:
            lines.append(
                f"{it['source']} and {seen[key]['source']}: same {it['entity'] or 'entity'}, "
                f"series and date {it['date']}; ids {seen[key]['doc_id']} and {it['doc_id']} "
                "follow the file names (give dates in a manifest to order them)"
            )
            named.setdefault(it["source"], it["date"])
            named.setdefault(seen[key]["source"], it["date"])
        else:
            seen[key] = it
    if lines:
        shown = lines[:40]
        rest = sorted({line.split(": ")[0] for line in lines[40:]} - set(_firsts(shown)))
        if len(lines) > 40:
            shown.append(f"… {len(lines) - 40} more, in: {', '.join(rest)}")
        warnings.warn(
            DateWarning(
                f"{len(lines)} doubtful date{'s' if len(lines) > 1 else ''}; give the dates "
                "in a manifest (columns file,date) to settle them:\n  " + "\n  ".join(shown),
                tuple(sorted(named)),
                named,
            ),
            stacklevel=4,
        )


def _firsts(lines: list[str]) -> list[str]:
    return [line.split(": ")[0] for line in lines]
