import pytest

from tests.factories import TreatmentFactory
from treatments.models import TreatmentCombination

pytestmark = pytest.mark.django_db


def test_a_combination_is_stored_both_ways_round_with_its_note():
    a, b = TreatmentFactory(), TreatmentFactory()
    TreatmentCombination.objects.create(from_treatment=a, to_treatment=b, note="Same visit.")
    assert b.combinations.get().to_treatment == a
    assert b.combinations.get().note == "Same visit."


def test_editing_the_note_updates_the_mirror():
    a, b = TreatmentFactory(), TreatmentFactory()
    combination = TreatmentCombination.objects.create(from_treatment=a, to_treatment=b, note="x")
    combination.note = "y"
    combination.save()
    assert b.combinations.get().note == "y"


def test_deleting_a_combination_deletes_the_mirror():
    a, b = TreatmentFactory(), TreatmentFactory()
    TreatmentCombination.objects.create(from_treatment=a, to_treatment=b)
    a.combinations.get().delete()
    assert not TreatmentCombination.objects.exists()


def test_repointing_a_combination_moves_the_mirror():
    a, b, c = TreatmentFactory(), TreatmentFactory(), TreatmentFactory()
    combination = TreatmentCombination.objects.create(from_treatment=a, to_treatment=b)
    combination.to_treatment = c
    combination.save()
    assert not b.combinations.exists()
    assert c.combinations.get().to_treatment == a


def test_range_facts_must_be_in_order():
    from django.core.exceptions import ValidationError

    treatment = TreatmentFactory.build(onset_min_days=10, onset_max_days=3)
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "onset_max_days" in error.value.message_dict


def test_prescription_only_treatment_needs_a_regulatory_note():
    from django.core.exceptions import ValidationError

    treatment = TreatmentFactory.build(prescription_only=True, regulatory_note="")
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "regulatory_note" in error.value.message_dict
