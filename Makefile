# claimcheck: `make run` serves the shipped corpus, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DICT := var/dict/de-en

.PHONY: run test eval bench bench-tests lint dictionary clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The Ding German-English dictionary (Debian package trans-de-en, GPL-2+) for English claims.
# Without it the service still runs and says so in each English claim's analysis.
dictionary: $(DICT)
$(DICT):
	@mkdir -p var/dict/pkg
	@cd var/dict/pkg && (apt-get download trans-de-en >/dev/null 2>&1 \
	  && dpkg -x trans-de-en_*.deb . && cp usr/share/trans/de-en ../de-en \
	  && echo "dictionary installed at $(DICT)") \
	  || echo "warning: trans-de-en could not be fetched; English claims run without the dictionary"
	@rm -rf var/dict/pkg

run: $(VENV)/.installed dictionary
	$(VENV)/bin/gunicorn -c python:service.gunicorn_conf 'service:create_app()'

test: $(VENV)/.installed dictionary
	CLAIMS_DICTIONARY_PATH=$(DICT) $(PY) -m pytest

eval: $(VENV)/.installed dictionary
	$(PY) -m tests.eval.evaluate $(ARGS)

bench: $(VENV)/.installed dictionary
	$(PY) benchmarks/bench.py

bench-tests: $(VENV)/.installed dictionary
	$(PY) -m pytest -m slow

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check service tests benchmarks
	$(VENV)/bin/ruff format --check service tests benchmarks

clean:
	rm -rf $(VENV) var
