"""Brücke's classifications as HSDS taxonomies, in code only (no table).

Three taxonomies, each with stable ids so that an HSDS consumer can keep them:

- "Brücke Handlungsfelder": the six Handlungsfelder and their subtopics
  (``Service.topics``); codes are the topic codes, "gesundheit" and
  "gesundheit/kinderarzt", and a subtopic names its Handlungsfeld as parent.
- "Art des Angebots": ``Service.kind``.
- "Art der Einrichtung": ``Organization.kind``.

Ids never change: a taxonomy's id is ``uuid5(NAMESPACE, key)`` and a term's id
is ``uuid5(<taxonomy id>, code)``. Renaming a title keeps the id; removing a
code removes the term (services still holding it simply lose the link).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bruecke.lib.handlungsfelder import HANDLUNGSFELDER

# Fixed once; every taxonomy and term id derives from it.
NAMESPACE = uuid.UUID("a6c34b50-8659-4548-a801-3dbaff7d8834")


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, self.key)


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    code: str
    name: Promise | str
    description: Promise | str
    parent_code: str = ""

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(self.taxonomy.id, self.code)

    @property
    def parent_id(self) -> uuid.UUID | None:
        return uuid.uuid5(self.taxonomy.id, self.parent_code) if self.parent_code else None


HANDLUNGSFELDER_TAXONOMY = Taxonomy(
    key="handlungsfelder",
    name="Brücke Handlungsfelder",
    description=(
        "Die sechs Handlungsfelder der Kita-Sozialarbeit und ihre Unterthemen: "
        "wobei ein Angebot Familien hilft."
    ),
)
SERVICE_KIND_TAXONOMY = Taxonomy(
    key="art-des-angebots",
    name="Art des Angebots",
    description="Wie ein Angebot stattfindet: Beratung, Gruppe, Kurs, Sprechstunde und andere.",
)
ORGANIZATION_KIND_TAXONOMY = Taxonomy(
    key="art-der-einrichtung",
    name="Art der Einrichtung",
    description="Welche Art von Einrichtung eine Organisation ist: Träger, Kita, Beratungsstelle und andere.",
)

TAXONOMIES: tuple[Taxonomy, ...] = (
    HANDLUNGSFELDER_TAXONOMY,
    SERVICE_KIND_TAXONOMY,
    ORGANIZATION_KIND_TAXONOMY,
)


def _service_kinds() -> list[tuple[str, Promise | str]]:
    # Imported here: models import nothing from this module, but keeping the
    # import local lets this module load before the app registry is ready.
    from bruecke.directory.models import Service

    return list(Service.Kind.choices)


def _organization_kinds() -> list[tuple[str, Promise | str]]:
    from bruecke.directory.models import Organization

    return list(Organization.Kind.choices)


@cache
def terms() -> tuple[Term, ...]:
    """Every term of every taxonomy, in taxonomy order (a Handlungsfeld before its subtopics)."""
    found: list[Term] = []
    for topic in HANDLUNGSFELDER:
        found.append(Term(HANDLUNGSFELDER_TAXONOMY, topic.slug, topic.title, topic.text))
        for slug, title in topic.subtopics:
            found.append(
                Term(
                    HANDLUNGSFELDER_TAXONOMY,
                    f"{topic.slug}/{slug}",
                    title,
                    format_lazy("{} ({}: {})", title, _("Handlungsfeld"), topic.title),
                    parent_code=topic.slug,
                )
            )
    for code, label in _service_kinds():
        found.append(
            Term(
                SERVICE_KIND_TAXONOMY,
                code,
                label,
                format_lazy("{}: {}", _("Art des Angebots"), label),
            )
        )
    for code, label in _organization_kinds():
        found.append(
            Term(
                ORGANIZATION_KIND_TAXONOMY,
                code,
                label,
                format_lazy("{}: {}", _("Art der Einrichtung"), label),
            )
        )
    return tuple(found)


@cache
def _terms_by_id() -> dict[uuid.UUID, Term]:
    return {term.id: term for term in terms()}


@cache
def _terms_by_code() -> dict[tuple[str, str], Term]:
    return {(term.taxonomy.key, term.code): term for term in terms()}


def taxonomy_by_id(taxonomy_id: uuid.UUID) -> Taxonomy | None:
    return next((taxonomy for taxonomy in TAXONOMIES if taxonomy.id == taxonomy_id), None)


def term_by_id(term_id: uuid.UUID) -> Term | None:
    return _terms_by_id().get(term_id)


def term_for(taxonomy: Taxonomy, code: str) -> Term | None:
    """The term of ``taxonomy`` with ``code``, or None for an unknown code."""
    return _terms_by_code().get((taxonomy.key, code))


def terms_of(taxonomy: Taxonomy) -> list[Term]:
    return [term for term in terms() if term.taxonomy == taxonomy]
