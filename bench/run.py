#!/usr/bin/env python
"""`make bench`: the real server, as production runs it, under a real HTTP load tool.

Generates content into a database of its own (SQLite file under bench/, or with
DATABASE_URL=postgres://... a `cms_bench` database on that server), starts gunicorn
(1 sync worker, DEBUG off), loads each endpoint with wrk and prints req/s and the worker's
CPU time per request, each as a ratio to the framework floor (/healthz), p50/p99 latency,
queries and bytes per response. CPU per request is the steadier figure on a shared machine,
where req/s swings with other load. Runs the
cached (warm) and uncached (cold) read paths, and with --growth the same at 100,000
articles. Results go to bench/results/ as JSON and a PNG chart.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--treatments", type=int, default=200)
    parser.add_argument("--duration", type=int, default=3, help="seconds of load per endpoint")
    parser.add_argument(
        "--rounds", type=int, default=3,
        help="rounds over all endpoints (floor included); each keeps its best round, so a "
        "burst of noise from a shared machine does not decide a ratio",
    )  # fmt: skip
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--growth", action="store_true", help="also measure at 100,000 articles")
    return parser.parse_args()


def database_url(articles):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        base, _, _ = url.rpartition("/")
        name = f"cms_bench_{articles}"
        admin = f"{base}/postgres"
        exists = subprocess.run(
            ["psql", admin, "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if not exists:
            subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        return f"{base}/{name}", "postgresql"
    return f"sqlite:///{ROOT / 'bench' / f'bench-{articles}.sqlite3'}", "sqlite"


def server_env(db_url, cache_on=True):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        API_ANON_RATE="100000000/min",
        API_RESPONSE_CACHE="true" if cache_on else "false",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    return subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )


def prepare(env, args, articles):
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    count = manage(
        env, "shell", "-c", "from articles.models import Article; print(Article.objects.count())"
    )
    have = int(count.stdout.strip().splitlines()[-1])
    if have < articles:
        print(f"Generating {articles - have} articles…", flush=True)
        subprocess.run(
            [PY, "manage.py", "generate_content", "--articles", str(articles - have),
             "--treatments", str(args.treatments), "--seed", str(articles)],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
    sample = manage(env, "shell", "-c", SAMPLE_CODE).stdout.strip().splitlines()[-1]
    return json.loads(sample)


SAMPLE_CODE = """
import json
from articles.models import Article, Tag
from treatments.models import Concern
a = Article.objects.published().order_by("-published_at")[5]
pages = Article.objects.published().count() // 20
print(json.dumps({"article": a.slug, "tag": Tag.objects.first().slug,
                  "concern": Concern.objects.first().slug, "deep_page": max(1, pages - 1)}))
