# Two commands do everything on a fresh machine: `make demo` and `make test` (each runs the set-up first).
.PHONY: setup demo test lint format bench

setup:
	@scripts/setup.sh

demo: setup
	.venv/bin/a11ycheck demo

test: setup lint
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check a11ycheck spiders tests bench
	.venv/bin/ruff format --check a11ycheck spiders tests bench

format: setup
	.venv/bin/ruff format a11ycheck spiders tests bench
	.venv/bin/ruff check --fix a11ycheck spiders tests bench
