/* rectify-inspection-query.c: the inspection list, lazily, with what each visit found
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-inspection-query.h"
#include "rectify-store-inspections.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

void
rectify_inspection_summary_free (RectifyInspectionSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->unit_name);
  g_free (self->campaign_name);
  g_free (self->officer_names);
  g_free (self->checklist);
  g_free (self);
}

GArray *
rectify_store_query_inspection_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_autofree char *day = NULL;
  RectifyInspectionSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!rectify_inspection_sort_from_query (q, &sort, error))
    return NULL;
  if (q && q->as_of && !rectify_validate_date (_ ("As of"), q->as_of, error))
    return NULL;
  day = q && q->as_of ? g_strdup (q->as_of) : rectify_today ();
  return RECTIFY_STORE_OPS (self, inspections)->query_ids (self, q, sort, day, error);
}

GPtrArray *
rectify_store_get_inspections_by_ids (RectifyStore *self,
                                      const gint64 *ids,
                                      guint n_ids,
                                      GError **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  rows = RECTIFY_STORE_OPS (self, inspections)->summaries_by_ids (self, ids, n_ids, error);
  /* the officers' names come joined by a unit separator (never in a name)
   * and are joined again with the translated list separator */
  for (guint i = 0; rows && i < rows->len; i++)
    {
      RectifyInspectionSummary *s = g_ptr_array_index (rows, i);
      g_auto (GStrv) parts = g_strsplit (s->officer_names, "\x1f", -1);

      g_free (s->officer_names);
      s->officer_names = g_strjoinv (C_ ("list separator", ", "), parts);
    }
  return rows;
}

const char *
rectify_check_item_hazard_category (RectifyCheckItem item)
{
  switch (item)
    {
    case RECTIFY_CHECK_REGISTRATION:
      return "registration_outdated";
    case RECTIFY_CHECK_OPERATOR_LICENCES:
      return "unlicensed_operator";
    case RECTIFY_CHECK_PERIODIC_INSPECTION:
      return "inspection_overdue";
    case RECTIFY_CHECK_EMERGENCY_PLAN:
    case RECTIFY_CHECK_PLAN_DRILLED:
      return "emergency_plan";
    /* the management body, persons and rules have no category of their own */
    case RECTIFY_CHECK_MANAGEMENT_BODY:
    case RECTIFY_CHECK_RESPONSIBLE_PERSONS:
    case RECTIFY_CHECK_RULES:
    case RECTIFY_N_CHECK_ITEMS:
    default:
      return "other";
    }
}
