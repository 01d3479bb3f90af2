# make run: set up and run sitrep's main job on the bundled examples; make test: set up and test.
.PHONY: setup run test bench lint

setup:
	./scripts/setup

run: setup
	.venv/bin/sitrep extract examples/articles/*.txt --format table

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python bench/run_all.py

lint:
	.venv/bin/ruff check src tests bench
