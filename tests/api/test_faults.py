"""Faults degrade to clear problems: never a 500, never a hang."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/",
        "/api/v1/treatments/botox/",
        "/api/v1/search/?q=x",
        "/feeds/articles.json",
    ],
)
def test_a_database_outage_is_a_503_problem_with_retry_after(api, database_down, url):
    response = api.get(url)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0


def test_health_stays_up_and_readiness_goes_down_when_the_database_does(client, database_down):
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503


def test_an_oversized_query_string_is_a_400_problem(api, db):
    response = api.get("/api/v1/articles/?search=" + "x" * 5000)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_hundreds_of_unknown_parameters_are_a_400_problem(api, db):
    query = "&".join(f"p{n}=1" for n in range(1100))
    response = api.get(f"/api/v1/articles/?{query[:4000]}")
    assert response.status_code == 400
