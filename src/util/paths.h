/*
 * paths.h - where costplan finds its shipped data.
 *
 * The price snapshot folder is, in order: --pricing DIR, $COSTPLAN_PRICING,
 * the pricing/ folder beside the executable (running from the source tree),
 * the installed one (<prefix>/share/costplan/pricing). Scenarios given by
 * a relative name that does not exist are looked up the same way, so
 * `costplan breakdown` finds scenarios/baseline.json from anywhere.
 *
 * Returned strings are new; the caller frees them.
 */
#ifndef COSTPLAN_PATHS_H
#define COSTPLAN_PATHS_H

/* The data root: the folder holding pricing/ and scenarios/. */
char *paths_data_root(void);
/* The pricing folder, honouring an explicit choice (may be NULL). */
char *paths_pricing_dir(const char *explicit_dir);
/* A scenario path: as given if it exists, else under the data root. */
char *paths_scenario(const char *given);

#endif
