import pytest

from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_search_finds_both_kinds_with_titles_ranked_above_bodies(api, db):
    in_body = ArticleFactory(published=True, title="Ageing well", body="<p>About retinol.</p>")
    in_title = ArticleFactory(published=True, title="Retinol explained")
    treatment = TreatmentFactory(published=True, name="Retinol peel")
    response = api.get("/api/v1/search/", {"q": "retinol"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["slug"] for r in results][-1] == in_body.slug
    assert {r["slug"] for r in results} == {in_body.slug, in_title.slug, treatment.slug}
    for result in results:
        assert {"type", "slug", "title", "summary", "url"} <= set(result)
    assert {r["type"] for r in results} == {"article", "treatment"}


def test_search_can_be_limited_to_one_kind_and_pages(api, db):
    ArticleFactory.create_batch(3, published=True, title="Retinol basics")
    TreatmentFactory(published=True, name="Retinol peel")
    body = api.get("/api/v1/search/", {"q": "retinol", "type": "article", "page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["next"]


BAD_SEARCHES = [
    ({}, "q"),
    ({"q": "   "}, "q"),
    ({"q": "x" * 201}, "q"),
    ({"q": "a", "type": "user"}, "type"),
    ({"q": "a", "include_drafts": "1"}, "include_drafts"),
]


@pytest.mark.parametrize(("query", "parameter"), BAD_SEARCHES)
def test_bad_search_parameters_are_400(api, db, query, parameter):
    response = api.get("/api/v1/search/", query)
    assert response.status_code == 400
    assert [e["parameter"] for e in response.json()["errors"]] == [parameter]


def test_compare_shows_typed_rows_and_the_combination(api, demo):
    response = api.get("/api/v1/compare/", {"treatments": "botox,dermal-fillers"})
    assert response.status_code == 200
    body = response.json()
    assert [t["slug"] for t in body["treatments"]] == ["botox", "dermal-fillers"]
    assert body["combinable"] is True
    assert "same visit" in body["combinations"][0]["note"]
    rows = {row["attribute"]: row for row in body["rows"]}
    assert rows["duration"]["values"]["botox"] == {"min": 3, "max": 4}
    assert rows["duration"]["unit"] == "months"
    assert rows["prescription_only"]["values"] == {"botox": True, "dermal-fillers": False}
    assert "Lips" in rows["areas"]["values"]["dermal-fillers"]
    for attribute in ["mechanism", "onset", "downtime", "concerns", "is_surgical", "providers"]:
        assert attribute in rows


def test_treatments_that_do_not_combine_say_so(api, demo):
    other = TreatmentFactory(published=True)
    body = api.get("/api/v1/compare/", {"treatments": f"botox,{other.slug}"}).json()
    assert body["combinable"] is False and body["combinations"] == []


@pytest.mark.parametrize(
    "value", ["botox", "botox,botox", "botox,nope", "a,b,c,d,e", "botox,lip-filler-faq"]
)
def test_compare_needs_two_to_four_known_treatments(api, demo, value):
    response = api.get("/api/v1/compare/", {"treatments": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "treatments"


def test_editor_synonyms_expand_the_search(api, demo):
    from api.models import SearchSynonym

    SearchSynonym.objects.all().delete()  # the demo's own synonyms
    assert api.get("/api/v1/search/", {"q": "anti-wrinkle injections"}).json()["count"] == 0
    SearchSynonym.objects.create(phrase="Anti-wrinkle injections", expands_to="botox")
    SearchSynonym.objects.create(phrase="lip filler", expands_to="dermal fillers")
    found = api.get("/api/v1/search/", {"q": "anti-wrinkle injections", "type": "treatment"})
    assert [r["slug"] for r in found.json()["results"]] == ["botox"]
    found = api.get("/api/v1/search/", {"q": "lip filler", "type": "treatment"})
    assert [r["slug"] for r in found.json()["results"]] == ["dermal-fillers"]


def test_results_carry_a_highlighted_snippet(api, demo):
    results = api.get("/api/v1/search/", {"q": "cheekbones"}).json()["results"]
    assert "<mark>cheekbones</mark>" in results[0]["highlight"]


def test_snippets_escape_editor_text(api, db):
    ArticleFactory(published=True, title="Peel", body="<p>Peel &lt;script&gt; peel</p>")
    [result] = api.get("/api/v1/search/", {"q": "peel"}).json()["results"]
    assert "<script>" not in result["highlight"] and "&lt;script&gt;" in result["highlight"]
