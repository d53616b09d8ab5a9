# Report viewer: set-up, build, serve and test.
#
#   make serve   set up what is missing, build, serve at http://127.0.0.1:8080/
#   make test    set up what is missing (Chromium too) and run every test
#   make dist    release build of the site for the bundled report into dist/
#   make fuzz    run each fuzz target for FUZZ_SECONDS (not part of make test)
#   make bench   load-time, expand-all, keystroke and heap benchmarks, and
#                each hostile input through the release import (bench-import)
#   make size-check  the viewer's WASM by crate; fails on a banned symbol
#
# Every set-up step checks first and skips what is already installed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := dist

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION     := 132.0.0
REPORT               ?= public/reports/jimo-2024.json
PORT                 ?= 8080

# npm tools (wasm-opt from binaryen, Playwright, axe-core) live outside the
# clone so that a fresh clone on the same machine reuses them.
TOOLS   := $(HOME)/.cache/report-viewer
NPM_BIN := $(TOOLS)/npm/node_modules/.bin
E2E     := tests/e2e
# wasm-opt 132 must come before any Debian wasm-opt (108 breaks the page).
export PATH := $(NPM_BIN):$(HOME)/.cargo/bin:$(PATH)
export CHROMIUM := /usr/bin/chromium
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: serve test dist viewer cli tools rust-tools npm-tools browser \
        check lint unit wasm-test e2e fuzz bench bench-import size-check screenshots clean

## ---- set-up ---------------------------------------------------------------

tools: rust-tools npm-tools

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 12 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

npm-tools: $(TOOLS)/npm/.installed
	@# The tests import their packages from here (a fresh clone has no link).
	@ln -sfn $(TOOLS)/npm/node_modules $(E2E)/node_modules

$(TOOLS)/npm/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	mkdir -p $(TOOLS)/npm
	cp $(E2E)/package.json $(E2E)/package-lock.json $(TOOLS)/npm/
	cd $(TOOLS)/npm && npm ci --no-audit --no-fund
	@wasm-opt --version | grep -q 'version 132' || { echo "wasm-opt on PATH is not version 132"; exit 1; }
	touch $@

# Debian packages the tests need: Chromium and its driver, CJK fonts (so
# screenshots and PDFs show the report's text), pdftotext (reads printed
# PDFs back). apt-get update runs only when something is missing.
APT_NEEDS := chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver \
             poppler-utils:/usr/bin/pdftotext fonts-noto-cjk:/usr/share/fonts/opentype/noto
browser:
	@missing=""; for pair in $(APT_NEEDS); do \
	  [ -e "$${pair#*:}" ] || missing="$$missing $${pair%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi

## ---- build ----------------------------------------------------------------

# The compiled viewer: HTML template, JS glue, WASM, in target/viewer.
viewer: tools
	trunk build --release --offline
	NODE_PATH=$(TOOLS)/npm/node_modules node tools/minify-glue.mjs target/viewer

# The command-line tool (builds sites, validates reports).
cli:
	cargo build --release -p report-cli --bin report

dist: viewer cli
	rm -rf dist
	target/release/report build $(REPORT) --out dist

serve: dist
	@echo "serving dist/ at http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## ---- tests ----------------------------------------------------------------

test: tools browser lint unit wasm-test dist size-check e2e

# The crates the browser build compiles, for the wasm32 lint.
WASM_CRATES := -p report-viewer -p report-format -p report-chart

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy $(WASM_CRATES) --all-targets --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --workspace

# Components mounted in headless Chromium with wasm-bindgen-test.
wasm-test: tools browser
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test -p report-viewer --target wasm32-unknown-unknown --test web

# The built site, served by a real static server, driven in real Chromium.
e2e: tools browser
	cd $(E2E) && NODE_PATH=$(TOOLS)/npm/node_modules node --test --test-reporter=spec

## ---- size ---------------------------------------------------------------

