"""Media-presence scoring: per-city counts, an index with bootstrap intervals, exports and a report.

Entry points: :func:`scoring.ranking.score_period` (compute and store a snapshot),
:func:`scoring.ingest.ingest` (articles from JSON Lines, ``citywatch ingest``),
:func:`scoring.ranking.run_period` (snapshot + CSV/JSON/Parquet export + HTML report,
for the demo), :func:`citywatch.store.summary.city_refs` (the compact per-article summary
writers store beside ``mentions``). The method is in docs/scoring.md.
"""

from citywatch.config.scoring import ScoringConfig, load_config
from citywatch.store.summary import city_refs
from scoring.periods import Period, parse_period
from scoring.ranking import run_period, score_period

__all__ = ["Period", "ScoringConfig", "city_refs", "load_config", "parse_period", "run_period", "score_period"]
