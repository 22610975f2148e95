"""The source registry (``citywatch/config/sources.yaml``): one validated entry per outlet.

Validation happens once, on load, so that a typo stops the run before any
request is made, with a message naming the source and the field.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from citywatch.config import DEFAULT_SOURCES, read_yaml


class SourcesError(ValueError):
    """The registry cannot be used; the message is meant for the user as is."""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def host_allowed(url: str, allowed_domains: Iterable[str]) -> bool:
    """Whether ``url``'s host is one of ``allowed_domains`` or a subdomain of one."""
    host = _host(url)
    return bool(host) and any(host == d or host.endswith("." + d) for d in allowed_domains)


def check_cron(expr: str) -> None:
    """Raise ValueError unless the scheduler (APScheduler) can run ``expr``: a 5-field crontab line.

    Checked by the parser that will run it, so the registry never accepts what
    the scheduler would refuse (``@daily``, a seconds field).
    """
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expr)
    except ValueError:
        raise ValueError(f"{expr!r} is not a 5-field cron expression (minute hour day month weekday)") from None


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    weight: float = Field(default=1.0, ge=0)
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = Field(min_length=1)
    schedule: str | None = None
    # Networks outside the public internet this source may reach (CIDR, e.g. 127.0.0.1/32 for a loopback
    # test site); everything else non-public is refused by the crawler's egress policy (crawler/egress.py).
    allow_networks: tuple[str, ...] = ()

    @field_validator("feeds", "sitemaps", "sections")
    @classmethod
    def _absolute_http(cls, urls: tuple[str, ...]) -> tuple[str, ...]:
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an absolute http(s) URL")
        return urls

    @field_validator("allowed_domains")
    @classmethod
    def _bare_domains(cls, domains: tuple[str, ...]) -> tuple[str, ...]:
        for domain in domains:
            if "/" in domain or ":" in domain.replace("[", "") or domain != domain.lower() or not domain:
                raise ValueError(f"{domain!r} must be a bare lowercase host name such as example.com")
        return domains

    @field_validator("allow_networks")
    @classmethod
    def _networks(cls, networks: tuple[str, ...]) -> tuple[str, ...]:
        for network in networks:
            try:
                ipaddress.ip_network(network)
            except ValueError:
                raise ValueError(f"{network!r} is not an IP network such as 127.0.0.1/32") from None
        return networks

    @field_validator("schedule")
    @classmethod
    def _cron(cls, expr: str | None) -> str | None:
        if expr is not None:
            check_cron(expr)
        return expr

    @model_validator(mode="after")
    def _consistent(self) -> Source:
        if not (self.feeds or self.sitemaps or self.sections):
            raise ValueError("needs at least one of feeds, sitemaps, sections")
        for url in (*self.feeds, *self.sitemaps, *self.sections):
            if not host_allowed(url, self.allowed_domains):
                raise ValueError(f"{url} is outside allowed_domains {list(self.allowed_domains)}")
        return self


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(entry)"
    return f"field '{field}': {first['msg']}"


def load_sources(path: Path = DEFAULT_SOURCES, only: Iterable[str] | None = None) -> list[Source]:
    """Read and validate the registry; ``only`` keeps the named ids (unknown ids are an error)."""
    raw = read_yaml(path, "sources file", SourcesError)
    entries = raw.get("sources") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise SourcesError(f"sources file {path} must have a top-level 'sources:' list")
    sources: list[Source] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, 1):
        label = entry.get("id") if isinstance(entry, dict) and entry.get("id") else f"#{position}"
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            raise SourcesError(f"{path}: source {label}: {_describe(exc)}") from None
        if source.id in seen:
            raise SourcesError(f"{path}: source {label}: field 'id': duplicate id")
        seen.add(source.id)
        sources.append(source)
    if only:
        wanted = list(dict.fromkeys(only))
        unknown = [i for i in wanted if i not in seen]
        if unknown:
            raise SourcesError(f"{path}: unknown source id(s): {', '.join(unknown)}")
        sources = [s for s in sources if s.id in wanted]
    return sources
