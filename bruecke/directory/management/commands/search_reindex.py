"""Rebuild the directory's full-text index: `python manage.py search_reindex`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bruecke.directory.search import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index of all offers (after bulk imports)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = search_index_rebuild()
        self.stdout.write(f"Search index rebuilt for {count} offers.")
