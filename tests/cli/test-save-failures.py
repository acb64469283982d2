#!/usr/bin/python3
"""Atomic saving (issue 8, "nothing lost"): when a save fails, the previous file is intact byte
for byte, no temporary file is left in its folder, the command exits non-zero and its message
names the file.

Failures made here:
  - a disk that fills up after 0, 1, 200 and 4,096 bytes (the failwrite LD_PRELOAD shim, see
    tests/data/failwrite.c), failing in write() and, separately, already in fallocate();
  - a read-only folder (as root, which ignores permissions, the command runs as "nobody" through
    setpriv when the build and data are readable by it; otherwise skipped);
  - a destination that is a folder, a path through a regular file ("file.xml/x.xml") and a
    path in a folder that does not exist.
They are applied to `ccplans merge -o`, `ccplans export -o` (HTML, XLSX, IATI) and, for the backup copy the editor
asks for, to ccp_file_save() itself through ccp-save-probe.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccp_cli_test import Tap, base_env, bail_out, run  # noqa: E402

FAIL_AFTER = (0, 1, 200, 4096)
MODES = ("write", "fallocate")


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ccplans", required=True)
    parser.add_argument("--probe", required=True, help="ccp-save-probe")
    parser.add_argument("--failwrite", required=True, help="the failwrite shim (.so)")
    parser.add_argument("--examples", required=True, help="data/examples")
    return parser.parse_args()


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def listing(folder):
    return sorted(os.listdir(folder))


def says_save_failed(stderr, target):
    """A line names the target and says that saving (not reading) it failed: "cannot be read"
    or a bare "No such file" would send the user looking at the wrong file."""
    for line in stderr.splitlines():
        if target not in line:
            continue
        said = line.replace(target, "").lower()
        if ("save" in said or "writ" in said) and "cannot be read" not in said:
            return True
    return False


def shim_env(args, folder, after, mode):
    extra = {
        "LD_PRELOAD": args.failwrite,
        "CCP_FAILWRITE_AFTER": str(after),
        "CCP_FAILWRITE_MATCH": os.path.realpath(folder) + os.sep,
        "CCP_FAILWRITE_FALLOCATE": "1" if mode == "fallocate" else "0",
    }
    # The shim comes before the sanitizer runtime in the library list: allowed for this test.
    asan = os.environ.get("ASAN_OPTIONS", "")
    extra["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "verify_asan_link_order=0"
    return base_env(extra)


class Case:
    """One way to save: a command line that writes OUT, and how to make OUT's previous content."""

    def __init__(self, name, prepare, command, min_size):
        self.name = name
        self.prepare = prepare      # (out) -> None: writes the previous good file
        self.command = command      # (out) -> argv
        self.min_size = min_size    # the new content must be larger than every N tried


def check_control(tap, case, work):
    """Without the shim the command replaces OUT with different, larger content: so an OUT that
    is byte-identical after a failed run really was kept, and every N tried falls mid-file."""
    folder = os.path.join(work, f"{case.name}-control")
    os.mkdir(folder)
    out = os.path.join(folder, "out")
    case.prepare(out)
    before = read(out)
    result = run(case.command(out), env=base_env(), limit_memory=False)
    after = read(out)
    return tap.ok(result.status in (0, 1) and after != before and len(after) > case.min_size
                  and listing(folder) == ["out"],
                  f"{case.name}: without failures the save replaces the file "
                  f"({len(after)} bytes)", result.describe())


def check_shim_transparent(tap, args, case, work):
    folder = os.path.join(work, f"{case.name}-roomy")
    os.mkdir(folder)
    out = os.path.join(folder, "out")
    case.prepare(out)
    before = read(out)
    result = run(case.command(out), env=shim_env(args, folder, 10**9, "fallocate"),
                 limit_memory=False)
    tap.ok(result.status in (0, 1) and read(out) != before,
           f"{case.name}: the shim with room to spare lets the save through", result.describe())


def check_disk_full(tap, args, case, work, after, mode):
    folder = os.path.join(work, f"{case.name}-{mode}-{after}")
    os.mkdir(folder)
    out = os.path.join(folder, "out")
    case.prepare(out)
    before = read(out)
    files_before = listing(folder)

    result = run(case.command(out), env=shim_env(args, folder, after, mode), limit_memory=False)
    label = f"{case.name}: disk full after {after} bytes ({mode})"
    details = result.describe()
    tap.ok(result.status != 0 and not result.crashed and not result.timed_out,
           f"{label}: exits with a failure status", details)
    tap.ok(read(out) == before, f"{label}: the previous file is intact", details)
    tap.ok(listing(folder) == files_before, f"{label}: no temporary file is left",
           f"{details}\nfolder: {listing(folder)}")
    tap.ok(says_save_failed(result.stderr, out) and "space" in result.stderr,
           f"{label}: the message names the file and says why", details)


