"""The OpenAPI schema validates, and the API honours it under property-based fuzzing."""

import os
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.generation.modes import GenerationMode

from changelog import views as sync

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())

# A schema cannot say which slugs exist; schema-valid requests use these demo slugs.
EXISTING_SLUGS = {
    "concern": "wrinkles,fine-lines",
    "area": "lips",
    "category": "dermal-fillers",
    "combinable_with": "botox",
    "treatment": "botox,dermal-fillers",
    "tag": "injectables",
    "treatments": "botox,dermal-fillers",
}


def test_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_docs_page_is_self_hosted(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()


@pytest.fixture
def demo_content(db):
    """Demo content, and the test's database connection kept open across WSGI calls.

    Django closes "old" connections when a request finishes; inside a test transaction
    that would close the connection under the test, so (like Django's test client)
    the handlers are detached for the test.
    """
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, demo_content):
    if case.meta.generation.mode == GenerationMode.POSITIVE and case.query:
        for name in EXISTING_SLUGS.keys() & case.query.keys():
            case.query[name] = EXISTING_SLUGS[name]
        if "token" in case.query:  # nor which sync tokens the API issued
            kinds = [case.query["type"]] if "type" in case.query else list(sync.KINDS)
            case.query["token"] = sync.encode({"kinds": kinds, "position": 0})
        if "cursor" in case.query:  # nor which cursors: take one as a client would
            case.query["cursor"] = issued_cursor(case)
            if case.query["cursor"] is None:
                del case.query["cursor"]
    case.call_and_validate()


def issued_cursor(case):
    """The cursor after the same list's first item (None if it has one item at most)."""
    query = {k: v for k, v in case.query.items() if k not in ("cursor", "page", "page_size")}
    response = Client().get(case.formatted_path, {**query, "page_size": 1, "cursor": "start"})
    # Django's test client connects close_old_connections again when it is done; detached
    # again, or the next WSGI call would close the test's connection (PostgreSQL).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    next_link = response.json().get("next") if response.status_code == 200 else None
    return parse_qs(urlsplit(next_link).query)["cursor"][0] if next_link else None
