"""Lines that hold data, not a title: never a heading, however they are set.

- an address: a ZIP code (``Washington DC 20201``, ``20201-0001``) or a street number with
  a street word (``330 Independence Ave SW``, ``Suite 1062``, ``Room 5541``);
- a phone number (``202.619.2541``, ``(202) 619-2541``, ``1-800-HHS-TIPS``), an e-mail
  address or a web address;
- a form's field: a label in capitals, a colon and its value not in capitals (``REPORT
  PREPARED BY: Robin Brooks``, ``TITLE: OIG FOIA Supervisor``);
- a report number (``A-06-15-00030``, ``OEI-06-14-00350``) or only dates (``November
  2007``, ``October 1, 2015 – March 31, 2016``);
- text with characters the file's fonts could not map (U+FFFD, ``�``), or a blank page's
  note (``Page intentionally left blank``).
"""

from __future__ import annotations

import re

__all__ = ["is_data_line"]

_ZIP = re.compile(r"(?:\b[A-Z]{2}|\bD\.C)\.?,?\s+\d{5}(?:-\d{4})?\b|\b\d{5}-\d{4}\b")
_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Ave(?:nue)?|St(?:reet)?|Blvd|Boulevard|Road|Rd|"
    r"Drive|Dr|Place|Pl|Way|Lane|Ln|Plaza|Square|Parkway|Pkwy)\b\.?|\b(?:Suite|Room|Ste\.?)\s+\d"
)
_PHONE = re.compile(
    r"(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b|\b1[-.]8\d\d[-.][A-Z\d]{3}[-.][A-Z\d]{4}\b"
)
_WEB = re.compile(r"https?://|www\.|\b[\w.-]+@[\w-]+\.[a-z]{2,}\b", re.I)
_REPORT_NO = re.compile(r"\b[A-Z]{1,4}-\d{2}-\d{2}-\d{4,5}\b")  # A-06-15-00030, OEI-06-14-00350
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_DATES = re.compile(rf"^(?:{_MONTH}(?:\s+\d{{1,2}},)?\s+(?:19|20)\d\d|[\s–—-]|to|through)+$")
_FIELD = re.compile(r"^(?:[IVX]{1,4}\.\s+)?[A-Z][A-Z &/()-]{1,40}:\s+(\S.*)$")


def is_data_line(text: str) -> bool:
    """Whether a line is an address, a phone number, a web or e-mail address, a form's
    field with its value, or holds unmapped glyphs (see the module's doc)."""
    if "\ufffd" in text or "ntentionally left blank" in text:
        return True
    if _ZIP.search(text) or _STREET.search(text) or _PHONE.search(text):
        return True
    if _WEB.search(text) or _REPORT_NO.search(text) or _DATES.match(text.strip()):
        return True
    m = _FIELD.match(text.strip())
    return m is not None and m.group(1).upper() != m.group(1)
