/* filled below */
#include "report/sim_report.h"
void report_sim_breakdown_table(FILE *f, const struct sim_view *v, const struct report_style *st) { (void)f; (void)v; (void)st; }
void report_sim_breakdown_json(FILE *f, const struct sim_view *v) { (void)f; (void)v; }
void report_sim_breakdown_csv(FILE *f, const struct sim_view *v) { (void)f; (void)v; }
