"""Closed word classes and word lists the chunker reads sentences with."""

from __future__ import annotations

import re

__all__ = [
    "DET",
    "DROP",
    "IRREGULAR",
    "NOMINAL",
    "PHRASAL",
    "QUOTES",
    "REPORTING",
]

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
        if base in (
            "get",
            "hit",
            "put",
            "quit",
            "run",
            "set",
            "sit",
            "shut",
            "cut",
            "dig",
            "begin",
            "forget",
            "split",
            "win",
        ):
            ing = base + base[-1] + "ing"
        for form in (past, part, ing):
            table.setdefault(form, part)
    return table


IRREGULAR = _irregular()

DET = frozenset(
    "the a an this that these those its their his her our my your any each every "
    "all both no another whose".split()
)
_PREP = frozenset(
    """of in on at by for from to with without into onto during since until
through throughout over under among between against after before per via within across
including as about around near despite toward towards upon regarding concerning following
amid behind beyond outside inside like than except plus off versus vs due down up out back
away""".split()
)
_CONJ = frozenset(
    "and or but nor while whereas although though because if whether so yet when "
    "where unless".split()
)
_PRON = frozenset(
    "who whom which that what it they them he she we you i him us there here "
    "themselves itself these those".split()
)
_AUX = frozenset(
    "be is are was were been being am have has had having do does did will would "
    "shall should can could may might must".split()
)
_NEG = frozenset(["not", "never", "n’t", "n't"])
_ADV = frozenset(
    """also still then later already again ahead further subsequently reportedly
allegedly currently recently previously even just only mostly mainly respectively ever soon
thus therefore however yet instead too very well now reportedly officially formally
ultimately eventually finally successfully reportedly nearly almost""".split()
)
_NOT_LY = frozenset(
    "family july italy assembly supply reply ally rally anomaly monopoly fly "
    "apply multiply comply rely early daily weekly monthly yearly elderly holy "
    "friendly lonely ugly bully belly jelly only".split()
)
_NOT_ED = frozenset(
    "hundred need seed speed red bed shed breed creed greed weed bleed proceed "
    "exceed succeed indeed deed steed united naked wicked sacred kindred hatred "
    "rugged aged bred".split()
)
_NOT_ING = frozenset(
    """during including according following regarding concerning pending
notwithstanding nothing something anything everything morning evening building buildings
ceiling thing things king ring spring string wing sibling wedding bring""".split()
)
DROP = frozenset(
    """such other more additional new further separate different respective
various so-called alleged suspected purported reported total overall same several many
certain some possible approximately about nearly only others ones""".split()
)
REPORTING = frozenset(
    """said stated reported announced noted claimed estimated indicated
alleged added confirmed asserted explained acknowledged argued believed found showed
suggested told wrote declared mentioned observed""".split()
)
_APPOSITIVE = frozenset(
    ["including", "mostly", "mainly", "among", "primarily", "largely", "predominantly", "of"]
)
_PARTICLES = frozenset(["down", "up", "out", "back", "off", "away", "guilty", "dead"])
#: phrasal verbs kept whole ("shut down" is not "shut")
PHRASAL = frozenset(
    [
        "shut down",
        "closed down",
        "taken down",
        "brought back",
        "found guilty",
        "handed over",
        "handed down",
        "shot dead",
        "carried out",
        "set up",
    ]
)
QUOTES = frozenset("“”\"'‘’«»")
_ADJ_END = re.compile(r"(?:al|ive|ous|ic|ful|less|able|ible|ary|ent|ant)$")
#: nouns of an action -> its participle ("the abduction of 1,972 persons")
NOMINAL = {
    "abduction": "abducted",
    "abductions": "abducted",
    "detention": "detained",
    "arrest": "arrested",
    "arrests": "arrested",
    "conviction": "convicted",
    "convictions": "convicted",
    "deportation": "deported",
    "execution": "executed",
    "executions": "executed",
    "release": "released",
    "repatriation": "repatriated",
    "registration": "registered",
    "payment": "paid",
    "death": "died",
    "deaths": "died",
    "murder": "killed",
    "murders": "killed",
    "seizure": "seized",
    "expulsion": "deported",
    "extradition": "extradited",
    "prosecution": "charged",
    "closure": "blocked",
    "blocking": "blocked",
    "return": "repatriated",
    "transfer": "transferred",
}
