# `make run` opens the app, `make test` runs every test; both create .venv first if needed.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	-@bash scripts/install-system-deps.sh --runtime
	$(PY) -m bpviz

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/bench_engine.py

system-deps:
	bash scripts/install-system-deps.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
