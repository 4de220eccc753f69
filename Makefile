# Two commands: `make run` (the demo) and `make test` (everything CI checks).
# Both set up what they need on a fresh machine: the virtualenv and the Debian packages
# (`make run`: only what the demo needs; `make test`: what the tests use).

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
export QT_QPA_PLATFORM ?= offscreen

# Qt's xcb platform plugin needs these to open a real window (`make run`); Xvfb when
# there is no display.
DEB_RUN_PKGS := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 xvfb xauth
DEB_TEST_PKGS := poppler-utils zbar-tools socat postgresql fonts-wqy-microhei espeak-ng libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 nsis

# the release builds (make windows / make deb): compiler, wine for the installer test,
# debootstrap for the clean-chroot test, patchelf for the relocated interpreter
DEB_WINDOWS_PKGS := nsis wine wine64
DEB_DEB_PKGS := debootstrap patchelf dpkg-dev
VERSION = $(shell sed -n 's/^VERSION = "\(.*\)"/\1/p' domain/version.py)

.PHONY: run run-debs run-translations test faults lint venv debs bench clean translations lock windows deb

# the demo's virtualenv: the application only, no test tools
$(RUN_STAMP): pyproject.toml
	@echo "make run: setting up $(VENV) (the application and its libraries)…"
	@test -x $(BIN)/python || $(PY) -m venv $(VENV) || { echo "ERROR: make run could not create $(VENV) with $(PY) (on Debian: apt-get install python3-venv)" >&2; exit 1; }
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -e . || { echo "ERROR: make run could not install Yichuang's Python packages (see pip's message above)" >&2; exit 1; }
	@touch $(RUN_STAMP)

# the tests' virtualenv: the application and the dev tools. CI installs the locked
# versions (hashes checked), then the project itself; a dependency added since the last
# `make lock` still installs (with a warning to refresh the lock).
$(STAMP): pyproject.toml requirements/dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install -q -e '.[dev]'
	-$(BIN)/python scripts/lock.py --check
	touch $(STAMP) $(RUN_STAMP)

venv: $(STAMP)

run: $(RUN_STAMP) run-debs run-translations
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" != Linux ]; then \
	  echo "make run: starting the demo (log in as 1001, password 1234)"; \
	  env -u QT_QPA_PLATFORM $(BIN)/yichuang demo; \
	elif ! command -v xvfb-run >/dev/null 2>&1; then \
	  echo "ERROR: make run found no display (DISPLAY is not set) and no xvfb-run to make one: set DISPLAY, or install xvfb and xauth" >&2; exit 1; \
	else \
	  echo "make run: no display here, so the demo runs on a virtual screen (Xvfb); set DISPLAY to see it"; \
	  env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/yichuang demo; \
	fi

run-debs:
	@sh scripts/debs.sh required "make run" $(DEB_RUN_PKGS)

debs:
	@sh scripts/debs.sh optional "make test" $(DEB_TEST_PKGS)

run-translations: $(RUN_STAMP)
	@$(BIN)/python -m desktop.i18n_build --no-update >/dev/null || echo "make run: the English translation could not be built; the demo runs in Chinese" >&2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Generated .qm files are built, not committed; the app runs in Chinese without them.
translations: $(RUN_STAMP)
	$(BIN)/python -m desktop.i18n_build --no-update

test: $(STAMP) debs lint translations
	$(BIN)/python -m pytest -n 2 --dist loadfile -q -m "not slow"

# The long fault runs, not part of `make test`: the tests marked slow (a hall node
# SIGKILLed mid-forward, the city restarted, a township a week offline — over a WAN cut
# for real where we may), then the campaign: 6 terminals in 2 halls, SQLite and
# PostgreSQL, >= FAULTS injected faults; its last line is `lost N, doubled N, stuck N`.
FAULTS ?= 10000
faults: $(STAMP) debs
	$(BIN)/python -m pytest -q -m slow -p no:randomly
	$(BIN)/python -m bench.faults --faults $(FAULTS)

bench: $(STAMP) debs
	$(BIN)/python -m bench.run_all

# Refresh requirements/*.txt (hashes) from pyproject.toml: dev, Windows desk, Debian runtime.
lock: $(STAMP)
	$(BIN)/python -m pip install -q uv
	$(BIN)/python scripts/lock.py

# The Windows installer: stage win_amd64 wheels (no interpreter here unless PYTHON_ZIP=the
# embeddable zip), check every import, makensis, then install/upgrade/uninstall under wine.
windows: $(STAMP)
	@$(MAKE) --no-print-directory debs DEB_TEST_PKGS="$(DEB_WINDOWS_PKGS)"
	$(BIN)/python scripts/build_windows.py $(if $(PYTHON_ZIP),--python-zip $(PYTHON_ZIP))
	YICHUANG_SETUP_EXE=dist/yichuang-$(VERSION)-setup.exe $(BIN)/python -m pytest -q -p no:randomly tests/release/test_windows_installer.py

# The Debian package with its own runtime under /opt/yichuang, then a clean-chroot test:
# apt install ./deb, yichuang --version, the demo screenshots, remove, nothing left but data.
deb: $(STAMP)
	@$(MAKE) --no-print-directory debs DEB_TEST_PKGS="$(DEB_DEB_PKGS)"
	$(BIN)/python scripts/build_deb.py
	YICHUANG_DEB=dist/yichuang_$(VERSION)_amd64.deb $(BIN)/python -m pytest -q -p no:randomly tests/release/test_deb_chroot.py

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
