/*
 * Kind guessing; see kind_guess.h.
 *
 * A word matches a table word when it is that word or its plural, or, for
 * table words of five letters or more, when it starts with it ("postgresql"
 * starts with "postgres").  A whole match beats a prefix match, and among
 * prefix matches the longest table word wins.  Words are matched against
 * every kind's list at each use: a few hundred short comparisons a word,
 * no state to set up.
 */
#include "kind_guess.h"

#include <ctype.h>
#include <string.h>

#define WORD_MAX 64
#define PREFIX_MIN 5

enum strength { NO_MATCH, PREFIX_MATCH, WHOLE_MATCH };

/* How word (lower case, len bytes) matches the table word entry[0..n). */
static enum strength
match(const char *word, size_t len, const char *entry, size_t n)
{
	if (len == n && memcmp(word, entry, n) == 0)
		return WHOLE_MATCH;
	if (len == n + 1 && word[n] == 's' && memcmp(word, entry, n) == 0)
		return WHOLE_MATCH;
	if (len == n + 2 && word[n] == 'e' && word[n + 1] == 's' && memcmp(word, entry, n) == 0)
		return WHOLE_MATCH;
	if (n >= PREFIX_MIN && len > n && memcmp(word, entry, n) == 0)
		return PREFIX_MATCH;
	return NO_MATCH;
}

/* The kind whose table words match word best; false when none does. */
static bool
guess_word(const char *word, size_t len, enum node_kind *kind)
{
	enum strength best = NO_MATCH;
	size_t best_len = 0;

	for (int k = 0; k < KIND_COUNT; k++) {
		const char *list = kind_info((enum node_kind)k)->import_words;

		while (*list != '\0') {
			size_t n = strcspn(list, " ");
			enum strength s = match(word, len, list, n);

			if (s > best || (s == best && s == PREFIX_MATCH && n > best_len)) {
				best = s;
				best_len = n;
				*kind = (enum node_kind)k;
			}
			list += n;
			list += strspn(list, " ");
		}
	}
	return best != NO_MATCH;
}

/* Match the lower-cased word; failing that, its CamelCase parts, the last part that matches. */
static bool
guess_token(const char *token, size_t len, enum node_kind *kind)
{
	char lower[WORD_MAX];
	bool found = false;
	size_t start = 0;

	if (len >= WORD_MAX)
		len = WORD_MAX - 1;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)token[i]);
	if (guess_word(lower, len, kind))
		return true;
	/* A part ends before an upper-case letter that follows a lower-case
	 * one, or that starts a lower-case run after capitals ("HTTPServer"). */
	for (size_t i = 1; i <= len; i++) {
		bool cut = i == len ||
		    (isupper((unsigned char)token[i]) && islower((unsigned char)token[i - 1])) ||
		    (i + 1 < len && isupper((unsigned char)token[i]) && isupper((unsigned char)token[i - 1]) &&
		     islower((unsigned char)token[i + 1]));

		if (!cut)
			continue;
		if (i - start < len && guess_word(lower + start, i - start, kind))
			found = true;
		start = i;
	}
	return found;
}

bool
kind_guess(const char *text, enum node_kind *kind)
{
	bool found = false;

	while (*text != '\0') {
		size_t len = 0;

		while (*text != '\0' && !isalnum((unsigned char)*text))
			text++;
		while (isalnum((unsigned char)text[len]))
			len++;
		if (len > 0 && guess_token(text, len, kind))
			found = true;
		text += len;
	}
	return found;
}
