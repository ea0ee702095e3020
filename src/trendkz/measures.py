"""Naming what a number counts: the counted noun phrase and its governing verb.

A small rule-based chunker (no model, no download) over the tokens of one sentence:

1. the **counted noun phrase** is read after the number (and its unit): "three *terrorist
   attacks*", "more than 600 *of its nationals*" (partitive), "90 percent *of charges*",
   "115 *complaints of torture*"; hedges and fillers ("alleged", "such", "new") are dropped;
2. the **governing verb** is the verb of the clause whose subject is the number ("600
   citizens ... *were returned*", "238 individuals *died*") or, failing that, the verb whose
   object it is ("the KNB *disrupted* three attacks", "*blocking* more than 11,000");
3. a number with no noun of its own ("blocking more than 11,000", "in 2012 – 500", "(94 for
   Almaty)") takes the noun phrase, or the whole measure, of the fact before it in the
   sentence; "including 19 ..." takes the verb of the fact it details;
4. verbs are put in their past participle and folded with their synonyms
   (:data:`VERB_FOLD`: disrupted / foiled / thwarted -> prevented; returned -> repatriated;
   shut down / closed -> blocked; sentenced / found guilty -> convicted ...), nouns too
   (:data:`NOUN_FOLD`: people / individuals -> persons; citizens -> nationals ...).

The measure is ``"<noun phrase> <verb>"``: "websites blocked", "terrorist attacks prevented",
"terrorist financing cases transferred to court", "nationals repatriated". A duration names
what lasts ("prison term", "state of emergency").
"""

from __future__ import annotations

from .numbers import TENS, UNITS, Tok
from .quantities import TIME_UNITS, Quantity

__all__ = ["NOUN_FOLD", "VERB_FOLD", "name_measures", "participle"]

_IRREGULAR = """arise arose arisen|be was been|bear bore borne|beat beat beaten|become became
become|begin began begun|bind bound bound|bite bit bitten|blow blew blown|break broke broken|
bring brought brought|build built built|buy bought bought|catch caught caught|choose chose
chosen|come came come|cost cost cost|cut cut cut|deal dealt dealt|die died died|dig dug dug|do
did done|draw drew drawn|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel
felt felt|fight fought fought|find found found|flee fled fled|fly flew flown|forbid forbade
forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|
give gave given|go went gone|grow grew grown|hang hung hung|hear heard heard|hide hid hidden|
hit hit hit|hold held held|hurt hurt hurt|keep kept kept|know knew known|lay laid laid|lead
led led|leave left left|lend lent lent|lie lay lain|lose lost lost|make made made|mean meant
meant|meet met met|mislead misled misled|overcome overcame overcome|overthrow overthrew
overthrown|pay paid paid|put put put|quit quit quit|ride rode ridden|rise rose risen|run ran
run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|
shake shook shaken|shoot shot shot|show showed shown|shut shut shut|sink sank sunk|sit sat
sat|slay slew slain|sleep slept slept|speak spoke spoken|spend spent spent|split split split|
spread spread spread|stand stood stood|steal stole stolen|strike struck struck|swear swore
sworn|take took taken|teach taught taught|tear tore torn|tell told told|think thought
thought|throw threw thrown|undergo underwent undergone|understand understood understood|
undertake undertook undertaken|uphold upheld upheld|wake woke woken|wear wore worn|win won
won|withdraw withdrew withdrawn|withhold withheld withheld|write wrote written"""


def _irregular() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in _IRREGULAR.replace("\n", " ").split("|"):
        base, past, part = entry.split()
        ing = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"
        ing = {"die": "dying", "lie": "lying"}.get(base, ing)
        if base in ("get", "hit", "put", "quit", "run", "set", "sit", "shut", "cut", "dig",
                    "begin", "forget", "split", "win"):
            ing = base + base[-1] + "ing"
        for form in (past, part, ing):
            table.setdefault(form, part)
    return table


IRREGULAR = _irregular()

