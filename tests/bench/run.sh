#!/bin/sh
# make bench: every benchmark, printing figures (never pass/fail).  Run with
# NAPKIN (the binary) and BUILD (where build/bench/bench_* are).  Each
# benchmark has its own block below.
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}"
case $NAPKIN in /*) ;; *) NAPKIN=$PWD/$NAPKIN ;; esac
export NAPKIN NAPKIN_ROOT="$PWD"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/napkin-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# --- critique (tests/bench/bench_critique.c) ---
echo "== critique: load, critique_run, napkin check as a process, igraph baseline"
"$BUILD/bench/bench_critique" "$scratch"
# --- end critique ---

# --- interview mode (tests/bench/bench_interview.c) ---
echo "== interview: traffic, expectations, scorecard, napkin score as a process"
"$BUILD/bench/bench_interview" "$scratch"
# --- end interview ---
