#!/usr/bin/env python3
"""Time to the first screen and idle memory of the full-screen wizard, side by side with a reference.

The reference is a Terminal.Gui hello-world window (tests/Benchmarks/HelloTui) published the same way
(Native AOT, linux-x64, Release: both projects set PublishAot). Each program starts in a fresh detached tmux pane at 80x24 (tmux
answers Terminal.Gui's start-up queries, as a real terminal does); the time to the first screen runs from
starting the pane until its text shows on the captured pane (polled about every 3 ms), and the idle memory
is the resident set (VmRSS) and its peak (VmHWM) two seconds after that, both from /proc. The two run in
turn, A B A B ..., after one warm-up each, and the ratio is taken pair by pair; quote the medians, since
shared machines are noisy.

Usage (from the repository root):
    python3 tests/Benchmarks/tui_startup.py [--pairs 10] [--no-publish] [--app PATH] [--hello PATH]
Needs: .NET SDK, clang and zlib1g-dev (Native AOT), tmux, Linux (/proc).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "artifacts", "bench-tui")


def publish():
    out = {}
    for name, project, exe in (("app", "src/OobWizard.Cli", "oobwizard"), ("hello", "tests/Benchmarks/HelloTui", "hello-tui")):
        folder = os.path.join(OUT, name)
        print(f"publishing {project} (Native AOT, linux-x64) ...", file=sys.stderr)
        subprocess.run(["dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "-o", folder],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        out[name] = os.path.join(folder, exe)
    return out["app"], out["hello"]


def tmux(*args, check=True):
    return subprocess.run(["tmux", *args], check=check, capture_output=True, text=True).stdout


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # kB -> MiB
    return float("nan")


def run_once(argv, marker, env, n):
    """(seconds to the first screen, VmRSS MiB, VmHWM MiB) of one start at 80x24."""
    name = f"tui-bench-{os.getpid()}-{n}"
    command = " ".join(["exec", "env", *[f"{k}={v}" for k, v in env.items()], *argv])
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command)
    try:
        while True:
            if marker in tmux("capture-pane", "-p", "-t", name, check=False):
                first = time.perf_counter() - start
                break
            if time.perf_counter() - start > 60:
                raise SystemExit(f"{argv[0]}: no '{marker}' within 60 s")
            time.sleep(0.003)
        pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        time.sleep(2)
        return first, status(pid, "VmRSS"), status(pid, "VmHWM")
    finally:
        tmux("kill-session", "-t", name, check=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--no-publish", action="store_true")
    parser.add_argument("--app", help="an already published oobwizard")
    parser.add_argument("--hello", help="an already published hello-tui")
    args = parser.parse_args()
    if args.app and args.hello:
        app, hello = args.app, args.hello
    elif args.no_publish:
        app = os.path.join(OUT, "app", "oobwizard")
        hello = os.path.join(OUT, "hello", "hello-tui")
    else:
        app, hello = publish()

    sessions = tempfile.mkdtemp(prefix="oobw-bench-")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "OOBW_SESSION_DIR": sessions}
    keeper = f"tui-bench-keep-{os.getpid()}"
    tmux("new-session", "-d", "-s", keeper, "sleep 3600")  # one tmux server for every run
    try:
        a = [app, "--offline", "--lang", "en"]
        b = [hello]
        run_once(a, "What is going wrong?", env, "warm-a")
        run_once(b, "Hello from Terminal.Gui", env, "warm-b")
        ra, rb = [], []
        for i in range(args.pairs):
            ra.append(run_once(a, "What is going wrong?", env, f"a{i}"))
            rb.append(run_once(b, "Hello from Terminal.Gui", env, f"b{i}"))
    finally:
        tmux("kill-session", "-t", keeper, check=False)

    def med(rows, k):
        return statistics.median(r[k] for r in rows)

    load = open("/proc/loadavg").read().split()[:3]
    print(f"Native AOT, {args.pairs} pairs, 80x24 in tmux, load average {' '.join(load)}; medians (min-max)")
    for label, k, unit in (("first screen", 0, "ms"), ("idle RSS", 1, "MiB"), ("idle peak RSS", 2, "MiB")):
        scale = 1000 if unit == "ms" else 1
        ratios = [x[k] / y[k] for x, y in zip(ra, rb)]
        print(f"  {label:14} oobwizard {med(ra, k) * scale:7.0f} {unit} ({min(r[k] for r in ra) * scale:.0f}-{max(r[k] for r in ra) * scale:.0f})"
              f"   hello-tui {med(rb, k) * scale:7.0f} {unit} ({min(r[k] for r in rb) * scale:.0f}-{max(r[k] for r in rb) * scale:.0f})"
              f"   ratio {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
    print(f"  sizes: oobwizard {os.path.getsize(app) / 2**20:.1f} MiB, hello-tui {os.path.getsize(hello) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
