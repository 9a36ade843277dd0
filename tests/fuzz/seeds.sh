# fuzz_seeds NAME: the directories whose files seed harness NAME
# (tests/fuzz/fuzz_NAME.c): its own tests/fuzz/NAME/ -- hand-written
# seeds and every input that once broke it -- and the test data of the
# format it reads.  Sourced by scripts/fuzz.sh (make fuzz) and
# tests/run.sh (make test replays them all).
fuzz_seeds() {
	case $1 in
	json) echo "tests/fuzz/json templates tests/data/bad tests/data/critique tests/data/render tests/data/export" ;;
	dot) echo "tests/fuzz/dot tests/data/dot" ;;
	*) echo "tests/fuzz/$1" ;;
	esac
}
