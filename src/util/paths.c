/*
 * paths.c - see paths.h.
 */
#include "util/paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"

#define MAX_ROOTS 4

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_data(const char *root)
{
	char *a = xasprintf("%s/pricing", root), *b = xasprintf("%s/scenarios", root);
	int ok = is_dir(a) || is_dir(b);
	free(a);
	free(b);
	return ok;
}

/* The folder of the running executable (symbolic links resolved), or NULL. */
static char *exe_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(exe[0] ? exe : "/");
}

/* The candidate data roots of paths.h steps 2-4, in order; returns how many. */
static int candidate_roots(char *out[MAX_ROOTS])
{
	int n = 0;
	const char *env = getenv("COSTPLAN_DATA");
	if (env && env[0])
		out[n++] = xstrdup(env);
	char *dir = exe_dir();
	if (dir) {
		out[n++] = xstrdup(dir);
		/* <prefix>/bin/costplan -> <prefix>/share/costplan */
		char *up = strrchr(dir, '/');
		if (up) {
			*up = '\0';
			out[n++] = xasprintf("%s/share/costplan", dir);
		}
		free(dir);
	}
	return n;
}

static void free_roots(char *r[MAX_ROOTS], int n)
{
	for (int i = 0; i < n; i++)
		free(r[i]);
}

/* Shown in messages and outputs: relative to the working folder when under
 * it, so results do not depend on where the project was checked out. */
static char *relative_to_cwd(char *p)
{
	char cwd[PATH_MAX];
	size_t n;
	if (p[0] != '/' || !getcwd(cwd, sizeof(cwd)))
		return p;
	n = strlen(cwd);
	if (strncmp(p, cwd, n) == 0 && p[n] == '/') {
		char *r = xstrdup(p + n + 1);
		free(p);
		return r;
	}
	return p;
}

char *paths_data_root(void)
{
	char *r[MAX_ROOTS];
	int n = candidate_roots(r);
	char *found = NULL;
	for (int i = 0; i < n && !found; i++)
		if (has_data(r[i]))
			found = xstrdup(r[i]);
	free_roots(r, n);
	return found ? found : xstrdup(".");
}

/* The snapshot was chosen with --pricing: hints must repeat it. */
static int pricing_explicit;

char *paths_pricing_dir(const char *explicit_dir)
{
	const char *env = getenv("COSTPLAN_PRICING");
	pricing_explicit = explicit_dir && explicit_dir[0];
	if (pricing_explicit)
		return xstrdup(explicit_dir);
	if (env && env[0])
		return xstrdup(env);
	char *r[MAX_ROOTS];
	int n = candidate_roots(r);
	char *found = NULL;
	for (int i = 0; i < n && !found; i++) {
		char *p = xasprintf("%s/pricing", r[i]);
		if (is_dir(p))
			found = p;
		else
			free(p);
	}
	free_roots(r, n);
	return found ? relative_to_cwd(found) : xstrdup("pricing");
}

char *paths_scenario(const char *given)
{
	struct stat st;
	if (strcmp(given, "-") == 0 || stat(given, &st) == 0 || given[0] == '/')
		return xstrdup(given);
	char *r[MAX_ROOTS];
	int n = candidate_roots(r);
	char *found = NULL;
	for (int i = 0; i < n && !found; i++) {
		char *cand = xasprintf("%s/%s", r[i], given);
		if (stat(cand, &st) == 0)
			found = cand;
		else
			free(cand);
	}
	free_roots(r, n);
	return found ? relative_to_cwd(found) : xstrdup(given);
}

int paths_require_default(const char *given, const char *what)
{
	struct stat st;
	char *p = paths_scenario(given);
	int found = strcmp(p, "-") == 0 || stat(p, &st) == 0;
	free(p);
	if (found)
		return 0;
	char *r[MAX_ROOTS];
	int n = candidate_roots(r);
	char *s = xstrdup("the working folder");
	for (int i = 0; i < n; i++) {
		char *t = xasprintf("%s%s%s", s, i == n - 1 ? " and " : ", ", r[i]);
		free(s);
		s = t;
	}
	free_roots(r, n);
	cp_error(CP_EXIT_IO,
		 "no %s %s in %s: name a file, or set COSTPLAN_DATA to the folder holding "
		 "costplan's scenarios/ (a source checkout, or <prefix>/share/costplan)",
		 what, given, s);
	free(s);
	return CP_EXIT_IO;
}

char *paths_display(const char *path)
{
	char *p = relative_to_cwd(xstrdup(path));
	if (p[0] != '/')
		return p;
	/* outside the working folder: the base name only */
	size_t len = strlen(p);
	while (len > 1 && p[len - 1] == '/')
		p[--len] = '\0';
	const char *base = strrchr(p, '/');
	char *r = xstrdup(base && base[1] ? base + 1 : p);
	free(p);
	return r;
}

bool paths_writable(const char *dir)
{
	return access(dir, W_OK) == 0;
}

/* A word for a shell command line: quoted unless plainly safe. New string. */
static char *shell_word(const char *w)
{
	if (w[0] && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			      "0123456789-_./=:,+@%~") == strlen(w))
		return xstrdup(w);
	size_t n = 3;
	for (const char *p = w; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *s = xmalloc(n), *o = s;
	*o++ = '\'';
	for (const char *p = w; *p; p++) {
		if (*p == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = *p;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return s;
}

char *paths_fetch_command(const char *dir, const char *region, const char *offer)
{
	struct stat st;
	char *r = region ? xasprintf(" --region %s", region) : xstrdup("");
	char *out;
	if (stat(dir, &st) == 0 && !paths_writable(dir)) {
		/* an installed, read-only snapshot: every offer of the region
		 * into a folder of the user's own, then point at it */
		out = xasprintf("costplan pricing fetch%s --out ~/costplan-pricing` (%s is "
				"read-only), then price with `--pricing ~/costplan-pricing",
				r, dir);
	} else {
		/* a folder that does not exist yet is created by fetch */
		char *d = pricing_explicit ? shell_word(dir) : NULL;
		out = xasprintf("costplan %s%s%spricing fetch%s%s%s", d ? "--pricing " : "",
				d ? d : "", d ? " " : "", r, offer ? " --offer " : "",
				offer ? offer : "");
		free(d);
	}
	free(r);
	return out;
}
