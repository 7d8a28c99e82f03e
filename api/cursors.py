"""Cursor (keyset) paging for the lists that grow: `?cursor=` continues after an item.

A page number makes the database count past every earlier row, so deep pages slow down as
content grows; a cursor names the last item seen (its sort values, signed) and the next page
starts right after it, through the index, however deep. Cursors also keep their place when
items are published in between. A cursor is bound to the ordering it was issued for.
"""

import json

from django.core import signing
from django.db.models import Q
from rest_framework.exceptions import ValidationError

SALT = "api.cursor"
START = "start"  # `?cursor=start`: the first page, with `next` links that carry cursors


def ordering_terms(queryset):
    """The queryset's sort terms, with the primary key last so every position is unique."""
    terms = [str(term) for term in queryset.query.order_by] or ["pk"]
    if terms[-1].lstrip("-") not in ("pk", "id"):
        terms.append("-pk" if terms[-1].startswith("-") else "pk")
    return terms


def encode(terms, values):
    payload = {"o": terms, "a": [v.isoformat() if hasattr(v, "isoformat") else v for v in values]}
    return signing.Signer(salt=SALT).sign_object(payload, compress=True)


def decode(token, terms, model):
    try:
        payload = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, json.JSONDecodeError) as error:
        raise ValidationError({"cursor": "Not a cursor this API issued."}) from error
    if not isinstance(payload, dict) or payload.get("o") != terms:
        raise ValidationError({"cursor": "This cursor was issued for another `ordering`."})
    fields = [model._meta.pk if t.lstrip("-") == "pk" else model._meta.get_field(t.lstrip("-"))
              for t in terms]  # fmt: skip
    return [field.to_python(value) for field, value in zip(fields, payload["a"], strict=True)]


def after(queryset, terms, values):
    """Rows strictly after `values` in the order `terms`: (a, b) > (x, y), per direction."""
    condition = Q()
    for i, term in enumerate(terms):
        name = term.lstrip("-")
        step = Q(**{f"{name}__{'lt' if term.startswith('-') else 'gt'}": values[i]})
        for earlier, value in zip(terms[:i], values[:i], strict=True):
            step &= Q(**{earlier.lstrip("-"): value})
        condition |= step
    return queryset.filter(condition)
