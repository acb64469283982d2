#!/usr/bin/python3
"""`ccplans export --format xlsx|iati` (issue 20), checked from outside.

XLSX: every example is exported and read back with an independent reader (openpyxl, Debian's
python3-openpyxl); the cells and their types are compared with the plan as Python's own XML
parser reads it: one row per activity and contributing city, dates as dates, amounts as numbers
with the currency's decimals, flags as booleans, texts never formulas, the budgets per currency,
the sources and the merge report; the header row is frozen and filterable, the columns wide
enough. IATI: the command's options and errors. Both: bad usage and failed saves exit 2, say
why, and leave the previous file and its folder as they were.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ccp_cli_test import Tap, base_env, bail_out  # noqa: E402

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:  # pragma: no cover
    print("1..0 # SKIP python3-openpyxl is not installed (build-aux/debian-packages.txt)")
    sys.exit(0)

NS = {"p": "urn:creativecities:plans:1"}
# ISO 4217 minor units that are not 2 (as src/core/reference/ccp-currency.c).
MINOR_UNITS = {"JPY": 0, "KRW": 0, "XOF": 0, "KWD": 3, "BHD": 3, "TND": 3, "CLF": 4}


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ccplans", required=True)
    parser.add_argument("--examples", required=True, help="data/examples")
    return parser.parse_args()


def amount_format(currency):
    decimals = MINOR_UNITS.get(currency, 2)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def text(element, path):
    found = element.find(path, NS)
    return found.text or "" if found is not None else ""


def codes(element, path):
    return "; ".join(text(element, path).split()) or None


def as_date(value):
    return datetime.datetime.strptime(value, "%Y-%m-%d")


def header_map(sheet):
    return {cell.value: cell.column - 1 for cell in sheet[1]}


def check_sheet_layout(tap, name, sheet):
    """Header row frozen, filter over the whole table, bold headers, widths that fit them."""
    last = get_column_letter(sheet.max_column)
    tap.ok(sheet.freeze_panes == "A2", f"{name}: the header row is frozen",
           f"freeze_panes = {sheet.freeze_panes}")
    tap.ok(sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}",
           f"{name}: the header row is filterable over the whole table",
           f"autofilter = {sheet.auto_filter.ref}, expected A1:{last}{sheet.max_row}")
    tap.ok(all(cell.font.b for cell in sheet[1]), f"{name}: headers are bold")
    narrow = []
    for cell in sheet[1]:
        width = sheet.column_dimensions[get_column_letter(cell.column)].width
        if width is None or width < len(str(cell.value)):
            narrow.append((cell.value, width))
    tap.ok(not narrow, f"{name}: every column is at least as wide as its header", narrow)


def city_plan_rows(root):
    city = root.find("p:city", NS)
    for activity in root.findall("p:activities/p:activity", NS):
        yield activity, [(city.text, city.get("country"), root.get("id"), activity.get("id"),
                          activity)]


def field_plan_rows(root):
    """Format 1.1: each <city> holds that city's contribution (the per-city fields)."""
    for activity in root.findall("p:activities/p:activity", NS):
        cities = [(c.get("name"), c.get("country"), c.get("plan"), c.get("activity"), c)
                  for c in activity.findall("p:cities/p:city", NS)]
        yield activity, cities or [(None, None, None, None, activity)]


