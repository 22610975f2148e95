"""Scoring periods: ISO week, month, quarter, year, or any date range, as half-open UTC windows.

A period knows the period of equal length before it (rank change is measured
against that) and how to step back N periods (time series in the report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_PATTERNS = {
    "week": re.compile(r"^(\d{4})-W(\d{2})$"),
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "year": re.compile(r"^(\d{4})$"),
}


class PeriodError(ValueError):
    """A period string or date range that cannot be read; the message shows the accepted forms."""


@dataclass(frozen=True)
class Period:
    """``start`` inclusive, ``end`` exclusive (dates, UTC days)."""

    kind: str  # week | month | quarter | year | range
    start: date
    end: date

    @property
    def label(self) -> str:
        s = self.start
        if self.kind == "week":
            year, week, _ = s.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "month":
            return f"{s.year}-{s.month:02d}"
        if self.kind == "quarter":
            return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(s.year)
        return f"{s.isoformat()}..{(self.end - timedelta(days=1)).isoformat()}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same kind (or, for a range, the same length) just before this one."""
        return self.shift(-1)

    def shift(self, n: int) -> Period:
        if self.kind == "week":
            return Period("week", self.start + timedelta(weeks=n), self.end + timedelta(weeks=n))
        if self.kind in ("month", "quarter", "year"):
            months = {"month": 1, "quarter": 3, "year": 12}[self.kind]
            start = _add_months(self.start, n * months)
            return Period(self.kind, start, _add_months(start, months))
        length = timedelta(days=self.days)
        return Period("range", self.start + n * length, self.end + n * length)


def containing(kind: str, day: date) -> Period:
    """The week (ISO, Monday first) or calendar month that contains ``day``."""
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return Period("week", monday, monday + timedelta(weeks=1))
    first = date(day.year, day.month, 1)
    return Period("month", first, _add_months(first, 1))


def _add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def parse_period(text: str) -> Period:
    """``2026-W40``, ``2026-09``, ``2026-Q3`` or ``2026``."""
    text = text.strip()
    for kind, pattern in _PATTERNS.items():
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group(1))
        try:
            if kind == "week":
                start = date.fromisocalendar(year, int(m.group(2)), 1)
                return Period("week", start, start + timedelta(weeks=1))
            if kind == "month":
                start = date(year, int(m.group(2)), 1)
                return Period("month", start, _add_months(start, 1))
            if kind == "quarter":
                start = date(year, 3 * (int(m.group(2)) - 1) + 1, 1)
                return Period("quarter", start, _add_months(start, 3))
            return Period("year", date(year, 1, 1), date(year + 1, 1, 1))
        except ValueError as exc:
            raise PeriodError(f"period {text!r}: {exc}") from None
    raise PeriodError(f"period {text!r} not understood: use 2026-W40, 2026-09, 2026-Q3 or 2026 (or --from/--to)")


def date_range(first: str | date, last: str | date) -> Period:
    """An inclusive range of days, ``--from 2026-07-01 --to 2026-09-30``."""
    try:
        start = first if isinstance(first, date) else date.fromisoformat(first)
        stop = last if isinstance(last, date) else date.fromisoformat(last)
    except ValueError as exc:
        raise PeriodError(f"dates must be YYYY-MM-DD: {exc}") from None
    if stop < start:
        raise PeriodError(f"--to {stop} is before --from {start}")
    return Period("range", start, stop + timedelta(days=1))


def resolve(period: str | None = None, first: str | None = None, last: str | None = None) -> Period:
    """One of ``period`` or both of ``first``/``last``; the CLI's rule in one place."""
    if period and (first or last):
        raise PeriodError("give either --period or --from/--to, not both")
    if period:
        return parse_period(period)
    if first and last:
        return date_range(first, last)
    raise PeriodError("give --period (2026-Q3, 2026-09, 2026-W40, 2026) or both --from and --to")
