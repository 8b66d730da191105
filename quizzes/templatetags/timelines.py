"""A feedback's timeline (`_timeline.html`), rendered once per process for each set of events
and language: it shows the events as the source dates them, with their quotes and teachers'
notes, and nothing of the student's answer, so every student who gets those events sees the
same HTML. The key is everything the fragment shows (each entry's fields, the label, the
language): a fact or note edited is a new key."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.template import Library
from django.template.loader import render_to_string
from django.utils.translation import get_language

from quizzes.timeline import TimelineEntry, TimelineYear, by_year

register = Library()


@register.simple_tag
def feedback_timeline(timeline: list[TimelineYear], label: str) -> str:
    entries = tuple(entry for year in timeline for entry in year.entries)
    # In development the template may change under a running server: no cache there.
    if settings.DEBUG:
        return _render(entries, label)
    return _rendered(entries, str(label), get_language())


@functools.lru_cache(maxsize=1024)
def _rendered(entries: tuple[TimelineEntry, ...], label: str, language: str) -> str:
    # The language is an argument only to key the cache: it is active while rendering.
    return _render(entries, label)


def _render(entries: tuple[TimelineEntry, ...], label: str) -> str:
    # The entries come in the timeline's order: grouping them again gives the same years.
    timeline = by_year(list(entries), in_order=True)
    return render_to_string(
        "quizzes/_timeline.html", {"timeline": timeline, "timeline_label": label}
    )


def _forget(**kwargs) -> None:
    _rendered.cache_clear()


# Tests that change settings (languages, templates) get a fresh rendering.
setting_changed.connect(_forget)
