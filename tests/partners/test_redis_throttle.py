"""Rate limits counted in Redis, as in production (skipped when no Redis is reachable)."""

import os

import pytest
from django.core.cache import caches

from partners.models import APIKey

pytestmark = pytest.mark.django_db
REDIS = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:6379/9",
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
}


@pytest.fixture
def redis_cache(settings):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # parallel workers share Redis
    settings.CACHES = {"default": {**REDIS, "KEY_PREFIX": f"test-{worker}"}}
    cache = caches["default"]
    try:
        cache.client.get_client().ping()
    except Exception:
        if os.environ.get("CI"):
            pytest.fail("Redis is not reachable at 127.0.0.1:6379")
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache.delete_pattern("*")
    yield cache
    cache.delete_pattern("*")


def test_a_key_s_limit_holds_in_redis_with_an_expiring_counter(api, demo, redis_cache):
    _, raw_key = APIKey.issue(name="App", owner="Clinic", rate="2/min")
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    statuses = [api.get("/api/v1/treatments/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    client = redis_cache.client.get_client()
    counters = client.keys("test-*throttle_key*")
    assert counters and all(0 < client.ttl(k) <= 61 for k in counters)


def test_a_redis_outage_serves_requests_unthrottled(api, demo, settings):
    settings.CACHES = {"default": {**REDIS, "LOCATION": "redis://127.0.0.1:1/0"}}
    settings.API_ANON_RATE = "1/min"
    statuses = [api.get("/api/v1/treatments/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
