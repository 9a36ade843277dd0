#!/bin/sh
# make bench: every benchmark, printing figures (never pass/fail).  Run with
# NAPKIN (the binary) and BUILD (where build/bench/bench_* are).  Each part
# of napkin keeps its own block below; add a block rather than editing others.
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}"
case $NAPKIN in /*) ;; *) NAPKIN=$PWD/$NAPKIN ;; esac
export NAPKIN NAPKIN_ROOT="$PWD"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/napkin-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
status=0

# --- model: load, save, memory (tests/bench/bench_model.c) ---
# Each size is generated once and measured in three fresh processes, so peak
# RSS is that size's alone and the best run shows through a noisy machine.
echo "== model: load and save (wall-clock seconds, (cpu) seconds; save includes"
echo "   the fsync); model = resident memory of the loaded diagram, per node,"
echo "   and without its strings' bytes.  $(nproc) cores, $(uname -m)."
bench=$BUILD/bench/bench_model
"$bench" header
for nodes in ${NAPKIN_BENCH_SIZES:-1000 100000 1000000}; do
	"$bench" generate "$nodes" "$scratch/bench-$nodes.json" || status=1
	for run in 1 2 3; do
		"$bench" measure "$scratch/bench-$nodes.json" || status=1
	done
	rm -f "$scratch/bench-$nodes.json"
done
# --- end model ---

# --- critique (tests/bench/bench_critique.c) ---
echo "== critique: load, critique_run, napkin check as a process, igraph baseline"
"$BUILD/bench/bench_critique" "$scratch" || status=1
# --- end critique ---

# --- Graphviz export and import (tests/bench/bench_dot.c) ---
echo "== Graphviz DOT export and import, auto-arrange"
"$BUILD"/bench/bench_dot || status=1
# --- end Graphviz ---

# --- whiteboard rendering (tests/bench/bench_render.c) ---
echo "== whiteboard: frame and edit cost; a keystroke with the critique on"
"$BUILD/bench/bench_render" || status=1
# --- end whiteboard rendering ---

# --- interview mode (tests/bench/bench_interview.c) ---
echo "== interview: traffic, expectations, scorecard, napkin score as a process"
"$BUILD/bench/bench_interview" "$scratch" || status=1
# --- end interview ---

# --- session records (tests/bench/bench_session.c) ---
echo "== session records: recording, saving, replaying"
"$BUILD/bench/bench_session" "$scratch" || status=1
# --- end session records ---

# --- crowded nodes (tests/bench/bench_crowded.c) ---
echo "== crowded: one node with thousands of edges; frames, keys and the text export"
"$BUILD/bench/bench_crowded" || status=1
# --- end crowded nodes ---

exit $status
