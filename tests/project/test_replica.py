"""With DATABASE_REPLICA_URL, public reads come from the replica; the rest from the primary."""

import json
import os
import subprocess
import sys

PROBE = """
import json, shutil, django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("load_demo", stdout=open("/dev/null", "w"))
from django.db import connections
connections.close_all()  # SQLite folds its write-ahead log into the file
shutil.copy(PRIMARY, REPLICA)  # the replica, caught up
from articles.models import Article
from django.contrib.auth.models import User
article = Article.objects.get(slug=SLUG)
article.title = "Edited on the primary"
article.save()  # not yet replicated
api = Client().get("/api/v1/articles/").json()["results"][0]["title"]
detail = Client().get(f"/api/v1/articles/{SLUG}/").json()["title"]
admin = Client()
admin.force_login(User.objects.create_superuser("admin", "a@example.com", "pw"))
page = admin.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
print(json.dumps({"api": api, "detail": detail, "admin": "Edited on the primary" in page}))
"""


def test_public_reads_use_the_replica_and_editors_the_primary(tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    slug = "whats-the-difference-between-botox-and-injected-fillers"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "true",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{primary}",
        "DATABASE_REPLICA_URL": f"sqlite:///{replica}",
        "CACHE_URL": "locmemcache://",
    }
    env.pop("REDIS_URL", None)
    script = f"PRIMARY, REPLICA, SLUG = {str(primary)!r}, {str(replica)!r}, {slug!r}\n{PROBE}"
    probe = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr[-2000:]
    seen = json.loads(probe.stdout.strip().splitlines()[-1])
    original = "What's the difference between Botox and injected fillers?"
    assert seen == {"api": original, "detail": original, "admin": True}
