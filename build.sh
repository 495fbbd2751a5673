#!/usr/bin/env bash
# build.sh — builds and checks LSTM Playground.
#
#   ./build.sh test     every check and test (what CI runs)
#   ./build.sh serve    build static/ and serve it on 127.0.0.1:$PORT (default 9900)
#   ./build.sh bench    training-speed benchmarks of the core, natively and in WebAssembly
#
# The test command installs what it needs on a fresh Debian machine (Node.js with
# apt-get if it is missing); Go 1.26 must be installed.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

need_go() {
	command -v go >/dev/null 2>&1 || die "Go is not installed; install Go 1.26 from the Go website, then run this again"
}

# apt_install installs Debian packages, with sudo when not root.
apt_install() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	log "installing $* with apt-get"
	$sudo apt-get update -q
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

need_node() {
	command -v node >/dev/null 2>&1 || apt_install nodejs
}

wasm_exec_dir() { echo "$(go env GOROOT)/lib/wasm"; }

# Packages whose tests run both natively and as WebAssembly under Node: the pure
# ones (no DOM, no network listeners).
WASM_TEST_PKGS=(./lstm/...)

check_boundaries() {
	log "package boundaries"
	local bad
	# Direct imports of lstm/ (tests excluded): standard library only, and none of
	# the packages that would tie the core to a host (os, net, log, time, global rand).
	bad=$(go list -f '{{join .Imports "\n"}}' ./lstm/... | grep -E '^(syscall/js|os|os/.*|net|net/.*|log|time|math/rand)$|^[^/]*\.' || true)
	[ -z "$bad" ] || die "lstm/ must import the standard library only, without os, net, log, time or math/rand; it imports: $bad"
	bad=$(go list -deps ./lstm/... | grep -E '^[^/]*\.|^syscall/js$' || true)
	[ -z "$bad" ] || die "lstm/ depends on a package outside the standard library: $bad"
	bad=$(grep -rln --include='*.go' 'syscall/js' . | grep -v '^\./wasm/' || true)
	[ -z "$bad" ] || die "syscall/js may appear only under wasm/; found in: $bad"
	if [ -d static ] || [ -d wasm ]; then
		bad=$(grep -rn 'SetInnerHTML\|innerHTML' wasm static 2>/dev/null | grep -v '^static/wasm_exec.js' || true)
		[ -z "$bad" ] || die "user text must never be set as HTML: $bad"
	fi
}

cmd_test() {
	need_go
	need_node
	export PATH="$(wasm_exec_dir):$PATH"

	log "gofmt"
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
	[ -z "$unformatted" ] || die "gofmt needed on: $unformatted"

	check_boundaries

	log "go vet (native, js/wasm)"
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./...

	log "staticcheck (native, js/wasm)"
	go tool staticcheck ./...
	GOOS=js GOARCH=wasm go tool staticcheck ./...

	log "go test (native)"
	go test -count=1 ./...

	log "go test (js/wasm under Node)"
	GOOS=js GOARCH=wasm go test -count=1 "${WASM_TEST_PKGS[@]}"

	log "all checks passed"
}

cmd_bench() {
	need_go
	need_node
	export PATH="$(wasm_exec_dir):$PATH"
	local count=${BENCH_COUNT:-5}
	log "BenchmarkTrainCharLSTM, native and js/wasm under Node, interleaved, $count rounds"
	for i in $(seq "$count"); do
		go test -run '^$' -bench 'BenchmarkTrainCharLSTM' -benchtime "${BENCH_TIME:-3s}" ./lstm | grep -E '^Benchmark' | sed 's/^/native  /'
		GOOS=js GOARCH=wasm go test -run '^$' -bench 'BenchmarkTrainCharLSTM' -benchtime "${BENCH_TIME:-3s}" ./lstm | grep -E '^Benchmark' | sed 's/^/wasm    /'
	done
}

cmd_serve() {
	die "the playground page does not exist yet (issue: the playground page); run ./build.sh test"
}

case "${1:-}" in
test) cmd_test ;;
serve) cmd_serve ;;
bench) cmd_bench ;;
*)
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
