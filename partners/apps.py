from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partner API keys: authentication, per-key rate limits, usage."""

    name = "partners"

    def ready(self):
        from . import schema  # noqa: F401 (registers the OpenAPI security scheme)
