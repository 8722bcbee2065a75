"""Synthetic families, cases, contacts and family-free work for demo and benchmarks.

Runs after the org seeder and fills every office that has districts with
Kita-Sozialarbeit and workers there. Sizes come from ``ctx.scale`` (split over
the offices); all randomness comes from ``ctx.rng`` and ``ctx.faker``, so the
same ``--seed`` gives the same data (on the same day: dates count back from today).

The state scale writes about six million rows, so this module avoids every
per-row query and every slow per-row helper:

* rows are written in batches of 5,000, one transaction per batch, as plain
  tuples through one prepared INSERT per model (see ``Table``: like
  ``bulk_create``, without its per-row model instances and SQL compilation);
* names are drawn from small pools, and their phonetic keys are computed once
  per distinct name (``phonetic_key`` is exactly what ``people.actions`` stores);
* ids increase in the order rows are written (see ``IncreasingIds``), so inserts
  append to the indexes;
* phone numbers are generated in a form whose E.164 key can be written down
  directly, instead of running every number through ``phonenumbers``
  (the tests check that the keys equal ``lib.phone.phone_key``).

No AuditEvent rows are written. The audit trail records what real people did
in Brücke; this is synthetic history that nobody did, and an installation's
trail starts with its first real use. (Millions of made-up events would also
make the benchmark measure the seeder rather than the application.)

All names are synthetic: random combinations of very common first and last
names (Faker's de_DE lists plus the short lists below), never real persons' data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
import unicodedata
import uuid
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Generic, TypeVar

from django.db import transaction

from bruecke.cases import aggregates
from bruecke.cases.actions import add_months
from bruecke.cases.choices import Kontaktart, Outcome, WorkKind, Zugangsweg
from bruecke.cases.models import (
    AnonymousConsultation,
    Case,
    CaseCounter,
    Contact,
    FamilyFreeWork,
)
from bruecke.demo.context import SeedContext
from bruecke.lib.bulk import IncreasingIds, Table
from bruecke.lib.names import phonetic_key
from bruecke.lib.school import school_entry
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.org.models import District, Membership, Office, PartnerOrganisation, Role, Team
from bruecke.people.models import Family, FamilyNameCode, Person

T = TypeVar("T")

BATCH = 5_000  # families or cases (with their people or contacts) per transaction
PROGRESS_EVERY = 50_000  # rows between progress lines
WINDOW_DAYS = 730  # cases were opened during the last two years
CLOSED_SHARE = 0.55
ANONYMOUS_FAMILY_SHARE = 0.05
ANONYMOUS_CONSULTATIONS_PER_CONTACT = 0.25
CONFIDED_SHARE = 0.03
COVERING_SHARE = 0.08  # open cases with a covering colleague

# Demo accounts of Kita-Sozialarbeit get a believable caseload (about twenty
# open cases, a few of them overdue for review) in their home district first.
DEMO_HOME_DISTRICTS = {
    "sozialarbeit.hoerde": "Hörde",
    "sozialarbeit.eving": "Eving",
    "sozialarbeit.bochum": "Mitte",
}
DEMO_OPEN_CASES = (18, 22)
DEMO_CLOSED_FAMILIES = (12, 20)
DEMO_OVERDUE = (2, 4)


class _Weighted(Generic[T]):
    """Draw one value by weight with a single ``rng.random()`` (faster than ``choices``)."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _weight in pairs]
        self.cum = list(accumulate(weight for _value, weight in pairs))
        self.total = self.cum[-1]
        self.last = len(self.values) - 1

    def __call__(self, rng: random.Random) -> T:
        return self.values[min(bisect(self.cum, rng.random() * self.total), self.last)]


# PRODUCT.md shares; the three Begleitungen together make 8 %.
CONTACT_KIND = _Weighted(
    [
        (Kontaktart.TELEFON.value, 35),
        (Kontaktart.BERATUNG.value, 30),
        (Kontaktart.HAUSBESUCH.value, 10),
        (Kontaktart.BEGLEITUNG_BEHOERDE.value, 4),
        (Kontaktart.BEGLEITUNG_ARZT.value, 2),
        (Kontaktart.BEGLEITUNG_SONSTIGE.value, 2),
        (Kontaktart.SPRECHSTUNDE_JUGENDAMT.value, 5),
        (Kontaktart.SPRECHSTUNDE_KITA.value, 5),
        (Kontaktart.EMAIL.value, 4),
        (Kontaktart.VIDEO.value, 1),
        (Kontaktart.NETZWERK.value, 2),
    ]
)
CONSULTATION_KIND = _Weighted(
    [
        (Kontaktart.TELEFON.value, 55),
        (Kontaktart.SPRECHSTUNDE_KITA.value, 15),
        (Kontaktart.SPRECHSTUNDE_JUGENDAMT.value, 12),
        (Kontaktart.BERATUNG.value, 12),
        (Kontaktart.EMAIL.value, 4),
        (Kontaktart.VIDEO.value, 2),
    ]
)
ZUGANGSWEG = _Weighted(
    [
        (Zugangsweg.SELBST.value, 30),
        (Zugangsweg.KITA.value, 30),
        (Zugangsweg.FAMILIENBUERO.value, 10),
        (Zugangsweg.BERATUNGSSTELLE.value, 8),
        (Zugangsweg.ASD.value, 7),
        (Zugangsweg.BABYLOTSEN.value, 5),
        (Zugangsweg.KINDERTAGESPFLEGE.value, 4),
        (Zugangsweg.SCHULE.value, 3),
        (Zugangsweg.SONSTIGE.value, 3),
    ]
)
OUTCOME = _Weighted(
    [
        (Outcome.ZIEL_ERREICHT.value, 45),
        (Outcome.WEITERVERMITTELT.value, 25),
        (Outcome.FAMILIE_BEENDET.value, 10),
        (Outcome.NICHT_ERREICHBAR.value, 10),
        (Outcome.VERZOGEN.value, 5),
        (Outcome.SONSTIGES.value, 5),
    ]
)
WORK_KIND = _Weighted(
    [
        (WorkKind.NETZWERKTREFFEN.value, 35),
        (WorkKind.FALLBERATUNG_KITA.value, 20),
        (WorkKind.BEZIRKSTEAM.value, 15),
        (WorkKind.ELTERNABEND.value, 12),
        (WorkKind.SPRECHSTUNDE_KITA.value, 10),
        (WorkKind.INFOVERANSTALTUNG.value, 8),
    ]
)
PARENT_EVENTS = {WorkKind.ELTERNABEND.value, WorkKind.INFOVERANSTALTUNG.value}
KITA_WORK = {WorkKind.FALLBERATUNG_KITA.value, WorkKind.SPRECHSTUNDE_KITA.value}

