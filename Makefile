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
	$(SWIFT) build -c $(CONFIG)

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

clean:
	rm -rf .build
