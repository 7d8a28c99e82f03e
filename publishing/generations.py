"""Content generations: what response caches and ETags are keyed on.

`bump()` runs inside the transaction of the change, so the new generation becomes
visible exactly when the change does. `snapshot()` is one primary-key read per request;
when the next scheduled publication or expiry has come, it first announces it.
"""

import datetime

from django.db import connections, router
from django.db.models import F, Min
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import ContentState

KINDS = ("treatment", "article", "taxonomy")
STATE_ID = 1
READ_SQL = (  # built from constants only
    f"SELECT {', '.join(KINDS)}, next_transition_at "  # noqa: S608
    f"FROM {ContentState._meta.db_table} WHERE id = %s"
)


def bump(*kinds):
    kinds = set(kinds)
    if not kinds:
        return
    updates = {kind: F(kind) + 1 for kind in kinds}
    if not ContentState.objects.filter(pk=STATE_ID).update(**updates):
        ContentState.objects.get_or_create(pk=STATE_ID)
        ContentState.objects.filter(pk=STATE_ID).update(**updates)


def snapshot():
    """{kind: generation} now, after announcing any transition whose time has come."""
    state = _read()
    if state["next_transition_at"] and state["next_transition_at"] <= timezone.now():
        from .transitions import reconcile_due

        reconcile_due()
        refresh_schedule()
        state = _read()
    return state


def _read():
    # A fixed SQL string: this runs on every API request, and compiling an ORM query
    # would cost more than executing it.
    # From the database the content is read from (a replica, if one serves reads).
    with connections[router.db_for_read(ContentState)].cursor() as cursor:
        cursor.execute(READ_SQL, [STATE_ID])
        row = cursor.fetchone()
    if row is None:
        ContentState.objects.get_or_create(pk=STATE_ID)
        return dict.fromkeys(KINDS, 0) | {"next_transition_at": None}
    *counters, next_at = row
    if isinstance(next_at, str):
        next_at = parse_datetime(next_at)
    if next_at is not None and timezone.is_naive(next_at):
        next_at = timezone.make_aware(next_at, datetime.UTC)
    return dict(zip(KINDS, counters, strict=True)) | {"next_transition_at": next_at}


def refresh_schedule():
    """Store the earliest future publish time of an unlisted item or expiry of a listed one."""
    from .transitions import publishable_models

    now, times = timezone.now(), []
    for model in publishable_models():
        scheduled = model.objects.filter(is_listed=False).scheduled(now)
        expiring = model.objects.filter(is_listed=True).expiring(now)
        times += [
            scheduled.aggregate(at=Min("published_at"))["at"],
            expiring.aggregate(at=Min("unpublish_at"))["at"],
        ]
    upcoming = min((t for t in times if t), default=None)
    if not ContentState.objects.filter(pk=STATE_ID).update(next_transition_at=upcoming):
        ContentState.objects.update_or_create(
            pk=STATE_ID, defaults={"next_transition_at": upcoming}
        )
