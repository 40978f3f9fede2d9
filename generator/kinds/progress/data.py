"""Progress reports: lookups, cross-document checks and the roll-up arithmetic behind the round pages.

Every count, sum and percentage a round page shows is computed here from the plan and the report,
never typed into the data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ...dataset import Loaded, UnitData
from ...dataset import problem_at as _at
from ...mdtext import collect_targets
from ...models.common import ListItem, Target
from ...models.plan import Plan, Project
from ...problems import Problem
from ...thaifmt import format_number
from .model import STATUS_PERCENT, STATUSES, OutputResult, ProgressReport, ProjectProgress

ZERO = Decimal(0)
NOT_REPORTED = "ไม่ได้รายงาน"


# --- lookups ------------------------------------------------------------------------------------


def plan_ref(plan: Plan) -> str:
    return f"{plan.period.start}-{plan.period.end}"


def find_plan(unit: UnitData, ref: str) -> Loaded | None:
    return next((d for d in unit.of_kind(Plan) if plan_ref(d.model) == ref), None)


def reports_of(unit: UnitData, ref: str) -> list[Loaded]:
    """Every round reported against one plan, oldest first."""
    found = [d for d in unit.of_kind(ProgressReport) if d.model.plan == ref]
    return sorted(found, key=lambda d: d.model.sort_key)


def previous_of(reports: list[Loaded], current: Loaded) -> Loaded | None:
    index = reports.index(current)
    return reports[index - 1] if index > 0 else None


def kpi_targets(project: Project) -> list[ListItem]:
    """The card's KPI targets in the order a report numbers them: outputs first, then outcomes."""
    return collect_targets(project.outputs) + collect_targets(project.outcomes)


def planned_budget(project: Project, fiscal_year: int) -> Decimal:
    return project.budget.get(fiscal_year, ZERO)


# --- checks -------------------------------------------------------------------------------------


