# make run: set up and run sitrep's main job on the bundled examples; make test: set up and test.
.PHONY: setup run serve test bench lint typecheck

setup:
	./scripts/setup

# The main job: ingest the bundled example articles into the default store (sitrep.db, SQLite),
# then print the estimate series and the contradictions found across them. Re-running adds nothing.
run: setup
	.venv/bin/sitrep ingest examples/articles --db sitrep.db
	.venv/bin/sitrep estimates --db sitrep.db
	.venv/bin/sitrep contradictions --db sitrep.db

serve: setup
	.venv/bin/sitrep serve --db sitrep.db

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python bench/run_all.py

lint:
	.venv/bin/ruff check src tests bench

typecheck:
	.venv/bin/mypy src/sitrep
