"""Project-level views that belong to no app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

_migrations_applied = False


def _database_ready() -> bool:
    """True when the database answers and every migration is applied."""
    global _migrations_applied
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_applied:
            # Building the migration graph is slow; once applied, stay applied
            # for the life of this process (migrations never run backwards live).
            executor = MigrationExecutor(connection)
            _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
        return _migrations_applied
    except DatabaseError:
        return False


@login_not_required
@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    if _database_ready():
        return HttpResponse("ok", content_type="text/plain")
    return HttpResponse(
        "database unavailable or migrations pending", status=503, content_type="text/plain"
    )
