"""The source registry (``citywatch/config/sources.yaml`` and its per-country files): one validated entry per outlet.

One model, two modes. The crawler reads the registry strictly: a typo stops the
run before any request is made, with a message naming the source and the field.
Scoring reads it leniently (:func:`load_registry` with ``lenient=True``): a store
outlives edits to the registry, so an entry that no longer validates still gives
its name, weight and groupings, and only a file that cannot be read at all (or a
weight that is not a number) is an error.

Besides ``sources:``, a registry file may hold ``include:`` (glob patterns of files,
relative to it, each holding only a ``sources:`` list: the shipped registry keeps one
file per country in ``citywatch/config/sources/``) and three tables (the demo's
generated registry has none, and needs none):

* ``lists:`` the maintained publisher lists that evidence records cite;
* ``reach_weights:`` the weight of each reach tier (docs/crawler.md, "Reach and weights");
* ``shared_domains:`` allowed domains that more than one outlet may use, with the reason.

An address is *verified* when an evidence record names it exactly (a maintained
list that has the same URL, or a dated ``citywatch sources check`` that found
entries there). An entry with any other address must say ``unverified: true``,
so that nobody mistakes a guess for a checked address; the crawl reports such
addresses in every run (stat ``unverified_addresses``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from citywatch.config import DEFAULT_SOURCES, read_yaml

ADDRESS_KINDS = ("feeds", "sitemaps", "sections")
OutletType = Literal["wire", "broadsheet", "tabloid", "broadcaster", "business", "magazine", "digital", "regional"]
Reach = Literal["international", "national", "regional"]


class SourcesError(ValueError):
    """The registry cannot be used; the message is meant for the user as is."""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def domain_contains(domain: str, host: str) -> bool:
    return host == domain or host.endswith("." + domain)


def host_allowed(url: str, allowed_domains: Iterable[str]) -> bool:
    """Whether ``url``'s host is one of ``allowed_domains`` or a subdomain of one."""
    host = _host(url)
    return bool(host) and any(domain_contains(d, host) for d in allowed_domains)


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


