/* rectify-campaigns.c: campaigns, their teams and their archiving
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-campaigns.h"
#include "rectify-store-inspections.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

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

gint64
rectify_store_add_campaign (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autofree char *name = NULL;
  RectifyCampaign stored;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!validate_campaign (self, c, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_begin (self, error))
    return 0;
  stored = *c;
  stored.name = name = g_strstrip (g_strdup (c->name));
  id = RECTIFY_STORE_OPS (self, campaigns)->insert (self, &stored, error);
  return rectify_store_finish_write (self, id > 0, "campaign", id, "create", NULL, error) ? id : 0;
}

/* New days of a stored campaign still hold every inspection made in it. */
static gboolean
check_days_hold_inspections (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *end = rectify_campaign_end_date (c);

  if (!RECTIFY_STORE_OPS (self, inspections)->date_range (self, c->id, &first, &last, error))
    return FALSE;
  if (first && strcmp (first, c->start_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Start date: the campaign's first inspection is dated %s; the campaign "
                      "cannot start after it"),
                   first);
      return FALSE;
    }
  if (last && end && strcmp (last, end) > 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Length: the campaign's last inspection is dated %s; the campaign cannot "
                      "end before it (it would end on %s)"),
                   last, end);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_store_update_campaign (RectifyStore *self, const RectifyCampaign *c, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  RectifyCampaign stored;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!validate_campaign (self, c, error) || !rectify_store_check_writer (self, error)
      || !rectify_store_check_campaign_open (self, c->id, error)
      || !check_days_hold_inspections (self, c, error) || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "campaign", c->id);
  stored = *c;
  stored.name = name = g_strstrip (g_strdup (c->name));
  ok = RECTIFY_STORE_OPS (self, campaigns)->update (self, &stored, &found, error)
       && rectify_store_check_found (found, _ ("campaign"), c->id, error);
  return rectify_store_finish_write (self, ok, "campaign", c->id, "update", before, error);
}

gboolean
rectify_store_archive_campaign (RectifyStore *self, gint64 id, GError **error)
{
  g_autofree char *before = NULL;
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  /* archivists archive: no rectify_store_check_writer here */
  if (!rectify_store_check_id (self, "campaign", id, _ ("Campaign"), error)
      || !rectify_store_check_campaign_open (self, id, error) || !rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "campaign", id);
  ok = RECTIFY_STORE_OPS (self, campaigns)
           ->set_status (self, id, RECTIFY_CAMPAIGN_ARCHIVED, &found, error)
       && rectify_store_check_found (found, _ ("campaign"), id, error);
  return rectify_store_finish_write (self, ok, "campaign", id, "archive", before, error);
}

gboolean
rectify_store_check_campaign_open (RectifyStore *self, gint64 campaign_id, GError **error)
{
  g_autofree char *name = NULL;
  RectifyCampaignStatus status = RECTIFY_CAMPAIGN_ACTIVE;

  if (campaign_id <= 0)
    return TRUE;
  if (!RECTIFY_STORE_OPS (self, campaigns)->get_status (self, campaign_id, &name, &status, error))
    return FALSE;
  if (name && status == RECTIFY_CAMPAIGN_ARCHIVED)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Campaign: “%s” is archived; its inspections, hazards and documents can no "
                      "longer change"),
                   name);
      return FALSE;
    }
  return TRUE;
}

RectifyCampaign *
rectify_store_get_campaign (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyCampaign *c;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  c = RECTIFY_STORE_OPS (self, campaigns)->get (self, id, &local);
  if (c == NULL && local)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (c == NULL)
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                 _ ("Campaign: there is no campaign with id %" PRId64), id);
  return c;
}

GPtrArray *
rectify_store_list_campaigns (RectifyStore *self, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, campaigns)->list (self, error);
}
