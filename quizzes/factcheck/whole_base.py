"""Validate a whole set of facts, and the oppositions between sides that go with them, from
the database or from a fixture file before loading it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from django.core import serializers
from django.core.serializers.base import DeserializationError

from quizzes.models import Entity, Fact, Opposes, Source


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _name(fact: Fact) -> str:
    return f"fait n°{fact.pk} « {fact.text[:70]} »"


def _opposition_name(opposition: Opposes) -> str:
    return f"opposition n°{opposition.pk} « {opposition} »"


def collect_problems(facts: Iterable[Fact], oppositions: Iterable[Opposes] = ()) -> list[str]:
    """One message per problem, each naming the fact (or opposition) and what is wrong."""
    messages = []
    pairs: dict[tuple, Opposes] = {}
    for opposition in oppositions:
        messages += [
            f"{_opposition_name(opposition)} : {problem}" for problem in opposition.problems()
        ]
        pair = frozenset((opposition.first_id, opposition.second_id))
        if pair in pairs:
            messages.append(
                f"{_opposition_name(opposition)} : doublon de l’{_opposition_name(pairs[pair])}"
            )
        pairs.setdefault(pair, opposition)
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


def _fixture_objects(path: Path) -> list:
    """The deserialized, unsaved objects of a fixture file. Raises ValueError naming the file
    when it cannot be read."""
    try:
        data = path.read_text(encoding="utf-8")
        json.loads(data)
        return [item.object for item in serializers.deserialize("json", data)]
    except (OSError, UnicodeDecodeError, ValueError, DeserializationError) as error:
        raise ValueError(f"{path} : fichier de faits illisible ({error})") from error


def records_from_fixture(path: Path) -> tuple[list[Fact], list[Opposes]]:
    """Unsaved facts and oppositions of a fixture file, wired to the sources and entities it
    (or the database) holds. Raises ValueError naming the file when it cannot be read."""
    objects = _fixture_objects(path)
    sources = {obj.pk: obj for obj in objects if isinstance(obj, Source)}
    entities = {obj.pk: obj for obj in objects if isinstance(obj, Entity)}

    def source_of(pk, what: str) -> Source:
        source = sources.get(pk) or Source.objects.filter(pk=pk).first()
        if source is None:
            raise ValueError(f"{path} : {what} renvoie à une source inconnue ({pk})")
        return source

    def entity_of(pk, what: str) -> Entity:
        entity = entities.get(pk) or Entity.objects.filter(pk=pk).first()
        if entity is None:
            raise ValueError(f"{path} : {what} renvoie à une entité inconnue ({pk})")
        if entity.source_id in sources:
            entity.source = sources[entity.source_id]
        return entity

    facts = [obj for obj in objects if isinstance(obj, Fact)]
    for fact in facts:
        fact.source = source_of(fact.source_id, _name(fact))
        if fact.subject_id is not None:
            fact.subject = entity_of(fact.subject_id, _name(fact))
    oppositions = [obj for obj in objects if isinstance(obj, Opposes)]
    for opposition in oppositions:
        what = f"opposition n°{opposition.pk}"
        opposition.first = entity_of(opposition.first_id, what)
        opposition.second = entity_of(opposition.second_id, what)
        source_of(opposition.first.source_id, what)
    return facts, oppositions


def facts_from_fixture(path: Path) -> list[Fact]:
    """Unsaved facts of a fixture file (records_from_fixture)."""
    return records_from_fixture(path)[0]
