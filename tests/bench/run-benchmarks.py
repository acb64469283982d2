#!/usr/bin/env python3
"""Performance benchmarks of Creative Cities Plans against the reference tools.

Run by `meson test -C BUILDDIR --benchmark --verbose` (tests/bench/meson.build gives the paths),
or directly. Measures side by side, in one run, and prints a table with ratios:

  1. `ccplans validate` of a 1,000-activity plan vs `xmllint --noout --schema` of the same file
     (best wall time of N interleaved runs each; callgrind instruction counts beside them, and
     those of the start-up: both on a plan of one activity).
  2. `ccplans merge` of 400 plans x 100 activities vs `xmllint --noout` parsing the same files;
     the merge's peak RSS against the total input size; callgrind instruction counts of both on
     the first 100 of the plans; informational, the same merge with G_SLICE=always-malloc (what
     GLib 2.76 and later do: Debian 12's GLib 2.74 allocates every GObject from its slice
     allocator, whose locks the merge's threads contend for; GLib reads G_SLICE before main()).
  3. Re-validating one edited activity of the 1,000-activity plan (bench-validate-activity),
     with the full re-validation beside it.
  4. Start to first frame of the GUI opening the 1,000-activity plan vs a bare libadwaita window
     with a header bar (bare-window), on a private Xvfb and D-Bus session; peak RSS beside.
     first-frame-preload.c, LD_PRELOADed into both, prints g_get_monotonic_time() at the first
     after-paint of the first window presented, and at the last one before the window stops
     changing (the plan, loaded in a thread, is on screen); minus the spawn time, these are the
     figures. Without the module, bare-window's own "first-frame-us:" line is used.
  5. Peak RSS of `ccplans validate` on large plans of compact activities (ccplans-generate
     --compact: only the required fields, 333 bytes each; 100,000 and 200,000 activities),
     beside `xmllint --noout --schema` of the same file and the file's size, and how the peak
     grows from 100,000 to 200,000. A plan over the load limit (CCP_FILE_MAX_SIZE, 64 MiB) is
     refused before it is read: the row says so.
  6. The workspace merging the plans of [2] (Merge City Plans) vs `ccplans merge`, N runs of
     each interleaved: best wall of each, the largest peak RSS, the longest main-loop block and
     the search's longest block per keystroke of any run (bench-workspace.c), and how much
     of that block the main thread ran and waited for a core (the rest it slept, waiting on
     the renderer or the display server);
     informational rows: its peak RSS above a bare window (bare-window, same display and
     renderer) beside the CLI's above its start (`ccplans --version`), and the peak RSS of the
     same merge with GSK_RENDERER=cairo (the software GL renderer of a machine without a GPU
     is most of a bare window's memory), and that run's longest block (the GL renderer's
     first frames of new content, llvmpipe compiling shaders, are in the GL runs' blocks).

Peak RSS is ru_maxrss of each child from wait4(), the figure /usr/bin/time -f %M prints.
Only the Python standard library is used.
"""

import argparse
import datetime
import functools
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The goals of the performance issue (issues show 16).
GOALS = {
    "validate": 1.1,
    "merge": 2.0,
    "merge-rss": 3.0,
    "validate-rss-mib": 300,
    "check-activity-ms": 2.0,
    "first-frame": 1.5,
}


def log(message):
    print(message, flush=True)


def child_env(extra=None):
    """The environment of measured programs: no malloc checking or GLib debugging."""
    env = dict(os.environ)
    for name in ("MALLOC_CHECK_", "MALLOC_PERTURB_", "G_SLICE", "G_DEBUG", "G_MESSAGES_DEBUG"):
        env.pop(name, None)
    env.setdefault("LC_ALL", "C.UTF-8")
    if extra:
        env.update(extra)
    return env


class Run:
    def __init__(self, wall, maxrss_kb, returncode, output):
        self.wall = wall
        self.maxrss_kb = maxrss_kb
        self.returncode = returncode
        self.output = output


def run_once(cmd, env, ok=(0,), timeout=None):
    """Runs cmd, returns its wall time, peak RSS (KiB) and output (stdout + stderr)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if proc.returncode not in ok:
        raise RuntimeError("%s exited with %d:\n%s" % (" ".join(cmd[:4]), proc.returncode,
                                                       output[-2000:]))
    return Run(wall, usage.ru_maxrss, proc.returncode, output)


def best_of(commands, runs, env):
    """Interleaves the commands (A B A B ...) so that a noisy neighbour hits both alike."""
    results = {name: [] for name, _, _ in commands}
    for _ in range(runs):
        for name, cmd, ok in commands:
            results[name].append(run_once(cmd, env, ok))
    return results


def callgrind(cmd, env, workdir, name, ok=(0,)):
    """Instructions executed (Ir) by cmd under callgrind; the profile is kept for reading."""
    if shutil.which("valgrind") is None:
        return None, None
    out = os.path.join(workdir, "callgrind.%s.out" % name)
    run_once(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd, env, ok)
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"^(summary|totals):\s+(\d+)", line)
            if m:
                return int(m.group(2)), out
    return None, out


@functools.lru_cache(maxsize=None)
def annotate(profile):
    """callgrind_annotate's inclusive counts of a profile, read once for all its functions."""
    # From "/", where the profile's relative source paths do not resolve: from the source
    # tree some do, and callgrind_annotate then splits a function's count over two entries.
    return subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", profile],
                          capture_output=True, text=True, cwd="/").stdout


