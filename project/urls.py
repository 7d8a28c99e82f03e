from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from api.caching import generation_cached
from api.health import healthz, readyz
from articles.feeds import ArticleAtomFeed, ArticleRssFeed, json_feed
from articles.sitemaps import ArticleSitemap
from treatments.sitemaps import TreatmentSitemap

feed_cache = generation_cached("treatment", "article", "taxonomy")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("feeds/articles.rss", feed_cache(ArticleRssFeed()), name="feed-rss"),
    path("feeds/articles.atom", feed_cache(ArticleAtomFeed()), name="feed-atom"),
    path("feeds/articles.json", feed_cache(json_feed), name="feed-json"),
    path(
        "sitemap.xml",
        feed_cache(sitemap),
        {"sitemaps": {"treatments": TreatmentSitemap, "articles": ArticleSitemap}},
        name="sitemap",
    ),
]

handler400 = "api.problems.bad_request"
handler403 = "api.problems.permission_denied"
handler404 = "api.problems.page_not_found"
handler500 = "api.problems.server_error"
