from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from bruecke.org.models import District, Membership, Office, Role
from bruecke.org.seed import DEMO_ACCOUNTS, DEMO_PASSWORD


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_seed_creates_offices_accounts_and_prints_them():
    output = seed("--scale", "demo")
    assert Office.objects.count() == 2
    assert District.objects.count() == 18
    for account in DEMO_ACCOUNTS:
        assert account.username in output
        assert Membership.objects.get(user__username=account.username).role == account.role
    assert DEMO_PASSWORD in output
    # Every team has workers, so later seeders can assign cases.
    assert Membership.objects.filter(role=Role.SOZIALARBEIT).count() >= 5 * 2


@pytest.mark.django_db
def test_demo_accounts_can_log_in():
    seed("--scale", "demo")
    assert authenticate(username="sozialarbeit.hoerde", password=DEMO_PASSWORD) is not None
    # Synthetic colleagues cannot log in at all.
    synthetic = User.objects.filter(username__startswith="sa.").first()
    assert synthetic is not None and not synthetic.has_usable_password()


@pytest.mark.django_db
def test_seeding_again_keeps_the_data_with_if_empty_and_refuses_without():
    seed("--scale", "demo")
    users = User.objects.count()
    assert "nothing seeded" in seed("--scale", "demo", "--if-empty")
    assert User.objects.count() == users
    with pytest.raises(CommandError, match="already holds data"):
        seed("--scale", "demo")


class _Rollback(Exception):
    pass


def _seed_and_read(seed_value: str) -> list[tuple[str, str, str]]:
    """Seed inside a transaction, read the users, then roll everything back."""
    from django.db import transaction

    captured: list[tuple[str, str, str]] = []
    try:
        with transaction.atomic():
            seed("--scale", "demo", "--seed", seed_value)
            captured = list(
                User.objects.order_by("username").values_list("username", "first_name", "last_name")
            )
            raise _Rollback
    except _Rollback:
        pass
    return captured


@pytest.mark.django_db
def test_same_seed_gives_same_data():
    first = _seed_and_read("7")
    assert first and not Office.objects.exists()
    assert _seed_and_read("7") == first
    assert _seed_and_read("8") != first
