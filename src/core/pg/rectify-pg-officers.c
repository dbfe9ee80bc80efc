/* rectify-pg-officers.c: the SQL of officers on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-records.h"
#include "rectify-store-officers.h"

#define OFFICER_COLUMNS "id, badge, name, role, active"

static gpointer
read_officer (const PGresult *r, int row)
{
  RectifyOfficer *o = rectify_officer_new ();
  o->id = rectify_pg_int (r, row, 0);
  o->badge = rectify_pg_dup_text (r, row, 1);
  o->name = rectify_pg_dup_text (r, row, 2);
  rectify_role_from_code (rectify_pg_text (r, row, 3), &o->role);
  o->active = (int)rectify_pg_int (r, row, 4);
  return o;
}

static void
add_officer (RectifyPgParams *p, const RectifyOfficer *o)
{
  rectify_pg_add_text (p, o->badge);
  rectify_pg_add_text (p, o->name);
  rectify_pg_add_text (p, rectify_role_to_code (o->role));
  rectify_pg_add_bool (p, o->active);
}

static gint64
officer_insert (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_officer (&p, o);
  return rectify_pg_insert (
      self, "INSERT INTO officer (badge, name, role, active) VALUES ($1, $2, $3, $4) RETURNING id",
      &p, error);
}

static gboolean
officer_update (RectifyStore *self, const RectifyOfficer *o, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_officer (&p, o);
  rectify_pg_add_int (&p, o->id);
  return rectify_pg_update (
      self, "UPDATE officer SET badge = $1, name = $2, role = $3, active = $4 WHERE id = $5", &p,
      found, error);
}

static RectifyOfficer *
officer_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " OFFICER_COLUMNS " FROM officer WHERE id = $1", &p, error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  return read_officer (res, 0);
}

static GPtrArray *
officer_list (RectifyStore *self, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;

  rectify_pg_filter_init (&f);
  rows = rectify_pg_query_page (self, OFFICER_COLUMNS, "officer", &f, "name, id", NULL,
                                read_officer, (GDestroyNotify)rectify_officer_free, NULL, error);
  rectify_pg_filter_clear (&f);
  return rows;
}

static gint64
officer_find (RectifyStore *self, gint64 id, const char *badge, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 found = 0;

  rectify_pg_add_id_or_null (&p, id);
  rectify_pg_add_text (&p, badge);
  if (!rectify_pg_query_int (self,
                             "SELECT id FROM officer WHERE id = $1 OR badge = $2"
                             " ORDER BY badge = $2 DESC LIMIT 1",
                             &p, &found, error))
    return 0;
  return found;
}

static gboolean
officer_any (RectifyStore *self, GError **error)
{
  return rectify_pg_any (self, "SELECT 1 FROM officer LIMIT 1", NULL, error);
}

const RectifyStoreOfficerOps rectify_pg_officer_ops = {
  .insert = officer_insert,
  .update = officer_update,
  .get = officer_get,
  .list = officer_list,
  .find = officer_find,
  .any = officer_any,
};
