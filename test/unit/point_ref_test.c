/*
 * point_ref_test.c
 *		Unit tests of point_ref_core.c: the parser (accepted forms, canonical
 *		text, each error), the order, ancestry, depth, parent and the subtree
 *		bounds: point_ref_subtree_last (inclusive) and point_ref_subtree_upper
 *		(exclusive), at the extremes of length, depth and number.  Against
 *		every value of small text limits: point_ref_limits_test.c.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "point_ref_core.h"
#include "unit.h"

static const struct
{
	const char *in;
	const char *canonical;
}			good[] =
{
	{"1", "1"},
	{"42-1", "42-1"},
	{"66-3", "66-3"},
	{"5)", "5)"},
	{"1.42-1.5)", "1.42-1.5)"},
	{" 1 . 42 - 1 . 5 ) ", "1.42-1.5)"},
	{"42.", "42"},
	{"5).", "5)"},
	{"1.2.3.4.5.6.7.8.9.10", "1.2.3.4.5.6.7.8.9.10"},
	{"1-2-3-4", "1-2-3-4"},
	{"99999999", "99999999"},
	{"127.128.16383.16384.2097151.2097152", "127.128.16383.16384.2097151.2097152"},
	{"42\xE2\x80\x93" "1", "42-1"},			/* en dash */
	{"тармақ 42-1", "42-1"},
	{"42-1-тармақ", "42-1"},
	{"42-1-ТАРМАҒЫ", "42-1"},
	{"5) тармақша", "5)"},
	{"5) тармақшасы", "5)"},
	{"тармак 42-1", "42-1"},	/* Kazakh fallback letters (WIN1251) */
	{"5) тармакшасы", "5)"},
	{"42-1-тармагы", "42-1"},
	{"Тармақша 5)", "5)"},
	{"пункт 42-1", "42-1"},
	{"Пункт 42-1", "42-1"},
	{"подпункт 5)", "5)"},
	{"п. 42-1", "42-1"},
	{"п.42-1", "42-1"},
	{"пп. 5)", "5)"},
	{"П 4", "4"},
	{"point 13", "13"},
	{"п. 1.42-1.5) тармақша", "1.42-1.5)"},
	{"\t75-1\n", "75-1"},
};

static const struct
{
	const char *in;
	IcPointRefError err;
}			bad[] =
{
	{"", IC_PR_EMPTY},
	{"   ", IC_PR_EMPTY},
	{"пункт", IC_PR_EMPTY},
	{"п.", IC_PR_EMPTY},
	{"0", IC_PR_LEADING_ZERO},
	{"05", IC_PR_LEADING_ZERO},
	{"1.0", IC_PR_LEADING_ZERO},
	{"42-0", IC_PR_LEADING_ZERO},
	{"100000000", IC_PR_NUMBER_TOO_LARGE},
	{"99999999999999999999", IC_PR_NUMBER_TOO_LARGE},
	{"1..2", IC_PR_EMPTY_SEGMENT},
	{".5", IC_PR_EMPTY_SEGMENT},
	{"5..", IC_PR_EMPTY_SEGMENT},
	{".", IC_PR_EMPTY_SEGMENT},
	{"42-", IC_PR_MISSING_NUMBER},
	{"-1", IC_PR_MISSING_NUMBER},
	{"42--1", IC_PR_MISSING_NUMBER},
	{")", IC_PR_MISSING_NUMBER},
	{"42-.1", IC_PR_MISSING_NUMBER},
	{"1.)", IC_PR_MISSING_NUMBER},
	{"5))", IC_PR_MISPLACED_PAREN},
	{"5)1", IC_PR_MISPLACED_PAREN},
	{"5)-1", IC_PR_MISPLACED_PAREN},
	{"4 2", IC_PR_SPACE_IN_NUMBER},
	{"1. 4 2", IC_PR_SPACE_IN_NUMBER},
	{"42a", IC_PR_BAD_CHAR},
	{"а", IC_PR_BAD_CHAR},
	{"1,2", IC_PR_BAD_CHAR},
	{"1/2", IC_PR_BAD_CHAR},
	{"(5)", IC_PR_BAD_CHAR},
	{"+1", IC_PR_BAD_CHAR},
	{"42 п.", IC_PR_BAD_CHAR},
	{"пунктт 4", IC_PR_BAD_CHAR},
	{"1\xE2\x80\x94" "2", IC_PR_BAD_CHAR},	/* em dash is not a hyphen */
	{"\xFF", IC_PR_BAD_UTF8},
	{"4\xC0\xB2", IC_PR_BAD_UTF8},
};

