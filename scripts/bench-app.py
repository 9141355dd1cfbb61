#!/usr/bin/env python3
"""Whole-app figures: start-up time to the first interactive paint, and
settled memory (PSS of the app plus its WebKit processes), for Kindred and
for a bare Tauri window built from the same workspace, in the same run.

Both binaries print `KINDRED_READY unix_ms=<ms>` once their page has painted
(Kindred after its first screen has loaded its data). Start-up is that time
minus the moment just before the process was spawned.

Usage: scripts/bench-app.py [--runs N] [--settle SECONDS] [--profile release|debug]
Run it inside a virtual display and a session bus, for example:
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- python3 scripts/bench-app.py
(scripts/bench-app.sh does the build and that wrapping.)
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

READY = re.compile(r"KINDRED_READY unix_ms=(\d+)")


def descendants(pid):
    """The process and everything it started (WebKit's web and network processes)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Field 4 is the parent pid; the name in field 2 may contain spaces.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def pss_kib(pid):
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    m = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(m.group(1)) if m else 0


def process_name(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def cpu_seconds(pids):
    """User plus system CPU time of these processes so far, in seconds."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def idle_cpu(binary, settle, seconds, timeout=60):
    """CPU used by the app and its WebKit processes while left alone with
    its window open, as a share of one core."""
    data_dir = tempfile.mkdtemp(prefix="kindred-idle-")
    env = dict(os.environ, KINDRED_DATA_DIR=data_dir)
    proc = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        for line in proc.stdout:
            if READY.search(line):
                break
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        time.sleep(settle)
        pids = descendants(proc.pid)
        before = cpu_seconds(pids)
        time.sleep(seconds)
        used = cpu_seconds(pids) - before
        return used, used / seconds
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def one_run(binary, settle, timeout=60, data_dir=None):
    """Start-up time, settled PSS and PSS by process for one launch. The app
    starts on `data_dir` when given (left in place: scripts/bench-big-life.py
    passes copies of its stores), else on a new empty folder, removed after."""
    own_dir = data_dir is None
    if own_dir:
        data_dir = tempfile.mkdtemp(prefix="kindred-bench-")
    env = dict(os.environ, KINDRED_DATA_DIR=data_dir)
    start_ms = time.time() * 1000
    proc = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    found = []
    ready = threading.Event()

    def watch():
        # Keep draining stdout so the app never blocks on a full pipe.
        for line in proc.stdout:
            m = READY.search(line)
            if m and not found:
                found.append(int(m.group(1)))
                ready.set()

    threading.Thread(target=watch, daemon=True).start()
    try:
        if not ready.wait(timeout):
            raise RuntimeError(f"{binary} did not report readiness within {timeout} s")
        ready_ms = found[0]
        time.sleep(settle)
        pids = descendants(proc.pid)
        per_process = {}
        for p in pids:
            per_process[process_name(p)] = per_process.get(process_name(p), 0) + pss_kib(p)
        return ready_ms - start_ms, sum(per_process.values()), per_process
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if own_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--settle", type=float, default=5.0)
    ap.add_argument("--app", required=True, help="path to the Kindred binary")
    ap.add_argument("--baseline", required=True, help="path to the bare_window example binary")
    ap.add_argument("--json", help="write the raw figures here")
    ap.add_argument("--idle", type=float, default=60.0, help="seconds of idle CPU measurement (0 to skip)")
    args = ap.parse_args()

    results = {"app": [], "baseline": []}
    # Interleave the two so drift on the machine affects both alike.
    for i in range(args.runs):
        for key, binary in (("baseline", args.baseline), ("app", args.app)):
            startup, pss, parts = one_run(binary, args.settle)
            results[key].append({"startup_ms": startup, "pss_kib": pss, "parts": parts})
            print(f"run {i + 1} {key:8s} start-up {startup:7.0f} ms  memory {pss / 1024:6.1f} MiB  {parts}",
                  file=sys.stderr)

    def med(key, field):
        return statistics.median(r[field] for r in results[key])

    summary = {
        "runs": args.runs,
        "startup_ms": {"app": med("app", "startup_ms"), "baseline": med("baseline", "startup_ms")},
        "pss_mib": {"app": med("app", "pss_kib") / 1024, "baseline": med("baseline", "pss_kib") / 1024},
    }
    if args.idle > 0:
        summary["idle_cpu"] = {}
        for key, binary in (("baseline", args.baseline), ("app", args.app)):
            used, share = idle_cpu(binary, args.settle, args.idle)
            summary["idle_cpu"][key] = {"cpu_seconds": used, "share_of_one_core": share}
            print(f"idle {key:8s} {used:.2f} s of CPU over {args.idle:.0f} s ({share * 100:.2f} % of one core)",
                  file=sys.stderr)
    summary["startup_ratio"] = summary["startup_ms"]["app"] / summary["startup_ms"]["baseline"]
    summary["pss_ratio"] = summary["pss_mib"]["app"] / summary["pss_mib"]["baseline"]
    print(json.dumps(summary, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "runs": results}, indent=2))


if __name__ == "__main__":
    main()
