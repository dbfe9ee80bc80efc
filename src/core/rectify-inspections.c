/* rectify-inspections.c: inspection visits, and reading hazards and their events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-private.h"
#include "rectify-validate.h"

/* ---- inspections ------------------------------------------------------ */

static gboolean
validate_inspection (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  guint n_officers = in->officer_ids ? in->officer_ids->len : 0;

  if (!rectify_store_check_id (self, "unit", in->unit_id, _ ("Unit"), error)
      || (in->campaign_id
          && !rectify_store_check_id (self, "campaign", in->campaign_id, _ ("Campaign"), error))
      || !rectify_store_check_campaign_open (self, in->campaign_id, error)
      || !rectify_validate_date (_ ("Date"), in->date, error)
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
      if (!rectify_store_check_id (self, "officer", id, _ ("Officers present"), error))
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
      g_autoptr (RectifyEquipment) e = rectify_store_get_equipment (self, ce->equipment_id, NULL);
      if (e == NULL || e->unit_id != in->unit_id)
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

static gboolean
insert_inspection_rows (RectifyStore *self, gint64 id, const RectifyInspection *in, GError **error)
{
  for (guint i = 0; in->officer_ids && i < in->officer_ids->len; i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self, "INSERT INTO inspection_officer (inspection_id, officer_id) VALUES (?, ?)", error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (in->officer_ids, gint64, i));
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    {
      RectifyCheckedEquipment *ce = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self,
          "INSERT INTO inspection_equipment (inspection_id, equipment_id, category, quantity)"
          " SELECT ?1, id, category, ?3 FROM equipment WHERE id = ?2",
          error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, ce->equipment_id);
      sqlite3_bind_int (stmt, 3, ce->quantity);
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      g_autoptr (RectifyStmt) stmt = NULL;
      g_autofree char *remark = g_strstrip (g_strdup (c->remark ? c->remark : ""));

      if (*remark == '\0')
        continue;
      stmt = rectify_store_prepare (
          self, "INSERT INTO inspection_remark (inspection_id, item, remark) VALUES (?, ?, ?)",
          error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, c->item);
      rectify_bind_text (stmt, 3, remark);
      if (!rectify_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The stored form of a check result, by RectifyCheckResult. */
static const char check_letters[RECTIFY_N_RESULTS] = { 'P', 'F', 'N' };

/* Binds the inspection row's own columns, the same eight in INSERT and
 * UPDATE: campaign, unit, kind, date, note, the officers and equipment
 * counted, the checklist's letters. */
static void
bind_inspection_columns (RectifyStmt *stmt, const RectifyInspection *in)
{
  char checklist[RECTIFY_N_CHECK_ITEMS + 1] = "--------";
  int equipment_count = 0;

  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    equipment_count += g_array_index (in->equipment, RectifyCheckedEquipment, i).quantity;
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      checklist[c->item] = check_letters[c->result];
    }
  rectify_bind_id_or_null (stmt, 1, in->campaign_id);
  sqlite3_bind_int64 (stmt, 2, in->unit_id);
  rectify_bind_text (stmt, 3, rectify_inspection_kind_to_code (in->kind));
  rectify_bind_text (stmt, 4, in->date);
  rectify_bind_text (stmt, 5, in->note);
  sqlite3_bind_int (stmt, 6, in->officer_ids ? in->officer_ids->len : 0);
  sqlite3_bind_int (stmt, 7, equipment_count);
  rectify_bind_text (stmt, 8, checklist);
}

gint64
rectify_store_add_inspection (RectifyStore *self, const RectifyInspection *in, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), 0);
  g_return_val_if_fail (in != NULL, 0);

  if (!rectify_store_check_writer (self, error) || !validate_inspection (self, in, error)
      || !rectify_store_begin (self, error))
    return 0;
  {
    /* an id given: an undone delete puts the visit back under its id */
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "INSERT INTO inspection (campaign_id, unit_id, kind, date, note, "
                                 "officer_count, equipment_count, checklist, id)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
    ok = stmt != NULL;
    if (ok)
      {
        bind_inspection_columns (stmt, in);
        rectify_bind_id_or_null (stmt, 9, in->id);
        ok = rectify_store_step_done (self, stmt, error);
        id = sqlite3_last_insert_rowid (rectify_sqlite_db (self));
      }
  }
  /* A visit put back had done no planned visit (it could not be deleted
   * otherwise), and does none now: it comes back as it was. */
  ok = ok && insert_inspection_rows (self, id, in, error)
       && (in->id > 0 || rectify_schedule_mark_done (self, id, in, error));
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
static char *
inspection_json (RectifyStore *self, gint64 id)
{
  g_autofree char *row = rectify_store_row_json (self, "inspection", id);
  GString *out;

  if (row == NULL)
    return NULL;
  out = g_string_new_len (row, strlen (row) - 1);
  g_string_append (out, ",\"officers\":[");
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT officer_id FROM inspection_officer WHERE inspection_id = ? ORDER BY officer_id",
        NULL);
    if (stmt)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        for (int n = 0; sqlite3_step (stmt) == SQLITE_ROW; n++)
          g_string_append_printf (out, "%s%" PRId64, n ? "," : "",
                                  (gint64)sqlite3_column_int64 (stmt, 0));
      }
  }
  g_string_append (out, "],\"equipment\":[");
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "SELECT equipment_id, quantity FROM inspection_equipment WHERE "
                                 "inspection_id = ? ORDER BY equipment_id",
                                 NULL);
    if (stmt)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        for (int n = 0; sqlite3_step (stmt) == SQLITE_ROW; n++)
          g_string_append_printf (out, "%s[%" PRId64 ",%d]", n ? "," : "",
                                  (gint64)sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int (stmt, 1));
      }
  }
  g_string_append (out, "],\"remarks\":{");
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT item, remark FROM inspection_remark WHERE inspection_id = ? ORDER BY item",
        NULL);
    if (stmt)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        for (int n = 0; sqlite3_step (stmt) == SQLITE_ROW; n++)
          {
            g_autofree char *remark
                = g_strescape ((const char *)sqlite3_column_text (stmt, 1), NULL);
            g_string_append_printf (out, "%s\"%d\":\"%s\"", n ? "," : "",
                                    sqlite3_column_int (stmt, 0), remark);
          }
      }
  }
  g_string_append (out, "}}");
  return g_string_free (out, FALSE);
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
} StoredInspection;

