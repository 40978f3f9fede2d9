"""Report pages carry their charts, and ITA scores / the OIT checklist are downloadable like every table."""

from __future__ import annotations

import csv
import io

import pytest

from generator.site import RenderedSite, render_site
from tests.conftest import DATA


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    return render_site(DATA)


@pytest.mark.parametrize(
    ("page", "chart_id"),
    [
        ("sao-bueng-prue/plan/2566-2570/progress/2567-12m/index.md", "chart-progress-by-dimension"),
        ("sao-bueng-prue/complaints/2567/index.md", "chart-complaints-by-month"),
        ("sao-bueng-prue/complaints/2567/index.md", "chart-complaints-by-channel"),
        ("sao-bueng-prue/complaints/2567/index.md", "chart-complaints-by-outcome"),
        ("bma-district-suan-luang/ita/2565/index.md", "chart-ita-scores"),
    ],
)
def test_report_page_has_its_chart(site: RenderedSite, page: str, chart_id: str) -> None:
    text = site.files[page]
    assert f'<figure class="chart" id="{chart_id}"' in text
    assert "<svg" in text


def test_ita_chart_uses_the_documents_thai_digits(site: RenderedSite) -> None:
    text = site.files["bma-district-suan-luang/ita/2565/index.md"]
    figure = text[text.index('id="chart-ita-scores"') :]
    assert "๘๙.๙๔" in figure[: figure.index("</figure>")]


def _csv(site: RenderedSite, path: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(site.assets[path].decode("utf-8-sig"))))


def test_ita_scores_are_downloadable(site: RenderedSite) -> None:
    indicators = _csv(site, "bma-district-suan-luang/opendata/ita-2565-indicators.csv")
    assert [r["indicator_no"] for r in indicators] == [str(n) for n in range(1, 11)]
    assert indicators[0]["indicator_score"] == "89.94"
    items = _csv(site, "bma-district-suan-luang/opendata/ita-2565-items.csv")
    assert len(items) == 39 and len({r["item_code"] for r in items}) == 39


def test_oit_checklist_is_downloadable(site: RenderedSite) -> None:
    rows = _csv(site, "sao-bueng-prue/opendata/oit-2566-checklist.csv")
    assert [r["item_code"] for r in rows] == [f"O{n}" for n in range(1, 44)]
    by_code = {r["item_code"]: r for r in rows}
    assert by_code["O36"]["status"] == "มี" and by_code["O36"]["page"] == "/sao-bueng-prue/oit/2566/o36/"
    # every item has its page, ไม่มี included (the URL a clerk pastes into ITAS stays valid once content exists)
    assert by_code["O1"]["status"] == "ไม่มี" and by_code["O1"]["page"] == "/sao-bueng-prue/oit/2566/o1/"


def test_complaint_summary_is_downloadable_with_unknown_breakdowns_empty(site: RenderedSite) -> None:
    [bma] = _csv(site, "bma/opendata/complaints-2566-summary.csv")
    assert bma["received"] == "137" and bma["example"] == "false"
    assert bma["outcome_completed"] == "" and bma["category_corruption"] == ""
    [sao] = _csv(site, "sao-bueng-prue/opendata/complaints-2567-summary.csv")
    outcomes = sum(int(sao[f"outcome_{k}"]) for k in ("completed", "in_progress", "forwarded", "rejected"))
    assert outcomes == int(sao["received"]) == 14
