"""Security headers on every class of response, and a strict Content Security Policy."""

import pytest

pytestmark = pytest.mark.django_db

RESPONSES = {
    "api list": ("/api/v1/articles/", {}, 200),
    "api detail": ("/api/v1/treatments/botox/", {}, 200),
    "not modified": ("/api/v1/articles/", "etag", 304),
    "bad parameter": ("/api/v1/articles/?nope=1", {}, 400),
    "bad key": ("/api/v1/articles/", {"HTTP_AUTHORIZATION": "Api-Key wrong"}, 401),
    "not found": ("/api/v1/articles/missing/", {}, 404),
    "unknown path": ("/nothing-here", {}, 404),
    "feed": ("/feeds/articles.atom", {}, 200),
    "sitemap": ("/sitemap.xml", {}, 200),
    "health": ("/healthz", {}, 200),
    "admin login": ("/admin/login/", {}, 200),
    "admin redirect": ("/admin/", {}, 302),
    "api docs": ("/api/v1/docs/", {}, 200),
}


@pytest.mark.parametrize(("path", "headers", "status"), RESPONSES.values(), ids=RESPONSES.keys())
def test_every_response_class_carries_the_security_headers(client, demo, path, headers, status):
    if headers == "etag":
        headers = {"HTTP_IF_NONE_MATCH": client.get(path)["ETag"]}
    response = client.get(path, **headers)
    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-eval" not in policy
    assert "'unsafe-inline'" not in policy.split("style-src-attr")[0]  # scripts never


def test_the_docs_page_s_inline_code_carries_this_response_s_nonce(client, db):
    response = client.get("/api/v1/docs/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    html = response.content.decode()
    assert html.count(f'nonce="{nonce}"') == 2  # the inline style and the inline script
    assert "<script>" not in html and "<style>" not in html
    assert (
        client.get("/api/v1/docs/")["Content-Security-Policy"]
        != response["Content-Security-Policy"]
    )  # a fresh nonce per response
