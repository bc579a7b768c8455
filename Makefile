# START Toolkit: every target sets up what it needs first, so each works on a fresh machine.
# Longer logic lives in scripts/; see README.md for what each target does.
PY := .venv/bin/python
BIN := .venv/bin
# Silence the theme's end-of-life banner in every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve check check-external test test-fast site bundle pdf bench fuzz clean

setup:
	@scripts/setup

serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Static checks; every one runs, and the target fails if any failed (scripts/check).
check: setup
	@scripts/check

# The whole suite: the JavaScript helpers under node, then pytest with the browser tests.
test: setup
	@scripts/install-chromium
	node --test tests/web/
	$(PY) -m pytest

# Everything but the browser tests: a minute or two.
test-fast: setup
	node --test tests/web/
	$(PY) -m pytest -m "not browser"

# The PDF and the offline zip first, so the site offers both (hooks/print.py, hooks/downloads.py).
site: setup pdf
	$(PY) scripts/build_bundle.py
	$(PY) -m mkdocs build --strict

bundle: setup
	$(PY) scripts/build_bundle.py

# The printable edition as dist/start-toolkit-<version>.pdf, printed by Debian Chromium.
pdf: setup
	@scripts/install-chromium
	PYTHONPATH=tests $(PY) scripts/build_pdf.py

# Fetch every outside link of a fresh build (needs a network, so it is not part of `make test`).
check-external: setup
	$(PY) -m mkdocs build --strict --quiet
	$(PY) scripts/check_external.py site

fuzz: setup
	START_FUZZ=1 $(PY) -m pytest tests/calculators -q

# PYTHONPATH: the bench shares the tests' helpers (tests/support.py).
bench: setup
	@scripts/install-chromium
	PYTHONPATH=tests $(PY) scripts/bench.py

clean:
	rm -rf site dist docs/inventory calculators/dist calculators/build
