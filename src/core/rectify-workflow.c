/* rectify-workflow.c: the hazard life cycle, the one place its rules live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-attachments.h"
#include "rectify-store-hazards.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"

#define MAX_ATTACHMENT_SIZE (20 * 1024 * 1024)

static const char *const action_codes[RECTIFY_N_ACTIONS] = {
  [RECTIFY_ACTION_IMPLEMENT] = "implement", [RECTIFY_ACTION_TRACK] = "track",
  [RECTIFY_ACTION_IMMEDIATE] = "immediate", [RECTIFY_ACTION_RECTIFY] = "rectify",
  [RECTIFY_ACTION_CONFIRM] = "confirm",     [RECTIFY_ACTION_REJECT] = "reject",
  [RECTIFY_ACTION_PENALTY] = "penalty",     [RECTIFY_ACTION_STOP_USE] = "stop-use",
  [RECTIFY_ACTION_MAJOR_REPORT] = "report",
};

const char *
rectify_action_to_code (RectifyHazardAction action)
{
  return action < RECTIFY_N_ACTIONS ? action_codes[action] : NULL;
}

static gboolean
has_event (RectifyStore *store, gint64 hazard_id, RectifyEventKind kind)
{
  return RECTIFY_STORE_OPS (store, hazards)->has_event (store, hazard_id, kind);
}

static gboolean
refuse (GError **error, const RectifyHazard *h, const char *why)
{
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE, _ ("Hazard %" PRId64 " is %s: %s"), h->id,
               rectify_hazard_status_to_label (h->status), why);
  return FALSE;
}

static gboolean
check_major_reported (RectifyStore *store, const RectifyHazard *h, GError **error)
{
  if (h->grade == RECTIFY_GRADE_MAJOR && !has_event (store, h->id, RECTIFY_EVENT_MAJOR_REPORT))
    return refuse (error, h,
                   _ ("a major hazard must be registered and reported to the higher authority "
                      "before it can be closed"));
  return TRUE;
}

gboolean
rectify_workflow_can (RectifyStore *store,
                      const RectifyHazard *h,
                      RectifyHazardAction action,
                      GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (h != NULL, FALSE);

  if (!rectify_store_check_writer (store, error)
      || !rectify_store_check_campaign_open (store, h->campaign_id, error))
    return FALSE;

  switch (action)
    {
    case RECTIFY_ACTION_IMPLEMENT:
      if (h->status != RECTIFY_HAZARD_OPEN && h->status != RECTIFY_HAZARD_RECTIFYING)
        return refuse (error, h, _ ("its five implementations can no longer change"));
      return TRUE;

    case RECTIFY_ACTION_TRACK:
    case RECTIFY_ACTION_PENALTY:
    case RECTIFY_ACTION_MAJOR_REPORT:
      if (h->status == RECTIFY_HAZARD_CLOSED)
        return refuse (error, h, _ ("a closed hazard takes no more tracking or escalation"));
      return TRUE;

    case RECTIFY_ACTION_STOP_USE:
      if (h->status == RECTIFY_HAZARD_CLOSED)
        return refuse (error, h, _ ("a closed hazard takes no more tracking or escalation"));
      if (h->equipment_id == 0)
        return refuse (error, h,
                       _ ("an order to stop use needs the hazard's equipment; set it first"));
      return TRUE;

    case RECTIFY_ACTION_IMMEDIATE:
      /* on site, before the unit reports: the five implementations may
       * already be written down (rectifying); a hazard the unit reported
       * rectified waits for an officer's confirmation instead */
      if (h->status != RECTIFY_HAZARD_OPEN && h->status != RECTIFY_HAZARD_RECTIFYING)
        return refuse (error, h, _ ("only an open or rectifying hazard can be rectified on site"));
      return check_major_reported (store, h, error);

    case RECTIFY_ACTION_RECTIFY:
      if (h->status == RECTIFY_HAZARD_OPEN)
        {
          g_autoptr (GPtrArray) missing = rectify_hazard_missing_five (h);
          g_autoptr (GString) list = g_string_new (NULL);
          for (guint i = 0; i < missing->len; i++)
            g_string_append_printf (list, "%s%s", i ? C_ ("list separator", ", ") : "",
                                    (const char *)g_ptr_array_index (missing, i));
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                       _ ("Hazard %" PRId64 " cannot be reported rectified before its five "
                          "implementations are set; missing: %s"),
                       h->id, list->str);
          return FALSE;
        }
      if (h->status != RECTIFY_HAZARD_RECTIFYING)
        return refuse (error, h, _ ("only a hazard under rectification can be reported rectified"));
      return TRUE;

    case RECTIFY_ACTION_CONFIRM:
    case RECTIFY_ACTION_REJECT:
      if (h->status != RECTIFY_HAZARD_RECTIFIED)
        return refuse (error, h,
                       _ ("only a hazard reported rectified can be confirmed or sent back"));
      if (rectify_store_get_actor (store) == 0)
        {
          g_set_error (
              error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
              _ ("Confirmation on site is signed by an officer; choose who you are first"));
          return FALSE;
        }
      return action == RECTIFY_ACTION_REJECT || check_major_reported (store, h, error);

    case RECTIFY_N_ACTIONS:
    default:
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Action: unknown action"));
      return FALSE;
    }
}

