"""The source pages cost a fixed number of queries, whatever the number of proposals and facts."""

import pytest
from django.urls import reverse

from quizzes.models import CandidateFact, Entity, ExtractionJob, Fact, Source

WORDS = "Le 22 octobre 1962, le président Kennedy annonce un blocus naval de Cuba. "


def source_with(owner, n: int) -> Source:
    text = WORDS * n
    source = Source.objects.create(owner=owner, title=f"Cuba {n}", language="fr", text=text)
    ExtractionJob.objects.create(source=source, status="done", progress=100)
    step = len(WORDS)
    for i in range(n):
        CandidateFact.objects.create(
            source=source,
            kind="event",
            text=f"Blocus {i}",
            quote=WORDS.strip(),
            quote_start=i * step,
            date_label="Le 22 octobre 1962",
            date_start="1962-10-22",
            date_end="1962-10-22",
            date_precision="day",
        )
        Fact.objects.create(
            source=source,
            kind="role",
            text=f"Kennedy {i}",
            quote="président Kennedy",
            quote_start=i * step + WORDS.index("président"),
            subject=Entity.objects.create(source=source, name=f"Kennedy {i}", kind="person"),
            relation="role",
            object=f"président {i}",
            created_by=owner,
        )
    return source


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 60])
def test_review_page_queries_do_not_grow_with_proposals(
    teacher_client, teacher, size, django_assert_max_num_queries
):
    source = source_with(teacher, size)
    with django_assert_max_num_queries(8):
        response = teacher_client.get(reverse("teacher_source", args=[source.pk]))
    assert response.content.decode().count('class="candidate ') == size


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 30])
def test_source_list_queries_do_not_grow_with_sources(
    teacher_client, teacher, size, django_assert_max_num_queries
):
    for n in range(size):
        Source.objects.create(owner=teacher, title=f"Texte {n}", text="Le 1er mai 1945.")
    with django_assert_max_num_queries(5):
        response = teacher_client.get(reverse("teacher_sources"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_progress_poll_is_cheap(teacher_client, teacher, django_assert_max_num_queries):
    source = source_with(teacher, 3)
    with django_assert_max_num_queries(5):
        teacher_client.get(reverse("teacher_source_progress", args=[source.pk]))