#: participle -> the canonical verb of its synonym set
VERB_FOLD: dict[str, str] = {
    **dict.fromkeys(["disrupted", "foiled", "thwarted", "averted", "stopped", "prevented",
                     "suppressed", "neutralized"], "prevented"),
    **dict.fromkeys(["returned", "repatriated", "brought back", "evacuated"], "repatriated"),
    **dict.fromkeys(["blocked", "shut down", "closed", "closed down", "taken down",
                     "restricted"], "blocked"),
    **dict.fromkeys(["convicted", "sentenced", "found guilty"], "convicted"),
    **dict.fromkeys(["detained", "apprehended", "taken into custody"], "detained"),
    **dict.fromkeys(["released", "freed"], "released"),
    **dict.fromkeys(["transferred", "sent", "referred", "forwarded", "submitted",
                     "handed over"], "transferred"),
    **dict.fromkeys(["identified", "detected", "uncovered", "discovered", "revealed",
                     "exposed"], "identified"),
    **dict.fromkeys(["recorded", "registered", "documented", "logged"], "recorded"),
    **dict.fromkeys(["deported", "expelled"], "deported"),
    **dict.fromkeys(["charged", "indicted", "prosecuted"], "charged"),
    **dict.fromkeys(["opened", "initiated", "instituted"], "opened"),
    **dict.fromkeys(["banned", "prohibited", "outlawed"], "banned"),
    **dict.fromkeys(["injured", "wounded", "hurt"], "injured"),
    **dict.fromkeys(["killed", "murdered", "slain", "shot dead"], "killed"),
    **dict.fromkeys(["abducted", "kidnapped"], "abducted"),
}
#: noun phrase (or its last word) -> canonical noun phrase
NOUN_FOLD: dict[str, str] = {
    **dict.fromkeys(["people", "persons", "individuals"], "persons"),
    **dict.fromkeys(["person", "individual"], "person"),
    **dict.fromkeys(["citizens", "nationals"], "nationals"),
    **dict.fromkeys(["sites", "websites", "web sites", "webpages", "web pages", "internet sites",
                     "internet resources", "online resources", "web-sites"], "websites"),
    **dict.fromkeys(["terrorist acts", "acts of terrorism", "terror attacks", "terrorist attacks",
                     "acts of terror"], "terrorist attacks"),
    **dict.fromkeys(["court system", "courts", "court"], "court"),
    **dict.fromkeys(["prison", "imprisonment", "jail", "prison term", "prison terms",
                     "prison sentence", "prison sentences", "incarceration",
                     "sentence", "sentences", "deprivation of liberty"], "prison term"),
}
_DET = frozenset("the a an this that these those its their his her our my your any each every "
                 "all both no another whose".split())
_PREP = frozenset("""of in on at by for from to with without into onto during since until
through throughout over under among between against after before per via within across
including as about around near despite toward towards upon regarding concerning following
amid behind beyond outside inside like than except plus off versus vs due down up out back
away""".split())
_CONJ = frozenset("and or but nor while whereas although though because if whether so yet when "
                  "where unless".split())
_PRON = frozenset("who whom which that what it they them he she we you i him us there here "
                  "themselves itself these those".split())
_AUX = frozenset("be is are was were been being am have has had having do does did will would "
                 "shall should can could may might must".split())
_NEG = frozenset(["not", "never", "n’t", "n't"])
_ADV = frozenset("""also still then later already again further subsequently reportedly
allegedly currently recently previously even just only mostly mainly respectively ever soon
thus therefore however yet instead too very well now reportedly officially formally
ultimately eventually finally successfully reportedly nearly almost""".split())
_NOT_LY = frozenset("family july italy assembly supply reply ally rally anomaly monopoly fly "
                    "apply multiply comply rely early daily weekly monthly yearly elderly holy "
                    "friendly lonely ugly bully belly jelly only".split())
_NOT_ED = frozenset("hundred need seed speed red bed shed breed creed greed weed bleed proceed "
                    "exceed succeed indeed deed steed united naked wicked sacred kindred hatred "
                    "rugged aged bred".split())