def check_activity_row(problems, where, row, columns, activity, values):
    def cell(heading):
        return row[columns[heading]]

    def expect(heading, value):
        got = cell(heading).value
        if got != value:
            problems.append(f"{where}: {heading}: {got!r} (type {type(got).__name__}), "
                            f"expected {value!r}")

    def expect_type(heading, data_type):
        if cell(heading).value is not None and cell(heading).data_type != data_type:
            problems.append(f"{where}: {heading} has cell type {cell(heading).data_type}, "
                            f"expected {data_type}")

    expect("Identifier", activity.get("id"))
    expect("Joint reference", activity.get("joint-ref"))
    # Every row has the shared fields and its own city's contribution (values).
    expect("Title", text(activity, "p:title") or None)
    expect_type("Title", "s")
    expect("Description", text(activity, "p:description") or None)
    expect("Kind", activity.get("kind"))
    expect("State", activity.get("state"))
    expect("Flagship", activity.get("flagship") == "true")
    expect("Online", values.find("p:place", NS).get("online") == "true")
    for heading, tag in (("Start date", "p:start"), ("End date", "p:end")):
        expect(heading, as_date(text(activity, tag)))
        if cell(heading).number_format != "yyyy-mm-dd":
            problems.append(f"{where}: {heading} is shown as {cell(heading).number_format}")
    expect("Place", text(values, "p:place") or None)
    expect("Objectives", codes(activity, "p:objectives"))
    expect("Areas of action", codes(activity, "p:areas"))
    expect("SDGs", codes(activity, "p:sdgs"))
    funding = [s.text for s in values.findall("p:funding/p:source", NS)]
    expect("Funding", "; ".join(funding) or None)
    partners = [f"{p.text} ({p.get('country')}, {p.get('field')})"
                for p in values.findall("p:partner-cities/p:partner-city", NS)]
    expect("Partner cities", "; ".join(partners) or None)
    budget = values.find("p:budget", NS)
    if budget is not None and budget.get("amount"):
        currency = budget.get("currency")
        expect("Budget", float(budget.get("amount")))
        expect_type("Budget", "n")
        expect("Currency", currency)
        if cell("Budget").number_format != amount_format(currency):
            problems.append(f"{where}: Budget in {currency} is shown as "
                            f"{cell('Budget').number_format}, expected {amount_format(currency)}")
    else:
        expect("Budget", None)
        expect("“no budget” answer", budget is not None and budget.get("none") == "true")


def check_workbook(tap, name, plan_path, xlsx_path):
    root = ET.parse(plan_path).getroot()
    field_plan = root.tag.endswith("field-plan")
    book = openpyxl.load_workbook(xlsx_path)
    expected_sheets = ["Activities", "Budgets"] + (["Sources", "Merge report", "Completeness"]
                                                   if field_plan else [])
    tap.ok(book.sheetnames == expected_sheets, f"{name}: sheets {expected_sheets}",
           book.sheetnames)
    for sheet in book.worksheets:
        check_sheet_layout(tap, f"{name} {sheet.title}", sheet)

    sheet = book["Activities"]
    columns = header_map(sheet)
    rows = list(sheet.iter_rows(min_row=2))
    problems = []
    index = 0
    totals = {}
    for activity, cities in (field_plan_rows(root) if field_plan else city_plan_rows(root)):
        for position, (city, country, plan, plan_activity, values) in enumerate(cities):
            budget = values.find("p:budget", NS)
            if budget is not None and budget.get("amount"):
                cents, count = totals.get(budget.get("currency"), (0, 0))
                totals[budget.get("currency")] = (cents + round(float(budget.get("amount")) * 100),
                                                  count + 1)
            if index >= len(rows):
                problems.append(f"no row for {activity.get('id')} / {city}")
                break
            row = rows[index]
            where = f"row {index + 2} ({activity.get('id')}, {city})"
            for heading, value in (("City", city), ("Country", country), ("Plan", plan),
                                   ("Activity in the plan", plan_activity)):
                if row[columns[heading]].value != value:
                    problems.append(f"{where}: {heading}: {row[columns[heading]].value!r}, "
                                    f"expected {value!r}")
            check_activity_row(problems, where, row, columns, activity, values)
            index += 1
    tap.ok(index == len(rows), f"{name}: one row per activity and contributing city",
           f"{len(rows)} rows, expected {index}")
    tap.ok(not problems, f"{name}: activity cells and types match the plan", "\n".join(problems))

    budgets = book["Budgets"]
    got = {r[0].value: (round(r[1].value * 100), r[2].value, r[1].number_format)
           for r in budgets.iter_rows(min_row=2)}
    want = {currency: (cents, count, amount_format(currency))
            for currency, (cents, count) in totals.items()}
    tap.ok(got == want, f"{name}: budgets per currency, as numbers with their decimals",
           f"got {got}\nexpected {want}")

    if field_plan:
        sources = root.findall("p:sources/p:source", NS)
        sheet = book["Sources"]
        columns = header_map(sheet)
        got = [(r[columns["City"]].value, r[columns["SHA-256"]].value, r[columns["Revision"]].value,
                r[columns["Status"]].value) for r in sheet.iter_rows(min_row=2)]
        want = [(s.get("city"), s.get("sha256"), int(s.get("revision")), s.get("status"))
                for s in sources]
        tap.ok(got == want, f"{name}: the sources sheet lists every source",
               f"got {got}\nexpected {want}")
        # The cycle (issue 18): when received, the review state, the comments.
        got = [(r[columns["Received"]].value, r[columns["Review"]].value,
                r[columns["Comments"]].value, r[columns["Open comments"]].value)
               for r in sheet.iter_rows(min_row=2)]
        want = [(s.get("received"), s.get("review"), len(s.findall("p:comment", NS)),
                 sum(1 for c in s.findall("p:comment", NS) if c.get("addressed") != "true"))
                for s in sources]
        tap.ok(got == want, f"{name}: the sources sheet has each review state and its comments",
               f"got {got}\nexpected {want}")
        # The completeness sheet: the roster's cities first, in order; a city with no plan
        # has no revision.
        members = [m.text for m in root.findall("p:roster/p:member", NS)]
        sheet = book["Completeness"]
        columns = header_map(sheet)
        rows = list(sheet.iter_rows(min_row=2))
        got = [r[columns["City"]].value for r in rows[:len(members)]]
        tap.ok(got == members and all(r[columns["In the roster"]].value for r in rows[:len(members)])
               and not any(r[columns["In the roster"]].value for r in rows[len(members):]),
               f"{name}: the completeness sheet has a row per member city, in roster order",
               f"got {got[:5]}... expected {members[:5]}...")
        missing = [r for r in rows if r[columns["Timeliness"]].value == "missing"]
        accepted = {(s.get("city"), int(s.get("revision"))) for s in sources
                    if s.get("status") == "accepted"}
        with_revision = {(r[columns["City"]].value, r[columns["Revision"]].value) for r in rows
                         if r[columns["Revision"]].value is not None}
        tap.ok(all(r[columns["Revision"]].value is None for r in missing) and
               with_revision <= accepted,
               f"{name}: the completeness sheet gives the accepted revision of cities with a plan",
               f"{len(missing)} missing, {with_revision - accepted} not accepted")
        items = root.findall("p:report/p:item", NS)
        sheet = book["Merge report"]
        got = [(r[0].value, r[1].value, r[2].value, bool(r[3].value))
               for r in sheet.iter_rows(min_row=2)]
        want = [(i.get("kind"), i.get("code") or None, i.get("city") or None, True) for i in items]
        tap.ok(got == want, f"{name}: the merge report sheet has every item with its sentence",
               f"got {got[:5]}...\nexpected {want[:5]}...")


