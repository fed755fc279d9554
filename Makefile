# claimcheck: `make run` serves the shipped corpus, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DICT := var/dict/de-en

.PHONY: run test eval eval-data bench bench-tests lint dictionary thesaurus clean

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

# Thesauri (Debian packages mythes-de, OpenThesaurus, LGPL-2.1; mythes-en-us, from WordNet):
# synonyms of a claim's words in a source of its own language. Without them the service
# still runs, with the dictionary's synonyms only.
THESAURUS := var/thesaurus
thesaurus: $(THESAURUS)/th_en_US_v2.dat
$(THESAURUS)/th_en_US_v2.dat:
	@mkdir -p $(THESAURUS)/pkg
	@cd $(THESAURUS)/pkg && (apt-get download mythes-de mythes-en-us >/dev/null 2>&1 \
	  && for deb in *.deb; do dpkg -x $$deb .; done \
	  && cp usr/share/mythes/th_de_DE_v2.dat usr/share/mythes/th_en_US_v2.dat .. \
	  && echo "thesauri installed in $(THESAURUS)") \
	  || echo "warning: mythes-de / mythes-en-us could not be fetched; claims run without thesauri"
	@rm -rf $(THESAURUS)/pkg

# The English evaluation corpus: the Lee background corpus (ABC news, 2001) that gensim ships
# in its test data. Only that file is taken out of the wheel; gensim itself is not installed.
LEE := var/eval/lee_background.cor
GENSIM := gensim==4.4.0
eval-data: $(LEE)
$(LEE): $(VENV)/.installed
	@mkdir -p var/eval/pkg
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: -d var/eval/pkg '$(GENSIM)'
	$(PY) -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); open(sys.argv[2], 'wb').write(z.read('gensim/test/test_data/lee_background.cor'))" var/eval/pkg/gensim-*.whl $@
	@rm -rf var/eval/pkg
	@echo "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb  $@" | sha256sum --check --quiet
	@echo "English evaluation corpus at $@"

run: $(VENV)/.installed dictionary thesaurus
	$(PY) -m service serve

test: $(VENV)/.installed dictionary thesaurus eval-data
	CLAIMS_DICTIONARY_PATH=$(DICT) CLAIMS_THESAURUS_DIR=$(THESAURUS) $(PY) -m pytest

eval: $(VENV)/.installed dictionary thesaurus eval-data
	$(PY) -m tests.eval.evaluate $(ARGS)

bench: $(VENV)/.installed dictionary thesaurus
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/writes.py
	$(PY) benchmarks/scale_eval.py

bench-tests: $(VENV)/.installed dictionary thesaurus
	$(PY) -m pytest -m slow

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check service tests benchmarks
	$(VENV)/bin/ruff format --check service tests benchmarks

clean:
	rm -rf $(VENV) var