static void
stored_inspection_clear (StoredInspection *s)
{
  g_clear_pointer (&s->latest_scheduled_on, g_free);
}

static gboolean
read_stored_inspection (RectifyStore *self, gint64 id, StoredInspection *s, GError **error)
{
  memset (s, 0, sizeof *s);
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT coalesce(campaign_id, 0), unit_id, kind,"
        " (SELECT count(*) FROM hazard WHERE inspection_id = ?1) FROM inspection WHERE id = ?1",
        error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Inspection: there is no inspection with id %" PRId64), id);
        return FALSE;
      }
    s->campaign_id = sqlite3_column_int64 (stmt, 0);
    s->unit_id = sqlite3_column_int64 (stmt, 1);
    rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 2), &s->kind);
    s->hazards = sqlite3_column_int64 (stmt, 3);
  }
  if (rectify_store_get_schema_version (self) >= RECTIFY_SCHEMA_SCHEDULED_VISIT)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
          self,
          "SELECT count(*), count(CASE WHEN kind = 'back_check' THEN 1 END), max(scheduled_on)"
          " FROM scheduled_visit WHERE done_inspection_id = ?",
          error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          s->visits_done = sqlite3_column_int64 (stmt, 0);
          s->back_check_done = sqlite3_column_int64 (stmt, 1) > 0;
          s->latest_scheduled_on = rectify_column_text_or_null (stmt, 2);
        }
    }
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

static gboolean
delete_inspection_rows (RectifyStore *self, gint64 id, GError **error)
{
  /* equipment first: its trigger takes the checks off the tally under the
   * visit's date and kind as they were */
  static const char *const sql[] = {
    "DELETE FROM inspection_equipment WHERE inspection_id = ?",
    "DELETE FROM inspection_officer WHERE inspection_id = ?",
    "DELETE FROM inspection_remark WHERE inspection_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (RectifyStmt) stmt = rectify_store_prepare (self, sql[i], error);
      if (!stmt)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!rectify_store_step_done (self, stmt, error))
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
       && validate_inspection (self, in, error) && check_correction (&stored, in, error);
  stored_inspection_clear (&stored);
  if (!ok || !rectify_store_begin (self, error))
    return FALSE;
  before = inspection_json (self, in->id);
  /* the child rows go under the visit as it was, come back under it as it is */
  ok = delete_inspection_rows (self, in->id, error);
  if (ok)
    {
      g_autoptr (RectifyStmt) stmt
          = rectify_store_prepare (self,
                                   "UPDATE inspection SET campaign_id = ?, unit_id = ?, kind = ?, "
                                   "date = ?, note = ?, officer_count = ?,"
                                   " equipment_count = ?, checklist = ? WHERE id = ?",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_inspection_columns (stmt, in);
          sqlite3_bind_int64 (stmt, 9, in->id);
          ok = rectify_store_step_done (self, stmt, error);
        }
    }
  ok = ok && insert_inspection_rows (self, in->id, in, error);
  /* the planned visits it completed were done on its (corrected) date */
  if (ok && rectify_store_get_schema_version (self) >= RECTIFY_SCHEMA_SCHEDULED_VISIT)
    {
      g_autoptr (RectifyStmt) stmt
          = rectify_store_prepare (self,
                                   "UPDATE scheduled_visit SET done_date = ?1 WHERE "
                                   "done_inspection_id = ?2 AND done_date IS NOT ?1",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          rectify_bind_text (stmt, 1, in->date);
          sqlite3_bind_int64 (stmt, 2, in->id);
          ok = rectify_store_step_done (self, stmt, error);
          if (ok && sqlite3_changes (rectify_sqlite_db (self)) > 0)
            rectify_store_mark_changed (self, "visit");
        }
    }
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
  ok = delete_inspection_rows (self, id, error);
  if (ok)
    {
      g_autoptr (RectifyStmt) stmt
          = rectify_store_prepare (self, "DELETE FROM inspection WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = rectify_store_step_done (self, stmt, error);
        }
    }
  ok = ok && rectify_store_audit (self, "inspection", id, "delete", before, NULL, error);
  return rectify_store_end (self, ok, error);
}

