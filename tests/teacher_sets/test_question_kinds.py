"""The builder offers the question kinds history teachers ask for, each with its live preview:
cause → consequence matching, which came first, date entry."""

from django.urls import reverse

from tests.teacher_sets.conftest import set_post

PREVIEW = "teacher_set_preview"


def preview(client, **overrides) -> str:
    response = client.post(reverse(PREVIEW), set_post(**overrides), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_preview_of_cause_matching_pairs_each_cause_with_its_consequence(
    teacher_client, fact_base
):
    page = preview(
        teacher_client, chronology_count="0", matching_relations="causes", matching_pairs="3"
    )
    assert "Associez chaque cause à sa conséquence." in page
    assert "Conquête alliée de la Sicile" in page or "Série de défaites militaires" in page
    assert "preview-problem" not in page


def test_cause_matching_of_four_pairs_is_refused_with_the_reason(teacher_client, fact_base):
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_relations="causes",
        matching_pairs="4",
        status="published",
    )
    assert "preview-problem" in page
    assert "Impossible d’associer 4 paires" in page
