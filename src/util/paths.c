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

#ifndef COSTPLAN_DATADIR
#define COSTPLAN_DATADIR "/usr/local/share/costplan"
#endif

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_data_root(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			char *cand = xasprintf("%s/pricing", exe);
			int ok = is_dir(cand);
			free(cand);
			if (ok)
				return xstrdup(exe);
		}
	}
	if (is_dir(COSTPLAN_DATADIR "/pricing"))
		return xstrdup(COSTPLAN_DATADIR);
	return xstrdup(".");
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

char *paths_pricing_dir(const char *explicit_dir)
{
	const char *env = getenv("COSTPLAN_PRICING");
	if (explicit_dir && explicit_dir[0])
		return xstrdup(explicit_dir);
	if (env && env[0])
		return xstrdup(env);
	char *root = paths_data_root();
	char *p = strcmp(root, ".") == 0 ? xstrdup("pricing") : xasprintf("%s/pricing", root);
	free(root);
	return relative_to_cwd(p);
}

char *paths_scenario(const char *given)
{
	struct stat st;
	if (strcmp(given, "-") == 0 || stat(given, &st) == 0 || given[0] == '/')
		return xstrdup(given);
	char *root = paths_data_root();
	char *cand = xasprintf("%s/%s", root, given);
	free(root);
	if (stat(cand, &st) == 0)
		return relative_to_cwd(cand);
	free(cand);
	return xstrdup(given);
}
