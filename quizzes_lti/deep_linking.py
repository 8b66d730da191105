"""Deep linking: a teacher launching quizsite from the platform's « add an activity » picks one of
their published sets, and quizsite answers with a signed LtiResourceLink content item pointing
at that set (its URL, and a grade-book column scored out of the set's questions)."""

from __future__ import annotations

import secrets

from django.core import signing
from django.db.models import Count
from django.urls import reverse
from lti_tool.models import LtiRegistration
from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from quizzes.models import Classroom, QuestionSet
from quizzes_lti.storage import remember_once, take_once

SETTINGS_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
RESOURCE_LINK = "ltiResourceLink"
STATE_SALT = "quizzes_lti.deep_link"
STATE_SECONDS = 3600


class _SetLink(DeepLinkResource):
    """pylti1p3's resource link, asking the platform for a window of its own: quizsite's pages
    refuse to be framed (X-Frame-Options: DENY)."""

    def to_dict(self):
        item = super().to_dict()
        item["window"] = {"targetName": "quizsite"}
        return item


def accepts_resource_links(settings_claim: dict | None) -> bool:
    return bool(settings_claim) and RESOURCE_LINK in (settings_claim.get("accept_types") or [])


def request_state(*, lti_launch, classroom: Classroom, teacher) -> str:
    """What the answer needs, signed into the picker's form: the picker works in the platform's
    frame, where quizsite's cookies (session, CSRF) are a third party's and may be dropped. The
    signature binds the request to the teacher; it is answered once, within an hour."""
    key = secrets.token_urlsafe(16)
    remember_once(f"deep-link-{key}", STATE_SECONDS)
    state = {
        "registration": lti_launch.registration.pk,
        "deployment_id": lti_launch.deployment.deployment_id,
        "settings": lti_launch.get_claim(SETTINGS_CLAIM),
        "classroom": classroom.pk,
        "teacher": teacher.pk,
        "key": key,
    }
    return signing.dumps(state, salt=STATE_SALT, compress=True)


def read_state(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=STATE_SALT, max_age=STATE_SECONDS)
    except signing.BadSignature:
        return None


class RequestSpent(Exception):
    """This deep-linking request was answered already, or its platform or class is gone
    (HTTP 403)."""


def sets_to_place(teacher):
    """The sets a teacher may place in a course: their own published ones."""
    return (
        QuestionSet.objects.published()
        .filter(owner=teacher)
        .annotate(pinned_count=Count("pinned_questions"))
        .order_by("title", "pk")
    )


def answer(request, state: dict, question_set: QuestionSet) -> tuple[str, str]:
    """Offer the set to the course's class and sign the response; returns the platform's return
    URL and the JWT to post there. The request is used up."""
    registration = LtiRegistration.objects.active().filter(pk=state["registration"]).first()
    classroom = Classroom.objects.filter(pk=state["classroom"]).first()
    if registration is None or classroom is None or not take_once(f"deep-link-{state['key']}"):
        raise RequestSpent
    question_set.classrooms.add(classroom)
    url = request.build_absolute_uri(reverse("lti_set", args=[question_set.pk]))
    score_maximum = question_set.question_count + getattr(question_set, "pinned_count", 0)
    line_item = (
        LineItem()
        .set_label(question_set.title)
        .set_score_maximum(score_maximum)
        .set_resource_id(f"quizsite-set-{question_set.pk}")
    )
    link = _SetLink().set_title(question_set.title).set_url(url).set_lineitem(line_item)
    deep_link = DeepLink(registration.to_registration(), state["deployment_id"], state["settings"])
    return state["settings"]["deep_link_return_url"], deep_link.get_response_jwt([link])
