# Two commands: `make run` and `make test`. Both install missing Debian packages first.
SWIFT        ?= swift
DEB_PACKAGES := libreadline-dev zlib1g-dev libopenblas-dev libzmq3-dev
CONFIG       := release
BIN          := .build/$(CONFIG)/mlplab
BUILD_LOG    := .build/last-build.log
SHELL        := /bin/bash
SECONDS      ?= 60

.PHONY: run test test-jupyter build build-tests record-lessons fuzz deps clean

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
	    files=$$(grep -o 'exercises/[^/:]*\.swift:[0-9]*:[0-9]*: error' $(BUILD_LOG) | cut -d: -f1 | sort -u | paste -sd' ' -); \
	    echo "The build failed."; [ -z "$$files" ] || { \
	        echo "The errors in $$files come from your exercise code: fix the line named above, or put one exercise's"; \
	        echo "stub back with :reset NAME in mlplab, or every exercise of the file with: git checkout $$files"; }; \
	    exit 1; }

# The test bundle and every product the end-to-end tests run (mlplab, mlplab-exercises).
# A plain `swift test` would build with testable imports, settings that recompile every
# module `swift build` made (and back again at the next `make run`); `swift build
# --build-tests` uses the same settings as `make run`, so both share one build in .build/.
build-tests: deps
	$(SWIFT) build -c $(CONFIG) --build-tests

# Every lesson's expected outputs, in both languages, rewritten as what the cells print now: after a
# change to how values are shown, or after merging new cells. Review with `git diff lessons/`.
record-lessons: build
	$(BIN) run --record --lang en
	$(BIN) run --record --lang ko

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