def inclusive_ir(profile, function):
    """Instructions of function and its callees in a callgrind profile (callgrind_annotate)."""
    if profile is None or shutil.which("callgrind_annotate") is None:
        return None
    for line in annotate(profile).splitlines():
        m = re.match(r"^\s*([\d,]+)\s.*:%s\s" % re.escape(function), line)
        if m:
            return int(m.group(1).replace(",", ""))
    return None


def generate(args, name, cities, activities, seed, check=True, compact=False):
    """Plans from ccplans-generate, kept between runs while the generator is unchanged."""
    out = os.path.join(args.workdir, name)
    stamp = os.path.join(out, ".stamp")
    wanted = "%s %d %d %d %s%s\n" % (os.path.getmtime(args.generate), cities, activities, seed,
                                     args.period, " compact" if compact else "")
    if os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == wanted:
                return out, sorted(p for p in (os.path.join(out, n) for n in os.listdir(out))
                                   if p.endswith(".xml"))
    shutil.rmtree(out, ignore_errors=True)
    run = run_once([args.generate, "--cities", str(cities), "--activities", str(activities),
                    "--seed", str(seed), "--field", args.field, "--period", args.period,
                    "--out", out] + (["--compact"] if compact else []), child_env())
    log("  " + run.output.strip())
    files = sorted(os.path.join(out, n) for n in os.listdir(out) if n.endswith(".xml"))
    if len(files) != cities:
        raise RuntimeError("expected %d plans in %s, found %d" % (cities, out, len(files)))
    # The inputs must be what the benchmark says: valid for the schema and for ccplans.
    if check:
        run_once(["xmllint", "--noout", "--schema", args.schema] + files, child_env())
        run_once([args.ccplans, "validate"] + files, child_env())
    with open(stamp, "w") as f:
        f.write(wanted)
    return out, files


def fmt_time(seconds):
    if seconds < 0.001:
        return "%.0f µs" % (seconds * 1e6)
    if seconds < 1:
        return "%.1f ms" % (seconds * 1e3)
    return "%.2f s" % seconds


