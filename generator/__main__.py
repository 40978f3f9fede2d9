"""Command line: `python -m generator check|render|schema`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .checks import load_and_check
from .pdf import add_pdf_parser
from .problems import DataError, Problem, errors_only
from .render import write_tree_atomically
from .schema import check_schemas, write_schemas
from .site import render_site

DEFAULT_DATA = Path("data")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="ตรวจและสร้างหน้าเว็บแผนปฏิบัติการป้องกันการทุจริต")
    sub = parser.add_subparsers(required=True)
    check = sub.add_parser("check", help="ตรวจข้อมูลทั้งหมด (validate all data)")
    check.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.set_defaults(func=cmd_check)
    render = sub.add_parser("render", help="เขียนหน้า Markdown ลงโฟลเดอร์ (write the Markdown pages)")
    render.add_argument("--data", type=Path, default=DEFAULT_DATA)
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--templates", type=Path, default=Path("theme/generator"))
    render.set_defaults(func=cmd_render)
    schema = sub.add_parser("schema", help="ส่งออก JSON Schema ของไฟล์ข้อมูล")
    schema.add_argument("--out", type=Path, default=Path("schemas"))
    schema.add_argument("--check", action="store_true", help="ตรวจว่าไฟล์ที่ commit ไว้ตรงกับโมเดล")
    schema.set_defaults(func=cmd_schema)
    oit = sub.add_parser("oit-urls", help="พิมพ์ URL ของข้อ OIT เป็น CSV สำหรับระบบ ITAS (code,title,status,url)")
    oit.add_argument("unit", help="รหัสหน่วยงาน เช่น sao-bueng-prue")
    oit.add_argument("year", type=int, help="ปีที่ประเมิน ITA (พ.ศ.) เช่น 2566")
    oit.add_argument("--base-url", help="ที่อยู่เว็บไซต์ เช่น https://example.go.th/")
    oit.add_argument("--data", type=Path, default=DEFAULT_DATA)
    oit.set_defaults(func=cmd_oit_urls)
    add_pdf_parser(sub)
    return parser


def print_problems(problems: list[Problem], fmt: str = "text") -> None:
    for problem in problems:
        print(
            problem.format_github() if fmt == "github" else problem.format(),
            file=sys.stderr if fmt == "text" else sys.stdout,
        )


def cmd_check(args: argparse.Namespace) -> int:
    _, problems = load_and_check(args.data_dir)
    print_problems(problems, args.format)
    errors = errors_only(problems)
    if errors:
        print(f"พบข้อผิดพลาด {len(errors)} รายการ คำเตือน {len(problems) - len(errors)} รายการ", file=sys.stderr)
        return 1
    print(f"ข้อมูลถูกต้อง (คำเตือน {len(problems)} รายการ)", file=sys.stderr)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    try:
        site = render_site(args.data, args.templates)
    except DataError as exc:
        print_problems(exc.problems)
        print("ไม่ได้เขียนไฟล์ใด ๆ เพราะข้อมูลมีข้อผิดพลาด (previous output left intact)", file=sys.stderr)
        return 1
    print_problems(site.warnings)
    files: dict[str, str | bytes] = {**site.files, **site.assets}
    write_tree_atomically(args.out, files)
    print(f"เขียน {len(site.files)} หน้าไปที่ {args.out}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = check_schemas(args.out)
        for name in stale:
            print(f"{args.out / name}: ไม่ตรงกับโมเดล ให้รัน python -m generator schema", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(args.out):
        print(path)
    return 0


def cmd_oit_urls(args: argparse.Namespace) -> int:
    from .kinds.oit import run_oit_urls  # the logic lives with the OIT kind

    return run_oit_urls(args.data, args.unit, args.year, args.base_url)


if __name__ == "__main__":
    sys.exit(main())
