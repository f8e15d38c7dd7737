"""The calibration script records a command that fits the same rows again."""

from __future__ import annotations

import importlib.util
import shlex
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _load_script():
    sys.path.insert(0, str(REPO / "benchmarks"))  # the script imports the benchmarks beside it
    path = REPO / "benchmarks" / "fit_calibration.py"
    spec = importlib.util.spec_from_file_location("fit_calibration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_recorded_command_names_every_gold_file_and_topic():
    script = _load_script()
    argv = ["--limit", "200", "--mutate", "evidence", "--gold", "benchmarks/heldout7/gold.jsonl",
            "benchmarks/heldout62/gold.jsonl", "--topics", "noto-earthquake-2024",
            "starship-flight-5"]
    args = script.build_parser().parse_args(argv)
    command = script.recorded_command(args)
    again = script.build_parser().parse_args(shlex.split(command)[2:])
    assert again.gold == args.gold and len(again.gold) == 2
    assert again.topics == args.topics and again.mutate == args.mutate
    assert again.limit == 200
