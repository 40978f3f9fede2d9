"""Downloads read back and compared with the models; datapackage validated by frictionless; DCAT parsed as JSON-LD."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import rdflib
from frictionless import validate

from generator import pipeline
from generator.dataset import Dataset
from generator.kinds.plan import tables as plan_tables
from generator.mdtext import escape_md
from generator.models.plan import Plan, Project
from generator.models.unit import Unit
from generator.opendata.bundle import UnitOpenData, build_unit_files, collect
from generator.opendata.tables import Table, column_from_field, table_spec
from generator.opendata.writers import format_csv_value, write_zip
from generator.site import KINDS, load_and_check, load_checked, render_site
from tests.conftest import DATA

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.fixture(scope="module")
def sample() -> tuple[Dataset, list[UnitOpenData], dict[str, dict[str, bytes]]]:
    data, _ = load_checked(DATA)
    units = collect(data)
    return data, units, {od.unit.id: build_unit_files(od) for od in units}


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def plans_of(od: UnitOpenData) -> list[Plan]:
    return [d.model for d in od.unit.documents if isinstance(d.model, Plan)]


def test_every_sample_plan_has_its_tables(sample):
    _, units, files = sample
    plan_units = {u.id for u in sample[0].units.values() if any(isinstance(d.model, Plan) for d in u.documents)}
    assert plan_units and plan_units <= {od.unit.id for od in units}
    for od in units:
        for plan in plans_of(od):
            stem = f"plan-{plan.period.start}-{plan.period.end}"
            for key in ("projects", "budget"):
                for ext in ("csv", "json", "xlsx"):
                    assert f"{stem}-{key}.{ext}" in files[od.unit.id]


def test_budget_csv_matches_the_model(sample):
    _, units, files = sample
    for od in units:
        for plan in plans_of(od):
            rows = read_csv(files[od.unit.id][f"plan-{plan.period.start}-{plan.period.end}-budget.csv"])
            assert len(rows) == len(plan.projects) * len(plan.period.years)
            for row in rows:
                project = next(p for p in plan.projects if p.id == row["project_id"])
                year = int(row["fiscal_year"])
                assert 2400 <= year <= 2700  # B.E. fiscal year in its own column
                assert "," not in row["amount_baht"]  # no thousands separators
                assert Decimal(row["amount_baht"]) == project.budget.get(year, Decimal(0))
                assert int(row["dimension"]) == project.dimension
            total = sum(Decimal(r["amount_baht"]) for r in rows)
            assert total == sum((sum(p.budget.values(), Decimal(0)) for p in plan.projects), Decimal(0))


def test_projects_csv_json_and_xlsx_agree_with_the_model(sample):
    _, units, files = sample
    od = next(o for o in units if o.unit.id == "sao-bueng-prue")
    plan = next(p for p in plans_of(od) if p.period.start == 2566)  # the unit also has a 2561–2564 sample plan
    stem = f"plan-{plan.period.start}-{plan.period.end}-projects"
    unit_files = files[od.unit.id]
    rows = read_csv(unit_files[f"{stem}.csv"])
    records = json.loads(unit_files[f"{stem}.json"])
    assert [r["project_id"] for r in rows] == [p.id for p in plan.projects] == [r["project_id"] for r in records]
    assert [r["project_name"] for r in rows] == [p.name for p in plan.projects]
    for row, record, project in zip(rows, records, plan.projects, strict=True):
        assert Decimal(row["budget_total_baht"]) == sum(project.budget.values(), Decimal(0))
        assert Decimal(str(record["budget_total_baht"])) == Decimal(row["budget_total_baht"])
        assert record["project_no"] == int(row["project_no"])
        assert row["page"] == f"sao-bueng-prue/plan/2566-2570/projects/{project.id}/"
    sheet = openpyxl.load_workbook(io.BytesIO(unit_files[f"{stem}.xlsx"])).worksheets[0]
    titles = [c.title for c in plan_tables.PROJECTS.columns]
    assert [c.value for c in sheet[1]] == titles
    xlsx_ids = [sheet.cell(row=i + 2, column=titles.index("รหัสโครงการ") + 1).value for i in range(len(plan.projects))]
    assert xlsx_ids == [p.id for p in plan.projects]
    assert sheet.max_row == len(plan.projects) + 1


def test_csv_header_is_snake_case_and_nothing_else(sample):
    _, units, files = sample
    for od in units:
        for table in od.tables:
            first = files[od.unit.id][f"{table.name}.csv"].decode("utf-8").splitlines()[0]
            names = first.split(",")
            assert names == [c.name for c in table.spec.columns]
            assert all(SNAKE.fullmatch(n) for n in names), names


def test_xlsx_second_sheet_explains_every_column_in_thai(sample):
    _, units, files = sample
    od = units[0]
    table = od.tables[0]
    book = openpyxl.load_workbook(io.BytesIO(files[od.unit.id][f"{table.name}.xlsx"]))
    assert book.sheetnames == ["ข้อมูล", "คำอธิบายคอลัมน์"]
    notes = book.worksheets[1]
    described = {
        notes.cell(row=r, column=2).value: notes.cell(row=r, column=5).value for r in range(5, notes.max_row + 1)
    }
    for column in table.spec.columns:
        assert described[column.name] == column.description
    assert book.properties.created.date() == od.meta.updated


def test_column_labels_come_from_the_model_fields():
    projects = plan_tables.PROJECTS
    assert projects.column("project_id").title == Project.model_fields["id"].title
    assert projects.column("project_id").description == Project.model_fields["id"].description
    assert projects.column("unit_id").title == Unit.model_fields["id"].title
    assert projects.column("project_id").source == "Project.id"
    assert plan_tables.BUDGET.column("amount_baht").type == "number"
    assert plan_tables.BUDGET.column("fiscal_year").type == "integer"
    assert projects.column("start_date").type == "date"


def test_files_are_byte_identical_across_builds(sample):
    data, _, files = sample
    again = {od.unit.id: build_unit_files(od) for od in collect(data)}
    assert again == files


def test_zip_is_deterministic_and_complete(sample):
    _, units, files = sample
    for od in units:
        unit_files = files[od.unit.id]
        archive = zipfile.ZipFile(io.BytesIO(unit_files[f"{od.unit.id}-opendata.zip"]))
        names = archive.namelist()
        assert names == sorted(names)
        assert set(names) == {n for n in unit_files if not n.endswith(".zip")} | {"README.md"}
        assert {i.date_time for i in archive.infolist()} == {(*od.meta.updated.timetuple()[:3], 0, 0, 0)}
        for name in names:
            if name != "README.md":
                assert archive.read(name) == unit_files[name]
        readme = archive.read("README.md").decode("utf-8")
        for table in od.tables:
            assert f"{table.name}.csv" in readme
            for column in table.spec.columns:
                assert f"- {column.name} ({column.title};" in readme
        assert "สัญญาอนุญาต: Open Data Common" in readme


def test_write_zip_ignores_input_order_and_clock():
    first = write_zip({"b.txt": b"2", "a.txt": b"1"}, dt.date(2024, 5, 1))
    second = write_zip({"a.txt": b"1", "b.txt": b"2"}, dt.date(2024, 5, 1))
    assert first == second
    assert zipfile.ZipFile(io.BytesIO(first)).infolist()[0].date_time == (2024, 5, 1, 0, 0, 0)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("5000"), "5000"),
        (Decimal("1234567.50"), "1234567.5"),
        (Decimal("0.00"), "0"),
        (Decimal("5E+3"), "5000"),
        (None, ""),
        (True, "true"),
        (dt.date(2024, 3, 31), "2024-03-31"),
        (2567, "2567"),
    ],
)
def test_csv_values_are_plain(value, text):
    assert format_csv_value(value) == text


def test_frictionless_validates_every_data_package(sample, tmp_path):
    _, units, files = sample
    for od in units:
        folder = tmp_path / od.unit.id
        folder.mkdir()
        for name, content in files[od.unit.id].items():
            (folder / name).write_bytes(content)
        report = validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert [r["path"] for r in package["resources"]] == [f"{t.name}.csv" for t in od.tables]
        assert package["licenses"][0]["title"] == "Open Data Common"


def test_frictionless_catches_a_broken_csv(sample, tmp_path):
    _, units, files = sample
    od = next(u for u in units if any(t.spec.key == "budget" for t in u.tables))
    for name, content in files[od.unit.id].items():
        (tmp_path / name).write_bytes(content)
    budget = next(t for t in od.tables if t.spec.key == "budget")
    path = tmp_path / f"{budget.name}.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",0\r\n", ",1,000\r\n", 1), encoding="utf-8")
    assert not validate(str(tmp_path / "datapackage.json")).valid


def test_dcat_metadata_is_valid_json_ld(sample, monkeypatch):
    from generator.opendata.metadata import build_dcat

    _, units, files = sample
    od = next(o for o in units if o.unit.id == "sao-bueng-prue")
    base = "https://example.org/site/sao-bueng-prue/opendata/"
    graph = rdflib.Graph().parse(data=files[od.unit.id]["dataset.jsonld"], format="json-ld", publicID=base)
    dcat, dct = rdflib.Namespace("http://www.w3.org/ns/dcat#"), rdflib.DCTERMS
    dataset = rdflib.URIRef(base)
    assert (dataset, rdflib.RDF.type, dcat.Dataset) in graph
    assert str(graph.value(dataset, dct.title)).startswith("แผนปฏิบัติการป้องกันการทุจริต")
    downloads = {str(graph.value(d, dcat.downloadURL)) for d in graph.objects(dataset, dcat.distribution)}
    assert f"{base}plan-2566-2570-budget.csv" in downloads
    assert len(downloads) == 3 * len(od.tables) + 1
    assert graph.value(dataset, dct.modified).toPython() == od.meta.updated
    start = graph.value(graph.value(dataset, dct.temporal), dcat.startDate).toPython()
    assert start == dt.date(2017, 10, 1)  # its oldest plan (the 2561–2564 sample): fiscal year 2561 starts on 1 Oct 2017
    monkeypatch.setenv("SITE_URL", "https://example.org/site/")
    absolute = json.loads(json.dumps(build_dcat(od.meta)))
    assert absolute["@context"]["@base"] == base
    graph = rdflib.Graph().parse(data=json.dumps(absolute), format="json-ld")
    assert (rdflib.URIRef(base), rdflib.RDF.type, dcat.Dataset) in graph


def write_mini_opendata(mini_data: Path, block: str) -> None:
    unit = mini_data / "units" / "mini" / "unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8") + block, encoding="utf-8")


def test_unit_opendata_settings_reach_every_output(mini_data, monkeypatch):
    write_mini_opendata(
        mini_data,
        "opendata:\n  licence: cc-by-4.0\n  maintainer: กองคลัง\n  contact_email: data@example.go.th\n"
        "  update_frequency: quarterly\n  keywords: [งบประมาณท้องถิ่น]\n",
    )
    site = render_site(mini_data)
    page = site.files["mini/opendata/index.md"]
    assert "Creative Commons Attribution 4.0 International" in page and "data@example.go.th" in page
    assert "รายไตรมาส" in page and "งบประมาณท้องถิ่น" in page and "กองคลัง" in page
    package = json.loads(site.assets["mini/opendata/datapackage.json"])
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["contributors"][0]["email"] == "data@example.go.th"
    dcat = json.loads(site.assets["mini/opendata/dataset.jsonld"])
    assert dcat["dct:accrualPeriodicity"]["@id"] == "http://purl.org/cld/freq/quarterly"
    assert dcat["dcat:contactPoint"]["vcard:hasEmail"]["@id"] == "mailto:data@example.go.th"


def test_a_wrong_licence_is_a_data_error_on_its_line(mini_data):
    write_mini_opendata(mini_data, "opendata:\n  licence: public-domain\n  contact_email: not-an-email\n")
    _, problems = load_and_check(mini_data)
    found = {(p.line, p.field) for p in problems if p.path.endswith("mini/unit.yml")}
    assert (5, "opendata.licence") in found
    assert (6, "opendata.contact_email") in found


def test_units_without_tables_get_no_opendata(mini_data):
    (mini_data / "units" / "mini" / "plan-2566-2570.yml").unlink()
    site = render_site(mini_data)
    assert not any(p.startswith("mini/opendata/") for p in [*site.files, *site.assets])
    assert "data-dictionary/index.md" in site.files


def test_download_links_sit_beside_the_tables(mini_data):
    files = render_site(mini_data).files
    budget = files["mini/plan/2566-2570/budget/index.md"]
    line = "ข้อมูลในตารางนี้: [ดาวน์โหลดตาราง (CSV สำหรับ Excel)](../../../opendata/plan-2566-2570-budget.csv)"
    assert line in budget
    assert budget.index(line) < budget.index("## จำนวนโครงการและงบประมาณรายมิติ")
    overview = files["mini/plan/2566-2570/index.md"]
    assert "[ดาวน์โหลดตาราง (CSV สำหรับ Excel)](../../opendata/plan-2566-2570-projects.csv)" in overview
    assert "[ดาวน์โหลดทุกไฟล์รวมในไฟล์เดียว (ZIP)](opendata/mini-opendata.zip)" in files["mini/index.md"]


def test_tables_without_a_template_line_get_a_download_section(mini_data, monkeypatch):
    """A new kind's table gets links at the end of its page until its template prints them inline."""
    spec = table_spec(
        "plan", "test-extra", "ตารางทดสอบ", "หนึ่งแถวต่อโครงการ", [column_from_field(Project, "id", "project_id")]
    )

    def build(data, unit, loaded):
        tables = plan_tables.build_plan_tables(data, unit, loaded)
        rows = [{"project_id": p.id} for p in loaded.model.projects]
        return [*tables, Table(spec, "extra", rows, tables[0].page, loaded.path)]

    kinds = [dataclasses.replace(k, build_tables=build) if k.name == "plan" else k for k in KINDS]
    site = pipeline.render_site(mini_data, kinds)
    overview = site.files["mini/plan/2566-2570/index.md"]
    assert "## ดาวน์โหลดข้อมูล {#downloads}" in overview
    assert "- ตารางทดสอบ: ข้อมูลในตารางนี้: [ดาวน์โหลดตาราง (CSV สำหรับ Excel)](../../opendata/extra.csv)" in overview
    assert site.assets["mini/opendata/extra.csv"].decode() == "project_id\r\nfirst\r\nsecond\r\n"