# Handlungsfelder: economic situation and childcare are the most frequent.
TOPIC_WEIGHTS = {
    "wirtschaftliche-lage": 28,
    "kinderbetreuung": 24,
    "kindliche-entwicklung": 14,
    "inklusion": 13,
    "gesundheit": 11,
    "soziale-kontakte": 10,
}
TOPIC_ORDER = {code: index for index, code in enumerate(TOPIC_LABELS)}


def _topic_codes() -> _Weighted[str]:
    pairs: list[tuple[str, float]] = []
    for top, weight in TOPIC_WEIGHTS.items():
        pairs.append((top, weight * 0.35))
        subs = [code for code in TOPIC_LABELS if code.startswith(top + "/")]
        pairs.extend((code, weight * 0.65 / len(subs)) for code in subs)
    return _Weighted(pairs)


TOPIC_CODE = _topic_codes()
TOPIC_COUNT = _Weighted([(1, 45), (2, 35), (3, 20)])

# Minutes (in steps of five) by kind of contact; all within 10 to 120.
DURATIONS: dict[str, tuple[int, ...]] = {
    kind: tuple(range(low, high + 1, 5))
    for kind, (low, high) in {
        Kontaktart.TELEFON.value: (10, 40),
        Kontaktart.BERATUNG.value: (30, 90),
        Kontaktart.HAUSBESUCH.value: (45, 120),
        Kontaktart.BEGLEITUNG_BEHOERDE.value: (60, 120),
        Kontaktart.BEGLEITUNG_ARZT.value: (60, 120),
        Kontaktart.BEGLEITUNG_SONSTIGE.value: (45, 120),
        Kontaktart.SPRECHSTUNDE_JUGENDAMT.value: (15, 45),
        Kontaktart.SPRECHSTUNDE_KITA.value: (15, 45),
        Kontaktart.EMAIL.value: (10, 30),
        Kontaktart.VIDEO.value: (20, 60),
        Kontaktart.NETZWERK.value: (15, 60),
    }.items()
}
PLACES: dict[str, tuple[str, ...]] = {
    Kontaktart.TELEFON.value: ("",),
    Kontaktart.BERATUNG.value: (
        "Büro Kita-Sozialarbeit",
        "Kita",
        "Familienbüro",
        "Familienzentrum",
    ),
    Kontaktart.HAUSBESUCH.value: ("Wohnung der Familie",),
    Kontaktart.BEGLEITUNG_BEHOERDE.value: (
        "Jobcenter",
        "Sozialamt",
        "Wohngeldstelle",
        "Ausländerbehörde",
        "Familienkasse",
        "Bürgerdienste",
    ),
    Kontaktart.BEGLEITUNG_ARZT.value: (
        "Kinderarztpraxis",
        "Sozialpädiatrisches Zentrum",
        "Gesundheitsamt",
    ),
    Kontaktart.BEGLEITUNG_SONSTIGE.value: ("Schuldnerberatung", "Beratungsstelle", "Bank"),
    Kontaktart.SPRECHSTUNDE_JUGENDAMT.value: ("Jugendamt",),
    Kontaktart.SPRECHSTUNDE_KITA.value: ("Kita",),
    Kontaktart.EMAIL.value: ("",),
    Kontaktart.VIDEO.value: ("",),
    Kontaktart.NETZWERK.value: ("", "Kita", "Familienbüro"),
}
WORK_PLACES: dict[str, tuple[str, ...]] = {
    WorkKind.NETZWERKTREFFEN.value: ("Familienbüro", "Stadtteilzentrum", "Familienzentrum"),
    WorkKind.BEZIRKSTEAM.value: ("Bezirksverwaltungsstelle", "Jugendamt"),
    WorkKind.FALLBERATUNG_KITA.value: ("",),
    WorkKind.ELTERNABEND.value: ("Kita", "Familienzentrum"),
    WorkKind.INFOVERANSTALTUNG.value: ("Stadtteilzentrum", "Familienbüro", "Stadtteilbibliothek"),
    WorkKind.SPRECHSTUNDE_KITA.value: ("",),
}
WORK_DURATIONS: dict[str, tuple[int, ...]] = {
    WorkKind.NETZWERKTREFFEN.value: tuple(range(60, 121, 15)),
    WorkKind.BEZIRKSTEAM.value: tuple(range(60, 181, 30)),
    WorkKind.FALLBERATUNG_KITA.value: tuple(range(30, 91, 15)),
    WorkKind.ELTERNABEND.value: tuple(range(60, 151, 30)),
    WorkKind.INFOVERANSTALTUNG.value: tuple(range(60, 121, 30)),
    WorkKind.SPRECHSTUNDE_KITA.value: tuple(range(60, 181, 30)),
}

