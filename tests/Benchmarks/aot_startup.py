#!/usr/bin/env python3
"""Startup, size and memory of the published Native AOT oobwizard, side by side with a reference.

The reference is a Spectre.Console hello world (tests/Benchmarks/HelloSpectre) published the same way.
For each command the two run in turn, A B A B ..., after one warm-up run each; each run is timed from
outside (wall clock, and user+sys CPU from the kernel's accounting of the finished process), and the
ratio is taken pair by pair, so a machine whose speed drifts still compares like with like. Quote the
medians: shared machines are noisy.

Usage (from the repository root; publishes both unless --no-publish):
    python3 tests/Benchmarks/aot_startup.py [--pairs 15] [--no-publish]
Needs: .NET SDK, clang and zlib1g-dev (Native AOT), Linux (/proc, pty).
"""

import argparse
import gzip
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP_DIR = os.path.join(ROOT, "artifacts", "bench", "oobwizard")
HELLO_DIR = os.path.join(ROOT, "artifacts", "bench", "hello")
APP = os.path.join(APP_DIR, "oobwizard")
HELLO = os.path.join(HELLO_DIR, "hello-spectre")

COMMANDS = [
    ["--version"],
    ["checklist", "--symptom", "cannot-provision"],
    ["lint"],
    ["graph", "--format", "json"],
]


def publish():
    for project, out in (("src/OobWizard.Cli", APP_DIR), ("tests/Benchmarks/HelloSpectre", HELLO_DIR)):
        print(f"publishing {project} (Native AOT, linux-x64) ...", file=sys.stderr)
        subprocess.run(["dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "-o", out],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def run_once(argv, env):
    """One whole-process run: (wall s, cpu s, peak RSS MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, cwd=APP_DIR)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def pairs(a, b, n, env):
    run_once(a, env)
    run_once(b, env)
    ra, rb = [], []
    for _ in range(n):
        ra.append(run_once(a, env))
        rb.append(run_once(b, env))
    return ra, rb


def med(xs):
    return statistics.median(xs)


def idle_wizard_peak(env):
    """Peak RSS (VmHWM, MiB) of the full-screen wizard idle at its first screen (80x24 pty, offline)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(APP_DIR)
        os.execve(APP, [APP, "--offline", "--lang", "en", "--session", os.path.join(env["OOBW_SESSION_DIR"], "idle.json")],
                  dict(env, TERM="xterm-256color", COLUMNS="80", LINES="24"))
    import fcntl
    import struct
    import termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    deadline = time.time() + 30
    while b"What is going wrong" not in seen and time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    time.sleep(1.0)  # idle at the first screen
    hwm = None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    os.write(fd, b"q")
    deadline = time.time() + 10
    while time.time() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    if b"What is going wrong" not in seen:
        raise SystemExit("the wizard did not show its first screen")
    return hwm


def size(path):
    raw = os.path.getsize(path)
    with open(path, "rb") as f:
        gz = len(gzip.compress(f.read(), 9))
    return raw / 2**20, gz / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--no-publish", action="store_true")
    args = parser.parse_args()
    if not args.no_publish or not (os.path.exists(APP) and os.path.exists(HELLO)):
        publish()

    sessions = tempfile.mkdtemp(prefix="oobw-bench-")
    env = {k: v for k, v in os.environ.items() if k != "DOTNET_ROOT"}
    env["OOBW_SESSION_DIR"] = sessions
    try:
        print(f"{args.pairs} pairs per command, A = oobwizard (Native AOT), B = Spectre.Console hello world (Native AOT)")
        print(f"{'command':40} {'A wall ms':>9} {'B wall ms':>9} {'A/B wall':>9} {'(min-max)':>13} {'A cpu ms':>9} {'B cpu ms':>9} {'A/B cpu':>8} {'A peak MiB':>10}")
        for cmd in COMMANDS:
            ra, rb = pairs([APP, *cmd], [HELLO], args.pairs, env)
            wall = [a[0] / b[0] for a, b in zip(ra, rb)]
            cpu = [a[1] / b[1] for a, b in zip(ra, rb) if b[1] > 0]
            print(f"{' '.join(cmd):40} {med([r[0] for r in ra]) * 1000:9.1f} {med([r[0] for r in rb]) * 1000:9.1f} "
                  f"{med(wall):9.2f} {f'({min(wall):.2f}-{max(wall):.2f})':>13} "
                  f"{med([r[1] for r in ra]) * 1000:9.1f} {med([r[1] for r in rb]) * 1000:9.1f} "
                  f"{(med(cpu) if cpu else float('nan')):8.2f} {med([r[2] for r in ra]):10.1f}")
        for name, path in (("oobwizard", APP), ("hello-spectre", HELLO)):
            raw, gz = size(path)
            print(f"size {name:14} {raw:6.1f} MiB raw, {gz:5.1f} MiB gzipped (-9)")
        print(f"peak memory, wizard idle at its first screen (80x24 pty): {idle_wizard_peak(env):.1f} MiB")
    finally:
        shutil.rmtree(sessions, ignore_errors=True)


if __name__ == "__main__":
    main()