def test_table_rows_must_match_the_columns():
    with pytest.raises(ValueError, match="differ from columns"):
        Table(plan_tables.TARGETS, "x", [{"unit_id": "a"}], "a/index.md", "a.yml")


def test_dictionary_describes_every_field_of_every_kind(mini_data):
    page = render_site(mini_data).files["data-dictionary/index.md"]
    assert page.startswith("# พจนานุกรมข้อมูล")
    for kind in KINDS:
        assert f"ไฟล์: `data/units/<รหัสหน่วยงาน>/{kind.pattern}`" in page
        for name, info in kind.model.model_fields.items():
            assert f"| `{name}` | {escape_md(info.title)} |" in page, (kind.name, name)
    for name, info in Project.model_fields.items():
        assert f"| `{name}` | {escape_md(info.title)} |" in page
    for column in plan_tables.BUDGET.columns:
        assert f"| `{column.name}` | {escape_md(column.title)} |" in page


def test_progress_and_complaint_tables_match_their_models(sample):
    from generator.kinds.complaints.model import ComplaintStats
    from generator.kinds.progress.model import ProgressReport

    data, _, files = sample
    seen = 0
    for unit in data.units.values():
        unit_files = files.get(unit.id, {})
        for doc in unit.of_kind(ProgressReport):
            report = doc.model
            rows = read_csv(unit_files[f"progress-{report.fiscal_year}-{report.round}.csv"])
            assert [(r["project_id"], r["status"], int(r["progress_percent"])) for r in rows] == [
                (p.project, p.status, p.progress) for p in report.projects
            ]
            seen += 1
        for doc in unit.of_kind(ComplaintStats):
            stats = doc.model
            if stats.by_month:
                rows = read_csv(unit_files[f"complaints-{stats.fiscal_year}-months.csv"])
                assert {r["month"]: int(r["received"]) for r in rows} == dict(stats.by_month)
                seen += 1
            if stats.by_channel:
                records = json.loads(unit_files[f"complaints-{stats.fiscal_year}-channels.json"])
                assert {r["channel_id"]: r["received"] for r in records} == dict(stats.by_channel)
                assert all(r["channel_name"] for r in records)
    assert seen >= 2


def test_embedded_json_ld_cannot_break_out_of_its_script(mini_data):
    unit = mini_data / "units" / "mini" / "unit.yml"
    hostile = "อบต.</script><!--<script>x"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("องค์การบริหารส่วนตำบลทดสอบ", f'"{hostile}"'), encoding="utf-8"
    )
    page = render_site(mini_data).files["mini/opendata/index.md"]
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    body = page[start : page.index("</script>", start)]
    assert "<" not in body and ">" not in body
    assert json.loads(body)["dct:publisher"]["foaf:name"]["@value"] == hostile