"""


def endpoints(sample):
    return [
        ("floor /healthz", "/healthz", {}),
        ("article list", "/api/v1/articles/", {}),
        ("filtered list", f"/api/v1/articles/?tag={sample['tag']}", {}),
        ("treatment filter", f"/api/v1/treatments/?concern={sample['concern']}", {}),
        ("deep page", f"/api/v1/articles/?page={sample['deep_page']}", {}),
        ("detail", f"/api/v1/articles/{sample['article']}/", {}),
        ("search", "/api/v1/search/?q=collagen", {}),
        ("sync page", "/api/v1/sync/?page_size=100", {}),
        ("feed (rss)", "/feeds/articles.rss", {}),
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(Path(PY).parent / "gunicorn"), "project.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "1", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def worker_pids(self):
        command = ["pgrep", "-P", str(self.process.pid)]
        return subprocess.run(command, capture_output=True, text=True).stdout.split()

    def worker_rss_mb(self):
        rss = 0
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            rss = max(rss, int(re.search(r"VmRSS:\s+(\d+)", status).group(1)))
        return round(rss / 1024, 1)

    def worker_cpu_seconds(self):
        """CPU time the worker has used so far: unlike req/s, not swayed by other load."""
        ticks = 0
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers.get("ETag"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("ETag"), b""


def wrk(url, args, headers):
    command = ["wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "non_2xx": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output))
        else 0,
    }


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 3)


def measure(env, args, sample, cache_on):
    server = Server(server_env(env["DATABASE_URL"], cache_on))
    rows = []
    try:
        targets = endpoints(sample)
        if cache_on:
            status, etag, _ = fetch(server.url + "/api/v1/articles/")
            targets.insert(2, ("304 (If-None-Match)", "/api/v1/articles/", {"If-None-Match": etag}))
        best = {}
        for _ in range(args.rounds):
            for name, path, headers in targets:
                cpu_before = server.worker_cpu_seconds()
                result = wrk(server.url + path, args, headers)
                cpu = server.worker_cpu_seconds() - cpu_before
                result["cpu_ms"] = round(1000 * cpu / max(result.pop("requests"), 1), 3)
                if name in best:  # best round of each figure
                    result["cpu_ms"] = min(result["cpu_ms"], best[name]["cpu_ms"])
                    if result["rps"] < best[name]["rps"]:
                        result = {**best[name], "cpu_ms": result["cpu_ms"]}
                best[name] = result
        for name, path, headers in targets:
            status, _, body = fetch(server.url + path, headers)
            rows.append(
                {"endpoint": name, "path": path, "status": status, "bytes": len(body), **best[name]}
            )
        memory = server.worker_rss_mb()
    finally:
        server.stop()
    urls = json.dumps([(r["endpoint"], r["path"], {}) for r in rows])
    counted = subprocess.run(
        [PY, "bench/queries.py", urls], cwd=ROOT, env=server_env(env["DATABASE_URL"], False),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    queries = json.loads(counted.stdout.strip().splitlines()[-1])
    floor, floor_cpu = rows[0]["rps"], rows[0]["cpu_ms"]
    for row in rows:
        row["ratio"] = round(row["rps"] / floor, 3)
        row["cpu_ratio"] = round(floor_cpu / row["cpu_ms"], 3) if row["cpu_ms"] else None
        row["queries"] = queries.get(row["endpoint"])
    return rows, memory


def table(title, rows):
    print(f"\n{title}")
    columns = ["req/s", "x floor", "cpu ms", "x floor", "p50 ms", "p99 ms", "queries", "bytes"]
    print(f"{'endpoint':<22}" + "".join(f"{column:>9}" for column in columns))
    print(f"{'':<22}{'(wall)':>18}{'(cpu per request)':>18}")
    for r in rows:
        print(f"{r['endpoint']:<22}{r['rps']:>9.0f}{r['ratio']:>9.2f}{r['cpu_ms']:>9.2f}"
              f"{r['cpu_ratio'] or 0:>9.2f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}"
              f"{r['queries'] if r['queries'] is not None else '-':>9}{r['bytes']:>9}")  # fmt: skip


def chart(path, warm, cold):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(10, 5))
    names = [r["endpoint"] for r in warm]
    cold_by_name = {r["endpoint"]: r["ratio"] for r in cold}
    positions = range(len(names))
    axes.barh(
        [p + 0.2 for p in positions], [r["ratio"] for r in warm], height=0.4, label="warm (cached)"
    )
    axes.barh(
        [p - 0.2 for p in positions],
        [cold_by_name.get(n, 0) for n in names],
        height=0.4,
        label="cold",
    )
    axes.set_yticks(list(positions), names)
    axes.axvline(0.6, linestyle="--", color="grey")
    axes.set_xlabel("req/s as a ratio of the framework floor (/healthz)")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        print("Installing wrk (Debian package)…", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    sizes = [args.articles, 100_000] if args.growth else [args.articles]
    report = {"date": datetime.datetime.now(datetime.UTC).isoformat(), "runs": []}
    for articles in sizes:
        db_url, kind = database_url(articles)
        env = server_env(db_url)
        sample = prepare(env, args, articles)
        warm, memory = measure(env, args, sample, cache_on=True)
        cold, _ = measure(env, args, sample, cache_on=False)
        cache = "redis" if os.environ.get("REDIS_URL") else "local memory"
        table(f"{kind}, {articles} articles, cache {cache}: warm (response cache on)", warm)
        table(f"{kind}, {articles} articles: cold (response cache off)", cold)
        print(f"worker RSS after load: {memory} MB")
        report["runs"].append({"database": kind, "cache": cache, "articles": articles,
                               "warm": warm, "cold": cold, "worker_rss_mb": memory})  # fmt: skip
    if args.growth:
        small, large = report["runs"]
        print(f"\nGrowth, cold path: {args.articles:,} -> 100,000 articles")
        columns = ["p50 ms", "p50 ms", "ratio", "cpu ms", "cpu ms", "ratio"]
        print(f"{'endpoint':<22}" + "".join(f"{column:>9}" for column in columns))
        for before, after in zip(small["cold"], large["cold"], strict=True):
            p50 = after["p50_ms"] / before["p50_ms"] if before["p50_ms"] else 0
            cpu = after["cpu_ms"] / before["cpu_ms"] if before["cpu_ms"] else 0
            print(f"{before['endpoint']:<22}{before['p50_ms']:>9.2f}{after['p50_ms']:>9.2f}{p50:>8.2f}x"
                  f"{before['cpu_ms']:>9.2f}{after['cpu_ms']:>9.2f}{cpu:>8.2f}x")  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    stem = f"{datetime.date.today()}-{report['runs'][0]['database']}-{sizes[-1]}"
    (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2))
    chart(RESULTS / f"{stem}.png", report["runs"][0]["warm"], report["runs"][0]["cold"])
    print(f"\nWrote {RESULTS / stem}.json and .png")


if __name__ == "__main__":
    main()
