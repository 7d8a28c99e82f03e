"""Signed, expiring preview tokens, each bound to one draft item."""

from django.apps import apps
from django.conf import settings
from django.core import signing

SALT = "publishing.preview"
PREVIEWABLE = {"treatments.treatment", "articles.article"}


def make_token(item):
    """A URL-safe token that names `item` and expires after PREVIEW_TOKEN_MAX_AGE."""
    return signing.dumps({"model": item._meta.label_lower, "pk": item.pk}, salt=SALT)


def item_for_token(token):
    """The item a valid token names, or None if it is tampered, expired or gone."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a subclass
        return None
    if not isinstance(payload, dict) or payload.get("model") not in PREVIEWABLE:
        return None
    model = apps.get_model(payload["model"])
    return model.objects.filter(pk=payload.get("pk")).first()


def frontend_preview_url(token):
    """The frontend's preview page for `token`, where PREVIEW_URL is configured."""
    if not settings.PREVIEW_URL:
        return ""
    if "{token}" in settings.PREVIEW_URL:
        return settings.PREVIEW_URL.replace("{token}", token)
    separator = "&" if "?" in settings.PREVIEW_URL else "?"
    return f"{settings.PREVIEW_URL}{separator}token={token}"