class EvidenceList(BaseModel):
    """A maintained list of publisher addresses, at the snapshot that was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    commit: str | None = Field(default=None, pattern=r"^[0-9a-f]{7,40}$")
    maintained: str = Field(min_length=1)  # how the list keeps its addresses working, in a few words


class Evidence(BaseModel):
    """Where one address comes from: a maintained list (file and line), or a dated check that found entries.

    ``match: form`` says the list gives only the URL's form (``/rss/{channel}.xml``)
    and this address fills it in: a lead, not a verification.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str
    list: str | None = None
    file: str | None = None
    line: int | None = Field(default=None, ge=1)
    commit: str | None = Field(default=None, pattern=r"^[0-9a-f]{7,40}$")  # when it differs from the list's
    match: Literal["exact", "form"] = "exact"
    checked: date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_kind(self, info: ValidationInfo) -> Evidence:
        if (self.list is None) == (self.checked is None):
            raise ValueError("needs either list (with file and line) or checked (the date of a sources check)")
        if self.list is not None:
            if not self.file or self.line is None:
                raise ValueError(f"evidence from list {self.list!r} needs file and line")
            known = (info.context or {}).get("lists")
            if known is not None and self.list not in known:
                raise ValueError(f"unknown list {self.list!r}; known: {', '.join(sorted(known)) or 'none'}")
        return self

    @property
    def verifies(self) -> bool:
        return self.match == "exact"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    type: OutletType | None = None
    reach: Reach | None = None
    weight: float = Field(default=1.0, ge=0)
    site: str | None = None  # the outlet's home page: with the addresses, what its allowed domains may cover
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = Field(min_length=1)
    schedule: str | None = None
    evidence: tuple[Evidence, ...] | None = None
    unverified: bool = False
    note: str | None = None
    # Networks outside the public internet this source may reach (CIDR, e.g. 127.0.0.1/32 for a loopback
    # test site); everything else non-public is refused by the crawler's egress policy (crawler/egress.py).
    allow_networks: tuple[str, ...] = ()

    @field_validator("feeds", "sitemaps", "sections", "site")
    @classmethod
    def _absolute_http(cls, urls: tuple[str, ...] | str | None) -> tuple[str, ...] | str | None:
        for url in (urls,) if isinstance(urls, str) else urls or ():
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
    def _consistent(self, info: ValidationInfo) -> Source:
        if not (self.feeds or self.sitemaps or self.sections):
            raise ValueError("needs at least one of feeds, sitemaps, sections")
        addresses = self.urls
        for url in (*addresses, *([self.site] if self.site else [])):
            if not host_allowed(url, self.allowed_domains):
                raise ValueError(f"allowed_domains: {url} is outside allowed_domains {list(self.allowed_domains)}")
        if self.reach is not None and "weight" not in self.model_fields_set:
            weights = (info.context or {}).get("reach_weights") or {}
            if self.reach not in weights:
                raise ValueError(f"reach: {self.reach!r} has no weight in the registry's reach_weights table")
            object.__setattr__(self, "weight", weights[self.reach])  # the tier's weight; frozen only to callers
        if self.evidence is not None:
            for record in self.evidence:
                if record.url not in addresses:
                    raise ValueError(f"evidence: {record.url} is cited, but it is not one of the source's addresses")
            missing = self.unverified_urls
            if missing and not self.unverified:
                raise ValueError(f"unverified: {missing[0]} has no exact evidence: add it, or mark the entry unverified: true")
            if self.unverified and not missing:
                raise ValueError("unverified: it says true, but every address has exact evidence")
        return self

    @property
    def urls(self) -> tuple[str, ...]:
        return (*self.feeds, *self.sitemaps, *self.sections)

    def addresses(self) -> list[tuple[str, str]]:
        """``(kind, url)`` for every address, kinds in the order of :data:`ADDRESS_KINDS`."""
        return [(kind, url) for kind in ADDRESS_KINDS for url in getattr(self, kind)]

    @property
    def unverified_urls(self) -> tuple[str, ...]:
        """Addresses that no evidence record names exactly (every address when the entry has no ``evidence``)."""
        verified = {e.url for e in self.evidence or () if e.verifies}
        return tuple(url for url in self.urls if url not in verified)

    def evidence_for(self, url: str) -> list[Evidence]:
        return [e for e in self.evidence or () if e.url == url]


@dataclass(frozen=True)
class Registry:
    path: Path
    sources: list[Source]
    lists: dict[str, EvidenceList] = field(default_factory=dict)
    reach_weights: dict[str, float] = field(default_factory=dict)
    shared_domains: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # lenient mode: entries read only in part, and why
    origins: dict[str, Path] = field(default_factory=dict)  # source id -> the file it was read from


def _describe(error: ValidationError) -> str:
    """``field 'x': message``; checks across fields name theirs as ``x: message``."""
    first = error.errors()[0]
    field_name = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    named = re.match(r"^([a-z_]+): (.*)$", message)
    if not field_name and named:
        field_name, message = named.groups()
    return f"field '{field_name or '(entry)'}': {message}"


def _tables(raw: Mapping[str, Any], path: Path,
            skipped: list[str] | None = None) -> tuple[dict[str, EvidenceList], dict[str, float], dict[str, str]]:
    """The file's tables. Lenient mode passes ``skipped``: a broken ``lists`` or ``shared_domains`` entry,
    which scoring does not need, is left out and noted there instead of stopping the read."""

    def broken(message: str) -> None:
        if skipped is None:
            raise SourcesError(message)
        skipped.append(message)

    tables = {name: raw.get(name) or {} for name in ("lists", "reach_weights", "shared_domains")}
    for name, table in tables.items():
        if not isinstance(table, Mapping):
            if name == "reach_weights":
                raise SourcesError(f"{path}: '{name}:' must be a mapping")
            broken(f"{path}: '{name}:' must be a mapping")
            tables[name] = {}
    lists: dict[str, EvidenceList] = {}
    for name, entry in tables["lists"].items():
        try:
            lists[str(name)] = EvidenceList.model_validate(entry)
        except ValidationError as exc:
            broken(f"{path}: list {name}: {_describe(exc)}")
    weights: dict[str, float] = {}
    for tier, weight in tables["reach_weights"].items():
        if tier not in Reach.__args__ or not isinstance(weight, int | float) or weight < 0:  # type: ignore[attr-defined]
            raise SourcesError(f"{path}: reach_weights: {tier}: {weight!r} must be a reach tier "
                               f"({', '.join(Reach.__args__)}) with a non-negative number")  # type: ignore[attr-defined]
        weights[str(tier)] = float(weight)
    return lists, weights, {str(k): str(v) for k, v in tables["shared_domains"].items()}