/* The decree's own point numbers, in their natural order. */
static const char *const decree_points[] = {
	"4", "13", "14", "20", "21", "24", "30", "30-1", "33", "37", "42", "42-1", "43-1",
	"47", "48", "48-1", "50", "51", "56", "57", "59", "66-1", "66-2", "66-3", "67",
	"69", "70", "72", "74", "74-1", "75", "75-1", "76", "76-1", "77", "79", "80", "80-1"
};

static const char *const ordered[] = {
	"4", "5", "5.1", "5.1)", "5.2", "5.2-1", "5.10", "5)", "5).1", "5-1", "5-1.1)", "5-1)",
	"5-1-1", "5-2", "6", "13", "42", "42.1", "42.2)", "42)", "42-1", "42-1.5)", "42-2", "43",
	"100", "127", "128", "1000", "16383", "16384", "2097151", "2097152", "99999999"
};

typedef struct
{
	uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
	size_t		len;
}			Ref;

static Ref
parse(const char *s)
{
	Ref			r;
	IcPointRefError err;

	r.len = ic_point_ref_parse(s, strlen(s), r.enc, &err, NULL);
	if (r.len == 0)
	{
		fprintf(stderr, "cannot parse \"%s\"\n", s);
		exit(2);
	}
	return r;
}

static const char *
text(const uint8_t *enc, size_t len)
{
	static char buf[4 * IC_POINT_REF_MAX_ENCODED + 1];

	return ic_point_ref_format(enc, len, buf, sizeof(buf)) ? buf : "(unformattable)";
}

/*
 * A long point number written as head + n times unit + tail, so the table
 * below can say "1.1. ... .1.10" (1024 bytes) in one line.
 */
typedef struct
{
	const char *head;
	const char *unit;
	int			n;
	const char *tail;
}			Spec;

static char *
build(Spec sp, char *buf, size_t cap)
{
	size_t		o = 0;

	buf[0] = '\0';
	if (sp.head == NULL)
		return NULL;
	o += (size_t) snprintf(buf + o, cap - o, "%s", sp.head);
	for (int i = 0; i < sp.n && o < cap; i++)
		o += (size_t) snprintf(buf + o, cap - o, "%s", sp.unit);
	if (o < cap)
		snprintf(buf + o, cap - o, "%s", sp.tail);
	return buf;
}

#define MAXREF	"99999999", "-99999999", 112, "-9999999"	/* the greatest value, 1024 bytes */

/*
 * The subtree bounds at the extremes.  upper.head NULL: no upper bound.
 * The old bound ("p)" or "p-1", one byte longer than p) did not parse back
 * for the 1024-byte values here.
 */