# Short, neutral, name-free notes.
NOTES = (
    "Anliegen besprochen, nächste Schritte vereinbart.",
    "Antrag auf Kinderzuschlag gemeinsam ausgefüllt.",
    "Unterlagen für den Wohngeldantrag gesichtet.",
    "Informationen zu Kita-Plätzen im Stadtteil gegeben.",
    "Anmeldung im Kita-Portal unterstützt.",
    "Termin beim Kinderarzt vereinbart.",
    "Kontakt zur Schuldnerberatung hergestellt.",
    "Rückfragen zum Bescheid des Jobcenters geklärt.",
    "Eltern-Kind-Gruppe im Familienzentrum vorgestellt.",
    "Sprachkurs-Angebote besprochen.",
    "Entwicklung des Kindes mit der Kita besprochen (mit Einwilligung).",
    "Familie berichtet von Fortschritten.",
    "Rückruf vereinbart.",
    "Familie nicht erreicht, neuer Versuch geplant.",
    "Unterlagen nachgereicht, Antrag vollständig.",
    "Leistungen für Bildung und Teilhabe erklärt.",
    "Angebote der Frühförderung erläutert.",
    "Mietrückstand besprochen, Gespräch mit dem Vermieter vorbereitet.",
    "Begleitung zum Termin, Anliegen geklärt.",
    "Übergang zur Beratungsstelle vorbereitet.",
    "Elterngeld und Kindergeld besprochen.",
    "Unterstützung bei der Wohnungssuche besprochen.",
    "Ernährung und Bewegung im Alltag besprochen.",
    "Kurzes Telefonat, Stand abgefragt.",
)
CONFIDED_NOTE = "Vertrauliches Gespräch, Inhalt nur für die Fachkraft."

MOBILE_PREFIXES = (
    "0151",
    "0152",
    "0157",
    "0159",
    "0160",
    "0162",
    "0163",
    "0170",
    "0171",
    "0172",
    "0173",
    "0174",
    "0175",
    "0176",
    "0177",
    "0178",
    "0179",
)
EMAIL_DOMAINS = ("example.org", "example.net", "example.com")  # reserved, never delivered
LETTERS = "ABCDEFGHIJKLMNOPRSTUVWZ"


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Postal codes of the two standard offices (public data, no persons).
POSTAL_CODES = {
    "DO": _names(
        "44135 44137 44139 44141 44143 44145 44147 44149 44225 44227 44229 44263 "
        "44265 44267 44269 44287 44289 44309 44319 44328 44329 44339 44357 44359 "
        "44369 44379 44388"
    ),
    "BO": _names(
        "44787 44789 44791 44793 44795 44797 44799 44801 44803 44805 44807 44809 "
        "44866 44867 44869 44879 44892 44894"
    ),
}

# Popular children's names in Germany (first names alone identify nobody).
CHILD_FEMALE_DE = _names(
    "Emma Mia Hannah Sophia Emilia Lina Ella Mila Clara Lea Marie Leni Frieda Ida Lia Lotta Mathilda"
)
CHILD_MALE_DE = _names(
    "Noah Leon Paul Ben Finn Elias Felix Henry Luca Emil Matteo Theo Anton Jonas Milan Luis Max"
)


@dataclass(frozen=True)
class _Origin:
    """Name lists and languages of one group of families."""

    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    languages: tuple[str, ...]
    interpreter: str = ""  # language of interpretation
    interpreter_share: float = 0.0  # share of families who need it
    female_suffixes: tuple[tuple[str, str], ...] = ()  # Nowak-ski -> -ska


# German names come from Faker (see _origins); the other groups from these
# short lists of very common names. Shares approximate families in the Ruhr area
# who reach Kita-Sozialarbeit; the interpreter shares give about 15 % of
# contacts with interpretation.
OTHER_ORIGINS = (
    _Origin(
        12,
        _names(
            "Ayşe Fatma Emine Elif Zeynep Merve Esra Büşra Hatice Derya Selin Melek Sibel Özlem"
        ),
        _names("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Yusuf Burak Serkan Cem"),
        _names(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan "
            "Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek"
        ),
        ("Türkisch, Deutsch", "Türkisch", "Deutsch, Türkisch"),
        "Türkisch",
        0.25,
    ),
    _Origin(
        9,
        _names("Fatima Aisha Mariam Nour Layla Huda Rania Amira Yasmin Salma Hala Lina Rahaf"),
        _names("Mohammed Ahmad Ali Omar Khaled Hassan Hussein Youssef Ibrahim Mahmoud Karim Samir"),
        _names(
            "Al-Ahmad Haddad Khalil Hassan Ibrahim Mansour Saleh Nasser Hamdan Abdullah "
            "Darwish Younes Othman Qasem Rahman Al-Hussein"
        ),
        ("Arabisch", "Arabisch, Deutsch", "Arabisch, Kurdisch"),
        "Arabisch",
        0.65,
    ),
    _Origin(
        5,
        _names(
            "Anna Katarzyna Magdalena Agnieszka Joanna Monika Ewa Małgorzata Natalia Aleksandra"
        ),
        _names("Piotr Krzysztof Tomasz Paweł Michał Marcin Łukasz Jakub Marek Andrzej"),
        _names(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Dąbrowski Kozłowski"
        ),
        ("Polnisch", "Polnisch, Deutsch"),
        "Polnisch",
        0.3,
        (("ski", "ska"), ("cki", "cka")),
    ),
    _Origin(
        6,
        _names("Olena Oksana Iryna Natalija Tetjana Switlana Julija Kateryna Anastasija Viktorija"),
        _names("Oleksandr Andrij Serhij Dmytro Wolodymyr Mykola Iwan Jurij Maksym Bohdan"),
        _names(
            "Schewtschenko Kowalenko Bondarenko Tkatschenko Krawtschenko Melnyk Olijnyk "
            "Schewtschuk Polischtschuk Lysenko Bojko Martschenko"
        ),
        ("Ukrainisch, Russisch", "Ukrainisch"),
        "Ukrainisch",
        0.65,
    ),
    _Origin(
        2,
        _names("Maria Elena Ioana Andreea Mihaela Alexandra Gabriela"),
        _names("Ion Andrei Alexandru Mihai Gheorghe Florin Cristian"),
        _names("Popescu Ionescu Popa Dumitru Stoica Stan Munteanu Constantin"),
        ("Rumänisch", "Rumänisch, Deutsch"),
        "Rumänisch",
        0.6,
    ),
    _Origin(
        2,
        _names("Maria Iwanka Petja Desislava Gergana Elena Jordanka"),
        _names("Georgi Iwan Dimitar Nikolaj Petar Stefan Christo"),
        _names("Iwanow Georgiew Dimitrow Petrow Nikolow Stojanow Todorow"),
        ("Bulgarisch", "Bulgarisch, Türkisch"),
        "Bulgarisch",
        0.6,
        (("ow", "owa"), ("ew", "ewa")),
    ),
)
GERMAN_WEIGHT = 64
GERMAN_LANGUAGES = ("Deutsch",)


