/* Numbers as JSON text: shortest round-trip form, '.' in every locale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_number.h"

static void
expect_text(double v, const char *want)
{
	char buf[JSON_NUMBER_SIZE];

	json_format_number(v, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("%.17g came out as %s, wanted %s", v, buf, want);
}

static void
test_forms(void **state)
{
	(void)state;
	expect_text(0, "0");
	expect_text(-0.0, "-0");
	expect_text(1, "1");
	expect_text(5000.5, "5000.5");
	expect_text(0.1, "0.1");
	expect_text(1e-7, "1e-07");
	expect_text(-2.5, "-2.5");
	expect_text(1e12, "1000000000000");
	expect_text(123456789012345, "123456789012345");
	/* From 1e15 on, integers take the exponent form like any other double. */
	expect_text(1e15, "1e+15");
	expect_text(9007199254740993.0, "9007199254740992");
	expect_text(0.1 + 0.2, "0.30000000000000004");
	expect_text(1.0 / 3, "0.33333333333333331");
	expect_text(1e300, "1e+300");
	expect_text(5e-324, "4.94065645841247e-324");
	expect_text(INFINITY, "null");
	expect_text(NAN, "null");
}

/* Whatever the form, strtod reads back exactly the same double. */
static void
test_round_trip(void **state)
{
	uint64_t bits = 0x9e3779b97f4a7c15u;

	(void)state;
	for (int i = 0; i < 100000; i++) {
		char buf[JSON_NUMBER_SIZE];
		double v;

		bits ^= bits << 13;
		bits ^= bits >> 7;
		bits ^= bits << 17;
		memcpy(&v, &bits, sizeof v);
		if (!isfinite(v))
			continue;
		json_format_number(v, buf);
		assert_true(strlen(buf) < JSON_NUMBER_SIZE);
		if (strtod(buf, NULL) != v)
			fail_msg("%.17g came out as %s", v, buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests_name("json_number", tests, NULL, NULL);
}
