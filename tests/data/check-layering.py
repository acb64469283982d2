#!/usr/bin/env python3
"""The shape of the code (architecture issue): no file in src/ over 1,000 lines, no include
cycle between the core's folders nor between the GUI's pieces. Each folder of src/core includes only headers of its own folder,
of the folders listed before it in src/core/meson.build (core_folders), and ccp-types.h; no core
file includes the umbrella header ccp-core.h; the core includes no GTK."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
core = top / "src" / "core"
limit = 1000
problems = []

folders = re.search(r"core_folders = \[([^\]]*)\]", (core / "meson.build").read_text())
order = re.findall(r"'([^']+)'", folders.group(1))
rank = {folder: i for i, folder in enumerate(order)}

home = {}
for header in core.glob("*/*.h"):
    home[header.name] = header.parent.name
for header in core.glob("*.h"):
    home[header.name] = None  # the top: ccp-types.h for everyone, ccp-core.h for nobody

for path in sorted(top.glob("src/**/*.[ch]")):
    lines = path.read_text(encoding="utf-8").count("\n")
    if lines > limit:
        problems.append(f"{path.relative_to(top)}: {lines} lines (at most {limit})")

for path in sorted(core.glob("*/*.[ch]")):
    folder = path.parent.name
    if folder not in rank:
        problems.append(f"{path.relative_to(top)}: folder {folder} is not in core_folders")
        continue
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.match(r'\s*#\s*include\s*[<"]([^">]+)[">]', line)
        if not match:
            continue
        name = match.group(1)
        where = f"{path.relative_to(top)}:{number}"
        if name.startswith(("gtk/", "adwaita")):
            problems.append(f"{where}: the core includes {name}")
        if name == "ccp-core.h":
            problems.append(f"{where}: a core file includes the umbrella header ccp-core.h")
        if name not in home or home[name] is None:
            continue
        other = home[name]
        if rank[other] > rank[folder]:
            problems.append(f"{where}: {folder}/ includes {name} of {other}/, a folder above it")

# The GUI: common/ below plan-editor/ and workspace/, which know neither each other nor the
# application and its window at the top (opening a file goes through an application action).
gui = top / "src" / "gui"
gui_home = {h.name: h.parent.name for h in gui.glob("*/*.h")}
gui_home.update({h.name: "top" for h in gui.glob("*.h")})
allowed = {"common": {"common"}, "plan-editor": {"common", "plan-editor"},
           "workspace": {"common", "workspace"}}
for path in sorted(gui.glob("*/*.[ch]")):
    folder = path.parent.name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
        if match and match.group(1) in gui_home and gui_home[match.group(1)] not in allowed.get(folder, {folder}):
            problems.append(f"{path.relative_to(top)}:{number}: {folder}/ includes "
                            f"{match.group(1)} of {gui_home[match.group(1)]}/")

for problem in problems:
    print(problem)
print(f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
