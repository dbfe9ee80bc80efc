/* rectify-schedule.c: back-checks of closed hazards and re-inspections of overdue ones
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-schedule.h"
#include "rectify-store-private.h"
#include "rectify-store-visits.h"
#include "rectify-validate.h"

static const struct
{
  const char *code;
  const char *label;
} visit_kinds[RECTIFY_N_VISIT_KINDS] = {
  [RECTIFY_VISIT_BACK_CHECK] = { "back_check", N_ ("Back-check") },
  [RECTIFY_VISIT_RE_INSPECTION] = { "re_inspection", N_ ("Re-inspection") },
};

const char *
rectify_visit_kind_to_code (RectifyVisitKind kind)
{
  return (guint)kind < RECTIFY_N_VISIT_KINDS ? visit_kinds[kind].code : NULL;
}

const char *
rectify_visit_kind_to_label (RectifyVisitKind kind)
{
  return (guint)kind < RECTIFY_N_VISIT_KINDS ? _ (visit_kinds[kind].label) : NULL;
}

gboolean
rectify_visit_kind_from_code (const char *code, RectifyVisitKind *out)
{
  for (guint i = 0; i < RECTIFY_N_VISIT_KINDS; i++)
    if (g_strcmp0 (code, visit_kinds[i].code) == 0)
      {
        if (out)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

RectifyScheduledVisit *
rectify_scheduled_visit_new (void)
{
  return g_new0 (RectifyScheduledVisit, 1);
}

void
rectify_scheduled_visit_free (RectifyScheduledVisit *self)
{
  if (self == NULL)
    return;
  g_free (self->scheduled_on);
  g_free (self->due_date);
  g_free (self->note);
  g_free (self->done_date);
  g_free (self->unit_name);
  g_free (self->hazard_category);
  g_free (self->hazard_content);
  g_free (self);
}

gint64
rectify_store_schedule_visit (RectifyStore *self,
                              gint64 hazard_id,
                              RectifyVisitKind kind,
                              const char *due_date,
                              const char *note,
                              GError **error)
{
  g_autoptr (RectifyHazard) h = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *pending_due = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);

  if (!rectify_store_check_writer (self, error))
    return 0;
  if (rectify_visit_kind_to_code (kind) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Kind: use back_check or re_inspection"));
      return 0;
    }
  h = rectify_store_get_hazard (self, hazard_id, error);
  if (h == NULL || !rectify_store_check_campaign_open (self, h->campaign_id, error))
    return 0;
  if (kind == RECTIFY_VISIT_BACK_CHECK && h->status != RECTIFY_HAZARD_CLOSED)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Hazard %" PRId64 " is %s: a back-check is planned for a closed hazard"),
                   h->id, rectify_hazard_status_to_label (h->status));
      return 0;
    }
  if (kind == RECTIFY_VISIT_RE_INSPECTION && !rectify_hazard_is_overdue (h, today))
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          _ ("Hazard %" PRId64
             " is not overdue: a re-inspection is planned for a hazard whose deadline has passed"),
          h->id);
      return 0;
    }
  if (!rectify_validate_date (_ ("Due date"), due_date, error)
      || !rectify_validate_optional (_ ("Note"), note, 4000, error))
    return 0;
  if (h->closed_date && strcmp (due_date, h->closed_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due date: %s is before the hazard was closed (%s)"), due_date,
                   h->closed_date);
      return 0;
    }
  if (strcmp (due_date, today) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Due date: %s is in the past (today is %s)"), due_date, today);
      return 0;
    }
  pending_due = RECTIFY_STORE_OPS (self, visits)->pending_due (self, h->id, kind, NULL);
  if (pending_due)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                   /* Translators: "a back-check is already planned for hazard 7, due 2026-07-01" */
                   _ ("Hazard: a %s is already planned for hazard %" PRId64 ", due %s"),
                   rectify_visit_kind_to_label (kind), h->id, pending_due);
      return 0;
    }

  if (!rectify_store_begin (self, error))
    return 0;
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));
    RectifyScheduledVisit v = {
      .unit_id = h->unit_id,
      .hazard_id = h->id,
      .kind = kind,
      .scheduled_on = today,
      .due_date = (char *)due_date,
      .officer_id = rectify_store_get_actor (self),
      .note = trimmed,
    };

    id = RECTIFY_STORE_OPS (self, visits)->insert (self, &v, error);
    ok = id != 0;
  }
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, "scheduled_visit", id);
      ok = rectify_store_audit (self, "scheduled_visit", id, "create", NULL, after, error);
      rectify_store_mark_changed (self, "visit");
    }
  return rectify_store_end (self, ok, error) ? id : 0;
}

