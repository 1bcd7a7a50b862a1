# Nyttig — two commands do everything on Debian 12:
#   make run    install what is missing, build (Release), migrate, load demo
#               content, serve on http://127.0.0.1:8080
#   make test   build (Debug, ASan+UBSan) and run every test: unit, in-process
#               HTTP, PostgreSQL and browser tests
# Other targets: make build, make bench, make fuzz, make clean.

SHELL := /bin/bash
RELEASE_DIR ?= build/release
TEST_DIR ?= build/test
DATA ?= data
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
CTEST_JOBS ?= $(JOBS)
CMAKE_GENERATOR ?= Ninja

.PHONY: all deps assets build run test bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

# npm packages: htmx (served by Nyttig) and the browser-test tools.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

web/static/vendor/htmx.min.js: node_modules/.package-lock.json
	mkdir -p web/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

assets: deps web/static/vendor/htmx.min.js

build: assets
	cmake -S . -B $(RELEASE_DIR) -G $(CMAKE_GENERATOR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(RELEASE_DIR) --target nyttig -j $(JOBS)

run: build
	@$(RELEASE_DIR)/src/nyttig --data $(DATA) migrate >/dev/null
	@$(RELEASE_DIR)/src/nyttig --data $(DATA) demo >$(DATA)/demo-logins.json
	@scripts/print-welcome.sh $(LISTEN) $(DATA)/demo-logins.json
	@exec $(RELEASE_DIR)/src/nyttig --data $(DATA) serve --listen $(LISTEN) --development

test: assets
	cmake -S . -B $(TEST_DIR) -G $(CMAKE_GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DNYTTIG_SANITIZE=ON >/dev/null
	cmake --build $(TEST_DIR) -j $(JOBS)
	ctest --test-dir $(TEST_DIR) --output-on-failure -j $(CTEST_JOBS) --timeout 600

bench: assets
	@scripts/install-deps.sh --bench
	cmake -S . -B $(RELEASE_DIR) -G $(CMAKE_GENERATOR) -DCMAKE_BUILD_TYPE=Release -DNYTTIG_BENCH=ON >/dev/null
	cmake --build $(RELEASE_DIR) -j $(JOBS)
	bench/run-all.sh $(RELEASE_DIR)

# libFuzzer targets (tests/fuzz/), FUZZ_SECONDS each; crashes land in build/fuzz/fuzz-artifacts/.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh --fuzz
	CXX=clang++-14 CC=clang-14 cmake -S . -B build/fuzz -G $(CMAKE_GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DNYTTIG_FUZZ=ON >/dev/null
	cmake --build build/fuzz --target fuzzers -j $(JOBS)
	scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build
