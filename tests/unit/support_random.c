/* A seeded generator for tests that build random graphs: the same numbers on every run. */
#include "support_random.h"

static uint64_t state = 42;

void
random_seed(uint64_t seed)
{
	state = seed;
}

uint32_t
random_below(uint32_t n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;	/* Knuth's MMIX LCG */
	return (uint32_t)((state >> 33) % n);
}
