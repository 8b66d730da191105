"""The question sets every student finds before teachers build their own."""

from quizzes.models import QuestionSet

DEFAULT_SETS = [
    {
        "title": "Chronologie 1943-1945",
        "instructions": "Remettez les événements dans l’ordre, du plus ancien au plus récent.",
        "chronology_count": 5,
        "chronology_items": 4,
        "matching_count": 0,
    },
    {
        "title": "Qui a fait quoi ?",
        "instructions": "Associez chaque personnage ou groupe à son rôle.",
        "chronology_count": 0,
        "matching_count": 4,
        "matching_pairs": 4,
        "matching_relations": ["role", "commands"],
    },
    {
        "title": "Lieux et événements",
        "instructions": "Associez chaque lieu à ce qui s’y est passé, chaque armée à son débarquement, chaque événement à sa date.",
        "chronology_count": 0,
        "matching_count": 4,
        "matching_pairs": 3,
        "matching_relations": ["happened_at", "landed_at", "date"],
    },
    {
        "title": "Quiz mixte",
        "instructions": "Un peu de tout : chronologies et associations.",
        "chronology_count": 2,
        "chronology_items": 4,
        "matching_count": 2,
        "matching_pairs": 3,
        "is_sample": True,
    },
]


def ensure_default_sets() -> list[QuestionSet]:
    """Create the default sets that are missing (idempotent); return all of them."""
    sets = []
    for spec in DEFAULT_SETS:
        fields = {key: value for key, value in spec.items() if key != "title"}
        question_set, _ = QuestionSet.objects.get_or_create(
            title=spec["title"],
            owner=None,
            defaults={**fields, "status": QuestionSet.Status.PUBLISHED},
        )
        sets.append(question_set)
    return sets
