"""Command line: `python -m generator check|render|schema|new-unit|export-xlsx|import-xlsx` plus the commands document kinds add (pdf, oit-urls)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .authoring import add_authoring_commands
from .opendata.editor import write_vscode_settings
from .problems import Problem, errors_only
from .publish import PublishError, write_tree_atomically
from .schema import check_schemas, write_schemas
from .site import KINDS, check_site
from .workbook_cli import add_workbook_commands

DEFAULT_DATA = Path("data")
DEFAULT_TEMPLATES = Path("theme/generator")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except PublishError as exc:  # a read-only or full disk, or another build running: Thai text, no traceback
        print(exc, file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="ตรวจและสร้างหน้าเว็บแผนปฏิบัติการป้องกันการทุจริต")
    sub = parser.add_subparsers(required=True)
    check = sub.add_parser("check", help="ตรวจข้อมูลทั้งหมด (validate all data)")
    check.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    check.set_defaults(func=cmd_check)
    render = sub.add_parser("render", help="เขียนหน้า Markdown ลงโฟลเดอร์ (write the Markdown pages)")
    render.add_argument("--data", type=Path, default=DEFAULT_DATA)
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    render.set_defaults(func=cmd_render)
    schema = sub.add_parser("schema", help="ส่งออก JSON Schema ของไฟล์ข้อมูล")
    schema.add_argument("--out", type=Path, default=Path("schemas"))
    schema.add_argument("--check", action="store_true", help="ตรวจว่าไฟล์ที่ commit ไว้ตรงกับโมเดล")
    schema.set_defaults(func=cmd_schema)
    add_authoring_commands(sub)
    add_workbook_commands(sub, KINDS)
    for kind in KINDS:
        if kind.add_commands is not None:
            kind.add_commands(sub, KINDS)
    return parser


def print_problems(problems: list[Problem], fmt: str = "text") -> None:
    """Errors first, then warnings (labelled คำเตือน): the clerk reads what blocks publishing first."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p))
    for problem in ordered:
        print(
            problem.format_github() if fmt == "github" else problem.format(),
            file=sys.stderr if fmt == "text" else sys.stdout,
        )


def cmd_check(args: argparse.Namespace) -> int:
    problems = check_site(args.data_dir, args.templates).problems
    print_problems(problems, args.format)
    errors = errors_only(problems)
    if errors:
        print(f"พบข้อผิดพลาด {len(errors)} รายการ คำเตือน {len(problems) - len(errors)} รายการ", file=sys.stderr)
        return 1
    print(f"ข้อมูลถูกต้อง (คำเตือน {len(problems)} รายการ)", file=sys.stderr)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    checked = check_site(args.data, args.templates)
    print_problems(checked.problems)
    if checked.errors or checked.site is None:
        print("ไม่ได้เขียนไฟล์ใด ๆ เพราะข้อมูลมีข้อผิดพลาด (previous output left intact)", file=sys.stderr)
        return 1
    files: dict[str, str | bytes] = {**checked.site.files, **checked.site.assets}
    write_tree_atomically(args.out, files)
    print(f"เขียน {len(checked.site.files)} หน้าไปที่ {args.out}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = check_schemas(args.out, KINDS)
        for name in stale:
            print(f"{args.out / name}: ไม่ตรงกับโมเดล ให้รัน python -m generator schema", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(args.out, KINDS):
        print(path)
    if args.out == Path("schemas"):
        print(write_vscode_settings(KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
