/* rectify-pg-campaigns.c: the SQL of campaigns and their members on PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-pg-private.h"
#include "rectify-store-campaigns.h"

#define CAMPAIGN_COLUMNS                                                                           \
  "id, name, start_date, days, coalesce(head_id, 0), coalesce(deputy_id, 0), work_plan,"           \
  " key_industries, key_links, key_areas, status"

static gpointer
read_campaign (const PGresult *r, int row)
{
  RectifyCampaign *c = rectify_campaign_new ();
  c->id = rectify_pg_int (r, row, 0);
  c->name = rectify_pg_dup_text (r, row, 1);
  c->start_date = rectify_pg_dup_text (r, row, 2);
  c->days = (int)rectify_pg_int (r, row, 3);
  c->head_id = rectify_pg_int (r, row, 4);
  c->deputy_id = rectify_pg_int (r, row, 5);
  c->work_plan = rectify_pg_dup_text (r, row, 6);
  c->key_industries = rectify_pg_dup_text (r, row, 7);
  c->key_links = rectify_pg_dup_text (r, row, 8);
  c->key_areas = rectify_pg_dup_text (r, row, 9);
  rectify_campaign_status_from_code (rectify_pg_text (r, row, 10), &c->status);
  return c;
}

static gboolean
read_members (RectifyStore *self, RectifyCampaign *c, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  rectify_pg_add_int (&p, c->id);
  res = rectify_pg_exec (
      self,
      "SELECT m.officer_id FROM campaign_member m JOIN officer o ON o.id = m.officer_id"
      " WHERE m.campaign_id = $1 ORDER BY o.name, m.officer_id",
      &p, error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 id = rectify_pg_int (res, i, 0);
      g_array_append_val (c->member_ids, id);
    }
  return TRUE;
}

static gboolean
write_members (RectifyStore *self, gint64 id, const RectifyCampaign *c, GError **error)
{
  g_auto (RectifyPgParams) del = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&del, id);
  if (!rectify_pg_run (self, "DELETE FROM campaign_member WHERE campaign_id = $1", &del, error))
    return FALSE;
  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    {
      g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

      rectify_pg_add_int (&p, id);
      rectify_pg_add_int (&p, g_array_index (c->member_ids, gint64, i));
      if (!rectify_pg_run (self,
                           "INSERT INTO campaign_member (campaign_id, officer_id) VALUES ($1, $2)"
                           " ON CONFLICT DO NOTHING",
                           &p, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_campaign (RectifyPgParams *p, const RectifyCampaign *c)
{
  rectify_pg_add_text (p, c->name);
  rectify_pg_add_text (p, c->start_date);
  rectify_pg_add_int (p, c->days);
  rectify_pg_add_id_or_null (p, c->head_id);
  rectify_pg_add_id_or_null (p, c->deputy_id);
  rectify_pg_add_text (p, c->work_plan);
  rectify_pg_add_text (p, c->key_industries);
  rectify_pg_add_text (p, c->key_links);
  rectify_pg_add_text (p, c->key_areas);
  rectify_pg_add_text (p, rectify_campaign_status_to_code (c->status));
}

static gint64
campaign_insert (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  gint64 id;

  add_campaign (&p, c);
  id = rectify_pg_insert (
      self,
      "INSERT INTO campaign (name, start_date, days, head_id, deputy_id, work_plan, key_industries,"
      " key_links, key_areas, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
      " RETURNING id",
      &p, error);
  return id > 0 && write_members (self, id, c, error) ? id : 0;
}

static gboolean
campaign_update (RectifyStore *self, const RectifyCampaign *c, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  add_campaign (&p, c);
  rectify_pg_add_int (&p, c->id);
  return rectify_pg_update (self,
                            "UPDATE campaign SET name = $1, start_date = $2, days = $3,"
                            " head_id = $4, deputy_id = $5, work_plan = $6, key_industries = $7,"
                            " key_links = $8, key_areas = $9, status = $10 WHERE id = $11",
                            &p, found, error)
         && *found && write_members (self, c->id, c, error);
}

static gboolean
campaign_set_status (
    RectifyStore *self, gint64 id, RectifyCampaignStatus status, gboolean *found, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_text (&p, rectify_campaign_status_to_code (status));
  rectify_pg_add_int (&p, id);
  return rectify_pg_update (self, "UPDATE campaign SET status = $1 WHERE id = $2", &p, found,
                            error);
}

static RectifyCampaign *
campaign_get (RectifyStore *self, gint64 id, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;
  g_autoptr (RectifyCampaign) c = NULL;

  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = $1", &p,
                         error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  c = read_campaign (res, 0);
  if (!read_members (self, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

static GPtrArray *
campaign_list (RectifyStore *self, GError **error)
{
  RectifyPgFilter f;
  GPtrArray *rows;

  rectify_pg_filter_init (&f);
  rows = rectify_pg_query_page (self, CAMPAIGN_COLUMNS, "campaign", &f, "start_date DESC, id", NULL,
                                read_campaign, (GDestroyNotify)rectify_campaign_free, NULL, error);
  rectify_pg_filter_clear (&f);
  for (guint i = 0; rows && i < rows->len; i++)
    if (!read_members (self, g_ptr_array_index (rows, i), error))
      g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

static gboolean
campaign_get_status (
    RectifyStore *self, gint64 id, char **name, RectifyCampaignStatus *status, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (PGresult) res = NULL;

  *name = NULL;
  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec (self, "SELECT name, status FROM campaign WHERE id = $1", &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    {
      *name = rectify_pg_dup_text (res, 0, 0);
      rectify_campaign_status_from_code (rectify_pg_text (res, 0, 1), status);
    }
  return TRUE;
}

static gboolean
campaign_any (RectifyStore *self, GError **error)
{
  return rectify_pg_any (self, "SELECT 1 FROM campaign LIMIT 1", NULL, error);
}

const RectifyStoreCampaignOps rectify_pg_campaign_ops = {
  .insert = campaign_insert,
  .update = campaign_update,
  .set_status = campaign_set_status,
  .get = campaign_get,
  .list = campaign_list,
  .get_status = campaign_get_status,
  .any = campaign_any,
};
