"""Synonym folds for measure names: verbs to the canonical verb of their set ("disrupted",
"foiled", "thwarted" -> "prevented"), noun phrases to a canonical phrase ("people",
"individuals" -> "persons"). Used by :mod:`trendkz.facts.measures`."""

from __future__ import annotations

__all__ = ["NOUN_FOLD", "VERB_FOLD"]

#: participle -> the canonical verb of its synonym set
VERB_FOLD: dict[str, str] = {
    **dict.fromkeys(
        [
            "disrupted",
            "foiled",
            "thwarted",
            "averted",
            "stopped",
            "prevented",
            "suppressed",
            "neutralized",
        ],
        "prevented",
    ),
    **dict.fromkeys(["returned", "repatriated", "brought back", "evacuated"], "repatriated"),
    **dict.fromkeys(
        ["blocked", "shut down", "closed", "closed down", "taken down", "restricted"], "blocked"
    ),
    **dict.fromkeys(["convicted", "sentenced", "found guilty"], "convicted"),
    **dict.fromkeys(["detained", "apprehended", "taken into custody"], "detained"),
    **dict.fromkeys(["released", "freed"], "released"),
    **dict.fromkeys(
        ["transferred", "sent", "referred", "forwarded", "submitted", "handed over"], "transferred"
    ),
    **dict.fromkeys(
        ["identified", "detected", "uncovered", "discovered", "revealed", "exposed"], "identified"
    ),
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
    **dict.fromkeys(
        [
            "sites",
            "websites",
            "web sites",
            "webpages",
            "web pages",
            "internet sites",
            "internet resources",
            "online resources",
            "web-sites",
        ],
        "websites",
    ),
    **dict.fromkeys(
        [
            "terrorist acts",
            "acts of terrorism",
            "terror attacks",
            "terrorist attacks",
            "acts of terror",
        ],
        "terrorist attacks",
    ),
    **dict.fromkeys(["court system", "courts", "court"], "court"),
    **dict.fromkeys(
        [
            "prison",
            "imprisonment",
            "jail",
            "prison term",
            "prison terms",
            "prison sentence",
            "prison sentences",
            "incarceration",
            "sentence",
            "sentences",
            "deprivation of liberty",
        ],
        "prison term",
    ),
}
