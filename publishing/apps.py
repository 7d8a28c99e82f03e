from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """What treatments and articles share: the publication rule, medical review, old slugs."""

    name = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from . import transitions  # noqa: F401 (connects the deletion and relation signals)
