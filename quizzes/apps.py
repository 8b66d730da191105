from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = "Quiz d'histoire"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save
        from django.utils.translation import gettext

        from quizzes.engine.questions import NotEnoughFacts
        from quizzes.first_login import remember_password_duty
        from quizzes.personal_data import forget_login_records
        from quizzes.roles import remember_role
        from quizzes.usernames import record_skeletons

        user_logged_in.connect(remember_role, dispatch_uid="quizzes.remember_role")
        user_logged_in.connect(remember_password_duty, dispatch_uid="quizzes.password_duty")
        post_delete.connect(
            forget_login_records,
            sender=get_user_model(),
            dispatch_uid="quizzes.forget_login_records",
        )
        post_save.connect(
            record_skeletons, sender=get_user_model(), dispatch_uid="quizzes.record_skeletons"
        )
        # The engine stays free of Django; its messages for teachers are translated when shown.
        NotEnoughFacts.translate = staticmethod(gettext)
