"""Open data: every table the site shows as CSV/JSON/XLSX, a Frictionless Data Package, DCAT metadata,
a per-unit ZIP and the data dictionary — all described by the pydantic models' field metadata.

A document kind makes its tables downloadable in a few lines (see README, "ข้อมูลเปิด"):

    from ...opendata.tables import Table, column_from_field, table_spec
    ROUNDS = table_spec("progress", "projects", "ผลการดำเนินงานรายโครงการ", "หนึ่งแถวต่อ…",
                        [column_from_field(Unit, "id", "unit_id"), column_from_field(ProjectProgress, "status"), ...])
    def build_progress_tables(data, unit, loaded):
        return [Table(ROUNDS, f"progress-{...}", rows, page_path, loaded.path)]
    DocumentKind(..., tables=(ROUNDS,), build_tables=build_progress_tables)
"""
