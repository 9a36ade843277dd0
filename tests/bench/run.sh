#!/bin/sh
# make bench: figures for load, save and memory at 1,000, 100,000 and
# 1,000,000 nodes.  Each size is generated once and measured in a fresh
# process, so peak RSS is that size's alone.  Save includes the fsync of
# an atomic save.  Speed is printed, never asserted (see BRIEF.md).
set -eu
: "${BUILD:=build}"
bench=$BUILD/bench/bench_model
dir=$(mktemp -d "${TMPDIR:-/tmp}/napkin-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

echo "napkin benchmark: $(nproc) cores, $(uname -m).  load and save are wall-clock"
echo "seconds, (cpu) the CPU seconds of the same (steadier on a shared machine);"
echo "save includes the fsync.  model is the resident memory the loaded diagram"
echo "takes, /node that per node, -strings the same without its strings' bytes."
"$bench" header
for nodes in ${NAPKIN_BENCH_SIZES:-1000 100000 1000000}; do
	"$bench" generate "$nodes" "$dir/bench-$nodes.json"
	# Three fresh processes per size: on a shared machine the best is the truth.
	for run in 1 2 3; do
		"$bench" measure "$dir/bench-$nodes.json"
	done
	rm -f "$dir/bench-$nodes.json"
done
