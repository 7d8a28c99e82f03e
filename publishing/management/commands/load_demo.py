import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from api.models import SearchSynonym
from articles.models import Article, Author, Tag
from publishing import demo_content as demo
from publishing.models import Reviewer, Status
from treatments.models import (
    FAQ,
    BodyArea,
    Category,
    Concern,
    ProviderType,
    Treatment,
    TreatmentCombination,
)

PUBLISHED_AT = datetime.datetime(2025, 6, 2, 9, 0, tzinfo=datetime.UTC)
TAXONOMY_MODELS = {
    "categories": Category,
    "concerns": Concern,
    "areas": BodyArea,
    "providers": ProviderType,
}


class Command(BaseCommand):
    help = (
        "Load the demo treatments and articles. Idempotent: items that already exist are "
        "left as they are (editors' changes survive) unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Overwrite demo items with the demo content."
        )

    @transaction.atomic
    def handle(self, *args, reset=False, **options):
        self.reset, self.created = reset, 0
        for key, model in TAXONOMY_MODELS.items():
            for slug, name, description in demo.TAXONOMIES[key]:
                self.upsert(model, slug, name=name, description=description)
        tags = {slug: self.upsert(Tag, slug, name=name) for slug, name in demo.TAGS}
        author = self.upsert(
            Author, demo.AUTHOR["slug"], name=demo.AUTHOR["name"], bio=demo.AUTHOR["bio"]
        )
        reviewer, _ = Reviewer.objects.get_or_create(
            name=demo.REVIEWER["name"], defaults=demo.REVIEWER
        )
        today = timezone.localdate()
        review = {
            "reviewer": reviewer,
            "last_reviewed": today,
            "next_review_due": today.replace(year=today.year + 1),
        }

        treatments = {}
        for facts in demo.TREATMENTS:
            facts = dict(facts)
            relations = {name: facts.pop(name) for name in ("concerns", "areas", "providers")}
            faqs = facts.pop("faqs")
            facts["category"] = Category.objects.get(slug=facts["category"])
            treatment, created = self.upsert_content(
                Treatment, facts, status=Status.PUBLISHED, published_at=PUBLISHED_AT, **review
            )
            treatments[treatment.slug] = treatment
            if created:
                treatment.concerns.set(Concern.objects.filter(slug__in=relations["concerns"]))
                treatment.areas.set(BodyArea.objects.filter(slug__in=relations["areas"]))
                treatment.providers.set(
                    ProviderType.objects.filter(slug__in=relations["providers"])
                )
                treatment.faqs.all().delete()
                FAQ.objects.bulk_create(
                    FAQ(treatment=treatment, question=q, answer=a, position=i)
                    for i, (q, a) in enumerate(faqs)
                )
        botox, fillers = treatments["botox"], treatments["dermal-fillers"]
        if (
            reset
            or not TreatmentCombination.objects.filter(
                from_treatment=botox, to_treatment=fillers
            ).exists()
        ):
            TreatmentCombination.objects.update_or_create(
                from_treatment=botox, to_treatment=fillers, defaults={"note": demo.COMBINATION_NOTE}
            )

        states = {
            "published": {"status": Status.PUBLISHED, "published_at": PUBLISHED_AT, **review},
            "draft": {"status": Status.DRAFT, "published_at": None},
            "scheduled": {
                "status": Status.PUBLISHED,
                "published_at": timezone.now() + datetime.timedelta(days=365),
            },
        }
        for fields in demo.ARTICLES:
            fields = dict(fields)
            linked, tagged = fields.pop("treatments"), fields.pop("tags")
            article, created = self.upsert_content(
                Article, fields, author=author, **states[fields.pop("state")]
            )
            if created:
                article.treatments.set([treatments[slug] for slug in linked])
                article.tags.set([tags[slug] for slug in tagged])
        for phrase, expands_to in demo.SYNONYMS:
            SearchSynonym.objects.get_or_create(phrase=phrase, defaults={"expands_to": expands_to})
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} item(s) created or reset).")
        )

    def upsert(self, model, slug, **fields):
        item, created = model.objects.get_or_create(slug=slug, defaults=fields)
        if not created and self.reset:
            model.objects.filter(pk=item.pk).update(**fields)
        self.created += created
        return item

    def upsert_content(self, model, fields, **state):
        """Create a demo item, or with --reset rewrite it; returns (item, written)."""
        item = model.objects.filter(slug=fields["slug"]).first()
        if item and not self.reset:
            return item, False
        item = item or model()
        for name, value in {**fields, **state}.items():
            setattr(item, name, value)
        item.full_clean()
        item.save()
        self.created += 1
        return item, True
