"""Every page of the app, in named lists by feature (healthchecks' hc/front/urls.py is the
model): find a page's view by its list, then its name."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from quizzes.views import (
    accounts,
    class_accounts,
    class_results,
    join,
    personal_data,
    public,
    review,
    student,
    teacher_classes,
    teacher_exports,
    teacher_mastery,
    teacher_sets,
    teacher_sources,
)

# A teacher's source: its reading, the review of its proposals, its facts.
source_urls = [
    path("", teacher_sources.source_detail, name="teacher_source"),
    path("anki/", teacher_exports.source_anki, name="teacher_source_anki"),
    path("progression/", teacher_sources.source_progress, name="teacher_source_progress"),
    path("relire/", teacher_sources.source_rerun, name="teacher_source_rerun"),
    path("tout-accepter/", teacher_sources.accept_all, name="teacher_source_accept_all"),
    path(
        "propositions/<int:candidate_id>/accepter/",
        teacher_sources.candidate_accept,
        name="teacher_candidate_accept",
    ),
    path(
        "propositions/<int:candidate_id>/rejeter/",
        teacher_sources.candidate_reject,
        name="teacher_candidate_reject",
    ),
    path(
        "propositions/<int:candidate_id>/modifier/",
        teacher_sources.candidate_edit,
        name="teacher_candidate_edit",
    ),
    path("faits/nouveau/", teacher_sources.fact_create, name="teacher_fact_create"),
    path("faits/<int:fact_id>/modifier/", teacher_sources.fact_edit, name="teacher_fact_edit"),
    path("faits/<int:fact_id>/supprimer/", teacher_sources.fact_delete, name="teacher_fact_delete"),
]

# Students join a class with its code.
join_urls = [
    path("rejoindre/", join.join_class, name="join_class"),
]

# A teacher's classes: roster, join code, pupils' accounts.
teacher_class_urls = [
    path("", teacher_classes.class_list, name="teacher_classes"),
    path("<int:class_id>/", teacher_classes.class_detail, name="teacher_class"),
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
    path("<int:class_id>/maitrise/", teacher_mastery.class_mastery, name="teacher_class_mastery"),
    path(
        "<int:class_id>/maitrise/serie-de-revision/",
        teacher_mastery.weakest_to_set,
        name="teacher_class_review_set",
    ),
]

# A teacher's question sets: the builder, its live preview, pinned questions.
teacher_set_urls = [
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

# A teacher's results per class and set.
teacher_result_urls = [
    path("", class_results.overview, name="teacher_results"),
    path(
        "classes/<int:class_id>/series/<int:set_id>/",
        class_results.detail,
        name="teacher_results_detail",
    ),
    path(
        "classes/<int:class_id>/series/<int:set_id>/notes.csv",
        class_results.grades_csv,
        name="teacher_results_csv",
    ),
]

urlpatterns = [
    path("", public.home, name="home"),
    path("sources/<int:pk>/", public.source_detail, name="source_detail"),
    path("compte/connexion/", auth_views.LoginView.as_view(), name="login"),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("compte/inscription/", accounts.signup, name="signup"),
    path("compte/accueil/", accounts.after_login, name="after_login"),
    path("compte/mot-de-passe/", accounts.choose_password, name="choose_password"),
    path("quiz/", student.student_home, name="student_home"),
    path("quiz/series/<int:set_id>/commencer/", student.start, name="attempt_start"),
    path("quiz/tentatives/<int:attempt_id>/", student.resume, name="attempt_resume"),
    path(
        "quiz/tentatives/<int:attempt_id>/questions/<int:position>/",
        student.question,
        name="attempt_question",
    ),
    path("quiz/tentatives/<int:attempt_id>/resultat/", student.summary, name="attempt_summary"),
    path("mes-resultats/", student.results, name="results"),
    path("reviser/", review.review_home, name="review"),
    path("reviser/commencer/", review.review_start, name="review_start"),
    path("ma-maitrise/", review.my_mastery, name="my_mastery"),
    path("mes-donnees/", personal_data.my_data, name="my_data"),
    path("mes-donnees/telecharger/", personal_data.download, name="my_data_download"),
    path("mes-donnees/supprimer-mon-compte/", personal_data.delete_account, name="delete_account"),
    path("donnees-personnelles/", personal_data.privacy, name="privacy"),
    path("classes/", include(join_urls)),
    path("enseignant/classes/", include(teacher_class_urls)),
    path("enseignant/series/", include(teacher_set_urls)),
    path("enseignant/resultats/", include(teacher_result_urls)),
    path("enseignant/sources/", teacher_sources.source_list, name="teacher_sources"),
    path(
        "enseignant/sources/nouvelle/", teacher_sources.source_create, name="teacher_source_create"
    ),
    path("enseignant/sources/<int:source_id>/", include(source_urls)),
]
