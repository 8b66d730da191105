"""Deep linking: a teacher launching quizsite from the platform's « add an activity » picks one of
their published sets, and quizsite answers with a signed LtiResourceLink content item pointing
at that set (its URL, and a grade-book column scored out of the set's questions)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from lti_tool.models import LtiRegistration
from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from quizzes.models import Classroom, QuestionSet

SESSION_KEY = "quizsite_lti_deep_link"
RESOURCE_LINK = "ltiResourceLink"


class _SetLink(DeepLinkResource):
    """pylti1p3's resource link, asking the platform for a window of its own: quizsite's pages
    refuse to be framed (X-Frame-Options: DENY)."""

    def to_dict(self):
        item = super().to_dict()
        item["window"] = {"targetName": "quizsite"}
        return item


def accepts_resource_links(settings_claim: dict | None) -> bool:
    return bool(settings_claim) and RESOURCE_LINK in (settings_claim.get("accept_types") or [])


def remember_request(session, *, lti_launch, classroom: Classroom) -> None:
    """Keep what the answer needs until the teacher has chosen (the answer is signed then)."""
    session[SESSION_KEY] = {
        "registration": lti_launch.registration.pk,
        "deployment_id": lti_launch.deployment.deployment_id,
        "settings": lti_launch.get_claim(
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
        ),
        "classroom": classroom.pk,
    }


def pending_request(session) -> dict | None:
    return session.get(SESSION_KEY)


def sets_to_place(teacher):
    """The sets a teacher may place in a course: their own published ones."""
    return (
        QuestionSet.objects.published()
        .filter(owner=teacher)
        .annotate(pinned_count=Count("pinned_questions"))
        .order_by("title", "pk")
    )


def answer(request, pending: dict, question_set: QuestionSet) -> tuple[str, str]:
    """Offer the set to the course's class and sign the response; returns the platform's return
    URL and the JWT to post there. The pending request is used up."""
    registration = LtiRegistration.objects.active().get(pk=pending["registration"])
    question_set.classrooms.add(pending["classroom"])
    url = request.build_absolute_uri(reverse("lti_set", args=[question_set.pk]))
    score_maximum = question_set.question_count + getattr(question_set, "pinned_count", 0)
    line_item = (
        LineItem()
        .set_label(question_set.title)
        .set_score_maximum(score_maximum)
        .set_resource_id(f"quizsite-set-{question_set.pk}")
    )
    link = _SetLink().set_title(question_set.title).set_url(url).set_lineitem(line_item)
    deep_link = DeepLink(
        registration.to_registration(), pending["deployment_id"], pending["settings"]
    )
    request.session.pop(SESSION_KEY, None)
    return pending["settings"]["deep_link_return_url"], deep_link.get_response_jwt([link])
