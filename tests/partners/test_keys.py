import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import APIKey, hash_secret

pytestmark = pytest.mark.django_db
URL = "/api/v1/treatments/"


def with_key(api, raw_key):
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    return api


def assert_401(response):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Api-Key")


def test_a_valid_key_is_served_and_counted(api, demo):
    key, raw_key = APIKey.issue(name="App", owner="Clinic")
    assert with_key(api, raw_key).get(URL).status_code == 200
    assert with_key(api, raw_key).get(URL).status_code == 200
    key.refresh_from_db()
    assert key.request_count == 2 and key.last_used_at


def test_only_a_hash_of_the_key_is_stored(db):
    key, raw_key = APIKey.issue(name="App", owner="Clinic")
    assert raw_key not in (key.hashed_key, key.prefix)
    assert key.hashed_key == hash_secret(raw_key)


@pytest.mark.parametrize(
    "header", ["Api-Key nope", "Api-Key abcd1234.wrong", "Bearer something", "Api-Key "]
)
def test_a_wrong_key_is_401_never_anonymous(api, demo, header):
    api.credentials(HTTP_AUTHORIZATION=header)
    assert_401(api.get(URL))


def test_a_revoked_key_is_refused_on_the_very_next_request(api, demo):
    key, raw_key = APIKey.issue(name="App", owner="Clinic")
    assert with_key(api, raw_key).get(URL).status_code == 200
    key.revoke()
    assert_401(with_key(api, raw_key).get(URL))


def test_an_expired_key_is_refused(api, demo):
    _, raw_key = APIKey.issue(
        name="App", owner="Clinic", expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert_401(with_key(api, raw_key).get(URL))


def test_each_key_has_its_own_limit(api, demo):
    _, small = APIKey.issue(name="Small", owner="A", rate="2/min")
    _, other = APIKey.issue(name="Other", owner="B", rate="2/min")
    for _ in range(2):
        response = with_key(api, small).get(URL)
        assert response.status_code == 200
    limit, remaining, reset = (part.split("=")[1] for part in response["RateLimit"].split(", "))
    assert (limit, remaining) == ("2", "0") and 1 <= int(reset) <= 61
    refused = with_key(api, small).get(URL)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert int(refused["Retry-After"]) > 0
    assert refused["RateLimit-Policy"] == "2;w=60"
    assert with_key(api, other).get(URL).status_code == 200


def test_anonymous_clients_are_limited_per_address_and_xff_does_not_reset(api, demo, settings):
    settings.API_ANON_RATE = "3/min"
    statuses = [api.get(URL, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    other_client = api.get(URL, REMOTE_ADDR="198.51.100.7")
    assert other_client.status_code == 200


def test_key_default_rate_comes_from_the_environment_setting(api, demo, settings):
    settings.API_KEY_RATE = "1/min"
    _, raw_key = APIKey.issue(name="App", owner="Clinic")
    assert with_key(api, raw_key).get(URL).status_code == 200
    assert with_key(api, raw_key).get(URL).status_code == 429


def test_promotional_keys_get_prescription_only_treatments_without_brand_names(api, demo):
    _, promotional = APIKey.issue(name="Ads", owner="Agency", usage="promotional")
    _, editorial = APIKey.issue(name="News", owner="Publisher")
    assert with_key(api, promotional).get(f"{URL}botox/").json()["brand_names"] == []
    assert "Botox" in with_key(api, editorial).get(f"{URL}botox/").json()["brand_names"]
    api.credentials()  # anonymous again: our own website and apps
    assert "Botox" in api.get(f"{URL}botox/").json()["brand_names"]
    fillers = with_key(api, promotional).get(f"{URL}dermal-fillers/").json()
    assert fillers["brand_names"]  # not prescription-only


def test_responses_vary_on_authorization(api, demo):
    assert "Authorization" in api.get(URL)["Vary"]


def test_the_admin_shows_a_new_key_once(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:partners_apikey_add"),
        {
            "name": "App",
            "owner": "Clinic",
            "usage": "editorial",
            "rate": "",
            "expires_at_0": "",
            "expires_at_1": "",
        },
        follow=True,
    )
    message = next(str(m) for m in response.context["messages"])
    raw_key = message.split("The new key is ")[1].split(" ")[0]
    key = APIKey.objects.get()
    assert key.hashed_key == hash_secret(raw_key)
    change_page = client.get(reverse("admin:partners_apikey_change", args=[key.pk]))
    assert raw_key not in change_page.content.decode()


def test_the_admin_refuses_a_bad_rate(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:partners_apikey_add"),
        {"name": "App", "owner": "Clinic", "usage": "editorial", "rate": "lots"},
    )
    assert response.status_code == 200
    assert "per period" in response.content.decode()
    assert not APIKey.objects.exists()