def run(args, *argv, env=None):
    return subprocess.run([args.ccplans] + list(argv), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=base_env(env), timeout=60)


def make_variant(examples, work):
    """Bologna's plan with a yen and a Kuwaiti dinar budget and a title that looks like a
    formula."""
    with open(os.path.join(examples, "bologna-music-2027-h1.xml"), encoding="utf-8") as handle:
        content = handle.read()
    replacements = [
        ('<budget amount="120000.00" currency="EUR"/>', '<budget amount="1500000" currency="JPY"/>'),
        ('<budget amount="35000.00" currency="EUR"/>', '<budget amount="350.25" currency="KWD"/>'),
        ("<title>Bologna Music Week 2027</title>",
         "<title>=HYPERLINK(&quot;http://example.org/&quot;,&quot;x&quot;)</title>"),
    ]
    for old, new in replacements:
        if old not in content:
            bail_out(f"the Bologna example changed: {old} is not in it")
        content = content.replace(old, new)
    path = os.path.join(work, "bologna-variant.xml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content)
    return path


def check_failures(tap, args, work, plan):
    target = os.path.join(work, "out", "keep.xlsx")
    os.makedirs(os.path.dirname(target))
    with open(target, "wb") as handle:
        handle.write(b"previous content")

    def unchanged(result, what):
        with open(target, "rb") as handle:
            intact = handle.read() == b"previous content"
        clean = sorted(os.listdir(os.path.dirname(target))) == ["keep.xlsx"]
        tap.ok(result.returncode == 2 and intact and clean and result.stderr.strip(),
               f"{what}: exit 2 with a message, the previous file intact, no temporary file",
               f"exit {result.returncode}\n{result.stderr}\n"
               f"{sorted(os.listdir(os.path.dirname(target)))}")

    tmp = os.path.join(work, "no-such-folder")
    unchanged(run(args, "export", "--format", "xlsx", "-o", target, plan, env={"TMPDIR": tmp}),
              "xlsx with no temporary folder")
    unchanged(run(args, "export", "--format", "xlsx", "-o", target,
                  os.path.join(work, "missing.xml")), "xlsx of a missing plan")
    unchanged(run(args, "export", "--format", "iati", "--iati-org-ref", "XM DAC/1", "-o", target,
                  plan), "iati with an organisation reference that has a space and a /")
    unchanged(run(args, "export", "--format", "iati", "--iati-org-type", "UN", "-o", target,
                  plan), "iati with an organisation type that is not a code")
    unchanged(run(args, "export", "--format", "iati", "--iati-lang", "en_GB", "-o", target,
                  plan), "iati with a language that is not a language tag")
    unchanged(run(args, "export", "--format", "xlsx", "--iati-org-ref", "XM-DAC-1", "-o", target,
                  plan), "an --iati option with another format")
    unchanged(run(args, "export", "--format", "xls", "-o", target, plan), "an unknown format")

    # An IATI identifier cannot be made: two activities with one identifier.
    with open(plan, encoding="utf-8") as handle:
        content = handle.read().replace('id="a2"', 'id="a1"')
    duplicate = os.path.join(work, "duplicate-ids.xml")
    with open(duplicate, "w", encoding="utf-8") as handle:
        handle.write(content)
    result = run(args, "export", "--format", "iati", "-o", target, duplicate)
    unchanged(result, "iati of a plan with two activities “a1”")
    tap.ok("unique" in result.stderr, "the message says why", result.stderr)

    folder = os.path.join(work, "a-folder.xlsx")
    os.mkdir(folder)
    result = run(args, "export", "--format", "xlsx", "-o", folder, plan)
    tap.ok(result.returncode == 2 and os.listdir(folder) == [] and folder in result.stderr,
           "xlsx onto a folder: exit 2, the folder untouched, named in the message",
           f"exit {result.returncode}\n{result.stderr}")
    leftovers = [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("ccp-xlsx-")]
    tap.ok(not leftovers, "no temporary folder left in $TMPDIR", leftovers)


def main():
    args = parse_args()
    tap = Tap()
    # libxlsxwriter's and our temporary files go to a folder of this test, checked at the end.
    with tempfile.TemporaryDirectory(prefix="ccp-test-export-formats.") as work:
        os.environ["TMPDIR"] = os.path.join(work, "tmp")
        os.mkdir(os.environ["TMPDIR"])
        tempfile.tempdir = os.environ["TMPDIR"]
        names = sorted(n for n in os.listdir(args.examples) if n.endswith(".xml"))
        plans = [(n, os.path.join(args.examples, n)) for n in names]
        plans.append(("bologna-variant.xml", make_variant(args.examples, work)))
        for name, path in plans:
            xlsx = os.path.join(work, name + ".xlsx")
            result = run(args, "export", "--format", "xlsx", "-o", xlsx, path)
            if not tap.ok(result.returncode == 0 and os.path.exists(xlsx),
                          f"{name}: ccplans export --format xlsx", result.stderr):
                continue
            check_workbook(tap, name, path, xlsx)
            again = os.path.join(work, name + ".again.xlsx")
            run(args, "export", "--format", "xlsx", "-o", again, path)
            with open(xlsx, "rb") as a, open(again, "rb") as b:
                tap.ok(a.read() == b.read(), f"{name}: the same plan gives the same bytes")

        variant = openpyxl.load_workbook(os.path.join(work, "bologna-variant.xml.xlsx"))
        title = variant["Activities"]["M2"]
        tap.ok(title.data_type == "s" and title.value.startswith("=HYPERLINK"),
               "a title that looks like a formula stays text", (title.data_type, title.value))

        iati = os.path.join(work, "bologna.iati.xml")
        result = run(args, "export", "--format", "iati", "--iati-org-ref", "XI-IATI-TEST",
                     "--iati-org-name", "Test & Co", "--iati-lang", "it", "-o", iati, plans[0][1])
        tap.ok(result.returncode == 0, "ccplans export --format iati with options", result.stderr)
        if result.returncode == 0:
            root = ET.parse(iati).getroot()
            first = root.find("iati-activity")
            tap.ok(root.get("version") == "2.03"
                   and first.find("iati-identifier").text.startswith("XI-IATI-TEST-")
                   and first.find("reporting-org/narrative").text == "Test & Co"
                   and first.find("title/narrative").get(
                       "{http://www.w3.org/XML/1998/namespace}lang") == "it",
                   "the options are in the IATI file")
        check_failures(tap, args, work, plans[0][1])
        return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
