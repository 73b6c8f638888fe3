# Two commands do everything on a fresh machine: `make demo` and `make test` (each runs the set-up first).
.PHONY: setup demo test test-fast lint format bench

setup:
	@scripts/setup.sh

demo: setup
	.venv/bin/a11ycheck demo

test: setup lint
	.venv/bin/python -m pytest

# The tests that need neither Chromium nor PostgreSQL, Redis or RabbitMQ (nor the npm registry), on every core
# (worksteal: a core that runs out of tests takes some of the other's). A tier run again and again: Python may
# cache the compiled test modules in tests/__pycache__ even where PYTHONDONTWRITEBYTECODE says not to.
test-fast: setup lint
	env -u PYTHONDONTWRITEBYTECODE .venv/bin/python -m pytest -n auto --dist worksteal -m "$(FAST)"
FAST = not browser and not postgres and not services and not npm_registry

lint: setup
	.venv/bin/ruff check a11ycheck spiders tests bench
	.venv/bin/ruff format --check a11ycheck spiders tests bench

format: setup
	.venv/bin/ruff format a11ycheck spiders tests bench
	.venv/bin/ruff check --fix a11ycheck spiders tests bench

# By hand, not in CI: a11ycheck against the plain Selenium + axe loop and pa11y-ci (bench/README.md).
# pa11y-ci comes from npm, pinned by bench/node/package-lock.json; Puppeteer's browser download is skipped.
bench: setup
	cd bench/node && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	.venv/bin/python -m bench.compare