RectifyScheduledVisit *
rectify_store_get_visit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyScheduledVisit *v;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  v = RECTIFY_STORE_OPS (self, visits)->get (self, id, &local);
  if (v == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Visit: there is no planned visit with id %" PRId64), id);
    }
  return v;
}

gboolean
rectify_store_cancel_visit (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyScheduledVisit) v = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_store_check_writer (self, error))
    return FALSE;
  v = rectify_store_get_visit (self, id, error);
  if (v == NULL)
    return FALSE;
  if (v->done_inspection_id != 0)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          _ ("Visit %" PRId64 " was done by inspection %" PRId64 " on %s; it stays on record"),
          v->id, v->done_inspection_id, v->done_date);
      return FALSE;
    }
  /* the visits of an archived campaign's hazards are part of its record */
  {
    g_autoptr (RectifyHazard) h = rectify_store_get_hazard (self, v->hazard_id, error);

    if (h == NULL || !rectify_store_check_campaign_open (self, h->campaign_id, error))
      return FALSE;
  }
  if (!rectify_store_begin (self, error))
    return FALSE;
  before = rectify_store_row_json (self, "scheduled_visit", id);
  ok = RECTIFY_STORE_OPS (self, visits)->delete (self, id, error);
  if (ok)
    {
      ok = rectify_store_audit (self, "scheduled_visit", id, "delete", before, NULL, error);
      rectify_store_mark_changed (self, "visit");
    }
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_schedule_mark_done (RectifyStore *self,
                            gint64 inspection_id,
                            const RectifyInspection *in,
                            GError **error)
{
  g_autoptr (GArray) ids = NULL;
  int kind;

  /* a back-check inspection does either kind, a bureau inspection a
   * re-inspection, a self-inspection none */
  if (in->kind == RECTIFY_INSPECTION_BACK_CHECK)
    kind = -1;
  else if (in->kind == RECTIFY_INSPECTION_BUREAU)
    kind = RECTIFY_VISIT_RE_INSPECTION;
  else
    return TRUE;
  ids = RECTIFY_STORE_OPS (self, visits)->list_pending (self, in->unit_id, in->date, kind, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *before = rectify_store_row_json (self, "scheduled_visit", id);
      g_autofree char *after = NULL;

      if (!RECTIFY_STORE_OPS (self, visits)->mark_done (self, id, inspection_id, in->date, error))
        return FALSE;
      after = rectify_store_row_json (self, "scheduled_visit", id);
      if (!rectify_store_audit (self, "scheduled_visit", id, "done", before, after, error))
        return FALSE;
      rectify_store_mark_changed (self, "visit");
    }
  return TRUE;
}

/* The sort keys of the visit lists, the first the default. */
static const struct
{
  const char *key;
  RectifyVisitSort sort;
} visit_sorts[] = {
  { "due_date", RECTIFY_VISIT_SORT_DUE_DATE },
  { "id", RECTIFY_VISIT_SORT_ID },
  { "unit", RECTIFY_VISIT_SORT_UNIT },
};

/* The order q asks for and the day its "overdue" looks at. */
static gboolean
visit_query (const RectifyQuery *q, RectifyVisitSort *sort, char **day, GError **error)
{
  const char *key = q ? q->sort : NULL;

  *sort = visit_sorts[0].sort;
  for (guint i = 0; key && i < G_N_ELEMENTS (visit_sorts); i++)
    if (g_str_equal (key, visit_sorts[i].key))
      {
        *sort = visit_sorts[i].sort;
        key = NULL;
      }
  if (key != NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use due_date, id or unit"), q->sort);
      return FALSE;
    }
  *day = q && q->as_of ? g_strdup (q->as_of) : rectify_today ();
  return TRUE;
}

GArray *
rectify_store_query_visit_ids (RectifyStore *self, const RectifyQuery *q, GError **error)
{
  g_autofree char *day = NULL;
  RectifyVisitSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!visit_query (q, &sort, &day, error))
    return NULL;
  return RECTIFY_STORE_OPS (self, visits)->query_ids (self, q, sort, day, error);
}

GPtrArray *
rectify_store_get_visits_by_ids (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);
  return RECTIFY_STORE_OPS (self, visits)->get_by_ids (self, ids, n_ids, error);
}

GPtrArray *
rectify_store_list_visits (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error)
{
  g_autofree char *day = NULL;
  RectifyVisitSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!visit_query (q, &sort, &day, error))
    return NULL;
  return RECTIFY_STORE_OPS (self, visits)->list (self, q, sort, day, total, error);
}
