"""A simulated world of foreign news about Chinese cities, with a known true value per city.

The validation harness (harness.py) writes this world's articles as
JSON Lines for ``citywatch ingest`` and compares ``citywatch export`` against
the truth. Everything is drawn from one seed; the world is:

* **Cities**: 100 ranked cities (taken from an export of an empty store, so the
  harness needs no citywatch import), in a random order r = 1..100 with Zipf
  attention p_r proportional to 1/r. A city's mentions are government
  references (METONYMIC) with a city-specific probability g in [0.05, 0.40]
  (higher for the most covered cities) and name references (ORG_PART) with
  probability 0.05; the rest are LITERAL.
* **Outlets**: 24, with log-uniform 20-900 articles a quarter (N_s) and reach
  weights uniform in [0.5, 1.0]. Each outlet has its own taste: the chance
  that one of its articles covers city k is q_sk = min(1, 0.25 p_k h_sk /
  sum_j p_j h_sj) with h_sk lognormal (sigma 0.4), independently per city (an
  article covers 0.25 cities on average, some several).
* **A covering article** has 1 + Poisson(0.8) mentions of the city, each
  labelled as above; with probability 0.3 its first LITERAL mention is in the
  first paragraph (prominence). Titles never name a city.
* **Wire stories**: 40 a quarter, each covering cities like an article of the
  world's average taste (q = min(1, 1.5 p_k)), copied verbatim to 5-20
  outlets (each copy one of that outlet's N_s articles) under one ``cluster_id``.
* **The tagger and the reviewers**: 10% of machine labels are wrong; a reviewer
  decides 80% of the wrong ones (``review`` with the true label), so 2% of
  labels stay wrong, as after a real review round.
* **The crawl**: three of the eight largest outlets are crawled at half volume
  (each article kept with probability 0.5) and two others lose a 15-day
  stretch; the rest are complete. The 10 cities the half-crawled outlets
  favour most (highest mean log h_sk) show crawl-volume bias.

**Truth.** An article of outlet s adds E[P x S(n_LITERAL); n_LITERAL >= 1] =
c_k to city k when it covers it (P: prominence 2 or 1; S(n) = 1 + ln n), so
outlet s's true share of city k is theta_sk = q_sk c_k on its own articles plus
sum over the wire stories it carries of q_wire_k c_k / m (the story's credit split
over its m carriers), all over N_s. The true value is the reach-weighted mean
T_k = sum_s w_s theta_sk / sum_s w_s over the 24 outlets as published (not as
crawled), and the true index is 100 ln(1 + T_k/u) / ln(1 + T_top/u) with u =
0.001, as in docs/scoring.md. The naive count a researcher without citywatch
would report is every mention of the city (any label, every copy).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

QUARTER_START = datetime(2026, 7, 1, tzinfo=UTC)
QUARTER_DAYS = 92
PERIOD = "2026-Q3"
N_CITIES = 100
N_OUTLETS = 24
CITY_RATE = 0.25  # expected covered cities per article
WIRE_CITIES = 1.5  # expected covered cities per wire story
TASTE_SIGMA = 0.4  # how much outlets differ in which cities they cover (lognormal sigma)
WIRE_STORIES = 40
WIRE_CARRIERS = (5, 20)
EXTRA_MENTIONS = 0.8  # Poisson mean of mentions beyond the first
PROMINENT = 0.3
ORG_SHARE = 0.05
TAGGER_ERROR = 0.10
REVIEWED = 0.80
HALF_CRAWLED = 3
GAPPED = 2
GAP_DAYS = 15
LOG_UNIT = 0.001
LABELS = ("LITERAL", "METONYMIC", "ORG_PART")


@dataclass
class World:
    cities: list[dict[str, str]]  # adcode, city, province
    outlets: list[dict[str, Any]]  # id, weight, articles (published)
    truth: np.ndarray  # T_k per city
    articles: list[dict[str, Any]] = field(default_factory=list)  # as crawled, JSON-ready
    half_crawled: list[str] = field(default_factory=list)
    favoured: list[int] = field(default_factory=list)  # the 10 cities the half-crawled outlets cover most, relatively
    full_crawl: list[dict[str, Any]] = field(default_factory=list)  # the same articles without crawl losses
    extra: list[dict[str, Any]] = field(default_factory=list)  # a newcomer outlet's articles, when asked for

    def naive(self, articles: list[dict[str, Any]]) -> np.ndarray:
        """Every mention per city (any label, every copy): what counting without citywatch gives."""
        column = {c["adcode"]: k for k, c in enumerate(self.cities)}
        counts = np.zeros(len(self.cities))
        for article in articles:
            for m in article["mentions"]:
                counts[column[m["city"]["adcode"]]] += 1
        return counts

    @property
    def true_index(self) -> np.ndarray:
        top = self.truth.max()
        return 100.0 * np.log1p(self.truth / LOG_UNIT) / math.log1p(top / LOG_UNIT)


def expected_weight(g: float) -> float:
    """c = E[P x (1 + ln n_LITERAL); n_LITERAL >= 1] for a city whose mentions are LITERAL with probability 1 - g - ORG_SHARE."""
    literal = 1.0 - g - ORG_SHARE
    total = 0.0
    for extra in range(40):
        p_n = math.exp(-EXTRA_MENTIONS) * EXTRA_MENTIONS ** extra / math.factorial(extra)
        n = extra + 1
        for j in range(1, n + 1):
            total += p_n * math.comb(n, j) * literal ** j * (1 - literal) ** (n - j) * (1 + math.log(j))
    return (1 + PROMINENT) * total


def _mentions(rng: np.random.Generator, city: dict[str, str], g: float) -> list[tuple[str, str, bool]]:
    """(true label, machine label, reviewed) per mention, the first LITERAL one first."""
    n = 1 + rng.poisson(EXTRA_MENTIONS)
    labels = rng.choice(LABELS, size=n, p=[1 - g - ORG_SHARE, g, ORG_SHARE]).tolist()
    out = []
    for label in labels:
        machine = label
        if rng.random() < TAGGER_ERROR:
            machine = str(rng.choice([x for x in LABELS if x != label]))
        out.append((label, machine, machine != label and rng.random() < REVIEWED))
    return out


def _article(sid: str, outlet: str, when: datetime, covered: list[tuple[dict[str, str], list[tuple[str, str, bool]], bool]],
             cluster: str | None = None) -> dict[str, Any]:
    """The JSON line; each mention's offsets are exact, and a prominent city's first LITERAL mention opens the lead."""
    paragraphs: list[list[tuple[str, dict[str, Any] | None]]] = [[(f"Story {sid}.", None)], [(f"Report {sid}.", None)]]
    for city, labels, prominent in covered:
        first_literal = next((i for i, (label, _, _) in enumerate(labels) if label == "LITERAL"), None)
        ref = {"adcode": city["adcode"], "name": city["city"], "province": city["province"]}
        for i, (label, machine, reviewed) in enumerate(labels):
            mention: dict[str, Any] = {"surface": city["city"], "label": machine, "city": ref}
            if reviewed:
                mention["review"] = {"label": label, "city": ref, "by": "reviewer-1"}
            paragraphs[0 if prominent and i == first_literal else 1].append((city["city"], mention))
    text, mentions = "", []
    for p, paragraph in enumerate(paragraphs):
        for sentence, found in paragraph:
            if found is not None:
                text += " "
                mentions.append({**found, "start": len(text), "end": len(text) + len(sentence)})
                sentence += " was in the news."
            text += sentence
        text += "\n" if p == 0 else ""
    return {"url": f"https://{outlet}.example/{sid}", "source_id": outlet, "title": f"Story {sid}", "text": text,
            "published_at": when.isoformat(), "lang": "en", "cluster_id": cluster, "mentions": mentions}


def _covered(rng: np.random.Generator, q: np.ndarray, cities: list[dict[str, str]],
             g: np.ndarray) -> list[tuple[dict[str, str], list[tuple[str, str, bool]], bool]]:
    hits = np.flatnonzero(rng.random(len(q)) < q)
    return [(cities[k], _mentions(rng, cities[k], float(g[k])), bool(rng.random() < PROMINENT)) for k in hits.tolist()]


def build(seed: int, cities: list[dict[str, str]], extra_outlet: int = 0) -> World:
    """The world of ``seed`` over 100 of ``cities`` (rows of an export); ``extra_outlet`` adds an outlet of that size."""
    rng = np.random.default_rng(seed)
    chosen = [cities[i] for i in sorted(rng.choice(len(cities), N_CITIES, replace=False).tolist())]
    attention = 1.0 / (1 + rng.permutation(N_CITIES))
    attention /= attention.sum()
    gov = 0.05 + 0.35 * (attention / attention.max()) ** 0.5
    weights = np.array([expected_weight(float(x)) for x in gov])
    sizes = np.exp(rng.uniform(math.log(20), math.log(900), N_OUTLETS)).round().astype(int)
    reach = rng.uniform(0.5, 1.0, N_OUTLETS).round(2)
    names = [f"outlet{s:02d}" for s in range(N_OUTLETS)]
    taste = rng.lognormal(0.0, TASTE_SIGMA, (N_OUTLETS, N_CITIES))
    q = np.minimum(1.0, CITY_RATE * (attention * taste) / (attention * taste).sum(axis=1, keepdims=True))
    q_wire = np.minimum(1.0, WIRE_CITIES * attention)

    def when() -> datetime:
        return QUARTER_START + timedelta(seconds=float(rng.uniform(0, QUARTER_DAYS * 86400)))

    published: list[dict[str, Any]] = []
    share = np.zeros((N_OUTLETS, N_CITIES))  # expected weighted mentions per outlet, over its published articles
    carried = np.zeros(N_OUTLETS, dtype=int)
    for j in range(WIRE_STORIES):
        carriers = rng.choice(N_OUTLETS, int(rng.integers(WIRE_CARRIERS[0], WIRE_CARRIERS[1] + 1)), replace=False)
        covered = _covered(rng, q_wire, chosen, gov)
        for s in carriers.tolist():
            published.append(_article(f"wire{j}-{s}", names[s], when(), covered, cluster=f"wire-{seed}-{j}"))
            share[s] += q_wire * weights / len(carriers)
            carried[s] += 1
    own = np.maximum(sizes - carried, 5)
    for s in range(N_OUTLETS):
        share[s] += own[s] * q[s] * weights
        published.extend(_article(f"a{s}-{i}", names[s], when(), _covered(rng, q[s], chosen, gov))
                         for i in range(int(own[s])))
    totals = carried + own
    truth = reach @ (share / totals[:, None]) / reach.sum()
    outlets = [{"id": names[s], "weight": float(reach[s]), "articles": int(totals[s])} for s in range(N_OUTLETS)]
    world = World(chosen, outlets, truth, full_crawl=published)

    largest = np.argsort(-sizes, kind="stable")[:8]
    half = rng.choice(largest, HALF_CRAWLED, replace=False).tolist()
    gapped = rng.choice(np.setdiff1d(np.arange(N_OUTLETS), half), GAPPED, replace=False).tolist()
    world.half_crawled = [names[s] for s in half]
    gaps = {names[s]: QUARTER_START + timedelta(days=int(rng.integers(0, QUARTER_DAYS - GAP_DAYS))) for s in gapped}
    kept = []
    for article in published:
        source = article["source_id"]
        if source in world.half_crawled and rng.random() < 0.5:
            continue
        start = gaps.get(source)
        if start is not None and start <= datetime.fromisoformat(article["published_at"]) < start + timedelta(days=GAP_DAYS):
            continue
        kept.append(article)
    world.articles = kept
    world.favoured = np.argsort(-np.log(taste[half]).mean(axis=0), kind="stable")[:10].tolist()
    if extra_outlet:
        taste_x = rng.lognormal(0.0, TASTE_SIGMA, N_CITIES)
        q_x = np.minimum(1.0, CITY_RATE * attention * taste_x / (attention * taste_x).sum())
        world.outlets.append({"id": "newcomer", "weight": 1.0, "articles": extra_outlet})
        world.extra = [_article(f"x-{i}", "newcomer", when(), _covered(rng, q_x, chosen, gov)) for i in range(extra_outlet)]
    return world
