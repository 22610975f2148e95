"""Coverage gaps: days of a period on which a source was not crawled successfully.

Read from the crawl run records (collection ``runs``, written by store/runs.py):
a run lists the sources it was asked to crawl (``source_ids``) and, per source,
counters such as ``responses: {"200": n, "304": n, "503": n}`` and ``stored``.
A source succeeded in a run when it got at least one response below 400 or stored
an article. Per source and day of the period:

- ``ok``: at least one run that included the source succeeded for it;
- ``gap``: the crawler was operating (the day lies between the first and last
  recorded runs of the store, and the source had been crawled before) but no run
  succeeded for the source, either because its runs failed or because none ran;
- ``unmonitored``: outside the store's run history (imported or back-filled data):
  no evidence either way, so not a gap.

coverage = 1 - gap days / period days. In ``shares`` mode the index is immune to
gaps by construction (an outlet's share is taken over the articles it has in the
window, and an outlet with none is left out of the mean, not counted as zero);
in ``counts`` mode an outlet's counts are divided by its coverage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from citywatch.store import Store

RUN_FIELDS = {"started_at": 1, "ended_at": 1, "status": 1, "source_ids": 1, "sources": 1}


@dataclass
class SourceCoverage:
    source_id: str
    runs: int = 0
    runs_ok: int = 0
    days_ok: int = 0
    days_gap: int = 0
    days_unmonitored: int = 0
    gaps: list[tuple[str, str]] = field(default_factory=list)  # inclusive date ranges
    coverage: float = 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source_id, "runs": self.runs, "runs_ok": self.runs_ok,
                "run_success": round(self.runs_ok / self.runs, 4) if self.runs else None,
                "days_ok": self.days_ok, "days_gap": self.days_gap, "days_unmonitored": self.days_unmonitored,
                "coverage": round(self.coverage, 4), "gaps": [list(g) for g in self.gaps]}


def succeeded(counters: Mapping[str, Any] | None) -> bool:
    if not counters:
        return False
    responses = counters.get("responses") or {}
    ok = sum(int(n) for code, n in responses.items() if str(code).isdigit() and int(code) < 400) \
        if isinstance(responses, Mapping) else 0
    return ok > 0 or int(counters.get("stored") or 0) > 0


def _sources_of(run: Mapping[str, Any]) -> set[str]:
    return set(run.get("source_ids") or ()) | set((run.get("sources") or {}).keys())


def _day(value: datetime) -> date:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).date()


def _ranges(days: list[date]) -> list[tuple[str, str]]:
    out: list[list[date]] = []
    for d in sorted(days):
        if out and d - out[-1][1] == timedelta(days=1):
            out[-1][1] = d
        else:
            out.append([d, d])
    return [(a.isoformat(), b.isoformat()) for a, b in out]


@dataclass
class RunHistory:
    """What the whole run history says, read once per scoring: the monitored span and when each source began."""

    first_day: date | None = None
    last_day: date | None = None
    first_seen: dict[str, date] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store, until: date) -> RunHistory:
        hi = datetime(until.year, until.month, until.day, tzinfo=UTC)
        history = cls()
        for run in store.runs.find({"started_at": {"$lt": hi}}, {"started_at": 1, "source_ids": 1, "sources": 1}):
            d = _day(run["started_at"])
            history.first_day = min(history.first_day or d, d)
            history.last_day = max(history.last_day or d, d)
            for s in _sources_of(run):
                history.first_seen[s] = min(history.first_seen.get(s, d), d)
        last = next(iter(store.runs.find({}, {"started_at": 1}).sort("started_at", -1).limit(1)), None)
        if last is not None:
            history.last_day = max(history.last_day or _day(last["started_at"]), _day(last["started_at"]))
        return history


def coverage(store: Store, start: date, end: date, sources: Iterable[str],
             history: RunHistory | None = None) -> dict[str, SourceCoverage]:
    """Per source (those given plus any crawled in the period), its days ok / gap / unmonitored."""
    history = history or RunHistory.load(store, end)
    result = {s: SourceCoverage(s) for s in sources}
    lo = datetime(start.year, start.month, start.day, tzinfo=UTC)
    hi = datetime(end.year, end.month, end.day, tzinfo=UTC)
    ok_days: dict[str, set[date]] = {}
    if history.first_day is not None:
        for run in store.runs.find({"started_at": {"$gte": lo, "$lt": hi}}, RUN_FIELDS):
            if run.get("status") == "running":
                continue
            for s in _sources_of(run):
                c = result.setdefault(s, SourceCoverage(s))
                c.runs += 1
                if succeeded((run.get("sources") or {}).get(s)):
                    c.runs_ok += 1
                    ok_days.setdefault(s, set()).add(_day(run["started_at"]))
    n_days = (end - start).days
    for s, c in result.items():
        gap_days = []
        for i in range(n_days):
            d = start + timedelta(days=i)
            if d in ok_days.get(s, ()):
                c.days_ok += 1
            elif (history.first_day is not None and history.last_day is not None
                  and history.first_day <= d <= history.last_day
                  and s in history.first_seen and d >= history.first_seen[s]):
                gap_days.append(d)
            else:
                c.days_unmonitored += 1
        c.days_gap = len(gap_days)
        c.gaps = _ranges(gap_days)
        c.coverage = 1.0 - c.days_gap / n_days if n_days else 1.0
    return dict(sorted(result.items()))
