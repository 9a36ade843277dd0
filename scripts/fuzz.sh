#!/bin/sh
# make fuzz: build every libFuzzer harness (tests/fuzz/fuzz_NAME.c) with
# clang under ASan and UBSan, then run each for FUZZ_SECONDS seconds
# (default 60), one after the other.
#
# Each harness grows a corpus in build/fuzz/corpus/NAME, kept between runs
# so fuzzing time adds up; it starts from the seeds below.  An input that
# crashes lands in build/fuzz/crashes/NAME/: once fixed, copy it into
# tests/fuzz/NAME/, where make test replays it for good.
#
# clang and its libFuzzer runtime are needed only here (make test never
# installs them): scripts/deps.sh installs them when run as root (after
# apt-get update, which a fresh machine needs), otherwise it prints the
# command to run.
set -eu
cd "$(dirname "$0")/.."
: "${FUZZ_SECONDS:=60}"
OUT=build/fuzz

# The runtime lives in libclang-rt-N-dev; the version-less package pulls
# in the one that matches Debian's clang.
fuzzer_works() {
	command -v clang >/dev/null 2>&1 || return 1
	mkdir -p "$OUT"
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	    >"$OUT/probe.c"
	clang -fsanitize=fuzzer,address,undefined -o "$OUT/probe" "$OUT/probe.c" >/dev/null 2>&1
}
if ! fuzzer_works; then
	sh scripts/deps.sh clang libclang-rt-dev
	fuzzer_works || { echo "napkin: clang cannot build a libFuzzer harness" >&2; exit 1; }
fi

make --no-print-directory -j2 BUILD="$OUT" CC=clang SANITIZE=1 FUZZ=1 CFLAGS="-O1 -g" fuzz-build

. tests/fuzz/seeds.sh

# Inputs past this many bytes teach a parser little and slow every run.
max_len() {
	case $1 in
	command) echo 1024 ;;
	*) echo 16384 ;;
	esac
}

failed=""
for harness in "$OUT"/fuzz/fuzz_*; do
	case $harness in *.d) continue ;; esac
	name=${harness##*/fuzz_}
	corpus=$OUT/corpus/$name
	crashes=$OUT/crashes/$name
	seed=$OUT/seeds/$name
	mkdir -p "$corpus" "$crashes" "$seed"
	for dir in $(fuzz_seeds "$name"); do
		for f in "$dir"/*; do
			case $f in *.expected | *.md | *.txt) continue ;; esac
			[ -f "$f" ] && cp "$f" "$seed/"
		done
	done
	echo "== fuzz $name for $FUZZ_SECONDS s"
	log=$OUT/$name.log
	if "$harness" -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$name")" -timeout=20 \
	    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seed" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		size=$(ls "$corpus" | wc -l)
		echo "   $runs executions, corpus of $size inputs, no crash"
	else
		failed="$failed $name"
		echo "   CRASH: see $log; the input is in $crashes/"
		grep -m 3 -E 'ERROR|fuzz property|SUMMARY' "$log" | sed 's/^/   /'
	fi
done
[ -z "$failed" ] || { echo "FAILED:$failed"; exit 1; }
