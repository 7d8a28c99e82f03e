import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def test_every_admin_save_is_in_the_history_with_who_made_it(client, publisher):
    article = ArticleFactory(title="First")
    client.force_login(publisher)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(url, article_form_data(article, title="Second"))
    latest = article.history.first()
    assert (latest.title, latest.history_user) == ("Second", publisher)
    history_page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "publisher" in history_page.content.decode()


def test_restoring_an_earlier_version_brings_its_fields_back(client, publisher):
    article = ArticleFactory(title="Original title", summary="Original summary.")
    client.force_login(publisher)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(change_url, article_form_data(article, title="Edited", summary="Edited."))
    original = article.history.earliest()
    revert_url = reverse(
        "admin:articles_article_simple_history", args=[article.pk, original.history_id]
    )
    assert client.get(revert_url).status_code == 200
    response = client.post(revert_url, article_form_data(original.instance))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Original title", "Original summary.")
    assert article.history.count() == 3


def test_an_editor_cannot_publish_by_restoring_a_published_version(client, editor, publisher):
    article = ArticleFactory(published=True, title="Live")
    article.unpublish()
    published_version = article.history.last()
    assert published_version.status == "published"
    client.force_login(editor)
    revert_url = reverse(
        "admin:articles_article_simple_history", args=[article.pk, published_version.history_id]
    )
    response = client.post(revert_url, article_form_data(published_version.instance))
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == "draft"