#define INSPECTION_COLUMNS                                                                         \
  "i.id, coalesce(i.campaign_id, 0), i.unit_id, i.kind, i.date, i.note, u.name, i.checklist"

static gpointer
read_inspection (RectifyStmt *stmt)
{
  RectifyInspection *in = rectify_inspection_new ();
  in->id = sqlite3_column_int64 (stmt, 0);
  in->campaign_id = sqlite3_column_int64 (stmt, 1);
  in->unit_id = sqlite3_column_int64 (stmt, 2);
  rectify_inspection_kind_from_code ((const char *)sqlite3_column_text (stmt, 3), &in->kind);
  in->date = rectify_column_text (stmt, 4);
  in->note = rectify_column_text (stmt, 5);
  in->unit_name = rectify_column_text (stmt, 6);
  {
    const char *checklist = (const char *)sqlite3_column_text (stmt, 7);
    for (int item = 0; checklist && item < RECTIFY_N_CHECK_ITEMS && checklist[item]; item++)
      for (int r = 0; r < RECTIFY_N_RESULTS; r++)
        if (checklist[item] == check_letters[r])
          {
            RectifyCheck c = { item, r, g_strdup ("") };
            g_array_append_val (in->checks, c);
          }
  }
  return in;
}

RectifyInspection *
rectify_store_get_inspection (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyInspection) in = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT " INSPECTION_COLUMNS
        " FROM inspection i JOIN unit u ON u.id = i.unit_id WHERE i.id = ?",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                     _ ("Inspection: there is no inspection with id %" PRId64), id);
        return NULL;
      }
    in = read_inspection (stmt);
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT officer_id FROM inspection_officer WHERE inspection_id = ?", error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 officer = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (in->officer_ids, officer);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT equipment_id, quantity FROM inspection_equipment WHERE inspection_id = ?",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        RectifyCheckedEquipment ce
            = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
        g_array_append_val (in->equipment, ce);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self, "SELECT item, remark FROM inspection_remark WHERE inspection_id = ?", error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int item = sqlite3_column_int (stmt, 0);
        for (guint i = 0; i < in->checks->len; i++)
          {
            RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
            if ((int)c->item == item)
              {
                g_free (c->remark);
                c->remark = rectify_column_text (stmt, 1);
              }
          }
      }
  }
  return g_steal_pointer (&in);
}

static const char *const inspection_sorts[]
    = { "date", "i.date", "id", "i.id", "unit", "u.name", "kind", "i.kind", NULL };

