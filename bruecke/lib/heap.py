"""The garbage collector of a serving process: shorter pauses.

Python's cyclic collector runs a full collection every so often, and a full
collection walks every object the process holds, among them Django, the
apps and the URL patterns: about 90,000 objects after start-up that live as
long as the process. In a request that happens to trigger one, it added 50-70 ms (the
p99 of the case list at `state` size, in one process, went from 95 ms to
45 ms with ``settle()``; under the mixed load over HTTP, from 176-217 ms to
124-160 ms).

``settle()`` loads the URL configuration (and with it every view module),
then moves everything the process holds so far into the collector's
permanent generation (``gc.freeze()``): full collections no longer walk it.
Called once per process by ``bruecke.wsgi``, after the application is built;
``make bench`` calls it too, so its numbers are the server's.
"""

from __future__ import annotations

import gc

from django.urls import get_resolver


def settle() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not in a request
    gc.collect()
    gc.freeze()
