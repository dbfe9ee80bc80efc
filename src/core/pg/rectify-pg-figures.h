/* rectify-pg-figures.h: the figures' definitions as PostgreSQL conditions,
 * shared by the lists opened from a figure (inspections, hazards,
 * documents) and the counts of rectify-pg-figures.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each returns a condition on the columns of alias ("h." or "") for the
 * day looked at, day being its placeholder ("$1", or "?" for a
 * RectifyPgFilter with rectify_pg_filter_add_day); the same text as the
 * SQLite backend's, so that both count alike.
 */
#pragma once

#include "rectify-pg-private.h"

G_BEGIN_DECLS

char *rectify_pg_sql_inspection_done (const char *alias, const char *day);
char *rectify_pg_sql_hazard_found (const char *alias, const char *day);
char *rectify_pg_sql_hazard_closed (const char *alias, const char *day);
char *rectify_pg_sql_hazard_overdue (const char *alias, const char *day);
char *rectify_pg_sql_document_issued (const char *alias, const char *day);
char *rectify_pg_sql_document_void (const char *alias, const char *day);
/* Adds clause with day as the value of each of its ?. */
void rectify_pg_filter_add_day (RectifyPgFilter *f, const char *clause, const char *day);
/* "col IN (SELECT id FROM unit WHERE fts @@ ?::tsquery)" for user words, or
 * nothing (FALSE) when they hold nothing to search for. */
gboolean
rectify_pg_filter_add_unit_search (RectifyPgFilter *f, const char *unit_column, const char *words);

G_END_DECLS
