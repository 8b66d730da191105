from django.apps import AppConfig


class QuizzesLtiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes_lti"
    verbose_name = "LTI 1.3"

    def ready(self):
        from quizzes.signals import attempt_finished
        from quizzes_lti.grades import queue_scores

        attempt_finished.connect(queue_scores, dispatch_uid="quizzes_lti.queue_scores")
