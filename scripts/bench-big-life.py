#!/usr/bin/env python3
"""The benchmark of a big life (issue #14): Kindred on an empty store and on
ten years of use (1,000 people and groups, 20,000 contacts, 2,500 guided
reflections with 10,120 journal entries), measured in the same run.

The big store is made once, by the core crate's `big_life` example
(`--seed 7 --into DIR`: the seeded generator in
src-tauri/crates/core/benches/common/big_life.rs, brought in through the
same import as Settings → Your data). The empty store is `big_life --empty`:
a Kindred whose database exists and holds nobody. Kindred shows its first-run
questions whenever nobody is on the map (ui/src/App.svelte), so an empty
Kindred that has "finished" first run doesn't exist; the empty store *is* the
honest empty Kindred, and its first screen is the first-run welcome.

Each run, for each store in turn (empty then big, so drift on the machine
touches both alike), on a fresh copy of the store:

* Start-up and memory: scripts/bench-app.py's own launch (imported, not
  copied): spawn the release binary with KINDRED_DATA_DIR on the copy, time
  from just before spawn to `KINDRED_READY` (printed once the first screen
  has loaded its data and painted twice), then, after `--settle` seconds,
  the PSS of the app and its WebKit processes.
* Screens: the app is started again (on another fresh copy) through
  tauri-driver and WebKitWebDriver, as the end-to-end tests do (capability
  `tauri:options.application`), spoken to in plain WebDriver HTTP/JSON. For
  each of Today, Map, People and Reflect the script first opens Settings and
  lets it settle, then clicks the screen's button in the main navigation;
  Journal (and Progress) are the Reflect screen's tabs, clicked once Reflect
  has settled.

A screen's settle time is measured inside the page with performance.now().
One asynchronous script installs a MutationObserver on the whole document
(children, attributes, text), notes the time, clicks, and then watches: every
batch of DOM changes records its time and asks for two animation frames (the
second runs once the frame showing that change has been painted). The screen
has settled once the DOM has been quiet for `--quiet` ms (150), no frame is
pending, and no IPC call is in flight (window.fetch is wrapped to count
Tauri's `ipc:` requests, so a slow command can't pass for quiet). Two times
are kept, both from the click and neither counting the quiet window nor any
WebDriver round trip: the *last DOM change*, and the *settle* time, the paint
after that last change (under Xvfb's software rendering a frame of a big
window costs tens of milliseconds, so even an empty screen takes ~100 ms to
show). A screen with no change at all settles at 0. DOM size is
`document.getElementsByTagName('*').length` once settled. Memory is read
again once every screen has been visited (PSS of the app the driver started
and its WebKit processes).

The counter can only be installed once the page is up, after the first
screen has sent its own requests, so the first screen is only waited for
(2 s of quiet) and its DOM size recorded; its time is the start-up above.

Figures are medians over the runs. Output: a table (metric, empty, big,
ratio; ratios above 2 are marked) and `--json` (default
bench-results/big-life.json) with every run.

Usage (scripts/bench-big-life.sh builds everything and wraps it):
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
    python3 scripts/bench-big-life.py --app <target>/release/kindred \\
    --generator <target>/release/examples/big_life [--runs 5]
"""

