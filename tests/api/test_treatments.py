import datetime

import pytest
from django.utils import timezone

from tests.factories import BodyAreaFactory, ConcernFactory, TreatmentFactory
from treatments.models import TreatmentCombination

pytestmark = pytest.mark.django_db
URL = "/api/v1/treatments/"


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def problem_parameters(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


def test_list_items_carry_the_contract_keys(api, demo):
    body = api.get(URL).json()
    assert set(body) == {"count", "next", "previous", "results"}
    botox = next(item for item in body["results"] if item["slug"] == "botox")
    for key in ["slug", "name", "summary", "category", "concerns", "areas", "combinable_with",
                "is_surgical", "url", "published_at", "updated_at"]:  # fmt: skip
        assert key in botox
    assert botox["category"] == {"slug": "neuromodulators", "name": "Neuromodulators"}
    assert botox["combinable_with"][0]["slug"] == "dermal-fillers"
    assert "do not interact" in botox["combinable_with"][0]["note"]
    assert botox["url"] == "https://example.com/treatments/botox/"


def test_detail_has_structured_facts_and_json_ld(api, demo):
    body = api.get(f"{URL}botox/").json()
    assert body["onset_days"] == {"min": 3, "max": 14}
    assert body["prescription_only"] is True
    assert body["faqs"][0]["question"]
    assert body["description"]["blocks"][0]["type"] == "paragraph"
    assert body["articles"][0]["slug"] == "whats-the-difference-between-botox-and-injected-fillers"
    json_ld = body["json_ld"]
    assert json_ld["@type"] == "MedicalProcedure"
    assert json_ld["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert "Forehead" in json_ld["bodyLocation"]
    assert json_ld["howPerformed"] and json_ld["adverseOutcome"] and json_ld["contraindication"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"concern": "wrinkles"}, ["botox"]),
        ({"concern": "wrinkles,volume-loss"}, ["botox", "dermal-fillers"]),
        ({"area": "lips"}, ["dermal-fillers"]),
        ({"category": "neuromodulators"}, ["botox"]),
        ({"combinable_with": "botox"}, ["dermal-fillers"]),
        ({"is_surgical": "false"}, ["botox", "dermal-fillers"]),
        ({"is_surgical": "true"}, []),
        ({"search": "volume"}, ["dermal-fillers"]),
        ({"ordering": "-name"}, ["dermal-fillers", "botox"]),
    ],
)
def test_filters_search_and_ordering(api, demo, query, expected):
    assert slugs(api.get(URL, query)) == expected


def test_updated_since_filters_by_last_change(api):
    old = TreatmentFactory(published=True)
    TreatmentFactory._meta.model.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=10)
    )
    new = TreatmentFactory(published=True)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert slugs(api.get(URL, {"updated_since": since})) == [new.slug]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"concern": "no-such-concern"}, "concern"),
        ({"concern": "wrinkles,,"}, "concern"),
        ({"concern": "100%"}, "concern"),
        ({"area": "%s%(x)s%"}, "area"),
        ({"area": "nowhere"}, "area"),
        ({"combinable_with": "lip-filler-faq"}, "combinable_with"),
        ({"is_surgical": "maybe"}, "is_surgical"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"ordering": "password"}, "ordering"),
        ({"ordering": "created_by__email"}, "ordering"),
        ({"fields": "slug,_state"}, "fields"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "abc"}, "page"),
        ({"status": "draft"}, "status"),
        ({"search": "x" * 201}, "search"),
        ({"search": "a\x00b"}, "search"),
    ],
)
def test_bad_parameters_are_400_problems_naming_the_parameter(api, demo, query, parameter):
    assert problem_parameters(api.get(URL, query)) == [parameter]


def test_combinable_with_a_draft_treatment_is_unknown(api, demo):
    draft = TreatmentFactory()
    botox = TreatmentFactory._meta.model.objects.get(slug="botox")
    TreatmentCombination.objects.create(from_treatment=draft, to_treatment=botox)
    assert problem_parameters(api.get(URL, {"combinable_with": draft.slug})) == ["combinable_with"]


def test_sparse_fieldsets_return_exactly_the_requested_keys(api, demo):
    for item in api.get(URL, {"fields": "slug,name"}).json()["results"]:
        assert set(item) == {"slug", "name"}
    assert set(api.get(f"{URL}botox/", {"fields": "json_ld"}).json()) == {"json_ld"}


def test_pagination_edges(api):
    TreatmentFactory.create_batch(5, published=True)
    first = api.get(URL, {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert "page=2" in first["next"] and first["previous"] is None
    last = api.get(URL, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    past_end = api.get(URL, {"page_size": 2, "page": 4})
    assert past_end.status_code == 404
    assert past_end["Content-Type"] == "application/problem+json"
    assert api.get(URL, {"page_size": 100}).status_code == 200


def test_empty_list_is_a_page_not_a_404(api, db):
    assert api.get(URL).json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_taxonomies_list_slug_and_name(api, demo):
    ConcernFactory(slug="acne", name="Acne")
    BodyAreaFactory(slug="neck", name="Neck")
    for path, expected in [("concerns", "wrinkles"), ("areas", "lips"),
                           ("categories", "dermal-fillers"), ("tags", "injectables")]:  # fmt: skip
        items = api.get(f"/api/v1/{path}/").json()["results"]
        assert expected in [item["slug"] for item in items]
        assert all({"slug", "name"} <= set(item) for item in items)
    assert api.get("/api/v1/concerns/wrinkles/").json()["name"] == "Wrinkles"


@pytest.mark.parametrize("value", ["²", "¾", "1.5", "-1", " 2", "99999999999999999999999"])
def test_odd_page_numbers_are_400_or_404_never_500(api, demo, value):
    assert api.get(URL, {"page": value}).status_code in (400, 404)
    assert api.get(URL, {"page_size": value}).status_code == 400
