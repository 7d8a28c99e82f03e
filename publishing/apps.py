from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """What treatments and articles share: the publication rule, medical review, old slugs."""

    name = "publishing"
    verbose_name = "Publishing"
