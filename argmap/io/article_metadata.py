"""Recognising an article's metadata lines: dates, bylines, site names, publication notes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_SEP = r"[\s,|•·–—-]*"
_DATE_FORMS = [
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})",
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?![\d.]\d)",
]
# A whole line that is only a date, maybe with a weekday and a time around it.
_DATE_LINE = [
    re.compile(
        rf"^(?:{_WEEKDAY}{_SEP})?{form}(?:{_SEP}{_WEEKDAY})?(?:{_SEP}{_TIME})?\.?$",
        re.IGNORECASE,
    )
    for form in _DATE_FORMS
]
_DATE_ANYWHERE = [re.compile(form, re.IGNORECASE) for form in _DATE_FORMS]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+\d{{4}}\b", re.IGNORECASE)
_TIME_LINE = re.compile(rf"^{_TIME}$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:(?:words|text|story|reporting|photos?|photographs)\s+)?(?:by|von|par|por|door)"
    r"\s*[:\-–—]?\s*(?P<name>.*)$",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^[\w .'’-]{0,40}\b(?:staff (?:report|writer)s?|wire services?|news services?|"
    r"from wire reports)$",
    re.IGNORECASE,
)
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z&'’ |/·•›>-]{1,40}$")
_ABOUT_AUTHOR = re.compile(r"^about the authors?\s*[.:\-–—]?\s*(?P<rest>.*)$", re.IGNORECASE)
_FIRST_PUBLISHED = re.compile(
    r"^(?:this article was )?(?:first|originally) published (?:in|by|at|on)\s+"
    r"(?:the\s+)?(?P<name>.+?)\.?$",
    re.IGNORECASE,
)


@dataclass
class Metadata:
    """What an article says about itself; None where it does not say."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts.get("mnum"):
        month = int(parts["mnum"])
    else:
        month = _MONTHS[parts["month"].lower()[:3]]
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> str | None:
    """The ISO date if ``line`` is nothing but a date (with weekday or time), else None."""
    stripped = line.strip()
    for pattern in _DATE_LINE:
        match = pattern.match(stripped)
        if match:
            return _iso(match)
    return None


def parse_date(value: str) -> str | None:
    """The first recognisable date in ``value`` as ISO ``YYYY-MM-DD``, else None."""
    for pattern in _DATE_ANYWHERE:
        match = pattern.search(value)
        if match:
            iso = _iso(match)
            if iso:
                return iso
    return None


def is_time_line(line: str) -> bool:
    """A line holding only a clock time, such as "16:12" (a news site's timestamp)."""
    return bool(_TIME_LINE.match(line.strip()))


def byline(line: str) -> str | None:
    """For a byline ("By: Jane Doe", "By:", "Par Jean Dupont"), the name (maybe empty);
    None otherwise. A staff credit ("Valley Times staff report") is a byline without one."""
    if _CREDIT_LINE.match(line.strip()):
        return ""
    match = _BYLINE.match(line.strip())
    if not match or len(line) > 120:
        return None
    name = re.split(r",|\||·| - | – | — | on | and | und | et ", match.group("name"), maxsplit=1)[0]
    name = name.strip().rstrip(".,;:")
    # "By the time..." is prose, not a byline: a name starts with a capital letter.
    if name and not name[0].isupper():
        return None
    return name


def is_section_label(line: str) -> bool:
    """An all-capitals rubric such as "OPINION", "ANALYSIS" or "NEWS | HIGHLANDS"."""
    text = line.strip()
    if len(text) > 41 or not _SECTION_LABEL.match(text):
        return False
    return sum(1 for w in text.split() if any(c.isalpha() for c in w)) <= 3


def is_dated_line(line: str) -> bool:
    """A short line that holds a date and is not a sentence ("April 26, 2022 · Policy",
    "Von Jana Becker · 28.11.2023, 14:02 Uhr"): a page's date and byline line."""
    text = line.strip()
    return (
        len(text) <= 120
        and not text.rstrip("”\"’')]").endswith((".", "!", "?", ":"))
        and (parse_date(text) is not None or _MONTH_YEAR.search(text) is not None)
    )


def author_from_note(line: str) -> str | None:
    """The name in an "About the author. Jane Doe, political scientist." note."""
    match = _ABOUT_AUTHOR.match(line.strip())
    if not match:
        return None
    rest = match.group("rest")
    name = re.split(r",| is | – | — | - |\.\s", rest, maxsplit=1)[0].strip().rstrip(".")
    return name if 0 < len(name.split()) <= 5 else None


def is_author_note(line: str) -> bool:
    """An "About the author..." line at the end of an article."""
    return bool(_ABOUT_AUTHOR.match(line.strip())) and len(line) <= 400


def publisher_from_note(line: str) -> str | None:
    """The outlet named in "First published in the Valdai Discussion Club."."""
    match = _FIRST_PUBLISHED.match(line.strip())
    if not match or len(line) > 200:
        return None
    return match.group("name").strip()


def normalise_line(text: str) -> str:
    """NFC, invisible characters removed, runs of spaces/tabs/no-break spaces -> one space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[^\S\n]+", " ", text).strip()
