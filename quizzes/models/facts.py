"""Sources and the facts drawn from them, each fact with its exact quote (its provenance)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes import factcheck


class SourceQuerySet(models.QuerySet):
    def site_wide(self):
        return self.filter(site_wide=True)

    def visible_to(self, user):
        """Sources a teacher may use: the site-wide ones and their own. A teacher's source
        stays theirs until an admin makes it site-wide."""
        if user is None or not user.is_authenticated:
            return self.site_wide()
        if user.is_superuser:
            return self.all()
        return self.filter(Q(site_wide=True) | Q(owner=user))

    def owned_by(self, user):
        return self.filter(owner=user)

    def with_review_counts(self):
        """Each source with its number of facts and of proposals still awaiting review."""
        from quizzes.models.extraction import CandidateFact

        return self.annotate(
            fact_count=models.Count("facts", distinct=True),
            pending_count=models.Count(
                "candidates",
                filter=Q(candidates__status=CandidateFact.Status.PROPOSED),
                distinct=True,
            ),
        )


class SourceManager(models.Manager.from_queryset(SourceQuerySet)):
    def get_by_natural_key(self, uid):
        return self.get(uid=uid)


class Source(models.Model):
    class Language(models.TextChoices):
        FRENCH = "fr", _("français")
        ENGLISH = "en", _("anglais")

    uid = models.UUIDField(_("identifiant stable"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titre"), max_length=200)
    author = models.CharField(_("auteur ou origine"), max_length=200, blank=True)
    language = models.CharField(
        _("langue"), max_length=10, choices=Language.choices, default=Language.FRENCH
    )
    text = models.TextField(_("texte intégral"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enseignant"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sources",
        help_text=_("L’enseignant qui a apporté ce texte ; vide pour une source du site."),
    )
    site_wide = models.BooleanField(
        _("source du site"),
        default=False,
        help_text=_("Utilisable par tous les enseignants (sinon, par son seul propriétaire)."),
    )
    original_filename = models.CharField(_("fichier d’origine"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("ajoutée le"), default=timezone.now, editable=False)

    objects = SourceManager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "title"],
                condition=Q(owner__isnull=False),
                name="source_unique_title_per_owner",
            ),
            models.UniqueConstraint(
                fields=["title"],
                condition=Q(owner__isnull=True),
                name="source_unique_title_site",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self):
        return (str(self.uid),)

    def is_visible_to(self, user) -> bool:
        return self.site_wide or (
            user.is_authenticated and (user.is_superuser or self.owner_id == user.pk)
        )

    def is_editable_by(self, user) -> bool:
        """Only the owner edits a teacher's source; site-wide sources are the admins'."""
        return user.is_authenticated and (
            user.is_superuser or (self.owner_id is not None and self.owner_id == user.pk)
        )


class EntityManager(models.Manager):
    def get_by_natural_key(self, source_uid, name):
        return self.get(source__uid=source_uid, name=name)


class Entity(models.Model):
    """Someone or something the source names: a person, a group, an army, a place, a figure."""

    class Kind(models.TextChoices):
        PERSON = "person", _("personne")
        GROUP = "group", _("groupe ou institution")
        ARMY = "army", _("armée ou force armée")
        PLACE = "place", _("lieu")
        FIGURE = "figure", _("chiffre")
        # What the source names as a cause: « la conquête alliée de la Sicile ».
        HAPPENING = "happening", _("événement ou situation")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="entities")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    acts_for = models.ManyToManyField(
        "self",
        through="ActsFor",
        through_fields=("agent", "principal"),
        symmetrical=False,
        related_name="agents",
        blank=True,
        verbose_name=_("agit pour ou appartient à"),
    )

    objects = EntityManager()

    class Meta:
        verbose_name = _("entité")
        verbose_name_plural = _("entités")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["source", "name"], name="entity_unique_name_per_source")
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self):
        return (*self.source.natural_key(), self.name)

    natural_key.dependencies = ["quizzes.source"]


class ActsForManager(models.Manager):
    def get_by_natural_key(self, source_uid, agent_name, principal_name):
        return self.get(
            agent__source__uid=source_uid,
            agent__name=agent_name,
            principal__source__uid=source_uid,
            principal__name=principal_name,
        )


class ActsFor(models.Model):
    """Entity `agent` acts for or belongs to entity `principal`: a head of government and his
    government, a general and his army, an army and its side. What one does, the other may be
    said to do, so a question never offers one's deed as a distractor for the other."""

    agent = models.ForeignKey(
        Entity, verbose_name=_("entité"), on_delete=models.CASCADE, related_name="+"
    )
    principal = models.ForeignKey(
        Entity, verbose_name=_("agit pour"), on_delete=models.CASCADE, related_name="+"
    )

    objects = ActsForManager()

    class Meta:
        verbose_name = _("lien « agit pour »")
        verbose_name_plural = _("liens « agit pour »")
        constraints = [
            models.UniqueConstraint(fields=["agent", "principal"], name="acts_for_unique_pair"),
            models.CheckConstraint(
                condition=~Q(agent=models.F("principal")), name="acts_for_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agent} → {self.principal}"

    def natural_key(self):
        """Both entities come from one source (clean())."""
        return (*self.agent.natural_key(), self.principal.name)

    natural_key.dependencies = ["quizzes.entity"]

    def clean(self):
        if self.agent_id and self.agent_id == self.principal_id:
            raise ValidationError(_("Une entité n’agit pas pour elle-même."))
        if self.agent_id and self.principal_id and self.agent.source_id != self.principal.source_id:
            raise ValidationError(_("Les deux entités doivent venir de la même source."))


class FactQuerySet(models.QuerySet):
    def events(self):
        return self.filter(kind=Fact.Kind.EVENT)

    def chronological(self):
        return self.order_by("date_start", "date_end", "quote_start", "pk")

    def between(self, start, end):
        """Events whose whole date range lies within [start, end]."""
        return self.filter(date_start__gte=start, date_end__lte=end)

    def with_relation(self, relation: str):
        return self.filter(relation=relation).select_related("subject")

    def for_engine(self):
        return self.select_related("subject").order_by("pk")

    def search(self, text: str):
        """Facts whose statement, date, subject or answer contains every word of `text`
        (case-insensitive)."""
        facts = self
        # NUL bytes cannot reach a PostgreSQL query; they match nothing a teacher typed anyway.
        for word in text.replace("\x00", "").split():
            facts = facts.filter(
                models.Q(text__icontains=word)
                | models.Q(date_label__icontains=word)
                | models.Q(subject__name__icontains=word)
                | models.Q(object__icontains=word)
            )
        return facts

    def usable_by(self, user):
        """Facts of the sources this user may build sets from (site-wide sets: site-wide
        sources only)."""
        return self.filter(source__in=Source.objects.visible_to(user))


class FactManager(models.Manager.from_queryset(FactQuerySet)):
    def get_by_natural_key(self, source_uid, kind, text):
        return self.get(source__uid=source_uid, kind=kind, text=text)


class Fact(models.Model):
    """One statement drawn from a source, with the exact quote it comes from.

    Every fact may be dated (an event), may link a subject to an object by a relation
    (person → role, army → landing place, place → what happened), or both, so both kinds of
    question are generated from the same table without special cases.
    """

    class Kind(models.TextChoices):
        EVENT = "event", _("événement daté")
        ROLE = "role", _("personne ou groupe")
        PLACE = "place", _("lieu")
        FIGURE = "figure", _("chiffre")
        CAUSE = "cause", _("cause et conséquence")

    class Relation(models.TextChoices):
        NONE = "", _("(aucune)")
        ROLE = "role", _("a pour rôle")
        COMMANDS = "commands", _("dirige")
        LANDED_AT = "landed_at", _("débarque à")
        HAPPENED_AT = "happened_at", _("lieu de")
        FIGURE = "figure", _("chiffre de")
        CAUSES = "causes", _("entraîne")

    class Origin(models.TextChoices):
        MANUAL = "manual", _("écrit à la main")
        ACCEPTED = "accepted", _("proposé puis accepté")
        EDITED = "edited", _("proposé puis modifié")

    class Precision(models.TextChoices):
        NONE = "", _("(non daté)")
        DAY = factcheck.DAY, _("jour")
        MONTH = factcheck.MONTH, _("mois")
        SEASON = factcheck.SEASON, _("saison")
        YEAR = factcheck.YEAR, _("année")
        RELATIVE = factcheck.RELATIVE, _("relative (déduite du contexte)")

    # Which relations a kind of fact may carry (an event may also say where an army landed).
    RELATIONS_BY_KIND = {
        Kind.EVENT: {Relation.NONE, Relation.LANDED_AT},
        Kind.ROLE: {Relation.ROLE, Relation.COMMANDS},
        Kind.PLACE: {Relation.HAPPENED_AT},
        Kind.FIGURE: {Relation.FIGURE},
        Kind.CAUSE: {Relation.CAUSES},
    }

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("énoncé"), max_length=400)
    subject = models.ForeignKey(
        Entity,
        verbose_name=_("sujet"),
        on_delete=models.PROTECT,
        related_name="facts",
        null=True,
        blank=True,
    )
    relation = models.CharField(
        _("relation"), max_length=20, choices=Relation.choices, blank=True, default=""
    )
    object = models.CharField(_("objet"), max_length=300, blank=True, default="")
    date_label = models.CharField(
        _("date (telle que la source l'écrit)"), max_length=100, blank=True
    )
    date_start = models.DateField(_("au plus tôt"), null=True, blank=True)
    date_end = models.DateField(_("au plus tard"), null=True, blank=True)
    date_precision = models.CharField(
        _("précision"), max_length=10, choices=Precision.choices, blank=True, default=""
    )
    quote = models.TextField(_("citation exacte"))
    quote_start = models.PositiveIntegerField(_("position de la citation"), null=True, blank=True)
    teacher_note = models.TextField(
        _("note de l’enseignant"),
        blank=True,
        help_text=_(
            "Où la source se trompe ou reste vague (une date, un grade) : ce que l’élève doit "
            "savoir, montré sous la citation après sa réponse. La citation reste celle de la "
            "source."
        ),
    )
    origin = models.CharField(
        _("origine"), max_length=10, choices=Origin.choices, default=Origin.MANUAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)

    objects = FactManager()

    class Meta:
        verbose_name = _("fait")
        verbose_name_plural = _("faits")
        ordering = ["source", "date_start", "quote_start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "text"], name="fact_unique_text"),
            models.UniqueConstraint(
                fields=["source", "subject", "relation", "object"],
                condition=~Q(relation=""),
                name="fact_unique_relation",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_start__lte=models.F("date_end")),
                name="fact_date_range_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(kind="event")
                | (
                    Q(date_start__isnull=False, date_end__isnull=False)
                    & ~Q(date_label="")
                    & ~Q(date_precision="")
                ),
                name="fact_event_is_dated",
            ),
            models.CheckConstraint(
                condition=Q(relation="") | (Q(subject__isnull=False) & ~Q(object="")),
                name="fact_relation_has_subject_and_object",
            ),
        ]
        indexes = [models.Index(fields=["kind", "date_start", "date_end"])]

    def __str__(self) -> str:
        return self.text

    def natural_key(self):
        return (*self.source.natural_key(), self.kind, self.text)

    natural_key.dependencies = ["quizzes.source", "quizzes.entity"]

    @property
    def is_dated(self) -> bool:
        return self.date_start is not None

    @property
    def quote_end(self) -> int | None:
        return None if self.quote_start is None else self.quote_start + len(self.quote)

    def quote_in_context(self) -> tuple[str, str, str]:
        """(before, quote, after) within the surrounding sentence of the source."""
        start = self.quote_start or 0
        return factcheck.sentence_around(self.source.text, start, start + len(self.quote))

    def problems(self) -> list[str]:
        """Everything that makes this fact unfaithful to its source (empty when it is sound)."""
        problems = []
        if self.source_id is not None:
            problems += factcheck.quote_problems(self.source.text, self.quote, self.quote_start)
        if self.kind == self.Kind.EVENT or self.date_start or self.date_end or self.date_label:
            problems += factcheck.date_problems(
                self.date_label, self.date_precision, self.date_start, self.date_end
            )
        allowed = self.RELATIONS_BY_KIND.get(self.kind, set())
        if self.relation not in allowed:
            problems.append(
                f"la relation « {self.relation or '(aucune)'} » ne convient pas à un fait de type "
                f"« {self.kind} »"
            )
        if self.relation and (self.subject_id is None or not self.object.strip()):
            problems.append("une relation demande un sujet et un objet")
        if (
            self.subject_id is not None
            and self.source_id is not None
            and self.subject.source_id != self.source_id
        ):
            problems.append("le sujet appartient à une autre source")
        return problems

    def clean(self):
        if self.source_id is not None:
            self.quote_start = factcheck.quote_position(
                self.source.text, self.quote, self.quote_start
            )
        if problems := self.problems():
            raise ValidationError(problems)


