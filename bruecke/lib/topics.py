"""Validation and labels for topic codes ("gesundheit", "gesundheit/kinderarzt")."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.functional import Promise

from bruecke.lib.handlungsfelder import HANDLUNGSFELDER

TOPIC_LABELS: dict[str, Promise] = {}
for _topic in HANDLUNGSFELDER:
    TOPIC_LABELS[_topic.slug] = _topic.title
    for _slug, _title in _topic.subtopics:
        TOPIC_LABELS[f"{_topic.slug}/{_slug}"] = _title


def topic_choices() -> list[tuple[str, list[tuple[str, Promise]]]]:
    """Grouped choices for a form: each Handlungsfeld with itself and its subtopics."""
    return [
        (
            str(topic.title),
            [(topic.slug, topic.title)] + [(f"{topic.slug}/{s}", t) for s, t in topic.subtopics],
        )
        for topic in HANDLUNGSFELDER
    ]


def top_level_topic_choices() -> list[tuple[str, Promise]]:
    return [(topic.slug, topic.title) for topic in HANDLUNGSFELDER]


def clean_topics(codes: Iterable[str]) -> list[str]:
    """Known codes only, without repeats, in taxonomy order."""
    wanted = set(codes)
    return [code for code in TOPIC_LABELS if code in wanted]


def top_level(code: str) -> str:
    return code.split("/", 1)[0]
