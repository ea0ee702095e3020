"""A small rule-based chunker: verb forms, noun phrases and governing verbs of a sentence.

No model and no download: closed word classes, an irregular-verb table and suffix rules.
:func:`participle` tells a verb form and gives its past participle; the ``read_*`` and
``verb_*`` functions walk the tokens of :func:`trendkz.facts.numbers.tokenize` around a number.
Used by :mod:`trendkz.facts.measures`.
"""

from __future__ import annotations

from .chunkwords import (
    _ADJ_END,
    _ADV,
    _APPOSITIVE,
    _AUX,
    _CONJ,
    _NEG,
    _NOT_ED,
    _NOT_ING,
    _NOT_LY,
    _PARTICLES,
    _PREP,
    _PRON,
    DET,
    DROP,
    IRREGULAR,
    NOMINAL,
    PHRASAL,
    QUOTES,
)
from .numbers import TENS, UNITS, Tok

__all__ = [
    "noun_of",
    "np_word",
    "participle",
    "read_np",
    "subject_before",
    "verb_after",
    "verb_before",
]


#: irregular forms, also with a prefix ("overpaid", "underpaid", "repaid")
_IRREGULAR = {
    **{p + k: p + v for p in ("over", "under", "re") for k, v in IRREGULAR.items()},
    **IRREGULAR,
}


def participle(tok: Tok, position: int = 1) -> str | None:
    """The past participle of ``tok`` when it is a verb form we can tell, else ``None``."""
    low = tok.low
    if low in _AUX or not tok.text.isalpha() or (position > 0 and tok.text[0].isupper()):
        return None
    if low in _IRREGULAR:
        return _IRREGULAR[low]
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
    return low in DET or low in _PREP or low in _CONJ or low in _PRON or low in _AUX or low in _NEG


#: frequent present-tense verbs that end a noun phrase ("2,000 marriages occur annually")
_PRESENT = frozenset(
    """occur occurs remain remains live lives work works face faces lack lacks
exist exists continue continues serve serves include includes represent represents account
accounts rotate rotates reside resides belong belongs receive receives""".split()
)


#: what follows a present-tense word that is a noun: "8 million subscribers with", "accounts and"
_NOUN_NEXT = frozenset(["with", "and", "or"])
#: what follows a present verb (not a noun) of :data:`_PRESENT`: "15% accounts for"
_PRESENT_AFTER = frozenset("for to as on at in of from annually".split())

#: words that never are part of a counted noun phrase (closed classes, adverbs, present
#: verbs, number words); adverbs in -ly are told by :func:`_is_adv`
_NOT_NP = (
    DET | _PREP | _CONJ | _PRON | _AUX | _NEG | _ADV | _PRESENT | frozenset(UNITS) | frozenset(TENS)
)


def np_word(toks: list[Tok], k: int) -> bool:
    if k >= len(toks):
        return False
    t = toks[k]
    low = t.low
    return (
        t.text[0].isalpha()
        and len(t.text) > 1
        and low not in _NOT_NP
        and not (low.endswith("ly") and len(low) > 4 and low not in _NOT_LY)
    )


def _skip_quotes(toks: list[Tok], k: int) -> int:
    while k < len(toks) and toks[k].text in QUOTES:
        k += 1
    return k


