"""Full-text search over offers, in the family's language and in German.

Texts are reduced to word stems in Python (lib.stemming) and stored in
SearchDocument; SQLite matches them with FTS5, PostgreSQL with a tsvector
('simple' configuration, GIN index). Each query term matches as a prefix, so
"Beratung" also finds "Beratungsstelle".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import translation

from bruecke.directory.models import SearchDocument, Service, ServiceTranslation
from bruecke.lib.stemming import stems
from bruecke.lib.topics import TOPIC_LABELS, top_level

BATCH = 2000
# Matches ranked per search: nobody pages past the first few dozen offers.
RANK_LIMIT = 500


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
) -> list[uuid.UUID]:
    """Ids of offers matching every word of ``query``, best match first.

    Searches the documents in ``language`` and in German, so a parent can type
    in either. With ``within``, only those offers are ranked: a filter that
    narrows the list then never loses an offer that the whole directory would
    have ranked below ``limit``.
    """
    ranks: dict[uuid.UUID, float] = {}
    for doc_language in dict.fromkeys([language, "de"]):
        terms = stems(query, doc_language)
        if not terms:
            continue
        for service_id, rank in _match(terms, doc_language, within, limit):
            key = service_id if isinstance(service_id, uuid.UUID) else uuid.UUID(str(service_id))
            ranks[key] = max(ranks.get(key, rank), rank)
    return sorted(ranks, key=lambda key: -ranks[key])[:limit]


def _match(
    terms: list[str], language: str, within: QuerySet[Service] | None, limit: int
) -> list[tuple[object, float]]:
    """(service id, rank) of the documents in ``language`` that contain every term as a prefix.

    With ``within``, its offers' documents are selected first (one query run
    inside the full-text statement) and only their matches are ranked.
    """
    if within is None:
        restrict, params = "d.language = %s", [language]
    else:
        candidates = SearchDocument.objects.filter(
            language=language, service__in=within.values("pk")
        ).values("id")
        sql, candidate_params = candidates.query.sql_with_params()
        # "+" keeps SQLite from handing the candidates to FTS5 one by one (a
        # full-text query each); every match is checked against the list instead.
        row = "d.id" if connection.vendor == "postgresql" else "+directory_search_fts.rowid"
        restrict, params = f"{row} IN ({sql})", list(candidate_params)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery = " & ".join(f"{term}:*" for term in terms)
            cursor.execute(
                "SELECT d.service_id, ts_rank(to_tsvector('simple', d.stems), query) AS rank "  # noqa: S608 - {restrict} is compiled by Django
                "FROM directory_searchdocument d, to_tsquery('simple', %s) AS query "
                f"WHERE to_tsvector('simple', d.stems) @@ query AND {restrict} "
                "ORDER BY rank DESC LIMIT %s",
                [tsquery, *params, limit],
            )
        else:
            match = " AND ".join(f'"{term}"*' for term in terms)
            # bm25() is lower for better matches; negate so higher is better.
            cursor.execute(
                "SELECT d.service_id, -bm25(directory_search_fts) AS rank "  # noqa: S608 - {restrict} is compiled by Django
                "FROM directory_search_fts JOIN directory_searchdocument d ON d.id = directory_search_fts.rowid "
                f"WHERE directory_search_fts MATCH %s AND {restrict} "
                "ORDER BY rank DESC LIMIT %s",
                [match, *params, limit],
            )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]
