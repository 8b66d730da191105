"""The question sets every student finds before teachers build their own, and the demo
teacher's set. Titles and instructions promise only what the facts can produce: every set
draws 100 attempts without a repeat within an attempt (bench/count_questions.py)."""

from datetime import date

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
        # Roles and commands of the same few leaders: 3 questions of 3 pairs, no two alike.
        "matching_count": 3,
        "matching_pairs": 3,
        "matching_relations": ["role", "commands"],
    },
    {
        "title": "Lieux et événements",
        # No army ↔ landing: the source lands two armies, never the 3 pairs a question asks.
        "instructions": "Associez chaque lieu à ce qui s’y est passé et chaque événement à sa date.",
        "chronology_count": 0,
        "matching_count": 4,
        "matching_pairs": 3,
        "matching_relations": ["happened_at", "date"],
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


# The demo teacher's set (setup_demo): the summer of 1943, from the landings in Sicily
# (10 July) to the surrender announced on 8 September and its sequels that month.
DEMO_CLASS_SET = {
    "title": "Le débarquement en Sicile et la chute de Mussolini",
    "instructions": "Chronologies et associations sur l’été 1943.",
    "period_start": date(1943, 7, 1),
    "period_end": date(1943, 9, 30),
    "chronology_count": 3,
    "chronology_items": 4,
    "matching_count": 2,
    "matching_pairs": 3,
    "matching_relations": ["commands", "date"],
}


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
