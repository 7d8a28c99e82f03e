"""Editor-typed strings are text everywhere they are shown: admin, feeds, sitemap, JSON-LD."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import ArticleFactory, AuthorFactory, TagFactory

pytestmark = pytest.mark.django_db

TITLE = "<script>alert('t')</script> Botox & fillers \"compared\" ]]> </title>"
SUMMARY = "<img src=x onerror=alert('s')> Summary & more"
TAG = "<b onmouseover=alert('tag')>lips</b>"
AUTHOR = "</script><script>alert('author')</script>"


@pytest.fixture
def hostile(db):
    return ArticleFactory(
        published=True,
        slug="hostile",
        title=TITLE,
        summary=SUMMARY,
        seo_title=TITLE,
        author=AuthorFactory(name=AUTHOR),
        tags=[TagFactory(slug="hostile-tag", name=TAG)],
    )


def assert_no_live_markup(html):
    for raw in ("<script>alert(", "<img src=x onerror", "<b onmouseover", "</script><script>"):
        assert raw not in html, raw


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/",
        "/admin/articles/article/{pk}/change/",
        "/admin/articles/article/{pk}/history/",
        "/admin/articles/tag/",
        "/admin/articles/article/?q=Botox",
    ],
)
def test_the_admin_shows_editor_strings_as_text(client, superuser, hostile, url):
    client.force_login(superuser)
    response = client.get(url.format(pk=hostile.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_live_markup(html)
    assert "&lt;script&gt;" in html or "&lt;b onmouseover" in html


@pytest.mark.parametrize("path", ["/feeds/articles.rss", "/feeds/articles.atom"])
def test_xml_feeds_carry_editor_strings_as_text(client, hostile, path):
    response = client.get(path)
    ET.fromstring(response.content)  # well-formed, whatever the editor typed
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    [entry] = feed.entries
    assert entry.title == TITLE  # the exact text comes back after XML unescaping
    assert_no_live_markup(response.content.decode())


def test_the_json_feed_and_the_api_carry_editor_strings_as_json_text(client, hostile):
    [item] = client.get("/feeds/articles.json").json()["items"]
    assert item["title"] == TITLE
    detail = client.get("/api/v1/articles/hostile/").json()
    assert detail["title"] == TITLE
    assert detail["json_ld"]["headline"] == TITLE  # data, for the client to escape where it embeds
    assert detail["json_ld"]["author"]["name"] == AUTHOR


def test_the_sitemap_stays_well_formed(client, hostile):
    response = client.get("/sitemap.xml")
    ET.fromstring(response.content)
    assert b"/articles/hostile/" in response.content
