from django.urls import path

from quizzes.views import public

urlpatterns = [
    path("", public.home, name="home"),
    path("sources/<int:pk>/", public.source_detail, name="source_detail"),
]
