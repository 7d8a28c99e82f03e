import json
import urllib.request

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from articles.models import Article
from treatments.models import Treatment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_and_users():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115 (a flush erased them)
    users = {}
    for role in ["Editor", "Publisher"]:
        user = User.objects.create_user(role.lower(), password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    return users


def api_get(url, etag=None):
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers["ETag"], json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers["ETag"], None


def test_an_editor_writes_a_draft_in_the_rich_text_editor(page, login, live_server, demo_and_users):
    login(demo_and_users["Editor"])
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Aftercare after injections")
    page.fill("#id_summary", "What to do in the first days.")
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    editor.type("Avoid strenuous exercise for a day.")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")
    article = Article.objects.get(slug="aftercare-after-injections")  # prepopulated
    assert article.status == "draft"
    assert "<p>Avoid strenuous exercise for a day.</p>" in article.body
    assert article.body_blocks[0]["type"] == "paragraph"


def test_an_editor_cannot_publish_from_the_form(page, login, live_server, demo_and_users):
    draft = Article.objects.get(slug="lip-filler-faq")
    login(demo_and_users["Editor"])
    page.goto(f"{live_server.url}/admin/articles/article/{draft.pk}/change/")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_selector(".errornote")
    assert "You do not have permission to publish" in page.content()
    assert Article.objects.get(pk=draft.pk).status == "draft"


def test_an_editor_s_edit_shows_in_the_api_at_once_with_a_new_etag(
    page, login, live_server, demo_and_users
):
    url = f"{live_server.url}/api/v1/treatments/botox/"
    _, etag, _ = api_get(url)
    login(demo_and_users["Editor"])
    botox = Treatment.objects.get(slug="botox")
    page.goto(f"{live_server.url}/admin/treatments/treatment/{botox.pk}/change/")
    page.fill("#id_summary", "Relaxes the muscles behind expression lines.")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/treatments/treatment/")
    status, new_etag, body = api_get(url, etag)
    assert status == 200
    assert new_etag != etag
    assert body["summary"] == "Relaxes the muscles behind expression lines."


def test_a_publisher_publishes_a_draft_with_the_bulk_action(
    page, login, live_server, demo_and_users
):
    feed = f"{live_server.url}/feeds/articles.json"
    assert "lip-filler-faq" not in json.dumps(api_get(feed)[2])
    login(demo_and_users["Publisher"])
    draft = Article.objects.get(slug="lip-filler-faq")
    page.goto(f"{live_server.url}/admin/articles/article/")
    page.check(f"input[name=_selected_action][value='{draft.pk}']")
    page.select_option("select[name=action]", "publish_selected")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")
    status, _, body = api_get(f"{live_server.url}/api/v1/articles/lip-filler-faq/")
    assert status == 200 and body["slug"] == "lip-filler-faq"
    items = api_get(feed)[2]["items"]
    assert any(item["url"].endswith("/articles/lip-filler-faq/") for item in items)


def test_an_editor_is_not_offered_publishing_in_the_changelist(
    page, login, live_server, demo_and_users
):
    login(demo_and_users["Editor"])
    page.goto(f"{live_server.url}/admin/articles/article/")
    assert page.locator("#result_list").is_visible()
    assert page.locator("option[value=publish_selected]").count() == 0
    assert "lip-filler-faq" not in json.dumps(api_get(f"{live_server.url}/feeds/articles.json")[2])


def test_admin_pages_and_the_api_docs_run_under_the_content_security_policy(
    page, login, live_server, demo_and_users
):
    """Nothing is blocked: every inline script or style carries the nonce, nothing evals."""
    violations = []
    page.on("console", lambda message: violations.append((page.url, message.text))
            if "Content Security Policy" in message.text else None)  # fmt: skip
    page.on("pageerror", lambda error: violations.append(str(error)))
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock")  # the UI rendered the schema
    login(demo_and_users["Publisher"])
    article = Article.objects.get(slug="lip-filler-faq")
    botox = Treatment.objects.get(slug="botox")
    for path in [
        "/admin/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/treatments/treatment/{botox.pk}/change/",
        f"/admin/articles/article/{article.pk}/history/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert "nonce-" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator(".field-body [contenteditable=true]").click()  # the editor is live
    assert violations == []
