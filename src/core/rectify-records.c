/* rectify-records.c: plain records exchanged with the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-records.h"
#include "rectify-validate.h"

RectifyOfficer *
rectify_officer_new (void)
{
  RectifyOfficer *self = g_new0 (RectifyOfficer, 1);
  self->active = TRUE;
  return self;
}

void
rectify_officer_free (RectifyOfficer *self)
{
  if (!self)
    return;
  g_free (self->badge);
  g_free (self->name);
  g_free (self);
}

RectifyCampaign *
rectify_campaign_new (void)
{
  RectifyCampaign *self = g_new0 (RectifyCampaign, 1);
  self->days = 100;
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
rectify_campaign_free (RectifyCampaign *self)
{
  if (!self)
    return;
  g_free (self->name);
  g_free (self->start_date);
  g_clear_pointer (&self->member_ids, g_array_unref);
  g_free (self->work_plan);
  g_free (self->key_industries);
  g_free (self->key_links);
  g_free (self->key_areas);
  g_free (self);
}

char *
rectify_campaign_end_date (const RectifyCampaign *campaign)
{
  return rectify_date_add_days (campaign->start_date, MAX (campaign->days, 1) - 1);
}

RectifyUnit *
rectify_unit_new (void)
{
  return g_new0 (RectifyUnit, 1);
}

void
rectify_unit_free (RectifyUnit *self)
{
  if (!self)
    return;
  g_free (self->credit_code);
  g_free (self->name);
  g_free (self->address);
  g_free (self->district);
  g_free (self->industry);
  g_free (self->legal_rep);
  g_free (self->safety_manager);
  g_free (self->phone);
  g_free (self);
}

RectifyEquipment *
rectify_equipment_new (void)
{
  RectifyEquipment *self = g_new0 (RectifyEquipment, 1);
  self->status = RECTIFY_EQUIPMENT_IN_USE;
  self->quantity = 1;
  return self;
}

void
rectify_equipment_free (RectifyEquipment *self)
{
  if (!self)
    return;
  g_free (self->code);
  g_free (self->reg_cert);
  g_free (self->variety);
  g_free (self->location);
  g_free (self->registered_user);
  g_free (self->last_inspection);
  g_free (self->next_inspection);
  g_free (self->postponed_until);
  g_free (self->unit_name);
  g_free (self);
}

RectifyOperator *
rectify_operator_new (void)
{
  return g_new0 (RectifyOperator, 1);
}

void
rectify_operator_free (RectifyOperator *self)
{
  if (!self)
    return;
  g_free (self->name);
  g_free (self->id_number);
  g_free (self->cert_no);
  g_free (self->cert_category);
  g_free (self->cert_expiry);
  g_free (self->unit_name);
  g_free (self);
}

static void
clear_check (gpointer data)
{
  RectifyCheck *check = data;
  g_clear_pointer (&check->remark, g_free);
}

RectifyInspection *
rectify_inspection_new (void)
{
  RectifyInspection *self = g_new0 (RectifyInspection, 1);
  self->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->equipment = g_array_new (FALSE, FALSE, sizeof (RectifyCheckedEquipment));
  self->checks = g_array_new (FALSE, TRUE, sizeof (RectifyCheck));
  g_array_set_clear_func (self->checks, clear_check);
  return self;
}

void
rectify_inspection_free (RectifyInspection *self)
{
  if (!self)
    return;
  g_free (self->date);
  g_free (self->note);
  g_clear_pointer (&self->officer_ids, g_array_unref);
  g_clear_pointer (&self->equipment, g_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
  g_free (self->unit_name);
  g_free (self);
}

RectifyHazard *
rectify_hazard_new (void)
{
  return g_new0 (RectifyHazard, 1);
}

void
rectify_hazard_free (RectifyHazard *self)
{
  if (!self)
    return;
  g_free (self->category);
  g_free (self->found_date);
  g_free (self->content);
  g_free (self->standard);
  g_free (self->measures);
  g_free (self->deadline);
  g_free (self->responsible);
  g_free (self->closed_date);
  g_free (self->unit_name);
  g_free (self);
}

static gboolean
is_set (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

GPtrArray *
rectify_hazard_missing_five (const RectifyHazard *hazard)
{
  GPtrArray *missing = g_ptr_array_new ();

  if (!is_set (hazard->content))
    g_ptr_array_add (missing, (gpointer)_ ("content"));
  if (!is_set (hazard->standard))
    g_ptr_array_add (missing, (gpointer)_ ("standard"));
  if (!is_set (hazard->measures))
    g_ptr_array_add (missing, (gpointer)_ ("measures"));
  if (!is_set (hazard->deadline))
    g_ptr_array_add (missing, (gpointer)_ ("deadline"));
  if (!is_set (hazard->responsible))
    g_ptr_array_add (missing, (gpointer)_ ("responsible person"));
  return missing;
}

gboolean
rectify_hazard_is_implemented (const RectifyHazard *hazard)
{
  return is_set (hazard->content) && is_set (hazard->standard) && is_set (hazard->measures)
         && is_set (hazard->deadline) && is_set (hazard->responsible);
}

gboolean
rectify_hazard_is_overdue (const RectifyHazard *hazard, const char *as_of)
{
  return hazard->status != RECTIFY_HAZARD_CLOSED && is_set (hazard->deadline) && as_of != NULL
         && g_strcmp0 (hazard->deadline, as_of) < 0;
}

gboolean
rectify_equipment_is_inspection_overdue (const RectifyEquipment *equipment, const char *as_of)
{
  g_return_val_if_fail (equipment != NULL, FALSE);

  if (equipment->status != RECTIFY_EQUIPMENT_IN_USE || as_of == NULL)
    return FALSE;
  if (!is_set (equipment->next_inspection))
    return TRUE;
  return g_strcmp0 (equipment->next_inspection, as_of) < 0
         && (!is_set (equipment->postponed_until)
             || g_strcmp0 (equipment->postponed_until, as_of) < 0);
}

gboolean
rectify_operator_is_licence_expired (const RectifyOperator *op, const char *as_of)
{
  g_return_val_if_fail (op != NULL, FALSE);

  return is_set (op->cert_expiry) && as_of != NULL && g_strcmp0 (op->cert_expiry, as_of) < 0;
}

RectifyAttachment *
rectify_attachment_new (void)
{
  return g_new0 (RectifyAttachment, 1);
}

void
rectify_attachment_free (RectifyAttachment *self)
{
  if (!self)
    return;
  g_free (self->filename);
  g_free (self->mime);
  g_free (self->sha256);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self);
}

RectifyHazardEvent *
rectify_hazard_event_new (void)
{
  RectifyHazardEvent *self = g_new0 (RectifyHazardEvent, 1);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_attachment_free);
  return self;
}

void
rectify_hazard_event_free (RectifyHazardEvent *self)
{
  if (!self)
    return;
  g_free (self->date);
  g_free (self->created_at);
  g_free (self->note);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_free (self->officer_name);
  g_free (self);
}

RectifyDocument *
rectify_document_new (void)
{
  RectifyDocument *self = g_new0 (RectifyDocument, 1);
  self->hazard_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
rectify_document_free (RectifyDocument *self)
{
  if (!self)
    return;
  g_free (self->number);
  g_free (self->issued_date);
  g_free (self->void_reason);
  g_free (self->void_date);
  g_clear_pointer (&self->hazard_ids, g_array_unref);
  g_free (self->unit_name);
  g_free (self);
}

RectifyHazardCategory *
rectify_hazard_category_new (void)
{
  return g_new0 (RectifyHazardCategory, 1);
}

void
rectify_hazard_category_free (RectifyHazardCategory *self)
{
  if (!self)
    return;
  g_free (self->code);
  g_free (self->name_en);
  g_free (self->name_zh);
  g_free (self);
}
