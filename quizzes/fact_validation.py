"""Validate a whole set of facts, from the database or from a fixture file before loading it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from django.core import serializers
from django.core.serializers.base import DeserializationError

from quizzes.models import Entity, Fact, Source


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _name(fact: Fact) -> str:
    return f"fait n°{fact.pk} « {fact.text[:70]} »"


def collect_problems(facts: Iterable[Fact]) -> list[str]:
    """One message per problem, each naming the fact and what is wrong."""
    messages = []
    seen_text: dict[tuple, Fact] = {}
    seen_relation: dict[tuple, Fact] = {}
    for fact in facts:
        messages += [f"{_name(fact)} : {problem}" for problem in fact.problems()]
        text_key = (fact.source_id, fact.kind, _normal(fact.text))
        if text_key in seen_text:
            messages.append(f"{_name(fact)} : doublon du {_name(seen_text[text_key])}")
        seen_text.setdefault(text_key, fact)
        if fact.relation:
            relation_key = (fact.source_id, fact.subject_id, fact.relation, _normal(fact.object))
            if relation_key in seen_relation:
                messages.append(
                    f"{_name(fact)} : même relation que le {_name(seen_relation[relation_key])}"
                )
            seen_relation.setdefault(relation_key, fact)
    return messages


def facts_from_fixture(path: Path) -> list[Fact]:
    """Unsaved facts of a fixture file, wired to the sources and entities it (or the database)
    holds. Raises ValueError naming the file when it cannot be read."""
    try:
        data = path.read_text(encoding="utf-8")
        json.loads(data)
        objects = [item.object for item in serializers.deserialize("json", data)]
    except (OSError, UnicodeDecodeError, ValueError, DeserializationError) as error:
        raise ValueError(f"{path} : fichier de faits illisible ({error})") from error
    sources = {obj.pk: obj for obj in objects if isinstance(obj, Source)}
    entities = {obj.pk: obj for obj in objects if isinstance(obj, Entity)}
    facts = [obj for obj in objects if isinstance(obj, Fact)]
    for fact in facts:
        source = sources.get(fact.source_id) or Source.objects.filter(pk=fact.source_id).first()
        if source is None:
            raise ValueError(
                f"{path} : {_name(fact)} renvoie à une source inconnue ({fact.source_id})"
            )
        fact.source = source
        if fact.subject_id is not None:
            subject = (
                entities.get(fact.subject_id) or Entity.objects.filter(pk=fact.subject_id).first()
            )
            if subject is None:
                raise ValueError(
                    f"{path} : {_name(fact)} renvoie à un sujet inconnu ({fact.subject_id})"
                )
            fact.subject = subject
    return facts
