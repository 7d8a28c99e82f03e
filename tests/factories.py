import datetime

import factory
from django.utils import timezone

from articles.models import Article, Author, Tag
from publishing.models import Reviewer, Status
from treatments.models import BodyArea, Category, Concern, ProviderType, Treatment


def slug_name_factory(model, label, get_or_create=True):
    """A factory for a model with unique `name` and `slug` (taxonomies, tags, authors)."""
    meta = {"model": model, "django_get_or_create": ["slug"] if get_or_create else []}
    return type(
        f"{model.__name__}Factory",
        (factory.django.DjangoModelFactory,),
        {
            "Meta": type("Meta", (), meta),
            "name": factory.Sequence(lambda n: f"{label} {n}"),
            "slug": factory.Sequence(lambda n: f"{label.lower()}-{n}"),
        },
    )


CategoryFactory = slug_name_factory(Category, "Category")
ConcernFactory = slug_name_factory(Concern, "Concern")
BodyAreaFactory = slug_name_factory(BodyArea, "Area")
ProviderTypeFactory = slug_name_factory(ProviderType, "Provider", get_or_create=False)
TagFactory = slug_name_factory(Tag, "Tag")
AuthorFactory = slug_name_factory(Author, "Author", get_or_create=False)


class ReviewerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reviewer

    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    credentials = "MD"
    registration = factory.Sequence(lambda n: f"REG-{n}")


def _m2m(name):
    """A post-generation hook: `Factory(name=[...])` sets that many-to-many relation."""

    def setter(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)

    return factory.PostGeneration(setter)


def _past(days):
    return factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=days))


class PublishableTraits(factory.django.DjangoModelFactory):
    """draft (the default), published, scheduled, expired and archived states."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = Status.DRAFT

    class Params:
        published = factory.Trait(status=Status.PUBLISHED, published_at=_past(1))
        scheduled = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30)),
        )
        expired = factory.Trait(
            status=Status.PUBLISHED, published_at=_past(10), unpublish_at=_past(1)
        )
        archived = factory.Trait(status=Status.ARCHIVED, published_at=_past(10))


class TreatmentFactory(PublishableTraits):
    class Meta:
        model = Treatment
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    category = factory.SubFactory(CategoryFactory)
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.name}.")
    description = "<p>What it does.</p>"
    mechanism = "How it works."
    concerns = _m2m("concerns")
    areas = _m2m("areas")


class ArticleFactory(PublishableTraits):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    body = "<h2>Heading</h2><p>Body text.</p>"
    author = factory.SubFactory(AuthorFactory)
    treatments = _m2m("treatments")
    tags = _m2m("tags")
