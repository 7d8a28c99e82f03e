from publishing.jsonld import CONTEXT, PROCEDURE_TYPES, compact


def _range(low, high, unit):
    if low is None and high is None:
        return None
    if low is None or high is None or low == high:
        return f"{low if low is not None else high} {unit}"
    return f"{low}–{high} {unit}"


def treatment_json_ld(treatment):
    """schema.org MedicalProcedure for a treatment."""
    onset = _range(treatment.onset_min_days, treatment.onset_max_days, "days")
    duration = _range(treatment.duration_min_months, treatment.duration_max_months, "months")
    followup = "; ".join(
        filter(None, [treatment.follow_up, f"results last {duration}" if duration else ""])
    )
    return compact(
        {
            "@context": CONTEXT,
            "@type": "MedicalProcedure",
            "name": treatment.name,
            "description": treatment.summary,
            "url": treatment.canonical_url(),
            "procedureType": PROCEDURE_TYPES[treatment.procedure_type],
            "bodyLocation": ", ".join(area.name for area in treatment.areas.all()),
            "howPerformed": treatment.mechanism,
            "followup": followup,
            "expectedPrognosis": f"Results show within {onset}." if onset else None,
            "adverseOutcome": [
                {"@type": "MedicalEntity", "name": effect} for effect in treatment.side_effect_list
            ],
            "contraindication": treatment.contraindication_list,
        }
    )
