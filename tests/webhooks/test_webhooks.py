import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from articles.models import Article
from tests.factories import ArticleFactory
from webhooks.delivery import JITTER, RETRY_DELAYS, attempt, retry_delay
from webhooks.guard import UnsafeTarget, address_allowed, check_url
from webhooks.models import Delivery, DeliveryStatus, Endpoint, Event

# Transactional: the worker closes and reopens its database connection between tasks,
# as it does in production, which a test wrapped in one transaction would not survive.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    """The real worker command, processing everything that is due, then exiting."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_publishing_sends_a_signed_post_that_the_reference_library_verifies(receiver, endpoint):
    article = ArticleFactory()
    article.publish()
    run_worker()
    [request] = receiver.requests
    headers = {k.lower(): v for k, v in request["headers"].items()}
    payload = Webhook(endpoint.secret).verify(request["body"], headers)
    assert payload["type"] == "article.published"
    assert payload["data"]["slug"] == article.slug
    assert payload["data"]["api_path"] == f"/api/v1/articles/{article.slug}/"
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.log.get().latency_ms is not None
    assert delivery.log.get().status_code == 204


@pytest.mark.parametrize(
    ("change", "event"),
    [
        (lambda a: setattr(a, "title", "New") or a.save(), "article.updated"),
        (lambda a: a.unpublish(), "article.unpublished"),
        (lambda a: a.delete(), "article.deleted"),
    ],
)
def test_update_unpublish_and_delete_are_events(receiver, endpoint, change, event):
    article = ArticleFactory(published=True)
    Event.objects.all().delete()
    change(article)
    run_worker()
    assert [p["type"] for p in receiver.payloads()] == [event]


def test_draft_edits_send_nothing(receiver, endpoint):
    article = ArticleFactory()
    article.title = "Still private"
    article.save()
    assert not Event.objects.exists()


def test_endpoints_only_get_the_events_they_chose(receiver, endpoint):
    endpoint.events = ["treatment.published"]
    endpoint.save()
    ArticleFactory(published=True)
    assert not Delivery.objects.exists()


def test_a_rolled_back_publish_sends_nothing(receiver, endpoint):
    article = ArticleFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.publish()
        raise RuntimeError("the request failed after publishing")
    assert not Event.objects.exists() and not DBTaskResult.objects.exists()
    run_worker()
    assert receiver.requests == []


def test_the_outbox_survives_until_a_worker_runs(receiver, endpoint):
    ArticleFactory(published=True)
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # queued, nothing sent yet
    assert receiver.requests == []
    run_worker()
    assert len(receiver.requests) == 1


def test_a_failure_is_retried_later_with_the_same_message_id(receiver, endpoint):
    receiver.status = 500
    ArticleFactory(published=True)
    run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    delay = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert RETRY_DELAYS[0] * (1 - JITTER) - 1 <= delay <= RETRY_DELAYS[0] * (1 + JITTER)
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == delivery.next_attempt_at
    receiver.status = 200
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # time passes
    run_worker()
    first, second = receiver.requests
    assert first["headers"]["webhook-id"] == second["headers"]["webhook-id"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 2)


def test_a_redirect_is_a_failure_and_is_not_followed(receiver, endpoint):
    receiver.status, receiver.headers = 302, {"Location": "http://169.254.169.254/"}
    ArticleFactory(published=True)
    run_worker()
    assert len(receiver.requests) == 1
    assert Delivery.objects.get().status == DeliveryStatus.PENDING


def test_410_gone_disables_the_endpoint(receiver, endpoint):
    receiver.status = 410
    ArticleFactory(published=True)
    run_worker()
    endpoint.refresh_from_db()
    assert not endpoint.is_active and "410" in endpoint.disabled_reason
    assert Delivery.objects.get().status == DeliveryStatus.CANCELLED
    ArticleFactory(published=True)
    assert Delivery.objects.count() == 1


def test_the_retry_schedule_has_at_least_five_attempts_then_gives_up(receiver, endpoint):
    assert len(RETRY_DELAYS) + 1 >= 5
    assert sorted(RETRY_DELAYS) == RETRY_DELAYS
    assert retry_delay(len(RETRY_DELAYS) + 1) is None
    receiver.status = 503
    ArticleFactory(published=True)
    delivery = Delivery.objects.select_related("endpoint", "event").get()
    for _ in range(len(RETRY_DELAYS) + 1):
        attempt(delivery)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.log.count() == len(RETRY_DELAYS) + 1


def test_the_timeout_is_at_most_15_seconds(settings):
    assert settings.WEBHOOK_TIMEOUT <= 15


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True),
        ("127.0.0.1", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("224.0.0.1", False),
    ],
)
def test_only_global_addresses_are_allowed(address, allowed):
    assert address_allowed(address) is allowed


def test_loopback_is_allowed_only_by_the_development_setting(settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    assert address_allowed("127.0.0.1") and address_allowed("::ffff:127.0.0.1")
    assert not address_allowed("10.0.0.1")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/hook", "http://localhost:8000/", "http://[::1]/", "ftp://93.184.215.14/",
     "https://user:secret@93.184.215.14/", "http://10.1.2.3/", "http://169.254.169.254/latest"],
)  # fmt: skip
def test_unsafe_urls_are_refused_when_an_endpoint_is_saved(url):
    with pytest.raises(ValidationError) as error:
        Endpoint(url=url).full_clean()
    assert "url" in error.value.message_dict


def test_a_public_address_is_accepted():
    check_url("https://93.184.215.14/hooks")


def test_the_target_is_checked_again_at_send_time(receiver, endpoint, settings):
    ArticleFactory(published=True)
    settings.WEBHOOK_ALLOW_LOOPBACK = False  # e.g. DNS now points inside the network
    run_worker()
    assert receiver.requests == []
    log = Delivery.objects.get().log.get()
    assert "UnsafeTarget" in log.error
    with pytest.raises(UnsafeTarget):
        check_url(endpoint.url)


def test_admin_redeliver_action_sends_again(client, superuser, receiver, endpoint):
    ArticleFactory(published=True)
    run_worker()
    client.force_login(superuser)
    client.post(
        reverse("admin:webhooks_delivery_changelist"),
        {"action": "redeliver", "_selected_action": [Delivery.objects.get().pk], "index": 0},
    )
    run_worker()
    assert len(receiver.requests) == 2
    assert Delivery.objects.get().attempts == 2


def test_admin_shows_the_delivery_log(client, superuser, receiver, endpoint):
    receiver.status = 500
    ArticleFactory(published=True)
    run_worker()
    client.force_login(superuser)
    page = client.get(reverse("admin:webhooks_delivery_change", args=[Delivery.objects.get().pk]))
    assert page.status_code == 200 and "500" in page.content.decode()


def test_a_scheduled_publish_fires_when_its_time_comes(receiver, endpoint):
    soon = timezone.now() + datetime.timedelta(hours=1)
    article = ArticleFactory()
    article.publish(when=soon)
    run_worker()
    assert receiver.requests == []
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # time passes
    run_worker()  # the reconcile task announces it, then its delivery runs
    run_worker()
    assert [p["type"] for p in receiver.payloads()] == ["article.published"]


def test_a_delivery_stalled_by_a_crashed_worker_is_swept_back_into_the_queue(receiver, endpoint):
    ArticleFactory(published=True)
    DBTaskResult.objects.update(status="RUNNING")  # the worker died holding the task
    Delivery.objects.update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    call_command("sweep_webhooks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_worker()
    assert len(receiver.requests) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SUCCEEDED
