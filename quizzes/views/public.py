"""Pages anyone may see: the home page and a source's timeline."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from quizzes.models import Fact, QuestionSet, Source
from quizzes.timeline import by_year, entry_from_fact


def _sources_with_counts():
    return (
        Source.objects.site_wide()
        .annotate(
            event_count=Count("facts", filter=Q(facts__kind=Fact.Kind.EVENT)),
            fact_count=Count("facts"),
        )
        .order_by("pk")
    )


def _timeline(source):
    events = source.facts.events().chronological()
    return by_year([entry_from_fact(fact) for fact in events])


def home(request):
    sources = list(_sources_with_counts())
    featured = sources[0] if sources else None
    return render(
        request,
        "quizzes/home.html",
        {
            "sources": sources,
            "featured": featured,
            "timeline": _timeline(featured) if featured else [],
            "sample_set": QuestionSet.objects.open_now()
            .filter(owner__isnull=True, is_sample=True)
            .first(),
        },
    )


def source_detail(request, pk: int):
    source = get_object_or_404(_sources_with_counts(), pk=pk)
    return render(
        request, "quizzes/source_detail.html", {"source": source, "timeline": _timeline(source)}
    )
