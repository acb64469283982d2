#!/usr/bin/python3
"""`ccplans export --format csv --hxl` (issue 20), checked from outside.

Every example is exported with and without --hxl and read back with Python's csv module: the
second row is the HXL tag row, every tag is a valid HXL hashtag with attributes (HXL 1.1's
grammar), the 3W minimum (#org, #sector, #country or #adm1) is there, the tags are those of the
documented mapping (data/schema/hxl-mapping.md) column by column, the data rows are those of
the plain CSV plus the contact columns, and --hxl is refused with another format.
"""

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccp_cli_test import Tap, base_env  # noqa: E402

# HXL 1.1: a hashtag, then attributes; letters, digits and "_", starting with a letter; the
# standard allows whitespace before each "+".
HXL_TAG = re.compile(r"^#[A-Za-z][A-Za-z0-9_]*(\s*\+[A-Za-z][A-Za-z0-9_]*)*$")


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ccplans", required=True)
    parser.add_argument("--examples", required=True, help="data/examples")
    parser.add_argument("--mapping", required=True, help="data/schema/hxl-mapping.md")
    return parser.parse_args()


def documented_mapping(path):
    """The table of hxl-mapping.md: column -> tag."""
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 2 and cells[0].startswith("`") and cells[1].startswith("`#"):
                mapping[cells[0].strip("`")] = cells[1].strip("`")
    return mapping


NS = "{urn:creativecities:plans:1}"


def expected_contact(plan):
    """The Focal Point of a city plan, the coordinator of a field plan: (name, email)."""
    root = ET.parse(plan).getroot()
    for tag in ("focal-point", "coordinator"):
        person = root.find(NS + tag)
        if person is not None:
            return (person.findtext(NS + "name") or "", person.findtext(NS + "email") or "")
    return ("", "")


def export(args, plan, out, *extra):
    return subprocess.run([args.ccplans, "export", "--format", "csv", *extra, "-o", out, plan],
                          capture_output=True, text=True, env=base_env())


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(io.StringIO(f.read())))


def main():
    args = parse_args()
    tap = Tap()
    mapping = documented_mapping(args.mapping)
    tap.ok(len(mapping) >= 35, "the documented mapping has a row per column", len(mapping))
    tap.ok(HXL_TAG.match("#org+impl") and not HXL_TAG.match("#org+") and
           not HXL_TAG.match("#x-kind") and not HXL_TAG.match("org"),
           "the grammar check tells a tag from a non-tag")
    examples = sorted(os.path.join(args.examples, name) for name in os.listdir(args.examples)
                      if name.endswith(".xml"))
    with tempfile.TemporaryDirectory() as tmp:
        for plan in examples:
            name = os.path.basename(plan)
            plain_out = os.path.join(tmp, "plain.csv")
            hxl_out = os.path.join(tmp, "hxl.csv")
            result = export(args, plan, plain_out)
            result_hxl = export(args, plan, hxl_out, "--hxl")
            if not tap.ok(result.returncode == 0 and result_hxl.returncode == 0,
                          f"{name}: exported with and without --hxl",
                          result.stderr + result_hxl.stderr):
                continue
            plain = read_rows(plain_out)
            rows = read_rows(hxl_out)
            header, tags = rows[0], rows[1]
            tap.ok(header[:len(plain[0])] == plain[0] and
                   header[len(plain[0]):] == ["contact_name", "contact_email"],
                   f"{name}: the header is the plain one plus the contact columns", header)
            tap.ok(all(tag.startswith("#") for tag in tags) and
                   not any(cell.startswith("#") for row in plain for cell in row[:1]),
                   f"{name}: the second row is the tag row (and only there)", tags)
            bad = [tag for tag in tags if not HXL_TAG.match(tag)]
            tap.ok(not bad, f"{name}: every tag is a valid HXL hashtag with attributes", bad)
            hashtags = {re.split(r"\s*\+", tag)[0] for tag in tags}
            tap.ok("#org" in hashtags and "#sector" in hashtags and
                   ("#country" in hashtags or "#adm1" in hashtags),
                   f"{name}: the 3W minimum (#org, #sector, #country or #adm1)", hashtags)
            wrong = [(col, tag, mapping.get(col)) for col, tag in zip(header, tags)
                     if mapping.get(col) != tag]
            tap.ok(len(tags) == len(header) and not wrong,
                   f"{name}: each column has the documented tag", wrong)
            tap.ok(len(rows) == len(plain) + 1 and
                   all(len(row) == len(header) for row in rows) and
                   all(row[:len(plain[0])] == old for row, old in zip(rows[2:], plain[1:])),
                   f"{name}: the data rows line up with the header, as the plain CSV's")
            contact = {tuple(row[-2:]) for row in rows[2:]}
            tap.ok(contact == {expected_contact(plan)},
                   f"{name}: the plan's contact on every row", (contact, expected_contact(plan)))

        refused = subprocess.run([args.ccplans, "export", "--format", "html", "--hxl", "-o",
                                  os.path.join(tmp, "x.html"), examples[0]],
                                 capture_output=True, text=True, env=base_env())
        tap.ok(refused.returncode == 2 and "--hxl" in refused.stderr and
               not os.path.exists(os.path.join(tmp, "x.html")),
               "--hxl with --format html: exit 2, says why, writes nothing",
               f"{refused.returncode}: {refused.stderr}")
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
