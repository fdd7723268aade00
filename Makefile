# Two commands: `make run` and `make test`. Both install missing Debian packages first.
SWIFT        ?= swift
DEB_PACKAGES := libreadline-dev zlib1g-dev libopenblas-dev
CONFIG       := release
BIN          := .build/$(CONFIG)/mlplab

.PHONY: run test build deps clean

run: build
	$(BIN)

test: deps
	$(SWIFT) build -c $(CONFIG)
	$(SWIFT) test -c $(CONFIG)

build: deps
	@$(SWIFT) build -c $(CONFIG) || { \
	    echo "The build failed. Errors in exercises/*.swift come from your exercise code: fix the line named above,"; \
	    echo "or put the untouched stubs back with: git checkout exercises/"; exit 1; }

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

clean:
	rm -rf .build
