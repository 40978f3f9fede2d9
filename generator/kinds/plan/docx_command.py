"""The `import-docx` command line; the Word reader itself is loaded only when the command runs.

Why apart from docx_import: python-docx and lxml take ~0.1 s to import, and every build and check starts by
importing the kinds; only this command reads Word files.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from ...kindapi import DocumentKind


def add_import_docx_parser(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    command = sub.add_parser("import-docx", help="นำเข้าแผนจากไฟล์ Word (.docx) เป็นร่าง YAML พร้อมรายงานสิ่งที่นำเข้าไม่ได้")
    command.add_argument("file", type=Path, help="ไฟล์แผนแบบ .docx")
    command.add_argument("--unit", help="รหัสหน่วยงาน: ร่างจะอยู่ที่ drafts/<รหัส>/ ข้างโฟลเดอร์ data")
    command.add_argument("--out", type=Path, help="ไฟล์ร่าง .yml ที่จะเขียน (ต้องยังไม่มีอยู่ และอยู่นอกโฟลเดอร์ data)")
    command.add_argument("--data", type=Path, default=Path("data"))
    command.set_defaults(func=run_import_docx)


def run_import_docx(args: argparse.Namespace) -> int:
    from .docx_import import cmd_import_docx

    return cmd_import_docx(args)
