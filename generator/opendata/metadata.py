"""Dataset metadata per unit: the GD-Catalog / data.go.th fields (Thai page) and the same as DCAT JSON-LD."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import thaifmt
from . import paths
from .tables import Table

if TYPE_CHECKING:
    from ..dataset import UnitData

# code → (title, URL or None). "Open Data Common" is data.go.th's default licence title; it has no canonical URL.
LICENCES: dict[str, tuple[str, str | None]] = {
    "open-data-common": ("Open Data Common", None),
    "dga-open-government-license": (
        "DGA Open Government License (ข้อกำหนดและเงื่อนไขการอนุญาตให้ใช้ข้อมูลภาครัฐแบบเปิดของ สพร.)",
        "https://data.go.th/pages/dga-open-government-license",
    ),
    "cc-by-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "cc0-1.0": ("CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
}
# code → (Thai label, Dublin Core frequency IRI)
FREQUENCIES: dict[str, tuple[str, str]] = {
    "annual": ("รายปี", "http://purl.org/cld/freq/annual"),
    "semiannual": ("ราย 6 เดือน", "http://purl.org/cld/freq/semiannual"),
    "quarterly": ("รายไตรมาส", "http://purl.org/cld/freq/quarterly"),
    "monthly": ("รายเดือน", "http://purl.org/cld/freq/monthly"),
    "irregular": ("ไม่สม่ำเสมอ (เมื่อมีการเปลี่ยนแปลง)", "http://purl.org/cld/freq/irregular"),
}
COVERAGE_BY_TYPE = {"sao": "เทศบาล/อบต.", "municipality": "เทศบาล/อบต.", "pao": "จังหวัด", "bma_district_office": "อำเภอ"}
CATEGORY = "ข้อมูลสาธารณะ"
FORMATS = ("CSV", "JSON", "XLSX")
BASE_KEYWORDS = ("แผนปฏิบัติการป้องกันการทุจริต", "ITA", "OIT", "คุณธรรมและความโปร่งใส", "งบประมาณ")
DEFAULT_OBJECTIVE = (
    "เพื่อเปิดเผยแผนปฏิบัติการป้องกันการทุจริต โครงการ งบประมาณ และผลการดำเนินงานของหน่วยงาน"
    " ในรูปแบบที่เครื่องอ่านได้ ตามหลักการเปิดเผยข้อมูลภาครัฐและการประเมินคุณธรรมและความโปร่งใส (ITA/OIT)"
)
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "xlsx": paths.XLSX_MEDIA_TYPE}


@dataclass
class DatasetMeta:
    unit_id: str
    unit_name: str
    title: str
    description: str
    keywords: list[str]
    maintainer: str
    contact_email: str | None
    objective: str
    frequency: str  # code
    coverage: str
    place: str
    licence: str  # code
    source: str
    first_year: int | None
    last_year: int | None
    updated: dt.date | None
    tables: list[Table] = field(default_factory=list)

    @property
    def licence_title(self) -> str:
        return LICENCES[self.licence][0]

    @property
    def licence_url(self) -> str | None:
        return LICENCES[self.licence][1]

    @property
    def frequency_label(self) -> str:
        return FREQUENCIES[self.frequency][0]

    def rows(self) -> list[tuple[str, str]]:
        """(Thai GD-Catalog field, value) in the catalogue's order, for the page and the ZIP README."""
        years = f"{self.first_year}" if self.first_year else "-"
        return [
            ("ชื่อชุดข้อมูล", self.title),
            ("รายละเอียด", self.description),
            ("คำสำคัญ", ", ".join(self.keywords)),
            ("ผู้ดูแลข้อมูล", self.maintainer),
            ("อีเมลผู้ดูแลข้อมูล", self.contact_email or "ไม่ระบุ (ติดต่อผ่านหน่วยงาน)"),
            ("วัตถุประสงค์", self.objective),
            ("ความถี่ในการปรับปรุงข้อมูล", self.frequency_label),
            ("ขอบเขตเชิงภูมิศาสตร์", f"{self.coverage} ({self.place})" if self.place else self.coverage),
            ("หมวดหมู่ข้อมูล", CATEGORY),
            ("สัญญาอนุญาต", self.licence_title),
            ("แหล่งที่มา", self.source),
            ("รูปแบบการเก็บข้อมูล", ", ".join(FORMATS)),
            ("ภาษาที่ใช้", "ไทย (ชื่อฟิลด์เป็นภาษาอังกฤษ)"),
            ("ปีข้อมูลเริ่มต้น (พ.ศ.)", years),
            ("ปีข้อมูลสิ้นสุด (พ.ศ.)", f"{self.last_year}" if self.last_year else "-"),
            ("วันที่ปรับปรุงข้อมูลล่าสุด", thaifmt.format_date(self.updated) if self.updated else "-"),
        ]


