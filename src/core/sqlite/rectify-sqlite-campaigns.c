/* rectify-sqlite-campaigns.c: the campaign table and its members
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-sqlite-private.h"
#include "rectify-store-campaigns.h"

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

static gboolean
write_members (RectifyStore *self, gint64 id, const RectifyCampaign *c, GError **error)
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
  rectify_bind_text (stmt, 1, c->name);
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

static gint64
campaign_insert (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "INSERT INTO campaign (name, start_date, days, head_id, deputy_id, work_plan, key_industries,"
      " key_links, key_areas, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  gint64 id;

  if (!stmt)
    return 0;
  bind_campaign (stmt, c);
  id = rectify_sqlite_step_insert (self, stmt, error);
  return id > 0 && write_members (self, id, c, error) ? id : 0;
}

static gboolean
campaign_update (RectifyStore *self, const RectifyCampaign *c, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
      self,
      "UPDATE campaign SET name = ?, start_date = ?, days = ?, head_id = ?, deputy_id = ?, "
      "work_plan = ?,"
      " key_industries = ?, key_links = ?, key_areas = ?, status = ? WHERE id = ?",
      error);

  if (!stmt)
    return FALSE;
  bind_campaign (stmt, c);
  sqlite3_bind_int64 (stmt, 11, c->id);
  return rectify_sqlite_step_update (self, stmt, found, error) && *found
         && write_members (self, c->id, c, error);
}

static gboolean
campaign_set_status (
    RectifyStore *self, gint64 id, RectifyCampaignStatus status, gboolean *found, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "UPDATE campaign SET status = ? WHERE id = ?", error);

  if (!stmt)
    return FALSE;
  rectify_bind_text (stmt, 1, rectify_campaign_status_to_code (status));
  sqlite3_bind_int64 (stmt, 2, id);
  return rectify_sqlite_step_update (self, stmt, found, error);
}

static RectifyCampaign *
campaign_get (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (RectifyCampaign) c = NULL;

  stmt = rectify_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  c = read_campaign (stmt);
  if (!read_members (self, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

static GPtrArray *
campaign_list (RectifyStore *self, GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;

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

static gboolean
campaign_get_status (
    RectifyStore *self, gint64 id, char **name, RectifyCampaignStatus *status, GError **error)
{
  g_autoptr (RectifyStmt) stmt
      = rectify_store_prepare (self, "SELECT name, status FROM campaign WHERE id = ?", error);

  *name = NULL;
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *name = rectify_column_text (stmt, 0);
      rectify_campaign_status_from_code ((const char *)sqlite3_column_text (stmt, 1), status);
    }
  return TRUE;
}

static gboolean
campaign_any (RectifyStore *self, GError **error)
{
  return rectify_sqlite_any (self, "SELECT 1 FROM campaign LIMIT 1", error);
}

const RectifyStoreCampaignOps rectify_sqlite_campaign_ops = {
  .insert = campaign_insert,
  .update = campaign_update,
  .set_status = campaign_set_status,
  .get = campaign_get,
  .list = campaign_list,
  .get_status = campaign_get_status,
  .any = campaign_any,
};