class EventOrderQuerySet(models.QuerySet):
    def of_source(self, source):
        return self.filter(earlier__source=source)

    def among(self, facts):
        """The orders stated between two of these facts (objects or ids)."""
        ids = [getattr(fact, "pk", fact) for fact in facts]
        return self.filter(earlier__in=ids, later__in=ids)

    def get_by_natural_key(self, source_uid, earlier_kind, earlier_text, later_kind, later_text):
        return self.get(
            earlier__source__uid=source_uid,
            earlier__kind=earlier_kind,
            earlier__text=earlier_text,
            later__source__uid=source_uid,
            later__kind=later_kind,
            later__text=later_text,
        )


class EventOrder(models.Model):
    """The source says that one event came before another although their date ranges coincide
    or overlap (« Tôt dans la matinée du 25 juillet… plus tard dans la journée »): the quote
    holds the words that settle the order, so a chronology question may rely on it."""

    earlier = models.ForeignKey(
        Fact, verbose_name=_("avant"), on_delete=models.CASCADE, related_name="orders_as_earlier"
    )
    later = models.ForeignKey(
        Fact, verbose_name=_("après"), on_delete=models.CASCADE, related_name="orders_as_later"
    )
    quote = models.TextField(_("citation exacte"))
    quote_start = models.PositiveIntegerField(_("position de la citation"), null=True, blank=True)

    objects = EventOrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("ordre établi par la source")
        verbose_name_plural = _("ordres établis par la source")
        ordering = ["earlier__date_start", "earlier__quote_start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["earlier", "later"], name="event_order_unique_pair"),
            models.CheckConstraint(
                condition=~Q(earlier=models.F("later")), name="event_order_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.earlier} → {self.later}"

    def natural_key(self):
        """Both events come from one source (problems())."""
        return (*self.earlier.natural_key(), self.later.kind, self.later.text)

    natural_key.dependencies = ["quizzes.fact"]

    def problems(self) -> list[str]:
        """Everything that makes this order unfaithful to its source or to the two events."""
        if self.earlier_id is None or self.later_id is None:
            return ["il faut deux événements"]
        earlier, later = self.earlier, self.later
        if earlier.pk == later.pk:
            return ["un événement ne précède pas lui-même"]
        problems = []
        if earlier.kind != Fact.Kind.EVENT or later.kind != Fact.Kind.EVENT:
            problems.append("les deux faits doivent être des événements datés")
        if earlier.source_id != later.source_id:
            problems.append("les deux événements doivent venir de la même source")
        else:
            problems += factcheck.quote_problems(earlier.source.text, self.quote, self.quote_start)
        if earlier.is_dated and later.is_dated and earlier.date_start > later.date_end:
            problems.append(
                "d’après leurs dates, le premier événement ne peut pas précéder le second"
            )
        if EventOrder.objects.filter(earlier=later, later=earlier).exists():
            problems.append("la source ne peut pas aussi dire l’ordre inverse")
        return problems

    def clean(self):
        if self.earlier_id is not None:
            self.quote_start = factcheck.quote_position(
                self.earlier.source.text, self.quote, self.quote_start
            )
        if problems := self.problems():
            raise ValidationError(problems)


class OpposesQuerySet(models.QuerySet):
    def of_sources(self, sources):
        return self.filter(first__source__in=sources)

    def get_by_natural_key(self, source_uid, first_name, second_name):
        return self.get(
            first__source__uid=source_uid,
            first__name=first_name,
            second__source__uid=source_uid,
            second__name=second_name,
        )


class Opposes(models.Model):
    """The source says two sides were enemies (« les Alliés commencent leur invasion de
    l’Europe contrôlée par l’Axe »): the quote holds the words that say it, so an « l’intrus »
    question may offer a member of one side as the intruder among members of the other. Two
    sides are never taken for enemies because they differ (Badoglio's government, after its
    surrender, is neither Allied nor Axis), hence a link of its own. Symmetric: stored once,
    in either order."""

    first = models.ForeignKey(
        Entity, verbose_name=_("camp"), on_delete=models.CASCADE, related_name="+"
    )
    second = models.ForeignKey(
        Entity, verbose_name=_("camp adverse"), on_delete=models.CASCADE, related_name="+"
    )
    quote = models.TextField(_("citation exacte"))
    quote_start = models.PositiveIntegerField(_("position de la citation"), null=True, blank=True)

    objects = OpposesQuerySet.as_manager()

    class Meta:
        verbose_name = _("opposition entre deux camps")
        verbose_name_plural = _("oppositions entre camps")
        ordering = ["first__name", "second__name"]
        constraints = [
            # Either order names the same pair: A ↔ B is B ↔ A.
            models.UniqueConstraint(
                Least("first", "second"),
                Greatest("first", "second"),
                name="opposes_unique_pair",
                violation_error_message=_("Ces deux camps sont déjà dits adversaires."),
            ),
            models.CheckConstraint(
                condition=~Q(first=models.F("second")), name="opposes_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}"

    def natural_key(self):
        """Both entities come from one source (problems())."""
        return (*self.first.natural_key(), self.second.name)

    natural_key.dependencies = ["quizzes.entity"]

    @property
    def source(self) -> Source:
        return self.first.source

    def problems(self) -> list[str]:
        """Everything that makes this opposition unfaithful to its source."""
        if self.first_id is None or self.second_id is None:
            return ["il faut deux camps"]
        if self.first_id == self.second_id:
            return ["un camp ne s’oppose pas à lui-même"]
        if self.first.source_id != self.second.source_id:
            return ["les deux camps doivent venir de la même source"]
        return factcheck.quote_problems(self.source.text, self.quote, self.quote_start)

    def clean(self):
        if self.first_id is not None:
            self.quote_start = factcheck.quote_position(
                self.source.text, self.quote, self.quote_start
            )
        if problems := self.problems():
            raise ValidationError(problems)
