"""Dates in a sentence, resolved against the document date to `2024`, `2023-05`, `2023-03-18`.

Where each rule lives:
- partial_date.py: what a found date is (`PartialDate`, `DateMention`) and how two compare;
- tense.py: which way an undated weekday or month points ("on Wednesday ... will be joined"
  looks forward, "visited Manila in February" back);
- absolute.py: dates written out ("June 27, 2023", "June 4-5", "April 2022", "since 1990");
- relative.py: dates told from the document date ("today", "last month", "this fall", "four
  years ago", "in the next five years");
- finding.py: one pass of every pattern over a sentence, durations, anniversaries, and a
  whole document's dates (`sentence_dates`);
- triggers.py: the words a sentence must hold for each pattern to be worth scanning.

Every word (months, weekdays, seasons, relative phrases, number words) comes from
config/cues.yaml. Each pattern is one regex pass over the sentence and overlapping hits keep the
earliest, longest one, so a sentence is read in linear time.
"""

from __future__ import annotations

from bot.extract.dates.finding import find_dates, sentence_dates
from bot.extract.dates.partial_date import DateMention, PartialDate, first_date, is_after
from bot.extract.dates.tense import clause_tense, sentence_tense

__all__ = [
    "DateMention",
    "PartialDate",
    "clause_tense",
    "find_dates",
    "first_date",
    "is_after",
    "sentence_dates",
    "sentence_tense",
]
