import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from webhooks.models import Delivery, DeliveryStatus
from webhooks.tasks import deliver


class Command(BaseCommand):
    help = (
        "Queue again the pending deliveries that nothing is working on (e.g. after a worker "
        "crashed mid-attempt). Safe to run from cron every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stalled-after", type=int, default=15, help="Minutes without progress (default 15)."
        )

    def handle(self, *args, stalled_after, **options):
        cutoff = timezone.now() - datetime.timedelta(minutes=stalled_after)
        stalled = Delivery.objects.filter(
            status=DeliveryStatus.PENDING, endpoint__is_active=True, updated_at__lt=cutoff
        ).exclude(next_attempt_at__gt=cutoff)
        count = 0
        with transaction.atomic():
            for delivery in stalled.select_for_update(skip_locked=True):
                delivery.save(update_fields=["updated_at"])  # progress: not swept again soon
                deliver.enqueue(delivery.pk)
                count += 1
        self.stdout.write(f"Queued {count} stalled deliveries again.")