def _lenient(entry: Mapping[str, Any], weights: Mapping[str, float], label: str) -> Source:
    """What scoring needs from an entry that does not validate: id, name, weight and groupings."""
    try:
        weight = float(entry["weight"]) if entry.get("weight") is not None else weights.get(str(entry.get("reach")), 1.0)
    except (TypeError, ValueError):
        raise SourcesError(f"source {label}: field 'weight': must be a number, got {entry.get('weight')!r}") from None
    known = {"type": OutletType.__args__, "reach": Reach.__args__}  # type: ignore[attr-defined]
    values = {k: entry.get(k) if entry.get(k) in allowed else None for k, allowed in known.items()}
    return Source.model_construct(id=str(label), name=str(entry.get("name") or label), weight=weight,
                                  country=str(entry.get("country") or "unknown"),
                                  language=str(entry.get("language") or "unknown"), **values)


def sources_from(entries: Iterable[Any], *, where: str = "registry", lenient: bool = False,
                 context: Mapping[str, Any] | None = None, skipped: list[str] | None = None,
                 seen: dict[str, str] | None = None) -> list[Source]:
    """Validate registry entries (the items of ``sources:``); ``where`` prefixes error messages.

    Lenient: an invalid entry is read in part (:func:`_lenient`) and its reason appended
    to ``skipped``; an entry without an id, or with an id already read, is left out.
    ``seen`` (id -> where it was read) carries duplicate detection across files.
    """
    sources: list[Source] = []
    seen = {} if seen is None else seen
    for position, entry in enumerate(entries, 1):
        label = str(entry["id"]) if isinstance(entry, Mapping) and entry.get("id") else f"#{position}"
        try:
            source = Source.model_validate(entry, context=dict(context or {}))
        except ValidationError as exc:
            if not lenient:
                raise SourcesError(f"{where}: source {label}: {_describe(exc)}") from None
            if not isinstance(entry, Mapping) or not entry.get("id"):
                continue
            source = _lenient(entry, (context or {}).get("reach_weights") or {}, label)
            if skipped is not None:
                skipped.append(f"{where}: source {label}: {_describe(exc)}")
        if source.id in seen:
            if lenient:
                continue
            also = "" if seen[source.id] == where else f" (also in {seen[source.id]})"
            raise SourcesError(f"{where}: source {label}: field 'id': duplicate id{also}")
        seen[source.id] = where
        sources.append(source)
    return sources


def _included(path: Path, raw: Mapping[str, Any]) -> list[tuple[Path, list[Any]]]:
    """The ``sources:`` lists of the files ``include:`` names (glob patterns relative to ``path``), in order."""
    patterns = raw.get("include") or []
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise SourcesError(f"{path}: 'include:' must be a list of file patterns")
    chunks = []
    for pattern in patterns:
        files = sorted(path.parent.glob(pattern))
        if not files:
            raise SourcesError(f"{path}: include {pattern!r} matches no file")
        for file in files:
            included = read_yaml(file, "sources file", SourcesError)
            entries = included.get("sources") if isinstance(included, Mapping) else None
            if not isinstance(entries, list) or set(included) != {"sources"}:
                raise SourcesError(f"sources file {file} must hold only a top-level 'sources:' list")
            chunks.append((file, entries))
    return chunks


