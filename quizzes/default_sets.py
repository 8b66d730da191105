"""The question sets every student finds before teachers build their own, and the demo
teacher's set. Titles and instructions promise only what the facts can produce: every set
draws 100 attempts without a repeat within an attempt (bench/count_questions.py).

A database created by an earlier release holds these sets as they were shipped then (« Lieux
et événements » promising an army to its landing, the demo set without its period). They are
brought up to date when, and only when, they are still exactly as some release shipped them:
every field a teacher or an admin may edit equals that release's value (EARLIER_VERSIONS, or
the current spec), and they have no chosen sources, facts or pinned questions. Any edit makes
the set the teacher's, and it is never overwritten. Compared this way rather than by a stored
version number, so no migration is needed and an edit made through any path (the builder, the
admin, the shell) counts; a set edited back to exactly a shipped value is updated, which
changes nothing a teacher chose.
"""

from datetime import date

from quizzes.engine import grading
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
    {
        "title": "Vrai ou faux, l’intrus et les dates",
        "instructions": (
            "Vrai ou faux, l’intrus, l’événement qui vient en premier, une date à écrire et "
            "une cause à relier à sa conséquence."
        ),
        "chronology_count": 0,
        "matching_count": 1,
        "matching_pairs": 2,
        "matching_relations": ["causes"],
        "which_first_count": 2,
        "date_entry_count": 1,
        "true_false_count": 3,
        "odd_one_out_count": 1,
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


# The sets as earlier releases shipped them, by title, where they differ from today's.
EARLIER_VERSIONS = {
    "Qui a fait quoi ?": [
        {
            "instructions": "Associez chaque personnage ou groupe à son rôle.",
            "chronology_count": 0,
            "matching_count": 4,
            "matching_pairs": 4,
            "matching_relations": ["role", "commands"],
        },
    ],
    "Lieux et événements": [
        {
            "instructions": (
                "Associez chaque lieu à ce qui s’y est passé, chaque armée à son "
                "débarquement, chaque événement à sa date."
            ),
            "chronology_count": 0,
            "matching_count": 4,
            "matching_pairs": 3,
            "matching_relations": ["happened_at", "landed_at", "date"],
        },
    ],
    DEMO_CLASS_SET["title"]: [
        {
            "instructions": "Chronologies et associations sur l’été 1943.",
            "chronology_count": 3,
            "chronology_items": 4,
            "matching_count": 2,
            "matching_pairs": 3,
        },
    ],
}

# Values a field held by default in earlier releases: a set holding one was not edited there.
# The default chronology grading was ABSOLUTE_POSITION, then LONGEST_ORDERED_SUBSET.
EARLIER_DEFAULTS = {
    "ordering_method": {grading.ABSOLUTE_POSITION, grading.LONGEST_ORDERED_SUBSET},
}

# What a teacher or an admin may change in a set, besides its title (how it is found) and its
# state (publishing a set or not is theirs to decide and is never reset).
EDITABLE_FIELDS = {
    field.name: field
    for field in QuestionSet._meta.concrete_fields
    if field.editable and field.name not in ("id", "title", "owner", "status")
}


def shipped_values(spec: dict) -> dict:
    """Every editable field of a set shipped as `spec` (the model's default where it is silent)."""
    return {name: spec.get(name, field.get_default()) for name, field in EDITABLE_FIELDS.items()}


def is_as_shipped(question_set: QuestionSet, spec: dict) -> bool:
    """Whether no one has edited the set since it was created from `spec` or one of its
    earlier versions."""
    if (
        question_set.sources.exists()
        or question_set.facts.exists()
        or question_set.pinned_questions.exists()
    ):
        return False
    for version in [spec, *EARLIER_VERSIONS.get(spec["title"], ())]:
        shipped = shipped_values(version)
        if all(
            getattr(question_set, name) == value
            or (
                spec.get(name) is None
                and getattr(question_set, name) in EARLIER_DEFAULTS.get(name, ())
            )
            for name, value in shipped.items()
        ):
            return True
    return False


def ensure_set(spec: dict, *, owner=None) -> QuestionSet:
    """The set of this spec, created (published) when missing, brought up to date when it is
    still as shipped, left alone when someone edited it."""
    question_set = QuestionSet.objects.filter(title=spec["title"], owner=owner).first()
    values = shipped_values(spec)
    if question_set is None:
        return QuestionSet.objects.create(
            title=spec["title"], owner=owner, status=QuestionSet.Status.PUBLISHED, **values
        )
    if is_as_shipped(question_set, spec):
        stale = [name for name, value in values.items() if getattr(question_set, name) != value]
        if stale:
            for name in stale:
                setattr(question_set, name, values[name])
            question_set.save(update_fields=stale)
    return question_set


def ensure_default_sets() -> list[QuestionSet]:
    """Create the default sets that are missing and bring up to date those still as shipped
    (idempotent); return all of them."""
    return [ensure_set(spec) for spec in DEFAULT_SETS]