def fmt_kib(kib):
    return "%.1f MiB" % (kib / 1024.0)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, number, figure, value, reference, ratio, goal, met):
        self.rows.append((number, figure, value, reference, ratio, goal, met))

    def lines(self):
        head = ("#", "Figure", "Measured", "Reference", "Ratio", "Goal", "Met")
        rows = [head] + [tuple(str(c) for c in r) for r in self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        out = []
        for k, r in enumerate(rows):
            out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        return out

    def markdown(self):
        out = ["| # | Figure | Measured | Reference | Ratio | Goal | Met |",
               "|---|--------|----------|-----------|-------|------|-----|"]
        for r in self.rows:
            out.append("| " + " | ".join(str(c) for c in r) + " |")
        return out


def verdict(ratio, goal, strict=False):
    if ratio is None:
        return "n/a"
    ok = ratio < goal if strict else ratio <= goal
    return "yes" if ok else "NO"


def bench_validate(args, table, plan):
    log("\n[1] ccplans validate vs xmllint --schema, %s" % os.path.basename(plan))
    env = child_env()
    size = os.path.getsize(plan)
    ours = [args.ccplans, "validate", plan]
    ref = ["xmllint", "--noout", "--schema", args.schema, plan]
    results = best_of([("ccplans", ours, (0,)), ("xmllint", ref, (0,))], args.runs, env)
    a = min(r.wall for r in results["ccplans"])
    b = min(r.wall for r in results["xmllint"])
    log("  file: %d bytes; best of %d: ccplans %s, xmllint %s"
        % (size, args.runs, fmt_time(a), fmt_time(b)))
    log("  all ccplans: %s" % ", ".join(fmt_time(r.wall) for r in results["ccplans"]))
    log("  all xmllint: %s" % ", ".join(fmt_time(r.wall) for r in results["xmllint"]))
    log("  peak RSS: ccplans %s, xmllint %s"
        % (fmt_kib(max(r.maxrss_kb for r in results["ccplans"])),
           fmt_kib(max(r.maxrss_kb for r in results["xmllint"]))))
    ratio = a / b
    table.add(1, "validate 1,000 activities (wall, best of %d)" % args.runs, fmt_time(a),
              "xmllint --schema " + fmt_time(b), "%.2fx" % ratio, "<= %.1fx" % GOALS["validate"],
              verdict(ratio, GOALS["validate"]))
    if args.callgrind:
        ia, pa = callgrind(ours, env, args.workdir, "validate")
        ib, pb = callgrind(ref, env, args.workdir, "xmllint-schema")
        if ia and ib:
            log("  callgrind Ir: ccplans %d, xmllint %d (profiles: %s, %s)" % (ia, ib, pa, pb))
            table.add(1, "validate 1,000 activities (callgrind Ir)", "%.0fM" % (ia / 1e6),
                      "xmllint --schema %.0fM" % (ib / 1e6), "%.2fx" % (ia / ib),
                      "<= %.1fx" % GOALS["validate"], verdict(ia / ib, GOALS["validate"]))
        # What is left when there is nothing to read: the start-up of each program.
        _, small = generate(args, "plan-1", 1, 1, 1)
        sa, _ = callgrind([args.ccplans, "validate", small[0]], env, args.workdir, "validate-1")
        sb, _ = callgrind(["xmllint", "--noout", "--schema", args.schema, small[0]], env,
                          args.workdir, "xmllint-schema-1")
        if sa and sb:
            log("  start-up (a plan of 1 activity), callgrind Ir: ccplans %d, xmllint %d"
                % (sa, sb))
            table.add(1, "validate 1 activity: start-up (callgrind Ir)", "%.1fM" % (sa / 1e6),
                      "xmllint --schema %.1fM" % (sb / 1e6), "%.2fx" % (sa / sb), "-", "-")


def bench_merge(args, table, files):
    log("\n[2] ccplans merge vs xmllint --noout, %d plans" % len(files))
    env = child_env()
    total = sum(os.path.getsize(f) for f in files)
    output = os.path.join(args.workdir, "merged-field-plan.xml")
    ours = [args.ccplans, "merge", "-o", output] + files
    ref = ["xmllint", "--noout"] + files
    # merge exits 1 when the result has errors or refusals: the run must still produce a plan.
    malloc = ["env", "G_SLICE=always-malloc"] + ours
    results = best_of([("ccplans", ours, (0, 1)), ("xmllint", ref, (0,)),
                       ("malloc", malloc, (0, 1))], args.merge_runs, env)
    if not os.path.exists(output):
        raise RuntimeError("ccplans merge wrote no field plan")
    a = min(r.wall for r in results["ccplans"])
    b = min(r.wall for r in results["xmllint"])
    rss = max(r.maxrss_kb for r in results["ccplans"])
    rss_ref = max(r.maxrss_kb for r in results["xmllint"])
    log("  input: %d files, %d bytes; output %d bytes; merge exit status %d"
        % (len(files), total, os.path.getsize(output), results["ccplans"][0].returncode))
    log("  best of %d: ccplans merge %s, xmllint %s"
        % (args.merge_runs, fmt_time(a), fmt_time(b)))
    log("  all ccplans: %s" % ", ".join(fmt_time(r.wall) for r in results["ccplans"]))
    log("  all xmllint: %s" % ", ".join(fmt_time(r.wall) for r in results["xmllint"]))
    log("  all ccplans with G_SLICE=always-malloc: %s"
        % ", ".join(fmt_time(r.wall) for r in results["malloc"]))
    log("  peak RSS: ccplans merge %s, xmllint %s; input %s"
        % (fmt_kib(rss), fmt_kib(rss_ref), fmt_kib(total / 1024.0)))
    if shutil.which("time") or os.path.exists("/usr/bin/time"):
        check = run_once(["/usr/bin/time", "-f", "maxrss-kib: %M"] + ours, env, (0, 1))
        m = re.search(r"maxrss-kib: (\d+)", check.output)
        if m:
            log("  /usr/bin/time -f %%M of one more merge: %s" % fmt_kib(int(m.group(1))))
    ratio = a / b
    table.add(2, "merge %d plans x %d activities (wall, best of %d)"
              % (len(files), args.merge_activities, args.merge_runs), fmt_time(a),
              "xmllint --noout " + fmt_time(b), "%.2fx" % ratio, "<= %.1fx" % GOALS["merge"],
              verdict(ratio, GOALS["merge"]))
    c = min(r.wall for r in results["malloc"])
    table.add(2, "same, G_SLICE=always-malloc (GLib >= 2.76's allocator; informational)",
              fmt_time(c), "xmllint --noout " + fmt_time(b), "%.2fx" % (c / b), "", "")
    rss_ratio = rss * 1024.0 / total
    table.add(2, "merge peak RSS", fmt_kib(rss), "input " + fmt_kib(total / 1024.0),
              "%.2fx" % rss_ratio, "< %.1fx" % GOALS["merge-rss"],
              verdict(rss_ratio, GOALS["merge-rss"], strict=True))
    if args.callgrind_merge:
        first = files[:args.callgrind_merge_plans]
        cg_output = os.path.join(args.workdir, "merged-field-plan-callgrind.xml")
        ia, pa = callgrind([args.ccplans, "merge", "-o", cg_output] + first, env, args.workdir,
                           "merge", (0, 1))
        ib, pb = callgrind(["xmllint", "--noout"] + first, env, args.workdir, "xmllint-parse")
        if ia and ib:
            log("  callgrind Ir, first %d plans: ccplans merge %d, xmllint %d (profiles: %s, %s)"
                % (len(first), ia, ib, pa, pb))
            table.add(2, "merge, first %d plans (callgrind Ir)" % len(first),
                      "%.0fM" % (ia / 1e6), "xmllint --noout %.0fM" % (ib / 1e6),
                      "%.2fx" % (ia / ib), "<= %.1fx" % GOALS["merge"],
                      verdict(ia / ib, GOALS["merge"]))
            sha = inclusive_ir(pa, "nettle_sha256_update")
            if sha:
                # Valgrind does not run SHA-NI, so nettle hashes in portable code there (25 %
                # of the count); natively the hashing is about 1 % of the samples (perf).
                log("  of which SHA-256 of the inputs %d (nettle_sha256_update, inclusive)" % sha)
                table.add(2, "same, without the SHA-256 of the inputs",
                          "%.0fM" % ((ia - sha) / 1e6), "xmllint --noout %.0fM" % (ib / 1e6),
                          "%.2fx" % ((ia - sha) / ib), "(not a goal)", "")
            # Where the rest goes, and the floor of any reader: libxml2 parsing the same files
            # into SAX events that build nothing (xmllint --sax --noout: an empty handler).
            # Each phase counted by the functions that do its work, in whatever thread: the
            # joining and the writing hand theirs to threads, which their callers do not count.
            phases = [(name, sum(inclusive_ir(pa, f) or 0 for f in functions))
                      for name, functions in (
                          ("reading", ["ccp_reader_read_bytes"]),
                          # (xmlTextReaderNext calls xmlTextReaderRead.)
                          ("libxml2 in it", ["xmlTextReaderExpand", "xmlTextReaderNext"]),
                          ("validating", ["ccp_validator_check_plan"]),
                          ("the joined activities", ["build_one"]),
                          ("writing the activities", ["write_activity"]))]
            log("  profile: " + ", ".join("%s %.0fM" % (name, ir / 1e6) for name, ir in phases))
            ic, _ = callgrind(["xmllint", "--sax", "--noout"] + first, env, args.workdir,
                              "xmllint-sax")
            if ic and sha:
                table.add(2, "floor: SHA-256 + libxml2's parse alone (xmllint --sax --noout %.0fM)"
                          % (ic / 1e6), "%.0fM" % ((sha + ic) / 1e6),
                          "xmllint --noout %.0fM" % (ib / 1e6), "%.2fx" % ((sha + ic) / ib),
                          "(not a goal)", "")


def bench_check_activity(args, table, plan):
    log("\n[3] re-validating one edited activity of %s" % os.path.basename(plan))
    run = run_once([args.bench_validate, plan, "--iterations", str(args.iterations)],
                   child_env())
    values = dict(re.findall(r"^([\w-]+): (\S+)$", run.output, re.M))
    for key in sorted(values):
        log("  %s: %s" % (key, values[key]))
    one = float(values["check-activity-median-us"]) / 1000.0
    full = float(values["check-plan-median-us"]) / 1000.0
    table.add(3, "re-validate 1 edited activity of 1,000 (median of %s)"
              % values["check-activity-runs"], "%.3f ms" % one,
              "full re-validation %.1f ms" % full, "%.4fx" % (one / full),
              "< %.0f ms" % GOALS["check-activity-ms"],
              "yes" if one < GOALS["check-activity-ms"] else "NO")


def bench_validate_large(args, table):
    log("\n[5] peak RSS of ccplans validate on large plans (compact activities) vs xmllint "
        "--noout --schema")
    env = child_env()
    measured = {}
    for activities in args.large_activities:
        _, files = generate(args, "plan-compact-%d" % activities, 1, activities, 1, check=False,
                            compact=True)
        plan = files[0]
        size = os.path.getsize(plan)
        ours = run_once([args.ccplans, "validate", plan], env, (0, 1, 2))
        figure = "validate peak RSS, %s compact activities (%s)" % ("{:,}".format(activities),
                                                            fmt_kib(size / 1024.0))
        if ours.returncode == 2 and "too large" in ours.output:
            # Refused before it is read: xmllint's minutes on it would compare with nothing.
            log("  %d activities: %s" % (activities, ours.output.strip().splitlines()[0]))
            table.add(5, figure, "refused: over the 64 MiB limit", "xmllint --schema not run",
                      "n/a", "< %d MiB" % GOALS["validate-rss-mib"], "n/a")
            continue
        ref = run_once(["xmllint", "--noout", "--schema", args.schema, plan], env, (0, 1, 3, 4))
        log("  %d activities, %s: ccplans validate %s (exit %d, %s), xmllint --schema %s (%s)"
            % (activities, fmt_kib(size / 1024.0), fmt_kib(ours.maxrss_kb), ours.returncode,
               fmt_time(ours.wall), fmt_kib(ref.maxrss_kb), fmt_time(ref.wall)))
        measured[activities] = ours.maxrss_kb
        # The goal is for 100,000 activities; larger plans are held to the growth.
        goal, met = "-", "-"
        if activities <= 100000:
            goal = "< %d MiB" % GOALS["validate-rss-mib"]
            met = "yes" if ours.maxrss_kb / 1024.0 < GOALS["validate-rss-mib"] else "NO"
        table.add(5, figure, fmt_kib(ours.maxrss_kb),
                  "xmllint --schema " + fmt_kib(ref.maxrss_kb),
                  "%.2fx" % (ours.maxrss_kb / ref.maxrss_kb), goal, met)
    if 100000 in measured and 200000 in measured:
        growth = measured[200000] / measured[100000]
        table.add(5, "validate peak RSS, 200,000 vs 100,000 activities",
                  fmt_kib(measured[200000]), fmt_kib(measured[100000]), "%.2fx" % growth,
                  "< 2.0x", verdict(growth, 2.0, strict=True))


class Display:
    """A private Xvfb and D-Bus session bus for the GUI benchmark."""

    def __init__(self):
        self.xvfb = None
        self.dbus = None
        self.env = {}

    def __enter__(self):
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                                      "1920x1080x24", "-nolisten", "tcp"],
                                     pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.dbus = subprocess.Popen(["dbus-daemon", "--session", "--nofork",
                                      "--print-address=1"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        address = self.dbus.stdout.readline().strip()
        self.env = {"DISPLAY": ":" + number, "DBUS_SESSION_BUS_ADDRESS": address,
                    "GDK_BACKEND": "x11", "CCP_BENCH_FIRST_FRAME": "1"}
        self.env.pop("WAYLAND_DISPLAY", None)
        return self

    def __exit__(self, *exc):
        for proc in (self.dbus, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def first_frame(cmd, env, timeout):
    """Spawn to first frame and to settled frame (µs), peak RSS (KiB), and the output.

    The times come from the LD_PRELOADed first-frame-preload.c ("preload-...-us" lines) or,
    without it, from the program's own "first-frame-us:" line (then settled = first)."""
    with tempfile.TemporaryFile() as out:
        start_us = time.monotonic_ns() // 1000
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                out.seek(0)
                return None, None, None, "timed out after %d s: %s" % (
                    timeout, out.read().decode("utf-8", "replace")[-1000:])
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    first = re.search(r"^preload-first-frame-us: (\d+)$", text, re.M)
    settled = re.search(r"^preload-settled-frame-us: (\d+)$", text, re.M)
    if first is None:
        first = settled = re.search(r"^first-frame-us: (\d+)$", text, re.M)
    if first is None or settled is None or proc.returncode != 0:
        return None, None, None, "no first frame (exit status %d): %s" % (
            proc.returncode, text[-1000:])
    return (int(first.group(1)) - start_us, int(settled.group(1)) - start_us,
            usage.ru_maxrss, text)


def bench_first_frame(args, table, plan):
    log("\n[4] start to first frame: GUI opening %s vs a bare libadwaita window"
        % os.path.basename(plan))
    if not args.bare_window or not args.gui:
        why = ("built without the GUI (-Dgui=false)" if not args.bare_window
               else "the application creative-cities-plans is not built")
        log("  skipped: " + why)
        table.add(4, "start to first frame, 1,000 activities", "not run", "bare window",
                  "n/a", "<= %.1fx" % GOALS["first-frame"], "n/a")
        return
    home = os.path.join(args.workdir, "gui-home")
    shutil.rmtree(home, ignore_errors=True)
    extra = {}
    # A fresh home each time: no saved window size, no recovery dialog from an earlier run.
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                 "XDG_STATE_HOME"):
        extra[name] = os.path.join(home, name.lower())
        os.makedirs(extra[name], exist_ok=True)
    if args.preload:
        extra["LD_PRELOAD"] = args.preload
        extra["CCP_BENCH_PRELOAD"] = "1"
    with Display() as display:
        extra.update(display.env)
        env = child_env(extra)
        gui = [args.gui, plan]
        bare = [args.bare_window]
        # One unmeasured start of each: libraries, fonts and icons into the page cache.
        first_frame(bare, env, args.gui_timeout)
        first_frame(gui, env, args.gui_timeout)
        runs = {"gui": [], "bare": []}
        problem = None
        for _ in range(args.gui_runs):
            for name, cmd in (("bare", bare), ("gui", gui)):
                first, settled, maxrss, message = first_frame(cmd, env, args.gui_timeout)
                if first is None:
                    problem = "%s: %s" % (name, message)
                    break
                runs[name].append((first, settled, maxrss))
            if problem:
                break
    if problem:
        log("  FAILED: " + problem)
        table.add(4, "start to first frame, 1,000 activities", "failed", "bare window", "n/a",
                  "<= %.1fx" % GOALS["first-frame"], "n/a")
        return
    best = {name: min(r[0] for r in runs[name]) / 1e6 for name in runs}
    settled = {name: min(r[1] for r in runs[name]) / 1e6 for name in runs}
    rss = {name: max(r[2] for r in runs[name]) for name in runs}
    log("  measured with %s" % ("the LD_PRELOAD shim" if args.preload else
                                "the programs' own first-frame-us lines"))
    log("  best of %d, first frame: GUI %s, bare window %s"
        % (args.gui_runs, fmt_time(best["gui"]), fmt_time(best["bare"])))
    log("  best of %d, settled frame: GUI %s, bare window %s"
        % (args.gui_runs, fmt_time(settled["gui"]), fmt_time(settled["bare"])))
    for name in ("gui", "bare"):
        log("  all %s (first/settled): %s" % (name, ", ".join(
            "%s/%s" % (fmt_time(r[0] / 1e6), fmt_time(r[1] / 1e6)) for r in runs[name])))
    log("  peak RSS: GUI %s, bare window %s" % (fmt_kib(rss["gui"]), fmt_kib(rss["bare"])))
    ratio = best["gui"] / best["bare"]
    table.add(4, "start to first frame, 1,000 activities (best of %d)" % args.gui_runs,
              fmt_time(best["gui"]), "bare window " + fmt_time(best["bare"]), "%.2fx" % ratio,
              "<= %.1fx" % GOALS["first-frame"], verdict(ratio, GOALS["first-frame"]))
    ratio = settled["gui"] / settled["bare"]
    table.add(4, "start to plan on screen (settled frame)", fmt_time(settled["gui"]),
              "bare window " + fmt_time(settled["bare"]), "%.2fx" % ratio,
              "<= %.1fx" % GOALS["first-frame"], verdict(ratio, GOALS["first-frame"]))
    table.add(4, "peak RSS to first frame", fmt_kib(rss["gui"]),
              "bare window " + fmt_kib(rss["bare"]), "%.2fx" % (rss["gui"] / rss["bare"]),
              "(beside)", "")


def machine_line():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            if m:
                cpu = m.group(1)
    except OSError:
        pass
    load = ", ".join("%.2f" % x for x in os.getloadavg())
    return "%s, %d cores (shared), Linux %s, load average %s" % (
        cpu, os.cpu_count() or 0, platform.release(), load)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ccplans", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--bench-validate", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--gui")
    parser.add_argument("--bare-window")
    parser.add_argument("--preload", help="first-frame-preload shared module for [4]")
    parser.add_argument("--bench-workspace", help="bench-workspace program for [6]")
    parser.add_argument("--gui-schemas", help="folder of the compiled GSettings schemas")
    parser.add_argument("--field", default="music")
    parser.add_argument("--period", default="2027-H1")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--merge-plans", type=int, default=400)
    parser.add_argument("--merge-activities", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7, help="runs of each side of [1]")
    parser.add_argument("--merge-runs", type=int, default=5, help="runs of each side of [2]")
    parser.add_argument("--workspace-runs", type=int, default=3,
                        help="runs of each side of [6], interleaved")
    parser.add_argument("--gui-runs", type=int, default=7, help="runs of each side of [4]")
    parser.add_argument("--gui-timeout", type=int, default=60)
    parser.add_argument("--iterations", type=int, default=2000, help="re-checks in [3]")
    parser.add_argument("--no-callgrind", dest="callgrind", action="store_false",
                        help="skip the callgrind counts of [1]")
    parser.add_argument("--no-callgrind-merge", dest="callgrind_merge", action="store_false",
                        help="skip the callgrind counts of [2] (minutes)")
    parser.add_argument("--callgrind-merge-plans", type=int, default=100,
                        help="plans of [2] counted under callgrind")
    parser.add_argument("--large-activities", default="100000,200000",
                        help="comma-separated activity counts of the plans of [5]")
    parser.add_argument("--only", help="comma-separated benchmark numbers, e.g. 1,3")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = parser.parse_args()

    only = set(int(x) for x in args.only.split(",")) if args.only else {1, 2, 3, 4, 5, 6}
    args.large_activities = [int(x) for x in args.large_activities.split(",") if x]
    os.makedirs(args.workdir, exist_ok=True)
    for tool in ("xmllint",):
        if shutil.which(tool) is None:
            log("%s is missing (package libxml2-utils)" % tool)
            return 1

    started = datetime.datetime.now().astimezone()
    log("Creative Cities Plans benchmarks, %s" % started.strftime("%Y-%m-%d %H:%M %Z"))
    log("Machine: " + machine_line())
    log("Generating plans (ccplans-generate, seed 1; checked with xmllint --schema and "
        "ccplans validate)")

    table = Table()
    plan = None
    if only & {1, 3, 4}:
        _, files = generate(args, "plan-%d" % args.activities, 1, args.activities, 1)
        plan = files[0]
    if 1 in only:
        bench_validate(args, table, plan)
    if 2 in only:
        _, files = generate(args, "merge-%dx%d" % (args.merge_plans, args.merge_activities),
                            args.merge_plans, args.merge_activities, 1)
        bench_merge(args, table, files)
    if 3 in only:
        bench_check_activity(args, table, plan)
    if 4 in only:
        bench_first_frame(args, table, plan)
    if 5 in only:
        bench_validate_large(args, table)
    if 6 in only:
        _, files = generate(args, "merge-%dx%d" % (args.merge_plans, args.merge_activities),
                            args.merge_plans, args.merge_activities, 1)
        bench_workspace(args, table, files)

    log("\nResults (%s; %s)" % (started.strftime("%Y-%m-%d"), machine_line()))
    for line in table.lines():
        log(line)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("\n".join(table.markdown()) + "\n")
    return 0


WORKSPACE_GOALS = {"wall": 1.5, "rss": 1.5, "block-ms": 100.0, "key-ms": 100.0}


def bench_workspace(args, table, files):
    """6. The workspace merging the plans of [2] (Merge City Plans, bench-workspace.c, in
    process on a private Xvfb) beside `ccplans merge` of the same files, run just before:
    wall, peak RSS, the longest the main loop was blocked, and the search typed a letter at a
    time in the activities table (longest block per keystroke; the search handler alone)."""
    log("\n[6] the workspace merging %d plans vs ccplans merge" % len(files))
    if not args.bench_workspace:
        log("  skipped: no GUI build")
        return
    output = os.path.join(args.workdir, "workspace-cli-merge.xml")
    clis, runs = [], []
    with Display() as display:
        extra = dict(display.env, GTK_A11Y="none", GSETTINGS_BACKEND="memory")
        extra.pop("CCP_BENCH_FIRST_FRAME", None)
        if args.gui_schemas:
            extra["GSETTINGS_SCHEMA_DIR"] = args.gui_schemas
        for _ in range(max(args.workspace_runs, 1)):
            clis.append(run_once([args.ccplans, "merge", "-o", output] + files, child_env(),
                                 (0, 1)))
            runs.append(run_once([args.bench_workspace, "--search", "songwriting"] + files,
                                 child_env(extra)))
        # What the workspace holds above a bare window of the same toolkit, renderer and
        # display (the software GL renderer of a machine without a GPU is most of that), and
        # the same merge with the cairo renderer: informational rows beside the goal's.
        bare = (run_once([args.bare_window], child_env(extra)).maxrss_kb
                if args.bare_window else None)
        cairo = dict(extra, GSK_RENDERER="cairo")
        cairo_run = run_once([args.bench_workspace] + files, child_env(cairo))
        cairo_bare = (run_once([args.bare_window], child_env(cairo)).maxrss_kb
                      if args.bare_window else None)
    cli_start = run_once([args.ccplans, "--version"], child_env()).maxrss_kb
    # Best wall of each side; the largest peak RSS and the longest blocks of any run.
    cli = min(clis, key=lambda r: r.wall)
    all_figures = [dict(m.groups() for m in re.finditer(r"^([\w-]+): (\S+)$", r.output, re.M))
                   for r in runs]
    figures = dict(min(all_figures, key=lambda f: float(f["wall-ms"])))
    figures["peak-rss-kib"] = str(max(int(f["peak-rss-kib"]) for f in all_figures))
    worst = max(all_figures, key=lambda f: float(f["max-block-ms"]))
    for key in ("max-block-ms", "max-block-phase", "max-block-running-ms",
                "max-block-waiting-ms"):
        figures[key] = worst.get(key, "?")
    for key in figures:
        if re.match(r"key-\d+-(block|search)-ms$", key):
            figures[key] = str(max(float(f.get(key, 0)) for f in all_figures))
    cli.maxrss_kb = max(r.maxrss_kb for r in clis)
    cairo_figures = dict(m.groups()
                         for m in re.finditer(r"^([\w-]+): (\S+)$", cairo_run.output, re.M))
    log("  ccplans merge, %d runs: %s; peak RSS %s" % (len(clis),
        ", ".join(fmt_time(r.wall) for r in clis), fmt_kib(cli.maxrss_kb)))
    log("  workspace, %d runs: %s; longest blocks %s" % (len(runs),
        ", ".join("%s ms" % f["wall-ms"] for f in all_figures),
        ", ".join("%s ms (%s; ran %s, waited %s for a core)"
                  % (f["max-block-ms"], f.get("max-block-phase", "?"),
                     f.get("max-block-running-ms", "?"), f.get("max-block-waiting-ms", "?"))
                  for f in all_figures)))
    log("  " + ", ".join("%s %s" % kv for kv in sorted(figures.items())))
    wall = float(figures["wall-ms"]) / 1000.0
    rss = int(figures["peak-rss-kib"])
    block = float(figures["max-block-ms"])
    keys = sorted(int(k.split("-")[1]) for k in figures if re.match(r"key-\d+-block-ms$", k))
    # The worst keystroke of any run, and how much of its block the main thread ran.
    key_block, key_running = max(
        ((float(f["key-%d-block-ms" % k]), f.get("key-%d-block-running-ms" % k, "?"))
         for f in all_figures for k in keys), key=lambda b: b[0])
    key_search = max(float(figures["key-%d-search-ms" % k]) for k in keys)
    table.add(6, "workspace merge %d plans (wall to the field plan on screen, best of %d)"
              % (len(files), len(runs)),
              fmt_time(wall), "ccplans merge " + fmt_time(cli.wall),
              "%.2fx" % (wall / cli.wall), "<= %.1fx" % WORKSPACE_GOALS["wall"],
              verdict(wall / cli.wall, WORKSPACE_GOALS["wall"]))
    table.add(6, "workspace merge peak RSS", fmt_kib(rss),
              "ccplans merge " + fmt_kib(cli.maxrss_kb), "%.2fx" % (rss / cli.maxrss_kb),
              "<= %.1fx" % WORKSPACE_GOALS["rss"],
              verdict(rss / cli.maxrss_kb, WORKSPACE_GOALS["rss"]))
    cli_own = cli.maxrss_kb - cli_start
    log("  ccplans --version peak RSS %s; bare window %s (GL), %s (cairo)"
        % (fmt_kib(cli_start), fmt_kib(bare) if bare else "n/a",
           fmt_kib(cairo_bare) if cairo_bare else "n/a"))
    if bare:
        own = rss - bare
        table.add(6, "same, above a bare window (informational)", fmt_kib(own),
                  "CLI above its start " + fmt_kib(cli_own), "%.2fx" % (own / cli_own), "", "")
    if "peak-rss-kib" in cairo_figures:
        cairo_rss = int(cairo_figures["peak-rss-kib"])
        table.add(6, "same, GSK_RENDERER=cairo (informational)", fmt_kib(cairo_rss),
                  "ccplans merge " + fmt_kib(cli.maxrss_kb), "%.2fx" % (cairo_rss / cli.maxrss_kb),
                  "", "")
    table.add(6, "longest main-loop block, merge, worst of %d (%s)"
              % (len(runs), figures.get("max-block-phase", "?")),
              "%.0f ms" % block,
              "ran %s ms, waited %s for a core" % (figures["max-block-running-ms"],
                                                   figures["max-block-waiting-ms"]),
              "", "< %.0f ms" % WORKSPACE_GOALS["block-ms"],
              "yes" if block < WORKSPACE_GOALS["block-ms"] else "NO")
    if "max-block-ms" in cairo_figures:
        # Beside the goal's: the GL renderer's first frames of the progress bar (llvmpipe
        # compiling its shaders with LLVM on a machine without a GPU) are in the GL figure.
        table.add(6, "same, GSK_RENDERER=cairo, one run (informational; %s)"
                  % cairo_figures.get("max-block-phase", "?"),
                  "%.0f ms" % float(cairo_figures["max-block-ms"]),
                  "ran %s ms, waited %s for a core"
                  % (cairo_figures.get("max-block-running-ms", "?"),
                     cairo_figures.get("max-block-waiting-ms", "?")), "", "", "")
    table.add(6, "search, %s activities, longest block per keystroke, worst of %d"
              % (figures["n-activities"], len(runs)),
              "%.0f ms" % key_block,
              "ran %s ms; search handler %.0f ms" % (key_running, key_search), "",
              "< %.0f ms" % WORKSPACE_GOALS["key-ms"],
              "yes" if key_block < WORKSPACE_GOALS["key-ms"] else "NO")


if __name__ == "__main__":
    sys.exit(main())
