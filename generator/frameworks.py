"""Plan frameworks (กรอบแผน) as data: each data/catalog/frameworks/<id>.yml holds one national framework's
มิติ → ภารกิจ → ภารกิจย่อย, priority tables and minimum rules. A plan names its framework (`framework:`) or
gets the one whose period covers the plan's; every check and page of plans and progress reports asks here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .dataset import Dataset, Loaded
from .dataset import problem_at as _at
from .models.catalog import Dimension, Framework, Mission, PriorityCatalog
from .models.plan import Plan
from .problems import Problem
from .published_text import iter_texts

UNKNOWN_TITLE = "(ไม่ทราบชื่อ: ยังไม่พบในแหล่งอ้างอิง)"
FILL_IN = "«ชื่อหน่วยงาน»"  # shown on framework pages where the source prints a template placeholder


def describe(framework: Framework) -> str:
    """How messages name a framework: its id (the file name) and its period."""
    return f"กรอบแผน {framework.id} (พ.ศ. {framework.period.start}–{framework.period.end})"


def covering(data: Dataset, start: int, end: int) -> list[Framework]:
    """Frameworks whose period holds every year of start..end."""
    found = [f.model for f in data.frameworks.values()]
    return [f for f in found if f.period.start <= start and end <= f.period.end]


def framework_for(data: Dataset, plan: Plan) -> Framework | None:
    """The plan's framework: the one it names, else the only one covering its period (None when unclear)."""
    if plan.framework is not None:
        loaded = data.frameworks.get(plan.framework)
        return loaded.model if loaded is not None else None
    found = covering(data, plan.period.start, plan.period.end)
    return found[0] if len(found) == 1 else None


def check_plan_framework(data: Dataset, loaded: Loaded) -> Iterator[Problem]:
    """A plan whose framework is unknown, not covered or ambiguous cannot be checked or published."""
    plan: Plan = loaded.model
    if not data.frameworks:
        return  # the missing folder is reported once by the loader
    known = ", ".join(describe(f.model) for f in data.frameworks.values())
    span = f"{plan.period.start}–{plan.period.end}"
    if plan.framework is not None:
        named = data.frameworks.get(plan.framework)
        if named is None:
            yield _at(loaded, ("framework",), f"ไม่พบกรอบแผน '{plan.framework}' ใน data/catalog/frameworks (ที่มี: {known})")
        elif named.model not in covering(data, plan.period.start, plan.period.end):
            message = f"ช่วงปี {span} ของแผนอยู่นอกช่วงของ{describe(named.model)} ตรวจว่าระบุกรอบถูกต้อง"
            yield _at(loaded, ("framework",), message, "warning")
        return
    found = covering(data, plan.period.start, plan.period.end)
    if not found:
        message = f"ไม่มีกรอบแผนที่ครอบคลุมช่วงปี {span} ของแผน ให้ระบุ framework: <รหัสกรอบ> (ที่มี: {known})"
        yield _at(loaded, ("period",), message)
    elif len(found) > 1:
        ids = ", ".join(f.id for f in found)
        yield _at(loaded, ("period",), f"ช่วงปี {span} อยู่ในกรอบแผนมากกว่าหนึ่งกรอบ ({ids}) ให้ระบุ framework: <รหัสกรอบ>")


def mission_codes(framework: Framework) -> set[str]:
    return {m.code for d in framework.dimensions for m in d.missions}


def sub_mission_codes(framework: Framework) -> set[str]:
    return {s.code for d in framework.dimensions for m in d.missions for s in m.sub_missions}


def dimension_catalog(framework: Framework | None) -> dict[int, Dimension]:
    """มิติ by number, ready to show: a ภารกิจ whose name no source gives reads as unknown, never blank."""
    if framework is None:
        return {}
    return {d.no: d.model_copy(update={"missions": [_shown(m) for m in d.missions]}) for d in framework.dimensions}


def _shown(mission: Mission) -> Mission:
    return mission if mission.title else mission.model_copy(update={"title": UNKNOWN_TITLE})


def priority_table(framework: Framework | None, table_id: str | None) -> PriorityCatalog | None:
    if framework is None or table_id is None:
        return None
    return next((t for t in framework.priorities if t.id == table_id), None)


