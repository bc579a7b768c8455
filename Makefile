# START Toolkit: every target sets up what it needs first, so each works on a fresh machine.
# Longer logic lives in scripts/; see README.md for what each target does.
PY := .venv/bin/python
# Silence the theme's end-of-life banner in every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve test site bundle bench fuzz clean

setup:
	@scripts/setup

serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The offline zip first, so the site offers it for download (see hooks/downloads.py).
site: setup
	$(PY) scripts/build_bundle.py
	$(PY) -m mkdocs build --strict

test: setup
	@scripts/install-chromium
	$(PY) -m pytest

bundle: setup
	$(PY) scripts/build_bundle.py

fuzz: setup
	START_FUZZ=1 $(PY) -m pytest tests/calculators -q -p no:randomly

bench: setup
	@scripts/install-chromium
	$(PY) scripts/bench.py

clean:
	rm -rf site dist docs/inventory docs/assets/generated calculators/dist calculators/build
