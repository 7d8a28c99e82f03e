"""The admin site: brute-force lockout (django-axes) and optional TOTP two-factor (django-otp).

Staff who have confirmed a TOTP device must give its current code to sign in; staff without
one sign in with their password, unless ADMIN_REQUIRE_2FA makes a device mandatory for all.
"""

import itertools

from django.conf import settings
from django.contrib import admin
from django_otp import devices_for_user, user_has_device
from django_otp.admin import OTPAdminAuthenticationForm


class LoginForm(OTPAdminAuthenticationForm):
    def clean_otp(self, user):
        if user is not None and (settings.ADMIN_REQUIRE_2FA or user_has_device(user)):
            super().clean_otp(user)

    def _chosen_device(self, user):
        """With a single device there is nothing to choose: its code is expected."""
        device = super()._chosen_device(user)
        if device is None:
            devices = list(itertools.islice(devices_for_user(user, confirmed=True), 2))
            device = devices[0] if len(devices) == 1 else None
        return device


class ContentAdminSite(admin.AdminSite):
    site_header = "Aesthetic medicine content"
    site_title = "Content admin"
    login_form = LoginForm
    login_template = "otp/admin111/login.html"  # django-otp's login page, with the code field

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        user = request.user
        if settings.ADMIN_REQUIRE_2FA or user_has_device(user):
            return user.is_verified()
        return True