static gboolean
add_event (RectifyStore *store,
           gint64 hazard_id,
           RectifyEventKind kind,
           const char *date,
           const char *note,
           gint64 *out_id,
           GError **error)
{
  g_autofree char *now = rectify_now_utc ();
  g_autofree char *date_owned = date ? NULL : rectify_today ();
  gint64 id = RECTIFY_STORE_OPS (store, hazards)
                  ->add_event (store, hazard_id, kind, rectify_store_get_actor (store),
                               date ? date : date_owned, now, note, error);

  if (id == 0)
    return FALSE;
  if (out_id)
    *out_id = id;
  return TRUE;
}

/* What the bytes are, whatever the file is called. */
static const char *
sniff_mime (GBytes *data)
{
  gsize n = 0;
  const guchar *p = data ? g_bytes_get_data (data, &n) : NULL;

  if (n >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
    return "image/jpeg";
  if (n >= 5 && memcmp (p, "%PDF-", 5) == 0)
    return "application/pdf";
  return NULL;
}

static gboolean
validate_attachments (const RectifyNewAttachment *atts, guint n, GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      gsize size = atts[i].data ? g_bytes_get_size (atts[i].data) : 0;
      const char *name = atts[i].filename ? atts[i].filename : "";

      if (!rectify_validate_required (_ ("Attachment name"), name, 255, error))
        return FALSE;
      if (size == 0)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Attachment %s: the file is empty"), name);
          return FALSE;
        }
      if (size > MAX_ATTACHMENT_SIZE)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Attachment %s: %.1f MB is over the limit of 20 MB"), name,
                       size / (1024.0 * 1024.0));
          return FALSE;
        }
      if (sniff_mime (atts[i].data) == NULL)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Attachment %s: only photos (PNG, JPEG) and PDF files can be attached"),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_attachments (
    RectifyStore *store, gint64 event_id, const RectifyNewAttachment *atts, guint n, GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, atts[i].data);
      g_autofree char *base = g_path_get_basename (atts[i].filename);

      if (RECTIFY_STORE_OPS (store, attachments)
              ->insert (store, event_id, base, sniff_mime (atts[i].data), sum, atts[i].data, error)
          == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_texts (const char *content,
                const char *standard,
                const char *measures,
                const char *responsible,
                GError **error)
{
  return rectify_validate_optional (_ ("Content"), content, 4000, error)
         && rectify_validate_optional (_ ("Standard"), standard, 4000, error)
         && rectify_validate_optional (_ ("Measures"), measures, 4000, error)
         && rectify_validate_optional (_ ("Responsible person"), responsible, 64, error);
}

static gboolean
validate_deadline (const char *deadline, const char *found_date, GError **error)
{
  if (deadline == NULL || *deadline == '\0')
    return TRUE;
  if (!rectify_validate_date (_ ("Deadline"), deadline, error))
    return FALSE;
  if (strcmp (deadline, found_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Deadline: %s is before the hazard was found (%s)"), deadline, found_date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
audit_hazard (
    RectifyStore *store, gint64 id, const char *action, const char *before, GError **error)
{
  g_autofree char *after = rectify_store_row_json (store, "hazard", id);
  return rectify_store_audit (store, "hazard", id, action, before, after, error);
}

gint64
rectify_workflow_register (RectifyStore *store,
                           const RectifyHazard *h,
                           const char *note,
                           GError **error)
{
  gint64 campaign_id = h->campaign_id;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), 0);
  g_return_val_if_fail (h != NULL, 0);

  if (!rectify_store_check_writer (store, error)
      || !rectify_store_check_id (store, "unit", h->unit_id, _ ("Unit"), error)
      || !rectify_validate_past_date (_ ("Found on"), h->found_date, error)
      || !validate_deadline (h->deadline, h->found_date, error)
      || !validate_texts (h->content, h->standard, h->measures, h->responsible, error)
      || !rectify_validate_optional (_ ("Note"), note, 4000, error)
      || (h->supervisor_id
          && !rectify_store_check_id (store, "officer", h->supervisor_id, _ ("Supervising officer"),
                                      error)))
    return 0;
  if (rectify_grade_to_code (h->grade) == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Grade: use general or major"));
      return 0;
    }
  {
    gboolean known;

    if (!RECTIFY_STORE_OPS (store, hazards)->category_exists (store, h->category, &known, error))
      return 0;
    if (!known)
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                     _ ("Category: “%s” is not a hazard category"), h->category ? h->category : "");
        return 0;
      }
  }
  if (h->equipment_id)
    {
      g_autoptr (RectifyEquipment) e = rectify_store_get_equipment (store, h->equipment_id, error);
      if (!e)
        return 0;
      if (e->unit_id != h->unit_id)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Equipment: item %" PRId64 " belongs to another unit"), h->equipment_id);
          return 0;
        }
    }
  if (h->inspection_id)
    {
      g_autoptr (RectifyInspection) in
          = rectify_store_get_inspection (store, h->inspection_id, error);
      if (!in)
        return 0;
      if (in->unit_id != h->unit_id)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Inspection: inspection %" PRId64 " was of another unit"),
                       h->inspection_id);
          return 0;
        }
      if (strcmp (h->found_date, in->date) < 0)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Found on: %s is before the inspection of %s"), h->found_date, in->date);
          return 0;
        }
      if (campaign_id == 0)
        campaign_id = in->campaign_id;
    }
  if (campaign_id
      && (!rectify_store_check_id (store, "campaign", campaign_id, _ ("Campaign"), error)
          || !rectify_store_check_campaign_open (store, campaign_id, error)))
    return 0;

  if (!rectify_store_begin (store, error))
    return 0;
  id = RECTIFY_STORE_OPS (store, hazards)
           ->insert (store, h, campaign_id,
                     rectify_hazard_is_implemented (h) ? RECTIFY_HAZARD_RECTIFYING
                                                       : RECTIFY_HAZARD_OPEN,
                     error);
  ok = id != 0;
  ok = ok && add_event (store, id, RECTIFY_EVENT_REGISTERED, h->found_date, note, NULL, error)
       && audit_hazard (store, id, "create", NULL, error);
  return rectify_store_end (store, ok, error) ? id : 0;
}

