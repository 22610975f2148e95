"""The HTML report: one self-contained file (inline CSS and SVG, no script, no network).

Charts are drawn here as SVG rather than with a charting library so that the
file opens anywhere, offline, and renders the same every time. Every piece of
text from the data (city and outlet names) is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.ranking import Result

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777")
INDEX_COLOR, GOV_COLOR, CI_COLOR = "#2563eb", "#f59e0b", "#1e293b"
EVIDENCE_ROWS = 200  # per city in evidence.html; evidence.csv has them all

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 color:#0f172a;background:#f1f5f9;margin:0}
main{max-width:1180px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:0 0 4px}
.sub{color:#475569;margin:0 0 18px}.note{color:#64748b;font-size:12.5px;margin:6px 0 10px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(15,23,42,.08);padding:18px 20px;margin:0 0 18px}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 18px}
.kpi{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(15,23,42,.08);padding:12px 16px;min-width:150px}
.kpi b{display:block;font-size:22px}.kpi span{color:#64748b;font-size:12.5px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:18px}.grid .card{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid #e2e8f0;text-align:right;white-space:nowrap}
th{color:#475569;font-weight:600;background:#f8fafc}td.l,th.l{text-align:left}
.up{color:#16a34a}.down{color:#dc2626}.muted{color:#94a3b8}
.ok{color:#16a34a}.bad{color:#dc2626;font-weight:600}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
.scroll{overflow-x:auto}td.wrap{white-space:normal;text-align:left;min-width:120px;font-size:12px}
code{background:#f1f5f9;padding:1px 4px;border-radius:4px;font-size:12px}
.warn{border-left:4px solid #f59e0b}.warn li{margin:2px 0}
"""


def _change(value: int | None) -> str:
    if value is None:
        return '<span class="muted">new</span>'
    if value > 0:
        return f'<span class="up">▲{value}</span>'
    if value < 0:
        return f'<span class="down">▼{-value}</span>'
    return '<span class="muted">=</span>'


def _rank(row: Mapping[str, Any]) -> str:
    """The published place: the band ("11-20") or the city's own rank; point ranks are in the table beside it."""
    return "not ranked" if row["rank"] is None else str(row["rank_band"])


def _city_link(row: Mapping[str, Any], name: str, evidence: bool) -> str:
    return f'<a href="evidence.html#c{escape(row["adcode"])}">{escape(name)}</a>' if evidence and row["articles"] \
        else escape(name)


