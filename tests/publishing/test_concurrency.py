"""Two editors on one article: a stale form never silently overwrites the other's work."""

import random

import pytest
from django.contrib.admin import site
from django.contrib.auth.models import Group, User
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

from .admin_forms import form_data_from_page

pytestmark = pytest.mark.django_db
STALE = "after you opened it"


class Editor:
    """An editor's browser tab: open the change form, type, save.

    Requests go through the admin's own change view (permissions, transaction, save, history)
    but skip rendering the HTML, which a hundred interleavings would otherwise spend most of
    their time on; the last test below goes through the whole stack.
    """

    def __init__(self, name, url):
        self.user = User.objects.create_user(name, password="pw", is_staff=True)
        self.user.groups.add(Group.objects.get(name="Editor"))
        self.name, self.url = name, url
        self.form = None  # data of the open form, None when no form is open
        self.base = None  # the version the open form will be checked against

    def request(self, method, data=None):
        request = getattr(RequestFactory(), method)(self.url, data)
        request.user, request._dont_enforce_csrf_checks = self.user, True
        request.session, request._messages = {}, CookieStorage(request)
        article_id = self.url.rstrip("/").split("/")[-2]
        return site._registry[Article].change_view(request, article_id)

    def open(self, version):
        page = self.request("get")
        assert page.status_code == 200
        self.form, self.base = form_data_from_page(page), version

    def save(self, title):
        return self.request("post", {**self.form, "title": title})


def stored_title(article):
    article.refresh_from_db()
    return article.title


@pytest.mark.parametrize("seed", range(100))
def test_random_interleavings_of_two_editors_never_overwrite_silently(seed):
    rng = random.Random(seed)
    article = ArticleFactory(title="Version 0")
    url = reverse("admin:articles_article_change", args=[article.pk])
    editors = [Editor("alice", url), Editor("bob", url)]
    version, expected_title = 0, "Version 0"
    for step in range(8):
        editor = rng.choice(editors)
        if editor.form is None or rng.random() < 0.25:
            editor.open(version)
            continue
        title = f"{editor.name} step {step}"
        response = editor.save(title)
        if editor.base == version:  # nobody saved since this form was loaded (or re-shown)
            assert response.status_code == 302, response.content[:400]
            version, expected_title = version + 1, title
            editor.form = None
        else:
            assert response.status_code == 200
            form = response.context_data["adminform"].form
            assert STALE in str(form.non_field_errors())
            assert form["title"].value() == title  # the input is still in the form
            editor.form, editor.base = form_data_from_page(response), version
        assert stored_title(article) == expected_title
    assert article.history.count() == version + 1


def test_the_refusal_names_who_saved_and_a_deliberate_second_save_wins(client, editor):
    """Through the whole stack: login session, CSRF middleware, rendered page."""
    article = ArticleFactory(title="Original")
    url = reverse("admin:articles_article_change", args=[article.pk])
    alice, bob = Client(), Client()
    alice.force_login(editor)
    bob.force_login(Editor("bob", url).user)
    alice_form = form_data_from_page(alice.get(url))
    bob_form = form_data_from_page(bob.get(url))
    assert alice.post(url, {**alice_form, "title": "Alice's title"}).status_code == 302
    refused = bob.post(url, {**bob_form, "title": "Bob's title"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "changed by editor" in page and STALE in page
    assert 'value="Bob&#x27;s title"' in page
    assert stored_title(article) == "Alice's title"
    resaved = bob.post(url, {**form_data_from_page(refused), "title": "Bob's title"})
    assert resaved.status_code == 302
    assert stored_title(article) == "Bob's title"