def load_registry(path: Path | str = DEFAULT_SOURCES, *, lenient: bool = False) -> Registry:
    """Read the registry file, its tables and the files it includes; strict by default (see the module
    docstring for lenient)."""
    path = Path(path)
    raw = read_yaml(path, "sources file", SourcesError)
    if not isinstance(raw, Mapping) or not isinstance(raw.get("sources", []), list) or \
            not ("sources" in raw or "include" in raw):
        raise SourcesError(f"sources file {path} must have a top-level 'sources:' list or 'include:' patterns")
    skipped: list[str] = []
    lists, weights, shared = _tables(raw, path, skipped if lenient else None)
    context = {"lists": lists, "reach_weights": weights}
    seen: dict[str, str] = {}
    sources: list[Source] = []
    origins: dict[str, Path] = {}
    for where, entries in [(path, raw.get("sources") or []), *_included(path, raw)]:
        chunk = sources_from(entries, where=str(where), lenient=lenient, skipped=skipped, context=context, seen=seen)
        origins.update((s.id, where) for s in chunk)
        sources += chunk
    return Registry(path, sources, lists, weights, shared, skipped, origins)


def outlet_countries(path: Path | str = DEFAULT_SOURCES) -> dict[str, str]:
    """``{source_id: country}`` of every outlet in the registry, read leniently (an entry that no longer
    validates still names its country): the linker's outlet evidence when stored or ingested articles are
    tagged again outside a crawl."""
    return {s.id: s.country for s in load_registry(path, lenient=True).sources if s.country}


def load_sources(path: Path = DEFAULT_SOURCES, only: Iterable[str] | None = None) -> list[Source]:
    """Read and validate the registry; ``only`` keeps the named ids (unknown ids are an error)."""
    sources = load_registry(path).sources
    if only:
        wanted = list(dict.fromkeys(only))
        seen = {s.id for s in sources}
        unknown = [i for i in wanted if i not in seen]
        if unknown:
            raise SourcesError(f"{path}: unknown source id(s): {', '.join(unknown)}")
        sources = [s for s in sources if s.id in wanted]
    return sources


def _justified(domain: str, source: Source) -> bool:
    """An allowed domain is the host of the outlet's site or of one of its addresses (a leading ``www.`` dropped)."""
    hosts = {_host(url) for url in (*source.urls, *([source.site] if source.site else []))}
    return any(domain in (host, host.removeprefix("www.")) for host in hosts)


def completeness_problems(registry: Registry) -> list[str]:
    """What a shipped registry needs beyond a valid schema, one line per problem.

    Every outlet has a type, a reach tier (and so its weight from the tier table, never
    a number of its own), its site and an ``evidence`` field, and sits in the file of its
    country when the registry is split by country (``fr.yaml``). (An outlet with section
    pages only also needs link rules for their host; those live with the crawler, in
    ``crawler/url_patterns.yaml``, and the crawler's registry test checks them.) Each
    allowed domain is the host of the site or of an address, so no umbrella domain
    (``globo.com`` for one Globo title) lets the crawler wander into sister outlets;
    a domain that covers another outlet's domain is listed in ``shared_domains``.
    """
    problems: list[str] = []
    for s in registry.sources:
        where = f"source {s.id}"
        origin = registry.origins.get(s.id)
        if origin is not None and re.fullmatch(r"[a-z]{2}", origin.stem) and origin.stem.upper() != s.country:
            problems.append(f"{where}: country {s.country} but listed in {origin.name}")
        for name in ("type", "reach", "site", "evidence"):
            if getattr(s, name) is None:
                problems.append(f"{where}: field '{name}' is missing")
        if "weight" in s.model_fields_set:
            problems.append(f"{where}: field 'weight' is set by hand; give a reach tier instead")
        for domain in s.allowed_domains:
            if not _justified(domain, s):
                problems.append(f"{where}: allowed domain {domain} is neither the site's host nor an address's host")
    for a in registry.sources:
        for b in registry.sources:
            for wide in a.allowed_domains:
                if a.id != b.id and wide not in registry.shared_domains and \
                        any(domain_contains(wide, narrow) for narrow in b.allowed_domains):
                    problems.append(f"allowed domain {wide} of {a.id} also covers {b.id}; list it in shared_domains")
    used = {d for s in registry.sources for d in s.allowed_domains}
    problems += [f"shared_domains: {d} is no outlet's allowed domain" for d in registry.shared_domains if d not in used]
    return problems
