"""The data dictionary (พจนานุกรมข้อมูล): every field of every data file and every download, in Thai.

Read from the pydantic models themselves (field titles, descriptions, types and validators), so the
dictionary can never disagree with the validator, the JSON Schemas or the downloads.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from ..dataset import Dataset
from ..models import common
from ..models.catalog import Framework
from ..models.unit import Unit
from .tables import TableSpec, all_specs

VALIDATOR_LABELS = {
    common.parse_fiscal_year: "ปีงบประมาณ พ.ศ. (เช่น 2567)",
    common.parse_iso_date: "วันที่ ค.ศ. แบบ ปปปป-ดด-วว (เช่น 2023-10-01)",
    common.check_slug: "รหัสภาษาอังกฤษตัวเล็ก ตัวเลข และขีด - (เช่น sao-bueng-prue)",
}
BASE_LABELS: dict[Any, str] = {
    str: "ข้อความ",
    int: "จำนวนเต็ม",
    Decimal: "ตัวเลข (เขียน 5,000 หรือ ๕,๐๐๐ ได้)",
    float: "ตัวเลข",
    bool: "true หรือ false",
    dt.date: "วันที่ ค.ศ. แบบ ปปปป-ดด-วว",
}


@dataclass
class FieldDoc:
    name: str
    title: str
    type: str
    required: bool
    description: str


@dataclass
class ModelDoc:
    name: str
    anchor: str
    title: str
    fields: list[FieldDoc]


@dataclass
class SectionDoc:
    key: str
    title: str
    files: str  # which data files the section describes
    models: list[ModelDoc] = field(default_factory=list)


def _flatten(metadata: Iterable[Any]) -> Iterator[Any]:
    for item in metadata:
        if isinstance(item, FieldInfo):
            yield from _flatten(item.metadata)
        else:
            yield item


class _Walker:
    """Describes annotations in Thai and collects the nested models met on the way (in order)."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.pending: list[tuple[type[BaseModel], str]] = []

    def anchor(self, model: type[BaseModel]) -> str:
        return f"{self.section}-{model.__name__.lower()}"

    def describe(self, annotation: Any, metadata: Iterable[Any] = (), title: str = "") -> str:
        meta = list(_flatten(metadata))
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            return self.describe(args[0], [*meta, *args[1:]], title)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            if len(options) == 1:
                return self.describe(options[0], meta, title)
            if any(_is_model(a, common.ListBlock) for a in _unwrapped(options)):
                self.describe(common.ListBlock, (), "รายการ (list)")
                self.describe(common.TableWrapper, (), "ตาราง (table)")
                return "เนื้อหา: ย่อหน้าข้อความ รายการ (list) หรือตาราง (table)"
            return " หรือ ".join(self.describe(a, (), title) for a in options)
        if origin is typing.Literal:
            return "ค่าใดค่าหนึ่งต่อไปนี้: " + ", ".join(str(a) for a in args)
        if origin is list:
            return f"รายการ (list) ของ {self.describe(args[0], (), title)}"
        if origin is dict:
            return f"คู่ค่า (key: value) จาก {self.describe(args[0])} เป็น {self.describe(args[1])}"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if all(m is not annotation for m, _ in self.pending):
                self.pending.append((annotation, title))
            return f"ชุดข้อมูลย่อย {annotation.__name__} (ดูตาราง {annotation.__name__})"
        return self._scalar(annotation, meta)

    def _scalar(self, annotation: Any, meta: list[Any]) -> str:
        label = BASE_LABELS.get(annotation, "ข้อความ")
        for item in meta:
            func = getattr(item, "func", None)
            if isinstance(item, BeforeValidator | AfterValidator) and func in VALIDATOR_LABELS:
                label = VALIDATOR_LABELS[func]
        pattern = next((getattr(m, "pattern", None) for m in meta if getattr(m, "pattern", None)), None)
        if pattern and annotation is str and label == "ข้อความ":
            label = f"ข้อความตามรูปแบบ {pattern}"
        low = next((m.ge for m in meta if hasattr(m, "ge")), None)
        high = next((m.le for m in meta if hasattr(m, "le")), None)
        if low is not None and high is not None and label == BASE_LABELS[int]:
            label = f"{label} {low}–{high}"
        return label


def _unwrapped(options: Iterable[Any]) -> Iterator[Any]:
    for option in options:
        yield typing.get_args(option)[0] if typing.get_origin(option) is typing.Annotated else option


def _is_model(value: Any, model: type[BaseModel]) -> bool:
    return isinstance(value, type) and issubclass(value, model)


def _field_doc(walker: _Walker, name: str, info: FieldInfo) -> FieldDoc:
    title = info.title or name
    description = info.description or ""
    default = info.get_default(call_default_factory=False)
    if not info.is_required() and isinstance(default, str | bool | int) and default not in ("", None):
        shown = str(default).lower() if isinstance(default, bool) else default
        description = f"{description} (ค่าเริ่มต้น: {shown})".strip()
    kind = walker.describe(info.annotation, info.metadata, title)
    return FieldDoc(name, title, kind, info.is_required(), description)


def document_models(key: str, title: str, files: str, root: type[BaseModel]) -> SectionDoc:
    """A section: the root model's fields, then every nested model, each described once."""
    walker = _Walker(key)
    walker.pending.append((root, title))
    section = SectionDoc(key, title, files)
    done = 0
    while done < len(walker.pending):
        model, model_title = walker.pending[done]
        fields = [_field_doc(walker, name, info) for name, info in model.model_fields.items()]
        section.models.append(ModelDoc(model.__name__, walker.anchor(model), model_title, fields))
        done += 1
    return section


def build_dictionary(data: Dataset) -> tuple[list[SectionDoc], list[TableSpec]]:
    """(every data-file section: unit, each document kind, the catalogues) and every download table."""
    sections = [document_models("unit", "ข้อมูลหน่วยงาน", "data/units/<รหัสหน่วยงาน>/unit.yml", Unit)]
    for kind in data.kinds:
        files = f"data/units/<รหัสหน่วยงาน>/{kind.pattern}"
        sections.append(document_models(kind.name, kind.unit_heading or kind.name, files, kind.model))
    sections += [
        document_models("framework", "กรอบแผน (มิติ ภารกิจ ตารางลำดับความสำคัญ เกณฑ์ขั้นต่ำ)", "data/catalog/frameworks/<รหัสกรอบ>.yml", Framework),
    ]
    return sections, all_specs(data)