gboolean
rectify_workflow_implement (RectifyStore *store,
                            gint64 hazard_id,
                            const char *content,
                            const char *standard,
                            const char *measures,
                            const char *deadline,
                            const char *responsible,
                            gint64 supervisor_id,
                            const char *note,
                            GError **error)
{
  g_autoptr (RectifyHazard) h = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);

  h = rectify_store_get_hazard (store, hazard_id, error);
  if (!h || !rectify_workflow_can (store, h, RECTIFY_ACTION_IMPLEMENT, error)
      || !validate_texts (content, standard, measures, responsible, error)
      || !validate_deadline (deadline, h->found_date, error)
      || !rectify_validate_optional (_ ("Note"), note, 4000, error)
      || (supervisor_id
          && !rectify_store_check_id (store, "officer", supervisor_id, _ ("Supervising officer"),
                                      error)))
    return FALSE;

#define TAKE(field, value)                                                                         \
  if (value)                                                                                       \
    {                                                                                              \
      g_free (h->field);                                                                           \
      h->field = g_strdup (value);                                                                 \
    }
  TAKE (content, content);
  TAKE (standard, standard);
  TAKE (measures, measures);
  TAKE (deadline, deadline);
  TAKE (responsible, responsible);
#undef TAKE
  if (supervisor_id)
    h->supervisor_id = supervisor_id;
  if (h->status == RECTIFY_HAZARD_OPEN && rectify_hazard_is_implemented (h))
    h->status = RECTIFY_HAZARD_RECTIFYING;

  if (!rectify_store_begin (store, error))
    return FALSE;
  before = rectify_store_row_json (store, "hazard", hazard_id);
  ok = RECTIFY_STORE_OPS (store, hazards)->update_implementation (store, h, error);
  ok = ok && add_event (store, hazard_id, RECTIFY_EVENT_IMPLEMENTED, NULL, note, NULL, error)
       && audit_hazard (store, hazard_id, "implement", before, error);
  return rectify_store_end (store, ok, error);
}

