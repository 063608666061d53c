/* test_personal.c - unit tests of the detection of BSNs, e-mail addresses and Dutch phone numbers, and of masking. */
#include "harness.h"

#include "mem.h"
#include "personal.h"

#include <stdlib.h>

static const char *
kind_name(enum personal_kind kind)
{
	switch (kind) {
	case PERSONAL_BSN:
		return "bsn";
	case PERSONAL_EMAIL:
		return "email";
	case PERSONAL_PHONE:
		return "phone";
	}
	return "?";
}

/* Checks the values found in text, written as "kind:value" joined by '|'
 * ("" for none). */
static void
finds(const char *text, const char *want)
{
	struct personal_values v = {0};
	personal_find(text, &v);
	struct buf got = {0};
	for (size_t i = 0; i < v.n; i++) {
		if (i > 0)
			buf_putc(&got, '|');
		buf_printf(&got, "%s:%.*s", kind_name(v.items[i].kind), (int)v.items[i].len,
			   text + v.items[i].start);
	}
	STR_EQ(buf_str(&got), want);
	buf_free(&got);
	personal_values_free(&v);
}

TEST(personal_bsn_eleven_test)
{
	CHECK(bsn_eleven_test("111222333"));
	CHECK(bsn_eleven_test("123456782"));
	CHECK(bsn_eleven_test("999999990")); /* 44·9 = 396 = 36·11 */
	CHECK(!bsn_eleven_test("123456789"));
	CHECK(!bsn_eleven_test("111222334"));
	CHECK(!bsn_eleven_test("000000000"));
	CHECK(!bsn_eleven_test("12345678a"));
	CHECK(!bsn_eleven_test("1234 5678"));
}

TEST(personal_bsn_found)
{
	finds("BSN 111222333.", "bsn:111222333");
	finds("bsn: 123456782", "bsn:123456782");
	finds("123.456.782", "bsn:123.456.782");
	finds("nummer 123 456 782 graag", "bsn:123 456 782");
	finds("1234 56 782", "bsn:1234 56 782");
	finds("(111222333)", "bsn:111222333");
	finds("tel:123456782;", "bsn:123456782");
	finds("bsn\xC2\xA0" "111\xC2\xA0" "222\xC2\xA0" "333", "bsn:111\xC2\xA0" "222\xC2\xA0" "333");
}

TEST(personal_bsn_near_misses)
{
	finds("123456789", "");           /* fails the eleven-test */
	finds("000000000", "");
	finds("000.000.000", "");
	finds("12345674", "");            /* 8 digits */
	finds("1234567820", "");          /* 10 digits, no leading 0 */
	finds("11122233312", "");
	finds("A123456782", "");          /* glued to a word */
	finds("123456782B", "");
	finds("nr123456782", "");
	finds("é123456782", "");
	finds("123456782ë", "");
	finds("123  456 782", "");        /* a double space splits it */
	finds("123,456,782", "");         /* commas do not join */
	finds("€ 123.456.782", "");       /* amounts */
	finds("€123456782", "");
	finds("€\xC2\xA0" "123456782", "");
	finds("$ 123456782 en £111222333", "");
	finds("123.456.782,00", "");
	finds("123.456.782,-", "");
	finds("0,123456782", "");
	finds("+123456782", "");          /* a '+' makes it international */
}

TEST(personal_emails_found)
{
	finds("Mail jan.jansen@gemeente-x.nl.", "email:jan.jansen@gemeente-x.nl");
	finds("Schrijf naar info@sociaalteam.nijmegen.nl of bel",
	      "email:info@sociaalteam.nijmegen.nl");
	finds("<a.b+c_d%e-f@x.co>", "email:a.b+c_d%e-f@x.co");
	finds("mailto:x@y.nl", "email:x@y.nl");
	finds("...jan@x.nl", "email:jan@x.nl");
	finds("a..jan@x.nl", "email:jan@x.nl");
	finds("jöran@bücher.de", "email:jöran@bücher.de");
	finds("een@twee.nl,drie@vier.nl", "email:een@twee.nl|email:drie@vier.nl");
	finds("jan@x.nl.123", "email:jan@x.nl");
}

TEST(personal_email_near_misses)
{
	finds("ik werk @home", "");
	finds("a@b", "");
	finds("a@b.c", "");
	finds("jan@localhost", "");
	finds("jan.@x.nl", "");
	finds("@x.nl", "");
	finds("jan@-x.nl", "");
	finds("jan@x-.nl", "");
	finds("jan@x.n1", "");
	finds("jan@x..nl", "");
	finds("jan@.nl", "");
	finds("...@x.nl", "");
	finds("++@x.nl", "");
	finds("twitter: @gemeente.nl", "");
}