_NOT_ING = frozenset("""during including according following regarding concerning pending
notwithstanding nothing something anything everything morning evening building buildings
ceiling thing things king ring spring string wing sibling wedding bring""".split())
_DROP = frozenset("""such other more additional new further separate different respective
various so-called alleged suspected purported reported total overall same several many
certain some possible approximately about nearly only""".split())
_REPORTING = frozenset("""said stated reported announced noted claimed estimated indicated
alleged added confirmed asserted explained acknowledged argued believed found showed
suggested told wrote declared mentioned observed""".split())
_APPOSITIVE = frozenset(["including", "mostly", "mainly", "among", "primarily", "largely",
                         "predominantly", "of"])
_PARTICLES = frozenset(["down", "up", "out", "back", "off", "away", "guilty", "dead"])
_QUOTES = frozenset("“”\"'‘’«»")
_TRANSFER_TO = frozenset(["court", "courts", "prosecutor", "prosecutors", "prosecution", "trial"])


def participle(tok: Tok, position: int = 1) -> str | None:
    """The past participle of ``tok`` when it is a verb form we can tell, else ``None``."""
    low = tok.low
    if low in _AUX or not tok.text.isalpha() or (position > 0 and tok.text[0].isupper()):
        return None
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("ed") and len(low) >= 5 and low not in _NOT_ED:
        return low
    if low.endswith("ing") and len(low) >= 6 and low not in _NOT_ING:
        stem = low[:-3]
        if stem.endswith("y") and stem[-2] not in "aeiou":
            return stem[:-1] + "ied"
        return stem + ("d" if stem.endswith("e") else "ed")
    return None


def _is_adv(low: str) -> bool:
    return low in _ADV or (low.endswith("ly") and len(low) > 4 and low not in _NOT_LY)


def _closed(low: str) -> bool:
    return (low in _DET or low in _PREP or low in _CONJ or low in _PRON or low in _AUX
            or low in _NEG)


def _np_word(toks: list[Tok], k: int) -> bool:
    if k >= len(toks):
        return False
    t = toks[k]
    return (t.text[0].isalpha() and not _closed(t.low) and not _is_adv(t.low)
            and t.low not in UNITS and t.low not in TENS)


def _skip_quotes(toks: list[Tok], k: int) -> int:
    while k < len(toks) and toks[k].text in _QUOTES:
        k += 1
    return k


def _read_np(toks: list[Tok], k: int) -> tuple[list[str], int, bool]:
    """Noun phrase from token ``k``: ``(words, end, pronoun)`` (``pronoun``: "of them")."""
    n = len(toks)
    k = _skip_quotes(toks, k)
    if k < n and toks[k].low == "of":
        m = _skip_quotes(toks, k + 1)
        while m < n and toks[m].low in _DET:
            m += 1
        if m < n and toks[m].low in _PRON:
            return [], m + 1, True
        k = m
    words: list[str] = []
    while k < n and len(words) < 6:
        t = toks[k]
        if t.text in _QUOTES:
            k += 1
            continue
        if t.text == "-" and words and k + 1 < n and toks[k - 1].end == t.start == toks[
                k + 1].start - 1 and toks[k + 1].text.isalpha():
            words[-1] += "-" + toks[k + 1].low
            k += 2
            continue
        if t.text == "-" and not words and k + 1 < n and toks[k + 1].text.isalpha() and (
                t.start == toks[k + 1].start - 1):  # "107-seat"
            k += 1
            continue
        low = t.low
        if low in ("and", "or") and words and _np_word(toks, k + 1) and _np_word(toks, k + 2):
            words.append(low)
            k += 1
            continue
        if low == "of" and words and k + 1 < n and _np_word(toks, k + 1) and (
                toks[k + 1].text[0].islower()) and not participle(toks[k + 1]):
            m = k + 1
            extra = []
            while m < n and _np_word(toks, m) and not participle(toks[m]) and len(extra) < 2:
                extra.append(toks[m].low)
                m += 1
            if m < n and toks[m].low in ("and", "or"):
                break
            words += ["of", *extra]
            k = m
            break
        if not _np_word(toks, k):
            break
        if participle(t):
            if not words and _np_word(toks, k + 1) and not participle(toks[k + 1]):
                words.append(low)
                k += 1
                continue
            break
        words.append(low)
        k += 1
    while words and words[-1] in ("and", "or"):
        words.pop()
    words = [w for w in words if w not in _DROP]
    return words, k, False


