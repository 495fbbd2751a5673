#!/usr/bin/env bash
# build.sh — builds and checks LSTM Playground.
#
#   ./build.sh build    build static/, the deployable site
#   ./build.sh test     every check and test (what CI runs)
#   ./build.sh serve    build static/ and serve it on 127.0.0.1:$PORT (default 9900)
#   ./build.sh bench    training speed beside the peers (native, Node, Chromium) and page budgets
#   ./build.sh worker   build the Cloudflare Worker (site + share service) into build/worker/
#   ./build.sh dist     the site as dist/lstm-playground-site-<version>.zip, with its SHA-256
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
	command -v npm >/dev/null 2>&1 || apt_install npm
}

# need_browser installs what the browser tests use: Debian's Chromium and the
# pinned npm packages of package-lock.json.
need_browser() {
	need_npm
	[ -x /usr/bin/chromium ] || apt_install chromium
}

# need_npm installs the pinned npm packages of package-lock.json (the browser
# test driver, the peers of the benchmark, the WebAssembly assembler).
need_npm() {
	need_node
	# The lock file's hash, not its time: a fresh checkout (or a touched file)
	# with the same pins installs nothing again.
	local want have=
	want=$(sha256sum package-lock.json | cut -d' ' -f1)
	[ -f node_modules/.lock-sha256 ] && have=$(cat node_modules/.lock-sha256)
	if [ ! -d node_modules/wabt ] || [ "$want" != "$have" ]; then
		log "npm ci"
		npm ci --no-audit --no-fund
		echo "$want" >node_modules/.lock-sha256
	fi
}

# FMA_KERNELS are the kernels whose multiply-adds the FMA build fuses.
FMA_KERNELS=matvec,matvect,gemmacc

# build_kernels assembles the SIMD kernels (lstm/kernels.wat) into build/kernels.wasm,
# and their FMA build (tools/watfma: relaxed SIMD's f64x2.relaxed_madd in the
# matrix loops) into build/kernels-fma.wasm.
build_kernels() {
	need_npm
	mkdir -p build
	node_modules/.bin/wat2wasm lstm/kernels.wat -o build/kernels.wasm
	go run ./tools/watfma -funcs "$FMA_KERNELS" lstm/kernels.wat >build/kernels-fma.wat
	node_modules/.bin/wat2wasm --enable-relaxed-simd build/kernels-fma.wat -o build/kernels-fma.wasm
}

