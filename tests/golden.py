"""Regenerate the golden pages of the mini corpus: `make golden` (python -m tests.golden).

Review the diff before committing it: a golden change is a change of the site readers see.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate
from generator.site.write import write_pages

HERE = Path(__file__).resolve().parent
MINI = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "mini"


def main() -> None:
    """Write the mini corpus's generated docs into tests/golden/mini."""
    changed = write_pages(generate(MINI).pages, GOLDEN)
    print(f"{len(changed)} golden file(s) changed in {GOLDEN}")


if __name__ == "__main__":
    main()
