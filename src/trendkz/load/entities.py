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
from collections.abc import Iterator
from functools import cache
from importlib import resources

__all__ = [
    "aliases_of",
    "canonical_countries",
    "countries",
    "country_in",
    "find_entity",
    "is_name",
    "organisation_in",
    "organisations",
]

#: legal forms that close a company's name ("Acme Holdings Inc."), as regex fragments
LEGAL_FORMS = (
    *("Inc", "Incorporated", "Corp", "Corporation", "Company", "Co", "Ltd", "Limited", "LLC"),
    *(r"L\.P", "LP", "plc", "PLC", r"N\.V", r"S\.A", "AG", "SE", "Holdings?", "Group"),
)
#: kind words that close an organisation's name ("… Agency", "… Department")
_KIND_WORDS = (
    *("Bancorp", "Bancshares", "Trust", "Agency", "Administration", "Office", "Department"),
    *("Ministry", "Commission", "Committee", "Bureau", "Program", "Programme", "Authority"),
    *("Board", "Service", "Institute", "Fund"),
)
_ORG_END = rf"(?i:{'|'.join(LEGAL_FORMS + _KIND_WORDS)})\b\.?"
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
                table[name] = table[name.replace("'", "’")] = names[0]
    return table


@cache
def canonical_countries() -> frozenset[str]:
    """The canonical country names (the first column of ``countries.tsv``)."""
    return frozenset(countries().values())


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
        re.compile(
            rf"\b(?:in\s+(?:the\s+)?(?:{alias})\s+during the year\b|"
            rf"(?:situation|conditions)\s+in\s+(?:the\s+)?(?:{alias})(?![\w-]))"
        ),
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
        if out and _DANGLING.search(out[-1]) and len(out[-1]) + len(line) <= 100:
            out[-1] += " " + line  # "U.S. Department of Health and" / "Human Services"
            continue
        if len(line) > 100 or len(out) == 5:
            break
        out.append(line)
    return out


_DANGLING = re.compile(r"\s(?:and|of|&|for|the)$")


# a sentence, not a cover line: five words or more ending in a full stop
_PROSE = re.compile(r"^(?:\S+\s+){4,}\S*[a-z)\d]\.$")
_EDITORS_NOTE = re.compile(r"(?i:note|notes|announcement|editor['’]s note|update|correction):\s")


def _opening_sentence(body: str) -> str:
    for para in _PARAGRAPHS.split(body[:4000]):
        para = para.strip()
        if _EDITORS_NOTE.match(para):  # "Note: ...", "ANNOUNCEMENT: ..." before the text
            continue
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
        if name := organisation_in(title):
            return name, "title"
    m = _CALL.search(body[:3000])
    if m and (name := _clean(m.group("name"))) and is_name(name):
        return name, "cover"
    for line in _cover_lines(body):
        found = country_in(line)
        if len(set(found)) == 1 and len(line) <= 60 and not _PROSE.search(line):
            return found[0], "cover"
        name = organisation_in(line)
        if name:
            return name, "cover"
    opening = _opening_sentence(body)
    found = country_in(opening)
    if len(set(found)) == 1 and _subject(opening, found[0]):
        return found[0], "opening"
    return None, None


def organisations(body: str, title: str | None = None) -> tuple[str, ...]:
    """Every organisation the title and cover lines name, in order, once each."""
    lines = ([title] if title else []) + _cover_lines(body)
    return tuple(dict.fromkeys(n for line in lines for n in _names_in(line)))


def organisation_in(line: str) -> str | None:
    """The first organisation's name ``line`` gives ("Acme Holdings Inc.", "Department of
    Health and Human Services"), or None: a kind word alone ("Department", "I. AGENCY"), a
    title's words ("Semiannual Report Office") or a date line is no name."""
    return next(_names_in(line), None)


def _names_in(line: str) -> Iterator[str]:
    spans = sorted(
        [(m.start(1), m.end(1)) for m in _ORG.finditer(line)]
        + [(m.start(), m.end()) for m in _ORG_OF.finditer(line)]
    )
    for start, end in spans:
        tail = _OF_TAIL.match(line, end)
        raw = line[start : tail.end()] if tail else line[start:end]
        if tail:  # "U.S. Department of …", "OIG Department of …": the "of" name alone
            raw = _ABBREVIATIONS.sub("", raw)
        name = _clean(raw)
        if name and is_name(name) and not country_in(name):
            yield name


def is_name(name: str) -> bool:
    """Whether ``name`` can be an organisation's name: it has a word that is not a kind word
    ("Office"), a function word, a numeral ("I.") or a report title's word, no lowercase
    content word ("Improving service"), and no month with a day ("October 1 March 31")."""
    words = _TOKEN.findall(name)
    content = [w for w in words if w.lower() not in _FUNCTION]
    if any(w[0].islower() for w in content):
        return False
    if any(w.lower() in _TITLE_WORDS for w in content) or _DAY.search(name):
        return False
    return any(w.lower().rstrip(".") not in _KINDS and not _NUMERAL.fullmatch(w) for w in content)


_TOKEN = re.compile(r"[\w&.'’-]+")
_FUNCTION = {"of", "the", "and", "&", "for", "de", "du", "des", "la", "le", "di", "von", "van"}
#: words of a report's title: a cover line holding them is a title, not a name
_TITLE_WORDS = {"report", "reports", "annual", "semiannual", "quarterly"}
_KINDS = {
    w.lower() for f in LEGAL_FORMS + _KIND_WORDS for w in re.findall(r"[A-Za-z]+", f) if len(w) > 1
}
_NUMERAL = re.compile(r"(?i:[ivxlc]+|\d+|[a-z])[.)]?|\d[\d.,]*")
_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
)
_GOVERNMENT = r"(?:Department|Ministry|Office|Bureau|Agency|Commission|Committee|Board|Institute)"
# "Office of Inspector General", "the Department of Health and Human Services"
_ORG_OF = re.compile(rf"\b{_GOVERNMENT}(?=\s+of\s+(?:the\s+)?[A-Z])")
_OF_TAIL = re.compile(
    r"\s+of\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:(?:\s+(?:and|&|for|of|the))*\s+[A-Z][\w&.'’-]*)*"
)
_ABBREVIATIONS = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z]{2,5}\b)\s*")


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