# browser_tests builds static/, serves it on a free loopback port and runs the
# browser tests against it.
browser_tests() {
	need_browser
	built_once
	go build -o build/web ./web
	local out=build/web.out port="" i
	rm -rf build/e2e-data
	./build/web -dir static -data build/e2e-data -addr 127.0.0.1:0 >"$out" 2>&1 &
	local pid=$!
	for i in $(seq 100); do
		port=$(sed -n 's|^LSTM Playground: http://127.0.0.1:\([0-9]*\)/$|\1|p' "$out")
		[ -n "$port" ] && break
		sleep 0.1
	done
	[ -n "$port" ] || { kill "$pid" 2>/dev/null; die "the server did not start: $(cat "$out")"; }
	# A second server puts the site under a sub-path, as GitHub Pages does (/repo/).
	rm -rf build/subpath && mkdir -p build/subpath && ln -s ../../static build/subpath/repo
	./build/web -dir build/subpath -data build/e2e-data -addr 127.0.0.1:0 >"$out.sub" 2>&1 &
	local subpid=$! subport=""
	for i in $(seq 100); do
		subport=$(sed -n 's|^LSTM Playground: http://127.0.0.1:\([0-9]*\)/$|\1|p' "$out.sub")
		[ -n "$subport" ] && break
		sleep 0.1
	done
	# tests/e2e/zh-CN/ runs the main behaviour tests again on the page in
	# Chinese: training and its controls, bad input, phone width; the cell
	# figure; the lesson's verdicts. Two files run at a time: many wait on
	# the page's timers (the class board's back-off, hang detection) while
	# another trains.
	log "browser tests (Chromium) against http://127.0.0.1:$port/, two files at a time; tests/e2e/zh-CN/ in Chinese"
	local status=0 lang f files=()
	# The tests read the page's text in their language from the catalogue (tests/e2e/words.mjs).
	for lang in en zh-CN; do go run ./tools/pagewords "$lang" >"build/pagewords-$lang.json" || status=$?; done
	# The longest files first (each over 15 s alone), so that no long one
	# starts last while the other lane has nothing left to run.
	for f in class recovery catalogue pagebugs zh a11y classroom-inside classroom-keep lesson; do files+=("tests/e2e/$f.test.mjs"); done
	for f in tests/e2e/zh-CN/*.test.mjs tests/e2e/*.test.mjs; do
		[[ " ${files[*]} " == *" $f "* ]] || files+=("$f")
	done
	E2E_URL="http://127.0.0.1:$port/" E2E_SUBPATH_URL="http://127.0.0.1:$subport/repo/" E2E_WORDS='build/pagewords-{lang}.json' \
		node --test --test-concurrency=2 "${files[@]}" || status=$?
	kill "$pid" "$subpid" 2>/dev/null || true
	wait "$pid" "$subpid" 2>/dev/null || true
	[ "$status" = 0 ] || die "browser tests failed"
}

# simd_browser_tests runs the lstm package's conformance and kernel-against-Go
# tests in headless Chromium's Web Worker with the SIMD kernels loaded as the
# page loads them (tests/simd/chromium.mjs); it fails if the kernels were not in use.
simd_browser_tests() {
	need_browser
	log "lstm conformance and kernel-against-Go tests in Chromium's Web Worker, with the SIMD kernels"
	node tests/simd/chromium.mjs | grep -v -E '^(=== RUN|    --- PASS)' || die "the SIMD tests in Chromium failed"
	log "the same with the FMA build of the kernels"
	node tests/simd/chromium.mjs --fma "$FMA_KERNELS" | grep -v -E '^(=== RUN|    --- PASS)' || die "the SIMD tests (FMA kernels) in Chromium failed"
}

# worker_tests builds the Cloudflare Worker and runs its tests in the local
# Workers runtime (wrangler dev on 127.0.0.1, with a temporary KV namespace),
# one file at a time (each starts its own wrangler dev; the page test trains in
# Chromium beside them).
worker_tests() {
	need_browser
	cmd_worker
	log "the Worker in the local Workers runtime (wrangler dev)"
	WRANGLER_SEND_METRICS=false node --test --test-concurrency=1 tests/worker/ || die "Worker tests failed"
}

wasm_exec_dir() { echo "$(go env GOROOT)/lib/wasm"; }

# wasm_test_pkgs lists the packages whose tests also run as WebAssembly under
# Node: every package but the page's own (wasm/ui, its browser calls and its
# panels need a DOM; its pure parts present, content and keep run here), the
# worker bridge and program (they need a browser) and the server (it listens
# on sockets).
wasm_test_pkgs() {
	go list ./... | grep -v -E '^lstmplayground/(web|wasm/worker|wasm/app)(/|$)|^lstmplayground/wasm/ui(/browser|/panels)?$'
}

check_boundaries() {
	log "package boundaries"
	local bad
	# Direct imports of lstm/ (tests excluded): standard library only, and none of
	# the packages that would tie the core to a host (os, net, log, time, global rand).
	bad=$(go list -f '{{join .Imports "\n"}}' ./lstm/... | grep -E '^(syscall/js|os|os/.*|net|net/.*|log|time|math/rand)$|^[^/]*\.' || true)
	[ -z "$bad" ] || die "lstm/ must import the standard library only, without os, net, log, time or math/rand; it imports: $bad"
	bad=$(go list -deps ./lstm/... | grep -E '^[^/]*\.|^syscall/js$' || true)
	[ -z "$bad" ] || die "lstm/ depends on a package outside the standard library: $bad"
	bad=$(GOOS=js GOARCH=wasm go list -f '{{join .Imports "\n"}}' $(GOOS=js GOARCH=wasm go list -deps ./wasm/client | grep '^lstmplayground/') | grep -E '^syscall/js$|^honnef\.co/' || true)
	[ -z "$bad" ] || die "wasm/client is pure Go (tested natively and under Node): it depends on $bad"
	# The page: only wasm/ui/browser calls syscall/js; its pure parts (present,
	# content, keep) use neither syscall/js nor the DOM package.
	bad=$(GOOS=js GOARCH=wasm go list -f '{{.ImportPath}}: {{join .Imports " "}}' ./wasm/ui/... | grep -v '^lstmplayground/wasm/ui/browser:' | grep -E ' syscall/js( |$)' || true)
	[ -z "$bad" ] || die "only wasm/ui/browser may import syscall/js in the page: $bad"
	bad=$(GOOS=js GOARCH=wasm go list -f '{{join .Imports "\n"}}' $(GOOS=js GOARCH=wasm go list -deps ./wasm/ui/present ./wasm/ui/content ./wasm/ui/keep ./wasm/ui/markup | grep '^lstmplayground/') | grep -E '^syscall/js$|^honnef\.co/' || true)
	[ -z "$bad" ] || die "wasm/ui/present, content, keep and markup are pure Go (tested natively and under Node): they depend on $bad"
	# The page's WebAssembly program links neither fmt, which brings reflect and
	# its formatting (about 32 KB of Brotli, issue 13: the packages it links
	# build their texts with strconv), nor compress/flate (about 20 KB: share
	# links are compressed by the browser's CompressionStream).
	bad=$(GOOS=js GOARCH=wasm go list -tags lstmsimd,nozh -deps -f '{{.ImportPath}}: {{join .Imports " "}}' ./wasm/app | grep -E ' (fmt|compress/flate)( |$)' | cut -d: -f1 || true)
	[ -z "$bad" ] || die "the page's WebAssembly (./wasm/app) must not link fmt (build texts with strconv) or compress/flate (wasm/ui/browser's Deflate does it); imported by: $(echo $bad)"
	bad=$(grep -rln --include='*.go' 'syscall/js' . | grep -v '^\./wasm/' || true)
	[ -z "$bad" ] || die "syscall/js may appear only under wasm/; found in: $bad"
	if [ -d static ] || [ -d wasm ]; then
		bad=$(grep -rn 'SetInnerHTML\|innerHTML' wasm static 2>/dev/null | grep -v '^static/wasm_exec.js' || true)
		# The page's markup (wasm/ui/browser's Markup) is read by wasm/ui/markup
		# and built element by element; only constants can be markup (its type
		# is unexported): no conversion to it may appear.
		bad+=$(grep -rnE '[^A-Za-z_.]markup\(' wasm 2>/dev/null || true)
		[ -z "$bad" ] || die "user text must never be set as HTML: $bad"
	fi
}

# at_once runs its commands (pairs of a name and a bash command line) side by
# side, each into its own log, then prints the logs in order; it fails if any
# command failed.
at_once() {
	local dir=build/at-once i=0 pids=() names=() status=0
	rm -rf "$dir" && mkdir -p "$dir"
	while [ $# -gt 0 ]; do
		names+=("$1")
		bash -c "$2" >"$dir/$i.log" 2>&1 &
		pids+=($!)
		i=$((i + 1))
		shift 2
	done
	for i in "${!pids[@]}"; do
		if wait "${pids[$i]}"; then
			printf -- '-- %s: passed\n' "${names[$i]}"
		else
			printf -- '-- %s: FAILED\n' "${names[$i]}"
			status=1
		fi
		cat "$dir/$i.log"
	done
	return $status
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
	# Built for this machine; GOOS/GOARCH then only choose what it analyses.
	mkdir -p build
	go build -o build/staticcheck honnef.co/go/tools/cmd/staticcheck
	build/staticcheck ./...
	GOOS=js GOARCH=wasm build/staticcheck ./...

	# The Go tests side by side (each into its own log, printed in order): natively; the
	# page's build of the catalogue (tag nozh: no Chinese compiled in, every
	# test of wasm/words on the Chinese installed from its file); three runs
	# under Node (each mostly one Node process, the lstm package's tests): as
	# the page's exact path runs, with the SIMD kernels loaded as the page
	# loads them, and with their FMA build; and the share service's load and
	# kill -9 tests (a native server on loopback; its time budgets are
	# generous). wasm/ui/browser is js-only (a native go list does not name
	# it): its tests that need no page (the browser's deflate-raw against
	# compress/flate) run under Node, which has the same streams.
	log "go test: native, tag nozh, under Node (as built, SIMD kernels, FMA kernels), the share service's load test; at once"
	build_kernels
	at_once "go test (native)" "go test -count=1 ./..." \
		"go vet and go test of wasm/words with the page's tag nozh" "go vet -tags nozh ./wasm/words/... && go test -count=1 -tags nozh ./wasm/words/..." \
		"go test (js/wasm under Node)" "GOOS=js GOARCH=wasm go test -count=1 $(wasm_test_pkgs | tr '\n' ' ') ./wasm/ui/browser" \
		"go test (js/wasm under Node, SIMD kernels)" "LSTM_KERNEL='$ROOT/build/kernels.wasm' GOOS=js GOARCH=wasm go test -count=1 -tags lstmsimd -exec '$ROOT/tests/simd/go_js_wasm_simd_exec' ./lstm/... ./wasm/engine/..." \
		"go test (js/wasm under Node, FMA kernels)" "LSTM_KERNEL='$ROOT/build/kernels-fma.wasm' LSTM_KERNEL_FMA=1 GOOS=js GOARCH=wasm go test -count=1 -tags lstmsimd -exec '$ROOT/tests/simd/go_js_wasm_simd_exec' ./lstm/..." \
		"share service: load test and kill -9 test" "set -o pipefail; WEB_LOAD=full go test -count=1 -run '^(TestLoad|TestKillRestart)\$' -v ./web | grep -v -E '^(=== RUN|--- PASS|PASS\$)'" ||
		die "go test failed"

	simd_browser_tests

	worker_tests

	browser_tests
	check_workflows
	dist_zip

	# Side by side, as none of them measures time: the release zip hosted as a
	# teacher would (unpacked under a sub-path of a plain static file server,
	# not the Go server, opened in Chromium and trained: tests/dist/), the soak
	# smoke test (20 s of training, memory and references sampled) and the
	# harnesses' smoke run (each one works).
	log "the release zip in Chromium (tests/dist/), the soak smoke test (tests/soak/soak.mjs) and the benchmark harnesses' smoke run (tests/bench/run.mjs), at once"
	at_once "the release zip under a sub-path of a plain static file server, in Chromium" "DIST_ZIP='$ROOT/$(echo dist/lstm-playground-site-*.zip)' node --test tests/dist/" \
		"soak smoke test" "node tests/soak/soak.mjs --smoke" "benchmark harnesses, smoke run" "BENCH_SMOKE=1 node tests/bench/run.mjs" ||
		die "the release zip test, the soak smoke test (a leak) or a benchmark harness failed"

	log "all checks passed"
}

# bench_peers runs tests/bench/run.mjs on the built static/: this project and its
# peers (TensorFlow.js, brain.js) on the char-lstm workloads natively, in Node
# and in headless Chromium, interleaved, then the page's budgets; it writes
# bench/RESULTS.md and bench/chart.svg. BENCH_SMOKE=1 (./build.sh test) runs
# every harness once on a few hundred characters instead.
bench_peers() {
	need_browser
	log "benchmark harnesses (tests/bench/run.mjs${BENCH_SMOKE:+, smoke run})"
	node tests/bench/run.mjs
}

cmd_bench() {
	need_go
	need_node
	export PATH="$(wasm_exec_dir):$PATH"
	local count=${BENCH_COUNT:-5} time=${BENCH_TIME:-3s} out=build/bench.txt i
	mkdir -p build
	: >"$out"
	log "BenchmarkTrainCharLSTM: native and js/wasm under Node, interleaved, $count rounds of $time"
	for i in $(seq "$count"); do
		go test -run '^$' -bench 'BenchmarkTrainCharLSTM' -benchtime "$time" ./lstm | grep -E '^Benchmark' | sed 's/^/native /' | tee -a "$out"
		GOOS=js GOARCH=wasm go test -run '^$' -bench 'BenchmarkTrainCharLSTM' -benchtime "$time" ./lstm | grep -E '^Benchmark' | sed 's/^/wasm /' | tee -a "$out"
	done
	log "summary (chars/s: median [min–max]; peer = the hand-written one-hot JS LSTM of ../shared/bench/RESULTS.md in Node: 8,463 at H=64, 2,399 at H=128)"
	awk '
	{
		rt = $1; name = $2; sub(/-[0-9]+$/, "", name); sub(/^BenchmarkTrainCharLSTM\//, "", name)
		for (f = 3; f <= NF; f++) if ($(f) == "chars/s") v[rt, name, ++n[rt, name]] = $(f-1)
		names[name] = 1
	}
	function median(rt, name,   k, m, i, j, t, a) {
		m = n[rt, name]; for (i = 1; i <= m; i++) a[i] = v[rt, name, i]
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		lo[rt, name] = a[1]; hi[rt, name] = a[m]
		return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
	}
	END {
		peer["H=64"] = 8463; peer["H=128"] = 2399
		printf "%-10s %26s %26s %12s %12s\n", "workload", "native", "wasm (Node)", "wasm/native", "wasm/peer"
		for (name in names) {
			mn = median("native", name); mw = median("wasm", name)
			ratio = (name in peer) ? sprintf("%.2f×", mw / peer[name]) : "–"
			printf "%-10s %9.0f [%6.0f–%6.0f] %9.0f [%6.0f–%6.0f] %11.2f× %12s\n", name, mn, lo["native", name], hi["native", name], mw, lo["wasm", name], hi["wasm", name], mw / mn, ratio
		}
	}' "$out"

	cmd_build
	bench_peers
}

# cmd_build builds the deployable site in static/: one WebAssembly program for
# both threads and wasm_exec.js from this Go installation, both named by a hash
# of their content, and build.json, which tells boot.js their names.
cmd_build() {
	need_go
	mkdir -p build
	log "building static/ (GOOS=js GOARCH=wasm)"
	# Inlining off (-l) in the packages only the page runs (not the engine's,
	# lstm/ and wasm/engine, whose hot paths need it), and in the standard
	# packages only the page and the engine's messages call: a smaller app.wasm.
	local ui p gcflags=()
	ui='lstmplayground/wasm/ui/... lstmplayground/wasm/cell/... lstmplayground/wasm/lesson/... lstmplayground/wasm/chart/... lstmplayground/wasm/export/... lstmplayground/wasm/analysis/... lstmplayground/wasm/share/... lstmplayground/wasm/words/... lstmplayground/wasm/client/... lstmplayground/wasm/settings/... honnef.co/go/js/dom/v2/...'
	ui+=' strconv internal/strconv encoding/base64 bufio time syscall/js lstmplayground/wasm/protocol lstmplayground/wasm/mathtext strings slices unicode/utf8 errors sort encoding/binary'
	for p in $ui; do gcflags+=("-gcflags=$p=-l"); done
	# dom/v2's wrappers (the methods that return a Node, an Element or an Event)
	# would link each method the page calls for all of dom/v2's element types:
	# the page uses wasm/ui/browser's (elements_js.go) instead.
	local bad
	bad=$(grep -rnP --include='*_js.go' '(?<!browser)\.(GetElementByID|QuerySelector|QuerySelectorAll|CreateElement|CreateElementNS|CreateTextNode|ParentNode|ParentElement|NextSibling|PreviousSibling|FirstChild|LastChild|ChildNodes|Closest|Target|CurrentTarget|RelatedTarget|DocumentElement|ActiveElement|AddEventListener|OffsetParent|NextElementSibling|PreviousElementSibling|GetElementsByClassName|GetElementsByTagName|WrapElement|WrapHTMLElement|WrapNode|WrapEvent)\(' wasm || true)
	[ -z "$bad" ] || die "use wasm/ui/browser's element functions, not dom/v2's wrappers: $bad"
	# Tag nozh leaves the Chinese catalogue out of the program: tools/wordsjson
	# writes it into its own file, which the page fetches only to show Chinese
	# (boot.js, beside app.wasm; wasm/words' Install).
	# The linker's output keeps its own name: go build leaves a file whose
	# build ID is current as it is, and wasmdata must start from the linker's.
	GOOS=js GOARCH=wasm go build -tags lstmsimd,nozh -trimpath -ldflags='-s -w' "${gcflags[@]}" -o build/app-linked.wasm ./wasm/app
	# wasmdata joins the linker's 100,000 data segments and drops the functions'
	# file and line tables, inline trees, unsafe points and argument infos and
	# the names of the functions but the few the runtime runs on (stack traces
	# show ?.? at ?:0 and no arguments; WASM_LINES=1 keeps them); it rounds the
	# indexes of findfunctab (the runtime's table from a pc to its function)
	# down to multiples of 8, which findfunc makes up with at most 7 steps.
	local nolines="-nolines -nonames"
	[ -z "${WASM_LINES:-}" ] || nolines=
	go run ./tools/wasmdata $nolines -findstep 8 -o build/app.wasm build/app-linked.wasm
	build_kernels
	go run ./tools/wordsjson zh-CN >build/words-zh-CN.json
	# wasm_exec.js without its comments and indentation (the licence stays).
	go run ./tools/jstrim -o build/wasm_exec.js "$(wasm_exec_dir)/wasm_exec.js"
	local whash ehash khash fhash zhash size gz
	whash=$(sha256sum build/app.wasm | cut -c1-12)
	ehash=$(sha256sum build/wasm_exec.js | cut -c1-12)
	khash=$(sha256sum build/kernels.wasm | cut -c1-12)
	fhash=$(sha256sum build/kernels-fma.wasm | cut -c1-12)
	zhash=$(sha256sum build/words-zh-CN.json | cut -c1-12)
	rm -f static/app.*.wasm static/kernels.*.wasm static/kernels-fma.*.wasm static/wasm_exec*.js static/words-*.json static/build.json
	cp build/words-zh-CN.json "static/words-zh-CN.$zhash.json"
	cp build/app.wasm "static/app.$whash.wasm"
	cp build/kernels.wasm "static/kernels.$khash.wasm"
	cp build/kernels-fma.wasm "static/kernels-fma.$fhash.wasm"
	cp build/wasm_exec.js "static/wasm_exec.$ehash.js"
	size=$(stat -c %s build/app.wasm)
	printf '{"hash":"%s","wasm":"app.%s.wasm","wasmSize":%d,"kernel":"kernels.%s.wasm","kernelFMA":"kernels-fma.%s.wasm","wasmExec":"wasm_exec.%s.js","words":{"zh-CN":"words-zh-CN.%s.json"},"go":"%s"}\n' \
		"$whash$ehash$khash$fhash$zhash" "$whash" "$size" "$khash" "$fhash" "$ehash" "$zhash" "$(go env GOVERSION)" >static/build.json
	# Brotli copies for the servers that can send them (the Go server, and
	# Cloudflare compresses on its own); a static host sends gzip instead.
	rm -f static/*.br
	if command -v brotli >/dev/null 2>&1 || apt_install brotli >/dev/null 2>&1; then
		local f
		for f in static/*.wasm static/*.js static/*.css static/*.html static/*.json; do
			[ -f "$f" ] && brotli -q 11 -f -o "$f.br" "$f"
		done
	fi
	gz=$(gzip -9 -c build/app.wasm | wc -c)
	printf 'app.%s.wasm: %d bytes, %d gzipped\n' "$whash" "$size" "$gz"
	# The totals are of a first visit in English: every file but the Chinese
	# catalogue, which a first visit in Chinese adds, and one of the two kernel
	# builds, the larger: the page and the service worker fetch the one the
	# browser takes (static/kernel.js, sw.js).
	local f n kern=0 total=0
	f="static/words-zh-CN.$zhash.json"
	printf '%s (a first visit in zh-CN adds it): %d bytes, %d gzipped, %s with Brotli\n' "$f" "$(stat -c %s "$f")" \
		"$(gzip -9 -c "$f" | wc -c)" "$(stat -c %s "$f.br" 2>/dev/null || echo -)"
	for f in static/*; do
		[ -f "$f" ] && [ "${f%.br}" = "$f" ] && [ "${f#static/words-}" = "$f" ] || continue
		n=$(gzip -9 -c "$f" | wc -c)
		case $f in static/kernels*) kern=$((n > kern ? n : kern)) n=0 ;; esac
		total=$((total + n))
	done
	total=$((total + kern))
	printf 'static/ in all (the zh-CN catalogue aside: a first visit in English): %d bytes gzipped (budget 1,400,000: a static host such as GitHub Pages sends gzip)\n' "$total"
	if ls static/*.br >/dev/null 2>&1; then
		kern=0 total=0
		for f in static/*.br; do
			[ "${f#static/words-}" = "$f" ] || continue
			n=$(stat -c %s "$f")
			case $f in static/kernels*) kern=$((n > kern ? n : kern)) n=0 ;; esac
			total=$((total + n))
		done
		total=$((total + kern))
		printf 'static/ in all (the zh-CN catalogue aside: a first visit in English): %d bytes with Brotli, as the Go server sends it (budget 1,000,000)\n' "$total"
	fi
	STATIC_BUILT=1
}

# built_once builds static/ unless this run of build.sh already did: the
# test command's stages (the Worker, the browser tests, the release zip)
# share one build.
built_once() { [ -n "${STATIC_BUILT:-}" ] || cmd_build; }

# cmd_worker builds the Cloudflare Worker of cf/wrangler.jsonc into build/worker/:
# the share service (web/ for js/wasm, run by syumai/workers' glue) and, in
# build/worker/assets/, the site from static/ with a _headers file carrying the
# native server's CSP, security and caching headers.
cmd_worker() {
	built_once
	log "building the Cloudflare Worker (build/worker/)"
	# workers-assets-gen empties its output folder first, so it runs first.
	go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build/worker
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o build/worker/app.wasm ./web
	mkdir -p build/worker/assets
	find static -maxdepth 1 -type f -exec cp {} build/worker/assets/ \;
	go run ./web -headers build/worker/assets
	local size gz
	size=$(stat -c %s build/worker/app.wasm)
	gz=$(gzip -9 -c build/worker/app.wasm | wc -c)
	printf 'build/worker/app.wasm (the share service): %d bytes, %d gzipped (Workers limit: 3 MiB gzipped on Free, 10 MiB on Paid)\n' "$size" "$gz"
	[ "$gz" -le $((3 << 20)) ] || die "the Worker is over the 3 MiB Free plan limit"
}

# dist_version names a release of the site: the tag at HEAD if it has one
# (v1.2), else git describe's nearest tag, commits since and short hash
# (v1.2-3-gabc1234), or the short hash alone when there is no tag; "-dirty"
# when the work tree has uncommitted changes. Outside a git checkout it is
# "build-" and the build's hash. A character unfit for a file name becomes "-".
dist_version() {
	local v
	v=$(git describe --tags --always --dirty 2>/dev/null) ||
		v="build-$(sed -n 's/.*"hash":"\([0-9a-f]\{12\}\).*/\1/p' static/build.json)"
	printf '%s\n' "$v" | tr -c 'A-Za-z0-9._+\n-' '-'
}

