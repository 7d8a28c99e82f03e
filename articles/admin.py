from django.contrib import admin

from publishing.admin import PublishableAdmin

from .models import Article, Author, Tag


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = [
        "title",
        "slug",
        "author",
        "state",
        "published_at",
        "next_review_due",
        "updated_at",
    ]
    list_filter = [*PublishableAdmin.list_filter, "tags", "treatments"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [*PublishableAdmin.autocomplete_fields, "author", "treatments", "tags"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Relations", {"fields": ["author", "treatments", "tags"]}),
        *PublishableAdmin.workflow_fieldsets,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")
