"""The LTI tool's URLs, mounted at /lti/ when LTI_ENABLED (quizsite.urls). The first three are
the ones a platform's admin is given (README, « LTI 1.3 »)."""

from django.urls import path

from quizzes_lti import views

urlpatterns = [
    path("jwks.json", views.jwks, name="lti_jwks"),
    path("connexion/<uuid:registration_uuid>/", views.oidc_login, name="lti_login"),
    path("lancement/", views.launch, name="lti_launch"),
    path("choisir-une-serie/", views.deep_link, name="lti_deep_link"),
    path("series/<int:set_id>/", views.set_page, name="lti_set"),
    path("entrer/<str:token>/", views.enter, name="lti_enter"),
]
