# One task runner. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
POSTGRES_URL ?= postgresql+psycopg://root@127.0.0.1:5432/test
PORT ?= 8000

.PHONY: run test test-postgres bench soak scale lint format clean model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/schaatsradar db upgrade
	$(BIN)/schaatsradar load-demo
	$(BIN)/schaatsradar serve --host 127.0.0.1 --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Everything that speaks SQL again, against PostgreSQL (CI runs this with CI=true): storage,
# ingest, knowledge, the API, kept answers, accounts and alerts (two workers: SKIP LOCKED).
test-postgres: $(STAMP)
	SCHAATSRADAR_TEST_DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest tests/store tests/ingest tests/knowledge tests/alerts tests/web/test_api.py tests/web/test_api_schema.py tests/web/test_response_cache.py tests/web/test_shared_read.py tests/test_bench_guard.py

bench: $(STAMP)
	$(BIN)/python bench/ingest_bench.py --postgres $(POSTGRES_URL)
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/knowledge_bench.py --postgres $(POSTGRES_URL)
	$(BIN)/python bench/alerts_bench.py --postgres $(POSTGRES_URL)

# The soak (issue 14), not part of `bench` since it takes 10 minutes and both cores: mixed load
# on loopback against real server, worker and ingest processes (bench/soak_bench.py says what).
# `make soak SOAK_MINUTES=1` for a quick look; SOAK_ARGS='--postgres URL' for PostgreSQL.
SOAK_MINUTES ?= 10
SOAK_ARGS ?=
soak: $(STAMP)
	$(BIN)/python bench/soak_bench.py --minutes $(SOAK_MINUTES) $(SOAK_ARGS)

# A decade in one go (issue 15), not part of `bench`: SCALE_ARTICLES synth articles (generated
# once into bench/.cache/, reused) ingested into PostgreSQL, then search, reconcile, pages and
# peak memory; docs/scaling.md says what it needs. `make scale SCALE_ARTICLES=100000` gives the
# comparison point; add SCALE_ARGS=--sqlite for SQLite's side (at 100,000), or
# SCALE_ARGS='--postgres URL' for another database (its public schema is emptied).
SCALE_ARTICLES ?= 1000000
SCALE_ARGS ?=
scale: $(STAMP)
	$(BIN)/python bench/scale_bench.py --articles $(SCALE_ARTICLES) $(SCALE_ARGS)

# The extraction confidence model (schaatsradar/extract/data/confidence.json): trained on the
# open dev fold (../shared/corpus/dev less its sealed fold) and tests/extract/cases, with a
# leave-one-source-out report (also in bench/out/confidence.txt). Same data, same file.
model: $(STAMP)
	$(BIN)/python -m schaatsradar.extract.training

lint: $(STAMP)
	$(BIN)/ruff check schaatsradar tests bench
	$(BIN)/ruff format --check schaatsradar tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format schaatsradar tests bench
	$(BIN)/ruff check --fix schaatsradar tests bench

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache bench/out