TEST(personal_phones_found)
{
	finds("0612345678", "phone:0612345678");
	finds("Bel 06-12345678.", "phone:06-12345678");
	finds("Bel 06 1234 5678 of", "phone:06 1234 5678");
	finds("06.12.34.56.78", "phone:06.12.34.56.78");
	finds("020-1234567", "phone:020-1234567");
	finds("024 123 45 67", "phone:024 123 45 67");
	finds("+31 6 12345678", "phone:+31 6 12345678");
	finds("+31612345678", "phone:+31612345678");
	finds("+31 (0)20 1234567", "phone:+31 (0)20 1234567");
	finds("+31 (0) 20 123 4567", "phone:+31 (0) 20 123 4567");
	finds("+31(0)6-12345678", "phone:+31(0)6-12345678");
	finds("0031 6 12345678", "phone:0031 6 12345678");
	finds("0031 (0)20 1234567", "phone:0031 (0)20 1234567");
	finds("tel.0612345678", "phone:0612345678");
	finds("+31 06 12345678", "phone:+31 06 12345678"); /* the trunk 0 kept */
	finds("+31 020 1234567", "phone:+31 020 1234567");
}

TEST(personal_phone_near_misses)
{
	finds("061234567", "");         /* 9 digits, fails the eleven-test */
	finds("06123456789", "");       /* 11 digits */
	finds("0012345678", "");        /* 00: international access */
	finds("+32 6 12345678", "");    /* Belgium */
	finds("+31 6 1234567", "");
	finds("+31 6 123456789", "");
	finds("+31 00 12345678", "");
	finds("020 (0)1234567", "");    /* "(0)" only after +31 */
	finds("+31 (0)(0)6 12345678", ""); /* "(0)" once; "6 12345678" fails 11 */
	finds("06-12345678x", "");
	finds("12.03.2024", "");        /* a date */
	finds("op 01-02-2024 om 10.30 uur", "");
	finds("€ 1.250", "");           /* an amount */
	finds("€ 1.250.000,-", "");
	finds("in 2024", "");           /* a year */
	finds("6511 AB Nijmegen", "");  /* postcodes */
	finds("6511AB", "");
	finds("versie 2.3.5", "");
}

TEST(personal_several_values_in_text_order)
{
	finds("0612345678 0201234567", "phone:0612345678|phone:0201234567");
	finds("01-02-2024 0612345678", "phone:0612345678");
	finds("0612345678 9", "phone:0612345678");
	finds("BSN 111222333, tel 0612345678, mail a@bc.nl",
	      "bsn:111222333|phone:0612345678|email:a@bc.nl");
	finds("mail a@bc.nl, tel +31 6 12345678, BSN 123.456.782",
	      "email:a@bc.nl|phone:+31 6 12345678|bsn:123.456.782");
	finds("0612345678@sms.nl", "email:0612345678@sms.nl");
	finds("jan123456782@x.nl 111222333", "email:jan123456782@x.nl|bsn:111222333");
}

TEST(personal_many_groups)
{
	struct buf text = {0};
	for (int i = 0; i < 40; i++)
		buf_puts(&text, "1 ");
	buf_puts(&text, "0612345678 en 2 2 111222333");
	struct personal_values v = {0};
	personal_find(buf_str(&text), &v);
	INT_EQ(v.n, 2);
	if (v.n == 2) {
		INT_EQ(v.items[0].kind, PERSONAL_PHONE);
		INT_EQ(v.items[0].start, 80);
		INT_EQ(v.items[0].len, 10);
		INT_EQ(v.items[1].kind, PERSONAL_BSN);
		INT_EQ(v.items[1].len, 9);
	}
	/* The same struct is reused: the values are replaced. */
	personal_find("niets hier", &v);
	INT_EQ(v.n, 0);
	personal_values_free(&v);
	buf_free(&text);
}

static void
masks(const char *value, const char *want)
{
	struct buf b = {0};
	personal_mask(value, strlen(value), &b);
	STR_EQ(buf_str(&b), want);
	buf_free(&b);
}

TEST(personal_masking_keeps_last_two_characters)
{
	masks("0612345678", "********78");
	masks("06 1234 5678", "**********78");
	masks("jan@x.nl", "******nl");
	masks("+31 (0)20 1234567", "***************67");
	masks("jöran@bücher.dé", "*************dé");
	masks("abc", "*bc");
	masks("ab", "**");
	masks("é", "*");
	masks("", "");
	masks("ab\xFF" "cd", "***cd");
	struct buf b = {0};
	buf_puts(&b, "waarde ");
	personal_mask("111222333", 9, &b);
	STR_EQ(buf_str(&b), "waarde *******33");
	buf_free(&b);
}
