"""
Settings for the aesthetic-medicine content API.

Everything that differs between a laptop and production comes from the environment
(see README "Configuration"); the defaults run the project on SQLite with a
local-memory cache and no other service.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from project.redis import FailFastConnection

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required when DJANGO_DEBUG is off "
            "(production); set it to a long random string, e.g. from "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The public website whose pages the API's canonical `url` fields point at.
SITE_URL = env("SITE_URL", default="https://example.com").rstrip("/")
# Optional frontend preview page; the admin links to it with the signed token appended.
PREVIEW_URL = env("PREVIEW_URL", default="")
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", default=7 * 24 * 3600)

INSTALLED_APPS = [
    "project.apps.ContentAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_prose_editor",
    "publishing",
    "treatments",
    "articles",
    "api",
    "partners",
    "changelog",
    "webhooks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.middleware.ProtectionMiddleware",
    "project.replica.ReplicaReadsMiddleware",
    "api.middleware.ConditionalAPIMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "project" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while an editor writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# Persistent connections: opening one per request would cost more than most queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A hung or slow query ends as a 503 instead of holding a worker; an unreachable server
    # is given up on quickly. manage.py sets no statement timeout (migrations, bulk loads).
    _timeout_ms = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=5000)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env.int("DATABASE_CONNECT_TIMEOUT", default=2),
        options=f"-c statement_timeout={_timeout_ms}",
    )

if env("DATABASE_REPLICA_URL", default=""):
    # Public reads from a streaming replica (project/replica.py); tests mirror the primary.
    DATABASES["replica"] = {
        **DATABASES["default"],
        **env.db("DATABASE_REPLICA_URL"),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["project.replica.ReplicaRouter"]

REDIS_URL = env("REDIS_URL", default="")
_redis_options = {
    # A Redis outage degrades to the database instead of failing requests: errors are
    # ignored (cache misses, unthrottled requests), and after one the connection stops
    # waiting on Redis for a few seconds (project/redis.py).
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.25),
    "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.25),
    "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
}
if env("CACHE_URL", default=""):
    CACHES = {"default": env.cache_url("CACHE_URL")}
    if "django_redis" in CACHES["default"]["BACKEND"]:
        CACHES["default"].setdefault("OPTIONS", {}).update(_redis_options)
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _redis_options,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Admin sign-in: django-axes counts failures per client address, whatever username is tried
# (rotating usernames does not help), and locks that address out for a while.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("ADMIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client address as the API throttle sees it: X-Forwarded-For only behind trusted proxies.
AXES_IPWARE_PROXY_COUNT = env.int("API_TRUSTED_PROXIES", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Two-factor sign-in (TOTP) for staff who set up a device; ADMIN_REQUIRE_2FA for everyone.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = env("SITE_NAME", default="Aesthetic Medicine Guide")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security: strict by default when DEBUG is off.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content Security Policy on every response: the admin and the API docs load scripts and
# styles from this site only; their inline code carries the per-response nonce. No eval.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash admits exactly the stylesheet the rich-text editor (Tiptap) injects; the
    # browser tests fail if an upgrade changes it.
    "style-src": [CSP.SELF, CSP.NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    # Style attributes only (the rich-text editor positions its menus with them); they can
    # neither run code nor load anything. <style> elements still need the nonce.
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "https:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# CORS: open for reads of the API and the feeds, never for the admin.
CORS_URLS_REGEX = r"^/(api/v1|feeds)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Location"]

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["api.fragments.FragmentJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["partners.authentication.APIKeyAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "partners.throttling.AnonymousRateThrottle",
        "partners.throttling.APIKeyRateThrottle",
    ],
    # Client address = REMOTE_ADDR unless this many proxies are trusted to append to
    # X-Forwarded-For; the default 0 means a client cannot pick its own address.
    "NUM_PROXIES": env.int("API_TRUSTED_PROXIES", default=0),
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": [
        "api.filters.FilterBackend",
        "api.filters.SearchFilter",
        "api.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JSONOnlyNegotiation",
    "URL_FORMAT_OVERRIDE": None,
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Aesthetic medicine content API",
    "DESCRIPTION": (
        "Published treatments and editorial articles for websites, apps and partner "
        "sites. Errors are RFC 9457 problem details; every successful GET carries an "
        "ETag for conditional requests."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_NO_READ_ONLY_REQUIRED": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.require_non_empty_query_values",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ContentTypeEnum": ["treatment", "article"],
        "CompareValueTypeEnum": ["text", "list", "range", "integer", "boolean"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# Public responses may be stored by browsers and CDNs but are revalidated (cheaply,
# with If-None-Match) before reuse, so a publish is never hidden behind a stale copy.
API_CACHE_CONTROL = env("API_CACHE_CONTROL", default="public, max-age=0, must-revalidate")

# Named as the publisher in schema.org data and feeds.
SITE_NAME = env("SITE_NAME", default="Aesthetic Medicine Guide")

# Syndication terms carried by every API item and feed entry.
CONTENT_LICENSE = env(
    "CONTENT_LICENSE", default="All rights reserved; republication by licensed partners only"
)
CONTENT_LICENSE_URL = env("CONTENT_LICENSE_URL", default=f"{SITE_URL}/syndication-terms/")

# Rate limits (Django REST Framework rate syntax); a key may carry its own rate.
API_ANON_RATE = env("API_ANON_RATE", default="600/min")
API_KEY_RATE = env("API_KEY_RATE", default="6000/min")

# Background tasks (webhook deliveries, scheduled publication) in the database:
# `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
WEBHOOK_TIMEOUT = env.int("WEBHOOK_TIMEOUT", default=10)  # seconds; at most 15
# Only for local development and tests: let webhooks reach 127.0.0.1 / ::1.
WEBHOOK_ALLOW_LOOPBACK = env.bool("WEBHOOK_ALLOW_LOOPBACK", default=False)
# The generation-keyed response cache (off: every request renders; for benchmarks).
API_RESPONSE_CACHE = env.bool("API_RESPONSE_CACHE", default=True)
# Cached API responses live this long at most; a publish invalidates them at once anyway.
API_RESPONSE_CACHE_TTL = env.int("API_RESPONSE_CACHE_TTL", default=24 * 3600)
