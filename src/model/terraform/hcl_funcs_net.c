/*
 * hcl_funcs_net.c - IP address functions: cidrsubnet, cidrsubnets,
 * cidrhost, cidrnetmask, for IPv4 and IPv6 (addresses held as 128-bit
 * integers).
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#define R (ev->r)

typedef unsigned __int128 u128;

struct cidr {
	u128 addr; /* the network address (host bits cleared) */
	int bits;  /* 32 or 128 */
	int plen;
};

static u128 mask_of(int bits, int plen)
{
	if (plen == 0)
		return 0;
	u128 all = bits == 32 ? (u128)0xFFFFFFFFu : ~(u128)0;
	return (all << (bits - plen)) & all;
}

static void parse_cidr(struct hcl_eval *ev, struct hval *s, struct cidr *c, const struct hcl_pos *pos,
		       const char *fn)
{
	char buf[64], d[80];
	const char *slash = memchr(s->s.p, '/', s->s.n);
	if (!slash || s->s.n >= sizeof(buf) || (size_t)(slash - s->s.p) >= sizeof(buf))
		goto bad;
	memcpy(buf, s->s.p, (size_t)(slash - s->s.p));
	buf[slash - s->s.p] = '\0';
	unsigned char raw[16];
	if (inet_pton(AF_INET, buf, raw) == 1) {
		c->bits = 32;
		c->addr = ((u128)raw[0] << 24) | ((u128)raw[1] << 16) | ((u128)raw[2] << 8) | raw[3];
	} else if (inet_pton(AF_INET6, buf, raw) == 1) {
		c->bits = 128;
		c->addr = 0;
		for (int i = 0; i < 16; i++)
			c->addr = (c->addr << 8) | raw[i];
	} else {
		goto bad;
	}
	int plen = 0;
	const char *p = slash + 1, *end = s->s.p + s->s.n;
	if (p == end || end - p > 3)
		goto bad;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			goto bad;
		plen = plen * 10 + (*p - '0');
	}
	if (plen > c->bits)
		goto bad;
	c->plen = plen;
	c->addr &= mask_of(c->bits, plen);
	return;
bad:
	hcl_fail(R, pos, "%s(): %s is not an address prefix in CIDR notation (like 10.0.0.0/16)", fn,
		 hcl_describe(s, d, sizeof(d)));
}

static const char *addr_text(struct hcl_eval *ev, u128 a, int bits)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned char raw[16];
	if (bits == 32) {
		for (int i = 0; i < 4; i++)
			raw[i] = (unsigned char)(a >> (24 - 8 * i));
		inet_ntop(AF_INET, raw, buf, sizeof(buf));
	} else {
		for (int i = 0; i < 16; i++)
			raw[i] = (unsigned char)(a >> (120 - 8 * i));
		inet_ntop(AF_INET6, raw, buf, sizeof(buf));
	}
	return hcl_strdup(R, buf);
}

static struct hval *subnet(struct hcl_eval *ev, const struct cidr *c, long long newbits,
			   long long netnum, const struct hcl_pos *pos, const char *fn)
{
	if (newbits < 0 || c->plen + newbits > c->bits)
		hcl_fail(R, pos, "%s(): %lld more bits do not fit a /%d prefix of %d bits", fn, newbits,
			 c->plen, c->bits);
	int nl = c->plen + (int)newbits;
	if (netnum < 0 || (newbits < 64 && (unsigned long long)netnum >= (1ULL << newbits)))
		hcl_fail(R, pos, "%s(): network number %lld does not fit in %lld bits", fn, netnum,
			 newbits);
	u128 a = c->addr | ((u128)(unsigned long long)netnum << (c->bits - nl));
	return hv_cstr(R, hcl_printf(R, "%s/%d", addr_text(ev, a, c->bits), nl));
}

static struct hval *f_cidrsubnet(struct hcl_eval *ev, struct hval **a, size_t n,
				 const struct hcl_pos *pos)
{
	(void)n;
	struct cidr c;
	parse_cidr(ev, fa_string(ev, a, 0, "cidrsubnet", pos), &c, pos, "cidrsubnet");
	return subnet(ev, &c, fa_integer(ev, a, 1, "cidrsubnet", pos),
		      fa_integer(ev, a, 2, "cidrsubnet", pos), pos, "cidrsubnet");
}

static struct hval *f_cidrsubnets(struct hcl_eval *ev, struct hval **a, size_t n,
				  const struct hcl_pos *pos)
{
	struct cidr c;
	parse_cidr(ev, fa_string(ev, a, 0, "cidrsubnets", pos), &c, pos, "cidrsubnets");
	struct hv_listb b;
	hv_listb_init(&b, R);
	u128 next = c.addr; /* the first free address */
	u128 end = c.addr | ~mask_of(c.bits, c.plen);
	if (c.bits == 32)
		end &= 0xFFFFFFFFu;
	for (size_t i = 1; i < n; i++) {
		long long nb = fa_integer(ev, a, i, "cidrsubnets", pos);
		if (nb < 1 || c.plen + nb > c.bits)
			hcl_fail(R, pos, "cidrsubnets(): %lld more bits do not fit a /%d prefix", nb, c.plen);
		int nl = c.plen + (int)nb;
		u128 size = (u128)1 << (c.bits - nl);
		u128 start = (next + size - 1) & ~(size - 1);
		if (start < next || start > end || start + size - 1 > end)
			hcl_fail(R, pos, "cidrsubnets(): not enough room in the prefix for all the networks");
		hv_listb_add(&b, hv_cstr(R, hcl_printf(R, "%s/%d", addr_text(ev, start, c.bits), nl)));
		next = start + size;
	}
	return hv_listb_finish(&b);
}

static struct hval *f_cidrhost(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct cidr c;
	parse_cidr(ev, fa_string(ev, a, 0, "cidrhost", pos), &c, pos, "cidrhost");
	long long host = fa_integer(ev, a, 1, "cidrhost", pos);
	int hb = c.bits - c.plen;
	u128 count = hb >= 127 ? ~(u128)0 : (u128)1 << hb;
	u128 h;
	if (host < 0) {
		u128 back = (u128)(unsigned long long)(-host);
		if (back > count)
			goto bad;
		h = count - back;
	} else {
		h = (u128)(unsigned long long)host;
		if (hb < 127 && h >= count)
			goto bad;
	}
	return hv_cstr(R, addr_text(ev, c.addr | h, c.bits));
bad:
	hcl_fail(R, pos, "cidrhost(): host number %lld does not fit the /%d prefix", host, c.plen);
}

static struct hval *f_cidrnetmask(struct hcl_eval *ev, struct hval **a, size_t n,
				  const struct hcl_pos *pos)
{
	(void)n;
	struct cidr c;
	parse_cidr(ev, fa_string(ev, a, 0, "cidrnetmask", pos), &c, pos, "cidrnetmask");
	if (c.bits != 32)
		hcl_fail(R, pos, "cidrnetmask(): only IPv4 prefixes have a netmask");
	return hv_cstr(R, addr_text(ev, mask_of(32, c.plen), 32));
}

const struct hcl_func hcl_funcs_net[] = {
	{"cidrsubnet", 3, 3, FN_KNOWN, f_cidrsubnet},
	{"cidrsubnets", 1, -1, FN_KNOWN, f_cidrsubnets},
	{"cidrhost", 2, 2, FN_KNOWN, f_cidrhost},
	{"cidrnetmask", 1, 1, FN_KNOWN, f_cidrnetmask},
	{NULL, 0, 0, 0, NULL},
};
