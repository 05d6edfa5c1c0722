"""When the school should answer a letter, from the state profile in use.

A letter names a profile key whose value is a time period (`deadline:
evaluation_request_response`), counted from the day the school gets the letter. Only a
number of calendar days gives a date: the letter's date plus that many days. School days,
school working days and business days depend on the school's calendar, which this guide
does not know, so they are shown as a count with what the unit counts, never as a date. A
profile that sets no number of days says so in its own sentence. letters.js adds the days
in the browser, as `due_date` does here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .. import states
from ..states import Period, StateRules

DATED_UNIT = "calendar_days"


@dataclass(frozen=True)
class Deadline:
    key: str
    period: Period | None  # None: the profile sets no number of days
    sentence: str  # the profile's sentence, in the language
    note: str  # whose rule it is (and whether it is confirmed)
    unit_note: str  # what the unit counts; '' without a period
    source: str
    period_text: str  # '5 school days'; '' without a period

    @property
    def dated(self) -> bool:
        """True when a date can be computed from the letter's date."""
        return self.period is not None and self.period.unit == DATED_UNIT


def deadline(rules: StateRules, key: str, lang: str) -> Deadline:
    """The deadline a profile key sets, in a language."""
    rule = rules.profile.rules[key]
    period = rule.value if isinstance(rule.value, Period) else None
    text = rules.text
    return Deadline(
        key=key, period=period, sentence=text(f"{key}.sentence", lang) or "", note=text(f"{key}.note", lang) or "",
        unit_note=text(f"{key}.unit_note", lang) or "", source=rule.source,
        period_text=states.period_text(period, rules.texts[lang]) if period else "",
    )


def due_date(start: datetime.date, period: Period) -> datetime.date | None:
    """The date `period` after `start` for calendar days; None for any other unit (it
    depends on the school's calendar)."""
    if period.unit != DATED_UNIT:
        return None
    return start + datetime.timedelta(days=period.amount)
