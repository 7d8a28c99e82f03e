"""A backup restores to a site whose API, feeds and ETags are byte for byte the same."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from articles.models import Article
from publishing.backups import suffix
from tests.factories import ArticleFactory, TagFactory

URLS = [
    "/api/v1/articles/",
    "/api/v1/articles/?fields=slug,title,tags&ordering=title",
    "/api/v1/articles/whats-the-difference-between-botox-and-injected-fillers/",
    "/api/v1/treatments/",
    "/api/v1/treatments/botox/",
    "/api/v1/treatments/dermal-fillers/",
    "/api/v1/compare/?treatments=botox,dermal-fillers",
    "/api/v1/search/?q=wrinkles",
    "/api/v1/tags/",
    "/api/v1/sync/?page_size=3",
    "/feeds/articles.rss",
    "/feeds/articles.atom",
    "/feeds/articles.json",
    "/sitemap.xml",
]


def responses():
    cache.clear()  # rendered from the database, not remembered
    client = Client()
    seen = {}
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = (response.content, response.get("ETag"), response.get("Last-Modified"))
    return seen


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_a_backup_gives_byte_identical_responses(tmp_path, demo):
    extra = ArticleFactory(published=True, slug="extra", tags=[TagFactory(slug="lips")])
    extra.title = "Extra, edited"  # history, generations and the change stream move on
    extra.save()
    before = responses()
    path = tmp_path / f"site{suffix()}"
    history = extra.history.count()
    call_command("backup", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115

    Article.objects.filter(slug="extra").delete()  # the site moves on after the backup
    ArticleFactory(published=True, slug="after-the-backup")
    assert responses() != before

    call_command("restore", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = responses()
    for url in URLS:
        assert after[url] == before[url], url
    assert Article.objects.get(slug="extra").history.count() == history  # none added by loading
