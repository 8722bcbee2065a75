"""Who may read the reports.

Team leads (team statistics) and coordinators (statistics and district
planning) read them; PRODUCT.md gives no other role a use for them. The
reports hold aggregates only: neither role reaches a case through them, and
coordinators reach none at all (``cases.access`` answers 404).
"""

from __future__ import annotations

from bruecke.org.models import Role

REPORT_ROLES = frozenset({Role.TEAMLEITUNG, Role.KOORDINATION})
