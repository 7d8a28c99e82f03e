"""Queries per request are constant: the same for a page of 1 and a page of 100."""

import itertools

import pytest
from django.core.cache import cache

from tests.factories import (
    ArticleFactory,
    BodyAreaFactory,
    ConcernFactory,
    TagFactory,
    TreatmentFactory,
)
from treatments.models import TreatmentCombination

pytestmark = pytest.mark.django_db

# Every response first reads the content generations (1 query), then what it shows.
# Treatments and articles are served from stored renderings (api/fragments.py): the
# generations, the count (cached per generation after the first), the page's ids, their
# fragments; the first request after a change renders them: the page's rows and relations,
# and one upsert. A detail reads the item with its fragment in one query.
STORED_LISTS = {
    "/api/v1/treatments/": (9, 4),  # first: + rows, concerns, areas, combinations, upsert
    "/api/v1/articles/": (8, 4),  # first: + rows, tags, treatments, upsert
}
STORED_DETAILS = {  # the generations, and the item with its fragment
    "/api/v1/treatments/item-treatment-1/": (10, 2),
    "/api/v1/articles/item-article-1/": (6, 2),
}
LISTS = {
    "/api/v1/concerns/": 3,
    "/api/v1/areas/": 3,
    "/api/v1/categories/": 3,
    "/api/v1/tags/": 3,
}
# Search: + synonyms, count, page, and the page's bodies (one query per kind on the page).
SEARCH, SEARCH_MAX_QUERIES = "/api/v1/search/?q=item", 6


@pytest.fixture
def content():
    concerns, areas, tags = (
        ConcernFactory.create_batch(3),
        BodyAreaFactory.create_batch(3),
        TagFactory.create_batch(3),
    )
    treatments = [
        TreatmentFactory(published=True, name=f"Item treatment {i}", concerns=concerns, areas=areas)
        for i in range(30)
    ]
    for first, second in itertools.pairwise(treatments):
        TreatmentCombination.objects.create(from_treatment=first, to_treatment=second)
    for i in range(30):
        ArticleFactory(
            published=True, title=f"Item article {i}", treatments=treatments[:3], tags=tags
        )


@pytest.mark.parametrize(("url", "queries"), LISTS.items())
@pytest.mark.parametrize("page_size", [1, 100])
def test_list_queries_do_not_grow_with_the_page(
    api, content, django_assert_num_queries, url, queries, page_size
):
    separator = "&" if "?" in url else "?"
    with django_assert_num_queries(queries):
        assert api.get(f"{url}{separator}page_size={page_size}").status_code == 200


@pytest.mark.parametrize(("url", "queries"), STORED_LISTS.items())
@pytest.mark.parametrize("page_size", [1, 100])
def test_stored_lists_take_four_queries_whatever_the_page(
    api, content, django_assert_num_queries, url, queries, page_size
):
    first, stored = queries
    with django_assert_num_queries(first):
        assert api.get(f"{url}?page_size={page_size}").status_code == 200
    cache.clear()  # no cached response, no cached count: the uncached read path
    with django_assert_num_queries(stored):
        assert api.get(f"{url}?page_size={page_size}").status_code == 200


@pytest.mark.parametrize(("url", "queries"), STORED_DETAILS.items())
def test_stored_details_take_two_queries(api, content, django_assert_num_queries, url, queries):
    from articles.models import Article
    from treatments.models import Treatment

    Treatment.objects.filter(name="Item treatment 1").update(slug="item-treatment-1")
    Article.objects.filter(title="Item article 1").update(slug="item-article-1")
    first, stored = queries
    with django_assert_num_queries(first):
        assert api.get(url).status_code == 200
    cache.clear()
    with django_assert_num_queries(stored):
        assert api.get(url).status_code == 200


@pytest.mark.parametrize("page_size", [1, 100])
def test_search_queries_are_bounded_whatever_the_page(
    api, content, django_assert_max_num_queries, page_size
):
    with django_assert_max_num_queries(SEARCH_MAX_QUERIES):
        assert api.get(f"{SEARCH}&page_size={page_size}").status_code == 200
