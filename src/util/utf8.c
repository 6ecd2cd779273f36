/*
 * utf8.c - see utf8.h. A strict decoder after RFC 3629, section 4.
 */
#include "util/utf8.h"

int utf8_next(const char *s, long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	long c;
	int len;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2;
		c = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		c = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) { /* also stops at the NUL */
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		long cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		/* utf8_next reads up to 4 bytes: copy a short tail so it stays in bounds */
		char tail[5] = {0};
		const char *at = s + i;
		if (n - i < 4) {
			for (size_t k = 0; k < n - i; k++)
				tail[k] = s[i + k];
			at = tail;
		}
		int len = utf8_next(at, &cp);
		if (cp < 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

bool utf8_unsafe_for_terminal(long cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
