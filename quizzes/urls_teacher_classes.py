"""Teacher pages: classes (mounted under /enseignant/classes/ by quizzes.urls)."""

from django.urls import path

from quizzes.views import class_accounts, teacher_classes, teacher_mastery

urlpatterns = [
    path("", teacher_classes.class_list, name="teacher_classes"),
    path("<int:class_id>/", teacher_classes.class_detail, name="teacher_class"),
    path("<int:class_id>/maitrise/", teacher_mastery.class_mastery, name="teacher_class_mastery"),
    path(
        "<int:class_id>/maitrise/serie-de-revision/",
        teacher_mastery.weakest_to_set,
        name="teacher_class_review_set",
    ),
    path(
        "<int:class_id>/nouveau-code/",
        teacher_classes.regenerate_code,
        name="teacher_class_regenerate_code",
    ),
    path("<int:class_id>/eleves/", teacher_classes.add_student, name="teacher_class_add_student"),
    path(
        "<int:class_id>/comptes/",
        class_accounts.create_accounts,
        name="teacher_class_accounts",
    ),
    path(
        "<int:class_id>/eleves/<int:student_id>/mot-de-passe/",
        class_accounts.reset_password,
        name="teacher_class_reset_password",
    ),
    path(
        "<int:class_id>/eleves/<int:student_id>/retirer/",
        teacher_classes.remove_student,
        name="teacher_class_remove_student",
    ),
    path(
        "<int:class_id>/eleves/<int:student_id>/supprimer-le-compte/",
        teacher_classes.delete_student,
        name="teacher_class_delete_student",
    ),
]
