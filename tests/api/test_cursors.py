"""Cursor paging walks a list exactly as page numbers do, and keeps its place under change."""

import datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def get(api, url, **params):
    """GET `url` (which may carry a query already) with `params` added."""
    separator = "&" if "?" in url else "?"
    return api.get(f"{url}{separator}{urlencode(params)}" if params else url)


@pytest.fixture
def articles(db):
    now = timezone.now()
    for i in range(11):  # pairs share a publish time: the primary key breaks the tie
        ArticleFactory(
            published=True,
            title=f"Article {i % 4}",
            published_at=now - datetime.timedelta(hours=i // 2 + 1),
        )
    TreatmentFactory.create_batch(7, published=True)


def walk_pages(api, url):
    slugs, page = [], 1
    while True:
        body = get(api, url, page=page).json()
        slugs += [item["slug"] for item in body["results"]]
        if not body["next"]:
            return slugs
        page += 1


def cursor_in(link):
    return parse_qs(urlsplit(link).query)["cursor"][0] if link else None


def walk_cursors(api, url):
    return walk_cursors_from(api, url, "start")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/?page_size=3",
        "/api/v1/articles/?page_size=3&ordering=title",
        "/api/v1/articles/?page_size=4&ordering=-title,published_at",
        "/api/v1/treatments/?page_size=2&ordering=-name",
    ],
)
def test_cursors_walk_the_same_items_as_page_numbers(api, articles, url):
    by_pages = walk_pages(api, url)
    assert len(by_pages) == len(set(by_pages)) > 5
    assert walk_cursors(api, url) == by_pages


def test_a_cursor_keeps_its_place_when_content_is_published_in_between(api, articles):
    url = "/api/v1/articles/?page_size=4"
    first = get(api, url, cursor="start").json()
    seen = [item["slug"] for item in first["results"]]
    ArticleFactory(published=True, slug="brand-new", published_at=timezone.now())  # on top
    rest = walk_cursors_from(api, url, cursor_in(first["next"]))
    assert "brand-new" not in rest and not set(seen) & set(rest)
    assert len(seen) + len(rest) == 11


def walk_cursors_from(api, url, cursor):
    slugs = []
    while cursor:
        body = get(api, url, cursor=cursor).json()
        assert set(body) == {"count", "next", "previous", "results"}  # the contract's envelope
        slugs += [item["slug"] for item in body["results"]]
        cursor = cursor_in(body["next"])
    return slugs


def test_cursor_with_a_page_number_skips_whole_pages_after_it(api, articles):
    url = "/api/v1/articles/?page_size=2"
    cursor = cursor_in(get(api, url, cursor="start").json()["next"])
    third_page = [a["slug"] for a in get(api, url, page=3).json()["results"]]
    second_after = get(api, url, cursor=cursor, page=2).json()
    assert [a["slug"] for a in second_after["results"]] == third_page
    assert "page=" not in second_after["next"] and "cursor=" in second_after["next"]


@pytest.mark.parametrize(
    ("cursor", "ordering", "detail"),
    [("forged", None, "Not a cursor"), (None, "title", "another `ordering`")],
)
def test_a_foreign_or_forged_cursor_is_a_400_problem(api, articles, cursor, ordering, detail):
    cursor = cursor or cursor_in(
        get(api, "/api/v1/articles/?page_size=2", cursor="start").json()["next"]
    )
    query = {"cursor": cursor, **({"ordering": ordering} if ordering else {})}
    response = api.get("/api/v1/articles/", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["errors"][0]["detail"]


def test_a_page_far_past_the_end_after_a_cursor_is_empty(api, articles):
    body = get(api, "/api/v1/articles/", cursor="start", page=2**70).json()
    assert body["results"] == [] and body["next"] is None


def test_the_last_cursor_page_ends_the_walk(api, articles):
    body = get(api, "/api/v1/articles/?page_size=11", cursor="start").json()
    assert body["next"] is None and len(body["results"]) == body["count"] == 11
