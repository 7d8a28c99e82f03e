import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import ArticleFactory, TagFactory, TreatmentFactory

pytestmark = pytest.mark.django_db
MAIN_URL = "https://example.com/articles/whats-the-difference-between-botox-and-injected-fillers/"


@pytest.mark.parametrize("path", ["/feeds/articles.rss", "/feeds/articles.atom"])
def test_xml_feeds_parse_cleanly_and_carry_full_entries(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    [entry] = feed.entries
    assert entry.link == MAIN_URL
    assert entry.title == "What's the difference between Botox and injected fillers?"
    assert entry.summary.startswith("Botox relaxes")
    assert entry.author == "Editorial team"
    assert entry.published_parsed
    assert "partly paralysed" in entry.content[0].value
    if path.endswith(".atom"):
        assert entry.rights.startswith("Originally published by")
    else:
        assert feed.feed.rights  # RSS <copyright>


def test_json_feed_has_the_spec_s_required_fields_and_extensions(client, demo):
    response = client.get("/feeds/articles.json")
    assert response["Content-Type"] == "application/feed+json"
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and isinstance(feed["items"], list)
    [item] = feed["items"]
    assert item["id"] == item["url"] == MAIN_URL
    assert item["content_html"] and item["content_text"]
    assert item["authors"] == [{"name": "Editorial team"}]
    assert item["_medical_review"]["reviewer"]["name"]
    assert item["_medical_review"]["last_reviewed"]
    assert item["_syndication"]["robots"] == "noindex"


@pytest.mark.parametrize(
    "path", ["/feeds/articles.rss", "/feeds/articles.atom", "/feeds/articles.json"]
)
def test_feeds_filter_by_treatment_and_tag(client, path):
    treatment, tag = TreatmentFactory(published=True), TagFactory()
    wanted = ArticleFactory(published=True, title="Wanted", treatments=[treatment], tags=[tag])
    ArticleFactory(published=True, title="Other")
    for query in [{"treatment": treatment.slug}, {"tag": tag.slug}]:
        body = client.get(path, query).content.decode()
        assert wanted.canonical_url() in body
        assert "Other" not in body


@pytest.mark.parametrize(
    "query", [{"tag": "nope"}, {"treatment": "nope"}, {"status": "draft"}, {"include_drafts": "1"}]
)
def test_feed_bad_parameters_are_400_problems(client, demo, query):
    response = client.get("/feeds/articles.json", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] == next(iter(query))


@pytest.mark.parametrize(
    "path", ["/feeds/articles.rss", "/feeds/articles.atom", "/feeds/articles.json"]
)
def test_feeds_show_no_draft_or_scheduled_article_and_escape_editor_text(client, demo, path):
    ArticleFactory(published=True, title="Fish & <chips>", summary="<script>alert(1)</script>")
    body = client.get(path).content.decode()
    for hidden in ["lip-filler-faq", "seasonal-skin-care-guide", "Lip filler:", "seasonal guide"]:
        assert hidden not in body
    if path.endswith(".json"):  # JSON carries the text as data, for the reader to escape
        titles = [item["title"] for item in client.get(path).json()["items"]]
        assert "Fish & <chips>" in titles
    else:
        assert "<script>" not in body and "<chips>" not in body


def test_feeds_have_etags_and_cors(client, demo):
    response = client.get("/feeds/articles.rss", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/feeds/articles.rss", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_sitemap_lists_canonical_urls_of_published_content_with_lastmod(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(response.content)
    urls = {u.find("s:loc", namespace).text: u.find("s:lastmod", namespace).text for u in root}
    assert set(urls) == {
        "https://example.com/treatments/botox/",
        "https://example.com/treatments/dermal-fillers/",
        MAIN_URL,
    }
    assert all(urls.values())


@pytest.mark.parametrize("path", ["/feeds/articles.rss", "/feeds/articles.json", "/sitemap.xml"])
def test_feeds_and_sitemap_are_cached_and_see_a_publish_at_once(client, demo, path):
    from articles.models import Article

    first = client.get(path)
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Article.objects.get(slug="lip-filler-faq").publish()
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "lip-filler-faq" in again.content.decode()