def _german_origin(ctx: SeedContext) -> _Origin:
    """German name pools, drawn once from Faker (deterministic for the seed)."""
    faker = ctx.faker
    return _Origin(
        GERMAN_WEIGHT,
        tuple(sorted({faker.first_name_female() for _ in range(400)})),
        tuple(sorted({faker.first_name_male() for _ in range(400)})),
        tuple(sorted({faker.last_name() for _ in range(1_200)})),
        GERMAN_LANGUAGES,
    )


class _KeyCache(dict[str, str]):
    """Kölner Phonetik keys, computed once per distinct name."""

    def __missing__(self, name: str) -> str:
        value = self[name] = phonetic_key(name)
        return value


_ASCII = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "ä": "ae", "ö": "oe", "ü": "ue", " ": ""})


class _AsciiCache(dict[str, str]):
    def __missing__(self, name: str) -> str:
        folded = unicodedata.normalize("NFKD", name.lower().translate(_ASCII))
        value = self[name] = folded.encode("ascii", "ignore").decode()
        return value


def _split(total: int, parts: int) -> list[int]:
    base, rest = divmod(total, parts)
    return [base + (1 if index < rest else 0) for index in range(parts)]


def _topics(rng: random.Random) -> list[str]:
    codes = {TOPIC_CODE(rng) for _ in range(TOPIC_COUNT(rng))}
    return sorted(codes, key=TOPIC_ORDER.__getitem__)


def _closing_slope(latest_ages: Sequence[float], families: int, cases: int) -> float:
    """Slope ``a`` of P(closed) = min(1, a * age) for a family's latest case.

    Earlier cases of a family are always closed; the latest case closes more
    often the older it is (``age`` as a share of the window), so that about
    CLOSED_SHARE of all cases are closed. Found by bisection on a sample.
    """
    share = (CLOSED_SHARE * cases - (cases - families)) / families
    share = min(max(share, 0.05), 0.95)
    sample = latest_ages[:10_000]
    low, high = 0.0, 100.0
    for _ in range(30):
        slope = (low + high) / 2
        if sum(min(1.0, slope * age) for age in sample) < share * len(sample):
            low = slope
        else:
            high = slope
    return (low + high) / 2