static const struct
{
	const char *what;
	Spec		p;
	Spec		upper;
	Spec		last;
}			bounds[] =
{
	{"short plain", {"42", "", 0, ""}, {"42)", "", 0, ""}, {"42.99999999", "-99999999", 112, "-9999"}},
	{"short paren", {"42)", "", 0, ""}, {"42-1", "", 0, ""}, {"42).99999999", "-99999999", 112, "-999"}},
	{"suffix form", {"1.42-1.5)", "", 0, ""}, {"1.42-1.5-1", "", 0, ""},
	{"1.42-1.5).99999999", "-99999999", 111, "-999999"}},
	{"largest number", {"99999999", "", 0, ""}, {"99999999)", "", 0, ""},
	{"99999999.99999999", "-99999999", 111, "-9999999"}},
	{"largest number)", {"99999999)", "", 0, ""}, {"99999999-1", "", 0, ""},
	{"99999999).99999999", "-99999999", 111, "-999999"}},
	{"deepest, 1023 bytes", {"", "1.", 511, "1"}, {"", "1.", 511, "1)"}, {"", "1.", 511, "1"}},
	{"1022 bytes, one sub-point fits", {"", "1.", 510, "1)"}, {"", "1.", 510, "1-1"},
	{"", "1.", 510, "1).9"}},
	{"1023 bytes, one sub-point fits", {"", "1.", 510, "10"}, {"", "1.", 510, "10)"},
	{"", "1.", 510, "10.9"}},
	{"longest plain", {"", "1.", 511, "10"}, {"", "1.", 511, "11"}, {"", "1.", 511, "10"}},
	{"longest with )", {"", "1.", 511, "1)"}, {"", "1.", 511, "2"}, {"", "1.", 511, "1)"}},
	{"longest, next number longer", {"", "9.", 511, "99"}, {"", "9.", 510, "9)"}, {"", "9.", 511, "99"}},
	{"longest, largest numbers", {"", "1.", 503, "99999999-99999999)"}, {"", "1.", 502, "1)"},
	{"", "1.", 503, "99999999-99999999)"}},
	{"longest, 999999) -> 1000000", {"99999999", "-99999999", 112, "-999999)"},
	{"99999999", "-99999999", 112, "-1000000"}, {"99999999", "-99999999", 112, "-999999)"}},
	{"before the greatest", {"99999999", "-99999999", 112, "-9999998"}, {MAXREF},
	{"99999999", "-99999999", 112, "-9999998"}},
	{"the greatest value", {MAXREF}, {NULL, NULL, 0, NULL}, {MAXREF}},
};

/*
 * The property the SQL operators rely on, for p among refs: the bounds are
 * valid values whose canonical text parses back to the same bytes, upper is
 * a strict upper bound and no sub-point, and for every r,
 * p @> r  <=>  p <= r <= last  <=>  p <= r < upper.
 */
static void
check_bounds(const char *what, const Ref *p, const Ref *refs, size_t nrefs)
{
	uint8_t		up[IC_POINT_REF_MAX_ENCODED];
	uint8_t		last[IC_POINT_REF_MAX_ENCODED];
	size_t		ul = ic_point_ref_subtree_upper(p->enc, p->len, up);
	size_t		ll = ic_point_ref_subtree_last(p->enc, p->len, last);
	static char buf[4 * IC_POINT_REF_MAX_ENCODED + 1];
	uint8_t		again[IC_POINT_REF_MAX_ENCODED];
	IcPointRefError err;
	size_t		tl;
	size_t		al;
	int			bad = 0;

	tl = ic_point_ref_format(last, ll, buf, sizeof(buf));
	al = tl ? ic_point_ref_parse(buf, tl, again, &err, NULL) : 0;
	CHECK(ic_point_ref_valid(last, ll) && tl > 0 && tl <= IC_POINT_REF_MAX_TEXT &&
		  al == ll && memcmp(again, last, ll) == 0,
		  "%s: last does not parse back (%zu bytes of text)", what, tl);
	CHECK(ic_point_ref_contains(p->enc, p->len, last, ll), "%s: last is in the subtree", what);
	if (ul > 0)
	{
		tl = ic_point_ref_format(up, ul, buf, sizeof(buf));
		al = tl ? ic_point_ref_parse(buf, tl, again, &err, NULL) : 0;
		CHECK(ic_point_ref_valid(up, ul) && tl > 0 && tl <= IC_POINT_REF_MAX_TEXT &&
			  al == ul && memcmp(again, up, ul) == 0,
			  "%s: upper does not parse back (%zu bytes of text)", what, tl);
		CHECK(ic_point_ref_cmp(p->enc, p->len, up, ul) < 0 &&
			  ic_point_ref_cmp(last, ll, up, ul) < 0 &&
			  !ic_point_ref_contains(p->enc, p->len, up, ul),
			  "%s: upper is after the subtree and not in it", what);
	}
	for (size_t j = 0; j < nrefs; j++)
	{
		const Ref  *r = &refs[j];
		bool		in = ic_point_ref_contains(p->enc, p->len, r->enc, r->len);
		bool		ge = ic_point_ref_cmp(r->enc, r->len, p->enc, p->len) >= 0;

		if (in != (ge && ic_point_ref_cmp(r->enc, r->len, last, ll) <= 0))
			bad++;
		if (ul > 0 && in != (ge && ic_point_ref_cmp(r->enc, r->len, up, ul) < 0))
			bad++;
	}
	CHECK(bad == 0, "%s: the ranges disagree with @> on %d values", what, bad);
}

