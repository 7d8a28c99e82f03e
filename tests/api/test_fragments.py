"""Stored renderings (render on write) never show anything stale, for any caller."""

import pytest

from api.models import Fragment
from articles.models import Article, Tag
from partners.models import APIKey, Usage
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
ARTICLE = "whats-the-difference-between-botox-and-injected-fillers"
LIST, DETAIL = "/api/v1/articles/", f"/api/v1/articles/{ARTICLE}/"


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.API_RESPONSE_CACHE = False  # every request reads the stored fragments


def titles(api):
    return [item["title"] for item in api.get(LIST).json()["results"]]


def test_the_first_read_stores_fragments_and_later_reads_match_a_fresh_rendering(api, demo):
    first = api.get(DETAIL).content
    assert Fragment.objects.filter(kind="article", form="detail").count() == 1
    assert api.get(DETAIL).content == first
    Fragment.objects.all().delete()
    assert api.get(DETAIL).content == first


def test_an_edit_shows_at_once(api, demo):
    api.get(LIST), api.get(DETAIL)
    article = Article.objects.get(slug=ARTICLE)
    article.title = "Botox or fillers?"
    article.save()
    assert titles(api) == ["Botox or fillers?"]
    assert api.get(DETAIL).json()["title"] == "Botox or fillers?"


def test_a_relation_change_shows_at_once(api, demo):
    api.get(LIST)
    article, tag = Article.objects.get(slug=ARTICLE), Tag.objects.create(slug="new", name="New")
    article.tags.add(tag)
    assert "new" in [t["slug"] for t in api.get(LIST).json()["results"][0]["tags"]]


def test_renaming_embedded_content_shows_in_every_item_that_embeds_it(api, demo):
    api.get(LIST), api.get(DETAIL)
    botox = Treatment.objects.get(slug="botox")
    botox.name = "Botulinum toxin"
    botox.save()
    tag = Tag.objects.get(slug="injectables")
    tag.name = "Injectable treatments"
    tag.save()
    item = api.get(LIST).json()["results"][0]
    assert "Botulinum toxin" in [t["name"] for t in item["treatments"]]
    assert "Injectable treatments" in [t["name"] for t in item["tags"]]
    assert api.get(DETAIL).json()["json_ld"]["about"]


def test_sparse_fields_come_from_the_stored_form(api, demo):
    api.get(DETAIL)
    assert list(api.get(f"{DETAIL}?fields=title,slug").json()) == ["slug", "title"]
    assert list(api.get(f"{LIST}?fields=url").json()["results"][0]) == ["url"]


def test_a_promotional_key_never_gets_a_fragment_rendered_for_others(api, demo):
    botox = "/api/v1/treatments/botox/"
    assert api.get(botox).json()["brand_names"]  # stored for everyone else
    _, raw = APIKey.issue(name="Ads", owner="Clinic", usage=Usage.PROMOTIONAL)
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw}")
    assert api.get(botox).json()["brand_names"] == []
    api.credentials()
    assert api.get(botox).json()["brand_names"]


def test_a_site_setting_shown_in_items_renders_them_again(api, demo, settings):
    api.get(LIST)
    settings.SITE_URL = "https://www.clinic.example"
    assert api.get(LIST).json()["results"][0]["url"].startswith("https://www.clinic.example/")
