import datetime
import os
import time

import hypothesis
import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

# In CI, property tests replay the same examples every run, so a landing never hangs
# on a lucky draw; explore locally with more examples (FUZZ_EXAMPLES, PROPERTY_EXAMPLES).
hypothesis.settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis.settings.load_profile("ci")


@pytest.fixture(autouse=True)
def frozen_rate_window(monkeypatch):
    """Rate-limit windows are fixed minutes: tests must not straddle a minute boundary."""
    from partners.throttling import RateThrottle

    start = time.time()
    monkeypatch.setattr(RateThrottle, "timer", staticmethod(lambda: start))


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and cached responses never leak from one test into another."""
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Move time forward: `clock.advance(days=2)` shifts django.utils.timezone.now()."""

    class Clock:
        offset = datetime.timedelta()

        def advance(self, **delta):
            self.offset += datetime.timedelta(**delta)

    clock, real_now = Clock(), timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + clock.offset)
    return clock


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _staff(username, role=None):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", "Editor")


@pytest.fixture
def publisher(db):
    return _staff("publisher", "Publisher")


@pytest.fixture
def medical_reviewer(db):
    return _staff("reviewer", "Medical reviewer")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.com", "pw")
