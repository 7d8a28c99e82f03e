import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def registered_models():
    return [model for model in admin.site._registry if model._meta.app_label != "auth"]


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m._meta.label)
def test_admin_changelist_add_and_change_pages_render(client, superuser, demo, model):
    client.force_login(superuser)
    opts = model._meta
    assert (
        client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code
        == 200
    )
    add_page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    can_add = admin.site._registry[model].has_add_permission(add_page.wsgi_request)
    assert add_page.status_code == (200 if can_add else 403)
    item = model.objects.first()
    if item is not None:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        assert client.get(url).status_code == 200


def test_changelists_search_by_title_or_name_and_slug(client, superuser, demo):
    client.force_login(superuser)
    url = reverse("admin:articles_article_changelist")
    assert "lip-filler-faq" in client.get(url, {"q": "lip-filler"}).content.decode()
    url = reverse("admin:treatments_treatment_changelist")
    page = client.get(url, {"q": "Botox"}).content.decode()
    assert "botox" in page and "dermal-fillers" not in page


def test_draft_change_page_links_to_its_preview(client, superuser, demo, settings):
    from articles.models import Article

    settings.PREVIEW_URL = "https://www.example.com/preview"
    draft = Article.objects.get(slug="lip-filler-faq")
    client.force_login(superuser)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "/api/v1/preview/" in page
    assert "https://www.example.com/preview?token=" in page


@pytest.mark.parametrize(
    ("state", "shown", "hidden"),
    [
        ("scheduled", "seasonal-skin-care-guide", "lip-filler-faq"),
        (
            "live",
            "whats-the-difference-between-botox-and-injected-fillers",
            "seasonal-skin-care-guide",
        ),
    ],
)
def test_the_changelist_filters_by_publication_state(client, superuser, demo, state, shown, hidden):
    client.force_login(superuser)
    page = client.get(reverse("admin:articles_article_changelist"), {"publication": state})
    assert shown in page.content.decode() and hidden not in page.content.decode()
