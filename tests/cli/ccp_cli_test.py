"""Helpers shared by the Python tests of tests/cli (test-hostile.py, test-save-failures.py):
TAP output for meson and a bounded way to run a command (time, memory, exit status, peak RSS)."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# What "bounded" means for one command on a hostile file.
TIME_LIMIT = 10.0
MEMORY_LIMIT = 1_000_000_000


class Tap:
    """Minimal TAP producer: one "ok"/"not ok" line per check, diagnostics as comments."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, name, diagnostics=""):
        self.count += 1
        if not condition:
            self.failed += 1
        print(f"{'ok' if condition else 'not ok'} {self.count} - {name}", flush=True)
        if not condition and diagnostics:
            for line in str(diagnostics).splitlines():
                print(f"# {line}", flush=True)
        return condition

    def skip(self, name, reason):
        self.count += 1
        print(f"ok {self.count} - {name} # SKIP {reason}", flush=True)

    def comment(self, text):
        for line in str(text).splitlines():
            print(f"# {line}", flush=True)

    def finish(self):
        print(f"1..{self.count}", flush=True)
        return 1 if self.failed else 0


class Result:
    def __init__(self, argv, status, stdout, stderr, seconds, max_rss, timed_out):
        self.argv = argv
        self.status = status          # exit status, or -SIGNAL when killed by a signal
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.max_rss = max_rss        # bytes
        self.timed_out = timed_out

    @property
    def output(self):
        return self.stdout + self.stderr

    @property
    def crashed(self):
        # A signal, or a shell-style 128+N status from a wrapper.
        return self.status < 0 or self.status >= 128

    def describe(self):
        return (f"command: {' '.join(self.argv)}\n"
                f"status: {self.status}, {self.seconds:.2f} s, peak RSS {self.max_rss // 1024} KiB"
                f"{', TIMED OUT' if self.timed_out else ''}\n"
                f"stdout:\n{self.stdout}\nstderr:\n{self.stderr}")


def run(argv, env=None, limit_memory=True, timeout=TIME_LIMIT, cwd=None, wrapper=()):
    """Runs argv with stdin closed, at most timeout seconds (then SIGKILL) and, when limit_memory,
    at most MEMORY_LIMIT bytes of address space (prlimit --as). The peak RSS comes from wait4(),
    so it is measured even where no address-space limit can be set (AddressSanitizer)."""
    command = list(wrapper) + list(argv)
    if limit_memory:
        command = ["prlimit", f"--as={MEMORY_LIMIT}", "--"] + command
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   env=env, cwd=cwd)
        timed_out = False
        while True:
            pid, wait_status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() - start > timeout:
                timed_out = True
                os.kill(process.pid, signal.SIGKILL)
                pid, wait_status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.monotonic() - start
        status = os.waitstatus_to_exitcode(wait_status)
        process.returncode = status   # reaped here; keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
    return Result(command, status, stdout, stderr, seconds, usage.ru_maxrss * 1024, timed_out)


def have(program):
    return shutil.which(program) is not None


def base_env(extra=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    if extra:
        env.update(extra)
    return env


def bail_out(message):
    print(f"Bail out! {message}", flush=True)
    sys.exit(1)
