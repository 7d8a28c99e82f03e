import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, TagFactory, TreatmentFactory

from .admin_forms import article_form_data, form_data_from_page

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


SCALARS = ["title", "slug", "summary", "body", "author_id", "status", "seo_title"]


def snapshot(record):
    """Fields and relations of an article or of a history record of one."""
    values = {name: getattr(record, name) for name in SCALARS}
    if hasattr(record, "history_id"):  # relations as that version saved them
        values["treatments"] = {row.treatment_id for row in record.treatments.all()}
        values["tags"] = {row.tag_id for row in record.tags.all()}
    else:
        values["treatments"] = set(record.treatments.values_list("pk", flat=True))
        values["tags"] = set(record.tags.values_list("pk", flat=True))
    return values


def test_restoring_any_version_brings_back_every_field_and_relation(client, publisher):
    tags = TagFactory.create_batch(3)
    treatments = TreatmentFactory.create_batch(3)
    authors = AuthorFactory.create_batch(2)
    article = ArticleFactory(title="v0", tags=[tags[0]], treatments=[treatments[0]])
    client.force_login(publisher)
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    edits = [
        {"title": "v1", "tags": [tags[1].pk], "author": authors[0].pk},
        {"title": "v2", "summary": "Changed.", "treatments": [t.pk for t in treatments[1:]]},
        {"title": "v3", "tags": [], "body": "<p>New body</p>", "seo_title": "SEO"},
        {"title": "v4", "author": authors[1].pk, "tags": [t.pk for t in tags]},
    ]
    for edit in edits:
        data = {**form_data_from_page(client.get(change_url)), **edit}
        assert client.post(change_url, data).status_code == 302
    versions = list(article.history.order_by("history_id"))[-5:]  # the factory made several
    assert [v.title for v in versions] == ["v0", "v1", "v2", "v3", "v4"]  # one per admin save

    for version in reversed(versions[:-1]):
        entries = article.history.count()
        revert_url = reverse(
            "admin:articles_article_simple_history", args=[article.pk, version.history_id]
        )
        data = form_data_from_page(client.get(revert_url))  # the restore form, posted unchanged
        assert client.post(revert_url, data).status_code == 302
        article.refresh_from_db()
        assert snapshot(article) == snapshot(version)
        assert article.history.count() == entries + 1  # restoring is itself a new entry
        assert snapshot(article.history.first()) == snapshot(version)
