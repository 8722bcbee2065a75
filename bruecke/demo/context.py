from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker

from bruecke.demo.scales import Scale


@dataclass
class SeedContext:
    """What every app's seeder gets: the size, and deterministic randomness."""

    scale: Scale
    rng: random.Random
    faker: Faker
    say: Callable[[str], None]

    @classmethod
    def create(cls, *, scale: Scale, seed: int, say: Callable[[str], None]) -> SeedContext:
        faker = Faker("de_DE")
        faker.seed_instance(seed)
        return cls(scale=scale, rng=random.Random(seed), faker=faker, say=say)
