"""schema.org pieces shared by treatments and articles."""

from django.conf import settings

CONTEXT = "https://schema.org"
PROCEDURE_TYPES = {
    "noninvasive": "https://schema.org/NoninvasiveProcedure",
    "percutaneous": "https://schema.org/PercutaneousProcedure",
    "surgical": "https://schema.org/SurgicalProcedure",
}


def person(reviewer):
    data = {"@type": "Person", "name": reviewer.name}
    if reviewer.credentials:
        data["honorificSuffix"] = reviewer.credentials
    return data


def publisher():
    return {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL}


def compact(data):
    """Drop empty values: schema.org consumers prefer a missing key to an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
