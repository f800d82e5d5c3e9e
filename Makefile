# gate — common tasks. Every target runs on a machine with only Go installed.
GO ?= go
BIN ?= bin/gate

.PHONY: build test check example vet fmt fuzz-smoke bench ci

build:
	$(GO) build -o $(BIN) ./cmd/gate

# The test suite, Rego rule tests included (the README's test command).
test:
	$(GO) test ./...

# The Quick start's main job: findings on the bundled example, exit 1.
example:
	$(GO) run ./cmd/gate check fixtures/example

vet:
	$(GO) vet ./...

fmt:
	@test -z "$$(gofmt -l cmd engine internal rules fixtures)" || (gofmt -l cmd engine internal rules fixtures; exit 1)

# 2,000 executions per fuzz target, as CI runs them (FUZZTIME=10m for long runs).
fuzz-smoke:
	./.ci/fuzz-smoke

# Benchmarks at 100 / 1,000 / 10,000 resources (GATE_BENCH_MAX=100000 adds
# the largest; BENCHTIME=1x for one iteration each).
BENCHTIME ?= 5x
bench:
	$(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -benchmem -timeout 60m ./engine/ ./engine/report/

ci:
	./.ci/run

# Time the gate against conftest (and trivy if it installs) on generated
# inputs; SIZES="1000 10000" by default. See scripts/compare.sh.
.PHONY: compare
compare:
	./scripts/compare.sh