def _verb_after(toks: list[Tok], k: int) -> tuple[str, bool, int] | None:
    """The verb of the clause whose subject ends at token ``k``: ``(verb, with_aux, end)``."""
    n = len(toks)
    m = _skip_quotes(toks, k)
    reduced = None
    for _ in range(4):
        if m >= n:
            break
        low = toks[m].low
        if low in _PREP:
            m += 1
            while m < n and toks[m].low not in _AUX and toks[m].text not in ",;:()" and (
                    toks[m].low not in _CONJ) and not participle(toks[m]):
                m += 1
        elif toks[m].text == "(":
            while m < n and toks[m].text != ")":
                m += 1
            m += 1
        elif toks[m].text == "," and m + 1 < n and toks[m + 1].low in _APPOSITIVE:
            m += 1
            while m < n and toks[m].text not in ",;":
                m += 1
            m += 1
        elif participle(toks[m]) and m + 1 < n and toks[m + 1].low in _PREP and (
                reduced is None):  # reduced relative: "cases related to X were opened"
            reduced = (participle(toks[m]), m + 1)
            m += 2
            while m < n and toks[m].low not in _AUX and toks[m].text not in ",;:()" and (
                    toks[m].low not in _CONJ) and not participle(toks[m]):
                m += 1
        elif low in ("that", "which", "who"):
            ahead = [x for x in range(m + 1, min(n, m + 10)) if toks[x].low in _AUX]
            if not ahead:
                return None
            m = ahead[0]
        else:
            break
    aux = neg = False
    while m < n and (toks[m].low in _AUX or toks[m].low in _NEG or _is_adv(toks[m].low)
                     or toks[m].text in _QUOTES):
        aux = aux or toks[m].low in _AUX
        neg = neg or toks[m].low in _NEG
        m += 1
    if m < n:
        v = participle(toks[m])
        if v and (aux or reduced is None):
            v, end = _with_particle(toks, v, m + 1)
            return ("not " if neg else "") + v, aux, end
    if reduced is not None:
        return reduced[0], False, reduced[1]
    return None


def _subject_before(toks: list[Tok], first: int) -> tuple[list[str], str] | None:
    """"food allowances were increased by 40 percent": the subject and verb before "by"."""
    m = first - 1
    if m < 1 or toks[m].low != "by":
        return None
    verb = participle(toks[m - 1], m - 1)
    if not verb:
        return None
    m -= 2
    while m >= 0 and (toks[m].low in _AUX or _is_adv(toks[m].low)):
        m -= 1
    words: list[str] = []
    while m >= 0 and _np_word(toks, m) and len(words) < 4 and not participle(toks[m], m):
        words.insert(0, toks[m].low)
        m -= 1
    return (words, verb) if words else None


def _with_particle(toks: list[Tok], verb: str, k: int) -> tuple[str, int]:
    if k < len(toks) and toks[k].low in _PARTICLES and f"{verb} {toks[k].low}" in VERB_FOLD:
        return f"{verb} {toks[k].low}", k + 1
    if verb == "taken" and [t.low for t in toks[k:k + 2]] == ["into", "custody"]:
        return "taken into custody", k + 2
    return verb, k


def _verb_before(toks: list[Tok], first: int) -> str | None:
    m = first - 1
    while m >= 0 and (toks[m].text in _QUOTES or _is_adv(toks[m].low) or toks[m].low in (
            "a", "an", "the", "total", "of") or toks[m].low in _NEG):
        m -= 1
    if m < 0:
        return None
    return participle(toks[m], m)


def _fold_np(words: list[str]) -> str:
    phrase = " ".join(w.replace("’s", "").replace("'s", "") for w in words)
    if phrase in NOUN_FOLD:
        return NOUN_FOLD[phrase]
    for size in (3, 2, 1):
        tail = " ".join(words[-size:])
        if len(words) >= size and tail in NOUN_FOLD:
            return " ".join(words[:-size] + [NOUN_FOLD[tail]])
    return phrase


def _fold_verb(verb: str) -> str:
    neg = verb.startswith("not ")
    v = verb[4:] if neg else verb
    return ("not " if neg else "") + VERB_FOLD.get(v, v)


