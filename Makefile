# `make run` opens the app, `make test` runs every test, `make lint` checks style and import contracts;
# each creates .venv first if needed.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint fuzz monkey bench bench-quick i18n system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	-@bash scripts/install-system-deps.sh --runtime
	$(PY) -m bpviz

test: $(STAMP)
	-@bash scripts/install-system-deps.sh
	$(PY) -m pytest

# the readers' fuzz tests with many more examples, and many more kills during a save
fuzz: $(STAMP)
	BPVIZ_FUZZ_EXAMPLES=2000 BPVIZ_KILLS=500 $(PY) -m pytest -p no:warnings --hypothesis-show-statistics \
		tests/test_fuzz_readers.py tests/test_kill_during_save.py tests/test_hostile_files.py

# code style (ruff) and the import contracts between the packages (import-linter, contracts in pyproject.toml)
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# the window's monkey test, longer: several seeds (MONKEY_SEEDS) x MONKEY_ACTIONS random actions each
MONKEY_SEEDS ?= 1 2 3 4 5
MONKEY_ACTIONS ?= 2000
monkey: $(STAMP)
	@for seed in $(MONKEY_SEEDS); do \
		BPVIZ_MONKEY_SEED=$$seed BPVIZ_MONKEY_ACTIONS=$(MONKEY_ACTIONS) $(PY) -m pytest -q tests/gui/test_monkey.py \
			|| exit 1; \
	done

# one JSON object of speed measurements (runs under Xvfb 1400x900; see benchmarks/bench.py), < 3 minutes
bench: $(STAMP)
	$(PY) benchmarks/bench.py

bench-quick: $(STAMP)
	$(PY) benchmarks/bench.py --quick

# update resources/bpviz_zh_CN.ts from every tr()/translate() and the settings registry; then translate
# what it marks unfinished (tests/test_translations.py fails until every message has Chinese)
i18n: $(STAMP)
	$(PY) scripts/translations.py

system-deps:
	bash scripts/install-system-deps.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
