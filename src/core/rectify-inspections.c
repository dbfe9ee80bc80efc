/* rectify-inspections.c: inspection visits, and reading hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-hazards.h"
#include "rectify-store-inspections.h"
#include "rectify-store-private.h"
#include "rectify-store-visits.h"
#include "rectify-validate.h"

/* ---- inspections ------------------------------------------------------ */

static gboolean
contains_id (const GArray *ids, gint64 id)
{
  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* A visit of a campaign falls within its days. */
static gboolean
check_in_campaign (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  g_autoptr (RectifyCampaign) c = NULL;
  g_autofree char *end = NULL;

  if (in->campaign_id <= 0)
    return TRUE;
  c = rectify_store_get_campaign (self, in->campaign_id, error);
  if (c == NULL)
    return FALSE;
  end = rectify_campaign_end_date (c);
  if (strcmp (in->date, c->start_date) < 0 || (end && strcmp (in->date, end) > 0))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Date: %s is outside the campaign “%s”, which runs from %s to %s"), in->date,
                   c->name, c->start_date, end ? end : c->start_date);
      return FALSE;
    }
  return TRUE;
}

/* Officers present are active officers, except those a correction keeps
 * from the visit as it was recorded (stored_officers, NULL for a new one). */
static gboolean
check_officer_present (RectifyStore *self, gint64 id, const GArray *stored_officers, GError **error)
{
  g_autoptr (RectifyOfficer) o = NULL;

  if (!rectify_store_check_id (self, "officer", id, _ ("Officers present"), error))
    return FALSE;
  if (contains_id (stored_officers, id))
    return TRUE;
  o = rectify_store_get_officer (self, id, error);
  if (o == NULL)
    return FALSE;
  if (!o->active)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Officers present: %s (%s) is no longer active and cannot be recorded as "
                      "present"),
                   o->name, o->badge);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_inspection (RectifyStore *self,
                     const RectifyInspection *in,
                     const GArray *stored_officers,
                     GError **error)
{
  guint n_officers = in->officer_ids ? in->officer_ids->len : 0;

  if (!rectify_store_check_id (self, "unit", in->unit_id, _ ("Unit"), error)
      || (in->campaign_id
          && !rectify_store_check_id (self, "campaign", in->campaign_id, _ ("Campaign"), error))
      || !rectify_store_check_campaign_open (self, in->campaign_id, error)
      || !rectify_validate_past_date (_ ("Date"), in->date, error)
      || !check_in_campaign (self, in, error)
      || !rectify_validate_optional (_ ("Note"), in->note, 10000, error))
    return FALSE;
  if (rectify_inspection_kind_to_code (in->kind) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Kind: unknown kind of inspection"));
      return FALSE;
    }
  for (guint i = 0; i < n_officers; i++)
    {
      gint64 id = g_array_index (in->officer_ids, gint64, i);
      if (!check_officer_present (self, id, stored_officers, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_array_index (in->officer_ids, gint64, j) == id)
          {
            g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                         _ ("Officers present: officer %" PRId64 " is listed twice"), id);
            return FALSE;
          }
    }
  if (in->kind != RECTIFY_INSPECTION_SELF && n_officers < 2)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Officers present: law enforcement needs at least two officers, %u given"),
                   n_officers);
      return FALSE;
    }
  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    {
      RectifyCheckedEquipment *ce = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      g_autoptr (RectifyEquipment) e = rectify_store_get_equipment (self, ce->equipment_id, error);

      if (e == NULL)
        return FALSE;
      if (e->unit_id != in->unit_id)
        {
          g_set_error (
              error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
              _ ("Equipment checked: item %" PRId64 " does not belong to the unit inspected"),
              ce->equipment_id);
          return FALSE;
        }
      if (ce->quantity < 1 || ce->quantity > e->quantity)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Equipment checked: quantity %d for item %" PRId64 " must be 1 to %d"),
                       ce->quantity, ce->equipment_id, e->quantity);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (in->equipment, RectifyCheckedEquipment, j).equipment_id
            == ce->equipment_id)
          {
            g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                         _ ("Equipment checked: item %" PRId64 " is listed twice"),
                         ce->equipment_id);
            return FALSE;
          }
    }
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      if (rectify_check_item_to_code (c->item) == NULL
          || rectify_check_result_to_code (c->result) == NULL)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Checklist: unknown item or result"));
          return FALSE;
        }
      if (!rectify_validate_optional (_ ("Checklist remark"), c->remark, 2000, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_array_index (in->checks, RectifyCheck, j).item == c->item)
          {
            g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                         _ ("Checklist: “%s” is given twice"),
                         rectify_check_item_to_label (c->item));
            return FALSE;
          }
    }
  return TRUE;
}

