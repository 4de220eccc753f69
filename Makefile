# Two commands: `make run` (the demo) and `make test` (everything CI checks).
# Both set up what they need on a fresh machine: the virtualenv and, for tests,
# the Debian packages the tests use (when missing and when we may install them).

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

# Qt's xcb platform plugin needs these to open a real window (`make run`).
DEB_RUN_PKGS := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 xvfb xauth
DEB_TEST_PKGS := poppler-utils zbar-tools socat postgresql fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3

.PHONY: run run-debs test lint venv debs bench faults clean translations

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP) run-debs translations
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" != Linux ]; then \
	  env -u QT_QPA_PLATFORM $(BIN)/yichuang demo; \
	else \
	  echo "No display here: the demo runs on a virtual screen (Xvfb). Set DISPLAY to see it."; \
	  env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/yichuang demo; \
	fi

run-debs:
	@$(MAKE) --no-print-directory debs DEB_TEST_PKGS="$(DEB_RUN_PKGS)"

debs:
	@missing=""; for p in $(DEB_TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || echo "WARNING: could not install$$missing; tests that need them will say so"; \
	  elif command -v sudo >/dev/null; then (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || echo "WARNING: could not install$$missing"; \
	  else echo "WARNING: not root, cannot install$$missing; tests that need them will say so"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Generated .qm files are built, not committed; the app runs in Chinese without them.
translations: $(STAMP)
	$(BIN)/python -m desktop.i18n_build --no-update

test: $(STAMP) debs lint translations
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

bench: $(STAMP) debs
	$(BIN)/python -m bench.run_all

# A long fault campaign (not part of `make test`): 6 terminals in 2 halls, SQLite and
# PostgreSQL, >= 10,000 injected faults; the last line is `lost N, doubled N, stuck N`.
FAULTS ?= 10000
faults: $(STAMP) debs
	$(BIN)/python -m bench.faults --faults $(FAULTS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