import argparse
import base64
import datetime
import http.client
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_bench_app():
    """scripts/bench-app.py as a module (its name has a dash in it)."""
    spec = importlib.util.spec_from_file_location("bench_app", HERE / "bench-app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_app = load_bench_app()

STORES = ("empty", "big")
# Main-navigation screens, measured from a settled Settings screen.
NAV_SCREENS = ("Today", "Map", "People", "Reflect")
# The Reflect screen's tabs, measured one after the other from Reflect.
TABS = (("Journal", "#reflect-tab-journal"), ("Progress", "#reflect-tab-progress"))

# The quiet that counts as settled for the first screen (see screens_run).
FIRST_QUIET_MS = 2000

# Installed once per page: counts Tauri IPC requests in flight. Tauri 2 sends
# each command as a fetch to the ipc: protocol (its invoke is read-only).
INSTALL = r"""
if (!window.__bench) {
  const b = (window.__bench = { inflight: 0, lastIpc: performance.now() });
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : (input && input.url) || '';
    if (!/^ipc:|ipc\.localhost/.test(url)) return realFetch(input, init);
    b.inflight++;
    const done = () => { b.inflight--; b.lastIpc = performance.now(); };
    const p = realFetch(input, init);
    p.then(done, done);
    return p;
  };
}
return true;
"""

# Clicks (or, with no target, just watches) and resolves once settled.
SETTLE = r"""
const [how, what, quietMs, timeoutMs, done] = arguments;
const b = window.__bench;
let target = null;
if (how === 'nav') {
  target = [...document.querySelectorAll('nav[aria-label="Main"] button')]
    .find((el) => el.textContent.trim() === what);
} else if (how === 'css') {
  target = document.querySelector(what);
}
if (how !== 'none' && !target) { done({ error: 'nothing to click for ' + what }); return; }
let lastChange = -1, lastPaint = -1, framesPending = 0, batches = 0;
const observer = new MutationObserver(() => {
  batches++;
  lastChange = performance.now();
  framesPending++;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    lastPaint = performance.now();
    framesPending--;
  }));
});
observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
const t0 = performance.now();
if (target) target.click();
const check = () => {
  const now = performance.now();
  const quietSince = Math.max(lastChange, b.lastIpc, t0);
  const settled = b.inflight === 0 && framesPending === 0 && now - quietSince >= quietMs;
  if (settled || now - t0 > timeoutMs) {
    observer.disconnect();
    done({
      settle_ms: lastChange < 0 ? 0 : Math.max(lastPaint, lastChange) - t0,
      last_change_ms: lastChange < 0 ? 0 : lastChange - t0,
      dom: document.getElementsByTagName('*').length,
      batches,
      timed_out: !settled,
    });
    return;
  }
  setTimeout(check, 10);
};
setTimeout(check, 10);
"""


class WebDriver:
    """Just enough of the W3C WebDriver protocol, over urllib."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None, timeout=180, attempts=4):
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(attempts):
            req = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=timeout) as res:
                    return json.loads(res.read() or b"{}").get("value")
            except urllib.error.HTTPError as e:
                raise RuntimeError(f"WebDriver {method} {path}: {e.code} {e.read()[:500]!r}") from None
            except (http.client.RemoteDisconnected, ConnectionResetError) as e:
                # tauri-driver now and then finds its pooled connection to
                # WebKitWebDriver closed and drops the request unsent
                # ("client error (SendRequest)" in its log): send it again.
                if attempt + 1 == attempts:
                    raise RuntimeError(f"WebDriver {method} {path}: {e}") from None
                time.sleep(0.5)

    def ready(self):
        try:
            self.call("GET", "/status", timeout=2)
            return True
        except (OSError, RuntimeError):
            return False

    def start(self, app):
        value = self.call("POST", "/session", {
            "capabilities": {"alwaysMatch": {"tauri:options": {"application": app}}},
        })
        self.session = value["sessionId"]
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 120_000})

    def run(self, script, *args):
        return self.call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script, *args):
        return self.call("POST", f"/session/{self.session}/execute/async", {"script": script, "args": list(args)})

    def screenshot(self, path):
        png = self.call("GET", f"/session/{self.session}/screenshot")
        Path(path).write_bytes(base64.b64decode(png))

    def end(self):
        if self.session:
            try:
                self.call("DELETE", f"/session/{self.session}", timeout=30)
            except (OSError, RuntimeError):
                pass
            self.session = None


def single_instance_held():
    """Whether the session bus still has an owner for Kindred's single-instance name."""
    try:
        out = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", "string:app.kindred.desktop.SingleInstance"],
            capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "boolean true" in out.stdout


def wait_released(app, seconds=20):
    """Until no Kindred from `app` runs and the bus has let go of its name: a
    launch in between would hand over to the old one and end at once."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        running = any(os.path.realpath(f"/proc/{p}/exe") == os.path.realpath(app)
                      for p in os.listdir("/proc") if p.isdigit() and os.path.exists(f"/proc/{p}/exe"))
        if not running and not single_instance_held():
            return
        time.sleep(0.1)
    raise RuntimeError("Kindred was still running 20 s after it was closed")


def app_pss_kib(root_pid, app):
    """PSS of the Kindred process under `root_pid` and everything it started."""
    for pid in bench_app.descendants(root_pid):
        try:
            if os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(app):
                return sum(bench_app.pss_kib(p) for p in bench_app.descendants(pid))
        except OSError:
            continue
    return 0


def screens_run(app, driver_bin, data_dir, port, quiet_ms, timeout_ms, log, shots=None):
    """Start the app through tauri-driver on `data_dir` and settle each screen
    (saving a screenshot of each in `shots`, a path prefix, when given)."""
    env = dict(os.environ, KINDRED_DATA_DIR=data_dir)
    driver = subprocess.Popen([driver_bin, "--port", str(port), "--native-port", str(port + 1)], env=env,
                              stdout=log, stderr=log, start_new_session=True)
    wd = WebDriver(port)
    out = {}
    try:
        deadline = time.time() + 30
        while not wd.ready():
            if time.time() > deadline:
                raise RuntimeError(f"tauri-driver did not answer on port {port} within 30 s")
            time.sleep(0.2)
        wd.start(app)
        deadline = time.time() + 60
        while not wd.run('return !!document.querySelector(\'nav[aria-label="Main"]\')'):
            if time.time() > deadline:
                raise RuntimeError("the main navigation did not appear within 60 s")
            time.sleep(0.1)
        wd.run(INSTALL)
        # The first screen's own IPC calls began before the counter was
        # installed, so it gets a long quiet window instead.
        first = wd.run_async(SETTLE, "none", "", FIRST_QUIET_MS, timeout_ms)
        out["first screen"] = first

        def shoot(name):
            if shots:
                wd.screenshot(f"{shots}-{name.replace(' ', '-').lower()}.png")

        shoot("first screen")
        for name in NAV_SCREENS:
            wd.run_async(SETTLE, "nav", "Settings", quiet_ms, timeout_ms)
            out[name] = wd.run_async(SETTLE, "nav", name, quiet_ms, timeout_ms)
            shoot(name)
        for name, css in TABS:
            out[name] = wd.run_async(SETTLE, "css", css, quiet_ms, timeout_ms)
            shoot(name)
        for name, r in out.items():
            if r.get("error"):
                raise RuntimeError(f"{name}: {r['error']}")
        pss = app_pss_kib(driver.pid, app)
        return out, pss
    finally:
        wd.end()
        try:
            os.killpg(driver.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(driver.pid, signal.SIGKILL)
            driver.wait()


def make_store(generator, work, name, args):
    path = work / f"{name}-store"
    cmd = [generator, "--into", str(path)] + (["--empty"] if name == "empty" else ["--seed", str(args.seed)])
    started = time.time()
    subprocess.run(cmd, check=True)
    return path, time.time() - started


def machine():
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    webkit = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"],
                            capture_output=True, text=True).stdout.strip() or "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release(),
            "webkitgtk": webkit}


def git_state():
    def git(*a):
        return subprocess.run(["git", *a], capture_output=True, text=True, cwd=HERE.parent).stdout.strip()
    return {"head": git("rev-parse", "HEAD"), "uncommitted": git("status", "--short").splitlines()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--app", required=True, help="the release Kindred binary")
    ap.add_argument("--generator", required=True, help="the big_life example binary")
    ap.add_argument("--driver", default=shutil.which("tauri-driver") or "tauri-driver")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--settle", type=float, default=5.0, help="seconds after ready before memory is read")
    ap.add_argument("--quiet", type=float, default=150.0, help="ms without DOM change that counts as settled")
    ap.add_argument("--screen-timeout", type=float, default=60.0, help="seconds a screen may take to settle")
    ap.add_argument("--port", type=int, default=4720)
    ap.add_argument("--json", default="bench-results/big-life.json")
    ap.add_argument("--screenshots", help="a folder for a screenshot of each screen in the first run")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kindred-big-life-"))
    # tauri-driver's and WebKitWebDriver's own words, kept beside the figures.
    log_path = Path(args.json or "bench-results/big-life.json").with_suffix(".driver.log")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "w")
    try:
        stores, build = {}, {}
        for name in STORES:
            stores[name], build[name] = make_store(args.generator, work, name, args)
        db_bytes = {name: sum(f.stat().st_size for f in stores[name].iterdir()) for name in STORES}
        print(f"stores made: big in {build['big']:.1f} s, {db_bytes['big'] / 1e6:.1f} MB on disk", file=sys.stderr)

        runs = {name: [] for name in STORES}
        port = args.port
        for i in range(args.runs):
            for name in STORES:
                copy = work / f"run-{i}-{name}-launch"
                shutil.copytree(stores[name], copy)
                wait_released(args.app)
                startup, pss, parts = bench_app.one_run(args.app, args.settle, data_dir=str(copy))
                shutil.rmtree(copy, ignore_errors=True)

                copy = work / f"run-{i}-{name}-screens"
                shutil.copytree(stores[name], copy)
                wait_released(args.app)
                shots = None
                if args.screenshots and i == 0:
                    Path(args.screenshots).mkdir(parents=True, exist_ok=True)
                    shots = str(Path(args.screenshots) / name)
                screens, pss_after = screens_run(args.app, args.driver, str(copy), port, args.quiet,
                                                 args.screen_timeout * 1000, log, shots)
                port += 2
                shutil.rmtree(copy, ignore_errors=True)
                run = {"startup_ms": startup, "pss_kib": pss, "parts": parts, "screens": screens,
                       "pss_after_screens_kib": pss_after}
                runs[name].append(run)
                shown = "  ".join(f"{k} {v['settle_ms']:.0f} ms/{v['dom']}" for k, v in screens.items())
                print(f"run {i + 1} {name:5s} start-up {startup:6.0f} ms  memory {pss / 1024:6.1f} MiB "
                      f"(after screens {pss_after / 1024:6.1f})  {shown}", file=sys.stderr)
                late = [k for k, v in screens.items() if v.get("timed_out")]
                if late:
                    print(f"  did not settle within {args.screen_timeout:.0f} s: {', '.join(late)}", file=sys.stderr)

        def med(name, get):
            return statistics.median(get(r) for r in runs[name])

        metrics = [
            ("start-up to first screen (ms)", lambda r: r["startup_ms"]),
            ("memory, settled at start (MiB PSS)", lambda r: r["pss_kib"] / 1024),
            ("memory, after every screen (MiB PSS)", lambda r: r["pss_after_screens_kib"] / 1024),
            ("first screen: DOM elements", lambda r: r["screens"]["first screen"]["dom"]),
        ]
        for screen in NAV_SCREENS + tuple(t for t, _ in TABS):
            metrics.append((f"{screen}: settle (ms)", lambda r, s=screen: r["screens"][s]["settle_ms"]))
            metrics.append((f"{screen}: last DOM change (ms)", lambda r, s=screen: r["screens"][s]["last_change_ms"]))
            metrics.append((f"{screen}: DOM elements", lambda r, s=screen: r["screens"][s]["dom"]))
        summary = {}
        for label, get in metrics:
            empty, big = med("empty", get), med("big", get)
            summary[label] = {"empty": empty, "big": big, "ratio": big / empty if empty else None}

        width = max(len(m) for m in summary)
        print(f"\n{'metric':{width}s}  {'empty':>9s}  {'big':>9s}  {'ratio':>7s}")
        for label, v in summary.items():
            ratio = "-" if v["ratio"] is None else f"{v['ratio']:.2f}"
            flag = "  > 2x" if v["ratio"] is not None and v["ratio"] > 2 else ""
            print(f"{label:{width}s}  {v['empty']:9.1f}  {v['big']:9.1f}  {ratio:>7s}{flag}")

        result = {
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "machine": machine(),
            "git": git_state(),
            "method": {"runs": args.runs, "seed": args.seed, "settle_s": args.settle, "quiet_ms": args.quiet,
                       "screens": list(NAV_SCREENS), "tabs": [t for t, _ in TABS]},
            "stores": {name: {"made_in_s": build[name], "bytes_on_disk": db_bytes[name]} for name in STORES},
            "summary": summary,
            "runs": runs,
        }
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps(result, indent=2))
            print(f"\nwrote {args.json}", file=sys.stderr)
    finally:
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
