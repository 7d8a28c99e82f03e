"""Cached responses and ETags follow content generations: never stale, cheap when warm."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from partners.models import APIKey
from tests.factories import ArticleFactory
from treatments.models import FAQ, Concern, Treatment

pytestmark = pytest.mark.django_db
MAIN = "whats-the-difference-between-botox-and-injected-fillers"
LIST, DETAIL = "/api/v1/articles/", f"/api/v1/articles/{MAIN}/"


def slugs(api, url=LIST):
    return [item["slug"] for item in api.get(url).json()["results"]]


def test_a_warm_response_costs_one_query(api, demo, django_assert_num_queries):
    first = api.get(DETAIL)
    with django_assert_num_queries(1):  # the generations; the body comes from the cache
        again = api.get(DETAIL)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_a_conditional_request_is_answered_from_the_generation(
    api, demo, django_assert_num_queries
):
    etag = api.get(LIST)["ETag"]
    with django_assert_num_queries(1):
        response = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_responses_name_surrogate_keys_for_cdn_purges(api, demo):
    assert api.get(DETAIL)["Surrogate-Key"] == f"treatment article taxonomy article:{MAIN}"
    assert api.get("/api/v1/tags/")["Surrogate-Key"] == "taxonomy"


def test_publish_edit_and_unpublish_are_seen_at_once(api, demo):
    assert slugs(api) == [MAIN]
    draft = Article.objects.get(slug="lip-filler-faq")
    draft.publish()
    assert "lip-filler-faq" in slugs(api)
    draft.title = "Lip filler: your questions answered"
    draft.save()
    assert (
        api.get("/api/v1/articles/lip-filler-faq/").json()["title"].startswith("Lip filler: your")
    )
    draft.unpublish()
    assert slugs(api) == [MAIN]
    assert api.get("/api/v1/articles/lip-filler-faq/").status_code == 404


def test_scheduled_go_live_and_expiry_are_seen_at_once(api, demo, clock):
    live = ArticleFactory(published=True, unpublish_at=timezone.now() + datetime.timedelta(days=2))
    assert set(slugs(api)) == {MAIN, live.slug}
    clock.advance(days=3)
    assert slugs(api) == [MAIN]
    assert api.get(f"/api/v1/articles/{live.slug}/").status_code == 404
    clock.advance(days=365)
    assert "seasonal-skin-care-guide" in slugs(api)


def test_a_draft_edit_keeps_public_etags(api, demo):
    etag = api.get(LIST)["ETag"]
    draft = Article.objects.get(slug="lip-filler-faq")
    draft.title = "Private working title"
    draft.save()
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_renaming_a_concern_changes_treatment_responses(api, demo):
    before = api.get("/api/v1/treatments/?concern=wrinkles")
    concern = Concern.objects.get(slug="wrinkles")
    concern.name = "Expression lines"
    concern.save()
    after = api.get("/api/v1/treatments/?concern=wrinkles", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Expression lines" in after.content.decode()


def test_editing_a_faq_changes_the_treatment_detail(api, demo):
    url = "/api/v1/treatments/botox/"
    api.get(url)
    faq = FAQ.objects.filter(treatment__slug="botox").first()
    faq.answer = "A brand new answer."
    faq.save()
    assert "A brand new answer." in api.get(url).content.decode()


def test_renaming_a_treatment_changes_the_articles_that_show_it(api, demo):
    api.get(DETAIL)
    botox = Treatment.objects.get(slug="botox")
    botox.name = "Botulinum toxin type A"
    botox.save()
    assert "Botulinum toxin type A" in api.get(DETAIL).content.decode()


def test_a_promotional_key_never_gets_a_cached_anonymous_body(api, demo):
    url = "/api/v1/treatments/botox/"
    assert api.get(url).json()["brand_names"]
    _, raw_key = APIKey.issue(name="Ads", owner="Agency", usage="promotional")
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    assert api.get(url).json()["brand_names"] == []


def test_a_revoked_key_is_refused_even_when_the_response_is_cached(api, demo):
    key, raw_key = APIKey.issue(name="App", owner="Clinic")
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    etag = api.get(LIST)["ETag"]
    key.revoke()
    assert api.get(LIST).status_code == 401
    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 401


def test_list_counts_follow_publishing(api, demo, settings):
    settings.API_RESPONSE_CACHE = False  # the count cache works without the response cache
    assert api.get(LIST).json()["count"] == 1
    Article.objects.get(slug="lip-filler-faq").publish()
    assert api.get(LIST).json()["count"] == 2
    assert api.get(LIST, {"tag": "lips"}).json()["count"] == 1
