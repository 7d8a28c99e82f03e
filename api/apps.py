from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public read API's shared machinery: errors, paging, filters, caching, schema."""

    name = "api"
    verbose_name = "Content API"

    def ready(self):
        from . import fragments  # noqa: F401 (connects the signals that drop outdated fragments)
