"""Teacher pages: results (mounted under /enseignant/resultats/ by quizzes.urls)."""

from django.urls import path

from quizzes.views import teacher_results

urlpatterns = [
    path("", teacher_results.overview, name="teacher_results"),
    path(
        "classes/<int:class_id>/series/<int:set_id>/",
        teacher_results.detail,
        name="teacher_results_detail",
    ),
    path(
        "classes/<int:class_id>/series/<int:set_id>/notes.csv",
        teacher_results.grades_csv,
        name="teacher_results_csv",
    ),
]
