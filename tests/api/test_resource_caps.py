"""Oversized inputs are refused quickly with a problem, before any expensive work."""

import time

import pytest

pytestmark = pytest.mark.django_db

OVERSIZED = {
    "search text": "/api/v1/search/?q=" + "botox " * 60,
    "list search": "/api/v1/articles/?search=" + "w" * 400,
    "fields": "/api/v1/articles/?fields=" + ",".join(["title"] * 200),
    "slug list": "/api/v1/articles/?tag=" + ",".join(f"t{n}" for n in range(300)),
    "compare list": "/api/v1/compare/?treatments=" + ",".join(f"t{n}" for n in range(300)),
    "ordering": "/api/v1/articles/?ordering=" + ",".join(["title"] * 100),
    "query string": "/api/v1/articles/?search=" + "x" * 5000,
    "sync token": "/api/v1/sync/?token=" + "a" * 3000,
}


@pytest.mark.parametrize("url", OVERSIZED.values(), ids=OVERSIZED.keys())
def test_oversized_parameters_are_a_quick_400_problem(api, demo, url):
    start = time.monotonic()
    response = api.get(url)
    assert response.status_code in (400, 414), response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert time.monotonic() - start < 0.5


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/search/", "/feeds/articles.json"])
def test_a_request_body_is_refused_not_read(client, db, path):
    response = client.generic("POST", path, b"x" * 3_000_000, content_type="application/json")
    assert response.status_code in (405, 413)
    assert response["Content-Type"] == "application/problem+json"