GPtrArray *
rectify_store_list_inspections (RectifyStore *self,
                                const RectifyQuery *q,
                                gint64 *total,
                                GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order = rectify_sort_expression (inspection_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use date, id, unit or kind"), q->sort);
      return NULL;
    }
  rectify_filter_init (&f);
  if (q)
    {
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "i.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "i.campaign_id = ?", q->campaign_id);
      if (q->kind >= 0)
        rectify_filter_add_text (&f, "i.kind = ?", rectify_inspection_kind_to_code (q->kind));
      if (q->search && *q->search)
        {
          g_autofree char *match = rectify_fts_query (q->search);
          if (match)
            rectify_filter_add_text (
                &f, "i.unit_id IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)", match);
        }
    }
  rows = rectify_store_query_page (
      self, INSPECTION_COLUMNS, "inspection i JOIN unit u ON u.id = i.unit_id", &f, order, q,
      read_inspection, (GDestroyNotify)rectify_inspection_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

/* ---- hazards (read side) ------------------------------------------------- */

gpointer
rectify_read_hazard_row (RectifyStmt *stmt)
{
  RectifyHazard *h = rectify_hazard_new ();
  h->id = sqlite3_column_int64 (stmt, 0);
  h->inspection_id = sqlite3_column_int64 (stmt, 1);
  h->unit_id = sqlite3_column_int64 (stmt, 2);
  h->equipment_id = sqlite3_column_int64 (stmt, 3);
  h->campaign_id = sqlite3_column_int64 (stmt, 4);
  h->category = rectify_column_text (stmt, 5);
  rectify_grade_from_code ((const char *)sqlite3_column_text (stmt, 6), &h->grade);
  h->found_date = rectify_column_text (stmt, 7);
  h->content = rectify_column_text (stmt, 8);
  h->standard = rectify_column_text (stmt, 9);
  h->measures = rectify_column_text (stmt, 10);
  h->deadline = rectify_column_text_or_null (stmt, 11);
  h->responsible = rectify_column_text (stmt, 12);
  h->supervisor_id = sqlite3_column_int64 (stmt, 13);
  rectify_hazard_status_from_code ((const char *)sqlite3_column_text (stmt, 14), &h->status);
  h->closed_date = rectify_column_text_or_null (stmt, 15);
  h->unit_name = rectify_column_text (stmt, 16);
  return h;
}

RectifyHazard *
rectify_store_get_hazard (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (self,
                                "SELECT " RECTIFY_HAZARD_COLUMNS
                                " FROM hazard h JOIN unit u ON u.id = h.unit_id WHERE h.id = ?",
                                error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Hazard: there is no hazard with id %" PRId64), id);
      return NULL;
    }
  return rectify_read_hazard_row (stmt);
}

static const char *const hazard_sorts[]
    = { "id",         "h.id",       "found_date", "h.found_date", "deadline",
        "h.deadline", "status",     "h.status",   "grade",        "h.grade",
        "category",   "h.category", "unit",       "u.name",       NULL };

GPtrArray *
rectify_store_list_hazards (RectifyStore *self,
                            const RectifyQuery *q,
                            gint64 *total,
                            GError **error)
{
  RectifyFilter f;
  GPtrArray *rows;
  const char *order = rectify_sort_expression (hazard_sorts, q ? q->sort : NULL);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (order == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Sort: unknown column “%s”; use id, found_date, deadline, status, grade, "
                      "category or unit"),
                   q->sort);
      return NULL;
    }
  rectify_filter_init (&f);
  if (q)
    {
      g_autofree char *match = rectify_fts_query (q->search);
      if (match)
        rectify_filter_add_text (
            &f, "h.id IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)", match);
      if (q->unit_id > 0)
        rectify_filter_add_int (&f, "h.unit_id = ?", q->unit_id);
      if (q->campaign_id > 0)
        rectify_filter_add_int (&f, "h.campaign_id = ?", q->campaign_id);
      if (q->status >= 0)
        rectify_filter_add_text (&f, "h.status = ?", rectify_hazard_status_to_code (q->status));
      if (q->grade >= 0)
        rectify_filter_add_text (&f, "h.grade = ?", rectify_grade_to_code (q->grade));
      if (q->hazard_category && *q->hazard_category)
        rectify_filter_add_text (&f, "h.category = ?", q->hazard_category);
      if (q->overdue)
        {
          g_autofree char *today = q->as_of ? g_strdup (q->as_of) : rectify_today ();
          rectify_filter_add_text (&f, "h.status <> 'closed' AND h.deadline < ?", today);
        }
    }
  rows = rectify_store_query_page (
      self, RECTIFY_HAZARD_COLUMNS, "hazard h JOIN unit u ON u.id = h.unit_id", &f, order, q,
      rectify_read_hazard_row, (GDestroyNotify)rectify_hazard_free, total, error);
  rectify_filter_clear (&f);
  return rows;
}

