"""The weighting and its history in the Django admin: visible, not editable there, because a
change must go through services.weights_update() to be recorded."""

from django.contrib import admin

from .models import MatchingWeights, WeightsChange


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "occupation", "skills", "sector", "availability", "travel",
                    "driving_licence", "languages", "physical", "updated_at", "updated_by")


@admin.register(WeightsChange)
class WeightsChangeAdmin(ReadOnlyAdmin):
    list_display = ("weights", "changed_at", "changed_by", "before", "after")
