"""Warnings about what a period's data cannot support, said wherever its numbers go.

An empty period, a period without a counted mention, an outlet with only a few
articles or only uncounted (e.g. ``too_short``) ones, and a registry outlet with
no article at all each produce one warning ``{"code", "source"?, "message"}``.
They are stored in the snapshot's and every export's metadata, printed by the
commands and shown at the top of the report, so a table is never read without
them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from citywatch.config.scoring import ScoringConfig


def period_warnings(period: str, n_articles: int, counted_pairs: int, refs: Mapping[str, int],
                    per_source: Mapping[str, int], excluded: Mapping[str, Counter[str]],
                    registry: Iterable[str], config: ScoringConfig) -> list[dict[str, Any]]:
    """The warnings of one period.

    ``refs`` counts the (article, city) pairs with a government / name reference;
    ``per_source`` the counted articles per outlet; ``excluded`` the articles
    per outlet and status that do not count; ``registry`` the outlets of the
    registry that the slice covers.
    """
    out: list[dict[str, Any]] = []
    labels = "/".join(config.index_labels)
    if n_articles == 0:
        out.append({"code": "empty_period",
                    "message": f"no counted article in {period}: every city is not ranked (index 0)"})
    elif counted_pairs == 0:
        other = ", ".join(f"{n} article-city references labelled {label}" for label, n in refs.items() if n) \
            or "and no other city reference"
        out.append({"code": "no_counted_mention",
                    "message": f"{n_articles} articles in {period} but none with a {labels} mention of a ranked city "
                               f"({other}): every city is not ranked (index 0)"})
    for source in sorted(set(per_source) | set(excluded)):
        n, dropped = per_source.get(source, 0), excluded.get(source, Counter())
        reasons = ", ".join(f"{status} {count}" for status, count in sorted(dropped.items()))
        if n == 0:
            out.append({"code": "outlet_without_counted_articles", "source": source,
                        "message": f"outlet {source}: {sum(dropped.values())} articles in {period}, none counted "
                                   f"({reasons}): it is left out of the shares"})
        elif n < config.thin_outlet_articles:
            extra = f"; not counted: {reasons}" if reasons else ""
            out.append({"code": "thin_outlet", "source": source,
                        "message": f"outlet {source}: only {n} counted articles in {period} "
                                   f"(fewer than {config.thin_outlet_articles}){extra}: its shares are noisy"})
    seen = set(per_source) | set(excluded)
    for source in sorted(set(registry) - seen):
        out.append({"code": "registry_outlet_without_articles", "source": source,
                    "message": f"outlet {source} is in the registry but has no article in {period}"})
    return out
