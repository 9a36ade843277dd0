/* Deterministic pseudo-random numbers for tests (support_random.c). */
#ifndef NAPKIN_SUPPORT_RANDOM_H
#define NAPKIN_SUPPORT_RANDOM_H

#include <stdint.h>

void random_seed(uint64_t seed);
/* A number in [0, n); n > 0. */
uint32_t random_below(uint32_t n);

#endif
