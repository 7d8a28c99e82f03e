from django.urls import reverse
from django.utils import timezone

from .models import Delivery, Endpoint, Event


def emit(item, event):
    """Queue `<kind>.<event>` for every active endpoint that wants it.

    Runs inside the content change's transaction: the event, its deliveries and their
    tasks (rows of the database task backend) commit or roll back with the change.
    """
    kind = item._meta.model_name
    event_type = f"{kind}.{event}"
    endpoints = [e for e in Endpoint.objects.filter(is_active=True) if e.wants(event_type)]
    if not endpoints:
        return None
    from .tasks import deliver

    outbox_event = Event.objects.create(
        type=event_type,
        payload={
            "type": event_type,
            "timestamp": timezone.now().isoformat(),
            "data": {
                "type": kind,
                "slug": item.slug,
                "url": item.canonical_url(),
                "api_path": reverse(f"api:{kind}-detail", args=[item.slug]),
            },
        },
    )
    for endpoint in endpoints:
        delivery = Delivery.objects.create(endpoint=endpoint, event=outbox_event)
        deliver.enqueue(delivery.pk)
    return outbox_event
