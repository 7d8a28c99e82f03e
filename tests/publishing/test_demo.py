import pytest
from django.core.management import call_command

from articles.models import Article
from treatments.models import Treatment, TreatmentCombination

pytestmark = pytest.mark.django_db


def counts():
    return (
        Treatment.objects.count(),
        Article.objects.count(),
        TreatmentCombination.objects.count(),
    )


def test_load_demo_twice_creates_nothing_new(demo):
    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before == (2, 3, 2)


def test_demo_states_match_the_contract(demo):
    public_articles = set(Article.objects.published().values_list("slug", flat=True))
    assert public_articles == {"whats-the-difference-between-botox-and-injected-fillers"}
    assert set(Treatment.objects.published().values_list("slug", flat=True)) == {
        "botox",
        "dermal-fillers",
    }
    assert Article.objects.get(slug="lip-filler-faq").status == "draft"
    assert Article.objects.get(slug="seasonal-skin-care-guide").is_scheduled


def test_demo_treatments_carry_their_concerns_areas_and_symmetric_combination(demo):
    botox = Treatment.objects.get(slug="botox")
    fillers = Treatment.objects.get(slug="dermal-fillers")
    assert {"wrinkles", "fine-lines"} <= set(botox.concerns.values_list("slug", flat=True))
    assert "volume-loss" in fillers.concerns.values_list("slug", flat=True)
    assert {"cheeks", "lips"} <= set(fillers.areas.values_list("slug", flat=True))
    assert list(botox.combinable_with.all()) == [fillers]
    assert list(fillers.combinable_with.all()) == [botox]
    assert "do not interact" in fillers.combinations.get().note


def test_demo_article_covers_the_source_article(demo):
    article = Article.objects.get(slug="whats-the-difference-between-botox-and-injected-fillers")
    text = article.body_text.lower()
    for point in ["licensed dermatologist", "partly paralysed", "fine lines", "do not stop",
                  "cheekbones", "eyelids", "lips", "do not interact", "same visit",
                  "cosmetic professional"]:  # fmt: skip
        assert point in text, point
    assert set(article.treatments.values_list("slug", flat=True)) == {"botox", "dermal-fillers"}


def test_load_demo_keeps_an_editor_s_changes(demo):
    Treatment.objects.filter(slug="botox").update(summary="Edited by an editor.")
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Treatment.objects.get(slug="botox").summary == "Edited by an editor."
    call_command("load_demo", "--reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Treatment.objects.get(slug="botox").summary != "Edited by an editor."