def check_bad_destination(tap, case, work):
    """A folder as destination, a path through a regular file, a missing folder."""
    base = os.path.join(work, f"{case.name}-destinations")
    os.mkdir(base)

    folder = os.path.join(base, "a-folder")
    os.mkdir(folder)
    with open(os.path.join(folder, "keep.txt"), "w", encoding="utf-8") as handle:
        handle.write("keep me\n")
    result = run(case.command(folder), env=base_env(), limit_memory=False)
    tap.ok(result.status != 0 and not result.crashed and says_save_failed(result.stderr, folder)
           and os.path.isdir(folder) and listing(folder) == ["keep.txt"]
           and read(os.path.join(folder, "keep.txt")) == b"keep me\n"
           and listing(base) == ["a-folder"],
           f"{case.name}: a folder as destination is refused and left alone", result.describe())

    regular = os.path.join(base, "file.xml")
    case.prepare(regular)
    before = read(regular)
    target = os.path.join(regular, "x.xml")
    result = run(case.command(target), env=base_env(), limit_memory=False)
    tap.ok(result.status != 0 and not result.crashed and says_save_failed(result.stderr, target)
           and read(regular) == before and sorted(listing(base)) == ["a-folder", "file.xml"],
           f"{case.name}: a path through a regular file fails, the file is intact",
           result.describe())

    target = os.path.join(base, "missing", "x.xml")
    result = run(case.command(target), env=base_env(), limit_memory=False)
    tap.ok(result.status != 0 and not result.crashed and says_save_failed(result.stderr, target)
           and not os.path.exists(os.path.join(base, "missing")),
           f"{case.name}: a folder that does not exist is reported, nothing is created",
           result.describe())


