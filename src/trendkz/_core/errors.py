"""The one exception family of trendkz.

Every error says what was wrong, where (file, line, column when known) and what to do.
"""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "DateWarning",
    "DecodeError",
    "EntityWarning",
    "InputError",
    "ManifestError",
    "MissingExtraError",
    "NoTextError",
    "OptionError",
    "OutputError",
    "TrendkzError",
    "TrendkzWarning",
    "VerifyError",
    "WorkerError",
]


class TrendkzError(Exception):
    """Base class of every error trendkz raises on purpose."""


class TrendkzWarning(UserWarning):
    """Something was read or done on a guess that the user should check (an encoding
    guessed with little confidence, characters removed, a date from weak or conflicting
    evidence); the message names the file and what was chosen."""


class DateWarning(TrendkzWarning):
    """Dates that are not confident: taken from weak evidence (mentions, a file name), chosen
    against other evidence or a manifest, or shared by two documents of one series. The
    message names every file and what was chosen; ``documents`` lists the files (sources),
    and ``dates`` maps each to the date chosen."""

    def __init__(self, message: str, documents: tuple[str, ...] = (), dates: dict | None = None):
        super().__init__(message)
        self.documents = tuple(documents)
        self.dates = dict(dates or {})

    def __reduce__(self):  # pickled with its lists (a worker's warning travels to the caller)
        return (type(self), (str(self), self.documents, self.dates))


class EntityWarning(TrendkzWarning):
    """Entities that are not confident: a folder's name given to a document that names none,
    a name only one document of a series gives, or a choice between organisations that
    documents of one folder make differently. ``documents`` lists the files (sources),
    ``entities`` maps each to the entity chosen, ``reasons`` to why it is doubtful."""

    def __init__(
        self,
        message: str,
        documents: tuple[str, ...] = (),
        entities: dict | None = None,
        reasons: dict | None = None,
    ):
        super().__init__(message)
        self.documents = tuple(documents)
        self.entities = dict(entities or {})
        self.reasons = dict(reasons or {})

    def __reduce__(self):  # pickled with its lists, like DateWarning
        return (type(self), (str(self), self.documents, self.entities, self.reasons))


class InputError(TrendkzError):
    """A document cannot be read: empty, binary, or not a supported kind of file."""


class DecodeError(InputError):
    """A document's bytes cannot be decoded as text in any known encoding."""


class MissingExtraError(InputError, ImportError):
    """Reading a kind of file needs an optional extra that is not installed (``pdf``,
    ``docx``); the message names the extra and the command that installs it."""


class NoTextError(InputError):
    """A document has no text to read: a PDF without a text layer (a scan). A folder
    loads without it and names it in a warning; a single file raises."""


class ManifestError(TrendkzError):
    """A manifest names a missing file, has a bad value, or lacks a required column."""


class CorpusError(TrendkzError):
    """The documents do not form a usable corpus (none found, duplicates, no year)."""


class OptionError(TrendkzError, ValueError):
    """A keyword option has a value outside the valid ones."""


class OutputError(TrendkzError):
    """A report cannot be written where asked (a file, not a trendkz report, read-only)."""


class VerifyError(TrendkzError):
    """A saved report directory cannot be verified (missing or damaged manifest)."""


class WorkerError(TrendkzError, RuntimeError):
    """A worker process died before returning its part (killed, out of memory, or a
    script that starts workers without an ``if __name__ == "__main__":`` guard)."""


def where(path: object, text: str | None = None, offset: int | None = None) -> str:
    """Format a location as ``file:line:col`` (line and column 1-based)."""
    if text is None or offset is None:
        return str(path)
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{path}:{line}:{col}"


def check_unit(name: str, value: object) -> float:
    """``value`` as a float in [0, 1], or :class:`OptionError` naming ``name``."""
    import numbers

    if (
        not isinstance(value, numbers.Real)
        or isinstance(value, bool)
        or not 0.0 <= float(value) <= 1.0
    ):
        raise OptionError(f"{name}={value!r} is not valid; give a number from 0 to 1")
    return float(value)


def check_option(name: str, value: object, valid: tuple) -> None:
    """Raise :class:`OptionError` listing the valid values when ``value`` is not one."""
    if value not in valid:
        shown = ", ".join(repr(v) for v in valid)
        raise OptionError(f"{name}={value!r} is not valid; choose one of: {shown}")
