"""Admin sign-in: lockout after repeated failures per address, optional TOTP two-factor."""

import pytest
from django.conf import global_settings
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

import project.settings

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff(db):
    return User.objects.create_user("staff", password="right-password", is_staff=True)


def sign_in(client, username, password, address="203.0.113.7", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_an_address_is_locked_out_after_five_failures_whatever_usernames_it_tries(staff):
    client = Client()
    for n in range(4):
        assert sign_in(client, f"guess-{n}", "wrong").status_code == 200
    assert sign_in(client, "guess-4", "wrong").status_code == 429  # the fifth locks
    locked = sign_in(client, "staff", "right-password")
    assert locked.status_code == 429  # even the right password, from this address
    assert not signed_in(locked)
    assert signed_in(sign_in(Client(), "staff", "right-password", address="198.51.100.1"))


def test_a_rotating_forwarded_for_header_does_not_reset_the_count(staff):
    client = Client()
    for n in range(5):
        sign_in(client, "staff", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = client.post(
        LOGIN,
        {"username": "staff", "password": "right-password"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429


def test_a_success_before_the_limit_clears_the_count(staff):
    client = Client()
    for _ in range(4):
        sign_in(client, "staff", "wrong")
    assert signed_in(sign_in(client, "staff", "right-password"))
    for _ in range(4):
        assert sign_in(Client(), "staff", "wrong").status_code == 200


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_staff_with_a_totp_device_need_its_code(staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    refused = sign_in(Client(), "staff", "right-password")
    assert refused.status_code == 200 and not signed_in(refused)
    assert "otp_token" in refused.content.decode()
    client = Client()
    assert signed_in(sign_in(client, "staff", "right-password", otp_token=code_for(device)))
    assert client.get("/admin/").status_code == 200
    wrong = sign_in(Client(), "staff", "right-password", otp_token="000000")
    assert not signed_in(wrong)


def test_staff_without_a_device_sign_in_with_a_password_unless_2fa_is_required(staff, settings):
    client = Client()
    assert signed_in(sign_in(client, "staff", "right-password"))
    assert client.get("/admin/").status_code == 200
    settings.ADMIN_REQUIRE_2FA = True
    assert client.get("/admin/").status_code == 302  # back to sign-in: no verified device
    assert not signed_in(sign_in(Client(), "staff", "right-password"))


def test_passwords_are_hashed_with_django_s_defaults():
    assert not hasattr(project.settings, "PASSWORD_HASHERS")
    assert global_settings.PASSWORD_HASHERS[0].endswith("PBKDF2PasswordHasher")
