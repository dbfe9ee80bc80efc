/* rectify-store-officers.h: what a backend stores of the officer table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreOfficerOps
{
  /* Adds the officer (id ignored) and returns its new id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyOfficer *officer, GError **error);
  /* Writes every field of the officer with officer->id; *found FALSE when there is none. */
  gboolean (*update) (RectifyStore *self,
                      const RectifyOfficer *officer,
                      gboolean *found,
                      GError **error);
  /* The officer with id, NULL when there is none (and then error unset). */
  RectifyOfficer *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* Every officer (RectifyOfficer), by name, then id. */
  GPtrArray *(*list) (RectifyStore *self, GError **error);
  /* The id of the officer with this badge, else with id (0: none), 0 when none has either. */
  gint64 (*find) (RectifyStore *self, gint64 id, const char *badge, GError **error);
  /* TRUE when at least one officer is stored. */
  gboolean (*any) (RectifyStore *self, GError **error);
};

G_END_DECLS
