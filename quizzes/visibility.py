"""Which question sets a visitor may see and start."""

from quizzes.models import QuestionSet


def sets_open_to(user):
    """Site-wide sets that are published and open; for visitors, only the sample quiz."""
    sets = QuestionSet.objects.open_now().filter(owner__isnull=True)
    if not user.is_authenticated:
        return sets.filter(is_sample=True)
    return sets
