"""Inferring a document's date, title, publisher, series, kind and entity from its text.

File names carry no meaning (but for a year, as the last resort, warned). Each inference is
plain evidence read off the text, in order of strength; ``date_source`` in the documents
frame says which evidence gave the date (see :mod:`trendkz.load.dates`); entities come from
titles and cover lines only (see :mod:`trendkz.load.entities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .chrome import Chrome
from .dates import find_date, parse_date
from .entities import aliases_of, canonical_countries, countries, find_entity, organisations

__all__ = ["Meta", "infer_metadata", "countries"]

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_REPORT_TITLE = re.compile(r"\b(Reports?|Review|Survey|Yearbook|Assessment|Index)\b", re.I)
_TITLE_YEAR = re.compile(rf"\b({_YEAR})\b")
_PUBLISHER_LINE = re.compile(r"^Publisher\s+(.+)$", re.M)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(.+?)\s*$", re.M | re.I)
_ANALYSIS_CUES = re.compile(
    r"\b(the author|this article|in (?:her|his|my|our) article|let us|we can|in conclusion|"
    r"instead of a conclusion|in our view|analytical|expert in|commentary|op-ed)\b"
)  # matched on lower-cased text: much faster than re.I on long alternations
_REPORT_CUES = re.compile(
    r"\b(during the year|at year[’']s end|the government (?:continued|reported))\b"
)
# what a report calls itself: each kind of phrase counts once, three at most (an audit
# office's "semiannual report", "reporting period", "inspector general" outweigh a stray
# "we can" or "analytical")
_REPORT_SELF = re.compile(
    r"\b(this report|reporting period|reports? to (?:the )?congress|semiannual report|"
    r"annual report|inspector general|audit reports?|inspection reports?|evaluation reports?)\b"
)
_SERIES_CLEAN = re.compile(rf"\s*[-–—:,]?\s*\b{_YEAR}\b\s*[-–—:,]?\s*")
_NOT_TITLE = re.compile(r"^(Last Updated|Publisher|Publication Date|Cite as|Disclaimer)")
_CHAPTER_END = re.compile(r"\s*[-–—]\s*Chapter\s+\w+\s*$", re.I)
_REPORT_ON = re.compile(r"\bReport\b(?= on\b)")
_SPACES = re.compile(r"\s+")
_AGENCY = re.compile(r"\b(Department|Ministry|Office|Agency|Bureau)\b")
_ANALYTIC_PUBLISHER = re.compile(r"analytic|institute|centre|center|think", re.I)


@dataclass
class Meta:
    """What the text says about a document; ``None`` where it says nothing."""

    year: int | None = None
    date: str | None = None
    date_source: str | None = None
    date_others: list[tuple[str, str]] = field(default_factory=list)  # evidence that disagreed
    date_doubt: str | None = None  # why the date read off the text is not confident
    title: str | None = None
    publisher: str | None = None
    series: str | None = None
    kind: str | None = None
    entity: str | None = None
    entity_source: str | None = None
    entity_names: tuple[str, ...] = ()  # organisations the cover lines name, in order


def _title(chrome: list[Chrome]) -> str | None:
    for c in chrome:
        if c.rule == "title":
            return c.text.strip().lstrip("#").strip()  # a Markdown title without its marks
    for c in chrome:  # a wrapper's own title line: short, no rule prefix, names a report
        if c.rule == "wrapper":
            for line in c.text.splitlines():
                line = line.strip()
                if line and _REPORT_TITLE.search(line) and not _NOT_TITLE.match(line):
                    return line
    return None


@cache
def _name_endings(entity: str) -> tuple[re.Pattern[str], ...]:
    """Patterns for an entity's names ending a title, in the country table's order."""
    return tuple(
        re.compile(rf"\s*[-–—:]?\s*\b{re.escape(alias)}\b\s*$") for alias in aliases_of(entity)
    )


def _series(title: str | None, entity: str | None) -> str | None:
    if not title or not _TITLE_YEAR.search(title) or find_date(title, None).source == "dateline":
        return None  # no year, or a dateline taken for a title
    s = title
    if entity:
        for ending in _name_endings(entity):
            s = ending.sub("", s)
    s = _CHAPTER_END.sub("", s)
    s = _SERIES_CLEAN.sub(" ", s).strip(" -–—:,")
    s = _REPORT_ON.sub("Reports", s)  # "Country Report on" = "Country Reports on"
    return _SPACES.sub(" ", s) or None


def _publisher(chrome: list[Chrome], body: str) -> str | None:
    for c in chrome:
        m = _PUBLISHER_LINE.search(c.text) if c.rule == "wrapper" else None
        if m:
            return m.group(1).strip()
    for c in chrome:
        m = _COPYRIGHT.search(c.text) if c.rule == "copyright" else None
        if m:
            return m.group(1).strip()
    for c in chrome:
        if c.rule == "footer":
            for line in c.text.splitlines()[1:]:
                if _AGENCY.search(line):
                    return line.strip()
    return None


def guess_kind(body: str, title: str | None, publisher: str | None) -> str:
    """``report`` or ``analysis``, from cue words in the opening 30,000 characters: an
    author's voice ("in our view", "the author") and an analytic publisher against a report's
    phrases ("during the year") and what a report calls itself (``_REPORT_SELF``)."""
    head = body[:30000].lower()
    analysis = len(_ANALYSIS_CUES.findall(head)) + bool(
        publisher and _ANALYTIC_PUBLISHER.search(publisher)
    )
    report = (
        len(_REPORT_CUES.findall(head))
        + bool(title and _REPORT_TITLE.search(title))
        + min(3, len(set(_REPORT_SELF.findall(head))))
    )
    return "analysis" if analysis > report else "report"


def infer_metadata(
    body: str, chrome: list[Chrome], known: dict | None = None, name: str | None = None
) -> Meta:
    """Infer what the text says of itself. See the module docstring for the evidence used.

    Fields present in ``known`` (from a manifest) are not inferred, which saves the work.
    """
    known = {k: v for k, v in (known or {}).items() if v is not None and str(v).strip()}
    meta = Meta()
    meta.title = known.get("title") or _title(chrome)
    if "entity" in known:
        meta.entity, meta.entity_source = known["entity"], "manifest"
    else:  # titles and cover lines only, never the countries the body mentions
        meta.entity, meta.entity_source = find_entity(meta.title, body)
        if meta.entity_source in ("title", "cover") and meta.entity not in canonical_countries():
            meta.entity_names = organisations(body, meta.title)
    meta.publisher = _publisher(chrome, body)
    given = "date" in known or "year" in known  # then only strong evidence is looked for
    dated = find_date(body, meta.title, name, weak=not given)
    if given:
        date = parse_date(str(known["date"])) if "date" in known else None
        if "year" in known:
            meta.year = int(known["year"])
        elif date is not None:  # a manifest's dates are checked when it is read
            meta.year = int(date[:4])
        meta.date, meta.date_source = date or str(meta.year), "manifest"
        if dated.source not in (None, "mentions", "file name") and dated.date is not None:
            if date is None and dated.year == meta.year and len(dated.date) > 4:  # finer
                meta.date, meta.date_source = dated.date, dated.source
            elif dated.year != meta.year or (
                date and len(dated.date) == len(date) and date != dated.date
            ):
                meta.date_others = [(str(dated.source), dated.date)]
    else:
        meta.year, meta.date, meta.date_source = dated.year, dated.date, dated.source
        meta.date_others = dated.others
        meta.date_doubt = dated.doubt
    meta.kind = known["kind"] if "kind" in known else guess_kind(body, meta.title, meta.publisher)
    meta.series = _series(meta.title, meta.entity)
    if meta.series is None and meta.kind == "analysis" and meta.publisher:
        meta.series = meta.publisher
    return meta
