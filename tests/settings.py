"""Test settings: production settings with a throwaway secret and plain HTTP."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-used-only-by-the-test-suite-0123456789")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from project.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
ALLOWED_HOSTS = ["testserver", "localhost"]  # schemathesis calls the WSGI app as localhost