def read_np(toks: list[Tok], k: int) -> tuple[list[str], int, bool]:
    """Noun phrase from token ``k``: ``(words, end, pronoun)`` (``pronoun``: "of them")."""
    n = len(toks)
    k = _skip_quotes(toks, k)
    if k < n and toks[k].low == "of":
        m = _skip_quotes(toks, k + 1)
        while m < n and toks[m].low in DET:
            m += 1
        if m < n and toks[m].low in _PRON:
            return [], m + 1, True
        k = m
    words: list[str] = []
    while k < n and len(words) < 6:
        t = toks[k]
        if t.text in QUOTES:
            if words and k + 1 < n and toks[k + 1].text == "s" and toks[k].end == toks[k + 1].start:
                k += 1  # a possessive: "DOJ’s health care fraud funding"
            k += 1
            continue
        if (
            t.text == "-"
            and words
            and k + 1 < n
            and toks[k - 1].end == t.start == toks[k + 1].start - 1
            and toks[k + 1].text.isalnum()
        ):
            words[-1] += "-" + toks[k + 1].low  # "low-rental", "COVID-19"
            k += 2
            continue
        if (
            t.text == "-"
            and not words
            and k + 1 < n
            and toks[k + 1].text.isalpha()
            and (t.start == toks[k + 1].start - 1)
        ):  # "107-seat"
            k += 1
            continue
        low = t.low
        if low in ("and", "or") and words and np_word(toks, k + 1) and np_word(toks, k + 2):
            words.append(low)
            k += 1
            continue
        if (
            low == "of"
            and words
            and k + 1 < n
            and np_word(toks, k + 1)
            and (toks[k + 1].text[0].islower())
            and not participle(toks[k + 1])
        ):
            m = k + 1
            extra: list[str] = []
            while m < n and np_word(toks, m) and not participle(toks[m]) and len(extra) < 2:
                extra.append(toks[m].low)
                m += 1
                if (
                    m + 1 < n
                    and toks[m].text == "-"
                    and toks[m - 1].end == toks[m].start == toks[m + 1].start - 1
                    and np_word(toks, m + 1)
                ):
                    extra[-1] += "-" + toks[m + 1].low  # "of public low-rental housing"
                    m += 2
            if m < n and toks[m].low in ("and", "or") and _ADJ_END.search(extra[-1]):
                break
            words += ["of", *extra]
            k = m
            break
        if not np_word(toks, k):
            if (
                low in _PRESENT
                and low.endswith("s")
                and (
                    k + 1 >= n or not toks[k + 1].text[0].isalnum() or toks[k + 1].low in _NOUN_NEXT
                )
                and not (k + 1 < n and toks[k + 1].low in _PRESENT_AFTER)
            ):
                words.append(low)  # a noun after the number: "8 million subscribers with"
                k += 1
                continue
            if words and _is_adv(low) and k + 2 < n and np_word(toks, k + 1):
                if np_word(toks, k + 2):
                    k += 1  # "low-income nutritionally needy mothers": an adverb inside
                    continue
            break
        if participle(t):
            if (
                (not words or words[-1] in ("and", "or") or low.endswith("ing") or "-" in words[-1])
                and np_word(toks, k + 1)
                and not (participle(toks[k + 1]))
            ):
                words.append(low)
                k += 1
                continue
            if (
                words
                and low.endswith("ing")
                and not np_word(toks, k + 1)
                and not (k + 1 < n and toks[k + 1].low in DET)
            ):
                words.append(low)  # a noun: "health care fraud funding", "its spending"
                k += 1
            break
        words.append(low)
        k += 1
    while words and words[-1] in ("and", "or"):
        words.pop()
    words = [w for w in words if w not in DROP]
    return words, k, False


def _past_phrase(toks: list[Tok], m: int) -> int:
    """The token after a prepositional phrase starting at ``m`` (up to an auxiliary,
    punctuation, a conjunction or a participle)."""
    n = len(toks)
    while (
        m < n
        and toks[m].low not in _AUX
        and toks[m].text not in ",;:()"
        and toks[m].low not in _CONJ
        and not participle(toks[m])
    ):
        m += 1
    return m


#: words that open a subordinate clause after a noun phrase: its verb is not the phrase's
_SUBORDINATE = frozenset("since because although though unless whereas once".split())


def verb_after(toks: list[Tok], k: int) -> tuple[str, bool, int] | None:
    """The verb of the clause whose subject ends at token ``k``: ``(verb, with_aux, end)``."""
    n = len(toks)
    m = _skip_quotes(toks, k)
    reduced: tuple[str, int] | None = None  # a reduced relative's verb, the token after it
    for _ in range(4):
        if m >= n:
            break
        low = toks[m].low
        if low in _SUBORDINATE:
            return None  # "jobs since NAFTA was approved": another clause's verb
        if low in _PREP:
            m = _past_phrase(toks, m + 1)
        elif toks[m].text == "(":
            while m < n and toks[m].text != ")":
                m += 1
            m += 1
        elif toks[m].text == "," and m + 1 < n and toks[m + 1].low in _APPOSITIVE:
            m += 1
            while m < n and toks[m].text not in ",;":
                m += 1
            m += 1
        elif (
            (verb := participle(toks[m]))
            and m + 1 < n
            and toks[m + 1].low in _PREP
            and (reduced is None)
        ):  # reduced relative: "cases related to X were opened"
            reduced = (verb, m + 1)
            m = _past_phrase(toks, m + 2)
        elif low in ("that", "which", "who"):
            ahead = [x for x in range(m + 1, min(n, m + 10)) if toks[x].low in _AUX]
            if not ahead:
                m += 1
                while m < n and _is_adv(toks[m].low):
                    m += 1
                v = participle(toks[m]) if m < n else None
                return (v, False, m + 1) if v else None
            m = ahead[0]
        else:
            break
    aux = neg = False
    while m < n and (
        toks[m].low in _AUX or toks[m].low in _NEG or _is_adv(toks[m].low) or toks[m].text in QUOTES
    ):
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


