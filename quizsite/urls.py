from django.contrib import admin
from django.urls import include, path

from quizzes.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]
