# One command each, on a fresh machine: `make demo` (install + check the demo articles)
# and `make test` (install + mypy + the whole test suite). Both create ./.venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test bench clean

install: $(VENV)/.installed

# torch is pinned to the CPU build 2.13.0 and installed first, so nothing pulls a CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

demo: install
	$(BIN)/factcheck check claims/ --evidence evidence/ --out reports/

# Everything CI checks: the type checker, then every test (-m "" clears pyproject's default
# selection of the fast tests, so integration, slow, notebook and browser tests run too).
test: install
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -m ""

# The speed and scale benchmark (a table; see README "Speed and scale"). A short run:
# make bench BENCH_ARGS="--sizes 1000,10000 --million 0"
BENCH_ARGS ?=
bench: install
	$(BIN)/python benchmarks/bench_pipeline.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) reports .factcheck-cache .bench-cache .pytest_cache
