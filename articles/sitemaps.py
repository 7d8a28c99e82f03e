from django.contrib.sitemaps import Sitemap

from .views import public_articles


class CanonicalSitemap(Sitemap):
    """A sitemap of canonical website URLs (SITE_URL), not of this API's host."""

    def get_urls(self, page=1, site=None, protocol=None):
        return [
            {
                "item": item,
                "location": item.canonical_url(),
                "lastmod": item.updated_at,
                "changefreq": self.changefreq,
                "priority": None,
                "alternates": [],
            }
            for item in self.paginator.page(page).object_list
        ]

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(CanonicalSitemap):
    changefreq = "weekly"

    def items(self):
        return public_articles().order_by("pk")
