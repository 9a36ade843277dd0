/* Guessing kinds from words: the mapping docs/export.md documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind_guess.h"
#include "support_awkward.h"
#include "xalloc.h"

static void
expect(const char *text, const char *kind)
{
	enum node_kind k = KIND_EXTERNAL;

	if (!kind_guess(text, &k))
		fail_msg("\"%s\" matched nothing; expected %s", text, kind);
	if (strcmp(kind_name(k), kind) != 0)
		fail_msg("\"%s\" is a %s; expected %s", text, kind_name(k), kind);
}

static void
test_the_issue_examples(void **state)
{
	static const char *const cases[][2] = {
		{ "redis", "cache" }, { "memcached", "cache" },
		{ "postgres", "db" }, { "mysql", "db" }, { "mongo", "db" }, { "cassandra", "db" },
		{ "dynamo", "db" }, { "cylinder", "db" },
		{ "kafka", "broker" }, { "rabbitmq", "broker" }, { "sqs", "broker" }, { "pubsub", "broker" },
		{ "nats", "broker" },
		{ "nginx", "lb" }, { "haproxy", "lb" }, { "elb", "lb" }, { "alb", "lb" },
		{ "s3", "storage" }, { "gcs", "storage" }, { "blob", "storage" }, { "bucket", "storage" },
		{ "cdn", "cdn" }, { "cloudfront", "cdn" },
		{ "user", "client" }, { "browser", "client" }, { "mobile", "client" }, { "client", "client" },
		{ "lambda", "function" }, { "function", "function" },
		{ "worker", "worker" }, { "consumer", "worker" }, { "celery", "worker" },
		{ "api gateway", "gateway" }, { "stripe", "external" }, { "service", "service" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect(cases[i][0], cases[i][1]);
}

static void
test_word_forms(void **state)
{
	enum node_kind k = KIND_CDN;

	(void)state;
	expect("PostgreSQL 16", "db");		/* prefix of a long word */
	expect("Redis7", "cache");
	expect("DynamoDB", "db");
	expect("users", "client");		/* plural */
	expect("Order Queues", "broker");
	expect("UserService", "service");	/* CamelCase parts, last wins */
	expect("HTTPServer", "service");
	expect("user-db", "db");		/* the last matching word decides */
	expect("kafka-consumer", "worker");
	expect("/x/aws/storage/simple-storage-service-s3.png", "storage");
	expect("/x/onprem/inmemory/redis.png", "cache");
	expect("serverless thumbnails", "function");	/* a whole word beats a prefix */
	/* Short words only match whole: "album" is not an alb, "nat" not nats. */
	assert_false(kind_guess("album", &k));
	expect("nat gateway", "gateway");
	assert_false(kind_guess("something else", &k));
	assert_false(kind_guess("", &k));
	assert_int_equal(k, KIND_CDN);	/* untouched when nothing matches */
}

/* docs/export.md lists every kind's words exactly as the kind table has them. */
static void
test_documented_words_are_the_table(void **state)
{
	char *path = awkward_path("docs/export.md"), *doc = awkward_read_file(path, NULL);

	(void)state;
	assert_non_null(doc);
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct kind_info *info = kind_info((enum node_kind)k);
		char *row = xasprintf("\n| `%s` | %s |\n", info->name, info->import_words);

		if (strstr(doc, row) == NULL)
			fail_msg("docs/export.md lacks the row%s", row);
		free(row);
	}
	free(doc);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_issue_examples),
		cmocka_unit_test(test_word_forms),
		cmocka_unit_test(test_documented_words_are_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
