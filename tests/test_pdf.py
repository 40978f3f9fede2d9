"""`python -m generator pdf`: the whole plan of a unit as one A4 PDF in official order, Sarabun embedded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.__main__ import main
from generator.kinds.plan.pdf import find_plan, plan_parts
from generator.models.plan import Plan
from generator.site import KINDS, load_checked

ROOT = Path(__file__).resolve().parent.parent
UNIT = "sao-bueng-prue"


def comparable(text: str) -> str:
    """Text as pypdf can read it back: NFKD, no spaces, no tone marks (it maps their shifted glyphs to NUL)."""
    text = unicodedata.normalize("NFKD", text).replace("\x00", "")
    return "".join(c for c in text if not c.isspace() and not "\u0e48" <= c <= "\u0e4b")


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """{base font name: has an embedded font file} over every page (descendant fonts of Type0 included)."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in (font_dict.get_object() if font_dict else {}).values():
            font = ref.get_object()
            for f in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                descriptor = f.get("/FontDescriptor")
                if descriptor is not None:
                    d = descriptor.get_object()
                    fonts[str(f["/BaseFont"])] = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


@pytest.mark.browser
def test_pdf_of_a_whole_plan(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    # Why a subprocess: this is the command a clerk runs, and Playwright's sync API allows one instance per thread.
    command = [sys.executable, "-m", "generator", "pdf", UNIT, "--plan", "2566-2570", "--site", str(built_site)]
    result = subprocess.run([*command, "--out", str(out)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    reader = PdfReader(str(out))
    plan = find_plan(ROOT / "data", UNIT, "2566-2570", KINDS)
    assert len(reader.pages) > len(plan.projects)  # intro + budget + one card per project, each card from a new page
    squeezed = comparable("\n".join(page.extract_text() or "" for page in reader.pages))
    # Thai text is extractable, and the three parts come in the official order.
    first = squeezed.index(comparable("ส่วนที่ 1"))
    second = squeezed.index(comparable("ส่วนที่ 2"))
    third = squeezed.index(comparable("ส่วนที่ 3"))
    assert first < second < third
    assert comparable(plan.projects[-1].name)[:12] in squeezed[third:]
    assert comparable("รวมทั้งสิ้น") in squeezed
    if shutil.which("pdftotext"):  # poppler reads every mark exactly; pypdf drops shifted tone-mark glyphs
        exact = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "ส่วนที่ 1" in exact and "รวมทั้งสิ้น" in exact
    fonts = embedded_fonts(reader)
    assert any("Sarabun" in name for name in fonts), fonts
    assert all(fonts.values()), f"fonts not embedded: {[n for n, e in fonts.items() if not e]}"
    assert abs(float(reader.pages[0].mediabox.width) - 595.3) < 2  # A4


def test_plan_parts_follow_the_official_order() -> None:
    data, _ = load_checked(ROOT / "data")
    plan: Plan = next(d.model for d in data.units[UNIT].of_kind(Plan) if d.path.endswith("plan-2566-2570.yml"))
    parts = plan_parts(UNIT, plan)
    assert parts[0]["url"] == f"/{UNIT}/plan/2566-2570/" and parts[0]["label"].startswith("ส่วนที่ 1")
    assert parts[1]["url"].endswith("/budget/") and parts[1]["label"].startswith("ส่วนที่ 2")
    assert parts[2]["label"].startswith("ส่วนที่ 3") and all(not p["label"] for p in parts[3:])
    assert [p["url"].split("/")[-2] for p in parts[2:]] == [p.id for p in plan.projects]


def test_unknown_unit_or_plan_is_a_thai_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(ROOT / "data")
    assert main(["pdf", "no-such-unit", "--data", data, "--site", str(tmp_path), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "ไม่พบหน่วยงาน no-such-unit" in capsys.readouterr().err
    assert (
        main(
            [
                "pdf",
                UNIT,
                "--plan",
                "2500-2504",
                "--data",
                data,
                "--site",
                str(tmp_path),
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    assert "ไม่พบแผน 2500-2504" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
