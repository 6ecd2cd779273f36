/*
 * paths.h - where costplan finds its shipped data, and how paths are shown.
 *
 * The data (the price snapshot pricing/, the scenarios/ folder with the
 * upgrade steps) is looked for, in order:
 *
 *   1. --pricing DIR, then $COSTPLAN_PRICING            (the snapshot only)
 *   2. $COSTPLAN_DATA: a folder holding scenarios/ (and pricing/)
 *   3. the folder of the running executable             (the source tree)
 *   4. <executable's folder>/../share/costplan           (make install)
 *   5. the working folder
 *
 * Step 4 is found at run time from /proc/self/exe, so `make` then
 * `make install PREFIX=anything` (or a DESTDIR staging, or a copied
 * prefix) works without rebuilding: nothing is baked in at compile time.
 *
 * Scenarios given by a relative name that does not exist in the working
 * folder are looked up in the data roots, so `costplan breakdown` finds
 * scenarios/baseline.json from anywhere.
 *
 * Returned strings are new; the caller frees them.
 */
#ifndef COSTPLAN_PATHS_H
#define COSTPLAN_PATHS_H

#include <stdbool.h>

/* The data root: the first folder of steps 2-5 holding scenarios/ or pricing/. */
char *paths_data_root(void);
/* The pricing folder, honouring an explicit choice (may be NULL). */
char *paths_pricing_dir(const char *explicit_dir);
/* A scenario path: as given if it exists, else under the first data root
 * that has it, else as given (the reader then says it is missing). */
char *paths_scenario(const char *given);
/*
 * For a default name the user did not type (scenarios/baseline.json,
 * scenarios/upgrades): 0 when paths_scenario() finds it, else CP_EXIT_IO
 * after a message saying where costplan looked and how to point it at its
 * data (what: "scenario", "upgrade steps folder").
 */
int paths_require_default(const char *given, const char *what);

/*
 * A path as outputs may show it: relative to the working folder when under
 * it, else its last two parts ("pricing/aws" style: the base name of the
 * folder and the file), never an absolute path. New string.
 */
char *paths_display(const char *path);

/* Can costplan write into dir (for hints that would write there)? */
bool paths_writable(const char *dir);

/*
 * The command that fetches prices into the snapshot in use (dir), for
 * hints: "costplan pricing fetch --region R --offer O", with --pricing DIR
 * when the folder was chosen with --pricing, and into a folder of the
 * user's own when dir is read-only (an installed copy). region and offer
 * may be NULL (all regions of the snapshot, every offer). New string.
 */
char *paths_fetch_command(const char *dir, const char *region, const char *offer);

#endif
