"""Admin for accounts: the profiles of the accounts teachers made (one-time passwords), the
username skeletons that keep look-alike names apart, and Django's user admin refusing a name
that looks like another account's (a form error, where the constraint would give a 500)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from quizzes.forms.accounts import refuse_look_alike
from quizzes.models import AccountProfile, ActsFor, UsernameSkeleton


@admin.register(AccountProfile)
class AccountProfileAdmin(admin.ModelAdmin):
    """Who made a pupil's account, and whether its password is still a one-time password."""

    list_display = ("user", "full_name", "created_by", "must_change_password", "created_at")
    list_filter = ("must_change_password", ("created_by", admin.RelatedOnlyFieldListFilter))
    search_fields = (
        "user__username",
        "user__first_name",
        "user__last_name",
        "created_by__username",
    )
    list_select_related = ("user", "created_by")
    autocomplete_fields = ("user", "created_by")
    readonly_fields = ("created_at",)
    date_hierarchy = "created_at"

    @admin.display(description=get_user_model()._meta.get_field("first_name").verbose_name)
    def full_name(self, profile):
        return profile.user.get_full_name()


@admin.register(UsernameSkeleton)
class UsernameSkeletonAdmin(admin.ModelAdmin):
    """Computed from the usernames when accounts are saved: shown, never edited by hand."""

    list_display = ("skeleton", "user")
    search_fields = ("skeleton", "user__username")
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ActsFor)
class ActsForAdmin(admin.ModelAdmin):
    """Who acts for whom (also editable inline on each entity)."""

    list_display = ("agent", "principal")
    list_filter = ("agent__source",)
    search_fields = ("agent__name", "principal__name")
    autocomplete_fields = ("agent", "principal")
    list_select_related = ("agent", "principal")


class UserCreation(AdminUserCreationForm):
    def clean_username(self):
        return refuse_look_alike(super().clean_username())


class UserChange(UserChangeForm):
    def clean_username(self):
        return refuse_look_alike(self.cleaned_data["username"], besides=self.instance)


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class QuizsiteUserAdmin(UserAdmin):
    add_form = UserCreation
    form = UserChange
