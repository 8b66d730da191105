from django.contrib.auth import views as auth_views
from django.urls import include, path

from quizzes.views import accounts, personal_data, public, review, student, teacher_sources

# A teacher's source: its reading, the review of its proposals, its facts.
source_urls = [
    path("", teacher_sources.source_detail, name="teacher_source"),
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
    path("classes/", include("quizzes.urls_join")),
    path("enseignant/classes/", include("quizzes.urls_teacher_classes")),
    path("enseignant/series/", include("quizzes.urls_teacher_sets")),
    path("enseignant/resultats/", include("quizzes.urls_teacher_results")),
    path("enseignant/sources/", teacher_sources.source_list, name="teacher_sources"),
    path(
        "enseignant/sources/nouvelle/", teacher_sources.source_create, name="teacher_source_create"
    ),
    path("enseignant/sources/<int:source_id>/", include(source_urls)),
]
