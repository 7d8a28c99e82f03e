import pytest

from articles.models import Article
from tests.factories import ArticleFactory, TreatmentFactory
from treatments.models import Treatment

STATES = {
    "draft": (False, {}),
    "published": (True, {"published": True}),
    "scheduled": (False, {"scheduled": True}),
    "expired": (False, {"expired": True}),
    "archived": (False, {"archived": True}),
}


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    ("factory", "model"), [(TreatmentFactory, Treatment), (ArticleFactory, Article)]
)
def test_published_queryset_and_is_published_agree(factory, model, state):
    expected, traits = STATES[state]
    item = factory(**traits)
    assert item.is_published is expected
    assert model.objects.published().filter(pk=item.pk).exists() is expected


@pytest.mark.django_db
def test_scheduled_item_goes_live_when_its_time_passes(settings):
    import datetime

    from django.utils import timezone

    item = ArticleFactory(scheduled=True)
    later = item.published_at + datetime.timedelta(seconds=1)
    assert not Article.objects.published().filter(pk=item.pk).exists()
    assert Article.objects.published(now=later).filter(pk=item.pk).exists()
    assert item.published_at > timezone.now()


@pytest.mark.django_db
def test_publishing_a_draft_without_a_time_publishes_it_now():
    item = ArticleFactory()
    item.publish()
    item.refresh_from_db()
    assert item.is_published


@pytest.mark.django_db
def test_unpublish_takes_an_item_off_the_public_set():
    item = ArticleFactory(published=True)
    item.unpublish()
    assert not Article.objects.published().filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_database_refuses_a_published_item_without_a_publish_time():
    from django.db import IntegrityError

    item = ArticleFactory()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=item.pk).update(status="published", published_at=None)


def test_no_code_outside_the_rule_filters_on_status_or_publish_dates():
    """One place decides what is public: no other module filters on status or publish dates."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    pattern = re.compile(r"filter\([^)]*\b(status|published_at__lte|unpublish_at__gt)\b")
    allowed = {"publishing/models.py", "publishing/admin.py"}
    offenders = [
        str(path.relative_to(root))
        for app in ("api", "articles", "treatments", "publishing", "project")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
        and str(path.relative_to(root)) not in allowed
        and pattern.search(path.read_text())
    ]
    assert offenders == []
