"""`make bench`: every benchmark of the project, printed as plain lines."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BENCHES = ("tests.bench.bench_data", "tests.bench.bench_site", "tests.bench.bench_checker", "tests.bench.bench_browser",
           "tests.bench.bench_network")


def main() -> int:
    for name in BENCHES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"{name}: not available ({exc})")
            continue
        lines = module.main()
        for line in lines or []:
            print(line)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
