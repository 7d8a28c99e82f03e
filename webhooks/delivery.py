"""One delivery attempt, and what follows from its outcome (success, retry, give up)."""

import datetime
import json
import random
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Attempt, DeliveryStatus
from .signing import sign
from .transport import post

# Seconds to wait after failed attempt n (1-based) before attempt n + 1: seven attempts
# over about seven and a half hours, each delay jittered by ±20%.
RETRY_DELAYS = [5, 60, 300, 1800, 7200, 18000]
JITTER = 0.2


def retry_delay(attempts_made):
    """Seconds before the next attempt, or None when it is time to give up."""
    if attempts_made > len(RETRY_DELAYS):
        return None
    return RETRY_DELAYS[attempts_made - 1] * random.uniform(1 - JITTER, 1 + JITTER)  # noqa: S311


def attempt(delivery):
    """POST the event once and record the attempt; schedules the next one on failure."""
    from .tasks import deliver

    endpoint, event = delivery.endpoint, delivery.event
    body = json.dumps(event.payload, separators=(",", ":")).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"{settings.SITE_NAME} webhooks",
        "webhook-id": event.id,  # the same on every retry, so receivers can de-duplicate
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(endpoint.secret, event.id, timestamp, body),
    }
    status_code, excerpt, error = None, "", ""
    started = time.perf_counter()
    try:
        status_code, excerpt = post(endpoint.url, body, headers, settings.WEBHOOK_TIMEOUT)
    except Exception as failure:
        error = f"{type(failure).__name__}: {failure}"
    latency_ms = round((time.perf_counter() - started) * 1000)

    with transaction.atomic():
        delivery.attempts += 1
        Attempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            status_code=status_code,
            latency_ms=latency_ms,
            response_excerpt=excerpt,
            error=error,
        )
        delivery.next_attempt_at = None
        if status_code is not None and 200 <= status_code < 300:
            delivery.status = DeliveryStatus.SUCCEEDED
        elif status_code == 410:  # Gone: the receiver asks us to stop
            endpoint.is_active = False
            endpoint.disabled_reason = f"Answered 410 Gone on {timezone.now():%Y-%m-%d %H:%M} UTC"
            endpoint.save(update_fields=["is_active", "disabled_reason"])
            delivery.status = DeliveryStatus.CANCELLED
        elif (delay := retry_delay(delivery.attempts)) is None:
            delivery.status = DeliveryStatus.FAILED
        else:  # 3xx counts as failure too: redirects are not followed
            delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
            deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
        delivery.save(update_fields=["attempts", "status", "next_attempt_at", "updated_at"])
    return delivery
