from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed webhooks (Standard Webhooks) to partner endpoints, from a transactional outbox."""

    name = "webhooks"
