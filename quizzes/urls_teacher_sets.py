"""Teacher pages: question sets (mounted at /enseignant/series/ by quizzes.urls)."""

from django.urls import path

from quizzes.views import teacher_exports, teacher_sets

urlpatterns = [
    path("", teacher_sets.set_list, name="teacher_sets"),
    path("nouvelle/", teacher_sets.set_create, name="teacher_set_create"),
    path("apercu/", teacher_sets.set_preview, name="teacher_set_preview"),
    path("faits/", teacher_sets.set_facts, name="teacher_set_facts"),
    path("<int:set_id>/", teacher_sets.set_edit, name="teacher_set_edit"),
    path("<int:set_id>/apercu/", teacher_sets.set_preview, name="teacher_set_preview"),
    path("<int:set_id>/supprimer/", teacher_sets.set_delete, name="teacher_set_delete"),
    path("<int:set_id>/dupliquer/", teacher_sets.set_duplicate, name="teacher_set_duplicate"),
    path("<int:set_id>/epingler/", teacher_sets.pin_add, name="teacher_set_pin"),
    path(
        "<int:set_id>/epinglees/<int:pin_id>/retirer/",
        teacher_sets.pin_remove,
        name="teacher_set_unpin",
    ),
    path(
        "<int:set_id>/exporter/moodle/",
        teacher_exports.set_export,
        {"export_format": "moodle"},
        name="teacher_set_export_moodle",
    ),
    path(
        "<int:set_id>/exporter/qti3/",
        teacher_exports.set_export,
        {"export_format": "qti3"},
        name="teacher_set_export_qti3",
    ),
    path("<int:set_id>/importer/", teacher_exports.set_import, name="teacher_set_import"),
]
