import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db
MAIN = "/api/v1/articles/whats-the-difference-between-botox-and-injected-fillers/"
GET_URLS = [
    "/api/v1/treatments/",
    "/api/v1/treatments/botox/",
    "/api/v1/articles/",
    MAIN,
    "/api/v1/concerns/",
    "/api/v1/areas/",
    "/api/v1/categories/",
    "/api/v1/tags/",
    "/api/v1/compare/?treatments=botox,dermal-fillers",
    "/api/v1/search/?q=botox",
    "/api/v1/schema/",
]


@pytest.mark.parametrize("url", GET_URLS)
def test_every_successful_get_has_an_etag_and_answers_304_to_it(api, demo, url):
    first = api.get(url)
    assert first.status_code == 200
    assert first["ETag"]
    assert "Cache-Control" in first
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize(
    "url", [MAIN, "/api/v1/articles/", "/api/v1/search/?q=botox", "/api/v1/treatments/botox/"]
)
def test_an_edit_changes_the_etag_of_every_response_showing_it_at_once(api, demo, url):
    before = api.get(url)["ETag"]
    article = Article.objects.get(slug="whats-the-difference-between-botox-and-injected-fillers")
    article.title = "A new title"
    article.save()
    after = api.get(url, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


def test_publishing_shows_up_in_the_list_at_once(api, db):
    draft = ArticleFactory()
    etag = api.get("/api/v1/articles/")["ETag"]
    draft.publish()
    response = api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert [a["slug"] for a in response.json()["results"]] == [draft.slug]


def test_detail_has_last_modified(api, demo):
    assert api.get("/api/v1/treatments/botox/")["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize(
    "url", ["/api/v1/treatments/nope/", "/api/v1/articles/lip-filler-faq/", "/api/v1/nowhere/"]
)
def test_not_found_is_a_problem(api, demo, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == 404


def test_writes_are_405_problems(api, demo):
    response = api.post("/api/v1/treatments/", {}, format="json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]


def test_html_accept_header_still_gets_json(api, demo):
    response = api.get("/api/v1/treatments/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_cors_is_open_for_the_api_and_closed_for_the_admin(api, demo):
    origin = {"HTTP_ORIGIN": "https://partner.example"}
    assert api.get("/api/v1/treatments/", **origin)["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in api.get("/admin/login/", **origin)


def test_old_slug_redirects_to_the_current_one(api, demo):
    article = Article.objects.get(slug="whats-the-difference-between-botox-and-injected-fillers")
    article.slug = "botox-vs-fillers"
    article.save()
    response = api.get(MAIN + "?fields=slug")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/articles/botox-vs-fillers/?fields=slug"
    assert api.get(response["Location"]).json() == {"slug": "botox-vs-fillers"}


def test_old_slug_of_an_unpublished_item_is_404(api, db):
    treatment = TreatmentFactory(published=True, slug="old-name")
    treatment.slug = "new-name"
    treatment.save()
    treatment.unpublish()
    assert api.get("/api/v1/treatments/old-name/").status_code == 404


def test_healthz_and_readyz(client, db):
    assert client.get(reverse("healthz")).json() == {"status": "ok"}
    assert client.get(reverse("readyz")).status_code == 200


def test_readyz_is_503_when_the_database_is_down(client, db, monkeypatch):
    from django.db import OperationalError, connection

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    assert client.get(reverse("readyz")).status_code == 503
    assert client.get(reverse("healthz")).status_code == 200
