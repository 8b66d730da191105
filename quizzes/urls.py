from django.contrib.auth import views as auth_views
from django.urls import include, path

from quizzes.views import accounts, public, student

urlpatterns = [
    path("", public.home, name="home"),
    path("sources/<int:pk>/", public.source_detail, name="source_detail"),
    path("compte/connexion/", auth_views.LoginView.as_view(), name="login"),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("compte/inscription/", accounts.signup, name="signup"),
    path("compte/accueil/", accounts.after_login, name="after_login"),
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
    path("classes/", include("quizzes.urls_join")),
    path("enseignant/classes/", include("quizzes.urls_teacher_classes")),
    path("enseignant/series/", include("quizzes.urls_teacher_sets")),
    path("enseignant/resultats/", include("quizzes.urls_teacher_results")),
]
