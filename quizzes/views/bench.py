"""The load benchmark's ceiling: the cheapest page the same server can serve.

Mounted only when BENCH_VIEWS=1 (quizsite/urls.py; bench/load/run.py sets it): it goes through
every middleware like any page, reads nothing from the database and renders no template."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def trivial(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
