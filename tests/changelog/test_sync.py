import datetime
import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from tests.factories import ArticleFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
URL = "/api/v1/sync/"


def pull(api, replica, token=None, page_size=2, **params):
    """Follow next_token until has_more is false, applying changes to `replica`."""
    while True:
        query = {"page_size": page_size, **params, **({"token": token} if token else {})}
        response = api.get(URL, query)
        assert response.status_code == 200, response.content
        body = response.json()
        for change in body["changes"]:
            key = (change["type"], change["slug"])
            if change["action"] == "upsert":
                replica[key] = change["data"].get("title") or change["data"].get("name")
            else:
                assert change["data"] is None
                replica.pop(key, None)
        token = body["next_token"]
        if not body["has_more"]:
            return token


def server_state():
    state = {("article", a.slug): a.title for a in Article.objects.published()}
    state.update({("treatment", t.slug): t.name for t in Treatment.objects.published()})
    return state


def test_initial_download_is_everything_published_in_pages(api, demo):
    replica = {}
    pull(api, replica, page_size=1)
    assert replica == server_state()
    assert ("article", "lip-filler-faq") not in replica


def changes_since(api, token, **params):
    response = api.get(URL, {"token": token, **params})
    assert response.status_code == 200, response.content
    body = response.json()
    return [(c["type"], c["slug"], c["action"], c["reason"]) for c in body["changes"]]


def test_deltas_carry_publish_edit_unpublish_and_delete(api, demo):
    token = pull(api, {})
    draft = Article.objects.get(slug="lip-filler-faq")
    draft.publish()
    assert changes_since(api, token) == [("article", "lip-filler-faq", "upsert", "published")]
    token = pull(api, {}, token)
    draft.title = "Edited"
    draft.save()
    assert changes_since(api, token) == [("article", "lip-filler-faq", "upsert", "updated")]
    token = pull(api, {}, token)
    draft.unpublish()
    assert changes_since(api, token) == [("article", "lip-filler-faq", "delete", "unpublished")]
    token = pull(api, {}, token)
    Article.objects.get(slug="whats-the-difference-between-botox-and-injected-fillers").delete()
    assert changes_since(api, token) == [
        ("article", "whats-the-difference-between-botox-and-injected-fillers", "delete", "deleted")
    ]


def test_a_draft_edit_is_not_a_change(api, demo):
    token = pull(api, {})
    draft = Article.objects.get(slug="lip-filler-faq")
    draft.title = "Still a draft"
    draft.save()
    assert changes_since(api, token) == []


def test_a_rename_deletes_the_old_slug(api, demo):
    token = pull(api, {})
    botox = Treatment.objects.get(slug="botox")
    botox.slug = "botulinum-toxin"
    botox.save()
    changes = changes_since(api, token)
    assert ("treatment", "botox", "delete", "renamed") in changes
    assert ("treatment", "botulinum-toxin", "upsert", "updated") in changes


def test_a_treatment_change_updates_the_articles_that_show_it(api, demo):
    token = pull(api, {})
    botox = Treatment.objects.get(slug="botox")
    botox.name = "Botulinum toxin"
    botox.save()
    slug = "whats-the-difference-between-botox-and-injected-fillers"
    assert ("article", slug, "upsert", "related") in changes_since(api, token)


def test_a_scheduled_item_appears_when_its_time_passes(api, demo, clock):
    token = pull(api, {})
    assert changes_since(api, token) == []
    clock.advance(days=366)
    assert changes_since(api, token) == [
        ("article", "seasonal-skin-care-guide", "upsert", "published")
    ]


def test_an_expired_item_is_deleted_with_reason_expired(api, db, clock):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    article = ArticleFactory(published=True, unpublish_at=tomorrow)
    token = pull(api, {})
    assert changes_since(api, token) == []
    clock.advance(days=2)
    assert changes_since(api, token) == [("article", article.slug, "delete", "expired")]


def test_a_rolled_back_publish_leaves_no_change(api, demo):
    token = pull(api, {})
    with pytest.raises(RuntimeError), transaction.atomic():
        Article.objects.get(slug="lip-filler-faq").publish()
        raise RuntimeError("the editor's request failed")
    assert changes_since(api, token) == []


@pytest.mark.parametrize("token", ["nonsense", "a:b:c"])
def test_a_bad_token_is_400(api, demo, token):
    response = api.get(URL, {"token": token})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "token"


def test_a_token_only_works_for_its_type(api, demo):
    token = pull(api, {}, type="article")
    response = api.get(URL, {"token": token, "type": "treatment"})
    assert response.status_code == 400


def test_type_filter_downloads_only_that_kind(api, demo):
    replica = {}
    pull(api, replica, type="treatment")
    assert {kind for kind, _ in replica} == {"treatment"}


def test_sync_pages_use_constant_queries(api, django_assert_max_num_queries, db):
    for _ in range(30):
        ArticleFactory(published=True)
    token = pull(api, {})
    for article in Article.objects.all():
        article.title += " edited"
        article.save()
    with django_assert_max_num_queries(12):
        body = api.get(URL, {"token": token, "page_size": 100}).json()
    assert len(body["changes"]) == 30


# -- Replay property: whatever happens, a replaying client ends with the server's set. --

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["create", "publish", "unpublish", "edit", "rename", "delete", "sync"]),
        st.integers(0, 3),
        st.booleans(),
    ),
    max_size=25,
)


class Rollback(Exception):
    pass


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(operations=OPERATIONS)
def test_replaying_deltas_always_ends_with_the_server_s_published_set(
    api, db, settings, operations
):
    settings.API_ANON_RATE = "100000/min"
    cache.clear()  # each example starts from the same rolled-back generations
    try:
        with transaction.atomic():
            run_operations(api, operations)
            raise Rollback
    except Rollback:
        pass


def run_operations(api, operations):
    """Apply the operations to up to four items (made on first use), syncing on the way."""
    replica, items = {}, {}
    token = pull(api, replica)
    for counter, (action, index, flag) in enumerate(operations, start=1):
        item = items.get(index)
        if item is None:
            factory = TreatmentFactory if index % 2 else ArticleFactory
            item = items[index] = factory(published=True) if flag else factory()
            if action == "create":
                continue
        if action == "publish":
            item.publish()
        elif action == "unpublish":
            item.unpublish()
        elif action == "edit":
            if isinstance(item, Treatment):
                item.name = f"Renamed treatment {counter}"
            else:
                item.title = f"Retitled article {counter}"
            item.save()
        elif action == "rename":
            item.slug = f"{item.slug.split('--')[0]}--{counter}"
            item.save()
        elif action == "delete":
            item.delete()
            del items[index]
        elif action == "sync":
            token = pull(api, replica, token)
    pull(api, replica, token)
    assert replica == server_state()


def test_tokens_issued_with_a_timestamp_are_still_accepted(api, demo):
    from django.core import signing

    from changelog.views import SALT

    token = api.get(URL).json()["next_token"]
    state = signing.Signer(salt=SALT).unsign_object(token)
    old_style = signing.dumps(state, salt=SALT, compress=True)
    assert old_style != token
    assert api.get(URL, {"token": old_style}).json()["changes"] == []
