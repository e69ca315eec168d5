/*
 * unicode_core.h
 *		What a character shows, from Unicode's general categories: the check
 *		behind is_blank().  Pure C: no PostgreSQL headers.
 *
 * A character is visible when its general category is L* (a letter), N* (a
 * digit or number), P* (punctuation) or S* (a symbol), except the fillers
 * that draw nothing (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Braille
 * blank U+2800, musical null notehead U+1D159).  Text without a visible
 * character is blank (issue 16, item 9): spaces, controls (U+001C), format
 * characters (soft hyphen U+00AD, zero-width U+200B, U+FEFF), marks without a
 * base, private use and unassigned code points give no basis.  The table is
 * generated from UnicodeData.txt (scripts/gen_unicode_visible.pl).
 */
#ifndef IC_UNICODE_CORE_H
#define IC_UNICODE_CORE_H

#include <stdbool.h>
#include <stdint.h>

/* True when c is a visible letter, digit, punctuation mark or symbol. */
extern bool ic_codepoint_is_visible(uint32_t c);

#endif							/* IC_UNICODE_CORE_H */
