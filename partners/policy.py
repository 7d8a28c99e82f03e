"""What a partner's key may receive."""

from .models import Usage


def brand_names_allowed(request, treatment):
    """Prescription-only medicines may not be advertised to the public, so promotional
    partners get them without brand names; editorial partners and our own apps get all."""
    key = getattr(request, "auth", None) if request is not None else None
    promotional = key is not None and getattr(key, "usage", None) == Usage.PROMOTIONAL
    return not (promotional and treatment.prescription_only)
