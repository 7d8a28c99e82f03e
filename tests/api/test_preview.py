import pytest
from django.core import signing

from articles.models import Article
from publishing.preview import make_token
from tests.factories import TreatmentFactory

pytestmark = pytest.mark.django_db


def preview(api, token):
    return api.get(f"/api/v1/preview/{token}/")


def test_a_valid_token_shows_the_draft_privately(api, demo):
    draft = Article.objects.get(slug="lip-filler-faq")
    response = preview(api, make_token(draft))
    assert response.status_code == 200
    body = response.json()
    assert (body["type"], body["status"], body["is_published"]) == ("article", "draft", False)
    assert body["item"]["slug"] == "lip-filler-faq"
    assert body["item"]["body"]["html"]
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["ETag"]


def test_a_treatment_draft_can_be_previewed(api, db):
    draft = TreatmentFactory(name="Not yet live")
    assert preview(api, make_token(draft)).json()["item"]["name"] == "Not yet live"


def test_a_tampered_token_is_404(api, demo):
    token = make_token(Article.objects.get(slug="lip-filler-faq"))
    assert preview(api, token[:-2] + ("AA" if token[-2:] != "AA" else "BB")).status_code == 404


def test_a_token_for_another_item_cannot_be_forged(api, demo):
    draft = Article.objects.get(slug="lip-filler-faq")
    other = Article.objects.get(slug="seasonal-skin-care-guide")
    token = make_token(draft)
    payload, rest = token.split(":", 1)
    forged = signing.dumps({"model": "articles.article", "pk": other.pk}, salt="wrong")
    assert preview(api, forged).status_code == 404
    assert preview(api, f"{payload}x:{rest}").status_code == 404


def test_an_expired_token_is_404(api, demo, settings):
    token = make_token(Article.objects.get(slug="lip-filler-faq"))
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    assert preview(api, token).status_code == 404


def test_a_token_for_a_deleted_item_is_404(api, demo):
    draft = Article.objects.get(slug="lip-filler-faq")
    token = make_token(draft)
    draft.delete()
    assert preview(api, token).status_code == 404
