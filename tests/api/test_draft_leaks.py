"""Draft, scheduled, expired and archived content appears on no public surface, for any caller.

Every surface (lists, details, filters, ordering, `?fields=`, embedded relations, `json_ld`,
search, compare, sync initial and delta, the three feeds, the sitemap, taxonomies, the schema)
is fetched by every kind of caller (anonymous, editorial key, promotional key, revoked key), and
the hidden items' slugs, titles and body excerpts must appear in none of the responses.
"""

import pytest
from rest_framework.test import APIClient

from articles.models import Article, Tag
from partners.models import APIKey, Usage
from tests.factories import ArticleFactory, TreatmentFactory
from treatments.models import Treatment, TreatmentCombination

pytestmark = pytest.mark.django_db

PUBLIC_ARTICLE = "whats-the-difference-between-botox-and-injected-fillers"
SURFACES = [
    "/api/v1/articles/",
    "/api/v1/articles/?page_size=100&ordering=-updated_at",
    "/api/v1/articles/?page_size=100&ordering=title",
    "/api/v1/articles/?fields=slug,title,summary,treatments",
    "/api/v1/articles/?tag=lips",
    "/api/v1/articles/?search=filler",
    "/api/v1/articles/?treatment=dermal-fillers",
    "/api/v1/articles/?published_after=2000-01-01T00:00:00Z",
    f"/api/v1/articles/{PUBLIC_ARTICLE}/",
    f"/api/v1/articles/{PUBLIC_ARTICLE}/?fields=treatments,json_ld,tags",
    "/api/v1/treatments/",
    "/api/v1/treatments/?page_size=100&ordering=-updated_at",
    "/api/v1/treatments/?fields=slug,combinable_with",
    "/api/v1/treatments/?concern=wrinkles",
    "/api/v1/treatments/botox/",
    "/api/v1/treatments/botox/?fields=combinable_with,json_ld,articles",
    "/api/v1/treatments/dermal-fillers/",
    "/api/v1/treatments/dermal-fillers/?fields=articles,json_ld",
    "/api/v1/search/?q=filler",
    "/api/v1/search/?q=skin",
    "/api/v1/search/?q=season",
    "/api/v1/search/?q=secret",
    "/api/v1/search/?q=peel&type=treatment",
    "/api/v1/compare/?treatments=botox,dermal-fillers",
    "/api/v1/tags/",
    "/api/v1/concerns/",
    "/api/v1/areas/",
    "/api/v1/categories/",
    "/api/v1/sync/",
    "/api/v1/sync/?type=article&page_size=100",
    "/api/v1/schema/",
    "/feeds/articles.rss",
    "/feeds/articles.atom",
    "/feeds/articles.json",
    "/feeds/articles.json?treatment=botox",
    "/feeds/articles.rss?tag=lips",
    "/sitemap.xml",
]
HIDDEN_DETAILS = [
    "/api/v1/articles/lip-filler-faq/",
    "/api/v1/articles/seasonal-skin-care-guide/",
    "/api/v1/articles/expired-offer/",
    "/api/v1/articles/archived-piece/",
    "/api/v1/treatments/secret-peel/",
]


@pytest.fixture
def hidden(demo):
    """The demo's draft and scheduled articles, an expired and an archived one, and a draft
    treatment wired into public ones (combination, article relation)."""
    secret = TreatmentFactory(
        slug="secret-peel",
        name="Secret peel",
        summary="Unreleased secret.",
        description="<p>Secret body</p>",
    )
    botox = Treatment.objects.get(slug="botox")
    TreatmentCombination.objects.create(from_treatment=secret, to_treatment=botox, note="secret")
    lips = Tag.objects.get(slug="lips")
    for trait, slug in [("expired", "expired-offer"), ("archived", "archived-piece")]:
        article = ArticleFactory(
            slug=slug,
            title=f"Hidden {slug} title",
            body="<p>Hidden ribbon text</p>",
            **{trait: True},
        )
        article.treatments.add(botox)
        article.tags.add(lips)
    Article.objects.get(slug="lip-filler-faq").treatments.add(botox)
    markers = ["secret-peel", "Secret peel", "Unreleased secret", "Secret body", "Hidden ribbon"]
    for article in Article.objects.exclude(slug=PUBLIC_ARTICLE):
        markers += [article.slug, article.title, article.summary, article.body_text[:40]]
    return [marker for marker in markers if marker]