def build_metadata(unit: UnitData, tables: list[Table], updated: dt.date | None) -> DatasetMeta:
    model = unit.unit.model
    settings = model.opendata
    years = sorted({y for t in tables for y in t.years})
    place = " ".join(p for p in (model.name, model.district, model.province) if p)
    source = f"{model.name} (แผนและรายงานของหน่วยงาน จัดเก็บเป็นไฟล์ข้อมูล data/units/{unit.id}/)"
    repo = os.environ.get("REPO_URL", "").strip()
    return DatasetMeta(
        unit_id=unit.id,
        unit_name=model.name,
        title=f"แผนปฏิบัติการป้องกันการทุจริตและข้อมูลความโปร่งใส ของ{model.name}",
        description=(
            f"ชุดข้อมูลแผนปฏิบัติการป้องกันการทุจริตของ{model.name} ประกอบด้วย "
            + ", ".join(t.title for t in tables)
            + " ในรูปแบบ CSV, JSON และ XLSX พร้อมคำอธิบายทุกคอลัมน์"
        ),
        keywords=list(
            dict.fromkeys([*BASE_KEYWORDS, *([model.short_name] if model.short_name else []), *settings.keywords])
        ),
        maintainer=settings.maintainer or model.name,
        contact_email=settings.contact_email,
        objective=settings.objective or DEFAULT_OBJECTIVE,
        frequency=settings.update_frequency,
        coverage=settings.coverage
        or COVERAGE_BY_TYPE.get(model.type, "จังหวัด" if model.type.startswith("bma") else "หน่วยงาน"),
        place=place,
        licence=settings.licence,
        source=f"{source} {repo}".strip(),
        first_year=years[0] if years else None,
        last_year=years[-1] if years else None,
        updated=updated,
        tables=tables,
    )


def _th(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "th"}


def _date(day: dt.date) -> dict[str, str]:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def build_dcat(meta: DatasetMeta) -> dict[str, Any]:
    """DCAT (W3C Data Catalog Vocabulary) as JSON-LD. IRIs are relative to the unit's opendata/ folder;
    `@base` makes them absolute when SITE_URL is known at build time."""
    context: dict[str, Any] = {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    site = os.environ.get("SITE_URL", "").strip()
    if site:
        context["@base"] = site.rstrip("/") + "/" + paths.opendata_dir(meta.unit_id) + "/"
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": meta.maintainer}
    if meta.contact_email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{meta.contact_email}"}
    licence: dict[str, Any] = {"@type": "dct:LicenseDocument", "rdfs:label": meta.licence_title}
    if meta.licence_url:
        licence["@id"] = meta.licence_url
    dataset: dict[str, Any] = {
        "@context": context,
        "@id": "./",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{meta.unit_id}-integrity-plan",
        "dct:title": _th(meta.title),
        "dct:description": _th(meta.description),
        "dcat:keyword": [_th(k) for k in meta.keywords],
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": _th(meta.unit_name)},
        "dcat:contactPoint": contact,
        "dct:accrualPeriodicity": {"@id": FREQUENCIES[meta.frequency][1]},
        "dct:spatial": {"@type": "dct:Location", "rdfs:label": _th(f"{meta.coverage} {meta.place}".strip())},
        "dct:license": licence,
        "dct:accessRights": {"@type": "dct:RightsStatement", "rdfs:label": _th(CATEGORY)},
        "dct:language": {"@id": "http://id.loc.gov/vocabulary/iso639-1/th"},
        "dct:source": _th(meta.source),
        "dcat:landingPage": {"@id": "./"},
        "dcat:distribution": _distributions(meta),
    }
    if meta.first_year and meta.last_year:
        start, _ = thaifmt.fiscal_year_bounds(meta.first_year)
        _, end = thaifmt.fiscal_year_bounds(meta.last_year)
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _date(start),
            "dcat:endDate": _date(end),
        }
    if meta.updated:
        dataset["dct:modified"] = _date(meta.updated)
    return dataset


def _distributions(meta: DatasetMeta) -> list[dict[str, Any]]:
    found = []
    for table in meta.tables:
        for ext in paths.TABLE_FORMATS:
            found.append(
                {
                    "@id": f"{table.name}.{ext}",
                    "@type": "dcat:Distribution",
                    "dct:title": _th(f"{table.title} ({ext.upper()})"),
                    "dcat:downloadURL": {"@id": f"{table.name}.{ext}"},
                    "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[ext]}"},
                    "dct:format": ext.upper(),
                    "dct:conformsTo": {"@id": paths.DATAPACKAGE},
                }
            )
    found.append(
        {
            "@id": paths.zip_name(meta.unit_id),
            "@type": "dcat:Distribution",
            "dct:title": _th("ไฟล์ทั้งหมดรวมในไฟล์เดียว (ZIP)"),
            "dcat:downloadURL": {"@id": paths.zip_name(meta.unit_id)},
            "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/application/zip"},
            "dct:format": "ZIP",
        }
    )
    return found
