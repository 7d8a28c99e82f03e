"""An optional read replica (DATABASE_REPLICA_URL) for the public read path.

GET and HEAD requests to the API, feeds and sitemap read from the replica; the admin,
every write, and every read inside a transaction on the primary (read-your-writes for
editors, locks for publication transitions) use the primary. The content generation is
read from the same database as the content, so a lagging replica serves a consistent,
slightly older site, never a newer ETag on older content.
"""

import contextvars

from django.db import connections

PUBLIC_READ_PREFIXES = ("/api/v1/", "/feeds/", "/sitemap.xml")
_public_read = contextvars.ContextVar("public_read", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and not connections["default"].in_atomic_block:
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = request.method in ("GET", "HEAD") and request.path.startswith(PUBLIC_READ_PREFIXES)
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
