"""Queries per request for each benchmarked URL, counted in-process on the bench database."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url, headers in json.loads(sys.argv[1]):
    cache.clear()
    client.get(url)  # warm the code paths
    cache.clear()  # but count a cold response: the cache would hide the work
    with CaptureQueriesContext(connection) as captured:
        client.get(url, headers=headers)
    counts[name] = len(captured)
print(json.dumps(counts))
