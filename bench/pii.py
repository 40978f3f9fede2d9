"""Detector speed: how many published strings per second `find_personal_data` scans.

Takes every string of every YAML file under data/ (the real mix of short labels and long paragraphs),
plus a few disguised values (invisible characters, Thai and full-width digits) so the slow path is timed
too, and prints strings/s and MB/s. Usage: python bench/pii.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.pii import compile_allow, find_personal_data

DATA = Path(__file__).resolve().parent.parent / "data"
DISGUISED = [
    "นา\u200bยสม\u202eชาย ใจดี โทร ０８１－２３４－５６７８",
    "เลข ๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘",
    "ติดต่อ (02) 123 4567 ต่อ 12",
]


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *strings(v)]]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    texts = [s for path in sorted(DATA.rglob("*.yml")) for s in strings(yaml.safe_load(path.read_text("utf-8")))]
    texts += DISGUISED * 100
    allow = compile_allow(["นางวันทนีย์ วัฒนะ"])
    chars = sum(map(len, texts))
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            find_personal_data(text, allow)
    seconds = time.perf_counter() - start
    count = len(texts) * rounds
    print(f"{len(texts):,} strings ({chars / 1e6:.2f} M chars) x {rounds} rounds in {seconds:.2f} s")
    print(f"{count / seconds:,.0f} strings/s, {chars * rounds / seconds / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
