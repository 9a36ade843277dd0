#!/bin/sh
# make bench: every benchmark napkin has, each in its own block.  Run with
# NAPKIN (the binary) and BUILD (where build/bench/bench_* are).
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}"

# --- whiteboard rendering (tests/bench/bench_render.c) ---
if [ -x "$BUILD/bench/bench_render" ]; then
	"$BUILD/bench/bench_render" || exit 1
fi
# --- end whiteboard rendering ---
