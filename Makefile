# citywatch: `make demo` runs the main job end to end, `make test` runs the test suite.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup test lint demo bench clean

setup: $(STAMP)

# Rebuilt only when the pins or the package metadata change, so `make setup` is idempotent.
$(STAMP): requirements.txt pyproject.toml
	@set -e; \
	if [ ! -x $(PY) ]; then \
	  python=$$(scripts/find-python.sh); \
	  echo "creating $(VENV) with $$python"; \
	  "$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --config-settings editable_mode=compat -e .
	@touch $(STAMP)

test: setup lint
	$(PY) -m pytest

# ruff, the import contract (layers point down, pyproject.toml [tool.importlinter]) and mypy ([tool.mypy]).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

demo: setup
	$(VENV)/bin/citywatch demo

bench: setup
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) var out
