# Two commands: `make run` and `make test`. Both install missing Debian packages first.
SWIFT        ?= swift
DEB_PACKAGES := libreadline-dev zlib1g-dev libopenblas-dev libzmq3-dev
CONFIG       := release
BIN          := .build/$(CONFIG)/mlplab
BUILD_LOG    := .build/last-build.log
SHELL        := /bin/bash
SECONDS      ?= 60

.PHONY: run test test-jupyter build build-tests fuzz deps clean

# A learner's exercise file that does not compile must not lock them out of the
# notebook: the last working build starts instead, and :check shows the error.
run:
	@$(MAKE) --no-print-directory build || { \
	    [ -x $(BIN) ] && grep -q 'exercises/' $(BUILD_LOG) || exit 1; \
	    echo "Starting the last build that worked, without your latest exercise edits; :check shows the error until it is fixed."; }
	$(BIN)

test: build-tests
	$(SWIFT) test -c $(CONFIG) --skip-build

build: deps
	@mkdir -p .build; set -o pipefail; $(SWIFT) build -c $(CONFIG) 2>&1 | tee $(BUILD_LOG) || { \
	    echo "The build failed. Errors in exercises/*.swift come from your exercise code: fix the line named above,"; \
	    echo "or put the untouched stubs back with: git checkout exercises/"; exit 1; }

# The test bundle and every product the end-to-end tests run (mlplab, mlplab-exercises).
# A plain `swift test` would build with testable imports, settings that recompile every
# module `swift build` made (and back again at the next `make run`); `swift build
# --build-tests` uses the same settings as `make run`, so both share one build in .build/.
build-tests: deps
	$(SWIFT) build -c $(CONFIG) --build-tests

# Jupyter's kernel conformance suite against `mlplab kernel`, in a virtual environment
# (.build-venv) that it fills from PyPI the first time.
test-jupyter: build
	@scripts/test-jupyter.sh $(BIN)

# libFuzzer on every reader of outside input, SECONDS seconds per target; fails on any crash.
fuzz: deps
	@scripts/fuzz.sh $(SECONDS)

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

clean:
	rm -rf .build
