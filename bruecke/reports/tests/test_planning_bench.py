"""scripts/bench (make bench): percentiles and the document it writes.

Kept beside the planning tests because the same helper wrote both; the
measuring itself runs only in `make bench`, never in the test suite.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[3] / "scripts" / "bench"


def _bench() -> ModuleType:
    loader = SourceFileLoader("bench_script", str(BENCH))
    spec = importlib.util.spec_from_loader("bench_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_script"] = module  # dataclasses look their module up
    loader.exec_module(module)
    return module


def _stats(p95: float) -> dict[str, float]:
    return {"n": 20, "p50": p95 / 2, "p95": p95, "p99": p95 * 1.2}


def test_percentiles_are_nearest_rank():
    bench = _bench()
    values = [float(n) for n in range(1, 101)]
    assert bench.percentile(values, 50) == 50
    assert bench.percentile(values, 95) == 95
    assert bench.percentile(values, 99) == 99
    assert bench.percentile([7.0], 99) == 7
    stats = bench.stats([0.001 * n for n in range(1, 21)])
    assert (stats.n, stats.p50, stats.p95) == (20, 10.0, 19.0)


def test_document_has_budgets_ratios_verdicts_and_what_was_not_measured():
    bench = _bench()
    info = {
        "cores": "2",
        "cpu": "Test CPU",
        "os": "Linux",
        "python": "3.11",
        "sqlite": "3.40.1",
        "django": "5.2",
        "date": "2026-11-24 12:00 UTC",
    }
    results = [
        {
            "key": "case_list",
            "status": "ok",
            "note": "",
            "queries": 4,
            "page": _stats(30.0),
            "floor_view": _stats(25.0),
            "floor_sql": _stats(10.0),
        },
        {
            "key": "case_page",
            "status": "ok",
            "note": "",
            "queries": 9,
            "page": _stats(45.0),
            "floor_view": _stats(20.0),
            "floor_sql": _stats(5.0),
        },
        {"key": "quarter_report", "status": "missing", "note": "URL name reports:report missing"},
        {
            "key": "months_report",
            "status": "ok",
            "note": "",
            "queries": 11,
            "page": _stats(600.0),
            "floor_view": _stats(500.0),
            "floor_sql": _stats(400.0),
        },
    ]
    run = {
        "n": 20,
        "n_export": 5,
        "warmup": 5,
        "facts": {"cases": 60_000, "size_mb": 349},
        "info": info,
        "results": results,
        "load": [0.5, 0.7],
    }
    text = bench.render({"city": run})
    assert "## Size `city`" in text and "60 000 cases" in text
    assert "SQLite 3.40.1" in text and "2026-11-24" in text
    case_list = next(line for line in text.splitlines() if line.startswith("| Fallliste"))
    assert "| 4 | 15.0 | 30.0 |" in case_list and "1.20×" in case_list
    assert case_list.endswith("| yes / yes |")
    case_page = next(line for line in text.splitlines() if line.startswith("| Fallseite"))
    assert "2.25×" in case_page and "**no** (> 1.5× floor)" in case_page
    assert "not measured: URL name reports:report missing" in text
    # PRODUCT.md gives months of one's choice no time: shown, judged by its floor only.
    months = next(line for line in text.splitlines() if "eigene Monate" in line)
    assert months.endswith("| no time, ≤ 1.5× floor | no time budget / yes |"), months
    assert "other work ran beside" not in text  # the load stayed below the cores


def test_load_and_writers_are_judged_against_product_md():
    bench = _bench()
    met = {
        "load": {
            "clients": 8,
            "seconds": 30.0,
            "requests": 4800,
            "rps": 160.0,
            "errors": {},
            "p50": 20.0,
            "p95": 80.0,
            "p99": 120.0,
            "locked": 0,
        },
        "writers": {
            "writers": 20,
            "saves": 200,
            "saved": 200,
            "statuses": {"302": 200},
            "p50": 50.0,
            "p95": 400.0,
            "p99": 600.0,
            "locked": 0,
            "server_errors": 0,
        },
    }
    lines = bench._render_concurrency(met)
    load = next(line for line in lines if line.startswith("| Mixed load"))
    assert "| 4800 | 160 | 20.0 | 80.0 | 120.0 |" in load and load.endswith("| yes |")
    # A result from before run 9 does not say how gunicorn served: 2 x 4 then.
    assert "8 clients, 30 s, 2 workers, 4 threads each |" in load
    served = {**met, "load": {**met["load"], "workers": 3, "threads": 1}}
    load = next(line for line in bench._render_concurrency(served) if "Mixed" in line)
    assert "8 clients, 30 s, 3 workers, one thread each |" in load
    writers = next(line for line in lines if line.startswith("| 20 concurrent writers"))
    assert "0 not saved" in writers and writers.endswith("| yes |")

    slow = {**met, "load": {**met["load"], "rps": 73.0}}
    assert next(line for line in bench._render_concurrency(slow) if "Mixed" in line).endswith(
        "| **no** |"
    )
    late = {**met, "load": {**met["load"], "p95": 101.0}}
    assert next(line for line in bench._render_concurrency(late) if "Mixed" in line).endswith(
        "| **no** |"
    )
    locked = {**met, "writers": {**met["writers"], "saved": 199, "locked": 1}}
    writers = next(line for line in bench._render_concurrency(locked) if "writers" in line)
    assert "1 not saved" in writers and '"database is locked" 1×' in writers
    assert writers.endswith("| **no** |")
    assert bench._render_concurrency(None) == [
        "Load and concurrent writers: not measured in this run.",
        "",
    ]


def test_load_percentiles_are_nearest_rank_in_milliseconds():
    bench = _bench()
    found = bench.benchload._percentiles([n / 1000 for n in range(1, 101)])
    assert found == {"p50": 50.0, "p95": 95.0, "p99": 99.0}
    assert bench.benchload._percentiles([]) == {"p50": 0.0, "p95": 0.0, "p99": 0.0}


def test_the_mixed_load_serves_as_make_run_does():
    """benchload.py starts gunicorn with the Makefile's WORKERS and THREADS."""
    bench = _bench()
    makefile = (BENCH.parents[1] / "Makefile").read_text()
    defaults = dict(re.findall(r"^(WORKERS|THREADS) \?= (\d+)$", makefile, flags=re.M))
    assert int(defaults["WORKERS"]) == bench.benchload.SERVE_WORKERS
    assert int(defaults["THREADS"]) == bench.benchload.SERVE_THREADS
    assert "--workers $(WORKERS) --threads $(THREADS)" in makefile