int
main(void)
{
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
	{
		uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
		IcPointRefError err = IC_PR_OK;
		size_t		len = ic_point_ref_parse(good[i].in, strlen(good[i].in), enc, &err, NULL);

		CHECK(len > 0 && err == IC_PR_OK, "parse(\"%s\") failed: %s", good[i].in,
			  ic_point_ref_error_detail(err));
		if (len == 0)
			continue;
		CHECK(ic_point_ref_valid(enc, len), "encoding of \"%s\" valid", good[i].in);
		CHECK(strcmp(text(enc, len), good[i].canonical) == 0, "format(parse(\"%s\")) = \"%s\", expected \"%s\"",
			  good[i].in, text(enc, len), good[i].canonical);
		/* the encoding is at most one byte longer than the text */
		CHECK(len <= strlen(good[i].in) + 1, "encoding of \"%s\" is short", good[i].in);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
		IcPointRefError err = IC_PR_OK;
		size_t		len = ic_point_ref_parse(bad[i].in, strlen(bad[i].in), enc, &err, NULL);

		CHECK(len == 0 && err == bad[i].err, "parse(\"%s\"): error %d, expected %d", bad[i].in,
			  (int) err, (int) bad[i].err);
		CHECK(strlen(ic_point_ref_error_detail(err)) > 0, "detail for %d", (int) err);
	}
	/* the character named in an error */
	{
		uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
		IcPointRefError err;
		uint32_t	badc = 0;

		CHECK(ic_point_ref_parse("42Ә", 4, enc, &err, &badc) == 0 && err == IC_PR_BAD_CHAR &&
			  badc == 0x04D8, "bad character reported as written: U+%04X", (unsigned) badc);
		CHECK(ic_point_ref_parse(" П 4 2ЖҚ", strlen(" П 4 2ЖҚ"), enc, &err, &badc) == 0 &&
			  err == IC_PR_SPACE_IN_NUMBER, "space in number before the bad character");
		CHECK(ic_point_ref_parse(" П. 42 Ж", strlen(" П. 42 Ж"), enc, &err, &badc) == 0 &&
			  err == IC_PR_BAD_CHAR && badc == 0x0416, "Ж after the word and spaces: U+%04X", (unsigned) badc);
		CHECK(ic_point_ref_parse("IV", 2, enc, &err, &badc) == 0 && badc == 'I', "I as written");
	}
	/* too long */
	{
		static char longin[IC_POINT_REF_MAX_INPUT + 2];
		uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
		IcPointRefError err;

		/* "1.1.1. ... .1." : 512 segments and a final '.', 1024 bytes */
		for (size_t i = 0; i < IC_POINT_REF_MAX_INPUT; i++)
			longin[i] = (i % 2 == 0) ? '1' : '.';
		CHECK(ic_point_ref_parse(longin, IC_POINT_REF_MAX_INPUT, enc, &err, NULL) == 1024,
			  "1024 bytes parse");
		CHECK(ic_point_ref_depth(enc, 1024) == 512, "512 segments");
		longin[IC_POINT_REF_MAX_INPUT] = ' ';
		CHECK(ic_point_ref_parse(longin, IC_POINT_REF_MAX_INPUT + 1, enc, &err, NULL) == 0 &&
			  err == IC_PR_TOO_LONG, "1025 bytes are too long");
	}

	/* the natural order, pairwise */
	for (size_t i = 0; i < sizeof(ordered) / sizeof(ordered[0]); i++)
	{
		Ref			a = parse(ordered[i]);

		for (size_t j = 0; j < sizeof(ordered) / sizeof(ordered[0]); j++)
		{
			Ref			b = parse(ordered[j]);
			int			c = ic_point_ref_cmp(a.enc, a.len, b.enc, b.len);
			int			want = i < j ? -1 : (i > j ? 1 : 0);

			if (c != want)
				CHECK(false, "cmp(%s, %s) = %d, expected %d", ordered[i], ordered[j], c, want);
		}
	}
	CHECK(true, "order of %zu values, pairwise", sizeof(ordered) / sizeof(ordered[0]));
	for (size_t i = 1; i < sizeof(decree_points) / sizeof(decree_points[0]); i++)
	{
		Ref			a = parse(decree_points[i - 1]);
		Ref			b = parse(decree_points[i]);

		CHECK(ic_point_ref_cmp(a.enc, a.len, b.enc, b.len) < 0, "%s < %s", decree_points[i - 1],
			  decree_points[i]);
	}

	/* ancestry, depth, parent */
	{
		static const struct
		{
			const char *a;
			const char *b;
			bool		contains;
		}			anc[] =
		{
			{"1", "1", true}, {"1", "1.42", true}, {"1", "1.42-1.5)", true},
			{"1.42-1", "1.42-1.5)", true}, {"5)", "5).1", true},
			{"1", "1-1", false}, {"1", "1)", false}, {"1", "10", false}, {"1", "10.1", false},
			{"1.42", "1", false}, {"1.42", "1.42-1", false}, {"5", "5).1", false},
			{"1.2", "1.2)", false}, {"127", "127.1", true}, {"128", "128.1", true},
			{"128", "1.28", false},
		};

		for (size_t i = 0; i < sizeof(anc) / sizeof(anc[0]); i++)
		{
			Ref			a = parse(anc[i].a);
			Ref			b = parse(anc[i].b);

			CHECK(ic_point_ref_contains(a.enc, a.len, b.enc, b.len) == anc[i].contains,
				  "%s @> %s should be %d", anc[i].a, anc[i].b, (int) anc[i].contains);
		}
	}
	{
		static const struct
		{
			const char *p;
			int			depth;
			const char *parent;	/* NULL: none */
			const char *upper;
		}			tree[] =
		{
			{"42", 1, NULL, "42)"},
			{"42)", 1, NULL, "42-1"},
			{"42-1", 1, NULL, "42-1)"},
			{"1.42-1", 2, "1", "1.42-1)"},
			{"1.42-1.5)", 3, "1.42-1", "1.42-1.5-1"},
			{"16384.2097152", 2, "16384", "16384.2097152)"},
			{"99999999)", 1, NULL, "99999999-1"},
		};

		for (size_t i = 0; i < sizeof(tree) / sizeof(tree[0]); i++)
		{
			Ref			p = parse(tree[i].p);
			size_t		pl = ic_point_ref_parent_len(p.enc, p.len);
			uint8_t		up[IC_POINT_REF_MAX_ENCODED + 1];
			size_t		ul = ic_point_ref_subtree_upper(p.enc, p.len, up);

			CHECK(ic_point_ref_depth(p.enc, p.len) == tree[i].depth, "depth(%s)", tree[i].p);
			if (tree[i].parent == NULL)
				CHECK(pl == 0, "parent(%s) is none", tree[i].p);
			else
				CHECK(pl > 0 && ic_point_ref_valid(p.enc, pl) &&
					  strcmp(text(p.enc, pl), tree[i].parent) == 0,
					  "parent(%s) = %s, expected %s", tree[i].p, pl ? text(p.enc, pl) : "-",
					  tree[i].parent);
			CHECK(ic_point_ref_valid(up, ul) && strcmp(text(up, ul), tree[i].upper) == 0,
				  "upper(%s) = %s, expected %s", tree[i].p, text(up, ul), tree[i].upper);
		}
	}
	/* the subtree is exactly the range [p, upper(p)) over the ordered list */
	for (size_t i = 0; i < sizeof(ordered) / sizeof(ordered[0]); i++)
	{
		Ref			p = parse(ordered[i]);
		uint8_t		up[IC_POINT_REF_MAX_ENCODED + 1];
		size_t		ul = ic_point_ref_subtree_upper(p.enc, p.len, up);

		for (size_t j = 0; j < sizeof(ordered) / sizeof(ordered[0]); j++)
		{
			Ref			r = parse(ordered[j]);
			bool		in_range = ic_point_ref_cmp(r.enc, r.len, p.enc, p.len) >= 0 &&
				ic_point_ref_cmp(r.enc, r.len, up, ul) < 0;

			if (in_range != ic_point_ref_contains(p.enc, p.len, r.enc, r.len))
				CHECK(false, "range and @> disagree on %s, %s", ordered[i], ordered[j]);
		}
	}
	CHECK(true, "subtree ranges agree with @>");

	/* the subtree bounds at the extremes */
	{
		const size_t nb = sizeof(bounds) / sizeof(bounds[0]);
		const size_t no = sizeof(ordered) / sizeof(ordered[0]);
		Ref		   *all = malloc(sizeof(Ref) * (nb + no));
		static char pb[4 * IC_POINT_REF_MAX_ENCODED + 1];
		static char eb[4 * IC_POINT_REF_MAX_ENCODED + 1];
		size_t		n = 0;

		if (all == NULL)
			exit(2);
		for (size_t i = 0; i < no; i++)
			all[n++] = parse(ordered[i]);
		for (size_t i = 0; i < nb; i++)
		{
			Ref			p = parse(build(bounds[i].p, pb, sizeof(pb)));
			uint8_t		out[IC_POINT_REF_MAX_ENCODED];
			size_t		ol;

			CHECK(strlen(pb) <= IC_POINT_REF_MAX_TEXT, "%s: input of %zu bytes", bounds[i].what,
				  strlen(pb));
			all[n++] = p;
			ol = ic_point_ref_subtree_upper(p.enc, p.len, out);
			if (build(bounds[i].upper, eb, sizeof(eb)) == NULL)
				CHECK(ol == 0, "%s: no upper bound, got %s", bounds[i].what, text(out, ol));
			else
				CHECK(ol > 0 && strcmp(text(out, ol), eb) == 0, "%s: upper is %s, expected %s",
					  bounds[i].what, ol ? text(out, ol) : "none", eb);
			ol = ic_point_ref_subtree_last(p.enc, p.len, out);
			CHECK(strcmp(text(out, ol), build(bounds[i].last, eb, sizeof(eb))) == 0,
				  "%s: last is %s, expected %s", bounds[i].what, text(out, ol), eb);
		}
		/* the bounds and their neighbours are values too */
		for (size_t i = 0; i < nb; i++)
		{
			Ref			p = all[no + i];
			Ref			b;

			b.len = ic_point_ref_subtree_last(p.enc, p.len, b.enc);
			all = realloc(all, sizeof(Ref) * (n + 2));
			if (all == NULL)
				exit(2);
			all[n++] = b;
			b.len = ic_point_ref_subtree_upper(p.enc, p.len, b.enc);
			if (b.len > 0)
				all[n++] = b;
		}
		for (size_t i = 0; i < n; i++)
			check_bounds(text(all[i].enc, all[i].len), &all[i], all, n);
		free(all);
	}
	/* invalid encodings */
	{
		static const struct
		{
			uint8_t		b[6];
			size_t		len;
		}			inv[] =
		{
			{{0}, 0},			/* empty */
			{{0x00}, 1},		/* END without a number */
			{{0x02}, 1},		/* number without END */
			{{0x02, 0x00, 0x00}, 3},	/* empty segment */
			{{0x80, 0x05, 0x00}, 3},	/* 2-byte form of a 1-byte token */
			{{0x80}, 1},		/* truncated */
			{{0xF0, 0, 0, 0, 0}, 5},	/* no such length */
			{{0xEF, 0xFF, 0xFF, 0xFF, 0x00}, 5},	/* beyond 99999999 */
		};

		for (size_t i = 0; i < sizeof(inv) / sizeof(inv[0]); i++)
			CHECK(!ic_point_ref_valid(inv[i].b, inv[i].len), "invalid encoding %zu", i);
	}
	/* format refuses a buffer that is too small */
	{
		Ref			r = parse("1.42-1.5)");
		char		small[10];

		CHECK(ic_point_ref_format(r.enc, r.len, small, 9) == 0, "9 bytes are too few");
		CHECK(ic_point_ref_format(r.enc, r.len, small, 10) == 9, "10 bytes are enough");
	}
	return UNIT_SUMMARY();
}
