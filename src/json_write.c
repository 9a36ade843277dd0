/* JSON string literals, shared by every writer of JSON text. */
#include "json_write.h"

#include <cJSON.h>

#include "json_number.h"

size_t
json_escape(const char *s, size_t span, char buf[8])
{
	static const char simple[] = "\"\"\\\\\nn\tt\rr\bb\ff";
	unsigned char c = (unsigned char)s[0];

	if (span == 2)
		return (size_t)snprintf(buf, 8, "\\u%04x", (unsigned char)s[1]);
	for (size_t i = 0; i + 1 < sizeof simple; i += 2) {
		if ((unsigned char)simple[i] == c) {
			buf[0] = '\\';
			buf[1] = simple[i + 1];
			buf[2] = '\0';
			return 2;
		}
	}
	return (size_t)snprintf(buf, 8, "\\u%04x", c);
}

void
json_write_string(FILE *out, const char *s)
{
	char escape[8];

	fputc('"', out);
	while (*s != '\0') {
		size_t run = 0, span;

		/* Bytes that stand for themselves go out a run at a time, not a call each. */
		while (s[run] != '\0' && json_escape_span(s + run) == 0)
			run++;
		fwrite(s, 1, run, out);
		s += run;
		if (*s != '\0') {
			span = json_escape_span(s);
			fwrite(escape, 1, json_escape(s, span, escape), out);
			s += span;
		}
	}
	fputc('"', out);
}

void
json_write_value(FILE *out, const cJSON *v)
{
	char number[JSON_NUMBER_SIZE];

	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		bool object = cJSON_IsObject(v);

		fputc(object ? '{' : '[', out);
		for (const cJSON *c = v->child; c != NULL; c = c->next) {
			if (c != v->child)
				fputc(',', out);
			if (object) {
				json_write_string(out, c->string);
				fputc(':', out);
			}
			json_write_value(out, c);
		}
		fputc(object ? '}' : ']', out);
	} else if (cJSON_IsString(v)) {
		json_write_string(out, v->valuestring);
	} else if (cJSON_IsNumber(v)) {
		json_format_number(v->valuedouble, number);
		fputs(number, out);
	} else if (cJSON_IsBool(v)) {
		fputs(cJSON_IsTrue(v) ? "true" : "false", out);
	} else {
		fputs("null", out);
	}
}
