#!/usr/bin/env python3
"""Kills `chorus-cli import` (and `chorus-cli index`) with SIGKILL at random moments and checks
that the case is always as before the import or holds the whole file, never part of it, and
that the text index is consistent and goes on where it stopped.

    bench/crash_import.py FILE [--runs 20] [--build build] [--seed 1] [--fresh]

FILE is any export Chorus reads (a generated one: bench_platform_import --keep, or
chorus-generate). Each run starts from a case holding one earlier import of a small fixture
(with --fresh: from no case at all, so that the import writes a new case through its rollback
journal, store/FreshCaseJournal), imports FILE, and is killed after a random delay of up to
the time a whole import takes.
"""
import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def cli(build, *args):
    return subprocess.run([os.path.join(build, "app", "chorus-cli"), *args],
                          capture_output=True, text=True, check=False)


def info(build, case):
    result = cli(build, "info", case, "--json")
    if result.returncode != 0:
        sys.exit(f"info failed on {case}: {result.stderr}")
    return json.loads(result.stdout)


def check_sqlite(case):
    db = sqlite3.connect(case)
    try:
        if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            sys.exit(f"{case}: SQLite integrity check failed")
        db.execute("INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')")
        db.rollback()
    finally:
        db.close()


def killed_after(command, delay):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--build", default="build")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", action="store_true",
                        help="import into a new case instead of one holding the fixture")
    parser.add_argument("--fixture", default=os.path.join(os.path.dirname(__file__), "..",
                                                          "tests", "data", "x_io_tweets.csv"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="chorus-crash.")
    try:
        base = os.path.join(work, "base.chorus")
        if args.fresh:
            before = 0
        else:
            if cli(args.build, "import", base, args.fixture).returncode != 0:
                sys.exit("could not import the fixture")
            before = info(args.build, base)["posts"]
        # The whole file, timed once, gives the range of the delays and the expected count.
        whole = os.path.join(work, "whole.chorus")
        if not args.fresh:
            shutil.copy(base, whole)
        start = time.monotonic()
        if cli(args.build, "import", whole, args.file).returncode != 0:
            sys.exit("the file does not import")
        duration = time.monotonic() - start
        after = info(args.build, whole)["posts"]
        print(f"{args.file}: {after - before} posts, import {duration:.1f} s; "
              f"{args.runs} kills at random moments")
        outcomes = {"nothing": 0, "whole file": 0}
        index_kills = 0
        for run in range(args.runs):
            case = os.path.join(work, f"run{run}.chorus")
            if not args.fresh:
                shutil.copy(base, case)
            delay = rng.uniform(0.05, duration * 1.1)
            killed_after([os.path.join(args.build, "app", "chorus-cli"), "import", case,
                          args.file], delay)
            # Killed before it created the case, or before the new case's schema was
            # committed (not a Chorus case yet): nothing was imported.
            if args.fresh and (not os.path.exists(case) or "not a Chorus case file" in
                               cli(args.build, "info", case).stderr):
                outcomes["nothing"] += 1
                continue
            posts = info(args.build, case)["posts"]
            if posts == before:
                outcomes["nothing"] += 1
            elif posts == after:
                outcomes["whole file"] += 1
            else:
                sys.exit(f"run {run}: killed after {delay:.2f} s, the case holds {posts} posts "
                         f"(expected {before} or {after})")
            check_sqlite(case)
            # Then the text index, killed too, and finished.
            pending = info(args.build, case)["text_index_pending"]
            if pending > 0:
                index_kills += 1
                killed_after([os.path.join(args.build, "app", "chorus-cli"), "index", case],
                             rng.uniform(0.05, 2.0))
                check_sqlite(case)
                if cli(args.build, "index", case).returncode != 0:
                    sys.exit(f"run {run}: the index did not go on after a kill")
                if info(args.build, case)["text_index_pending"] != 0:
                    sys.exit(f"run {run}: posts still wait for the index")
                db = sqlite3.connect(case)
                db.execute("INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)")
                db.close()
            os.remove(case)
            for suffix in ("-wal", "-shm", "-journal"):
                if os.path.exists(case + suffix):
                    os.remove(case + suffix)
        print(f"every case consistent: {outcomes['nothing']} as before the import, "
              f"{outcomes['whole file']} with the whole file; {index_kills} text index builds "
              f"killed and finished afterwards")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