class _Progress:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.rows = 0
        self.next = PROGRESS_EVERY

    def add(self, rows: int) -> None:
        self.rows += rows
        if self.rows >= self.next:
            self.say(f"cases: {self.rows:,} rows written")
            self.next = (self.rows // PROGRESS_EVERY + 1) * PROGRESS_EVERY


@dataclass
class _Totals:
    families: int = 0
    persons: int = 0
    cases: int = 0
    contacts: int = 0
    consultations: int = 0
    work: int = 0


@dataclass
class _Office:
    """What the seeder needs to know about one office, read once."""

    office: Office
    districts: list[District]  # with Kita-Sozialarbeit and at least one worker
    workers: list[list[int]]  # per district: user ids of its teams' social workers
    worker_districts: dict[int, list[int]]  # user id -> district indexes
    usernames: dict[int, str]
    kitas: list[list[int]]  # per district: kita partner ids (else the office's kitas)
    area_code: str
    postal_codes: tuple[str, ...]
    demo_workers: dict[int, list[int]] = field(default_factory=dict)  # id -> districts, home first


def _load_office(office: Office) -> _Office | None:
    active = {
        district.pk: district
        for district in District.objects.filter(office=office, kita_sozialarbeit=True)
    }
    team_districts: dict[int, list[int]] = {}
    for team_id, district_id in Team.districts.through.objects.filter(
        team__office=office, district_id__in=active
    ).values_list("team_id", "district_id"):
        team_districts.setdefault(team_id, []).append(district_id)
    by_district: dict[int, list[int]] = {pk: [] for pk in active}
    usernames: dict[int, str] = {}
    for user_id, username, team_id in (
        Membership.objects.filter(office=office, role=Role.SOZIALARBEIT, team__isnull=False)
        # Not by id: ids (and the synthetic usernames made from them) differ
        # between databases, the order must not.
        .order_by("team__name", "user__username")
        .values_list("user_id", "user__username", "team_id")
    ):
        usernames[user_id] = username
        for district_id in team_districts.get(team_id, []):
            if user_id not in by_district[district_id]:
                by_district[district_id].append(user_id)
    districts = sorted(
        (active[pk] for pk, workers in by_district.items() if workers), key=lambda d: d.name
    )
    if not districts:
        return None
    workers = [by_district[district.pk] for district in districts]
    worker_districts: dict[int, list[int]] = {}
    for index, ids in enumerate(workers):
        for user_id in ids:
            worker_districts.setdefault(user_id, []).append(index)
    kita_rows = list(
        PartnerOrganisation.objects.filter(office=office, kind=PartnerOrganisation.Kind.KITA)
        .order_by("name")
        .values_list("pk", "district_id")
    )
    all_kitas = [pk for pk, _district in kita_rows]
    kitas = [
        [pk for pk, district_id in kita_rows if district_id == district.pk] or all_kitas
        for district in districts
    ]
    token = office.phone.split()[0] if office.phone.strip() else ""
    area_code = token if re.fullmatch(r"0[1-9]\d{1,4}", token) else ""
    postal_codes = POSTAL_CODES.get(office.code, (office.postal_code,))
    plan = _Office(
        office=office,
        districts=districts,
        workers=workers,
        worker_districts=worker_districts,
        usernames=usernames,
        kitas=kitas,
        area_code=area_code,
        postal_codes=postal_codes,
    )
    names = [district.name for district in districts]
    for user_id, username in usernames.items():
        if username in DEMO_HOME_DISTRICTS and user_id in worker_districts:
            covered = worker_districts[user_id]
            home = DEMO_HOME_DISTRICTS[username]
            plan.demo_workers[user_id] = sorted(
                covered, key=lambda index: (names[index] != home, index)
            )
    return plan


# Columns the seeder fills, in the order of its row tuples. Every other column
# gets its default (auto_now fields: the time the office's rows are written).
FAMILY_COLUMNS = (
    "id",
    "office_id",
    "district_id",
    "name",
    "anonymous",
    "street",
    "postal_code",
    "phone",
    "phone_key",
    "email",
    "languages",
    "interpreter_needed",
    "interpreter_language",
    "created_by_id",
)
NAME_CODE_COLUMNS = ("office_id", "family_id", "code")
PERSON_COLUMNS = (
    "id",
    "office_id",
    "family_id",
    "role",
    "first_name",
    "last_name",
    "first_key",
    "last_key",
    "birth_date",
    "childcare",
)
CASE_COLUMNS = (
    "id",
    "office_id",
    "number",
    "family_id",
    "district_id",
    "assigned_to_id",
    "covering_id",
    "zugangsweg",
    "topics",
    "opened_on",
    "review_on",
    "status",
    "closed_on",
    "outcome",
)
CONTACT_COLUMNS = (
    "id",
    "office_id",
    "case_id",
    "date",
    "kind",
    "duration_minutes",
    "place",
    "topics",
    "interpreter_language",
    "note",
    "confided",
    "created_by_id",
)
CONSULTATION_COLUMNS = (
    "office_id",
    "district_id",
    "date",
    "kind",
    "topics",
    "duration_minutes",
    "interpreter_language",
    "created_by_id",
)
WORK_COLUMNS = (
    "office_id",
    "district_id",
    "kind",
    "date",
    "duration_minutes",
    "place",
    "topics",
    "institution_id",
    "participants",
    "created_by_id",
)


def seed(ctx: SeedContext) -> None:
    """Families, cases, contacts, anonymous consultations and family-free work."""
    today = dt.date.today()
    plans = [
        plan
        for office in Office.objects.order_by("code")
        if (plan := _load_office(office)) is not None
    ]
    if not plans:
        ctx.say("cases: no office with Kita-Sozialarbeit and workers; nothing seeded")
        return
    origins = (_german_origin(ctx), *OTHER_ORIGINS)
    seeder = _Seeder(ctx, today, origins)
    scale = ctx.scale
    sizes = zip(
        _split(scale.families, len(plans)),
        _split(max(scale.children, scale.families), len(plans)),
        _split(max(scale.cases, scale.families), len(plans)),
        _split(scale.contacts, len(plans)),
        strict=True,
    )
    for plan, (families, children, cases, contacts) in zip(plans, sizes, strict=True):
        seeder.office(plan, families, children, cases, contacts)
    # The rows above bypass the actions, so the report counts are made in one pass.
    # (Referrals and requests are counted after their seeders: see the seed command.)
    aggregates.rebuild(
        offices=[plan.office for plan in plans], only=[aggregates.CASES], say=ctx.say
    )
    totals = seeder.totals
    ctx.say(
        f"cases: {totals.families:,} families, {totals.persons:,} persons, "
        f"{totals.cases:,} cases, {totals.contacts:,} contacts, "
        f"{totals.consultations:,} anonymous consultations, {totals.work:,} family-free work "
        f"in {len(plans)} offices"
    )


class _Seeder:
    def __init__(self, ctx: SeedContext, today: dt.date, origins: Sequence[_Origin]) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.today = today
        self.today_ord = today.toordinal()
        self.origins = origins
        self.origin = _Weighted([(index, o.weight) for index, o in enumerate(origins)])
        self.keys = _KeyCache()
        self.new_id = IncreasingIds(ctx.rng)
        self.ascii = _AsciiCache()
        self.streets = tuple(sorted({ctx.faker.street_name() for _ in range(1_500)}))
        self.progress = _Progress(ctx.say)
        self.totals = _Totals()

    # -- one office -------------------------------------------------------

    def office(
        self, plan: _Office, families: int, children: int, cases: int, contacts: int
    ) -> None:
        if families <= 0:
            return
        rng = self.rng
        today_ord = self.today_ord
        office = plan.office
        n_districts = len(plan.districts)

        # Plan the families: district, origin, anonymity, children, cases.
        fam_district = [rng.randrange(n_districts) for _ in range(families)]
        fam_origin = [self.origin(rng) for _ in range(families)]
        fam_anonymous = [rng.random() < ANONYMOUS_FAMILY_SHARE for _ in range(families)]
        fam_interpreter = [
            self.origins[o].interpreter if rng.random() < self.origins[o].interpreter_share else ""
            for o in fam_origin
        ]
        fam_children = [1] * families
        for index in rng.choices(range(families), k=children - families):
            fam_children[index] += 1
        fam_cases = [1] * families
        for index in rng.choices(range(families), k=cases - families):
            fam_cases[index] += 1

        # Plan the cases. A family's earlier cases are closed before the next
        # one opens; its latest case is closed the more likely the older it is.
        fam_days_ago = [
            sorted((rng.randrange(WINDOW_DAYS) for _ in range(count)), reverse=True)
            for count in fam_cases
        ]
        slope = _closing_slope([days[-1] / WINDOW_DAYS for days in fam_days_ago], families, cases)
        case_family: list[int] = []
        case_opened: list[int] = []
        case_closed: list[int] = []  # ordinal, 0 while open
        case_cycles: list[int] = []  # review periods to the next review (open cases)
        case_overdue: list[bool] = []
        fam_last_open = [False] * families
        review_months = office.review_months
        for fam in range(families):
            days_ago = fam_days_ago[fam]
            count = len(days_ago)
            for position, ago in enumerate(days_ago):
                opened = today_ord - ago
                closed = 0
                cycles = 0
                overdue = False
                if position < count - 1:
                    next_opened = today_ord - days_ago[position + 1]
                    closed = opened + rng.randint(0, max(0, next_opened - opened - 1))
                elif rng.random() < slope * ago / WINDOW_DAYS:
                    closed = opened + rng.randint(min(ago, 14), ago)
                else:
                    # Reviews happen every review period; about one in five
                    # open cases has missed its latest one.
                    start = dt.date.fromordinal(opened)
                    cycles = 1
                    while add_months(start, cycles * review_months) < self.today:
                        cycles += 1
                    overdue = cycles > 1 and rng.random() < 0.2
                    fam_last_open[fam] = True
                case_family.append(fam)
                case_opened.append(opened)
                case_closed.append(closed)
                case_cycles.append(cycles)
                case_overdue.append(overdue)

        # Assign each family (all its cases) to a worker of its district's team.
        # Demo accounts get a hand-picked caseload; the others share the rest.
        demo_ids = set(plan.demo_workers)
        pools = [[w for w in ids if w not in demo_ids] or ids for ids in plan.workers]
        fam_worker = [rng.choice(pools[d]) for d in fam_district]
        self._demo_caseloads(plan, fam_district, fam_last_open, fam_worker)
        self._demo_overdue(plan, fam_worker, case_family, case_cycles, case_overdue)

        # Numbers in order of opening, per year, continuing existing counters.
        counters = dict(CaseCounter.objects.filter(office=office).values_list("year", "last"))
        order = sorted(range(len(case_family)), key=lambda c: (case_opened[c], c))
        case_number: list[str] = [""] * len(case_family)
        for c in order:
            year = dt.date.fromordinal(case_opened[c]).year
            counters[year] = last = counters.get(year, 0) + 1
            case_number[c] = f"{office.code}-{year}-{last:05d}"

        fam_ids = self._write_families(
            plan, fam_district, fam_origin, fam_anonymous, fam_interpreter, fam_children, fam_worker
        )
        self._write_cases(
            plan,
            contacts,
            order,
            case_number,
            case_family,
            case_opened,
            case_closed,
            case_cycles,
            case_overdue,
            fam_ids,
            fam_district,
            fam_worker,
            fam_interpreter,
        )
        self._write_consultations(plan, round(contacts * ANONYMOUS_CONSULTATIONS_PER_CONTACT))
        self._write_work(plan)
        with transaction.atomic():
            for year, last in sorted(counters.items()):
                CaseCounter.objects.update_or_create(
                    office=office, year=year, defaults={"last": last}
                )

    def _demo_caseloads(
        self,
        plan: _Office,
        fam_district: list[int],
        fam_last_open: list[bool],
        fam_worker: list[int],
    ) -> None:
        """About twenty open cases and some closed history per demo account."""
        rng = self.rng
        has_closed_only = [not is_open for is_open in fam_last_open]
        taken: set[int] = set()
        for user_id, districts in plan.demo_workers.items():
            by_district: dict[int, list[int]] = {d: [] for d in districts}
            for fam, district in enumerate(fam_district):
                if district in by_district:
                    by_district[district].append(fam)
            for wanted, select in (
                (rng.randint(*DEMO_OPEN_CASES), fam_last_open),
                (rng.randint(*DEMO_CLOSED_FAMILIES), has_closed_only),
            ):
                chosen: list[int] = []
                for district in districts:  # home district first
                    candidates = [f for f in by_district[district] if select[f] and f not in taken]
                    chosen += rng.sample(candidates, min(wanted - len(chosen), len(candidates)))
                    if len(chosen) >= wanted:
                        break
                for fam in chosen:
                    fam_worker[fam] = user_id
                    taken.add(fam)

    def _demo_overdue(
        self,
        plan: _Office,
        fam_worker: list[int],
        case_family: list[int],
        case_cycles: list[int],
        case_overdue: list[bool],
    ) -> None:
        """A few, but not too many, overdue reviews on each demo caseload."""
        rng = self.rng
        for user_id in plan.demo_workers:
            open_cases = [
                c
                for c, fam in enumerate(case_family)
                if fam_worker[fam] == user_id and case_cycles[c] > 0
            ]
            for c in open_cases:
                case_overdue[c] = False
            can_be_overdue = [c for c in open_cases if case_cycles[c] > 1]
            for c in rng.sample(
                can_be_overdue, min(rng.randint(*DEMO_OVERDUE), len(can_be_overdue))
            ):
                case_overdue[c] = True

    # -- families and persons ----------------------------------------------

    def _write_families(
        self,
        plan: _Office,
        fam_district: list[int],
        fam_origin: list[int],
        fam_anonymous: list[bool],
        fam_interpreter: list[str],
        fam_children: list[int],
        fam_worker: list[int],
    ) -> list[uuid.UUID]:
        rng = self.rng
        keys = self.keys
        today = self.today
        today_ord = self.today_ord
        office_id = plan.office.pk
        district_ids = [district.pk for district in plan.districts]
        origins = self.origins
        streets = self.streets
        postal_codes = plan.postal_codes
        area_code = plan.area_code
        family_table = Table(Family, FAMILY_COLUMNS)
        code_table = Table(FamilyNameCode, NAME_CODE_COLUMNS)
        person_table = Table(Person, PERSON_COLUMNS)
        fam_ids: list[uuid.UUID] = []
        families: list[tuple[object, ...]] = []
        codes: list[tuple[object, ...]] = []
        persons: list[tuple[object, ...]] = []
        parent_role = Person.Role.PARENT.value
        child_role = Person.Role.CHILD.value
        other_role = Person.Role.OTHER.value
        for fam in range(len(fam_district)):
            origin = origins[fam_origin[fam]]
            anonymous = fam_anonymous[fam]
            family_id = self.new_id()
            fam_ids.append(family_id)
            last = rng.choice(origin.last)
            mother_first = rng.choice(origin.female)
            if anonymous:
                name = f"Familie {rng.choice(LETTERS)}."
                street = postal_code = phone = phone_key = email = ""
            else:
                name = last
                street = f"{rng.choice(streets)} {rng.randint(1, 140)}"
                postal_code = rng.choice(postal_codes)
                phone, phone_key = self._phone(area_code) if rng.random() < 0.85 else ("", "")
                email = (
                    f"{self.ascii[mother_first]}.{self.ascii[last]}@{rng.choice(EMAIL_DOMAINS)}"
                    if rng.random() < 0.35
                    else ""
                )
            interpreter = fam_interpreter[fam]
            # What people.actions.family_name_codes gives: each code of the name once.
            codes.extend((office_id, family_id, code) for code in dict.fromkeys(keys[name].split()))
            families.append(
                (
                    family_id,
                    office_id,
                    district_ids[fam_district[fam]],
                    name,
                    anonymous,
                    street,
                    postal_code,
                    phone,
                    phone_key,
                    email,
                    rng.choice(origin.languages) if rng.random() < 0.9 else "",
                    bool(interpreter),
                    interpreter,
                    fam_worker[fam],
                )
            )

            # Children: the youngest is below school entry; siblings may be older.
            while True:
                youngest = today_ord - rng.randint(20, 6 * 365)
                if school_entry(dt.date.fromordinal(youngest)) > today:
                    break
            births = [youngest]
            for _ in range(fam_children[fam] - 1):
                if rng.random() < 0.5:
                    births.append(today_ord - rng.randint(20, 6 * 365))
                else:
                    births.append(today_ord - rng.randint(6 * 365, 14 * 365))
            female_last = self._female(last, origin)
            for birth in births:
                female = rng.random() < 0.5
                if anonymous:
                    first = child_last = ""
                else:
                    first = self._child_name(origin, female)
                    child_last = female_last if female else last
                persons.append(
                    (
                        self.new_id(),
                        office_id,
                        family_id,
                        child_role,
                        first,
                        child_last,
                        keys[first],
                        keys[child_last],
                        dt.date.fromordinal(birth),
                        self._childcare(today_ord - birth),
                    )
                )

            # Parents: mostly the mother first; a third are single parents.
            oldest = min(births)
            parents = [True] if rng.random() < 0.3 else [True, rng.random() < 0.05]
            if rng.random() < 0.2:
                parents.reverse()
            mother_named = False
            for female in parents:
                birth_date: dt.date | None = None
                if anonymous:
                    first = parent_last = ""
                else:
                    if female:
                        first = rng.choice(origin.female) if mother_named else mother_first
                        mother_named = True
                        parent_last = female_last if rng.random() < 0.9 else rng.choice(origin.last)
                    else:
                        first = rng.choice(origin.male)
                        parent_last = last
                    if rng.random() < 0.9:
                        birth_date = dt.date.fromordinal(oldest - rng.randint(19 * 365, 40 * 365))
                persons.append(
                    (
                        self.new_id(),
                        office_id,
                        family_id,
                        parent_role,
                        first,
                        parent_last,
                        keys[first],
                        keys[parent_last],
                        birth_date,
                        "",
                    )
                )
            if not anonymous and rng.random() < 0.03:
                grandmother = rng.choice(origin.female)
                persons.append(
                    (
                        self.new_id(),
                        office_id,
                        family_id,
                        other_role,
                        grandmother,
                        female_last,
                        keys[grandmother],
                        keys[female_last],
                        None,
                        "",
                    )
                )
            if len(families) >= BATCH:
                self._flush_families(
                    (family_table, families), (code_table, codes), (person_table, persons)
                )
                families, codes, persons = [], [], []
        self._flush_families((family_table, families), (code_table, codes), (person_table, persons))
        return fam_ids

    def _flush_families(
        self,
        families: tuple[Table, list[tuple[object, ...]]],
        codes: tuple[Table, list[tuple[object, ...]]],
        persons: tuple[Table, list[tuple[object, ...]]],
    ) -> None:
        if not families[1]:
            return
        with transaction.atomic():
            for table, rows in (families, codes, persons):
                table.insert(rows)
        self.totals.families += len(families[1])
        self.totals.persons += len(persons[1])
        self.progress.add(len(families[1]) + len(persons[1]))

    def _phone(self, area_code: str) -> tuple[str, str]:
        """A number as people write it and its E.164 key (what ``phone_key`` returns)."""
        rng = self.rng
        if area_code and rng.random() < 0.25:
            subscriber = str(rng.randint(100_000, 9_999_999))
            return f"{area_code} {subscriber}", f"+49{area_code[1:]}{subscriber}"
        prefix = rng.choice(MOBILE_PREFIXES)
        subscriber = str(rng.randint(10_000_000, 99_999_999))
        written = rng.random()
        if written < 0.7:
            phone = f"{prefix} {subscriber}"
        elif written < 0.9:
            phone = f"{prefix}/{subscriber}"
        else:
            phone = f"+49 {prefix[1:]} {subscriber}"
        return phone, f"+49{prefix[1:]}{subscriber}"

    def _child_name(self, origin: _Origin, female: bool) -> str:
        rng = self.rng
        if origin.languages is GERMAN_LANGUAGES and rng.random() < 0.6:
            return rng.choice(CHILD_FEMALE_DE if female else CHILD_MALE_DE)
        return rng.choice(origin.female if female else origin.male)

    @staticmethod
    def _female(last: str, origin: _Origin) -> str:
        for suffix, female in origin.female_suffixes:
            if last.endswith(suffix):
                return last[: -len(suffix)] + female
        return last

    def _childcare(self, age_days: int) -> str:
        roll = self.rng.random()
        if age_days < 365:
            return "none" if roll < 0.7 else "" if roll < 0.9 else "kindertagespflege"
        if age_days < 3 * 365:
            if roll < 0.35:
                return "kita"
            if roll < 0.6:
                return "kindertagespflege"
            return "none" if roll < 0.9 else ""
        if age_days < 6 * 365:
            return "kita" if roll < 0.82 else "none" if roll < 0.92 else ""
        return ""  # at school: no childcare for Kita-Sozialarbeit to record

    # -- cases and contacts -------------------------------------------------

    def _write_cases(
        self,
        plan: _Office,
        contacts: int,
        order: list[int],
        case_number: list[str],
        case_family: list[int],
        case_opened: list[int],
        case_closed: list[int],
        case_cycles: list[int],
        case_overdue: list[bool],
        fam_ids: list[uuid.UUID],
        fam_district: list[int],
        fam_worker: list[int],
        fam_interpreter: list[str],
    ) -> None:
        rng = self.rng
        today_ord = self.today_ord
        office = plan.office
        office_id = office.pk
        review_months = office.review_months
        district_ids = [district.pk for district in plan.districts]
        n_cases = len(case_family)
        case_table = Table(Case, CASE_COLUMNS)
        contact_table = Table(Contact, CONTACT_COLUMNS)

        # One contact on the day each case opens; the rest by each case's length.
        spans = [(case_closed[c] or today_ord) - case_opened[c] for c in range(n_cases)]
        per_case = [1 if contacts >= n_cases else 0] * n_cases
        extra = contacts - sum(per_case)
        if extra > 0:
            for c in rng.choices(range(n_cases), weights=[s + 30 for s in spans], k=extra):
                per_case[c] += 1

        cases: list[tuple[object, ...]] = []
        rows: list[tuple[object, ...]] = []
        email = Kontaktart.EMAIL.value
        open_status = Case.Status.OPEN.value
        closed_status = Case.Status.CLOSED.value
        for c in order:
            fam = case_family[c]
            district = fam_district[fam]
            worker = fam_worker[fam]
            opened = case_opened[c]
            closed = case_closed[c]
            opened_on = dt.date.fromordinal(opened)
            covering = None
            if closed:
                review_on = add_months(opened_on, review_months)
            else:
                cycles = case_cycles[c] - (1 if case_overdue[c] else 0)
                review_on = add_months(opened_on, cycles * review_months)
                if rng.random() < COVERING_SHARE:
                    others = [w for w in plan.workers[district] if w != worker]
                    covering = rng.choice(others) if others else None
            case_id = self.new_id()
            topics = _topics(rng)
            cases.append(
                (
                    case_id,
                    office_id,
                    case_number[c],
                    fam_ids[fam],
                    district_ids[district],
                    worker,
                    covering,
                    ZUGANGSWEG(rng),
                    topics,
                    opened_on,
                    review_on,
                    closed_status if closed else open_status,
                    dt.date.fromordinal(closed) if closed else None,
                    OUTCOME(rng) if closed else "",
                )
            )
            interpreter = fam_interpreter[fam]
            span = spans[c]
            for n in range(per_case[c]):
                kind = CONTACT_KIND(rng)
                roll = rng.random()
                if roll < 0.55:
                    contact_topics = [rng.choice(topics)]
                elif roll < 0.85:
                    contact_topics = topics
                else:
                    contact_topics = _topics(rng)
                confided = rng.random() < CONFIDED_SHARE
                if confided:
                    note = CONFIDED_NOTE
                else:
                    note = rng.choice(NOTES) if rng.random() < 0.65 else ""
                rows.append(
                    (
                        self.new_id(),
                        office_id,
                        case_id,
                        dt.date.fromordinal(opened + (rng.randint(0, span) if n else 0)),
                        kind,
                        rng.choice(DURATIONS[kind]),
                        rng.choice(PLACES[kind]),
                        contact_topics,
                        (
                            interpreter
                            if interpreter and kind != email and rng.random() < 0.95
                            else ""
                        ),
                        note,
                        confided,
                        covering if covering and rng.random() < 0.3 else worker,
                    )
                )
            if len(cases) >= BATCH:
                self._flush_cases(case_table, cases, contact_table, rows)
                cases, rows = [], []
        self._flush_cases(case_table, cases, contact_table, rows)

    def _flush_cases(
        self,
        case_table: Table,
        cases: list[tuple[object, ...]],
        contact_table: Table,
        contacts: list[tuple[object, ...]],
    ) -> None:
        if not cases:
            return
        # Cases first: contacts refer to them, and the batch commits as one.
        with transaction.atomic():
            case_table.insert(cases)
            contact_table.insert(contacts)
        self.totals.cases += len(cases)
        self.totals.contacts += len(contacts)
        self.progress.add(len(cases) + len(contacts))

    # -- work without a family case -------------------------------------------

    def _write_consultations(self, plan: _Office, count: int) -> None:
        rng = self.rng
        office_id = plan.office.pk
        district_ids = [district.pk for district in plan.districts]
        n_districts = len(district_ids)
        interpreters = [o.interpreter for o in OTHER_ORIGINS]
        table = Table(AnonymousConsultation, CONSULTATION_COLUMNS)
        rows: list[tuple[object, ...]] = []
        for done in range(count):
            district = rng.randrange(n_districts)
            kind = CONSULTATION_KIND(rng)
            rows.append(
                (
                    office_id,
                    district_ids[district],
                    dt.date.fromordinal(self.today_ord - rng.randrange(WINDOW_DAYS)),
                    kind,
                    _topics(rng)[:2],
                    rng.choice(DURATIONS[kind]),
                    rng.choice(interpreters) if rng.random() < 0.15 else "",
                    rng.choice(plan.workers[district]),
                )
            )
            if len(rows) >= BATCH or done == count - 1:
                with transaction.atomic():
                    table.insert(rows)
                self.totals.consultations += len(rows)
                self.progress.add(len(rows))
                rows = []

    def _write_work(self, plan: _Office) -> None:
        """A few entries of work without a family per worker and month."""
        rng = self.rng
        today = self.today
        office_id = plan.office.pk
        district_ids = [district.pk for district in plan.districts]
        first = add_months(today.replace(day=1), -(WINDOW_DAYS // 30 - 1))
        months = [add_months(first, n) for n in range(WINDOW_DAYS // 30)]
        rows: list[tuple[object, ...]] = []
        for user_id in plan.usernames:  # ordered by team and username
            districts = plan.worker_districts.get(user_id)
            if not districts:
                continue
            for month in months:
                days = calendar.monthrange(month.year, month.month)[1]
                for _ in range(rng.randint(2, 5)):
                    date = month.replace(day=rng.randint(1, days))
                    if date > today:
                        continue
                    district = rng.choice(districts)
                    kind = WORK_KIND(rng)
                    kitas = plan.kitas[district]
                    rows.append(
                        (
                            office_id,
                            district_ids[district],
                            kind,
                            date,
                            rng.choice(WORK_DURATIONS[kind]),
                            rng.choice(WORK_PLACES[kind]),
                            _topics(rng)[:2] if rng.random() < 0.7 else [],
                            rng.choice(kitas) if kind in KITA_WORK and kitas else None,
                            rng.randint(5, 40) if kind in PARENT_EVENTS else None,
                            user_id,
                        )
                    )
        table = Table(FamilyFreeWork, WORK_COLUMNS)
        for start in range(0, len(rows), BATCH):
            with transaction.atomic():
                table.insert(rows[start : start + BATCH])
        self.totals.work += len(rows)
        self.progress.add(len(rows))