def subject_before(toks: list[Tok], first: int) -> tuple[list[str], str] | None:
    """ "food allowances were increased by 40 percent": the subject and verb before "by"."""
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
    while m >= 0 and np_word(toks, m) and len(words) < 4 and not participle(toks[m], m):
        words.insert(0, toks[m].low)
        m -= 1
        if m >= 1 and toks[m].low == "from" and words and np_word(toks, m - 1):
            words.insert(0, "from")  # "cash flow from operations declined by"
            m -= 1
    while words and words[0] == "from":
        words.pop(0)
    return (words, verb) if words else None


def _with_particle(toks: list[Tok], verb: str, k: int) -> tuple[str, int]:
    if k < len(toks) and toks[k].low in _PARTICLES and f"{verb} {toks[k].low}" in PHRASAL:
        return f"{verb} {toks[k].low}", k + 1
    if verb == "taken" and [t.low for t in toks[k : k + 2]] == ["into", "custody"]:
        return "taken into custody", k + 2
    return verb, k


def verb_before(toks: list[Tok], first: int) -> str | None:
    m = first - 1
    while m >= 0 and (
        toks[m].text in QUOTES
        or _is_adv(toks[m].low)
        or toks[m].low in _SKIP_BEFORE
        or toks[m].low in _NEG
    ):
        m -= 1
    if m >= 1 and toks[m].low == "of":
        nominal = toks[m - 1].low
        return NOMINAL.get(nominal) or (
            participle(toks[m - 1], m - 1) if nominal.endswith("ing") else None
        )
    if m < 0:
        return None
    if m >= 1 and toks[m - 1].low == "to" and toks[m].low in _TO_VERBS:
        return _TO_VERBS[toks[m].low]  # "agreed to pay $8.9 million"
    return participle(toks[m], m)


#: base verbs after "to" that govern an amount, and their participles
_TO_VERBS = {
    "pay": "paid",
    "repay": "repaid",
    "spend": "spent",
    "invest": "invested",
    "save": "saved",
    "raise": "raised",
    "refund": "refunded",
    "return": "returned",
    "collect": "collected",
    "recover": "recovered",
    "forfeit": "forfeited",
}


def noun_of(toks: list[Tok], first: int) -> tuple[list[str], str | None]:
    """ "a ransom of $370,000": the noun before ``of`` and the verb governing it."""
    m = first - 1
    while m >= 0 and toks[m].low in ("the", "a", "an"):
        m -= 1
    if m < 1 or toks[m].low != "of" or not np_word(toks, m - 1) or toks[m - 1].low in NOMINAL:
        return [], None
    m -= 1
    words: list[str] = []
    while (
        m >= 0
        and np_word(toks, m)
        and len(words) < 4
        and not participle(toks[m], m)
        and toks[m].low not in _BASE_VERBS
    ):
        words.insert(0, toks[m].low)
        m -= 1
        while (
            m >= 1
            and toks[m].text == "-"
            and toks[m].end == toks[m + 1].start
            and toks[m - 1].end == toks[m].start
            and toks[m - 1].text.isalpha()
        ):
            words[0] = f"{toks[m - 1].low}-{words[0]}"  # "book-to-bill of 1.1"
            m -= 2
    if words == ["share"] and m >= 1 and toks[m].low == "per":
        m -= 1  # "adjusted earnings per share of $2.40"
        head: list[str] = []
        while m >= 0 and np_word(toks, m) and len(head) < 3 and not participle(toks[m], m):
            head.insert(0, toks[m].low)
            m -= 1
        if head:
            return [*head, "per", "share"], None
    if words and m >= 1 and toks[m].low.endswith("ing") and toks[m - 1].low in _OWNERS:
        words.insert(0, toks[m].low)  # "our revolving credit facility": an adjective
        return words, None
    return words, verb_before(toks, m + 1) if words else None


#: words between a verb and the number it governs ("overpaid an additional $613 million")
_SKIP_BEFORE = frozenset("a an the total additional another further bit little lot".split())
#: verbs in their base form before an amount's noun ("ordered to pay restitution of")
_BASE_VERBS = frozenset("pay repay spend save invest raise owe earn collect recover".split())
_OWNERS = frozenset("the a an our its their his her your my this that these those".split())
