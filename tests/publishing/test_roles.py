import pytest
from django.urls import reverse

from articles.models import Article
from publishing.models import Status
from tests.factories import ArticleFactory, AuthorFactory, TreatmentFactory
from treatments.models import Treatment

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:articles_article_add")


def new_article_data(**overrides):
    return article_form_data(
        Article(title="New", slug="new", summary="S.", body="<p>B</p>", author=AuthorFactory()),
        **overrides,
    )


def test_editor_can_save_a_draft(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, new_article_data(status="draft"))
    assert response.status_code == 302
    assert Article.objects.get(slug="new").status == Status.DRAFT


def test_editor_cannot_publish_in_the_form(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, new_article_data(status="published"))
    assert response.status_code == 200
    assert "You do not have permission to publish" in response.content.decode()
    assert not Article.objects.filter(slug="new").exists()


def test_editor_cannot_unpublish_a_published_article(client, editor):
    article = ArticleFactory(published=True)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, status="draft"))
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_editor_may_edit_the_text_of_a_published_article(client, editor):
    article = ArticleFactory(published=True)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, title="Fixed typo"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.is_published) == ("Fixed typo", True)


def test_publisher_can_publish_in_the_form(client, publisher):
    client.force_login(publisher)
    response = client.post(ADD_URL, new_article_data(status="published"))
    assert response.status_code == 302
    assert Article.objects.get(slug="new").is_published


@pytest.mark.parametrize(
    ("model", "factory", "changelist"),
    [
        (Article, ArticleFactory, "admin:articles_article_changelist"),
        (Treatment, TreatmentFactory, "admin:treatments_treatment_changelist"),
    ],
)
def test_editor_cannot_publish_in_bulk(client, editor, model, factory, changelist):
    drafts = factory.create_batch(2)
    client.force_login(editor)
    client.post(
        reverse(changelist),
        {"action": "publish_selected", "_selected_action": [d.pk for d in drafts], "index": 0},
    )
    assert not model.objects.published().exists()


def test_publisher_can_publish_and_unpublish_in_bulk(client, publisher):
    drafts = ArticleFactory.create_batch(2)
    client.force_login(publisher)
    url = reverse("admin:articles_article_changelist")
    selected = [d.pk for d in drafts]
    client.post(url, {"action": "publish_selected", "_selected_action": selected, "index": 0})
    assert Article.objects.published().count() == 2
    client.post(url, {"action": "unpublish_selected", "_selected_action": selected, "index": 0})
    assert Article.objects.published().count() == 0


def test_only_medical_reviewers_can_record_a_review(client, editor, medical_reviewer):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(editor)
    assert 'name="last_reviewed"' not in client.get(url).content.decode()
    client.force_login(medical_reviewer)
    assert 'name="last_reviewed"' in client.get(url).content.decode()
