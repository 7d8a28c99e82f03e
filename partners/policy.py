"""What a partner's key may receive."""

from .models import Usage


def is_promotional(request):
    key = getattr(request, "auth", None) if request is not None else None
    return key is not None and getattr(key, "usage", None) == Usage.PROMOTIONAL


def brand_names_allowed(request, treatment):
    """Prescription-only medicines may not be advertised to the public, so promotional
    partners get them without brand names; editorial partners and our own apps get all."""
    return not (is_promotional(request) and treatment.prescription_only)
