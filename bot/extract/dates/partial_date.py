"""What a date is once found: a date known to the year, month or day, and where a sentence
names it.

`PartialDate.parse("2023-05")` is May 2023 with no day; a `DateMention` records that the
words at sentence offsets 10..18 ("in May") mean `2023-05`. A range keeps both ends in its
`when`, "2022-12-05/2022-12-07"; `first_date` reads its start, and `is_after` compares it with
the document date at the precision both share (May 2023 is not after 2023-05-20).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: A date as a document gives it: `2023`, `2023-05`, `2023-05-03`.
_ISO_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """`2023`, `2023-05` or `2023-05-03` (a document's date); anything else is None."""
        m = _ISO_RE.fullmatch((text or "").strip())
        if not m:
            return None
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month or None, day or None)

    def iso(self) -> str:
        """`2023`, `2023-05` or `2023-05-03`, as precise as the date is."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def key(self) -> tuple[int, ...]:
        """(year, month, day) as far as known: dates compare by it at a shared precision."""
        return tuple(v for v in (self.year, self.month, self.day) if v is not None)

    def plus_days(self, days: int) -> PartialDate:
        """Only for dates known to the day."""
        d = dt.date(self.year, self.month or 1, self.day or 1) + dt.timedelta(days=days)
        return PartialDate(d.year, d.month, d.day)

    def plus_months(self, months: int) -> PartialDate:
        """The month that many months on (May 2023 plus 8 is January 2024), without a day."""
        index = self.year * 12 + (self.month or 1) - 1 + months
        return PartialDate(index // 12, index % 12 + 1)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence: where it is (offsets into the sentence) and what it means.

    `relative` dates needed the anchor (or the paragraph's year); `year` is the year an
    absolute date names, which dates later bare months of its paragraph.
    """

    start: int
    end: int
    when: str
    relative: bool
    year: int | None = None
    duration: bool = False  # "three days of talks": the words describe the event too
    kind: str = ""  # the pattern that found it: "weekday", "rel_day", "rel_week", "year" ...


def first_date(when: str) -> PartialDate | None:
    """The start of a `when` value (`2022-12-05/2022-12-07` starts on 2022-12-05)."""
    return PartialDate.parse(when.split("/")[0])


def is_after(when: str, anchor: PartialDate | None) -> bool:
    """Whether `when` lies after the anchor at the precision both share: "2023-06" is after
    2023-05-20, "2023-05" is not (the same month), nor is "2023" (the same year)."""
    start = first_date(when)
    if start is None or anchor is None:
        return False
    a, b = start.key(), anchor.key()
    n = min(len(a), len(b))
    return a[:n] > b[:n]
