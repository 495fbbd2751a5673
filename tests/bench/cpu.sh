#!/usr/bin/env bash
# cpu.sh — CPU time per update in Node, which a shared machine disturbs far less
# than wall time: this project's SIMD build (gobench with the kernels, loaded as
# the page's worker loads them) and the hand-written JavaScript LSTM, on
# char-lstm-h64 and -h128, ROUNDS interleaved rounds (default 3). Each figure is
# the user+system CPU seconds of a fresh process that trains CHARS characters
# (64,000 at H = 64, 32,000 at H = 128), less those of one that trains one
# update (start-up), divided by the updates between. Needs build/bench/gobench-simd.wasm
# and build/kernels.wasm (tests/bench/run.mjs and ./build.sh build make them).
#   tests/bench/cpu.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}
export BENCH_WARMUP=0 BENCH_WINDOW=0 BENCH_FULL_LOSS=1 LSTM_KERNEL=build/kernels.wasm

# cpu prints the CPU seconds of one run of impl (simd or handjs) at H, training chars.
cpu() {
	local out
	out=$(mktemp)
	if [ "$1" = simd ]; then
		BENCH_LOSS_CHARS=$3 /usr/bin/time -f '%U %S' -o "$out" node tests/simd/run.cjs build/bench/gobench-simd.wasm -hidden "$2" >/dev/null
	else
		BENCH_LOSS_CHARS=$3 /usr/bin/time -f '%U %S' -o "$out" node tests/bench/handjs.mjs --hidden "$2" >/dev/null
	fi
	awk '{print $1 + $2}' "$out"
	rm -f "$out"
}

for r in $(seq "$rounds"); do
	for cfg in "simd 64 64000" "handjs 64 64000" "simd 128 32000" "handjs 128 32000"; do
		set -- $cfg
		full=$(cpu "$1" "$2" "$3")
		base=$(cpu "$1" "$2" 32)
		awk -v r="$r" -v impl="$1" -v h="$2" -v n="$3" -v f="$full" -v b="$base" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
			'BEGIN { printf "round %s %-6s H=%-3s %.3f ms CPU per update (%.2f s − %.2f s over %d updates; load %s)\n", r, impl, h, (f - b) * 1000 / (n / 32 - 1), f, b, n / 32 - 1, l }'
	done
done
