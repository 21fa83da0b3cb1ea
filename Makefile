# nianbao — the whole set-up is `make serve` and `make test`.
# Every target installs what it needs when it is missing (idempotent, offline:
# only crates.io, npm and Debian packages; never a binary download).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET          := wasm32-unknown-unknown

# Tools installed by this Makefile: cargo's bin dir and the npm tools.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: help serve test dist bench schema fmt lint unit e2e tools \
        rust-target trunk wasm-bindgen node-tools chromium firefox office crates

help:
	@echo "make serve   build the app and serve it at http://127.0.0.1:8080"
	@echo "make test    every test: fmt, clippy, native tests, release build, browser tests"
	@echo "make dist    release build into dist/ (deploy that folder to any static host)"
	@echo "make bench   size and speed figures"
	@echo "make schema  regenerate report.schema.json from the format definition"

# --- what the user runs -----------------------------------------------------

# The release build, served as a static host would (tools/serve.mjs).
serve: dist
	node tools/serve.mjs

test: tools chromium firefox office crates fmt lint unit dist e2e
	@echo "make test: all checks passed"

# Two pages: the form (index.html) and the 审核台 (review.html), each its own
# Trunk build and module; the second is merged into dist/.
dist: tools crates node-tools
	trunk build --release
	trunk build review.html --release true --dist target/review-dist
	cp target/review-dist/index.html dist/review.html
	cp target/review-dist/review-*.js target/review-dist/review-*_bg.wasm target/review-dist/*.css dist/
	node tools/postbuild.mjs

bench: dist node-tools chromium
	cargo bench --offline --bench core
	cargo build --offline --profile native --bin nianbao-check
	node bench/batch.mjs
	node bench/review.mjs
	node bench/sizes.mjs
	node bench/startup.mjs
	node bench/latency.mjs

schema:
	NIANBAO_WRITE_SCHEMA=1 cargo test --quiet --test json schema_file_is_current

# --- the steps of `make test` --------------------------------------------------

fmt:
	cargo fmt --all -- --check

lint: rust-target crates
	cargo clippy --offline --all-targets -- -D warnings
	cargo clippy --offline --target $(WASM_TARGET) -- -D warnings

unit: crates
	cargo test --offline

# Always against a fresh build: a stale dist/ is never tested.
e2e: dist chromium firefox office
	node --test --test-concurrency=1 tests/e2e/

# --- tools, each installed only when missing or at another version -------------

tools: rust-target trunk wasm-bindgen node-tools

rust-target:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || rustup target add $(WASM_TARGET)

trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 15 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

# Not --locked: its lockfile wants a crate version the registry mirror lacks.
wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 12 minutes on 2 cores)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# wasm-opt (npm binaryen 132), playwright-core and axe-core, as locked.
node-tools: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund

# Debian's Chromium for the browser tests (never a browser download).
chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "chromium is missing and this user cannot install it: ask for 'apt-get install chromium'"; exit 1; fi; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

# Debian's Firefox ESR for the Firefox tests (tests/e2e/firefox.test.mjs),
# driven by npm puppeteer-core over WebDriver BiDi (never a browser download).
firefox:
	@if ! command -v firefox-esr >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "firefox-esr is missing and this user cannot install it: ask for 'apt-get install firefox-esr'"; exit 1; fi; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq firefox-esr; \
	fi

# LibreOffice (headless, no GUI), poppler's PDF tools and CJK fonts, for the
# test that opens the Word download as an office does (tests/e2e/word.test.mjs).
office:
	@if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || ! fc-list | grep -qi "CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "LibreOffice, poppler-utils or CJK fonts are missing: ask for 'apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk'"; exit 1; fi; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui poppler-utils fonts-noto-cjk; \
	fi

# Trunk runs cargo offline: fetch the crates once, beforehand.
crates: Cargo.lock
	@cargo fetch --locked --quiet
