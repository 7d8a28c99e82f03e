from django.apps import AppConfig


class ChangelogConfig(AppConfig):
    """The ordered stream of changes to the public set, behind delta sync."""

    name = "changelog"
    verbose_name = "Change log"
