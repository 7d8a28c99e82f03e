"""Synthetic content for load tests: realistic sizes and relations, inserted in bulk."""

import datetime
import random
import sys

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Author, Tag
from publishing import generations
from publishing.bodies import render
from publishing.models import Reviewer, Status
from treatments.models import BodyArea, Category, Concern, ProviderType, Treatment

WORDS = [
    "skin",
    "collagen",
    "volume",
    "injection",
    "muscle",
    "wrinkle",
    "line",
    "cheek",
    "lip",
    "forehead",
    "result",
    "session",
    "practitioner",
    "consultation",
    "recovery",
    "swelling",
    "bruising",
    "filler",
    "toxin",
    "hyaluronic",
    "natural",
    "effect",
    "month",
    "week",
    "treatment",
    "area",
    "patient",
    "clinic",
    "dose",
    "technique",
    "layer",
    "elastin",
    "tone",
    "texture",
    "ageing",
    "contour",
    "symmetry",
    "appointment",
    "aftercare",
    "sunscreen",
    "hydration",
    "moisture",
]
CATEGORIES = ["Neuromodulators", "Dermal fillers", "Skin boosters", "Chemical peels",
              "Laser resurfacing", "Microneedling", "Thread lifts", "Body contouring"]  # fmt: skip
CONCERNS = ["Wrinkles", "Fine lines", "Volume loss", "Sagging skin", "Thin lips", "Acne scars",
            "Pigmentation", "Redness", "Enlarged pores", "Dull skin", "Double chin",
            "Hollow eyes", "Gummy smile", "Jowls", "Neck lines", "Stretch marks"]  # fmt: skip
AREAS = ["Forehead", "Frown lines", "Crow's feet", "Cheeks", "Lips", "Under-eye", "Jawline",
         "Chin", "Neck", "Décolletage", "Nose", "Temples", "Hands", "Abdomen"]  # fmt: skip
BATCH = 2000


def paragraph(rng, words=60):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng, words=1500):
    """~`words` words of headings, paragraphs and lists."""
    parts, count = [], 0
    while count < words:
        parts.append(f"<h2>{paragraph(rng, 5)[:-1]}</h2>")
        for _ in range(3):
            parts.append(f"<p>{paragraph(rng, 70)} <strong>{rng.choice(WORDS)}</strong></p>")
        parts.append("<ul>" + "".join(f"<li>{paragraph(rng, 8)}</li>" for _ in range(3)) + "</ul>")
        count += 5 + 3 * 71 + 24
    return "".join(parts)