gint64
rectify_store_add_inspection (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  g_return_val_if_fail (in != NULL, 0);

  if (!rectify_store_check_writer (self, error) || !validate_inspection (self, in, NULL, error)
      || !rectify_store_begin (self, error))
    return 0;
  /* an id given: an undone delete puts the visit back under its id */
  id = RECTIFY_STORE_OPS (self, inspections)->insert (self, in, error);
  ok = id != 0;
  /* A visit put back had done no planned visit (it could not be deleted
   * otherwise), and does none now: it comes back as it was. */
  ok = ok && (in->id > 0 || rectify_schedule_mark_done (self, id, in, error));
  if (ok)
    {
      g_autofree char *after = rectify_store_row_json (self, "inspection", id);
      ok = rectify_store_audit (self, "inspection", id, "create", NULL, after, error);
    }
  return rectify_store_end (self, ok, error) ? id : 0;
}

/* The visit as the audit log keeps it: its row, the officers present and
 * the equipment checked (the checklist and remarks are in the row and in
 * remarks). */
/* The inspection with its officers, equipment, checklist and the visits it completed. */
static char *
inspection_json (RectifyStore *self, gint64 id)
{
  return rectify_store_row_json (self, "inspection", id);
}

static void
clear_remark (gpointer data)
{
  g_free (((RectifyCheck *)data)->remark);
}

/* What refers to a stored visit: where it belongs, the hazards registered
 * from it and the planned visits it completed. */
typedef struct
{
  gint64 campaign_id;
  gint64 unit_id;
  RectifyInspectionKind kind;
  gint64 hazards;
  gint64 visits_done;
  gboolean back_check_done;  /* one of them a back-check */
  char *latest_scheduled_on; /* of those visits, NULL without */
  gint64 first_hazard_id;    /* the hazard from it found first, 0 without */
  char *first_found_date;    /* its finding date */
  GArray *officer_ids;       /* the officers recorded present (gint64) */
} StoredInspection;

static void
stored_inspection_clear (StoredInspection *s)
{
  g_clear_pointer (&s->latest_scheduled_on, g_free);
  g_clear_pointer (&s->first_found_date, g_free);
  g_clear_pointer (&s->officer_ids, g_array_unref);
}

static gboolean
read_stored_inspection (RectifyStore *self, gint64 id, StoredInspection *s, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GArray) equipment = g_array_new (FALSE, FALSE, sizeof (RectifyCheckedEquipment));
  g_autoptr (GArray) remarks = g_array_new (FALSE, FALSE, sizeof (RectifyCheck));
  RectifyVisitsDone done;

  memset (s, 0, sizeof *s);
  if (!RECTIFY_STORE_OPS (self, inspections)
           ->locate (self, id, &s->campaign_id, &s->unit_id, &s->kind, &local))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Inspection: there is no inspection with id %" PRId64), id);
      return FALSE;
    }
  g_array_set_clear_func (remarks, clear_remark);
  s->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!RECTIFY_STORE_OPS (self, hazards)->count_for_inspection (self, id, &s->hazards, error)
      || !RECTIFY_STORE_OPS (self, hazards)
              ->first_found_for_inspection (self, id, &s->first_hazard_id, &s->first_found_date,
                                            error)
      || !RECTIFY_STORE_OPS (self, inspections)
              ->get_parts (self, id, s->officer_ids, equipment, remarks, error)
      || !RECTIFY_STORE_OPS (self, visits)->get_done (self, id, &done, error))
    return FALSE;
  s->visits_done = done.n_done;
  s->back_check_done = done.n_back_checks > 0;
  s->latest_scheduled_on = done.latest_scheduled_on;
  return TRUE;
}

/* Refuses a correction that would leave the hazards registered from the
 * visit, or the planned visits it completed, pointing at something else. */
