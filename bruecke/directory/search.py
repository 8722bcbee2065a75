"""Full-text search over offers, in the family's language and in German.

Texts are reduced to word stems in Python (lib.stemming) and stored in
SearchDocument; SQLite matches them with FTS5, PostgreSQL with a tsvector
('simple' configuration, GIN index). Each query term matches as a prefix, so
"Beratung" also finds "Beratungsstelle".

On SQLite each language's documents have a rowid range of their own in the
full-text index (migration 0004): ``language_key(language) + document id``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import F, QuerySet, Value
from django.utils import translation

from bruecke.directory.models import SearchDocument, Service, ServiceTranslation
from bruecke.lib.stemming import stems
from bruecke.lib.topics import TOPIC_LABELS, top_level

BATCH = 2000
# Matches ranked per search: nobody pages past the first few dozen offers.
RANK_LIMIT = 500
# Document ids stay below 2**40; the language key takes the bits above.
LANGUAGE_SHIFT = 40


def language_key(language: str) -> int:
    """The first full-text rowid of ``language``'s documents on SQLite.

    The first two letters of the code, eight bits each, shifted above the
    document ids; migration 0004's triggers compute the same in SQL.
    ``checks.search_languages`` makes sure every configured language has a
    key of its own.
    """
    return (ord(language[0]) << 8 | ord(language[1])) << LANGUAGE_SHIFT


def _document(parts: Iterable[str], language: str) -> str:
    return " ".join(stems(" ".join(part for part in parts if part), language))


def _topic_words(codes: list[str]) -> list[str]:
    """Labels of the topics and of their Handlungsfeld, in the active language."""
    wanted = dict.fromkeys(code for full in codes for code in (top_level(full), full))
    return [str(TOPIC_LABELS.get(code, "")) for code in wanted]


def _documents(service: Service, translations: list[ServiceTranslation]) -> list[SearchDocument]:
    with translation.override("de"):
        topics = _topic_words(service.topics)
        german = [
            service.name,
            service.alternate_name,
            service.description,
            service.eligibility_description,
            service.organization.name,
            str(service.get_kind_display()),
            *topics,
        ]
    documents = [SearchDocument(service=service, language="de", stems=_document(german, "de"))]
    for item in translations:
        with translation.override(item.language):
            topics = _topic_words(service.topics)
            kind = str(service.get_kind_display())
        parts = [
            item.name,
            item.description,
            item.eligibility_description,
            service.organization.name,
            kind,
            *topics,
        ]
        documents.append(
            SearchDocument(
                service=service, language=item.language, stems=_document(parts, item.language)
            )
        )
    return documents


@transaction.atomic
def search_index_services(service_ids: Iterable[uuid.UUID]) -> None:
    """(Re)build the search documents of these offers; call after every change of their texts."""
    ids = list(service_ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        services = (
            Service.objects.filter(pk__in=chunk)
            .select_related("organization")
            .prefetch_related("translations")
        )
        SearchDocument.objects.filter(service_id__in=chunk).delete()
        documents = [
            doc
            for service in services
            for doc in _documents(service, list(service.translations.all()))
        ]
        SearchDocument.objects.bulk_create(documents, batch_size=BATCH)


def search_index_rebuild() -> int:
    """Rebuild the whole index (after a bulk import or seeding). Returns the number of offers."""
    ids = list(Service.objects.values_list("pk", flat=True))
    search_index_services(ids)
    return len(ids)


def ranked_service_ids(
    query: str,
    language: str = "de",
    *,
    within: QuerySet[Service] | None = None,
    limit: int = RANK_LIMIT,
    status: str | None = None,
) -> list[uuid.UUID]:
    """Ids of offers matching every word of ``query``, best match first.

    Searches the documents in ``language`` and in German, so a parent can type
    in either. With ``within``, only those offers are ranked: a filter that
    narrows the list then never loses an offer that the whole directory would
    have ranked below ``limit``. With ``status``, the best ``limit`` matches
    keep only the offers with that status (checked in the same statement).
    """
    ranks: dict[uuid.UUID, float] = {}
    for doc_language in dict.fromkeys([language, "de"]):
        terms = stems(query, doc_language)
        if not terms:
            continue
        for service_id, rank in _match(terms, doc_language, Scope(within, limit, status)):
            key = service_id if isinstance(service_id, uuid.UUID) else uuid.UUID(str(service_id))
            ranks[key] = max(ranks.get(key, rank), rank)
    return sorted(ranks, key=lambda key: -ranks[key])[:limit]


@dataclass(frozen=True)
class Scope:
    """What a full-text statement ranks (``within``), how many, and which status it keeps."""

    within: QuerySet[Service] | None
    limit: int
    status: str | None

    def status_join(self, service_id: str) -> tuple[str, list[Any]]:
        """A join that keeps the ranked rows whose offer has ``status`` (nothing without one)."""
        if self.status is None:
            return "", []
        return (
            f" JOIN directory_service s ON s.id = {service_id} AND s.status = %s",
            [self.status],
        )


def _match(terms: list[str], language: str, scope: Scope) -> list[tuple[object, float]]:
    """(service id, rank) of the documents in ``language`` that contain every term as a prefix.

    With ``within``, its offers' documents are selected first (one query run
    inside the full-text statement) and only their matches are ranked.
    """
    statement = _postgresql_match if connection.vendor == "postgresql" else _sqlite_match
    try:
        sql, params = statement(terms, language, scope)
    except EmptyResultSet:  # ``within`` can hold no offer at all (``.none()``)
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _postgresql_match(terms: list[str], language: str, scope: Scope) -> tuple[str, list[Any]]:
    if scope.within is None:
        restrict, params = "d.language = %s", [language]
    else:
        candidates = _candidates(language, scope.within).values("id")
        sql, candidate_params = candidates.query.sql_with_params()
        restrict, params = f"d.id IN ({sql})", list(candidate_params)
    tsquery = " & ".join(f"{term}:*" for term in terms)
    join, join_params = scope.status_join("best.service_id")
    return (
        "SELECT best.service_id, best.rank FROM ("  # noqa: S608 - {restrict} is compiled by Django
        "SELECT d.service_id, ts_rank(to_tsvector('simple', d.stems), query) AS rank "
        "FROM directory_searchdocument d, to_tsquery('simple', %s) AS query "
        f"WHERE to_tsvector('simple', d.stems) @@ query AND {restrict} "
        f"ORDER BY rank DESC LIMIT %s) best{join} ORDER BY best.rank DESC",
        [tsquery, *params, scope.limit, *join_params],
    )


def _sqlite_match(terms: list[str], language: str, scope: Scope) -> tuple[str, list[Any]]:
    """FTS5 reads only the language's rowid range and ranks the best ``limit`` matches there.

    Only those few are then joined to their documents for the offer ids.
    """
    first = language_key(language)
    last = first + (1 << LANGUAGE_SHIFT) - 1
    restrict, params = "", []
    if scope.within is not None:
        rowids = _candidates(language, scope.within).annotate(rowid=F("id") + Value(first))
        sql, candidate_params = rowids.values("rowid").query.sql_with_params()
        # "+" keeps SQLite from handing the candidates to FTS5 one by one (a
        # full-text query each); every match is checked against the list instead.
        restrict, params = f"AND +directory_search_fts.rowid IN ({sql}) ", list(candidate_params)
    match = " AND ".join(f'"{term}"*' for term in terms)
    join, join_params = scope.status_join("d.service_id")
    # bm25() is lower for better matches; negate so higher is better.
    return (
        "SELECT d.service_id, best.rank FROM ("  # noqa: S608 - {restrict} is compiled by Django
        "SELECT directory_search_fts.rowid - %s AS id, -bm25(directory_search_fts) AS rank "
        "FROM directory_search_fts WHERE directory_search_fts MATCH %s "
        "AND directory_search_fts.rowid BETWEEN %s AND %s "
        f"{restrict}ORDER BY rank DESC LIMIT %s"
        f") best JOIN directory_searchdocument d ON d.id = best.id{join} ORDER BY best.rank DESC",
        [first, match, first, last, *params, scope.limit, *join_params],
    )


def _candidates(language: str, within: QuerySet[Service]) -> QuerySet[SearchDocument]:
    """The documents in ``language`` of the offers ``within`` leaves."""
    return SearchDocument.objects.filter(language=language, service__in=within.values("pk"))
