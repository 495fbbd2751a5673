#!/usr/bin/env bash
# quick.sh — the README's one-run table: this project natively, as WebAssembly in
# Node (pure Go, and with the SIMD kernels) and the hand-written JavaScript LSTM,
# interleaved, ROUNDS rounds (default 3) of BENCH_TIME (default 2s) each.
#   tests/bench/quick.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
rounds=${ROUNDS:-3} t=${BENCH_TIME:-2s}
[ -d node_modules/wabt ] || npm ci --no-audit --no-fund
mkdir -p build
node_modules/.bin/wat2wasm lstm/kernels.wat -o build/kernels.wasm
go test -c -o build/lstm-native.test ./lstm
GOOS=js GOARCH=wasm go test -c -o build/lstm-pure.wasm ./lstm
GOOS=js GOARCH=wasm go test -c -tags lstmsimd -o build/lstm-simd.wasm ./lstm
exec_node="$(go env GOROOT)/lib/wasm/wasm_exec_node.js"
bench='TrainCharLSTM/H=(64|128)$'
cd lstm
for _ in $(seq "$rounds"); do
	../build/lstm-native.test -test.run '^$' -test.bench "$bench" -test.benchtime "$t" | awk '/^Bench/ {print "native", $1, $5, "chars/s"}'
	node "$exec_node" ../build/lstm-pure.wasm -test.run '^$' -test.bench "$bench" -test.benchtime "$t" | awk '/^Bench/ {print "wasm-pure", $1, $5, "chars/s"}'
	LSTM_KERNEL="$ROOT/build/kernels.wasm" node ../tests/simd/run.cjs ../build/lstm-simd.wasm -test.run '^$' -test.bench "$bench" -test.benchtime "$t" | awk '/^Bench/ {print "wasm-simd", $1, $5, "chars/s"}'
	for h in 64 128; do
		BENCH_WARMUP=1 BENCH_WINDOW=3 BENCH_LOSS_CHARS=3200 node ../tests/bench/handjs.mjs --hidden "$h" |
			node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);console.log("handjs", r.workload, Math.round(r.charsPerSec), "chars/s")})'
	done
done
