"""Reading the judges' model files: the shipped folder, and errors naming the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ModelError
from factcheck.judging.modelfiles import read_json, shipped_path


def test_the_shipped_folder_holds_the_judges_files():
    for name in ("verifier-v1.json", "calibration-v1.json", "unsaid-v1.json"):
        assert shipped_path(name).is_file(), name


def test_errors_name_the_file_what_it_should_hold_and_how_to_get_one(tmp_path: Path):
    missing = tmp_path / "m.json"
    with pytest.raises(ModelError, match=r"m\.json: the model not found; train one"):
        read_json(missing, "the model", "; train one")
    missing.write_text("[1,", encoding="utf-8")
    with pytest.raises(ModelError, match=r"m\.json: the model is not valid JSON"):
        read_json(missing, "the model")
    with pytest.raises(ModelError, match="cannot read the model"):
        read_json(tmp_path, "the model")  # a folder, not a file
    missing.write_text('{"a": [1, 2]}', encoding="utf-8")
    assert read_json(missing, "the model") == {"a": [1, 2]}