static gboolean
set_status (RectifyStore *store,
            gint64 id,
            RectifyHazardStatus status,
            const char *closed_date,
            GError **error)
{
  return RECTIFY_STORE_OPS (store, hazards)->set_status (store, id, status, closed_date, error);
}

static gboolean
stop_equipment (RectifyStore *store, gint64 equipment_id, GError **error)
{
  g_autofree char *before = rectify_store_row_json (store, "equipment", equipment_id);
  g_autofree char *after = NULL;

  if (!RECTIFY_STORE_OPS (store, hazards)->stop_equipment (store, equipment_id, error))
    return FALSE;
  after = rectify_store_row_json (store, "equipment", equipment_id);
  return rectify_store_audit (store, "equipment", equipment_id, "stop-use", before, after, error);
}

/* A confirmation or a rejection judges the rectification the unit
 * reported: it is not dated before that report. */
static gboolean
check_after_rectification (RectifyStore *store,
                           const RectifyHazard *h,
                           RectifyHazardAction action,
                           const char *date,
                           GError **error)
{
  g_autoptr (GPtrArray) events
      = RECTIFY_STORE_OPS (store, hazards)->list_events (store, h->id, error);
  const char *reported = NULL;

  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      const RectifyHazardEvent *e = g_ptr_array_index (events, i);
      if (e->kind == RECTIFY_EVENT_RECTIFIED)
        reported = e->date;
    }
  if (reported && strcmp (date, reported) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   action == RECTIFY_ACTION_CONFIRM
                       ? _ ("Date: %s is before the rectification it confirms (reported %s)")
                       : _ ("Date: %s is before the rectification it rejects (reported %s)"),
                   date, reported);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_workflow_act (RectifyStore *store,
                      gint64 hazard_id,
                      RectifyHazardAction action,
                      RectifyEventKind track_kind,
                      const char *date,
                      const char *note,
                      const RectifyNewAttachment *attachments,
                      guint n_attachments,
                      GError **error)
{
  g_autoptr (RectifyHazard) h = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *before = NULL;
  RectifyEventKind kind;
  RectifyHazardStatus status;
  gint64 event_id = 0;
  gboolean note_required = FALSE;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);

  if (action == RECTIFY_ACTION_IMPLEMENT)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Action: the five implementations are set with their own fields"));
      return FALSE;
    }
  h = rectify_store_get_hazard (store, hazard_id, error);
  if (!h || !rectify_workflow_can (store, h, action, error))
    return FALSE;
  status = h->status;

  switch (action)
    {
    case RECTIFY_ACTION_TRACK:
      if (track_kind != RECTIFY_EVENT_TRACKING_SUPERVISION
          && track_kind != RECTIFY_EVENT_TRACKING_RECTIFICATION
          && track_kind != RECTIFY_EVENT_TRACKING_SERVICE)
        {
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                       _ ("Kind: tracking is supervision, rectification or service"));
          return FALSE;
        }
      kind = track_kind;
      note_required = TRUE;
      break;
    case RECTIFY_ACTION_IMMEDIATE:
      kind = RECTIFY_EVENT_IMMEDIATE_RECTIFICATION;
      status = RECTIFY_HAZARD_CLOSED;
      break;
    case RECTIFY_ACTION_RECTIFY:
      kind = RECTIFY_EVENT_RECTIFIED;
      status = RECTIFY_HAZARD_RECTIFIED;
      break;
    case RECTIFY_ACTION_CONFIRM:
      kind = RECTIFY_EVENT_CONFIRMED;
      status = RECTIFY_HAZARD_CLOSED;
      break;
    case RECTIFY_ACTION_REJECT:
      kind = RECTIFY_EVENT_REJECTED;
      status = RECTIFY_HAZARD_RECTIFYING;
      note_required = TRUE;
      break;
    case RECTIFY_ACTION_PENALTY:
      kind = RECTIFY_EVENT_PENALTY;
      note_required = TRUE;
      break;
    case RECTIFY_ACTION_STOP_USE:
      kind = RECTIFY_EVENT_STOP_USE;
      note_required = TRUE;
      break;
    case RECTIFY_ACTION_MAJOR_REPORT:
      kind = RECTIFY_EVENT_MAJOR_REPORT;
      note_required = TRUE;
      break;
    case RECTIFY_ACTION_IMPLEMENT:
    case RECTIFY_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  if (date == NULL || *date == '\0')
    date = today;
  if (!rectify_validate_past_date (_ ("Date"), date, error))
    return FALSE;
  if (strcmp (date, h->found_date) < 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Date: %s is before the hazard was found (%s)"), date, h->found_date);
      return FALSE;
    }
  if ((action == RECTIFY_ACTION_CONFIRM || action == RECTIFY_ACTION_REJECT)
      && !check_after_rectification (store, h, action, date, error))
    return FALSE;
  if (note_required && !rectify_validate_required (_ ("Note"), note, 4000, error))
    return FALSE;
  if (!rectify_validate_optional (_ ("Note"), note, 4000, error)
      || !validate_attachments (attachments, n_attachments, error))
    return FALSE;

  if (!rectify_store_begin (store, error))
    return FALSE;
  before = rectify_store_row_json (store, "hazard", hazard_id);
  ok = add_event (store, hazard_id, kind, date, note, &event_id, error)
       && add_attachments (store, event_id, attachments, n_attachments, error);
  if (ok && status != h->status)
    ok = set_status (store, hazard_id, status, status == RECTIFY_HAZARD_CLOSED ? date : NULL,
                     error);
  if (ok && action == RECTIFY_ACTION_STOP_USE)
    ok = stop_equipment (store, h->equipment_id, error);
  ok = ok && audit_hazard (store, hazard_id, rectify_action_to_code (action), before, error);
  return rectify_store_end (store, ok, error);
}

