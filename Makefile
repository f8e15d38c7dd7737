# One command each, on a fresh machine: `make demo` (install + check the demo articles)
# and `make test` (install + the whole test suite). Both create ./.venv on first use.
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

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) reports .factcheck-cache .pytest_cache
