/* rectify-registry.c: officers, campaigns, units, equipment and operators
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-private.h"
#include "rectify-validate.h"

static gboolean
check_sort (const char *const *pairs, const RectifyQuery *q, const char **order, GError **error)
{
  *order = rectify_sort_expression (pairs, q ? q->sort : NULL);
  if (*order == NULL)
    {
      GString *keys = g_string_new (NULL);
      for (guint i = 0; pairs[i]; i += 2)
        g_string_append_printf (keys, "%s%s", i ? ", " : "", pairs[i]);
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use one of %s"), q->sort, keys->str);
      g_string_free (keys, TRUE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_search (RectifyFilter *f, const char *fts_table, const RectifyQuery *q)
{
  g_autofree char *match = q ? rectify_fts_query (q->search) : NULL;

  if (match == NULL)
    return FALSE;
  rectify_filter_add_match (f, "id", fts_table, match);
  return TRUE;
}

static gboolean
finish_write (RectifyStore *self,
              gboolean ok,
              const char *entity,
              gint64 id,
              const char *action,
              const char *before,
              GError **error)
{
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, entity, id);
      ok = rectify_store_audit (self, entity, id, action, before, after, error);
    }
  return rectify_store_end (self, ok, error);
}

static gboolean
updated_one (RectifyStore *self, RectifyStmt *stmt, const char *what, gint64 id, GError **error)
{
  if (!rectify_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (rectify_sqlite_db (self)) != 1)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("There is no %s with id %" PRId64), what, id);
      return FALSE;
    }
  return TRUE;
}

void
rectify_query_copy (RectifyQuery *dest, const RectifyQuery *src)
{
  *dest = *src;
  dest->search = g_strdup (src->search);
  dest->sort = g_strdup (src->sort);
  dest->district = g_strdup (src->district);
  dest->industry = g_strdup (src->industry);
  dest->hazard_category = g_strdup (src->hazard_category);
  dest->as_of = g_strdup (src->as_of);
}

void
rectify_query_clear (RectifyQuery *q)
{
  g_free ((char *)q->search);
  g_free ((char *)q->sort);
  g_free ((char *)q->district);
  g_free ((char *)q->industry);
  g_free ((char *)q->hazard_category);
  g_free ((char *)q->as_of);
  *q = (RectifyQuery)RECTIFY_QUERY_INIT;
}

/* ---- officers -------------------------------------------------------- */

static gboolean
validate_officer (const RectifyOfficer *o, GError **error)
{
  return rectify_validate_required (_ ("Badge"), o->badge, 32, error)
         && rectify_validate_required (C_ ("person", "Name"), o->name, 64, error)
         && (rectify_role_to_code (o->role) != NULL
             || (g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                              _ ("Role: unknown role")),
                 FALSE));
}