GPtrArray *
rectify_store_list_hazard_events (RectifyStore *self, gint64 hazard_id, GError **error)
{
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_event_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  if (!rectify_store_check_id (self, "hazard", hazard_id, _ ("Hazard"), error))
    return NULL;
  {
    g_autoptr (RectifyStmt) stmt
        = rectify_store_prepare (self,
                                 "SELECT e.id, e.kind, coalesce(e.officer_id, 0), e.date, "
                                 "e.created_at, e.note, coalesce(o.name, '')"
                                 " FROM hazard_event e LEFT JOIN officer o ON o.id = e.officer_id"
                                 " WHERE e.hazard_id = ? ORDER BY e.id",
                                 error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, hazard_id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        RectifyHazardEvent *ev = rectify_hazard_event_new ();
        ev->id = sqlite3_column_int64 (stmt, 0);
        ev->hazard_id = hazard_id;
        rectify_event_kind_from_code ((const char *)sqlite3_column_text (stmt, 1), &ev->kind);
        ev->officer_id = sqlite3_column_int64 (stmt, 2);
        ev->date = rectify_column_text (stmt, 3);
        ev->created_at = rectify_column_text (stmt, 4);
        ev->note = rectify_column_text (stmt, 5);
        ev->officer_name = rectify_column_text (stmt, 6);
        g_ptr_array_add (events, ev);
        g_hash_table_insert (by_id, &ev->id, ev);
      }
  }
  {
    g_autoptr (RectifyStmt) stmt = rectify_store_prepare (
        self,
        "SELECT a.id, a.event_id, a.filename, a.mime, a.size, a.sha256 FROM attachment a"
        " JOIN hazard_event e ON e.id = a.event_id WHERE e.hazard_id = ? ORDER BY a.id",
        error);
    if (!stmt)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, hazard_id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 event_id = sqlite3_column_int64 (stmt, 1);
        RectifyHazardEvent *ev = g_hash_table_lookup (by_id, &event_id);
        RectifyAttachment *a = rectify_attachment_new ();
        a->id = sqlite3_column_int64 (stmt, 0);
        a->filename = rectify_column_text (stmt, 2);
        a->mime = rectify_column_text (stmt, 3);
        a->size = sqlite3_column_int64 (stmt, 4);
        a->sha256 = rectify_column_text (stmt, 5);
        g_ptr_array_add (ev->attachments, a);
      }
  }
  return g_steal_pointer (&events);
}

RectifyAttachment *
rectify_store_get_attachment (RectifyStore *self, gint64 id, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  RectifyAttachment *a;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (
      self, "SELECT filename, mime, size, sha256, data FROM attachment WHERE id = ?", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND,
                   _ ("Attachment: there is no attachment with id %" PRId64), id);
      return NULL;
    }
  a = rectify_attachment_new ();
  a->id = id;
  a->filename = rectify_column_text (stmt, 0);
  a->mime = rectify_column_text (stmt, 1);
  a->size = sqlite3_column_int64 (stmt, 2);
  a->sha256 = rectify_column_text (stmt, 3);
  a->data = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
  return a;
}

GPtrArray *
rectify_store_list_hazard_categories (RectifyStore *self, GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows
      = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_hazard_category_free);

  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  stmt = rectify_store_prepare (
      self, "SELECT code, name_en, name_zh FROM hazard_category ORDER BY sort, code", error);
  if (!stmt)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RectifyHazardCategory *c = rectify_hazard_category_new ();
      c->code = rectify_column_text (stmt, 0);
      c->name_en = rectify_column_text (stmt, 1);
      c->name_zh = rectify_column_text (stmt, 2);
      g_ptr_array_add (rows, c);
    }
  return g_steal_pointer (&rows);
}

gboolean
rectify_store_add_hazard_category (RectifyStore *self,
                                   const RectifyHazardCategory *c,
                                   GError **error)
{
  g_autoptr (RectifyStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);

  if (!rectify_validate_required (_ ("Code"), c->code, 40, error)
      || !rectify_validate_required (_ ("English name"), c->name_en, 200, error)
      || !rectify_validate_required (_ ("Chinese name"), c->name_zh, 200, error)
      || !rectify_store_check_writer (self, error) || !rectify_store_begin (self, error))
    return FALSE;
  stmt = rectify_store_prepare (
      self,
      "INSERT INTO hazard_category (code, name_en, name_zh, sort)"
      " VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM hazard_category WHERE sort < 99))",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      rectify_bind_text (stmt, 1, c->code);
      rectify_bind_text (stmt, 2, c->name_en);
      rectify_bind_text (stmt, 3, c->name_zh);
      ok = rectify_store_step_done (self, stmt, error);
      if (!ok && error && *error && (*error)->code == RECTIFY_ERROR_DUPLICATE)
        {
          g_clear_error (error);
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                       _ ("Code: the category “%s” exists"), c->code);
        }
    }
  if (ok)
    {
      g_autofree char *code = g_strescape (c->code, NULL);
      g_autofree char *after = g_strdup_printf ("{\"code\":\"%s\"}", code);
      ok = rectify_store_audit (self, "hazard_category", 0, "create", NULL, after, error);
    }
  return rectify_store_end (self, ok, error);
}
