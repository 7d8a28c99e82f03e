from django.contrib import admin

from .models import SearchSynonym


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    list_display = ["phrase", "expands_to"]
    search_fields = ["phrase", "expands_to"]
