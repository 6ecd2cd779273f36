/*
 * hcl_funcs_lib.h - what the function families share: argument checks
 * that fail with Terraform-like messages, and each family's table.
 * Internal to src/model/terraform/.
 */
#ifndef COSTPLAN_HCL_FUNCS_LIB_H
#define COSTPLAN_HCL_FUNCS_LIB_H

#include "model/terraform/hcl_funcs.h"

/* The i-th argument as a string / number / whole number / list (list or
 * set) / object, or fail naming the function and the argument. */
struct hval *fa_string(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		       const struct hcl_pos *pos);
double fa_number(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		 const struct hcl_pos *pos);
long long fa_integer(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		     const struct hcl_pos *pos);
struct hval *fa_list(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		     const struct hcl_pos *pos);
struct hval *fa_object(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		       const struct hcl_pos *pos);

/* A path for file functions: absolute as given, else under ev->base_dir. */
const char *fa_path(struct hcl_eval *ev, struct hval *p);

/* Growable arena string. */
struct fbuf {
	struct hcl_run *r;
	char *p;
	size_t n, cap;
};
void fb_add(struct fbuf *b, const char *s, size_t n);
void fb_addz(struct fbuf *b, const char *s);
void fb_addc(struct fbuf *b, char c);
struct hval *fb_value(struct fbuf *b);

extern const struct hcl_func hcl_funcs_coll[];   /* collections and conversions */
extern const struct hcl_func hcl_funcs_text[];   /* strings, format, regex */
extern const struct hcl_func hcl_funcs_num[];    /* numbers */
extern const struct hcl_func hcl_funcs_net[];    /* cidr* */
extern const struct hcl_func hcl_funcs_io[];     /* file, templatefile, json */

#endif
