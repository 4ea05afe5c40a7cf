# Makefile: the two front doors (`make run`, `make test`) over meson and ninja.
BUILD ?= build
ASAN_BUILD ?= build-asan
MESON ?= meson
DB ?= verbatim.db

.PHONY: all deps build build-asan run test test-unit test-asan bench clean

all: build

deps:
	@scripts/deps.sh test

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=debugoptimized

$(ASAN_BUILD)/build.ninja:
	$(MESON) setup $(ASAN_BUILD) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

build-asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)

# Index the bundled corpus and show what verbatim does with it.
run: build
	@scripts/demo.sh $(BUILD)/verbatim $(DB)

# Every test: the normal build, then the same suite under ASan + UBSan.
test: build build-asan
	@[ -d tests/browser/node_modules/playwright-core ] || npm ci --prefix tests/browser --no-audit --no-fund
	@scripts/run-tests.sh $(BUILD) $(ASAN_BUILD)

bench: build
	@scripts/deps.sh bench
	@bench/run.sh $(BUILD)/verbatim

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(DB)