@pytest.fixture
def delta_token(demo):
    """A sync token taken before the hidden content was wired into public items."""
    return APIClient().get("/api/v1/sync/?page_size=100").json()["next_token"]


@pytest.fixture
def after_hidden_changes(delta_token, hidden):
    """The public article now points at the draft treatment: its delta must not show it."""
    secret = Treatment.objects.get(slug="secret-peel")
    Article.objects.get(slug=PUBLIC_ARTICLE).treatments.add(secret)
    draft = Article.objects.get(slug="lip-filler-faq")
    draft.title = "Lip filler FAQ, edited while a draft"
    draft.save()
    return [*hidden, draft.title]


def _key(usage=None, revoked=False):
    key, raw = APIKey.issue(name="Partner", owner="Clinic", **({"usage": usage} if usage else {}))
    if revoked:
        key.revoke()
    return raw


CALLERS = {
    "anonymous": lambda: None,
    "editorial key": lambda: _key(),
    "promotional key": lambda: _key(Usage.PROMOTIONAL),
    "revoked key": lambda: _key(revoked=True),
}


@pytest.fixture(params=list(CALLERS))
def caller(request, api, db):
    raw_key = CALLERS[request.param]()
    if raw_key:
        api.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    api.expected_status = 401 if request.param == "revoked key" else 200
    return api


def assert_hides(response, markers, url):
    text = response.content.decode()
    for marker in markers:
        assert marker not in text, (url, marker)


@pytest.mark.parametrize("url", SURFACES)
def test_hidden_content_appears_on_no_public_surface(caller, after_hidden_changes, url):
    response = caller.get(url)
    expected = caller.expected_status
    if url.startswith(("/feeds/", "/sitemap")):
        expected = 200  # Open to all: a key is neither needed nor checked there.
    assert response.status_code == expected, (url, response.content[:300])
    assert_hides(response, after_hidden_changes, url)
    if response.status_code == 401:
        assert response.json()["status"] == 401  # JSON problem, even from the YAML schema view


def test_the_delta_after_hidden_changes_shows_none_of_them(api, delta_token, after_hidden_changes):
    response = api.get(f"/api/v1/sync/?token={delta_token}&page_size=100")
    body = response.json()
    assert [c["slug"] for c in body["changes"]] == [PUBLIC_ARTICLE]  # the relation changed
    assert_hides(response, after_hidden_changes, "sync delta")


@pytest.mark.parametrize("url", HIDDEN_DETAILS)
def test_hidden_details_are_404_not_403(caller, hidden, url):
    """The same 404 as for a slug that never existed (the path is echoed as `instance`)."""
    response = caller.get(url)
    assert response.status_code == (404 if caller.expected_status == 200 else 401)
    slug = url.rstrip("/").rsplit("/", 1)[1].encode()
    missing = caller.get(url.replace(slug.decode(), "never-existed"))
    assert response.content.replace(slug, b"never-existed") == missing.content


@pytest.mark.parametrize(
    "switch",
    ["status=draft", "preview=1", "include_drafts=1", "draft=true", "state=all", "is_listed=0"],
)
def test_client_set_state_switches_are_rejected(api, hidden, switch):
    response = api.get(f"/api/v1/articles/?{switch}")
    assert response.status_code == 400
    assert_hides(response, hidden, switch)


@pytest.mark.parametrize(
    "parameter", ["/api/v1/articles/?treatment={}", "/api/v1/compare/?treatments=botox,{}"]
)
def test_a_hidden_slug_is_answered_exactly_like_a_missing_one(api, hidden, parameter):
    """No existence oracle: a draft's slug and a slug that never existed get the same answer."""
    draft = api.get(parameter.format("secret-peel"))
    missing = api.get(parameter.format("nothing-here"))
    assert draft.status_code == missing.status_code == 400
    assert draft.content.replace(b"secret-peel", b"nothing-here") == missing.content
