from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from quizzes.views import bench, health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("quizzes.urls")),
]

if settings.LTI_ENABLED:
    urlpatterns += [path("lti/", include("quizzes_lti.urls"))]

if settings.BENCH_VIEWS:
    urlpatterns += [path("bench/trivial/", bench.trivial, name="bench_trivial")]

handler400 = "quizzes.views.errors.bad_request"
handler403 = "quizzes.views.errors.permission_denied"
handler404 = "quizzes.views.errors.page_not_found"
