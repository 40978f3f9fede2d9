# Two commands do all set-up on a fresh machine: `make site` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Why two stamps: staff who only build or preview install the runtime packages (~150 MB), not the test toolchain.
SITE_STAMP := $(VENV)/.site-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve preview check render schema lint browser-deps screenshots clean

$(SITE_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(SITE_STAMP)

$(STAMP): pyproject.toml $(SITE_STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## site: check the data and build the site into site/ (the old site/ stays if anything fails)
# The plugin locks, stages under a unique name and switches site/ atomically (generator/publish.py).
site: $(SITE_STAMP)
	$(PY) -m generator check data
	$(VENV)/bin/mkdocs build --strict --site-dir site

## test: the whole test suite on two workers, a test file per worker, long files first (installs Debian chromium when missing)
test: $(STAMP) browser-deps
	$(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadfile --no-loadscope-reorder

serve: $(SITE_STAMP)
	$(VENV)/bin/mkdocs serve

## preview: like serve, but after a save only the pages whose text changed are rebuilt (the data is still all checked)
preview: $(SITE_STAMP)
	$(VENV)/bin/mkdocs serve --dirty

check: $(SITE_STAMP)
	$(PY) -m generator check data

render: $(SITE_STAMP)
	$(PY) -m generator render --out build/markdown

schema: $(SITE_STAMP)
	$(PY) -m generator schema --out schemas

## lint: ruff, mypy and the dead-code check (scripts/dead_code.py; false positives go in scripts/vulture_whitelist.py)
lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy scripts/site_snapshot.py scripts/dead_code.py
	$(PY) scripts/dead_code.py

## screenshots: 360 px and 1280 px screenshots of every page kind into screenshots/ (not committed)
screenshots: site browser-deps
	$(PY) scripts/screenshots.py --site site --out screenshots

browser-deps:
	@bash scripts/install-browser.sh
	@bash tests/browser/install-npm.sh

clean:
	rm -rf site .site.tmp build screenshots $(VENV)
