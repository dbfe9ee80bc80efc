/* rectify-hazards.c: reading hazards, their events, attachments and categories, and the
 * rules of the hazard lists
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-store-attachments.h"
#include "rectify-store-hazards.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

RectifyHazard *
rectify_store_get_hazard (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyHazard *h;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  h = RECTIFY_STORE_OPS (self, hazards)->get (self, id, &local);
  if (h == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Hazard: there is no hazard with id %" PRId64), id);
    }
  return h;
}

typedef struct
{
  const char *key;
  RectifyHazardSort sort;
} SortKey;

/* The order of key among keys (the first when key is NULL); FALSE for a key
 * the list does not sort by. */
static gboolean
find_sort (const SortKey *keys, guint n_keys, const char *key, RectifyHazardSort *sort)
{
  if (key == NULL)
    {
      *sort = keys[0].sort;
      return TRUE;
    }
  for (guint i = 0; i < n_keys; i++)
    if (g_str_equal (keys[i].key, key))
      {
        *sort = keys[i].sort;
        return TRUE;
      }
  return FALSE;
}

static const SortKey page_sorts[] = {
  { "id", RECTIFY_HAZARD_SORT_ID },
  { "found_date", RECTIFY_HAZARD_SORT_FOUND_DATE },
  { "deadline", RECTIFY_HAZARD_SORT_DEADLINE },
  { "status", RECTIFY_HAZARD_SORT_STATUS },
  { "grade", RECTIFY_HAZARD_SORT_GRADE },
  { "category", RECTIFY_HAZARD_SORT_CATEGORY },
  { "unit", RECTIFY_HAZARD_SORT_UNIT },
};

GPtrArray *
rectify_store_list_hazards (RectifyStore *self,
                            const RectifyQuery *q,
                            gint64 *total,
                            GError **error)
{
  g_autofree char *day = NULL;
  RectifyHazardSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!find_sort (page_sorts, G_N_ELEMENTS (page_sorts), q ? q->sort : NULL, &sort))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use id, found_date, deadline, status, grade, "
                      "category or unit"),
                   q->sort);
      return NULL;
    }
  day = q && q->as_of ? g_strdup (q->as_of) : rectify_today ();
  return RECTIFY_STORE_OPS (self, hazards)->list (self, q, sort, day, total, error);
}

static const SortKey list_sorts[] = {
  { "id", RECTIFY_HAZARD_SORT_ID },
  { "deadline", RECTIFY_HAZARD_SORT_DEADLINE },
  { "found_date", RECTIFY_HAZARD_SORT_FOUND_DATE },
  { "status", RECTIFY_HAZARD_SORT_STATUS },
  { "grade", RECTIFY_HAZARD_SORT_GRADE },
  { "category", RECTIFY_HAZARD_SORT_CATEGORY },
  { "unit", RECTIFY_HAZARD_SORT_UNIT },
  { "description", RECTIFY_HAZARD_SORT_DESCRIPTION },
  { "supervisor", RECTIFY_HAZARD_SORT_SUPERVISOR },
};

/* Refuses what the lazy list cannot filter or sort by. */
static gboolean
check_list_query (const RectifyQuery *q, RectifyHazardSort *sort, GError **error)
{
  if (!find_sort (list_sorts, G_N_ELEMENTS (list_sorts), q ? q->sort : NULL, sort))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use id, deadline, found_date, status, grade, "
                      "category, unit, description or supervisor"),
                   q->sort);
      return FALSE;
    }
  if (q && q->status >= RECTIFY_N_HAZARD_STATUSES)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Status: unknown hazard status"));
      return FALSE;
    }
  if (q && q->grade >= RECTIFY_N_GRADES)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Grade: use general or major"));
      return FALSE;
    }
  if (q && q->due_within_days < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due within: %d days is not a number of days ahead"), q->due_within_days);
      return FALSE;
    }
  if (q && q->as_of && !rectify_validate_date (_ ("As of"), q->as_of, error))
    return FALSE;
  return TRUE;
}

GArray *
rectify_store_query_hazard_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_autofree char *day = NULL;
  RectifyHazardSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!check_list_query (q, &sort, error))
    return NULL;
  day = q && q->as_of ? g_strdup (q->as_of) : rectify_today ();
  return RECTIFY_STORE_OPS (self, hazards)->query_ids (self, q, sort, day, error);
}

GPtrArray *
rectify_store_get_hazards_by_ids (RectifyStore *self,
                                  const gint64 *ids,
                                  guint n_ids,
                                  GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return RECTIFY_STORE_OPS (self, hazards)->get_by_ids (self, ids, n_ids, error);
}

GPtrArray *
rectify_store_list_hazard_events (RectifyStore *self, gint64 hazard_id, GError **error)
{
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GArray) event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!rectify_store_check_id (self, "hazard", hazard_id, _ ("Hazard"), error))
    return NULL;
  events = RECTIFY_STORE_OPS (self, hazards)->list_events (self, hazard_id, error);
  if (events == NULL)
    return NULL;
  for (guint i = 0; i < events->len; i++)
    {
      RectifyHazardEvent *ev = g_ptr_array_index (events, i);
      g_hash_table_insert (by_id, &ev->id, ev);
    }
  attachments
      = RECTIFY_STORE_OPS (self, attachments)->list_for_hazard (self, hazard_id, event_ids, error);
  if (attachments == NULL)
    return NULL;
  /* each attachment moves to its event */
  g_ptr_array_set_free_func (attachments, NULL);
  for (guint i = 0; i < attachments->len; i++)
    {
      RectifyHazardEvent *ev = g_hash_table_lookup (by_id, &g_array_index (event_ids, gint64, i));
      g_ptr_array_add (ev->attachments, g_ptr_array_index (attachments, i));
    }
  return g_steal_pointer (&events);
}

RectifyAttachment *
rectify_store_get_attachment (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyAttachment *a;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  a = RECTIFY_STORE_OPS (self, attachments)->get (self, id, &local);
  if (a == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Attachment: there is no attachment with id %" PRId64), id);
    }
  return a;
}

GPtrArray *
rectify_store_list_hazard_categories (RectifyStore *self, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, hazards)->list_categories (self, error);
}
