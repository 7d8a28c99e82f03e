from articles.sitemaps import CanonicalSitemap

from .views import public_treatments


class TreatmentSitemap(CanonicalSitemap):
    changefreq = "monthly"

    def items(self):
        return public_treatments().order_by("pk")
