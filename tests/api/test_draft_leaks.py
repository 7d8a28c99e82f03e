"""The draft and the scheduled article (and a draft treatment) appear on no public surface."""

import pytest

from articles.models import Article
from tests.factories import TreatmentFactory
from treatments.models import Treatment, TreatmentCombination

pytestmark = pytest.mark.django_db

SURFACES = [
    "/api/v1/articles/",
    "/api/v1/articles/?page_size=100&ordering=-updated_at",
    "/api/v1/articles/?fields=slug,title,summary,treatments",
    "/api/v1/articles/?tag=lips",
    "/api/v1/articles/?search=filler",
    "/api/v1/articles/?treatment=dermal-fillers",
    "/api/v1/articles/?published_after=2000-01-01T00:00:00Z",
    "/api/v1/treatments/",
    "/api/v1/treatments/?fields=slug,combinable_with",
    "/api/v1/treatments/botox/",
    "/api/v1/treatments/dermal-fillers/",
    "/api/v1/treatments/dermal-fillers/?fields=articles,json_ld",
    "/api/v1/articles/whats-the-difference-between-botox-and-injected-fillers/",
    "/api/v1/search/?q=filler",
    "/api/v1/search/?q=skin",
    "/api/v1/search/?q=season",
    "/api/v1/search/?q=secret",
    "/api/v1/compare/?treatments=botox,dermal-fillers",
    "/api/v1/tags/",
    "/api/v1/concerns/",
    "/api/v1/schema/",
]
HIDDEN_DETAILS = [
    "/api/v1/articles/lip-filler-faq/",
    "/api/v1/articles/seasonal-skin-care-guide/",
    "/api/v1/treatments/secret-peel/",
]


@pytest.fixture
def hidden(demo):
    """The demo's draft and scheduled articles, plus a draft treatment wired into public ones."""
    secret = TreatmentFactory(
        slug="secret-peel",
        name="Secret peel",
        summary="Unreleased secret.",
        description="<p>Secret body</p>",
    )
    botox = Treatment.objects.get(slug="botox")
    TreatmentCombination.objects.create(from_treatment=secret, to_treatment=botox, note="secret")
    Article.objects.get(
        slug="whats-the-difference-between-botox-and-injected-fillers"
    ).treatments.add(secret)
    Article.objects.get(slug="lip-filler-faq").treatments.add(botox)
    drafts = Article.objects.exclude(slug="whats-the-difference-between-botox-and-injected-fillers")
    markers = ["secret-peel", "Secret peel", "Unreleased secret", "Secret body"]
    for article in drafts:
        markers += [article.slug, article.title, article.summary, article.body_text[:40]]
    return markers


@pytest.mark.parametrize("url", SURFACES)
def test_hidden_content_appears_on_no_public_surface(api, hidden, url):
    response = api.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    text = response.content.decode()
    for marker in hidden:
        assert marker not in text, (url, marker)


@pytest.mark.parametrize("url", HIDDEN_DETAILS)
def test_hidden_details_are_404_not_403(api, hidden, url):
    assert api.get(url).status_code == 404


@pytest.mark.parametrize(
    "switch", ["status=draft", "preview=1", "include_drafts=1", "draft=true", "state=all"]
)
def test_client_set_state_switches_are_rejected(api, hidden, switch):
    response = api.get(f"/api/v1/articles/?{switch}")
    assert response.status_code == 400
    assert "lip-filler-faq" not in response.content.decode()
