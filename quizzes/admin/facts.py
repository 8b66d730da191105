"""Admin for sources, entities and facts: search, filters, the quote shown in its sentence."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from quizzes import factcheck
from quizzes.models import (
    ActsFor,
    CandidateFact,
    Entity,
    EventOrder,
    ExtractionJob,
    Fact,
    Opposes,
    Source,
)


def quote_in_context_html(fact: Fact) -> str:
    if not fact.pk or not fact.quote:
        return "—"
    before, quote, after = fact.quote_in_context()
    return format_html("…{}<mark>{}</mark>{}…", before, quote, after)


class FactInline(admin.TabularInline):
    """The source's facts, listed with a link to each: facts are edited on their own page, where
    the quote is checked against the source text."""

    model = Fact
    fields = readonly_fields = ("kind", "text", "date_label", "quote")
    show_change_link = True
    extra = 0
    can_delete = False
    ordering = ("date_start", "quote_start")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "language", "owner", "site_wide", "fact_count")
    list_filter = ("site_wide", "language")
    list_editable = ("site_wide",)
    search_fields = ("title", "author", "text", "owner__username")
    autocomplete_fields = ("owner",)
    readonly_fields = ("uid", "created_at")
    inlines = [FactInline]
    actions = ["make_site_wide"]

    @admin.action(description=_("Rendre utilisables par tous les enseignants"))
    def make_site_wide(self, request, queryset):
        queryset.update(site_wide=True)

    @admin.display(description=_("faits"))
    def fact_count(self, source):
        return source.facts.count()


class ActsForInline(admin.TabularInline):
    """Whom this entity acts for or belongs to (his government, his army, its side)."""

    model = ActsFor
    fk_name = "agent"
    autocomplete_fields = ("principal",)
    extra = 0


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "source")
    list_filter = ("kind", "source")
    search_fields = ("name",)
    inlines = [ActsForInline]


class PrecisionFilter(admin.SimpleListFilter):
    title = _("précision de la date")
    parameter_name = "precision"

    def lookups(self, request, model_admin):
        return [(value, label) for value, label in Fact.Precision.choices if value]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(date_precision=self.value())
        return queryset


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "date_label", "date_start", "date_end", "subject", "relation")
    list_filter = ("kind", "source", PrecisionFilter, "relation", "origin")
    search_fields = ("text", "quote", "object", "date_label", "subject__name")
    date_hierarchy = "date_start"
    autocomplete_fields = ("source", "subject")
    list_select_related = ("subject",)
    readonly_fields = ("quote_context", "origin", "created_by", "created_at")
    fieldsets = (
        (None, {"fields": ("source", "kind", "text", "origin", "created_by", "created_at")}),
        (
            _("Relation (pour les questions d'association)"),
            {"fields": ("subject", "relation", "object")},
        ),
        (_("Date"), {"fields": ("date_label", "date_precision", "date_start", "date_end")}),
        (_("Note de l’enseignant"), {"fields": ("teacher_note",)}),
        (
            _("Provenance"),
            {
                "fields": ("quote", "quote_start", "quote_context"),
                "description": _(
                    "La citation doit figurer mot pour mot dans la source. Laissez la position "
                    "vide pour qu'elle soit retrouvée automatiquement."
                ),
            },
        ),
    )

    @admin.display(description=_("citation dans son contexte"))
    def quote_context(self, fact):
        return quote_in_context_html(fact)


def quoted_link_html(text: str, quote: str, quote_start: int | None) -> str:
    """A link's quote (an order, an opposition) highlighted in its sentence of the source."""
    start = quote_start or 0
    before, quote, after = factcheck.sentence_around(text, start, start + len(quote))
    return format_html("…{}<mark>{}</mark>{}…", before, quote, after)


@admin.register(EventOrder)
class EventOrderAdmin(admin.ModelAdmin):
    """Orders the source states between events whose dates coincide or overlap."""

    list_display = ("earlier", "later", "quote")
    search_fields = ("earlier__text", "later__text", "quote")
    autocomplete_fields = ("earlier", "later")
    list_select_related = ("earlier", "later")
    readonly_fields = ("quote_context",)
    fields = ("earlier", "later", "quote", "quote_start", "quote_context")

    @admin.display(description=_("citation dans son contexte"))
    def quote_context(self, order):
        if not order.pk:
            return "—"
        return quoted_link_html(order.earlier.source.text, order.quote, order.quote_start)


@admin.register(Opposes)
class OpposesAdmin(admin.ModelAdmin):
    """Which sides the source says were enemies: what « l’intrus » by side relies on."""

    list_display = ("first", "second", "quote")
    list_filter = ("first__source",)
    search_fields = ("first__name", "second__name", "quote")
    autocomplete_fields = ("first", "second")
    list_select_related = ("first", "second")
    readonly_fields = ("quote_context",)
    fields = ("first", "second", "quote", "quote_start", "quote_context")

    @admin.display(description=_("citation dans son contexte"))
    def quote_context(self, opposition):
        if not opposition.pk:
            return "—"
        return quoted_link_html(opposition.source.text, opposition.quote, opposition.quote_start)


@admin.register(ExtractionJob)
class ExtractionJobAdmin(admin.ModelAdmin):
    list_display = ("source", "status", "progress", "candidates_found", "created_at", "finished_at")
    list_filter = ("status",)
    readonly_fields = ("task_id", "created_at", "started_at", "finished_at", "heartbeat_at")


@admin.register(CandidateFact)
class CandidateFactAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "date_label", "subject", "relation", "status", "source")
    list_filter = ("status", "kind", "source")
    search_fields = ("text", "quote", "subject", "object")
    raw_id_fields = ("fact", "job")
