"""The benchmark's tables: the latest result of each scale, kept in results.json and shown in README.md.

A run at one scale must not erase what another run measured at another scale, so results.json
keeps the latest row of each (scale, kind) and of each large seed; the README's table, between
two markers, is rewritten from it. Each cell is the book's figure and, in brackets, its ratio to
the plain-Sphinx baseline of the same pages.
"""

from __future__ import annotations

import json
from pathlib import Path

START, END = "<!-- results: start -->", "<!-- results: end -->"

# (label, key, unit): a key names a step of run.py (its seconds or peak memory) or a site figure.
TIMES = (
    ("conversion alone", "conversion"),
    ("clean HTML build", "clean_html"),
    ("no-change rebuild", "no_change_rebuild"),
    ("no-change `make html`", "no_change_make_html"),
    ("one-seed edit rebuild", "one_seed_edit_rebuild"),
    ("clean HTML build, `-j 2`", "clean_html_j2"),
    ("PDF: LaTeX builder", "latex_builder"),
    ("PDF: latexmk", "latexmk"),
)
# The baseline has no Makefile stamp: `make html` with nothing changed compares with plain Sphinx's no-change run.
BASELINE_STEP = {"no_change_make_html": "no_change_rebuild"}
SITE = (
    ("HTML pages", "pages", ""),
    ("site size", "site_mb", " MB"),
    ("largest HTML page", "largest_page_kb", " KB"),
    ("search index", "searchindex_kb", " KB"),
)


def _key(row: dict) -> str:
    return f"large:{row['large_seed']}" if row["kind"] == "large_seed" else f"{row['kind']}:{row['scale']:g}"


def merge(previous: dict, run: dict) -> dict:
    """The latest row of each scale and kind: this run's rows replace the earlier ones."""
    rows = {_key(row): row for row in previous.get("results", [])}
    rows.update({_key(row): row for row in run["results"]})
    machines = {**previous.get("machines", {}), **{key: run["machine"] for key in (_key(row) for row in run["results"])}}
    return {"machines": machines, "results": list(rows.values())}


def _cell(value, base, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.1f}{unit}" if isinstance(value, float) else f"{value:,}{unit}"
    return f"{text} ({value / base:.1f}×)" if base else text


def _step(row: dict | None, key: str, field: str):
    item = (row or {}).get(key)
    if not item:
        return None
    return item[field] if item.get("ok", True) else None


def _pdf_total(row: dict | None) -> float | None:
    parts = [_step(row, key, "seconds") for key in ("latex_builder", "latexmk")]
    return round(sum(parts), 1) if all(part is not None for part in parts) else None


def _peak(row: dict | None) -> float | None:
    values = [item["peak_rss_mb"] for item in (row or {}).values() if isinstance(item, dict) and "peak_rss_mb" in item]
    return max(values) if values else None


def scales_table(results: list[dict]) -> list[str]:
    """One column per scale; times in seconds, memory in MB; the baseline's ratio in brackets."""
    book = {row["scale"]: row for row in results if row["kind"] == "book"}
    base = {row["scale"]: row for row in results if row["kind"] == "baseline"}
    scales = sorted(book)
    lines = ["| figure | " + " | ".join(f"{scale:g}×" for scale in scales) + " |", "|---|" + "---|" * len(scales)]

    def line(label: str, values) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    line("documents (seeds)", [f"{book[s]['documents']:,}" for s in scales])
    line("seed text", [f"{book[s]['seed_bytes'] / 1e6:.1f} MB" for s in scales])
    line("passages", [f"{book[s].get('passages', 0):,}" for s in scales])
    for label, key in TIMES:
        line(f"{label} (s)", [_cell(_step(book[s], key, "seconds"), _step(base.get(s), BASELINE_STEP.get(key, key), "seconds")) for s in scales])
    line("PDF total (s)", [_cell(_pdf_total(book[s]), _pdf_total(base.get(s))) for s in scales])
    for label, key in TIMES:
        line(f"{label}, CPU (s)", [_cell(_step(book[s], key, "cpu_seconds"), _step(base.get(s), BASELINE_STEP.get(key, key), "cpu_seconds")) for s in scales])
    for label, key in (("clean HTML", "clean_html"), ("`-j 2` HTML", "clean_html_j2"), ("LaTeX builder", "latex_builder"), ("latexmk", "latexmk"), ("conversion alone", "conversion")):
        line(f"peak RSS, {label} (MB)", [_cell(_step(book[s], key, "peak_rss_mb"), _step(base.get(s), key, "peak_rss_mb")) for s in scales])
    for label, key, unit in SITE:
        line(label, [_cell(book[s].get(key), (base.get(s) or {}).get(key), unit) for s in scales])
    line("largest page is", [f"`{book[s].get('largest_page', '')}`" for s in scales])
    line("HTML pages over 400 KB", [str(book[s].get("pages_over_limit", "—")) for s in scales])
    line("warnings, clean HTML", [str(_step(book[s], "clean_html", "warnings")) for s in scales])
    line("load average after the clean HTML build", [str(_step(book[s], "clean_html", "load")) for s in scales])
    return lines


def large_table(results: list[dict]) -> list[str]:
    rows = [row for row in results if row["kind"] == "large_seed"]
    if not rows:
        return []
    lines = ["| large single seed | size | passages | conversion (s) | peak RSS (MB) |", "|---|---|---|---|---|"]
    lines += [f"| `{r['large_seed']}` | {r['seed_bytes'] / 1e6:.1f} MB | {r['passages']} | {r['conversion_s']} | {r['peak_rss_mb']} |" for r in rows]
    return lines


def machine_lines(machines: dict) -> list[str]:
    """The machines the rows were measured on (usually one)."""
    seen = []
    for machine in machines.values():
        if machine not in seen:
            seen.append(machine)
    return [
        f"Measured on {m['date']}: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB of memory, {m['system']}; "
        f"Python {m['python']}, Sphinx {m['sphinx']}, myst-parser {m['myst-parser']}, docutils {m['docutils']}, "
        f"furo {m['furo']}, sphinxcontrib-bibtex {m['sphinxcontrib-bibtex']}, sphinx-design {m['sphinx-design']}; {m['latexmk']}."
        for m in seen
    ]


def render(merged: dict) -> str:
    results = merged["results"]
    parts = machine_lines(merged["machines"]) + [""] + scales_table(results)
    large = large_table(results)
    return "\n".join(parts + ([""] + large if large else [])) + "\n"


def update_results(run: dict, results_path: Path, readme: Path) -> None:
    """Merge this run into results.json and rewrite the README's table from it."""
    previous = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {}
    merged = merge(previous, run)
    results_path.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    text = readme.read_text(encoding="utf-8") if readme.exists() else f"# Benchmark\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    readme.write_text(f"{head}{START}\n{render(merged)}{END}{tail}", encoding="utf-8")