class Command(BaseCommand):
    help = "Fill the database with synthetic treatments and articles for load tests."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--treatments", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, articles, treatments, seed, **options):
        rng = random.Random(seed)  # noqa: S311 (synthetic data, not security)
        now = timezone.now()
        with transaction.atomic():
            vocabulary = self.vocabulary()
            made = self.treatments(rng, treatments, now, vocabulary)
            self.articles(rng, articles, now, made, vocabulary)
            if connection.vendor == "postgresql":  # bulk inserts skip save(): index them here
                for model in (Treatment, Article):
                    model.objects.filter(search_vector__isnull=True).update(
                        search_vector=model.search_vector_expression()
                    )
            generations.bump(*generations.KINDS)
            generations.refresh_schedule()
        if connection.vendor == "postgresql":  # planner statistics for the new rows, as
            with connection.cursor() as cursor:  # autovacuum would gather them in a while
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Generated {treatments} treatments, {articles} articles.")
        )

    def vocabulary(self):
        def ensure(model, names):
            for name in names:
                model.objects.get_or_create(slug=slugify(name), defaults={"name": name})
            return list(model.objects.all())

        authors = [
            Author.objects.get_or_create(slug=f"author-{i}", defaults={"name": f"Author {i}"})[0]
            for i in range(20)
        ]
        reviewers = [
            Reviewer.objects.get_or_create(name=f"Dr Reviewer {i}", defaults={"credentials": "MD"})[
                0
            ]
            for i in range(10)
        ]
        return {
            "categories": ensure(Category, CATEGORIES),
            "concerns": ensure(Concern, CONCERNS),
            "areas": ensure(BodyArea, AREAS),
            "providers": ensure(
                ProviderType, ["Dermatologist", "Cosmetic surgeon", "Nurse prescriber"]
            ),
            "tags": ensure(Tag, [f"Topic {i}" for i in range(60)]),
            "authors": authors,
            "reviewers": reviewers,
        }

    def state(self, rng, now):
        """Mostly published; some drafts, scheduled and expired items."""
        roll = rng.random()
        published_at = now - datetime.timedelta(
            days=rng.randint(1, 2000), seconds=rng.randint(0, 86399)
        )
        if roll < 0.05:
            return {"status": Status.DRAFT, "published_at": None, "is_listed": False}
        if roll < 0.07:
            return {
                "status": Status.PUBLISHED,
                "published_at": now + datetime.timedelta(days=rng.randint(1, 90)),
                "is_listed": False,
            }
        if roll < 0.08:
            return {
                "status": Status.PUBLISHED,
                "published_at": published_at,
                "unpublish_at": now - datetime.timedelta(days=1),
                "is_listed": False,
            }
        return {"status": Status.PUBLISHED, "published_at": published_at, "is_listed": True}

    def treatments(self, rng, count, now, vocabulary):
        bodies = [render(body(rng, 300)) for _ in range(20)]
        offset = Treatment.objects.count()
        items = []
        for i in range(offset, offset + count):
            text = rng.choice(bodies)
            low = rng.randint(1, 6)
            items.append(Treatment(
                name=f"{rng.choice(CATEGORIES)} {i}", slug=f"treatment-{i}",
                category=rng.choice(vocabulary["categories"]), summary=paragraph(rng, 25),
                description=text.html, description_text=text.text, description_blocks=text.blocks,
                mechanism=paragraph(rng, 40), onset_min_days=low, onset_max_days=low + 10,
                duration_min_months=low, duration_max_months=low + 6, downtime_min_days=0,
                downtime_max_days=low, session_minutes=30, sessions_needed=1,
                side_effects="Swelling\\nBruising", contraindications="Pregnancy",
                reviewer=rng.choice(vocabulary["reviewers"]), last_reviewed=now.date(),
                **self.state(rng, now),
            ))  # fmt: skip
        made = Treatment.objects.bulk_create(items, batch_size=BATCH)
        for name, column in [("concerns", "concern_id"), ("areas", "bodyarea_id"),
                             ("providers", "providertype_id")]:  # fmt: skip
            through = getattr(Treatment, name).through
            through.objects.bulk_create(
                [through(**{"treatment_id": t.pk, column: choice.pk})
                 for t in made for choice in rng.sample(vocabulary[name], 2)],
                batch_size=BATCH,
            )  # fmt: skip
        return made

    def articles(self, rng, count, now, treatments, vocabulary):
        bodies = [render(body(rng)) for _ in range(50)]
        offset = Article.objects.count()
        done = 0
        while done < count:
            chunk = []
            for i in range(offset + done, offset + min(done + BATCH, count)):
                text = rng.choice(bodies)
                chunk.append(
                    Article(
                        title=f"{paragraph(rng, 6)[:-1]} {i}",
                        slug=f"article-{i}",
                        summary=paragraph(rng, 30),
                        body=text.html,
                        body_text=text.text,
                        body_blocks=text.blocks,
                        author=rng.choice(vocabulary["authors"]),
                        reviewer=rng.choice(vocabulary["reviewers"]),
                        last_reviewed=now.date(),
                        **self.state(rng, now),
                    )
                )
            made = Article.objects.bulk_create(chunk)
            Article.treatments.through.objects.bulk_create(
                [Article.treatments.through(article_id=a.pk, treatment_id=t.pk)
                 for a in made for t in rng.sample(treatments, min(2, len(treatments)))]
            )  # fmt: skip
            Article.tags.through.objects.bulk_create(
                [Article.tags.through(article_id=a.pk, tag_id=t.pk)
                 for a in made for t in rng.sample(vocabulary["tags"], 3)]
            )  # fmt: skip
            done += len(chunk)
            self.progress(done, count)
        self.stdout.write("")

    def progress(self, done, total):
        width = 40
        filled = width * done // total
        sys.stdout.write(f"\r  articles [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stdout.flush()
