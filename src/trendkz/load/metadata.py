"""Inferring a document's year, title, publisher, series, kind and entity from its text.

File names carry no meaning. Each inference is plain evidence read off the text, in order of
strength; ``year_source`` in the documents frame says which evidence gave the year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .chrome import Chrome

__all__ = ["Meta", "infer_metadata", "countries"]

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_REPORT_TITLE = re.compile(r"\b(Reports?|Review|Survey|Yearbook|Assessment|Index)\b", re.I)
_TITLE_YEAR = re.compile(rf"\b({_YEAR})\b")
_HEADING_YEAR = re.compile(rf"^({_YEAR})\s+[A-Z][\w ,'’-]{{2,60}}:", re.M)
_RANGE_END = re.compile(
    r"(?:[-–—]|\bto|\buntil|\bthrough|\bby|\bfor completion in|"
    r"\bplanned for|\bscheduled for|\bexpected in)\s*$",
    re.I,
)
_PUBLISHER_LINE = re.compile(r"^Publisher\s+(.+)$", re.M)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(.+?)\s*$", re.M | re.I)
_ANALYSIS_CUES = re.compile(
    r"\b(the author|this article|in (?:her|his|my|our) article|let us|we can|in conclusion|"
    r"instead of a conclusion|in our view|analytical|expert in|commentary|op-ed)\b"
)  # matched on lower-cased text: much faster than re.I on long alternations
_REPORT_CUES = re.compile(
    r"\b(during the year|at year[’']s end|the government (?:continued|reported))\b"
)
_SERIES_CLEAN = re.compile(rf"\s*[-–—:,]?\s*\b{_YEAR}\b\s*[-–—:,]?\s*")


@dataclass
class Meta:
    """What the text says about a document; ``None`` where it says nothing."""

    year: int | None = None
    year_source: str | None = None
    title: str | None = None
    publisher: str | None = None
    series: str | None = None
    kind: str | None = None
    entity: str | None = None


@cache
def countries() -> dict[str, str]:
    """Alias -> canonical country name, from the bundled ``countries.tsv``."""
    table: dict[str, str] = {}
    text = resources.files("trendkz").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            names = line.split("\t")
            for name in names:
                table[name] = names[0]
    return table


@cache
def _country_pattern() -> re.Pattern[str]:
    names = sorted(countries(), key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _title(chrome: list[Chrome]) -> str | None:
    for c in chrome:
        if c.rule == "title":
            return c.text.strip().lstrip("#").strip()  # a Markdown title without its marks
    for c in chrome:  # a wrapper's own title line: short, no rule prefix, names a report
        if c.rule == "wrapper":
            for line in c.text.splitlines():
                line = line.strip()
                if (
                    line
                    and _REPORT_TITLE.search(line)
                    and not re.match(
                        r"^(Last Updated|Publisher|Publication Date|Cite as|Disclaimer)", line
                    )
                ):
                    return line
    return None


def _entity(title: str | None, body: str) -> str | None:
    pattern = _country_pattern()
    if title:
        found = pattern.findall(title)
        if found:
            return countries()[found[-1]]
    counts = Counter(countries()[m] for m in pattern.findall(body))
    if not counts:
        return None
    (best, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return best if n >= 2 else None


def _year_from_mentions(body: str) -> int | None:
    years: Counter[int] = Counter()
    for m in re.finditer(rf"(?<![\d/.-])({_YEAR})(?![\d/])", body):
        if _RANGE_END.search(body[max(0, m.start() - 20) : m.start()]):
            continue  # end of a range or a plan ("2018-2022", "planned for 2023")
        years[int(m.group(1))] += 1
    if not years:
        return None
    return sorted(years.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]


def _series(title: str | None, entity: str | None) -> str | None:
    if not title or not _TITLE_YEAR.search(title):
        return None
    s = title
    if entity:
        for alias, canon in countries().items():
            if canon == entity:
                s = re.sub(rf"\s*[-–—:]?\s*\b{re.escape(alias)}\b\s*$", "", s)
    s = re.sub(r"\s*[-–—]\s*Chapter\s+\w+\s*$", "", s, flags=re.I)
    s = _SERIES_CLEAN.sub(" ", s).strip(" -–—:,")
    s = re.sub(r"\bReport\b(?= on\b)", "Reports", s)  # "Country Report on" = "Country Reports on"
    return re.sub(r"\s+", " ", s) or None


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
                if re.search(r"\b(Department|Ministry|Office|Agency|Bureau)\b", line):
                    return line.strip()
    return None


def infer_metadata(body: str, chrome: list[Chrome], known: dict | None = None) -> Meta:
    """Infer what the text says of itself. See the module docstring for the evidence used.

    Fields present in ``known`` (from a manifest) are not inferred, which saves the work.
    """
    known = {k: v for k, v in (known or {}).items() if v is not None and str(v).strip()}
    meta = Meta()
    meta.title = known.get("title") or _title(chrome)
    # the entity is named early in any report: 20,000 characters are enough evidence
    meta.entity = known.get("entity") or _entity(meta.title, body[:20000])
    meta.publisher = _publisher(chrome, body)
    if "year" in known:
        meta.year, meta.year_source = int(known["year"]), "manifest"
    elif meta.title and _TITLE_YEAR.search(meta.title):
        meta.year, meta.year_source = int(_TITLE_YEAR.search(meta.title).group(1)), "title"
    elif m := _HEADING_YEAR.search(body):
        meta.year, meta.year_source = int(m.group(1)), "heading"
    elif (y := _year_from_mentions(body)) is not None:
        meta.year, meta.year_source = y, "mentions"
    if "kind" in known:
        meta.kind = known["kind"]
    else:  # cue words in the opening 30,000 characters decide report vs analysis
        head = body[:30000].lower()
        analysis = len(_ANALYSIS_CUES.findall(head)) + bool(
            meta.publisher
            and re.search(r"analytic|institute|centre|center|think", meta.publisher, re.I)
        )
        report = len(_REPORT_CUES.findall(head)) + bool(
            meta.title and _REPORT_TITLE.search(meta.title)
        )
        meta.kind = "analysis" if analysis > report else "report"
    meta.series = _series(meta.title, meta.entity)
    if meta.series is None and meta.kind == "analysis" and meta.publisher:
        meta.series = meta.publisher
    return meta
