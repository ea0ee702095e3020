"""Whom a document is about: the entity, read from its title and cover lines only.

Evidence, in order: the manifest (the loader's), a country named in the title, a company,
agency or programme named in the cover lines (the opening lines, a conference call's
welcome line: "welcome to the Q1 2020 Acme Corp. Earnings Call"), a country the opening
sentence is about (it opens with its name, or speaks of the situation "in <country>
during the year"). The countries a body mentions are never counted: a filing that names
China forty times is not about China. With no evidence the loader gives the documents of
one folder one entity, named after their series or folder.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["aliases_of", "countries", "find_entity", "country_in"]

_ORG_END = (
    r"(?i:Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|Limited|LLC|L\.P|LP|plc|PLC|N\.V|"
    r"S\.A|AG|SE|Holdings?|Group|Bancorp|Bancshares|Trust|Agency|Administration|Office|"
    r"Department|Ministry|Commission|Committee|Bureau|Program|Programme|Authority|Board|"
    r"Service|Institute|Fund)\b\.?"
)
_ORG = re.compile(
    rf"\b((?:[A-Z][\w&.'’-]*|of|the|and|&|for)(?:[ ,]+(?:[A-Z][\w&.'’-]*|of|the|and|&|for))*?"
    rf",?\s+{_ORG_END})",
)
_QUARTERISH = (
    r"(?:(?:first|second|third|fourth|full|1st|2nd|3rd|4th)[ -](?:quarter|half|year)|"
    r"Q[1-4]|FY\s*'?\d{2,4}|fiscal(?:\s+year)?|year[ -]end|\d{4}|and|full year|quarterly|annual)"
)
# "welcome to the [Q1 2020] Acme Corp.[’s] [Fiscal Year 2022 First Quarter] Earnings Call"
_CALL = re.compile(
    rf"\b(?i:welcome\s+(?:\w+\s+)?to|participating in|joining us (?:for|on)|thank you for "
    rf"(?:joining|attending)(?:\s+us)?(?:\s+today)?(?:\s+(?:for|on|in))?)\s+"
    rf"(?:the\s+|our\s+|today'?s\s+)?"
    rf"(?:{_QUARTERISH}[\s,]+)*"
    rf"(?P<name>[A-Z][\w&.,'’ -]{{1,70}}?)(?:['’]s?)?\s+(?:{_QUARTERISH}[\s,]+)*"
    rf"(?i:Earnings|Financial\s+Results|Results|Conference|Investor|Shareholder|Analyst)",
)
_LEGAL = (
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|L\.P|LP|plc|PLC|N\.V|S\.A|AG|SE)\b\.?"
)
_NAME_TRIM = re.compile(
    rf"(?:,?\s+(?:{_LEGAL}|the|Q[1-4]|\d{{4}}|fiscal|year|FY\s*'?\d+)$)|^(?:the|our)\s+", re.I
)
_SENTENCE = re.compile(r"(?s)^(.{20,400}?[.!?])(?:\s|$)")


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


@cache
def _first_words() -> frozenset[str]:
    return frozenset(m.group() for name in countries() if (m := re.match(r"\w+", name)))


@cache
def aliases_of(country: str) -> tuple[str, ...]:
    """The names of ``country`` (canonical name included), in the table's order."""
    return tuple(a for a, c in countries().items() if c == country)


@cache
def _subject_patterns(country: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    longest = sorted(aliases_of(country), key=len, reverse=True)
    alias = "|".join(re.escape(a) for a in longest)
    return (
        re.compile(rf"(?<![\w-])(?:{alias})(?![\w-])"),
        re.compile(rf"\bin\s+(?:the\s+)?(?:{alias})\s+during the year\b"),
    )


_WORDS = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PARAGRAPHS = re.compile(r"\n\s*\n")


def country_in(text: str) -> list[str]:
    """The canonical names of the countries ``text`` names, in order."""
    if len(text) < 2000 and not _first_words().intersection(_WORDS.findall(text)):
        return []  # no word that starts a country's name: skip the long pattern
    return [countries()[m] for m in _country_pattern().findall(text)]


_PERIOD_WORD = re.compile(
    r"\s*\b(?:first|second|third|fourth|full|1st|2nd|3rd|4th|\dQ|Q[1-4]|fiscal|FY|\d{4}|"
    r"year|quarter|quarterly|annual|half|nine-month|merger)\b.*$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:the|our|(?:first|second|third|fourth)[\s-]+quarter|full[\s-]+year|fiscal|year|"
    r"FY\s*'?\d*|Q[1-4]|\d{4}|and)\b[\s,-]*)+",
    re.I,
)


def _clean(name: str) -> str | None:
    name = _SPACES.sub(" ", name).strip(" ,.-'’")
    name = _LEADING.sub("", name)
    name = _PERIOD_WORD.sub("", name)
    name = _POSSESSIVE_END.sub("", name).strip(" ,.-'’")
    for _ in range(4):
        trimmed = _NAME_TRIM.sub("", name).strip(" ,.-'’")
        if trimmed == name:
            break
        name = trimmed
    return name if len(name) >= 2 and name[0].isupper() else None


def _cover_lines(body: str) -> list[str]:
    """The opening short lines (a cover page, a heading): up to five, before the prose."""
    out: list[str] = []
    for line in body[:1500].splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > 100 or len(out) == 5:
            break
        out.append(line)
    return out


def _opening_sentence(body: str) -> str:
    for para in _PARAGRAPHS.split(body[:4000]):
        para = para.strip()
        if len(para) > 100 or para.endswith((".", "!", "?")):
            m = _SENTENCE.match(para)
            return m.group(1) if m else para[:400]
    return ""


def find_entity(title: str | None, body: str) -> tuple[str | None, str | None]:
    """``(entity, evidence)`` from the title and cover lines; ``(None, None)`` if none.

    ``evidence`` is ``title``, ``cover`` or ``opening``.
    """
    if title:
        found = country_in(title)
        if found:
            return found[-1], "title"
    m = _CALL.search(body[:3000])
    if m and (name := _clean(m.group("name"))):
        return name, "cover"
    for line in _cover_lines(body):
        found = country_in(line)
        if len(set(found)) == 1 and len(line) <= 60:
            return found[0], "cover"
        org = _ORG.search(line)
        if org and (name := _clean(org.group(1))) and not country_in(name):
            return name, "cover"
    opening = _opening_sentence(body)
    found = country_in(opening)
    if len(set(found)) == 1 and _subject(opening, found[0]):
        return found[0], "opening"
    return None, None


def _subject(sentence: str, country: str) -> bool:
    """Whether the opening sentence is about ``country``: its first nine words name it other
    than as a place ("The Republic of Kazakhstan's government ...", "Burma's military ...",
    not "Our plant in China ..."), or it speaks of the situation "in <country> during the
    year"."""
    named, during = _subject_patterns(country)
    head = " ".join(sentence.split()[:9])
    m = named.search(head)
    before = head[: m.start()].split()[-1:] if m else []
    return bool(
        (m and not (before and before[0].lower() in _PLACE_WORDS)) or during.search(sentence)
    )


#: words that make a country a place where something is, not what the text is about
_PLACE_WORDS = {"in", "at", "from", "to", "with", "into", "across", "throughout", "near", "and"}
