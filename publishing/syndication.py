"""What partners must carry when they republish an item: canonical link, credit, licence."""

from django.conf import settings


def syndication_block(item):
    """The `syndication` block of an API item or feed entry."""
    url = item.canonical_url()
    return {
        "canonical_url": url,
        "attribution": {
            "text": f"Originally published by {settings.SITE_NAME}",
            "url": url,
        },
        "license": {"name": settings.CONTENT_LICENSE, "url": settings.CONTENT_LICENSE_URL},
        # Partner copies must not compete with the original in search results.
        "robots": "noindex",
    }