def nobody_wrapper():
    """As root, setpriv to nobody; as anyone else, nothing. None when it cannot work."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def check_read_only_folder(tap, args, case, work):
    name = f"{case.name}: a read-only folder"
    wrapper = nobody_wrapper()
    if wrapper is None:
        tap.skip(name, "running as root without setpriv: root ignores permissions")
        return

    folder = os.path.join(work, f"{case.name}-read-only")
    os.mkdir(folder)
    out = os.path.join(folder, "out")
    case.prepare(out)
    before = read(out)
    if wrapper:
        os.chown(folder, 65534, 65534)
        os.chown(out, 65534, 65534)
        os.chmod(work, 0o755)
        # Can nobody run the tool on the examples at all? If not (a build in a private home),
        # the read-only check would prove nothing.
        probe = run(wrapper + [args.ccplans, "validate",
                               os.path.join(args.examples, "bologna-music-2027-h1.xml")],
                    env=base_env(), limit_memory=False)
        if probe.status not in (0, 1):
            tap.skip(name, "user nobody cannot read the build or the data here")
            return
    os.chmod(folder, 0o555)
    try:
        result = run(wrapper + case.command(out), env=base_env(), limit_memory=False)
    finally:
        os.chmod(folder, 0o755)
    tap.ok(result.status != 0 and not result.crashed and says_save_failed(result.stderr, out)
           and read(out) == before and listing(folder) == ["out"],
           f"{name}: the save fails, the file is intact, the message names it",
           result.describe())


def check_probe(tap, args, work):
    """ccp_file_save() with a backup copy (what the editor does) under a full disk: the target,
    and an older backup, survive whatever the point of failure."""
    content = os.path.join(work, "new-content.xml")
    with open(content, "wb") as handle:
        handle.write(b"<new/>\n" * 2000)
    old = b"<old-plan/>\n" * 100          # 1,200 bytes: N = 4096 fails after the backup
    old_backup = b"<older backup/>\n"

    for after in FAIL_AFTER:
        folder = os.path.join(work, f"probe-{after}")
        os.mkdir(folder)
        target = os.path.join(folder, "plan.xml")
        with open(target, "wb") as handle:
            handle.write(old)
        with open(target + "~", "wb") as handle:
            handle.write(old_backup)
        result = run([args.probe, "--backup", content, target],
                     env=shim_env(args, folder, after, "write"), limit_memory=False)
        backup = read(target + "~")
        tap.ok(result.status == 1 and read(target) == old and backup in (old, old_backup)
               and listing(folder) == ["plan.xml", "plan.xml~"]
               and says_save_failed(result.stderr, "plan.xml"),
               f"ccp_file_save with backup, disk full after {after} bytes: target and backup "
               f"intact, no temporary file", f"{result.describe()}\nfolder: {listing(folder)}")

    folder = os.path.join(work, "probe-ok")
    os.mkdir(folder)
    target = os.path.join(folder, "plan.xml")
    with open(target, "wb") as handle:
        handle.write(old)
    result = run([args.probe, "--backup", content, target], env=base_env(), limit_memory=False)
    tap.ok(result.status == 0 and read(target) == read(content) and read(target + "~") == old
           and listing(folder) == ["plan.xml", "plan.xml~"],
           "ccp_file_save with backup, no failure: saved, previous content in the backup",
           result.describe())


def check_file_properties(tap, case, work):
    """Saving over a file keeps its mode (664 under umask 022), writes through a symlink (a
    dangling one creates its target), and removes the temporary file a killed save left."""
    folder = os.path.join(work, case.name + "-properties")
    os.mkdir(folder)
    out = os.path.join(folder, "out.xml")
    link = os.path.join(folder, "link.xml")
    stale = os.path.join(folder, ".out.xml.ccp-save-2147483647-AbCdEf")
    case.prepare(out)
    os.chmod(out, 0o664)
    os.symlink("target.xml", link)
    with open(stale, "wb") as handle:
        handle.write(b"<half a plan")
    old_umask = os.umask(0o022)
    try:
        first = run(case.command(out), env=base_env(), limit_memory=False)
        second = run(case.command(link), env=base_env(), limit_memory=False)
    finally:
        os.umask(old_umask)
    tap.ok(first.status in (0, 1) and os.stat(out).st_mode & 0o777 == 0o664,
           f"{case.name}: saving over a 664 file keeps mode 664", first.describe())
    tap.ok(second.status in (0, 1) and os.path.islink(link)
           and os.path.isfile(os.path.join(folder, "target.xml")),
           f"{case.name}: saving to a dangling link creates its target, the link stays",
           second.describe())
    tap.ok(not os.path.exists(stale), f"{case.name}: a killed save's temporary file is removed",
           f"folder: {listing(folder)}")


def main():
    args = parse_args()
    tap = Tap()
    for path in (args.ccplans, args.probe):
        if not os.access(path, os.X_OK):
            bail_out(f"{path} is not built")
    if not os.path.exists(args.failwrite):
        bail_out(f"{args.failwrite} is not built")

    bologna = os.path.join(args.examples, "bologna-music-2027-h1.xml")
    liverpool = os.path.join(args.examples, "liverpool-music-2027-h1.xml")
    medellin = os.path.join(args.examples, "medellin-music-2027-h1.xml")

    def ccplans(*argv):
        result = run([args.ccplans] + list(argv), env=base_env(), limit_memory=False)
        if result.status not in (0, 1):
            bail_out("could not make the previous good file:\n" + result.describe())

    cases = [
        Case("merge",
             lambda out: ccplans("merge", "-o", out, bologna, liverpool),
             lambda out: [args.ccplans, "merge", "-o", out, bologna, liverpool, medellin],
             max(FAIL_AFTER)),
        Case("export",
             lambda out: ccplans("export", "--format", "csv", "-o", out, bologna),
             lambda out: [args.ccplans, "export", "--format", "html", "-o", out, medellin],
             max(FAIL_AFTER)),
        # libxlsxwriter writes the workbook to a temporary folder elsewhere: the save of OUT
        # itself goes through the same atomic path.
        Case("export-xlsx",
             lambda out: ccplans("export", "--format", "csv", "-o", out, bologna),
             lambda out: [args.ccplans, "export", "--format", "xlsx", "-o", out, medellin],
             max(FAIL_AFTER)),
        Case("export-iati",
             lambda out: ccplans("export", "--format", "csv", "-o", out, bologna),
             lambda out: [args.ccplans, "export", "--format", "iati", "-o", out, medellin],
             max(FAIL_AFTER)),
    ]

    with tempfile.TemporaryDirectory(prefix="ccp-atomic-") as work:
        for case in cases:
            if not check_control(tap, case, work):
                continue
            check_shim_transparent(tap, args, case, work)
            for mode in MODES:
                for after in FAIL_AFTER:
                    check_disk_full(tap, args, case, work, after, mode)
            check_bad_destination(tap, case, work)
            check_read_only_folder(tap, args, case, work)
            check_file_properties(tap, case, work)
        check_probe(tap, args, work)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
