"""The unit directory: where units are listed, so no other page has to list them.

/units/                 counts, every province with its number of units, and a filter form (name, type, province)
                        that a small script (theme/assets/directory/units.js) runs over /units/units.json;
/units/<province>/      that province's units grouped by type — plain links, so the directory works without JavaScript.

Every page here grows with one province at most, never with the whole site; units.json (about 120 bytes per unit)
is fetched only when a reader uses the filter.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import urls
from .dataset import Dataset
from .mdtext import escape_md
from .thaifmt import format_number

DIRECTORY_DIR = "units"
DIRECTORY_PAGE = f"{DIRECTORY_DIR}/index.md"
DIRECTORY_JSON = f"{DIRECTORY_DIR}/units.json"
DIRECTORY_TITLE = "หน่วยงานทั้งหมด"
NO_PROVINCE = "ไม่ระบุจังหวัด"
TYPE_LABELS = {
    "bma": "กรุงเทพมหานคร",
    "bma_district_office": "สำนักงานเขต",
    "bma_department": "สำนัก/สำนักงาน กทม.",
    "bma_strategy_department": "สำนักยุทธศาสตร์และประเมินผล",
    "bma_internal_audit_office": "สำนักงานตรวจสอบภายใน",
    "sao": "องค์การบริหารส่วนตำบล",
    "municipality": "เทศบาล",
    "pao": "องค์การบริหารส่วนจังหวัด",
    "other": "หน่วยงานอื่น",
}
_SLUG_SAFE = re.compile(r"^[\u0e01-\u0e4ea-z0-9-]+$")


@dataclass(frozen=True)
class Entry:
    unit_id: str
    name: str
    type_label: str
    province: str
    district: str


@dataclass(frozen=True)
class DirectoryPage:
    path: str
    title: str
    text: str


def load_entries(data: Dataset) -> list[Entry]:
    entries = []
    for unit_id, unit in data.units.items():
        model = unit.unit.model
        label = TYPE_LABELS.get(model.type, TYPE_LABELS["other"])
        entries.append(Entry(unit_id, model.name, label, province_name(model.province), model.district or ""))
    return sorted(entries, key=lambda e: (e.province, e.type_label, e.name, e.unit_id))


def province_name(raw: str | None) -> str:
    """'จังหวัดนครราชสีมา' and 'นครราชสีมา' are one province."""
    name = " ".join((raw or "").split()).removeprefix("จังหวัด").strip()
    return name or NO_PROVINCE


def province_slug(province: str) -> str:
    """A readable, stable folder name: the Thai name itself when it is only letters and digits, else a hash."""
    slug = "-".join(province.lower().split())
    if _SLUG_SAFE.fullmatch(slug) and slug != "units":
        return slug
    return "p-" + hashlib.sha256(province.encode("utf-8")).hexdigest()[:10]


def province_page(province: str) -> str:
    return f"{DIRECTORY_DIR}/{province_slug(province)}/index.md"


def build_directory(data: Dataset) -> tuple[list[DirectoryPage], dict[str, bytes]]:
    """The directory pages and units.json; raises ValueError if a unit id would take a directory path."""
    if DIRECTORY_DIR in data.units:
        raise ValueError(f"รหัสหน่วยงาน '{DIRECTORY_DIR}' ซ้ำกับหน้ารายชื่อหน่วยงาน ให้เปลี่ยนรหัสหน่วยงาน")
    entries = load_entries(data)
    groups = group_by(entries, lambda e: e.province)
    pages = [DirectoryPage(DIRECTORY_PAGE, DIRECTORY_TITLE, render_index(entries, groups))]
    for province, members in groups.items():
        path = province_page(province)
        pages.append(DirectoryPage(path, f"หน่วยงานใน{province_label(province)}", render_province(path, province, members)))
    return pages, {DIRECTORY_JSON: render_json(entries)}


def group_by(entries: Iterable[Entry], key: object) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)  # type: ignore[operator]
    return groups


def province_label(province: str) -> str:
    if province in (NO_PROVINCE, "กรุงเทพมหานคร"):
        return province
    return f"จังหวัด{province}"


def render_index(entries: list[Entry], groups: dict[str, list[Entry]]) -> str:
    types = group_by(sorted(entries, key=lambda e: e.type_label), lambda e: e.type_label)
    lines = [f"# {DIRECTORY_TITLE}", "", f"เว็บไซต์นี้เผยแพร่เอกสารของหน่วยงาน {format_number(len(entries))} แห่ง"
             f" ใน {format_number(len(groups))} จังหวัด เลือกจังหวัดจากรายการด้านล่าง หรือค้นหาด้วยชื่อ ประเภท และจังหวัด", ""]
    lines += render_filter_form(types, groups)
    lines += ["## รายชื่อตามจังหวัด", ""]
    for province, members in groups.items():
        target = urls.relative_link(DIRECTORY_PAGE, province_page(province))
        lines.append(f"- [{escape_md(province_label(province))}]({target}) ({format_number(len(members))} แห่ง)")
    lines += ["", "## จำนวนหน่วยงานตามประเภท", ""]
    lines += [f"- {escape_md(label)}: {format_number(len(members))} แห่ง" for label, members in types.items()]
    return "\n".join(lines) + "\n"


def render_filter_form(types: dict[str, list[Entry]], groups: dict[str, list[Entry]]) -> list[str]:
    """The filter form, hidden until units.js shows it (without JavaScript the lists below do the job)."""
    script = urls.relative_link(DIRECTORY_PAGE, "assets/directory/units.js")
    data_url = urls.relative_link(DIRECTORY_PAGE, DIRECTORY_JSON)
    type_options = "".join(f'<option value="{_attr(t)}">{_attr(t)}</option>' for t in types)
    province_options = "".join(f'<option value="{_attr(p)}">{_attr(p)}</option>' for p in groups)
    return [
        f'<form class="unit-filter" data-units="{_attr(data_url)}" role="search" hidden>',
        '<label>ชื่อหน่วยงาน <input type="search" name="q" autocomplete="off"></label>',
        f'<label>ประเภท <select name="type"><option value="">ทุกประเภท</option>{type_options}</select></label>',
        f'<label>จังหวัด <select name="province"><option value="">ทุกจังหวัด</option>{province_options}</select></label>',
        '<p class="unit-filter__status" aria-live="polite"></p>',
        '<ul class="unit-filter__results"></ul>',
        "</form>",
        f'<script src="{_attr(script)}" defer></script>',
        "",
    ]


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("{", "&#123;").replace("}", "&#125;"))  # fmt: skip


def render_province(path: str, province: str, members: list[Entry]) -> str:
    lines = [f"# หน่วยงานใน{escape_md(province_label(province))}", "",
             f"[{escape_md(DIRECTORY_TITLE)}]({urls.relative_link(path, DIRECTORY_PAGE)}) › {escape_md(province)}", ""]  # fmt: skip
    for label, group in group_by(members, lambda e: e.type_label).items():
        lines += [f"## {escape_md(label)} ({format_number(len(group))} แห่ง)", ""]
        for entry in group:
            where = f" — {escape_md(entry.district)}" if entry.district else ""
            lines.append(f"- [{escape_md(entry.name)}]({urls.relative_link(path, urls.unit_page(entry.unit_id))}){where}")
        lines.append("")
    return "\n".join(lines)


def render_json(entries: list[Entry]) -> bytes:
    """[[url, name, type, province, district], ...]: what the filter needs, nothing more."""
    rows = [[urls.url_of(urls.unit_page(e.unit_id)).lstrip("/"), e.name, e.type_label, e.province, e.district]
            for e in sorted(entries, key=lambda e: (e.name, e.unit_id))]  # fmt: skip
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
