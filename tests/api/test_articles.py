import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, TagFactory, TreatmentFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/"
MAIN = "whats-the-difference-between-botox-and-injected-fillers"


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_list_shows_only_the_published_article(api, demo):
    assert slugs(api.get(URL)) == [MAIN]


def test_detail_has_body_in_three_forms_and_json_ld(api, demo):
    body = api.get(f"{URL}{MAIN}/").json()
    assert {t["slug"] for t in body["treatments"]} == {"botox", "dermal-fillers"}
    assert body["body"]["html"].startswith("<p>")
    assert "partly paralysed" in body["body"]["text"]
    assert {block["type"] for block in body["body"]["blocks"]} >= {"heading", "paragraph", "list"}
    json_ld = body["json_ld"]
    assert json_ld["@type"] == "MedicalWebPage"
    assert json_ld["lastReviewed"] and json_ld["reviewedBy"]["@type"] == "Person"
    assert {item["name"] for item in json_ld["about"]} == {
        "Botox (botulinum toxin)",
        "Dermal fillers",
    }
    assert body["medical_review"]["reviewer"]["name"].startswith("Dr")


def test_list_items_do_not_carry_the_body(api, demo):
    assert "body" not in api.get(URL).json()["results"][0]


def test_filters_by_treatment_and_tag_any_of(api):
    botox, fillers = TreatmentFactory(published=True), TreatmentFactory(published=True)
    lips = TagFactory()
    a = ArticleFactory(published=True, treatments=[botox])
    b = ArticleFactory(published=True, treatments=[fillers], tags=[lips])
    ArticleFactory(published=True)
    assert slugs(api.get(URL, {"treatment": botox.slug})) == [a.slug]
    assert set(slugs(api.get(URL, {"treatment": f"{botox.slug},{fillers.slug}"}))) == {
        a.slug,
        b.slug,
    }
    assert slugs(api.get(URL, {"tag": lips.slug})) == [b.slug]


def test_filters_by_publication_dates(api):
    now = timezone.now()
    old = ArticleFactory(published=True, published_at=now - datetime.timedelta(days=30))
    new = ArticleFactory(published=True, published_at=now - datetime.timedelta(days=1))
    cut = (now - datetime.timedelta(days=10)).isoformat()
    assert slugs(api.get(URL, {"published_after": cut})) == [new.slug]
    assert slugs(api.get(URL, {"published_before": cut})) == [old.slug]
    assert slugs(api.get(URL, {"ordering": "published_at"})) == [old.slug, new.slug]
    assert slugs(api.get(URL, {"ordering": "title", "fields": "slug"}))


def test_a_draft_treatment_never_appears_inside_a_published_article(api):
    draft = TreatmentFactory(name="Secret treatment")
    public = TreatmentFactory(published=True)
    article = ArticleFactory(published=True, treatments=[draft, public])
    detail = api.get(f"{URL}{article.slug}/")
    assert [t["slug"] for t in detail.json()["treatments"]] == [public.slug]
    assert "Secret treatment" not in detail.content.decode()
    assert "Secret treatment" not in api.get(URL).content.decode()


def test_filtering_by_a_draft_treatment_is_an_unknown_slug(api):
    draft = TreatmentFactory()
    response = api.get(URL, {"treatment": draft.slug})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "treatment"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0001-01-01T00:00:10+06:00", [MAIN]), ("9999-12-31T23:59:59-05:00", [])],
)
def test_extreme_dates_are_clamped_not_errors(api, demo, value, expected):
    assert slugs(api.get(URL, {"published_after": value})) == expected


def test_a_malformed_date_is_400(api, db):
    response = api.get(URL, {"updated_since": "2020-13-01"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "updated_since"
