from django.apps import AppConfig


class QuizzesLtiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes_lti"
    verbose_name = "LTI 1.3"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from quizzes.signals import attempt_finished
        from quizzes_lti.accounts import forget_platform_users
        from quizzes_lti.grades import queue_scores

        attempt_finished.connect(queue_scores, dispatch_uid="quizzes_lti.queue_scores")
        pre_delete.connect(
            forget_platform_users,
            sender=get_user_model(),
            dispatch_uid="quizzes_lti.forget_platform_users",
        )
