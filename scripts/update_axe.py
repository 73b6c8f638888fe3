#!/usr/bin/env python3
"""Install another axe-core release into a11ycheck/engine/axe/, verified (a11ycheck.engine.update).

    .venv/bin/python scripts/update_axe.py 4.14.1 [--sha256 HEX]

A version the registry does not have, or a file whose hash does not match: one line, exit 2, nothing
replaced. Run the tests afterwards (tests/test_engine_*.py, tests/test_axe_colors.py) and note in
docs/engine.md what the new release changed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, installed or not

from a11ycheck.engine.update import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
