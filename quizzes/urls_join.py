"""Students join a class with its code (mounted under /classes/ by quizzes.urls)."""

from django.urls import path

from quizzes.views import join

urlpatterns = [
    path("rejoindre/", join.join_class, name="join_class"),
]
