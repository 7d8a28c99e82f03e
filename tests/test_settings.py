import os
import subprocess
import sys


def run_settings(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="project.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = run_settings(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_with_a_secret_key_starts():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_secret():
    assert run_settings(DJANGO_DEBUG="true").returncode == 0


def test_redis_url_selects_django_redis_that_degrades_on_outage():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND'], c['OPTIONS']['IGNORE_EXCEPTIONS'])"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="project.settings",
        DJANGO_DEBUG="true",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["django_redis.cache.RedisCache", "True"]
