/* rectify-store-campaigns.h: what a backend stores of campaigns and their leading group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreCampaignOps
{
  /* Adds the campaign with its members (id ignored) and returns its new id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyCampaign *campaign, GError **error);
  /* Writes every field and the members of campaign->id; *found FALSE when there is none. */
  gboolean (*update) (RectifyStore *self,
                      const RectifyCampaign *campaign,
                      gboolean *found,
                      GError **error);
  /* Sets the status of campaign id alone; *found FALSE when there is none. */
  gboolean (*set_status) (
      RectifyStore *self, gint64 id, RectifyCampaignStatus status, gboolean *found, GError **error);
  /* The campaign with id and its members (by name), NULL when there is none (error unset). */
  RectifyCampaign *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* Every campaign with its members, the latest start first, then by id. */
  GPtrArray *(*list) (RectifyStore *self, GError **error);
  /* The name and status of campaign id; *name NULL when there is none. */
  gboolean (*get_status) (
      RectifyStore *self, gint64 id, char **name, RectifyCampaignStatus *status, GError **error);
  /* TRUE when at least one campaign is stored. */
  gboolean (*any) (RectifyStore *self, GError **error);
};

G_END_DECLS
