"""Scheduled jobs planned from the source registry: one job per distinct cron expression.

Sources sharing a cron expression crawl together in one run (one process, one
politeness budget); sources without ``schedule`` use the default cron of the
operations config. Job names derive from the cron expression, so every
scheduler reading the same registry - on any machine - plans the same jobs and
contends for the same locks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from croniter import croniter

from citywatch.config.sources import check_cron, load_sources

DEFAULT_JOB = "default"


class ScheduleError(ValueError):
    """The default schedule is not a cron expression the scheduler can run."""


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    sources: tuple[str, ...]


def plan_jobs(sources_file: Path, default_cron: str) -> list[Job]:
    groups: dict[str, list[str]] = defaultdict(list)
    for source in load_sources(sources_file):
        groups[source.schedule or default_cron].append(source.id)
    try:
        check_cron(default_cron)  # the sources' own schedules were checked when the registry was loaded
    except ValueError as exc:
        raise ScheduleError(f"schedule.default: {exc}") from None
    return [Job(DEFAULT_JOB if cron == default_cron else f"cron {cron}", cron, tuple(ids))
            for cron, ids in sorted(groups.items(), key=lambda kv: (kv[0] != default_cron, kv[0]))]


def next_fire(cron: str, after: datetime | None = None, timezone: str = "UTC") -> datetime:
    """The next time ``cron`` fires after ``after`` (now by default), in UTC."""
    tz = ZoneInfo(timezone)
    start = (after or datetime.now(UTC)).astimezone(tz)
    return croniter(cron, start).get_next(datetime).astimezone(UTC)


def missed_since(cron: str, last_fire: datetime | None, now: datetime | None = None, timezone: str = "UTC") -> bool:
    """Whether ``cron`` should have fired between ``last_fire`` and ``now`` (the machine was off)."""
    return last_fire is not None and next_fire(cron, last_fire, timezone) <= (now or datetime.now(UTC))
