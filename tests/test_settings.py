"""Settings come from defaults, a config file, the environment and flags, in that order."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ConfigError
from factcheck.settings import Settings, load_settings


def test_precedence(tmp_path: Path):
    config = tmp_path / "factcheck.toml"
    config.write_text('[factcheck]\ntop_k = 7\nmin_dense = 0.4\nmodel = "from-file"\n')
    env = {"FACTCHECK_TOP_K": "9", "FACTCHECK_ALLOW_DOWNLOAD": "true"}
    settings = load_settings(config, env=env, model="from-flag")
    assert settings.top_k == 9  # environment beats file
    assert settings.min_dense == 0.4  # file beats default
    assert settings.model == "from-flag"  # flag beats everything
    assert settings.allow_download is True


def test_config_path_from_environment(tmp_path: Path):
    config = tmp_path / "c.toml"
    config.write_text("top_k = 3\n")
    assert load_settings(env={"FACTCHECK_CONFIG": str(config)}).top_k == 3


def test_defaults_without_anything(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}) == Settings()


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ("top_k = 'many'\n", {}, "setting 'top_k' = 'many' is not a valid int"),
        ("colour = 'red'\n", {}, "unknown setting(s) colour"),
        ("top_k = [\n", {}, "not valid TOML"),
        ("", {"FACTCHECK_MIN_DENSE": "1.5"}, "'min_dense' must be between 0 and 1"),
        ("", {"FACTCHECK_ALLOW_DOWNLOAD": "maybe"}, "'allow_download' = 'maybe'"),
        ("encoder = 'gpu'\n", {}, "'encoder' = 'gpu' is not one of auto, torch, onnx"),
        ("", {"FACTCHECK_ANN_THRESHOLD": "0"}, "'ann_threshold' must be at least 1"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, content, env, message):
    config = tmp_path / "factcheck.toml"
    config.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(config, env=env)
    assert message in str(caught.value)


def test_missing_config_file(tmp_path: Path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})