# What the viewer's WASM is made of, by crate (raw and brotli), from the
# module cargo linked for `make viewer` (it still has function names); fails
# when a banned symbol is in it (crates/size-check lists them and why).
size-check: viewer
	cargo run --release -q -p size-check -- \
	  target/wasm32-unknown-unknown/release/report-viewer.wasm \
	  $$(ls target/viewer/*_bg.wasm)

## ---- fuzzing ----------------------------------------------------------------

# libFuzzer through cargo-fuzz on the stable toolchain: without a sanitizer
# (`-s none`, which needs no nightly), with debug assertions and overflow
# checks on (`-a`). Each target starts from its seeds (the test fixtures
# and bundled report, and fuzz/seeds/ for what they lack) and keeps what
# it learns in target/fuzz-corpus/ (not committed); a crash, a timeout (an
# input taking over 10 s, 2 s for the importers) or memory over 2 GB (512 MB
# for the importers) stops the run with the input saved under
# fuzz/artifacts/. FUZZ_TARGETS picks the targets to run.
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_SECONDS       ?= 120
FUZZ_TARGETS       ?= report_json import_text import_file chart_sheet chart_render
FUZZ_ARGS_report_json := -dict=fuzz/report.dict -max_len=65536
FUZZ_ARGS_import_text := -max_len=16384
# The importers get tighter limits: 512 MB and 2 s an input, which a zip
# bomb (10 GB) and 5,000 nested <div>s (14 s) passed before the import
# had limits (see README, "Limits").
FUZZ_ARGS_import_file := -max_len=65536 -rss_limit_mb=512 -timeout=2
FUZZ_ARGS_chart_sheet := -max_len=4096 -rss_limit_mb=512 -timeout=2
FUZZ_ARGS_chart_render := -max_len=4096
FUZZ_SEEDS_report_json := public/reports tests/fixtures/valid tests/fixtures/invalid
FUZZ_SEEDS_import_text := fuzz/seeds/import_text tests/fixtures/source tests/fixtures/import
FUZZ_SEEDS_import_file := fuzz/seeds/import_file tests/fixtures/import tests/fixtures/source
FUZZ_SEEDS_chart_sheet := fuzz/seeds/chart_sheet tests/fixtures/source
# chart_render reads its input as arbitrary series: it starts from nothing.
FUZZ_SEEDS_chart_render :=

fuzz:
	@if [ "$$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $(CARGO_FUZZ_VERSION)" ]; then \
	  echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION)"; \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked; fi
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  case $$t in \
	    report_json) args="$(FUZZ_ARGS_report_json)"; seeds="$(FUZZ_SEEDS_report_json)";; \
	    import_text) args="$(FUZZ_ARGS_import_text)"; seeds="$(FUZZ_SEEDS_import_text)";; \
	    import_file) args="$(FUZZ_ARGS_import_file)"; seeds="$(FUZZ_SEEDS_import_file)";; \
	    chart_sheet) args="$(FUZZ_ARGS_chart_sheet)"; seeds="$(FUZZ_SEEDS_chart_sheet)";; \
	    chart_render) args="$(FUZZ_ARGS_chart_render)"; seeds="$(FUZZ_SEEDS_chart_render)";; \
	  esac; \
	  cargo fuzz run -s none -a $$t target/fuzz-corpus/$$t $$seeds -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 $$args \
	    -print_final_stats=1 2>&1 | grep -v '^#[0-9].*\(NEW\|REDUCE\|pulse\)' ; \
	done

## ---- benchmark --------------------------------------------------------------

# The viewer against a plain static page of the same content, for the
# bundled report and a synthetic 1,000-section / 200-chart one (test data
# made by `report synth`), measured in one run. Prints the table and writes
# target/bench/results.md. BENCH_RUNS sets the runs per page (5);
# Screenshots of the built site at phone and desktop widths, both text
# sizes and themes, with the tools and menus open, to look at.
screenshots: dist browser
	NODE_PATH=$(TOOLS)/npm/node_modules node tools/screenshots.mjs dist target/screenshots

# BENCH_STRICT=1 makes a missed target fail.
BENCH := target/bench
# Each synthetic hostile input (`report synth --inputs`: zip bombs, deep
# nesting, huge spans, a 200-page Word file) through the release
# `report import` or `report chart add`: seconds, peak memory, outcome.
bench-import: cli
	rm -rf $(BENCH)/inputs
	target/release/report synth --inputs -o $(BENCH)/inputs
	python3 tools/bench-import.py target/release/report $(BENCH)/inputs $(REPORT)

bench: bench-import viewer cli browser
	mkdir -p $(BENCH)
	cp $(REPORT) $(BENCH)/jimo.json
	target/release/report build $(BENCH)/jimo.json --out $(BENCH)/site-jimo --no-offline > /dev/null
	target/release/report plain $(BENCH)/jimo.json -o $(BENCH)/plain-jimo.html
	target/release/report synth --sections 1000 --charts 200 -o $(BENCH)/synth-1000.json
	target/release/report build $(BENCH)/synth-1000.json --out $(BENCH)/site-synth --no-offline > /dev/null
	target/release/report plain $(BENCH)/synth-1000.json -o $(BENCH)/plain-synth.html
	cd tests/bench && NODE_PATH=$(TOOLS)/npm/node_modules node bench.mjs $(CURDIR)/$(BENCH)

clean:
	rm -rf dist target/viewer
