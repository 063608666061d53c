/* personal.h - finds personal data in a text (BSNs, e-mail addresses, Dutch phone numbers; rule K012) and masks a value so it is never shown in full. Included by: check.c, cmd_chain.c, compare.c, diag.c, diag_print.c, render_text.c, report_summary.c, rules_text.c, tests/unit/. */
#ifndef KETEN_PERSONAL_H
#define KETEN_PERSONAL_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/*
 * The detection rules, exactly:
 *
 * E-mail address: local@domain, where
 *   - local is the longest run before the '@' of ASCII letters and digits,
 *     non-ASCII letters and . _ % + -, cut after any ".." and without
 *     leading dots; it must not end in '.' and must hold a letter or digit;
 *   - domain is one or more labels and a top-level domain joined by single
 *     dots; a label is 1..63 letters, digits and '-' that neither starts
 *     nor ends with '-'; the top-level domain is a label of at least 2
 *     letters and nothing else. The address ends after the last label that
 *     can be the top-level domain: a dot after it ends the sentence, and
 *     "jan@x.nl.123" gives "jan@x.nl".
 *   So "@home", "a@b", "a@b.c" and "a.@b.nl" are no addresses.
 *
 * Numbers: a candidate is a maximal sequence of groups of ASCII digits
 * joined by single separators (' ', '.', '-' or U+00A0), optionally led by
 * '+'. Right after a leading "+31" or "0031" the trunk zero may be written
 * as "(0)", with or without a single separator on either side ("+31 (0)20
 * 123 4567"). A candidate counts only when
 *   - it touches no letter or digit (readability.h's letter_or_digit) on
 *     either side, and
 *   - it is no amount or decimal: not preceded by '€', '$' or '£' (with at
 *     most one space or U+00A0 between), nor joined by ',' to a digit on
 *     either side, nor followed by ",-".
 * Its digits (the "(0)" left out) are then classified:
 *   - phone: with "+31" or "0031" before it, the rest is 9 digits not
 *     starting with 0 (+31 6 12345678, 0031 20 1234567) or, with the trunk
 *     zero written out by mistake, a national number (+31 06 12345678);
 *     otherwise exactly 10 digits, the first 0 and the second not 0
 *     (0612345678, 020-1234567);
 *   - BSN: exactly 9 digits (no '+', no "(0)") passing bsn_eleven_test.
 * A candidate whose digits are neither is cut at its separators: from its
 * first group on, the longest run of whole groups that is a phone or a BSN
 * is reported and the search goes on after it; where no run fits, it goes
 * on at the next group. So "0612345678 0201234567" gives two phones and
 * "01-02-2024 0612345678" one. A date (12.03.2024: 8 digits), a year, an
 * amount (€ 1.250), a postcode (6511 AB: 4 digits) or a 9-digit number
 * starting with 0 that fails the eleven-test never fires. A candidate that
 * overlaps an e-mail address is left to the address.
 */

enum personal_kind {
	PERSONAL_BSN,
	PERSONAL_EMAIL,
	PERSONAL_PHONE,
};

/* One value found: its kind and where it is (bytes into the text). */
struct personal_value {
	enum personal_kind kind;
	size_t start;
	size_t len;
};

/* The values found in one text, in text order. Start with `= {0}`; reuse
 * it for many texts; personal_values_free releases it. */
struct personal_values {
	struct personal_value *items;
	size_t n;
	size_t cap;
};

/* Finds the personal data in the NUL-terminated UTF-8 text; replaces what
 * *out held. Allocates only to grow out->items (and for a candidate of more
 * than 32 digit groups). */
void personal_find(const char *text, struct personal_values *out);

void personal_values_free(struct personal_values *values);

/* The BSN eleven-test on nine ASCII digits: 9·d1 + 8·d2 + … + 2·d8 − d9
 * is divisible by 11 and not all digits are 0. False for a non-digit. */
bool bsn_eleven_test(const char digits[9]);

/* Appends value[0..len) to out with every UTF-8 character except the last
 * two replaced by one '*' ("0612345678" -> "********78"); a value of at
 * most two characters becomes all '*', so no value is ever shown in full.
 * Invalid bytes count as one character each. */
void personal_mask(const char *value, size_t len, struct buf *out);

/* A copy of text with every value personal_find finds in it masked by
 * personal_mask, or NULL when it holds none. Every message keten shows
 * passes through this, so a value never appears in full in any output. */
char *personal_masked_copy(const char *text);

#endif
