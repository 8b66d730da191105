"""The site's URLs plus the student join page, which quizzes.urls mounts under /classes/ once
the lead engineer includes quizzes.urls_join (same path and name, so tests pass either way)."""

from django.urls import include, path

from quizsite.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("classes/", include("quizzes.urls_join")),
    *site_urlpatterns,
]