gboolean
rectify_workflow_can_lift_stop_use (RectifyStore *store, const RectifyHazard *h, GError **error)
{
  g_autoptr (RectifyEquipment) e = NULL;
  gint64 other = 0;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (h != NULL, FALSE);

  if (!rectify_store_check_writer (store, error)
      || !rectify_store_check_campaign_open (store, h->campaign_id, error))
    return FALSE;
  if (h->equipment_id == 0 || !has_event (store, h->id, RECTIFY_EVENT_STOP_USE))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Hazard %" PRId64 " ordered no equipment to stop use; there is no order to "
                      "lift"),
                   h->id);
      return FALSE;
    }
  if (h->status != RECTIFY_HAZARD_CLOSED)
    return refuse (error, h,
                   _ ("the order to stop use is lifted once the hazard is rectified and closed"));
  e = rectify_store_get_equipment (store, h->equipment_id, error);
  if (e == NULL)
    return FALSE;
  if (e->status != RECTIFY_EQUIPMENT_STOPPED)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Equipment: item %" PRId64 " is %s, not stopped; there is no order to lift"),
                   e->id, rectify_equipment_status_to_label (e->status));
      return FALSE;
    }
  if (!RECTIFY_STORE_OPS (store, hazards)->other_stop_use (store, e->id, h->id, &other, error))
    return FALSE;
  if (other)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Equipment: hazard %" PRId64 ", not yet closed, also ordered item %" PRId64
                      " to stop use; it stays stopped until that hazard is closed"),
                   other, e->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_workflow_lift_stop_use (RectifyStore *store, gint64 hazard_id, GError **error)
{
  g_autoptr (RectifyHazard) h = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *hazard_row = NULL;
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);

  h = rectify_store_get_hazard (store, hazard_id, error);
  if (!h || !rectify_workflow_can_lift_stop_use (store, h, error)
      || !rectify_store_begin (store, error))
    return FALSE;
  before = rectify_store_row_json (store, "equipment", h->equipment_id);
  ok = RECTIFY_STORE_OPS (store, hazards)->resume_equipment (store, h->equipment_id, error);
  if (ok)
    {
      after = rectify_store_row_json (store, "equipment", h->equipment_id);
      hazard_row = rectify_store_row_json (store, "hazard", hazard_id);
      ok = rectify_store_audit (store, "equipment", h->equipment_id, "lift-stop-use", before, after,
                                error)
           && rectify_store_audit (store, "hazard", hazard_id, "lift-stop-use", hazard_row,
                                   hazard_row, error);
      rectify_store_mark_changed (store, "equipment");
    }
  return rectify_store_end (store, ok, error);
}
