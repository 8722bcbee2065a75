"""Sizes of synthetic data sets.

``demo`` is what `make run` loads; ``city`` and ``state`` are the benchmark
sizes of PRODUCT.md (state: 500k families, 900k children, 600k cases, 2.5M
contacts, 400k referrals, 30k offers). Each app's seeder reads what it needs.
Requests for contact are about one per ten cases.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    workers_per_team: int
    families: int
    children: int
    cases: int
    contacts: int
    referrals: int
    offers: int
    requests: int


SCALES = {
    "demo": Scale(
        "demo",
        workers_per_team=2,
        families=600,
        children=1_000,
        cases=700,
        contacts=3_000,
        referrals=300,
        offers=150,
        requests=150,
    ),
    "city": Scale(
        "city",
        workers_per_team=6,
        families=50_000,
        children=90_000,
        cases=60_000,
        contacts=250_000,
        referrals=40_000,
        offers=3_000,
        requests=6_000,
    ),
    "state": Scale(
        "state",
        workers_per_team=40,
        families=500_000,
        children=900_000,
        cases=600_000,
        contacts=2_500_000,
        referrals=400_000,
        offers=30_000,
        requests=60_000,
    ),
}
