"""Load benchmark: gunicorn (2 workers, gunicorn.conf.py, DEBUG=0) on 127.0.0.1 over a seeded
database, driven by wrk; each page's throughput is compared with a trivial view of the same
server in the same run.

    .venv/bin/python bench/load/run.py                  # SQLite, then PostgreSQL (make bench-load)
    .venv/bin/python bench/load/run.py --db sqlite      # one database
    .venv/bin/python bench/load/run.py --duration 5 --finished 2000   # quicker

PostgreSQL runs in a throw-away cluster (.ci/with-postgres, on a free port). Needs wrk
(`apt-get install -y wrk`). The load goes to 127.0.0.1 only, bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import server  # noqa: E402

# Issue 12's targets per page: (throughput ratio to the trivial view, server CPU ms per request).
TARGETS = {"question": (0.25, 2), "submit": (0.12, 4), "results": (0.12, 4)}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["both", "sqlite", "postgres"], default="both")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--finished", type=int, default=20_000, help="finished attempts")
    parser.add_argument("--open", type=int, default=1_200, help="unanswered attempts to post to")
    parser.add_argument("--pg-port", help="default: a free port")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--profile", action="store_true", help="cProfile + SQL count per page")
    return parser.parse_args(argv)


def main() -> int:
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    if args.db != "both":
        result = run_one(args)
        print_report([result])
        if args.json:
            args.json.write_text(json.dumps(result, indent=1))
        return 0 if result["errors_total"] == 0 else 1
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        common = [
            "--duration", str(args.duration), "--threads", str(args.threads),
            "--connections", str(args.connections), "--finished", str(args.finished),
            "--open", str(args.open),
        ]  # fmt: skip
        if args.profile:
            common.append("--profile")
        for db in ("sqlite", "postgres"):
            out = Path(tmp) / f"{db}.json"
            command = [sys.executable, __file__, "--db", db, "--json", str(out), *common]
            env = dict(os.environ)
            if db == "postgres":
                command = [str(ROOT / ".ci" / "with-postgres"), *command]
                env.update(
                    PGPORT=args.pg_port or str(server.free_port()), PGDATABASE="quizsite_bench"
                )
            else:
                env.pop("DATABASE_URL", None)
            subprocess.run(command, cwd=ROOT, env=env, check=False)
            if out.exists():
                results.append(json.loads(out.read_text()))
    print("\n========== both databases ==========")
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    ok = len(results) == 2 and all(r["errors_total"] == 0 for r in results)
    return 0 if ok else 1


def run_one(args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="quizsite-bench-"))
    if args.db == "sqlite":
        database_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    else:
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url.startswith("postgres"):
            sys.exit("--db postgres needs DATABASE_URL (run through .ci/with-postgres)")
    port = server.free_port()
    env = server.production_env(database_url, port)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections
    from seed import seed

    print(f"[{args.db}] seeding…", flush=True)
    info = seed(finished_attempts=args.finished, open_attempts=args.open)
    print(f"[{args.db}] seeded in {info['seconds']:.1f} s: {info['counts']}", flush=True)
    db_version = _db_version(connection)
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()

    base = f"http://127.0.0.1:{port}"
    log_path = tmp / "gunicorn.log"
    process = server.start_gunicorn(env, log_path)
    try:
        student = server.login(base, info["student"], info["password"])
        teacher = server.login(base, info["teacher"], info["password"])
        # « Mes résultats » before the submissions: the student who posts them gains a few
        # hundred answers (and their per-fact results) per second, which the page would count.
        urls = {
            "trivial": "/bench/trivial/",
            "question": f"/quiz/tentatives/{info['page_attempt']}/questions/1/",
            "results": "/mes-resultats/",
            "submit": None,
            "dashboard": f"/enseignant/resultats/classes/{info['class_id']}/series/{info['set_id']}/",
        }
        for name, path in urls.items():  # every page answers 200 before the load starts
            if path:
                session = teacher if name == "dashboard" else student
                status = session.get(base + path, timeout=10).status_code
                if status != 200:
                    raise RuntimeError(f"{name} {path}: HTTP {status} before the load")
        bodies = tmp / "bodies.lua"
        items = [
            (f"/quiz/tentatives/{attempt}/questions/{position}/", urlencode(fields))
            for position, fields in info["open_questions"]
            for attempt in info["post_attempts"]
        ]
        with bodies.open("w") as out:
            out.write("return {\n")
            for url, body in items:
                out.write(f"{{[[{url}]], [[{body}]]}},\n")
            out.write("}\n")
        runs = {}
        for name, path in urls.items():
            session = teacher if name == "dashboard" else student
            cookie = server.cookie_header(session)
            cpu_before = server.cpu_seconds(process)
            if name == "submit":
                script = tmp / "submit.lua"
                script.write_text(
                    (HERE / "report.lua").read_text() + (HERE / "submit.lua").read_text()
                )
                before = _answered(info)
                extra = [str(bodies), str(args.threads), cookie, session.cookies["csrftoken"]]
                runs[name] = wrk(args, base + "/", script, extra=extra)
                time.sleep(0.5)  # let the last in-flight answers land
                stored = _answered(info) - before
                runs[name]["distinct_questions"] = len(items)
                runs[name]["answers_stored"] = stored
            else:
                runs[name] = wrk(args, base + path, HERE / "report.lua", cookie=cookie)
            r = runs[name]
            # Server CPU per request: steadier than req/s on a shared machine (wrk runs on the
            # same cores). PostgreSQL's own processes are not counted; SQLite runs in gunicorn.
            served = r["answers_stored"] if name == "submit" else r["requests"]
            cpu = server.cpu_seconds(process) - cpu_before
            r["cpu_ms_per_request"] = 1000 * cpu / served if served else 0.0
            print(
                f"[{args.db}] {name:10s} {r['rps']:8.1f} req/s  "
                f"CPU {r['cpu_ms_per_request']:.2f} ms/req  p50 {r['p50_ms']:.1f} ms  "
                f"p99 {r['p99_ms']:.1f} ms  errors {r['errors']}",
                flush=True,
            )
        gunicorn_errors = _server_errors(log_path)
    finally:
        server.stop(process)
    ceiling = runs["trivial"]["rps"]
    for r in runs.values():
        r["ratio"] = r["rps"] / ceiling if ceiling else 0.0
    profile = _profile(info, urls) if args.profile else None
    result = {
        "db": args.db,
        "db_version": db_version,
        "machine": {
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "params": {
            "duration": args.duration,
            "threads": args.threads,
            "connections": args.connections,
        },
        "counts": info["counts"],
        "seed_seconds": info["seconds"],
        "urls": urls,
        "runs": runs,
        "gunicorn_errors": gunicorn_errors,
        "errors_total": sum(r["errors"] for r in runs.values()) + len(gunicorn_errors),
        "profile": profile,
    }
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def wrk(args, url, script, *, cookie=None, extra=()) -> dict:
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
        "--timeout", "10s", "-s", str(script),
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(url)
    if extra:
        command += ["--", *extra]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    data = json.loads(re.search(r"^WRK_JSON (.*)$", output, re.M).group(1))
    socket_errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
    return {
        "requests": data["requests"],
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50_ms": data["p50_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "non_2xx_3xx": data["status"],
        "socket_errors": socket_errors,
        "errors": data["status"] + socket_errors,
    }


def _answered(info) -> int:
    from quizzes.models import AttemptQuestion

    return AttemptQuestion.objects.filter(
        attempt_id__in=info["post_attempts"], answered_at__isnull=False
    ).count()


def _db_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0]
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]


def _server_errors(log_path: Path) -> list[str]:
    """5xx lines of the access log and tracebacks in the error log."""
    lines = log_path.read_text(errors="replace").splitlines()
    return [
        line
        for line in lines
        if re.search(r'" 5\d\d ', line) or "Traceback" in line or "[ERROR]" in line
    ][:20]


def _profile(info, urls) -> dict:
    """SQL queries and the top cProfile entries of one request per page (test client, same
    database, same settings)."""
    import cProfile
    import io
    import pstats

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    User = get_user_model()
    out = {}
    for name, path in urls.items():
        if not path or name == "trivial":
            continue
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(
            User.objects.get(username=info["teacher" if name == "dashboard" else "student"])
        )
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        count = len(queries)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for _ in range(20):
            client.get(path)
        profiler.disable()
        elapsed = (time.perf_counter() - start) / 20 * 1000
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(r"quizzes/|quizsite/|shortcuts.py", 20)
        stats.sort_stats("tottime").print_stats(15)
        out[name] = {"queries": count, "ms_in_process": elapsed, "top": text.getvalue()}
    return out


def print_report(results: list[dict]) -> None:
    for result in results:
        m = result["machine"]
        p = result["params"]
        print(
            f"\n### {result['db_version']} — nproc {m['nproc']}, Python {m['python']}, "
            f"wrk -t{p['threads']} -c{p['connections']} -d{p['duration']}s\n"
        )
        print(f"Données : {result['counts']} (construites en {result['seed_seconds']:.0f} s)\n")
        print(
            "| page | req/s | ratio to trivial (target) | gunicorn CPU ms/request (target) | "
            "p50 ms | p99 ms | non-2xx/3xx | socket errors |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in result["runs"].items():
            ratio_target, cpu_target = TARGETS.get(name, (None, None))
            ratio = f"{r['ratio']:.2f}" + (f" (≥ {ratio_target})" if ratio_target else "")
            cpu = f"{r.get('cpu_ms_per_request', 0):.2f}" + (
                f" (≤ {cpu_target})" if cpu_target else ""
            )
            print(
                f"| {name} | {r['rps']:.0f} | {ratio} | {cpu} | {r['p50_ms']:.1f} | "
                f"{r['p99_ms']:.1f} | {r['non_2xx_3xx']} | {r['socket_errors']} |"
            )
        submit = result["runs"].get("submit", {})
        if submit:
            print(
                f"\nSoumission : {submit['requests']} requêtes, {submit['answers_stored']} "
                f"réponses enregistrées ({submit['distinct_questions']} questions distinctes "
                "disponibles)."
            )
        print(f"Erreurs au total : {result['errors_total']}")
        for line in result["gunicorn_errors"]:
            print("  gunicorn:", line)
        if result.get("profile"):
            for name, prof in result["profile"].items():
                print(
                    f"\n-- {name}: {prof['queries']} requêtes SQL, {prof['ms_in_process']:.1f} ms"
                )
                print(prof["top"])


if __name__ == "__main__":
    sys.exit(main())
