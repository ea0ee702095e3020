"""The one vocabulary of change, shared by sections, sentences and facts.

Every ``status`` is one of four kinds (csv-diff's model): ``same``, ``added``, ``removed``
and ``changed``. A few statuses refine ``changed`` and name how; :data:`KIND` maps each
status to its kind, so ``frame.status.map(KIND)`` compares any two frames.

============== ============ ==========================================================
status         kind         used by
============== ============ ==========================================================
``same``       same         sections (no token changed), sentences, facts (equal value)
``added``      added        sections (group only in the later document), sentences, facts
``removed``    removed      sections (group only in the earlier document), sentences, facts
``changed``    changed      sections (some tokens changed), sentences (reworded)
``rewritten``  changed      sections whose similarity is under ``REWRITTEN_BELOW``
``moved``      changed      sentences found in another place (another group or order)
``up``         changed      facts whose value rose
``down``       changed      facts whose value fell
``qualifier changed`` changed  facts with overlapping intervals stated differently
============== ============ ==========================================================
"""

from __future__ import annotations

__all__ = [
    "ADDED",
    "CHANGED",
    "DOWN",
    "KIND",
    "KINDS",
    "MOVED",
    "QUALIFIER_CHANGED",
    "REMOVED",
    "REWRITTEN",
    "SAME",
    "UP",
]

SAME = "same"
ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
REWRITTEN = "rewritten"
MOVED = "moved"
UP = "up"
DOWN = "down"
QUALIFIER_CHANGED = "qualifier changed"

KINDS = (SAME, ADDED, REMOVED, CHANGED)
KIND = {
    SAME: SAME,
    ADDED: ADDED,
    REMOVED: REMOVED,
    CHANGED: CHANGED,
    REWRITTEN: CHANGED,
    MOVED: CHANGED,
    UP: CHANGED,
    DOWN: CHANGED,
    QUALIFIER_CHANGED: CHANGED,
}