# cmd_dist builds static/ and packs it, the Brotli copies included, into
# dist/lstm-playground-site-<version>.zip (one folder, lstm-playground/, to
# unpack anywhere on a static host) and writes its SHA-256 beside it in the
# form `sha256sum -c` reads. Files are stored in name order with the last
# commit's time, so one commit built with one Go version gives the same zip.
cmd_dist() {
	built_once
	command -v zip >/dev/null 2>&1 || apt_install zip
	local name stage stamp
	name="lstm-playground-site-$(dist_version)"
	log "packing static/ into dist/$name.zip"
	stage=build/dist/lstm-playground
	rm -rf dist build/dist
	mkdir -p dist "$stage"
	find static -maxdepth 1 -type f -exec cp {} "$stage/" \;
	chmod 644 "$stage"/*
	stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
	touch -d "@$stamp" "$stage"/*
	(cd build/dist && find lstm-playground -type f | LC_ALL=C sort | TZ=UTC zip -q -X -D -9 "$ROOT/dist/$name.zip" -@)
	(cd dist && sha256sum "$name.zip" >"$name.zip.sha256")
	printf 'dist/%s.zip: %d bytes, %d files; SHA-256 in dist/%s.zip.sha256\n' \
		"$name" "$(stat -c %s "dist/$name.zip")" "$(find "$stage" -type f | wc -l)" "$name"
}

# check_workflows lints the GitHub Actions workflows (.github/workflows/) with
# actionlint, by go run of an exact version rather than a tool line in go.mod:
# its dependencies then stay out of the module graph the site is built from.
# Its shellcheck and pyflakes passes are off, so every machine checks alike.
check_workflows() {
	log "actionlint (.github/workflows/)"
	go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -shellcheck= -pyflakes=
}

# dist_zip makes the release zip (cmd_dist) with what its test needs: the
# browser, and unzip to unpack it.
dist_zip() {
	need_browser
	command -v unzip >/dev/null 2>&1 || apt_install unzip
	cmd_dist
}

cmd_serve() {
	cmd_build
	log "serving static/ (Ctrl-C stops)"
	go run ./web -dir static
}

case "${1:-}" in
build) cmd_build ;;
test) cmd_test ;;
serve) cmd_serve ;;
bench) cmd_bench ;;
worker) cmd_worker ;;
dist) cmd_dist ;;
*)
	sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
