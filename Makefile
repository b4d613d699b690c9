# The two promises of the README: `make run` and `make test`, on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run dev test install lint bench bench-scale messages browser ocr clean-data

$(INSTALLED): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED) messages

messages: $(INSTALLED)
	$(PY) scripts/compile_messages.py

# Browser tests use Debian's chromium; install it when missing and we may.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium' once."; exit 1; \
	fi

# Photos are read by tesseract for a BSN (candidates/photo_text.py); install it when missing
# and we may (without it photos are accepted unread, with a warning in the log).
ocr:
	@if [ -x /usr/bin/tesseract ] && tesseract --list-langs 2>/dev/null | grep -qx nld; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "Installing Debian's tesseract (Dutch and English) to check photos for a BSN..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng >/dev/null; \
	else \
	  echo "Photos are checked for a BSN with tesseract: run 'sudo apt-get install tesseract-ocr tesseract-ocr-nld' once."; \
	fi

# Served like production: gunicorn, DEBUG off, whitenoise, a bounded connection pool.
run: install ocr
	$(PY) manage.py run_platform

# The same platform on Django's development server: auto-reload and DEBUG on.
dev: install
	$(PY) manage.py run_platform --dev

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: install browser ocr
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	DJANGO_SETTINGS_MODULE=hallowerk.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

# Every bench script at 100,000 candidates; bench-scale puts 100,000 and 500,000 side by side
# in docs/benchmarks.md (BENCH_SIZES to choose others).
bench: install
	$(PY) scripts/run_benchmarks.py --sizes 100000

BENCH_SIZES ?= 100000 500000
bench-scale: install
	$(PY) scripts/measure_demo_data.py $(BENCH_SIZES)
	$(PY) scripts/run_benchmarks.py --sizes $(BENCH_SIZES)

clean-data:
	rm -rf .hallowerk
