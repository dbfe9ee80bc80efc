/* rectify-summary-facts.c: what the work summary says is still to do, from the records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <string.h>

#include "rectify-schedule.h"
#include "rectify-summary-facts.h"

#define BATCH 1000

static void
overdue_unit_free (gpointer data)
{
  RectifyOverdueUnit *u = data;
  g_free (u->unit_name);
  g_free (u);
}

void
rectify_summary_facts_free (RectifySummaryFacts *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->as_of);
  g_clear_pointer (&facts->overdue_units, g_ptr_array_unref);
  g_free (facts);
}

static int
compare_units (gconstpointer a, gconstpointer b)
{
  const RectifyOverdueUnit *x = *(RectifyOverdueUnit *const *)a;
  const RectifyOverdueUnit *y = *(RectifyOverdueUnit *const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->unit_name, y->unit_name);
}

/* Looks at the events of each hazard for stop-use orders and major
 * reports dated by as_of; each hazard once (seen). */
static gboolean
scan_events (
    RectifyStore *store, GArray *ids, GHashTable *seen, RectifySummaryFacts *facts, GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      g_autoptr (GPtrArray) events = NULL;
      gboolean stopped = FALSE, reported = FALSE;

      if (g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, id);
      if (!(events = rectify_store_list_hazard_events (store, *id, error)))
        return FALSE;
      for (guint k = 0; k < events->len; k++)
        {
          RectifyHazardEvent *e = g_ptr_array_index (events, k);
          if (e->date && strcmp (e->date, facts->as_of) > 0)
            continue;
          stopped = stopped || e->kind == RECTIFY_EVENT_STOP_USE;
          reported = reported || e->kind == RECTIFY_EVENT_MAJOR_REPORT;
        }
      facts->stop_orders += stopped;
      facts->major_reported += reported;
    }
  return TRUE;
}

RectifySummaryFacts *
rectify_summary_facts_compute (RectifyStore *store,
                               gint64 campaign_id,
                               const char *as_of,
                               GError **error)
{
  g_autoptr (RectifySummaryFacts) facts = g_new0 (RectifySummaryFacts, 1);
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autoptr (GArray) overdue = NULL;
  g_autoptr (GArray) major = NULL;
  g_autoptr (GArray) visits = NULL;
  g_autoptr (GHashTable) by_unit = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  RectifyQuery q = RECTIFY_QUERY_INIT;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (!(campaign = rectify_store_get_campaign (store, campaign_id, error)))
    return NULL;
  facts->as_of = as_of ? g_strdup (as_of) : rectify_campaign_end_date (campaign);
  facts->overdue_units = g_ptr_array_new_with_free_func (overdue_unit_free);

  /* the overdue hazards, counted per unit */
  q.campaign_id = campaign_id;
  q.as_of = facts->as_of;
  q.as_of_limits = TRUE;
  q.overdue = TRUE;
  if (!(overdue = rectify_store_query_hazard_ids (store, &q, error)))
    return NULL;
  facts->overdue_hazards = overdue->len;
  for (guint from = 0; from < overdue->len; from += BATCH)
    {
      g_autoptr (GPtrArray) hazards = rectify_store_get_hazards_by_ids (
          store, &g_array_index (overdue, gint64, from), MIN (BATCH, overdue->len - from), error);
      if (hazards == NULL)
        return NULL;
      for (guint i = 0; i < hazards->len; i++)
        {
          RectifyHazard *h = g_ptr_array_index (hazards, i);
          RectifyOverdueUnit *u = g_hash_table_lookup (by_unit, h->unit_name);
          if (u == NULL)
            {
              u = g_new0 (RectifyOverdueUnit, 1);
              u->unit_name = g_strdup (h->unit_name);
              g_ptr_array_add (facts->overdue_units, u);
              g_hash_table_insert (by_unit, u->unit_name, u);
            }
          u->count++;
        }
    }
  g_ptr_array_sort (facts->overdue_units, compare_units);

  /* the major hazards, and those not closed */
  q.overdue = FALSE;
  q.grade = RECTIFY_GRADE_MAJOR;
  if (!(major = rectify_store_query_hazard_ids (store, &q, error)))
    return NULL;
  facts->major_hazards = major->len;
  q.status = RECTIFY_HAZARD_CLOSED;
  {
    g_autoptr (GArray) closed = rectify_store_query_hazard_ids (store, &q, error);
    if (closed == NULL)
      return NULL;
    facts->major_open = major->len - closed->len;
  }
  if (!scan_events (store, major, seen, facts, error)
      || !scan_events (store, overdue, seen, facts, error))
    return NULL;

  /* the back-checks planned and not done */
  {
    RectifyQuery v = RECTIFY_QUERY_INIT;
    v.kind = RECTIFY_VISIT_BACK_CHECK;
    v.status = 0;
    if (!(visits = rectify_store_query_visit_ids (store, &v, error)))
      return NULL;
    facts->back_checks_due = visits->len;
    v.overdue = TRUE;
    v.as_of = facts->as_of;
    g_clear_pointer (&visits, g_array_unref);
    if (!(visits = rectify_store_query_visit_ids (store, &v, error)))
      return NULL;
    facts->back_checks_late = visits->len;
  }
  return g_steal_pointer (&facts);
}
