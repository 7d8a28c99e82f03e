from django.tasks import task

from .delivery import attempt
from .models import Delivery, DeliveryStatus


@task()
def deliver(delivery_id):
    """Background task: one attempt at one delivery (run by `manage.py db_worker`)."""
    delivery = Delivery.objects.select_related("endpoint", "event").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return
    if not delivery.endpoint.is_active:
        Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.CANCELLED)
        return
    attempt(delivery)
