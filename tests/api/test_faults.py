"""Faults degrade to clear problems: never a 500, never a hang."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper

from project.redis import FailFastConnection
from publishing import generations

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


@pytest.fixture
def tarpit():
    """A server that accepts connections and never answers: a hung database or Redis."""
    listener = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection_ in [*held, listener]:
        connection_.close()


HUNG_DATABASE_PROBE = """
import json, time, django
django.setup()
from django.test import Client
client, results = Client(), {}
for path in ["/healthz", "/readyz", "/api/v1/articles/", "/feeds/articles.rss"]:
    start = time.monotonic()
    response = client.get(path)
    results[path] = [response.status_code, response.get("Retry-After"),
                     response["Content-Type"], time.monotonic() - start]
print(json.dumps(results))
"""


def test_a_hung_database_is_answered_within_3_seconds_never_a_500(tarpit):
    """The server accepts the connection and never speaks: the worst kind of outage."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{tarpit}/content",
        "CACHE_URL": "locmemcache://",
    }
    env.pop("REDIS_URL", None)
    probe = subprocess.run(
        [sys.executable, "-c", HUNG_DATABASE_PROBE],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr[-2000:]
    results = json.loads(probe.stdout.strip().splitlines()[-1])
    healthz, readyz, api, feed = results.values()
    assert healthz[0] == 200 and healthz[3] < 0.5
    assert readyz[0] == 503 and readyz[3] < 3
    for status, retry_after, content_type, seconds in (api, feed):
        assert (status, content_type) == (503, "application/problem+json")
        assert int(retry_after) > 0 and seconds < 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement timeout")
def test_postgresql_cuts_a_slow_query_with_a_503(api, demo, monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"  # from the settings, for every web connection
        cursor.execute("SET statement_timeout = 200")
    real_read = generations._read

    def slow_read():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(3)")
        return real_read()

    monkeypatch.setattr(generations, "_read", slow_read)
    start = time.monotonic()
    response = api.get("/api/v1/articles/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert time.monotonic() - start < 1


def test_a_hung_redis_costs_at_most_half_a_second_then_nothing(api, demo, settings, tarpit):
    def timed(path="/api/v1/articles/"):
        start = time.monotonic()
        response = api.get(path)
        assert response.status_code == 200
        return response, time.monotonic() - start

    timed()
    healthy, baseline = timed()  # local memory cache: warm
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{tarpit}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
            },
        }
    }
    FailFastConnection._down_until = 0.0
    durations = []
    for _ in range(5):
        response, seconds = timed()
        assert response.content == healthy.content  # correct content, from the database
        durations.append(seconds)
    assert max(durations) < baseline + 0.5, durations
    assert sum(durations[1:]) < 4 * baseline + 0.5, durations  # later requests do not wait