def check_progress(data: object, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    report: ProgressReport = loaded.model
    expected = f"progress-{report.fiscal_year}-{report.round}"
    if loaded.stem != expected:
        yield _at(loaded, ("fiscal_year",), f"ชื่อไฟล์ต้องเป็น {expected}.yml ให้ตรงกับปีงบประมาณและรอบรายงาน")
    yield from check_dates(loaded)
    yield from check_entries(loaded)
    plan_doc = find_plan(unit, report.plan)
    if plan_doc is None:
        yield _at(loaded, ("plan",), f"ไม่พบแผน {report.plan} ของหน่วยงานนี้ (ต้องมีไฟล์ plan-{report.plan}.yml)")
        return
    plan: Plan = plan_doc.model
    if report.fiscal_year not in plan.period.years:
        message = f"ปีงบประมาณ {report.fiscal_year} อยู่นอกช่วงของแผน ({plan.period.start}–{plan.period.end})"
        yield _at(loaded, ("fiscal_year",), message)
        return  # Why: budgets and KPIs of a year the plan does not cover would only repeat this error.
    yield from check_projects(loaded, plan)


def check_dates(loaded: Loaded) -> Iterator[Problem]:
    report: ProgressReport = loaded.model
    first, last = report.period
    where = f"{report.round_label} ปีงบประมาณ {report.fiscal_year}: {first} ถึง {last}"
    if not first <= report.report_date <= last:
        yield _at(loaded, ("report_date",), f"วันที่รายงาน {report.report_date} อยู่นอกรอบรายงาน ({where})")
    for i, entry in enumerate(report.projects):
        for j, milestone in enumerate(entry.milestones):
            if not first <= milestone.date <= last:
                loc = ("projects", i, "milestones", j, "date")
                yield _at(loaded, loc, f"วันที่ {milestone.date} อยู่นอกรอบรายงาน ({where})")


def check_entries(loaded: Loaded) -> Iterator[Problem]:
    """Status ⇔ progress, the reason a cancellation needs, and one entry per project."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(loaded.model.projects):
        if entry.project in seen:
            first = loaded.doc.line_of(("projects", seen[entry.project], "project"))
            yield _at(loaded, ("projects", i, "project"), f"โครงการ '{entry.project}' ซ้ำกับบรรทัด {first}")
        seen.setdefault(entry.project, i)
        if entry.status == "ยกเลิก":
            if entry.cancel_reason is None:
                yield _at(loaded, ("projects", i, "status"), "สถานะ 'ยกเลิก' ต้องระบุเหตุผลในช่อง cancel_reason")
            continue
        low, high, shown = STATUS_PERCENT[entry.status]
        if not low <= entry.progress <= high:
            message = f"สถานะ '{entry.status}' ต้องมีความก้าวหน้าร้อยละ {shown} แต่ระบุไว้ร้อยละ {entry.progress}"
            yield _at(loaded, ("projects", i, "progress"), message)


def check_projects(loaded: Loaded, plan: Plan) -> Iterator[Problem]:
    report: ProgressReport = loaded.model
    projects = {p.id: p for p in plan.projects}
    for i, entry in enumerate(report.projects):
        project = projects.get(entry.project)
        if project is None:
            message = f"ไม่มีโครงการรหัส '{entry.project}' ในแผน {plan.period.start}–{plan.period.end}"
            yield _at(loaded, ("projects", i, "project"), message)
            continue
        yield from check_spending(loaded, i, entry, project)
        count = len(kpi_targets(project))
        for j, output in enumerate(entry.outputs):
            if output.kpi is not None and output.kpi > count:
                message = f"บัตรโครงการ '{project.id}' ไม่มีตัวชี้วัดที่ {output.kpi} (มีค่าเป้าหมาย {count} ตัว)"
                yield _at(loaded, ("projects", i, "outputs", j, "kpi"), message)
    reported = {e.project for e in report.projects}
    for project in plan.projects:
        years = project.duration.fiscal_years if project.duration else []
        if project.id not in reported and (not years or report.fiscal_year in years):
            yield _at(loaded, ("projects",), f"ยังไม่มีผลการดำเนินงานของโครงการ '{project.id}' ในรอบนี้", "warning")


def check_spending(loaded: Loaded, i: int, entry: ProjectProgress, project: Project) -> Iterator[Problem]:
    fiscal_year = loaded.model.fiscal_year
    planned = planned_budget(project, fiscal_year)
    if entry.spent is not None and entry.spent > planned and entry.overspend_reason is None:
        message = (
            f"ใช้จ่าย {format_number(entry.spent)} บาท เกินงบประมาณปี {fiscal_year} ที่ตั้งไว้"
            f" {format_number(planned)} บาท ต้องระบุเหตุผลในช่อง overspend_reason"
        )
        yield _at(loaded, ("projects", i, "spent"), message)


# --- roll-ups -----------------------------------------------------------------------------------


@dataclass
class KpiRow:
    target: ListItem
    result: OutputResult | None

    @property
    def met(self) -> bool | None:
        """Whether the reported value meets the target; None when the target has no comparable value."""
        goal: Target | None = self.target.target
        if goal is None or goal.value is None or self.result is None or self.result.value is None:
            return None
        value = self.result.value
        return {
            "at_least": value >= goal.value,
            "at_most": value <= goal.value,
            "exactly": value == goal.value,
        }.get(goal.comparator)


@dataclass
class ProjectRow:
    no: int
    project: Project
    planned: Decimal
    entry: ProjectProgress | None
    previous: ProjectProgress | None
    kpis: list[KpiRow] = field(default_factory=list)
    extra_outputs: list[OutputResult] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.entry.status if self.entry else NOT_REPORTED

    @property
    def spent(self) -> Decimal:
        return (self.entry.spent or ZERO) if self.entry else ZERO

    @property
    def changed(self) -> bool:
        if self.entry is None or self.previous is None:
            return False
        before, now = self.previous, self.entry
        return (before.status, before.progress, before.spent or ZERO) != (now.status, now.progress, now.spent or ZERO)


@dataclass
class Tally:
    """Projects by status and budget spent vs planned for one group (plan, มิติ or ภารกิจ)."""

    key: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*STATUSES, NOT_REPORTED), 0))
    planned: Decimal = ZERO
    spent: Decimal = ZERO

    def add(self, row: ProjectRow) -> None:
        self.counts[row.status] += 1
        self.planned += row.planned
        self.spent += row.spent

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def active(self) -> int:
        """Projects still meant to be done: everything except cancelled ones."""
        return self.total - self.counts["ยกเลิก"]

    @property
    def done_percent(self) -> Decimal | None:
        return _percent(Decimal(self.counts["ดำเนินการแล้วเสร็จ"]), Decimal(self.active))

    @property
    def spent_percent(self) -> Decimal | None:
        return _percent(self.spent, self.planned)


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"))


@dataclass
class RoundView:
    report: ProgressReport
    rows: list[ProjectRow]
    plan_tally: Tally
    dimensions: list[Tally]
    missions: list[Tally]


def build_round_view(plan: Plan, report: ProgressReport, previous: ProgressReport | None) -> RoundView:
    entries = {e.project: e for e in report.projects}
    before = {e.project: e for e in previous.projects} if previous else {}
    rows = [_project_row(n, p, report, entries.get(p.id), before.get(p.id)) for n, p in enumerate(plan.projects, 1)]
    plan_tally = Tally("plan")
    dims: dict[str, Tally] = {}
    missions: dict[str, Tally] = {}
    for row in rows:
        plan_tally.add(row)
        dims.setdefault(str(row.project.dimension), Tally(str(row.project.dimension))).add(row)
        missions.setdefault(row.project.mission, Tally(row.project.mission)).add(row)
    return RoundView(
        report,
        rows,
        plan_tally,
        sorted(dims.values(), key=lambda t: t.key),
        sorted(missions.values(), key=lambda t: t.key),
    )


def _project_row(
    no: int, project: Project, report: ProgressReport, entry: ProjectProgress | None, previous: ProjectProgress | None
) -> ProjectRow:
    row = ProjectRow(no, project, planned_budget(project, report.fiscal_year), entry, previous)
    outputs = entry.outputs if entry else []
    by_kpi = {o.kpi: o for o in outputs if o.kpi is not None}
    row.kpis = [KpiRow(target, by_kpi.get(k)) for k, target in enumerate(kpi_targets(project), 1)]
    row.extra_outputs = [o for o in outputs if o.kpi is None]
    return row


def latest_entries(reports: list[Loaded], project_id: str) -> list[tuple[Loaded, ProjectProgress]]:
    """(round, entry) for every round that reports on this project, oldest first."""
    found = []
    for loaded in reports:
        entry = next((e for e in loaded.model.projects if e.project == project_id), None)
        if entry is not None:
            found.append((loaded, entry))
    return found
