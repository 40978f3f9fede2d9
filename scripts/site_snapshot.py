#!/usr/bin/env python3
"""Snapshot everything the core pipeline publishes, to prove a refactor changes no byte.

    python scripts/site_snapshot.py OUT                   # render every page (.md) and download into OUT
    python scripts/site_snapshot.py OUT --compare BEFORE  # ...then diff OUT against an earlier snapshot

OUT mirrors the docs tree the MkDocs plugin hands to MkDocs (pages and downloads side by side) plus
OUT/SHA256SUMS (`sha256sum -c` format), which is also printed. With --compare the exit status is 0 when
both snapshots are byte-identical and 1 otherwise (added, removed and changed files are listed, with a
short diff for text). Bad data exits 2 with every problem as `file:line: field: message`.
The pipeline is imported by name from the candidates below, so the script outlives module moves.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "SHA256SUMS"
# Where `render_site(data_dir, template_overrides)` has lived or may live after the package move.
RENDER_CANDIDATES = ("generator.site", "generator.core.site", "generator.pipeline")
DIFF_LINES = 40


def load_render_site() -> Callable[..., Any]:
    """The first `render_site` that imports; ImportErrors of the others are reported if none does."""
    sys.path.insert(0, str(ROOT))
    failures = []
    for name in RENDER_CANDIDATES:
        try:
            return importlib.import_module(name).render_site
        except (ImportError, AttributeError) as exc:
            failures.append(f"{name}: {exc}")
    raise SystemExit("ไม่พบฟังก์ชัน render_site (render_site not found):\n  " + "\n  ".join(failures))


def render_outputs(data_dir: Path, templates: Path) -> dict[str, bytes]:
    """Every published path → its bytes: Markdown pages (UTF-8) and download assets."""
    render_site = load_render_site()
    problems_type = _data_error_type()
    try:
        site = render_site(data_dir, templates)  # as the MkDocs plugin calls it
    except problems_type as exc:
        for problem in getattr(exc, "problems", []):
            print(problem.format(), file=sys.stderr)
        raise SystemExit(2) from None
    outputs = {path: text.encode("utf-8") for path, text in site.files.items()}
    for path, content in getattr(site, "assets", {}).items():
        if path in outputs:
            raise SystemExit(f"{path}: ทั้งหน้าและไฟล์ดาวน์โหลดใช้ที่อยู่เดียวกัน (a page and a download share a path)")
        outputs[path] = content if isinstance(content, bytes) else str(content).encode("utf-8")
    return outputs


def _data_error_type() -> type[BaseException]:
    for name in ("generator.problems", "generator.core.problems"):
        try:
            return importlib.import_module(name).DataError
        except (ImportError, AttributeError):
            continue
    return RuntimeError  # no DataError anywhere: let the pipeline's own errors through as tracebacks


def write_snapshot(outputs: dict[str, bytes], out: Path) -> list[str]:
    """Replace `out` with the outputs and their manifest; returns the manifest lines."""
    if out.exists():
        shutil.rmtree(out)
    for path, content in outputs.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    lines = manifest_lines(out)
    (out / MANIFEST).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return lines


def hash_tree(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under `folder` except the manifest itself."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() != MANIFEST
    }


def manifest_lines(folder: Path) -> list[str]:
    return [f"{digest}  {path}" for path, digest in sorted(hash_tree(folder).items())]


def compare(before: Path, after: Path) -> int:
    """Print how `after` differs from `before`; 0 when byte-identical."""
    old, new = hash_tree(before), hash_tree(after)
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    changed = sorted(p for p in set(old) & set(new) if old[p] != new[p])
    for label, paths in (("removed", removed), ("added", added), ("changed", changed)):
        for path in paths:
            print(f"{label}: {path}")
    for path in changed:
        print_text_diff(before / path, after / path, path)
    same = len(set(old) & set(new)) - len(changed)
    print(f"{same} identical, {len(changed)} changed, {len(added)} added, {len(removed)} removed")
    return 0 if not (removed or added or changed) else 1


def print_text_diff(old: Path, new: Path, name: str) -> None:
    try:
        a = old.read_text(encoding="utf-8").splitlines()
        b = new.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return  # binary (XLSX, ZIP): the hash line above says enough
    diff = list(difflib.unified_diff(a, b, f"before/{name}", f"after/{name}", lineterm="", n=1))
    print("\n".join(diff[:DIFF_LINES]) + ("\n..." if len(diff) > DIFF_LINES else ""))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the snapshot into (replaced)")
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="an earlier snapshot to diff OUT against")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--templates", type=Path, default=ROOT / "theme" / "generator",
                        help="template overrides, as mkdocs.yml's templates_dir")
    parser.add_argument("--quiet", action="store_true", help="print only the summary, not the manifest")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.compare is not None and not (args.compare / MANIFEST).is_file():
        raise SystemExit(f"{args.compare}: ไม่ใช่โฟลเดอร์ snapshot (no {MANIFEST})")
    outputs = render_outputs(args.data, args.templates)
    lines = write_snapshot(outputs, args.out)
    if not args.quiet:
        print("\n".join(lines))
    pages = sum(1 for path in outputs if path.endswith(".md"))
    digest = hashlib.sha256((args.out / MANIFEST).read_bytes()).hexdigest()
    print(f"{pages} pages, {len(outputs) - pages} downloads; sha256 of {MANIFEST}: {digest}", file=sys.stderr)
    return compare(args.compare, args.out) if args.compare is not None else 0


if __name__ == "__main__":
    sys.exit(main())