static gboolean
check_correction (const StoredInspection *s, const RectifyInspection *in, GError **error)
{
  if (s->hazards > 0 && in->unit_id != s->unit_id)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Unit: %" PRId64 " hazard was registered from this inspection and "
                                "stays with its unit; the unit cannot change",
                                "Unit: %" PRId64 " hazards were registered from this inspection "
                                "and stay with its unit; the unit cannot change",
                                (gulong)s->hazards),
                   s->hazards);
      return FALSE;
    }
  if (s->hazards > 0 && in->campaign_id != s->campaign_id)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Campaign: %" PRId64 " hazard was registered from this inspection "
                                "in its campaign; the campaign cannot change",
                                "Campaign: %" PRId64
                                " hazards were registered from this inspection in its campaign; "
                                "the campaign cannot change",
                                (gulong)s->hazards),
                   s->hazards);
      return FALSE;
    }
  if (s->first_hazard_id && in->date && strcmp (in->date, s->first_found_date) > 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Date: hazard %" PRId64 " registered from this inspection was found on %s; "
                      "the inspection cannot be dated after it"),
                   s->first_hazard_id, s->first_found_date);
      return FALSE;
    }
  if (s->visits_done == 0)
    return TRUE;
  if (in->unit_id != s->unit_id)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Unit: this inspection completed a planned visit to its unit; the unit "
                      "cannot change"));
      return FALSE;
    }
  if (in->kind == RECTIFY_INSPECTION_SELF
      || (s->back_check_done && in->kind != RECTIFY_INSPECTION_BACK_CHECK))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Kind: this inspection completed a planned visit that this kind of "
                      "inspection does not do"));
      return FALSE;
    }
  if (s->latest_scheduled_on && in->date && strcmp (in->date, s->latest_scheduled_on) < 0)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          _ ("Date: this inspection completed a visit planned on %s; it cannot be dated earlier"),
          s->latest_scheduled_on);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_store_update_inspection (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  StoredInspection stored;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (in != NULL, FALSE);

  if (!rectify_store_check_writer (self, error)
      || !read_stored_inspection (self, in->id, &stored, error))
    return FALSE;
  ok = rectify_store_check_campaign_open (self, stored.campaign_id, error)
       && validate_inspection (self, in, stored.officer_ids, error)
       && check_correction (&stored, in, error);
  stored_inspection_clear (&stored);
  if (!ok || !rectify_store_begin (self, error))
    return FALSE;
  before = inspection_json (self, in->id);
  ok = RECTIFY_STORE_OPS (self, inspections)->update (self, in, error);
  /* the planned visits it completed were done on its (corrected) date */
  if (ok)
    {
      gboolean moved = FALSE;

      ok = RECTIFY_STORE_OPS (self, visits)->redate_done (self, in->id, in->date, &moved, error);
      if (ok && moved)
        rectify_store_mark_changed (self, "visit");
    }
  /* and, on its corrected date and kind, it does those still pending, as a
   * new visit would */
  ok = ok && rectify_schedule_mark_done (self, in->id, in, error);
  if (ok)
    {
      g_autofree char *after = inspection_json (self, in->id);
      ok = rectify_store_audit (self, "inspection", in->id, "update", before, after, error);
    }
  return rectify_store_end (self, ok, error);
}

gboolean
rectify_store_delete_inspection (RectifyStore *self, gint64 id, GError **error)
{
  StoredInspection stored;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_store_check_writer (self, error)
      || !read_stored_inspection (self, id, &stored, error))
    return FALSE;
  ok = rectify_store_check_campaign_open (self, stored.campaign_id, error);
  if (ok && stored.hazards > 0)
    {
      g_set_error (
          error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
          g_dngettext (
              GETTEXT_PACKAGE,
              "Inspection: %" PRId64
              " hazard was registered from it; it cannot be deleted (correct it with Edit instead)",
              "Inspection: %" PRId64 " hazards were registered from it; it cannot be deleted "
              "(correct it with Edit instead)",
              (gulong)stored.hazards),
          stored.hazards);
      ok = FALSE;
    }
  if (ok && stored.visits_done > 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Inspection: it completed a planned back-check or re-inspection; it cannot "
                      "be deleted (correct it with Edit instead)"));
      ok = FALSE;
    }
  stored_inspection_clear (&stored);
  if (!ok || !rectify_store_begin (self, error))
    return FALSE;
  before = inspection_json (self, id);
  ok = RECTIFY_STORE_OPS (self, inspections)->delete (self, id, error);
  ok = ok && rectify_store_audit (self, "inspection", id, "delete", before, NULL, error);
  return rectify_store_end (self, ok, error);
}

RectifyInspection *
rectify_store_get_inspection (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyInspection *in;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  in = RECTIFY_STORE_OPS (self, inspections)->get (self, id, &local);
  if (in == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Inspection: there is no inspection with id %" PRId64), id);
    }
  return in;
}

/* The sort keys of the inspection lists, the first the default. */
static const struct
{
  const char *key;
  RectifyInspectionSort sort;
} inspection_sorts[] = {
  { "date", RECTIFY_INSPECTION_SORT_DATE },
  { "id", RECTIFY_INSPECTION_SORT_ID },
  { "unit", RECTIFY_INSPECTION_SORT_UNIT },
  { "kind", RECTIFY_INSPECTION_SORT_KIND },
};

gboolean
rectify_inspection_sort_from_query (const RectifyQuery *q,
                                    RectifyInspectionSort *sort,
                                    GError **error)
{
  const char *key = q ? q->sort : NULL;

  *sort = inspection_sorts[0].sort;
  if (key == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (inspection_sorts); i++)
    if (g_str_equal (key, inspection_sorts[i].key))
      {
        *sort = inspection_sorts[i].sort;
        return TRUE;
      }
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
               _ ("Sort: unknown column “%s”; use date, id, unit or kind"), key);
  return FALSE;
}

GPtrArray *
rectify_store_list_inspections (RectifyStore *self,
                                const RectifyQuery *q,
                                gint64 *total,
                                GError **error)
{
  RectifyInspectionSort sort;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!rectify_inspection_sort_from_query (q, &sort, error))
    return NULL;
  return RECTIFY_STORE_OPS (self, inspections)->list (self, q, sort, total, error);
}