gint64
rectify_store_add_officer (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  g_return_val_if_fail (o != NULL, 0);

  if (!validate_officer (o, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stmt = rectify_store_prepare (
      self, "INSERT INTO officer (badge, name, role, active) VALUES (?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *badge = g_strstrip (g_strdup (o->badge));
      g_autofree char *name = g_strstrip (g_strdup (o->name));
      rectify_bind_text (stmt, 1, badge);
      rectify_bind_text (stmt, 2, name);
      rectify_bind_text (stmt, 3, rectify_role_to_code (o->role));
      sqlite3_bind_int (stmt, 4, o->active ? 1 : 0);
      ok = rectify_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
    }
  return finish_write (self, ok, "officer", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_officer (RectifyStore *self, const RectifyOfficer *o, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_officer (o, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "officer", o->id);
  stmt = rectify_store_prepare (
      self, "UPDATE officer SET badge = ?, name = ?, role = ?, active = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      rectify_bind_text (stmt, 1, o->badge);
      rectify_bind_text (stmt, 2, o->name);
      rectify_bind_text (stmt, 3, rectify_role_to_code (o->role));
      sqlite3_bind_int (stmt, 4, o->active ? 1 : 0);
      sqlite3_bind_int64 (stmt, 5, o->id);
      ok = updated_one (self, stmt, _ ("officer"), o->id, error);
    }
  return finish_write (self, ok, "officer", o->id, "update", before, error);
}

static gpointer
read_officer (RectifyStmt *stmt)
{
  RectifyOfficer *o = rectify_officer_new ();
  o->id = sqlite3_column_int64 (stmt, 0);
  o->badge = rectify_column_text (stmt, 1);
  o->name = rectify_column_text (stmt, 2);
  rectify_role_from_code ((const char *)sqlite3_column_text (stmt, 3), &o->role);
  o->active = sqlite3_column_int (stmt, 4);
  return o;
}

RectifyOfficer *
rectify_store_get_officer (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (
      self, "SELECT id, badge, name, role, active FROM officer WHERE id = ?", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Officer: there is no officer with id %" PRId64), id);
      return NULL;
    }
  return read_officer (stmt);
}

GPtrArray *
rectify_store_list_officers (RectifyStore *self, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  rectify_filter_init (&f);
  rows = rectify_store_query_page (self, "id, badge, name, role, active", "officer", &f, "name, id",
                                   NULL, read_officer, (GDestroyNotify)rectify_officer_free, NULL,
                                   error);
  rectify_filter_clear (&f);
  return rows;
}

gboolean
rectify_store_find_officer (RectifyStore *self,
                            const char *id_or_badge,
                            gint64 *out_id,
                            GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gint64 number = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  stmt = rectify_store_prepare (
      self, "SELECT id FROM officer WHERE id = ?1 OR badge = ?2 ORDER BY badge = ?2 DESC LIMIT 1",
      error);
  if (!stmt)
    return FALSE;
  if (id_or_badge && g_ascii_string_to_signed (id_or_badge, 10, 1, G_MAXINT64, &number, NULL))
    sqlite3_bind_int64 (stmt, 1, number);
  rectify_bind_text (stmt, 2, id_or_badge);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Officer: no officer has the id or badge “%s”"),
                   id_or_badge ? id_or_badge : "");
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* ---- campaigns ------------------------------------------------------- */

static gboolean
validate_campaign (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  if (!rectify_validate_required (_ ("Name"), c->name, 200, error)
      || !rectify_validate_date (_ ("Start date"), c->start_date, error)
      || !rectify_validate_optional (_ ("Work plan"), c->work_plan, 100000, error)
      || !rectify_validate_optional (_ ("Key industries"), c->key_industries, 4000, error)
      || !rectify_validate_optional (_ ("Key links"), c->key_links, 4000, error)
      || !rectify_validate_optional (_ ("Key areas"), c->key_areas, 4000, error))
    return FALSE;
  if (c->days < 1 || c->days > 3660)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Length: %d days is not possible; give 1 to 3660 days"), c->days);
      return FALSE;
    }
  if ((c->head_id && !rectify_store_check_id (self, "officer", c->head_id, _ ("Head"), error))
      || (c->deputy_id
          && !rectify_store_check_id (self, "officer", c->deputy_id, _ ("Deputy head"), error)))
    return FALSE;
  if (c->head_id && c->head_id == c->deputy_id)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Deputy head: must be another officer than the head"));
      return FALSE;
    }
  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    if (!rectify_store_check_id (self, "officer", g_array_index (c->member_ids, gint64, i),
                                 _ ("Members"), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_campaign_members (RectifyStore *self, gint64 id, const RectifyCampaign *c, GError **error)
{
  g_autoptr (RectifyStmt) del
      = rectify_store_prepare (self, "DELETE FROM campaign_member WHERE campaign_id = ?", error);

  if (!del)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!rectify_store_step_done (self, del, error))
    return FALSE;
  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    {
      g_autoptr (RectifyStmt) ins = rectify_store_prepare (
          self, "INSERT OR IGNORE INTO campaign_member (campaign_id, officer_id) VALUES (?, ?)",
          error);
      if (!ins)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, id);
      sqlite3_bind_int64 (ins, 2, g_array_index (c->member_ids, gint64, i));
      if (!rectify_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_campaign (RectifyStmt *stmt, const RectifyCampaign *c)
{
  g_autofree char *name = g_strstrip (g_strdup (c->name));
  rectify_bind_text (stmt, 1, name);
  rectify_bind_text (stmt, 2, c->start_date);
  sqlite3_bind_int (stmt, 3, c->days);
  rectify_bind_id_or_null (stmt, 4, c->head_id);
  rectify_bind_id_or_null (stmt, 5, c->deputy_id);
  rectify_bind_text (stmt, 6, c->work_plan);
  rectify_bind_text (stmt, 7, c->key_industries);
  rectify_bind_text (stmt, 8, c->key_links);
  rectify_bind_text (stmt, 9, c->key_areas);
  rectify_bind_text (stmt, 10, rectify_campaign_status_to_code (c->status));
}

gint64
rectify_store_add_campaign (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_campaign (self, c, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stmt = rectify_store_prepare (
      self,
      "INSERT INTO campaign (name, start_date, days, head_id, deputy_id, work_plan, key_industries,"
      " key_links, key_areas, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_campaign (stmt, c);
      ok = rectify_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
      ok = ok && write_campaign_members (self, id, c, error);
    }
  return finish_write (self, ok, "campaign", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_campaign (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_campaign (self, c, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_check_campaign_open (self, c->id, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "campaign", c->id);
  stmt = rectify_store_prepare (
      self,
      "UPDATE campaign SET name = ?, start_date = ?, days = ?, head_id = ?, deputy_id = ?, "
      "work_plan = ?,"
      " key_industries = ?, key_links = ?, key_areas = ?, status = ? WHERE id = ?",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_campaign (stmt, c);
      sqlite3_bind_int64 (stmt, 11, c->id);
      ok = updated_one (self, stmt, _ ("campaign"), c->id, error)
           && write_campaign_members (self, c->id, c, error);
    }
  return finish_write (self, ok, "campaign", c->id, "update", before, error);
}

gboolean
rectify_store_archive_campaign (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  /* archivists archive: no rectify_store_check_writer here */
  if (!rectify_store_check_id (self, "campaign", id, _ ("Campaign"), error)
      || !rectify_store_check_campaign_open (self, id, error) || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "campaign", id);
  stmt
      = rectify_store_prepare (self, "UPDATE campaign SET status = 'archived' WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = updated_one (self, stmt, _ ("campaign"), id, error);
    }
  return finish_write (self, ok, "campaign", id, "archive", before, error);
}

#define CAMPAIGN_COLUMNS                                                                           \
  "id, name, start_date, days, coalesce(head_id, 0), coalesce(deputy_id, 0), work_plan,"           \
  " key_industries, key_links, key_areas, status"

static gpointer
read_campaign (RectifyStmt *stmt)
{
  RectifyCampaign *c = rectify_campaign_new ();
  c->id = sqlite3_column_int64 (stmt, 0);
  c->name = rectify_column_text (stmt, 1);
  c->start_date = rectify_column_text (stmt, 2);
  c->days = sqlite3_column_int (stmt, 3);
  c->head_id = sqlite3_column_int64 (stmt, 4);
  c->deputy_id = sqlite3_column_int64 (stmt, 5);
  c->work_plan = rectify_column_text (stmt, 6);
  c->key_industries = rectify_column_text (stmt, 7);
  c->key_links = rectify_column_text (stmt, 8);
  c->key_areas = rectify_column_text (stmt, 9);
  rectify_campaign_status_from_code ((const char *)sqlite3_column_text (stmt, 10), &c->status);
  return c;
}

static gboolean
read_members (RectifyStore *self, RectifyCampaign *c, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "SELECT m.officer_id FROM campaign_member m JOIN officer o ON o.id = m.officer_id"
      " WHERE m.campaign_id = ? ORDER BY o.name",
      error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (c->member_ids, id);
    }
  return TRUE;
}

RectifyCampaign *
rectify_store_get_campaign (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (RectifyCampaign) c = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Campaign: there is no campaign with id %" PRId64), id);
      return NULL;
    }
  c = read_campaign (stmt);
  if (!read_members (self, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

GPtrArray *
rectify_store_list_campaigns (RectifyStore *self, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  rectify_filter_init (&f);
  rows = rectify_store_query_page (self, CAMPAIGN_COLUMNS, "campaign", &f, "start_date DESC, id",
                                   NULL, read_campaign, (GDestroyNotify)rectify_campaign_free, NULL,
                                   error);
  rectify_filter_clear (&f);
  for (guint i = 0; rows && i < rows->len; i++)
    if (!read_members (self, g_ptr_array_index (rows, i), error))
      g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

/* ---- units ------------------------------------------------------------ */

gboolean
rectify_unit_validate (const RectifyUnit *u, char **code, GError **error)
{
  return rectify_validate_required (_ ("Name"), u->name, 200, error)
         && rectify_validate_credit_code (u->credit_code, code, error)
         && rectify_validate_optional (_ ("Address"), u->address, 400, error)
         && rectify_validate_optional (_ ("District"), u->district, 100, error)
         && rectify_validate_optional (_ ("Industry"), u->industry, 100, error)
         && rectify_validate_optional (_ ("Legal representative"), u->legal_rep, 64, error)
         && rectify_validate_optional (_ ("Safety manager"), u->safety_manager, 64, error)
         && rectify_validate_optional (_ ("Phone"), u->phone, 40, error);
}

static void
bind_unit (RectifyStmt *stmt, const RectifyUnit *u, const char *code)
{
  g_autofree char *name = g_strstrip (g_strdup (u->name));
  rectify_bind_text (stmt, 1, code);
  rectify_bind_text (stmt, 2, name);
  rectify_bind_text (stmt, 3, u->address);
  rectify_bind_text (stmt, 4, u->district);
  rectify_bind_text (stmt, 5, u->industry);
  sqlite3_bind_int (stmt, 6, u->crowded ? 1 : 0);
  rectify_bind_text (stmt, 7, u->legal_rep);
  rectify_bind_text (stmt, 8, u->safety_manager);
  rectify_bind_text (stmt, 9, u->phone);
}

gint64
rectify_store_add_unit (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *code = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!rectify_unit_validate (u, &code, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stmt = rectify_store_prepare (self,
                                "INSERT INTO unit (credit_code, name, address, district, industry, "
                                "crowded, legal_rep, safety_manager, phone, id)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_unit (stmt, u, code);
      rectify_bind_id_or_null (stmt, 10, u->id);
      ok = rectify_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
    }
  return finish_write (self, ok, "unit", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_unit (RectifyStore *self, const RectifyUnit *u, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_unit_validate (u, &code, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "unit", u->id);
  stmt = rectify_store_prepare (self,
                                "UPDATE unit SET credit_code = ?, name = ?, address = ?, district "
                                "= ?, industry = ?, crowded = ?,"
                                " legal_rep = ?, safety_manager = ?, phone = ? WHERE id = ?",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_unit (stmt, u, code);
      sqlite3_bind_int64 (stmt, 10, u->id);
      ok = updated_one (self, stmt, _ ("unit"), u->id, error);
    }
  return finish_write (self, ok, "unit", u->id, "update", before, error);
}

#define UNIT_COLUMNS                                                                               \
  "id, credit_code, name, address, district, industry, crowded, legal_rep, safety_manager, phone"

static gpointer
read_unit (RectifyStmt *stmt)
{
  RectifyUnit *u = rectify_unit_new ();
  u->id = sqlite3_column_int64 (stmt, 0);
  u->credit_code = rectify_column_text (stmt, 1);
  u->name = rectify_column_text (stmt, 2);
  u->address = rectify_column_text (stmt, 3);
  u->district = rectify_column_text (stmt, 4);
  u->industry = rectify_column_text (stmt, 5);
  u->crowded = sqlite3_column_int (stmt, 6);
  u->legal_rep = rectify_column_text (stmt, 7);
  u->safety_manager = rectify_column_text (stmt, 8);
  u->phone = rectify_column_text (stmt, 9);
  return u;
}

RectifyUnit *
rectify_store_get_unit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Unit: there is no unit with id %" PRId64), id);
      return NULL;
    }
  return read_unit (stmt);
}

gboolean
rectify_store_find_unit (RectifyStore *self, const char *id_or_code, gint64 *out_id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *upper = g_ascii_strup (id_or_code ? id_or_code : "", -1);
  gint64 number = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  stmt = rectify_store_prepare (self,
                                "SELECT id FROM unit WHERE credit_code = ?2 UNION ALL SELECT id "
                                "FROM unit WHERE id = ?1 LIMIT 1",
                                error);
  if (!stmt)
    return FALSE;
  if (g_ascii_string_to_signed (upper, 10, 1, G_MAXINT64, &number, NULL))
    sqlite3_bind_int64 (stmt, 1, number);
  rectify_bind_text (stmt, 2, upper);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Unit: no unit has the id or credit code “%s”"),
                   id_or_code ? id_or_code : "");
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static const char *const unit_sorts[]
    = { "name",     "name",     "id",       "id",      "credit_code", "credit_code", "district",
        "district", "industry", "industry", "crowded", "crowded",     NULL };

static gboolean
unit_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!check_sort (unit_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      add_search (f, "unit_fts", q);
      if (q->district && *q->district)
        rectify_filter_add_text (f, "district = ?", q->district);
      if (q->industry && *q->industry)
        rectify_filter_add_text (f, "industry = ?", q->industry);
      if (q->crowded >= 0)
        rectify_filter_add_int (f, "crowded = ?", q->crowded ? 1 : 0);
    }
  return TRUE;
}

GPtrArray *
rectify_store_list_units (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows = NULL;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (self, UNIT_COLUMNS, "unit", &f, order, q, read_unit,
                                   (GDestroyNotify)rectify_unit_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

GArray *
rectify_store_query_unit_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!unit_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "id", "unit", "unit", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_units_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return rectify_store_rows_by_ids (self, UNIT_COLUMNS, "unit", "id", read_unit,
                                    (GDestroyNotify)rectify_unit_free, ids, n_ids, error);
}

char **
rectify_store_list_unit_values (RectifyStore *self, const char *field, GError **error)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (RectifyStmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (g_strcmp0 (field, "district") == 0)
    sql = "SELECT DISTINCT district FROM unit WHERE district <> '' ORDER BY district";
  else if (g_strcmp0 (field, "industry") == 0)
    sql = "SELECT DISTINCT industry FROM unit WHERE industry <> '' ORDER BY industry";
  else
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Field: use district or industry"));
      return NULL;
    }
  stmt = rectify_store_prepare (self, sql, error);
  if (!stmt)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, rectify_column_text (stmt, 0));
  g_ptr_array_add (values, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/* Removes a row with its audit entry; a row that others refer to is refused
 * with what to do instead.  The record is returned so that an undo can add
 * it again under the same id. */
static gboolean
delete_row (
    RectifyStore *self, const char *table, gint64 id, const char *in_use_message, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr (RectifyStmt) stmt = NULL;
  gboolean ok;
  int rc;

  if (!rectify_store_check_writer (self, error) || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, table, id);
  ok = before != NULL;
  if (!ok)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("There is no %s with id %" PRId64), table, id);
  if (ok)
    {
      stmt = rectify_store_prepare (self, sql, error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error_literal (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE, in_use_message);
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        ok = rectify_store_fail (self, rc, error);
    }
  ok = ok && rectify_store_audit (self, table, id, "delete", before, NULL, error);
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_store_delete_unit (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return delete_row (self, "unit", id,
                     _ ("This unit has equipment, operators, inspections or documents on record; "
                        "it cannot be deleted"),
                     error);
}

gboolean
rectify_store_delete_equipment (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return delete_row (self, "equipment", id,
                     _ ("This item was inspected or has hazards on record; set its status "
                        "(scrapped, moved out) instead of deleting it"),
                     error);
}

gboolean
rectify_store_delete_operator (RectifyStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  return delete_row (self, "operator", id, _ ("This operator is still referred to"), error);
}

/* ---- equipment ------------------------------------------------------- */

static gboolean
validate_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  return rectify_store_check_id (self, "unit", e->unit_id, _ ("Unit"), error)
         && rectify_equipment_validate_fields (e, error);
}

gboolean
rectify_equipment_validate_fields (const RectifyEquipment *e, GError **error)
{
  if (rectify_category_to_code (e->category) == NULL)
    {
      g_autofree char *codes = rectify_codes_joined (rectify_category_codes ());
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Category: %d is not a catalogue code; use %s"), (int)e->category, codes);
      return FALSE;
    }
  if (e->code && *e->code && !rectify_validate_equipment_code (e->code, error))
    return FALSE;
  if ((!e->code || !*e->code) && e->category != RECTIFY_CATEGORY_GAS_CYLINDER)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
          _ ("Equipment code: required (only gas cylinders counted in bulk may go without)"));
      return FALSE;
    }
  if (e->quantity < 1 || (e->quantity > 1 && e->category != RECTIFY_CATEGORY_GAS_CYLINDER))
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
          _ ("Quantity: only gas cylinders are counted in bulk; other equipment has quantity 1"));
      return FALSE;
    }
  if (rectify_equipment_status_to_code (e->status) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Status: unknown status"));
      return FALSE;
    }
  if ((e->last_inspection && *e->last_inspection
       && !rectify_validate_date (_ ("Last inspection"), e->last_inspection, error))
      || (e->next_inspection && *e->next_inspection
          && !rectify_validate_date (_ ("Next inspection"), e->next_inspection, error))
      || (e->postponed_until && *e->postponed_until
          && !rectify_validate_date (_ ("Postponed until"), e->postponed_until, error)))
    return FALSE;
  if (e->last_inspection && *e->last_inspection && e->next_inspection && *e->next_inspection
      && strcmp (e->next_inspection, e->last_inspection) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Next inspection: %s is before the last inspection %s"), e->next_inspection,
                   e->last_inspection);
      return FALSE;
    }
  return rectify_validate_optional (_ ("Registration certificate"), e->reg_cert, 64, error)
         && rectify_validate_optional (_ ("Variety"), e->variety, 200, error)
         && rectify_validate_optional (_ ("Location"), e->location, 400, error)
         && rectify_validate_optional (_ ("Registered user"), e->registered_user, 200, error);
}

static void
bind_equipment (RectifyStmt *stmt, const RectifyEquipment *e)
{
  sqlite3_bind_int64 (stmt, 1, e->unit_id);
  sqlite3_bind_int (stmt, 2, e->category);
  rectify_bind_text_or_null (stmt, 3, e->code);
  rectify_bind_text (stmt, 4, e->reg_cert);
  rectify_bind_text (stmt, 5, e->variety);
  rectify_bind_text (stmt, 6, e->location);
  rectify_bind_text (stmt, 7, rectify_equipment_status_to_code (e->status));
  rectify_bind_text (stmt, 8, e->registered_user);
  sqlite3_bind_int (stmt, 9, e->quantity);
  rectify_bind_text_or_null (stmt, 10, e->last_inspection);
  rectify_bind_text_or_null (stmt, 11, e->next_inspection);
  rectify_bind_text_or_null (stmt, 12, e->postponed_until);
}

gint64
rectify_store_add_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_equipment (self, e, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stmt = rectify_store_prepare (self,
                                "INSERT INTO equipment (unit_id, category, code, reg_cert, "
                                "variety, location, status, registered_user,"
                                " quantity, last_inspection, next_inspection, postponed_until, id) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_equipment (stmt, e);
      rectify_bind_id_or_null (stmt, 13, e->id);
      ok = rectify_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
    }
  return finish_write (self, ok, "equipment", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_equipment (RectifyStore *self, const RectifyEquipment *e, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_equipment (self, e, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "equipment", e->id);
  stmt = rectify_store_prepare (
      self,
      "UPDATE equipment SET unit_id = ?, category = ?, code = ?, reg_cert = ?, variety = ?, "
      "location = ?,"
      " status = ?, registered_user = ?, quantity = ?, last_inspection = ?, next_inspection = ?,"
      " postponed_until = ? WHERE id = ?",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_equipment (stmt, e);
      sqlite3_bind_int64 (stmt, 13, e->id);
      ok = updated_one (self, stmt, _ ("equipment item"), e->id, error);
    }
  return finish_write (self, ok, "equipment", e->id, "update", before, error);
}

#define EQUIPMENT_COLUMNS                                                                          \
  "e.id, e.unit_id, e.category, coalesce(e.code, ''), e.reg_cert, e.variety, e.location,"          \
  " e.status, e.registered_user, e.quantity, e.last_inspection, e.next_inspection,"                \
  " e.postponed_until, u.name"

static gpointer
read_equipment (RectifyStmt *stmt)
{
  RectifyEquipment *e = rectify_equipment_new ();
  e->id = sqlite3_column_int64 (stmt, 0);
  e->unit_id = sqlite3_column_int64 (stmt, 1);
  e->category = sqlite3_column_int (stmt, 2);
  e->code = rectify_column_text (stmt, 3);
  e->reg_cert = rectify_column_text (stmt, 4);
  e->variety = rectify_column_text (stmt, 5);
  e->location = rectify_column_text (stmt, 6);
  rectify_equipment_status_from_code ((const char *)sqlite3_column_text (stmt, 7), &e->status);
  e->registered_user = rectify_column_text (stmt, 8);
  e->quantity = sqlite3_column_int (stmt, 9);
  e->last_inspection = rectify_column_text_or_null (stmt, 10);
  e->next_inspection = rectify_column_text_or_null (stmt, 11);
  e->postponed_until = rectify_column_text_or_null (stmt, 12);
  e->unit_name = rectify_column_text (stmt, 13);
  return e;
}

RectifyEquipment *
rectify_store_get_equipment (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self,
                                "SELECT " EQUIPMENT_COLUMNS
                                " FROM equipment e JOIN unit u ON u.id = e.unit_id"
                                " WHERE e.id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Equipment: there is no equipment item with id %" PRId64), id);
      return NULL;
    }
  return read_equipment (stmt);
}

static const char *const equipment_sorts[]
    = { "id",         "e.id",   "code",     "e.code",          "category",
        "e.category", "status", "e.status", "next_inspection", "e.next_inspection",
        "unit",       "u.name", "location", "e.location",      NULL };

/* Codes and certificate numbers are found by prefix through their B-tree
 * indices (a code prefix can match half a city's items, too many terms for
 * the search index), from six characters on; words of the variety and
 * location through the search index. */
static void
add_equipment_search (RectifyFilter *f, const char *search)
{
  g_autofree char *match = rectify_fts_query (search);
  g_autofree char *prefix = NULL;
  g_autofree char *upper = NULL;

  if (match == NULL)
    return;
  prefix = g_ascii_strup (search, -1);
  g_strstrip (prefix);
  /* a shorter prefix (a variety code such as 3110) is no search for an item */
  if (g_utf8_strlen (prefix, -1) < 6)
    {
      rectify_filter_add_match (f, "e.id", "equipment_fts", match);
      return;
    }
  /* every text starting with prefix sorts below prefix + U+10FFFF */
  upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  rectify_filter_add (f,
                      "(e.code >= ? AND e.code < ?) OR (e.reg_cert >= ? AND e.reg_cert < ?)"
                      " OR e.id IN (SELECT rowid FROM equipment_fts WHERE equipment_fts MATCH ?)");
  for (int i = 0; i < 2; i++)
    {
      RectifyArg lo = { TRUE, 0, g_strdup (prefix) };
      RectifyArg hi = { TRUE, 0, g_strdup (upper) };
      g_array_append_val (f->args, lo);
      g_array_append_val (f->args, hi);
    }
  {
    RectifyArg m = { TRUE, 0, g_steal_pointer (&match) };
    g_array_append_val (f->args, m);
  }
}

static gboolean
equipment_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!check_sort (equipment_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      if (q->search)
        add_equipment_search (f, q->search);
      if (q->unit_id > 0)
        rectify_filter_add_int (f, "e.unit_id = ?", q->unit_id);
      if (q->category > 0)
        rectify_filter_add_int (f, "e.category = ?", q->category);
      if (q->status >= 0)
        rectify_filter_add_text (f, "e.status = ?", rectify_equipment_status_to_code (q->status));
      if (q->inspection_overdue)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          /* in use, and next date missing or past, unless an approved postponement covers today */
          rectify_filter_add (f, "e.status = 'in_use'");
          rectify_filter_add_text_n (f,
                                     "e.next_inspection IS NULL OR (e.next_inspection < ?"
                                     " AND (e.postponed_until IS NULL OR e.postponed_until < ?))",
                                     2, today);
        }
      if (q->user_differs)
        rectify_filter_add (f, "e.registered_user <> '' AND e.registered_user <> u.name");
    }
  return TRUE;
}

GPtrArray *
rectify_store_list_equipment (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (
      self, EQUIPMENT_COLUMNS, "equipment e JOIN unit u ON u.id = e.unit_id", &f, order, q,
      read_equipment, (GDestroyNotify)rectify_equipment_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

GArray *
rectify_store_query_equipment_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!equipment_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "e.id", "equipment e JOIN unit u ON u.id = e.unit_id",
                                 "equipment e", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_equipment_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return rectify_store_rows_by_ids (
      self, EQUIPMENT_COLUMNS, "equipment e JOIN unit u ON u.id = e.unit_id", "e.id",
      read_equipment, (GDestroyNotify)rectify_equipment_free, ids, n_ids, error);
}

/* ---- operators ------------------------------------------------------ */

static gboolean
validate_operator (RectifyStore *self, const RectifyOperator *op, char **id_number, GError **error)
{
  return rectify_store_check_id (self, "unit", op->unit_id, _ ("Unit"), error)
         && rectify_operator_validate_fields (op, id_number, error);
}

gboolean
rectify_operator_validate_fields (const RectifyOperator *op, char **id_number, GError **error)
{
  return rectify_validate_required (C_ ("person", "Name"), op->name, 64, error)
         && (!op->id_number || !*op->id_number
             || rectify_validate_id_number (op->id_number, id_number, error))
         && rectify_validate_optional (_ ("Certificate number"), op->cert_no, 64, error)
         && rectify_validate_optional (_ ("Certificate category"), op->cert_category, 64, error)
         && (!op->cert_expiry || !*op->cert_expiry
             || rectify_validate_date (_ ("Certificate expiry"), op->cert_expiry, error));
}

static void
bind_operator (RectifyStmt *stmt, const RectifyOperator *op, const char *id_number)
{
  g_autofree char *name = g_strstrip (g_strdup (op->name));
  sqlite3_bind_int64 (stmt, 1, op->unit_id);
  rectify_bind_text (stmt, 2, name);
  rectify_bind_text (stmt, 3, id_number);
  rectify_bind_text (stmt, 4, op->cert_no);
  rectify_bind_text (stmt, 5, op->cert_category);
  rectify_bind_text_or_null (stmt, 6, op->cert_expiry);
}

gint64
rectify_store_add_operator (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *id_number = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_operator (self, op, &id_number, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stmt = rectify_store_prepare (
      self,
      "INSERT INTO operator (unit_id, name, id_number, cert_no, cert_category, cert_expiry, id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_operator (stmt, op, id_number);
      rectify_bind_id_or_null (stmt, 7, op->id);
      ok = rectify_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
    }
  return finish_write (self, ok, "operator", id, "create", NULL, error) ? id : 0;
}

gboolean
rectify_store_update_operator (RectifyStore *self, const RectifyOperator *op, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_operator (self, op, &id_number, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "operator", op->id);
  stmt = rectify_store_prepare (self,
                                "UPDATE operator SET unit_id = ?, name = ?, id_number = ?, cert_no "
                                "= ?, cert_category = ?, cert_expiry = ?"
                                " WHERE id = ?",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_operator (stmt, op, id_number);
      sqlite3_bind_int64 (stmt, 7, op->id);
      ok = updated_one (self, stmt, _ ("operator"), op->id, error);
    }
  return finish_write (self, ok, "operator", op->id, "update", before, error);
}

#define OPERATOR_COLUMNS                                                                           \
  "o.id, o.unit_id, o.name, o.id_number, o.cert_no, o.cert_category, o.cert_expiry, u.name"

static gpointer
read_operator (RectifyStmt *stmt)
{
  RectifyOperator *o = rectify_operator_new ();
  o->id = sqlite3_column_int64 (stmt, 0);
  o->unit_id = sqlite3_column_int64 (stmt, 1);
  o->name = rectify_column_text (stmt, 2);
  o->id_number = rectify_column_text (stmt, 3);
  o->cert_no = rectify_column_text (stmt, 4);
  o->cert_category = rectify_column_text (stmt, 5);
  o->cert_expiry = rectify_column_text_or_null (stmt, 6);
  o->unit_name = rectify_column_text (stmt, 7);
  return o;
}

RectifyOperator *
rectify_store_get_operator (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self,
                                "SELECT " OPERATOR_COLUMNS
                                " FROM operator o JOIN unit u ON u.id = o.unit_id"
                                " WHERE o.id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Operator: there is no operator with id %" PRId64), id);
      return NULL;
    }
  return read_operator (stmt);
}

static const char *const operator_sorts[]
    = { "name", "o.name", "id", "o.id", "cert_expiry", "o.cert_expiry", "unit", "u.name", NULL };

static gboolean
operator_filter (const RectifyQuery *q, RectifyFilter *f, const char **order, GError **error)
{
  if (!check_sort (operator_sorts, q, order, error))
    return FALSE;
  rectify_filter_init (f);
  if (q)
    {
      if (q->search && *q->search)
        {
          /* operators are few per unit: names and certificates by substring */
          g_autofree char *like = g_strdup_printf ("%%%s%%", q->search);
          rectify_filter_add_texts (f, "o.name LIKE ?1 OR o.cert_no LIKE ?1", like, NULL);
        }
      if (q->unit_id > 0)
        rectify_filter_add_int (f, "o.unit_id = ?", q->unit_id);
      if (q->licence_expired)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_filter_add_text (f, "o.cert_expiry < ?", today);
        }
    }
  return TRUE;
}

GArray *
rectify_store_query_operator_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  RectifyFilter f;
  GArray *ids;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  ids = rectify_store_query_ids (self, "o.id", "operator o JOIN unit u ON u.id = o.unit_id",
                                 "operator o", &f, order, q, error);
  rectify_filter_clear (&f);
  return ids;
}

GPtrArray *
rectify_store_get_operators_by_ids (RectifyStore *self,
                                    const gint64 *ids,
                                    guint n_ids,
                                    GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return rectify_store_rows_by_ids (
      self, OPERATOR_COLUMNS, "operator o JOIN unit u ON u.id = o.unit_id", "o.id", read_operator,
      (GDestroyNotify)rectify_operator_free, ids, n_ids, error);
}

GPtrArray *
rectify_store_list_operators (RectifyStore *self,
                              const RectifyQuery *q,
                              gint64 *total,
                              GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!operator_filter (q, &f, &order, error))
    return NULL;
  rows = rectify_store_query_page (
      self, OPERATOR_COLUMNS, "operator o JOIN unit u ON u.id = o.unit_id", &f, order, q,
      read_operator, (GDestroyNotify)rectify_operator_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}