def _complement(toks: list[Tok], verb: str, k: int) -> str:
    """"to court" after a transfer verb."""
    if verb != "transferred":
        return ""
    for m in range(k, min(len(toks), k + 8)):
        if toks[m].low == "to":
            words, _, _ = _read_np(toks, m + 1 + (toks[m + 1].low in _DET
                                                  if m + 1 < len(toks) else 0))
            phrase = _fold_np(words)
            if words and words[0] in _TRANSFER_TO:
                return f"to {phrase}"
            return ""
    return ""


def _duration(toks: list[Tok], q: Quantity) -> str:
    k = q.after
    while k < len(toks) and toks[k].text in _QUOTES | {"s"}:
        k += 1
    if k < len(toks) and toks[k].low in ("in", "of", "to"):
        k += 1
        if toks[k - 1].low == "of":
            while k < len(toks) and toks[k].low in _DET:
                k += 1
    words, _, _ = _read_np(toks, k)
    if words:
        return _fold_np(words)
    for m in range(max(0, q.first - 4), q.first):
        verb = participle(toks[m], m) or ""
        if VERB_FOLD.get(verb) == "convicted" or verb in ("imprisoned", "jailed"):
            return "prison term"
        if VERB_FOLD.get(verb) == "detained" or verb in ("held", "arrested"):
            return "detention"
    if q.first >= 2 and toks[q.first - 1].low == "from" and toks[q.first - 2].low in (
            "ranging", "ranged", "range", "ranges", "varying", "varied"):
        m = q.first - 3
        words = []
        while m >= 0 and _np_word(toks, m) and len(words) < 3:
            words.insert(0, toks[m].low)
            m -= 1
        return _fold_np(words)
    return ""


def _unit_class(unit: str) -> str:
    return "duration" if unit in TIME_UNITS.values() else unit


def name_measures(toks: list[Tok], quantities: list[Quantity]) -> list[str]:
    """A measure name for each quantity (``""`` for non-facts and when nothing is found)."""
    out = [""] * len(quantities)
    last: dict[str, tuple[str, str]] = {}  # unit class -> (noun phrase, measure)
    head = None  # measure of the last fact that is not a series point
    nps = [_read_np(toks, q.after) if q.is_fact else ([], q.after, False) for q in quantities]
    for n, q in enumerate(quantities):
        if not q.is_fact:
            continue
        uc = _unit_class(q.unit)
        if uc == "duration":
            out[n] = _duration(toks, q) or last.get(uc, ("", ""))[1]
            if out[n]:
                last[uc] = (out[n], out[n])
            continue
        words, end, pronoun = nps[n]
        if not words and end < len(toks) and toks[q.after].low == "of" and n + 1 < len(
                quantities) and quantities[n + 1].first <= q.after + 2:
            words = nps[n + 1][0]  # "over 1,400 of more than 1,600 participants"
        subject = None if words else _subject_before(toks, q.first)
        if subject:
            words = subject[0]
        np = _fold_np(words)
        if q.series_year is not None and not np:
            out[n] = head or last.get(uc, ("", ""))[1]
            continue
        after = _verb_after(toks, end)
        before = _verb_before(toks, q.first)
        if subject:
            verb, vend = subject[1], end
        elif after and after[1]:
            verb, vend = after[0], after[2]
        elif before and not (before in _REPORTING and after):
            verb, vend = before, end
        elif after and not _np_word(toks, after[2]) and not (
                after[2] < len(toks) and toks[after[2]].low in _DET):
            verb, vend = after[0], after[2]  # intransitive: "238 individuals died"
        else:
            verb, vend = "", end
        if q.first > 0 and toks[q.first - 1].low in ("including", "among") and not verb and (
                head):
            verb = head.split(" ")[-1] if " " in head else ""
        verb = _fold_verb(verb) if verb else ""
        if not np:
            prev_np, prev_measure = last.get(uc, ("", ""))
            if not verb:
                out[n] = prev_measure
                continue
            np = prev_np
        comp = _complement(toks, verb, vend)
        measure = " ".join(x for x in (np, verb, comp) if x)
        out[n] = measure
        if np:
            last[uc] = (np, measure)
        if q.series_year is None:
            head = measure
    return out