def display_names(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Display names by adcode; homonyms (Suzhou, Taizhou, Fuzhou, ...) get their province."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["city"]] = counts.get(r["city"], 0) + 1
    return {r["adcode"]: f'{r["city"]} ({r["province"]})' if counts[r["city"]] > 1 else r["city"] for r in rows}


def _ranking_svg(rows: Sequence[Mapping[str, Any]], names: Mapping[str, str]) -> str:
    """Index bars with bootstrap CI whiskers, and government references in a second column."""
    row_h, top, left, bar_w, gap, gov_w = 26, 46, 230, 540, 60, 200
    width = left + bar_w + gap + gov_w + 40
    height = top + row_h * len(rows) + 10
    max_gov = max([r["gov_refs"] for r in rows] + [1])
    out = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="ranking">']
    gx = left + bar_w + gap
    out.append(f'<text x="{left}" y="16" font-size="12" fill="#475569">index (0–100) with {escape("95%")} '
               f'bootstrap interval</text>')
    out.append(f'<text x="{gx}" y="16" font-size="12" fill="#475569">government references (METONYMIC)</text>')
    for tick in range(0, 101, 25):
        x = left + bar_w * tick / 100
        out.append(f'<line x1="{x}" y1="{top - 8}" x2="{x}" y2="{height - 6}" stroke="#e2e8f0"/>'
                   f'<text x="{x}" y="{top - 12}" font-size="10" fill="#94a3b8" text-anchor="middle">{tick}</text>')
    out.append(f'<text x="{left - 10}" y="{top - 12}" font-size="10" fill="#94a3b8" text-anchor="end">change</text>')
    for i, r in enumerate(rows):
        y = top + i * row_h
        mid = y + row_h / 2
        change = r["rank_change"]
        arrow, color = ("", "#94a3b8") if change in (None, 0) else (("▲", "#16a34a") if change > 0 else ("▼", "#dc2626"))
        label = f'{_rank(r)}. {names[r["adcode"]]}'
        out.append(f'<text x="{left - 54}" y="{mid + 4}" font-size="13" text-anchor="end">{escape(label)}</text>')
        if arrow:
            out.append(f'<text x="{left - 10}" y="{mid + 4}" font-size="11" fill="{color}" text-anchor="end">'
                       f'{arrow}{abs(change)}</text>')
        w = bar_w * r["index"] / 100
        out.append(f'<rect x="{left}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" rx="3" fill="{INDEX_COLOR}" '
                   f'opacity="0.85"/>')
        if r.get("ci_low") is not None:
            x1, x2 = left + bar_w * r["ci_low"] / 100, left + bar_w * r["ci_high"] / 100
            out.append(f'<line x1="{x1:.1f}" y1="{mid}" x2="{x2:.1f}" y2="{mid}" stroke="{CI_COLOR}" stroke-width="1.5"/>'
                       f'<line x1="{x1:.1f}" y1="{mid - 5}" x2="{x1:.1f}" y2="{mid + 5}" stroke="{CI_COLOR}"/>'
                       f'<line x1="{x2:.1f}" y1="{mid - 5}" x2="{x2:.1f}" y2="{mid + 5}" stroke="{CI_COLOR}"/>')
        out.append(f'<text x="{min(left + w, left + bar_w) + 6:.1f}" y="{mid - 6}" font-size="10.5" fill="#334155">'
                   f'{r["index"]:.1f}</text>')
        gw = gov_w * r["gov_refs"] / max_gov
        out.append(f'<rect x="{gx}" y="{y + 7}" width="{gw:.1f}" height="{row_h - 14}" rx="2" fill="{GOV_COLOR}"/>'
                   f'<text x="{gx + gw + 5:.1f}" y="{mid + 4}" font-size="11" fill="#334155">{r["gov_refs"]}</text>')
    out.append("</svg>")
    return "".join(out)


def _series_svg(series: Mapping[str, Any]) -> str:
    labels, lines = series.get("labels") or [], series.get("cities") or []
    if not labels or not lines:
        return '<p class="note">No series (the report was made without one).</p>'
    width, height, left, right, top, bottom = 1080, 300, 46, 170, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(labels) - 1, 1)
    out = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="time series">']
    for tick in range(0, 101, 25):
        y = top + plot_h * (1 - tick / 100)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e2e8f0"/>'
                   f'<text x="{left - 8}" y="{y + 4:.1f}" font-size="10" fill="#94a3b8" text-anchor="end">{tick}</text>')
    for i, label in enumerate(labels):
        x = left + i * step
        out.append(f'<text x="{x:.1f}" y="{height - 12}" font-size="10.5" fill="#64748b" text-anchor="middle">'
                   f'{escape(label)}</text>')
    for k, line in enumerate(lines):
        color = PALETTE[k % len(PALETTE)]
        points = [(left + i * step, top + plot_h * (1 - v / 100)) for i, v in enumerate(line["index"]) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.2"/>')
        out.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>' for x, y in points)
        ly = top + 14 + k * 20
        out.append(f'<rect x="{width - right + 18}" y="{ly - 9}" width="12" height="12" rx="2" fill="{color}"/>'
                   f'<text x="{width - right + 36}" y="{ly + 1}" font-size="12">{escape(line["city"])}</text>')
    out.append("</svg>")
    return "".join(out)


def _countries_svg(countries: Sequence[Mapping[str, Any]]) -> str:
    if not countries:
        return '<p class="note">No city mentions in this period.</p>'
    row_h, left, bar_w = 24, 80, 330
    height = row_h * len(countries) + 6
    out = [f'<svg viewBox="0 0 {left + bar_w + 70} {height}" width="100%" role="img" aria-label="countries">']
    for i, c in enumerate(countries):
        y = i * row_h
        w = bar_w * c["share"]
        out.append(f'<text x="{left - 8}" y="{y + 16}" font-size="12.5" text-anchor="end">{escape(c["country"])}</text>'
                   f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" rx="3" '
                   f'fill="{PALETTE[i % len(PALETTE)]}"/>'
                   f'<text x="{left + w + 6:.1f}" y="{y + 16}" font-size="11.5" fill="#334155">'
                   f'{100 * c["share"]:.1f}%</text>')
    out.append("</svg>")
    return "".join(out)


def _coverage_table(coverage: Sequence[Mapping[str, Any]], outlets: Sequence[Mapping[str, Any]]) -> str:
    articles = {o["source"]: o["articles"] for o in outlets}
    if not coverage:
        return '<p class="note">No sources.</p>'
    rows = []
    for c in coverage:
        gaps = ", ".join(a if a == b else f"{a} – {b}" for a, b in c["gaps"][:4]) + (" …" if len(c["gaps"]) > 4 else "")
        status = (f'<span class="bad">{c["days_gap"]} gap days</span>' if c["days_gap"]
                  else '<span class="ok">no gap</span>')
        runs = f'{c["runs_ok"]}/{c["runs"]}' if c["runs"] else '<span class="muted">–</span>'
        rows.append(f'<tr><td class="l">{escape(c["source"])}</td><td>{articles.get(c["source"], 0):,}</td>'
                    f'<td>{runs}</td><td>{c["days_ok"]}</td><td>{c["days_unmonitored"]}</td><td>{status}</td>'
                    f'<td>{100 * c["coverage"]:.0f}%</td><td class="l">{escape(gaps)}</td></tr>')
    return ('<table><tr><th class="l">source</th><th>articles</th><th>runs ok</th><th>days ok</th>'
            '<th>days unmonitored</th><th>gaps</th><th>coverage</th><th class="l">gap dates</th></tr>'
            + "".join(rows) + "</table>")


def _rows_table(rows: Sequence[Mapping[str, Any]], evidence: bool) -> str:
    head = ("<tr><th>rank</th><th>point rank</th><th>95% rank interval</th><th class='l'>city</th><th class='l'>province</th><th>index</th>"
            "<th>95% CI</th><th>articles</th><th>stories</th><th>share ‰</th><th>gov refs</th><th>org refs</th>"
            "<th>outlets</th><th class='l'>countries</th><th>change</th></tr>")
    body = []
    for r in rows:
        ci = f'{r["ci_low"]:.1f}–{r["ci_high"]:.1f}' if r["ci_low"] is not None else "–"
        spread = f'{r["rank_ci_low"]}–{r["rank_ci_high"]}' if r["rank_ci_low"] is not None else "–"
        point = "–" if r["rank"] is None else r["rank"]
        body.append(f'<tr><td>{_rank(r)}</td><td class="muted">{point}</td><td class="muted">{spread}</td>'
                    f'<td class="l">{_city_link(r, r["city"], evidence)}</td>'
                    f'<td class="l">{escape(r["province"])}</td><td><b>{r["index"]:.1f}</b></td><td>{ci}</td>'
                    f'<td>{r["articles"]:,}</td><td>{r["stories"]:,}</td><td>{1000 * r["attention_share"]:.2f}</td>'
                    f'<td>{r["gov_refs"]:,}</td><td>{r["org_refs"]:,}</td><td>{r["sources"]}</td>'
                    f'<td class="wrap">{escape(r["country_codes"].replace(";", ", ") or "–")}</td>'
                    f'<td>{_change(r["rank_change"])}</td></tr>')
    return f"<div class='scroll'><table>{head}{''.join(body)}</table></div>"


def _warnings(warnings: Sequence[Mapping[str, Any]]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(w['message'])}</li>" for w in warnings)
    return f'<div class="card warn"><h2>Warnings ({len(warnings)})</h2><ul>{items}</ul></div>'


def render_evidence(result: Result) -> str:
    """evidence.html: each city's counted articles, with the anchor ``#c<adcode>`` the report links to."""
    by_city: dict[str, list[Mapping[str, Any]]] = {}
    for e in result.evidence or ():
        by_city.setdefault(e["adcode"], []).append(e)
    names = display_names(result.rows)
    sections = []
    for r in result.rows:
        items = by_city.get(r["adcode"])
        if not items:
            continue
        shown = items[:EVIDENCE_ROWS]
        more = (f'<p class="note">{len(items) - len(shown):,} more rows in evidence.csv.</p>'
                if len(items) > len(shown) else "")
        body = "".join(
            f'<tr><td class="l"><a href="{escape(e["url"])}" rel="noreferrer">{escape(e["title"] or e["url"])}</a></td>'
            f'<td class="l">{escape(e["outlet"])}</td><td class="l">{escape(e["country"])}</td>'
            f'<td class="l">{escape(e["language"])}</td><td>{escape(str(e["published"]))}</td>'
            f'<td class="l">{escape(e["label"])}</td><td class="l">{escape(e["reviewed_by"]) or "–"}</td>'
            f'<td>{e["article_weight"]:.4f}</td><td>{1000 * e["share_weight"]:.4f}</td>'
            f'<td class="l">{escape(e["cluster"]) or "–"}{" (wire copy)" if e["wire_copy"] else ""}</td></tr>'
            for e in shown)
        sections.append(
            f'<div class="card" id="c{escape(r["adcode"])}"><h2>{escape(_rank(r))}. {escape(names[r["adcode"]])}</h2>'
            f'<p class="note">{r["articles"]:,} counted articles; share weights (‰) add up to the attention share '
            f'{1000 * r["attention_share"]:.4f}‰.</p><div class="scroll"><table><tr><th class="l">article</th>'
            f'<th class="l">outlet</th><th class="l">country</th><th class="l">lang</th><th>published</th>'
            f'<th class="l">label</th><th class="l">reviewed by</th><th>article weight</th><th>share ‰</th>'
            f'<th class="l">cluster</th></tr>{body}</table></div>{more}</div>')
    meta = result.meta
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Evidence — {escape(meta["period"])}</title><style>{CSS}</style></head>
<body><main><h1>Evidence — {escape(meta["period"])}</h1>
<p class="sub">Every counted article per city (config <code>{escape(meta["config_hash"])}</code>);
<a href="index.html">back to the report</a>; all rows in <code>evidence.csv</code>.</p>
{"".join(sections) or '<p class="note">No counted article in this period.</p>'}
</main></body></html>
"""


def render(result: Result, top: int = 20) -> str:
    meta, rows = result.meta, result.rows
    shown = [r for r in rows if r["articles"] or r["gov_refs"]][:top]
    listed = [r for r in rows if r["articles"] or r["gov_refs"] or r["org_refs"]][:60]
    totals = meta["totals"]
    gap_sources = sum(1 for c in meta["coverage"] if c["days_gap"])
    kpis = [(f'{totals["articles"]:,}', "articles in the period"),
            (f'{totals["articles_with_city"]:,}', "mention a ranked city"),
            (f'{totals["sources"]}', "outlets with articles"),
            (f'{totals["cities_with_articles"]}', f'of {totals["cities_ranked"]} cities present'),
            (f"{gap_sources}", "sources with coverage gaps")]
    versions = ", ".join(f"{escape(v)} ({n:,})" for v, n in meta["tagger_versions"].items()) or "–"
    window = meta["data_window"]
    slice_text = "; ".join(f"{k}: {', '.join(v)}" for k, v in meta["slice"].items()) or "all outlets"
    params = ", ".join(f"<code>{escape(k)}={escape(str(v))}</code>" for k, v in meta["config"].items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>City media presence — {escape(meta["period"])}</title><style>{CSS}</style></head>
<body><main>
<h1>Chinese cities in foreign news — {escape(meta["period"])}</h1>
<p class="sub">{escape(meta["start"])} to {escape(meta["end_inclusive"])} · {escape(slice_text)} ·
rank change against {escape(meta["previous_period"])} · data from {escape(str(window["first_day"]))} to
{escape(str(window["last_day"]))} · config <code>{escape(meta["config_hash"])}</code></p>
{_warnings(meta["warnings"])}
<div class="kpis">{"".join(f'<div class="kpi"><b>{v}</b><span>{escape(t)}</span></div>' for v, t in kpis)}</div>
<div class="card"><h2>Ranking</h2>
<p class="note">Index: log-scaled attention, top city = 100. Whiskers: {100 * meta["bootstrap"]["level"]:.0f}%
bootstrap interval over {meta["bootstrap"]["resamples"]} resamples of stories; overlapping whiskers mean the
order of those cities is not established. Rank: the city's own rank where the data resolve it, else the band it
shares ("11-20"; cities in a band are not ordered); point ranks and rank intervals are in the table below. Arrows:
change of the point rank. Right: articles in which the city's name stands
for the government (not in the index).</p>
{_ranking_svg(shown, display_names(rows)) if shown else '<p class="note">No city mentioned in this period.</p>'}</div>
<div class="card"><h2>Top cities over time</h2>
<p class="note">Index per {escape(str(result.series.get("kind") or "period"))}, each normalised to its own top
city.</p>{_series_svg(result.series)}</div>
<div class="grid">
<div class="card"><h2>Coverage by outlet country</h2>
<p class="note">Share of outlet-weighted city mentions by the outlet's country.</p>
{_countries_svg(meta["countries"])}</div>
<div class="card"><h2>Outlets</h2><table><tr><th class="l">outlet</th><th class="l">country</th><th>weight</th>
<th>articles</th><th>with city</th></tr>{"".join(
        f'<tr><td class="l">{escape(o["name"])}</td><td class="l">{escape(o["country"])}</td><td>{o["weight"]:g}</td>'
        f'<td>{o["articles"]:,}</td><td>{o["articles_with_city"]:,}</td></tr>' for o in meta["outlets"][:25])}
</table></div></div>
<div class="card" style="margin-top:18px"><h2>Coverage gaps</h2>
<p class="note">Days on which the crawler ran but did not fetch a source successfully. During a gap an outlet is
not counted as having published nothing: its share is taken over the articles it has.</p>
{_coverage_table(meta["coverage"], meta["outlets"])}</div>
<div class="card"><h2>All cities with mentions</h2>{_rows_table(listed, result.evidence is not None)}</div>
<div class="card"><h2>Method</h2><p class="note">Tagger versions: {versions}. Gazetteer:
{escape(str(meta.get("gazetteer_version")))}. Parameters: {params}. See docs/scoring.md.</p></div>
</main></body></html>
"""


def write_report(result: Result, out_dir: Path | str) -> Path:
    """Write ``out_dir/index.html`` (and, with evidence, ``evidence.html`` and ``evidence.csv``) atomically."""
    from scoring.export import EVIDENCE_COLUMNS, csv_bytes, write_atomically

    out_dir = Path(out_dir)
    path = out_dir / "index.html"
    files = [(path, lambda: render(result, result.report_top).encode("utf-8"))]
    if result.evidence is not None:
        files += [(out_dir / "evidence.html", lambda: render_evidence(result).encode("utf-8")),
                  (out_dir / "evidence.csv", lambda: csv_bytes(result.evidence or [], EVIDENCE_COLUMNS))]
    write_atomically(files)
    return path


def ranking_table(result: Result, limit: int = 30) -> str:
    """The ranking as a fixed-width text table, for the terminal.

    Lists the ranked cities, then the not ranked ones that have government or
    name references, so those references are visible too; a last line counts
    what did not fit in ``limit`` rows.
    """
    meta, names = result.meta, display_names(result.rows)
    lines = [f"{meta['period']} ({meta['start']} .. {meta['end_inclusive']}): {meta['totals']['articles']:,} articles, "
             f"{meta['totals']['articles_with_city']:,} with a city, {meta['totals']['sources']} outlets; "
             f"config {meta['config_hash']}",
             f"{'rank':>7} {'point':>5} {'±':>7} {'city':<22} {'index':>6} {'95% CI':>13} {'articles':>8} {'share‰':>7} "
             f"{'gov':>5} {'org':>5} {'chg':>4}"]
    listed = [r for r in result.rows if r["rank"] is not None or r["gov_refs"] or r["org_refs"]]
    for r in listed[:limit]:
        ci = f"{r['ci_low']:.1f}-{r['ci_high']:.1f}" if r["ci_low"] is not None else "-"
        spread = f"{r['rank_ci_low']}-{r['rank_ci_high']}" if r["rank_ci_low"] is not None else "-"
        change = "new" if r["rank_change"] is None else f"{r['rank_change']:+d}"
        rank, point = ("n.r.", "-") if r["rank"] is None else (r["rank_band"], str(r["rank"]))
        lines.append(f"{rank:>7} {point:>5} {spread:>7} {names[r['adcode']][:22]:<22} {r['index']:>6.1f} {ci:>13} {r['articles']:>8} "
                     f"{1000 * r['attention_share']:>7.2f} {r['gov_refs']:>5} {r['org_refs']:>5} {change:>4}")
    rest = listed[limit:]
    if rest:
        lines.append(f"... {len(rest)} more cities listed in the export ({sum(r['gov_refs'] for r in rest):,} gov refs, "
                     f"{sum(r['org_refs'] for r in rest):,} org refs)")
    bands = meta.get("published_ranks") or {}
    if bands.get("bands"):
        basis = " (ordered by place_index, the lower end of the Poisson interval)" \
            if bands.get("place_basis") == "lower" else ""
        lines.append(f"rank = published place{basis}: {bands['point_ranks']} cities resolved to their own rank, the "
                     f"others share a band ({bands['rule']} rule); point = rank by the index, ± = its 95% interval")
    unranked = sum(1 for r in result.rows if r["rank"] is None)
    if unranked:
        lines.append(f"n.r. = not ranked: {unranked} cities without a counted mention (index 0, tied)")
    return "\n".join(lines)
