#!/usr/bin/env bash
# Installs what a11ycheck needs on a fresh Debian machine: Debian's chromium, chromium-headless-shell and
# chromium-driver (never a downloaded browser), then a .venv on Python 3.12 with the package. Safe to run
# again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)  # what audits run in
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)  # validates docker-compose.yml in tests
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]} from Debian" >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

python=""
for candidate in "$(command -v pyenv >/dev/null 2>&1 && pyenv which python3.12 2>/dev/null || true)" \
                 "$(command -v python3.12 || true)"; do
  if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "setup: Python 3.12 not found: install it (pyenv install 3.12, or apt-get install python3.12)" >&2
  exit 2
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
  rm -rf .venv
  "$python" -m venv .venv
fi
stamp=.venv/.a11ycheck-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing a11ycheck and its dependencies into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v 'is ignored: it is neither' || true
  .venv/bin/python -c 'import a11ycheck.cli, scrapy, selenium, sqlmodel; from a11ycheck.engine import shipped_record; shipped_record()'
  touch "$stamp"
fi
# pip compiles what it installs, but not an editable package: compile a11ycheck's own modules (and the tests'
# helpers and benches) here, so that each new process (a CLI run, a crawl, a worker) reads bytecode instead
# of compiling the package again, also where PYTHONDONTWRITEBYTECODE keeps Python from caching it. Quick
# when nothing changed: only files newer than their bytecode are compiled.
.venv/bin/python -m compileall -q -j 0 a11ycheck bench tests >/dev/null