def fill_placeholders(text: str, table: PriorityCatalog, name: str) -> str:
    """The catalogue's template blanks ('ระบุชื่อองค์กรปกครองส่วนท้องถิ่น') with `name` put in their place."""
    for placeholder in table.placeholders:
        text = text.replace(placeholder, name)
    return text


def cited_tables(framework: Framework | None, blocks: Any) -> list[tuple[str, str]]:
    """(title, page) of each framework table that the plan's text refers to ("รายละเอียดปรากฏตามตาราง…")."""
    if framework is None:
        return []
    from_text = " ".join(text for _, text in iter_texts(blocks))
    found = [(t.title, table_page(framework.id, t.id)) for t in framework.priorities if _cites(from_text, t.cited_as)]
    table = framework.requirements.unit_table if framework.requirements else None
    if table is not None and _cites(from_text, table.cited_as):
        found.append((table.title, minimums_page(framework.id)))
    return found


def _cites(text: str, phrases: Iterable[str]) -> bool:
    return any(phrase in text for phrase in phrases)


# ---------------------------------------------------------------- URLs (stable: assessors bookmark them)
FRAMEWORKS_DIR = "frameworks"


def frameworks_index() -> str:
    return f"{FRAMEWORKS_DIR}/index.md"


def framework_page(framework_id: str) -> str:
    return f"{FRAMEWORKS_DIR}/{framework_id}/index.md"


def table_page(framework_id: str, table_id: str) -> str:
    return f"{FRAMEWORKS_DIR}/{framework_id}/priorities/{table_id}/index.md"


def minimums_page(framework_id: str) -> str:
    return f"{FRAMEWORKS_DIR}/{framework_id}/minimums/index.md"


# ---------------------------------------------------------------- checks of the framework files themselves
def check_frameworks(data: Dataset) -> Iterator[Problem]:
    for loaded in data.frameworks.values():
        yield from check_framework(loaded)


def check_framework(loaded: Loaded) -> Iterator[Problem]:
    framework: Framework = loaded.model
    if framework.id != Path(loaded.path).stem:
        yield _at(loaded, ("id",), f"รหัสกรอบแผนต้องตรงกับชื่อไฟล์ '{Path(loaded.path).stem}'")
    if framework.period.end < framework.period.start:
        yield _at(loaded, ("period", "end"), "ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น")
    yield from _check_codes(loaded, framework)
    yield from _check_priorities(loaded, framework)
    yield from _check_requirements(loaded, framework)


def _check_codes(loaded: Loaded, framework: Framework) -> Iterator[Problem]:
    for i, dim in enumerate(framework.dimensions):
        for j, mission in enumerate(dim.missions):
            loc = ("dimensions", i, "missions", j)
            if not mission.code.startswith(f"{dim.no}."):
                yield _at(loaded, (*loc, "code"), f"ภารกิจ {mission.code} ไม่อยู่ในมิติที่ {dim.no}")
            for k, sub in enumerate(mission.sub_missions):
                if not sub.code.startswith(mission.code + "."):
                    message = f"ภารกิจย่อย {sub.code} ไม่อยู่ใต้ภารกิจ {mission.code}"
                    yield _at(loaded, (*loc, "sub_missions", k, "code"), message)


def _check_priorities(loaded: Loaded, framework: Framework) -> Iterator[Problem]:
    codes = mission_codes(framework)
    for t, table in enumerate(framework.priorities):
        for i, item in enumerate(table.items):
            if item.mission not in codes:
                loc = ("priorities", t, "items", i, "mission")
                yield _at(loaded, loc, f"ไม่มีภารกิจ {item.mission} ใน{describe(framework)}")


def _check_requirements(loaded: Loaded, framework: Framework) -> Iterator[Problem]:
    rules = framework.requirements
    if rules is None:
        return
    tables = {t.id for t in framework.priorities}
    for key, rule in rules.unit_types.items():
        if rule.catalog is not None and rule.catalog not in tables:
            loc = ("requirements", "unit_types", key, "catalog")
            yield _at(loaded, loc, f"ไม่มีตารางลำดับความสำคัญ '{rule.catalog}' ใน{describe(framework)}")
    for i, row in enumerate(rules.unit_table.rows if rules.unit_table else []):
        if row.total != row.mandatory + row.optional:
            message = f"รวมจำนวน {row.total} ไม่เท่ากับ {row.mandatory} + {row.optional}"
            yield _at(loaded, ("requirements", "unit_table", "rows", i, "total"), message)
