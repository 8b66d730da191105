from django.contrib import admin
from django.urls import include, path

from quizzes.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("quizzes.urls")),
]
