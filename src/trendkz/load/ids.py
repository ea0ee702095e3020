"""From read documents to a corpus: series and entities filled in, ids given, doubts told.

- A missing series is taken from the other documents of the same entity and kind when they
  agree on one (one pass over the documents: linear in their number).
- A document with no entity found gets its folder's: the series (when it has one) or the
  folder's name, so an unlabeled folder of one company's filings is one entity.
- ``doc_id`` is ``entity-year-kind`` when a document is the only one of its entity, year and
  kind; when several share them it is ``entity-date-kind`` (``acme-2021-03-16-report``),
  and a count is added only where dates are equal too.
- One :class:`~trendkz.TrendkzWarning` lists the documents dated from weak evidence (year
  mentions only), dated against other evidence, contradicting their manifest, or sharing a
  date with a document of their series.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict

from .._core.errors import TrendkzWarning

__all__ = ["fill_from_siblings", "fill_entities", "assign_ids", "warn_doubts"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


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


def fill_entities(items: list[dict]) -> None:
    """Documents with no entity found take their folder's: its series, else its name."""
    for it in items:
        if it["entity"]:
            continue
        folder = it.get("_folder")
        if it["series"] or folder:
            it["entity"] = it["series"] or folder
            it["entity_source"] = "folder"


def assign_ids(items: list[dict]) -> list[dict]:
    """Give each item a ``doc_id`` (see the module docstring); items come back in id order."""
    order = sorted(
        items,
        key=lambda i: (i["entity"] or "", i["series"] or "", i["year"], i["date"], i["source"]),
    )
    shared: dict[tuple, int] = defaultdict(int)
    for it in order:
        shared[(_slug(it["entity"] or "doc"), it["year"], it["kind"])] += 1
    ids: dict[str, int] = {}
    for it in order:
        ent = _slug(it["entity"] or "doc")
        when = str(it["year"])
        if shared[(ent, it["year"], it["kind"])] > 1:
            when = it["date"].lower()
        base = "-".join(filter(None, [ent, when, it["kind"]]))
        ids[base] = ids.get(base, 0) + 1
        it["doc_id"] = base if ids[base] == 1 else f"{base}-{ids[base]}"
    return order


def warn_doubts(items: list[dict]) -> None:
    """One warning listing every document whose date is doubtful, and what was chosen."""
    lines = []
    for it in sorted(items, key=lambda i: i["source"]):
        chosen = f"{it['source']}: {it['date']} ({it['date_source']})"
        if it["date_source"] == "mentions":
            lines.append(f"{chosen}: only the years the text mentions support it")
        elif it["date_source"] == "file name":
            lines.append(f"{chosen}: the text names no year; taken from the file name")
        for source, date, line in it.get("_against", []):
            where = f" ({line})" if line else ""
            if it["date_source"] == "manifest":
                lines.append(f"{chosen}{where}: the text's {source} says {date}; kept the manifest")
            else:
                lines.append(f"{chosen}: the {source} says {date}")
    seen: dict[tuple, dict] = {}
    for it in sorted(items, key=lambda i: i["source"]):
        key = (it["entity"], it["series"], it["kind"], it["date"])
        if key in seen:
            lines.append(
                f"{it['source']} and {seen[key]['source']}: same {it['entity'] or 'entity'}, "
                f"series and date {it['date']}; ids {seen[key]['doc_id']} and {it['doc_id']} "
                "follow the file names (give dates in a manifest to order them)"
            )
        else:
            seen[key] = it
    if lines:
        shown = lines if len(lines) <= 40 else [*lines[:40], f"… {len(lines) - 40} more"]
        warnings.warn(
            f"{len(lines)} doubtful date{'s' if len(lines) > 1 else ''}; give the dates in a "
            "manifest (columns file,date) to settle them:\n  " + "\n  ".join(shown),
            TrendkzWarning,
            stacklevel=4,
        )
