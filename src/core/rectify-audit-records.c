/* rectify-audit-records.c: every record as the canonical JSON of its audit entry, and the diff
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON is built here, in the core, from the typed records that the
 * store's ordinary operations return, so that every backend gets it without
 * SQL of its own: a hazard with its events and attachments, an inspection
 * with its officers, equipment, checklist and the visits it completed, a
 * document with its status, hazards and the hash of its PDF's bytes, a
 * campaign with its members.  Blobs are {"bytes":N,"sha256":"…"} computed
 * from the bytes now, never inline.  Keys come in a fixed order, so two
 * JSON texts of the same record are equal exactly when the record is.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-csv.h"
#include "rectify-schedule.h"
#include "rectify-store-attachments.h"
#include "rectify-store-audit.h"
#include "rectify-store-campaigns.h"
#include "rectify-store-documents.h"
#include "rectify-store-equipment.h"
#include "rectify-store-hazards.h"
#include "rectify-store-inspections.h"
#include "rectify-store-officers.h"
#include "rectify-store-operators.h"
#include "rectify-store-private.h"
#include "rectify-store-units.h"
#include "rectify-store-visits.h"

#define CHUNK 512

const char *const rectify_audit_record_entities[] = {
  "officer",    "campaign", "unit",     "equipment",       "operator",
  "inspection", "hazard",   "document", "scheduled_visit", NULL,
};

gboolean
rectify_audit_is_record_entity (const char *entity)
{
  for (guint i = 0; rectify_audit_record_entities[i]; i++)
    if (g_strcmp0 (entity, rectify_audit_record_entities[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---- building ------------------------------------------------------------- */

static void
key (GString *out, const char *name)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  rectify_json_append_string (out, name);
  g_string_append_c (out, ':');
}

static void
put_int (GString *out, const char *name, gint64 value)
{
  key (out, name);
  g_string_append_printf (out, "%" PRId64, value);
}

static void
put_bool (GString *out, const char *name, gboolean value)
{
  key (out, name);
  g_string_append (out, value ? "true" : "false");
}

static void
put_text (GString *out, const char *name, const char *value)
{
  key (out, name);
  rectify_json_append_string (out, value);
}

/* A date or other text that may be unset. */
static void
put_opt (GString *out, const char *name, const char *value)
{
  key (out, name);
  if (value)
    rectify_json_append_string (out, value);
  else
    g_string_append (out, "null");
}

static void
put_ids (GString *out, const char *name, GArray *ids)
{
  key (out, name);
  g_string_append_c (out, '[');
  for (guint i = 0; ids && i < ids->len; i++)
    g_string_append_printf (out, i ? ",%" PRId64 : "%" PRId64, g_array_index (ids, gint64, i));
  g_string_append_c (out, ']');
}

static void
put_blob (GString *out, const char *name, GBytes *data)
{
  key (out, name);
  if (!data)
    {
      g_string_append (out, "null");
      return;
    }
  {
    g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
    g_string_append_printf (out, "{\"bytes\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\"}",
                            g_bytes_get_size (data), sum);
  }
}

static void
officer_json (GString *out, const RectifyOfficer *o)
{
  g_string_append_c (out, '{');
  put_int (out, "id", o->id);
  put_text (out, "badge", o->badge);
  put_text (out, "name", o->name);
  put_int (out, "role", o->role);
  put_bool (out, "active", o->active);
  g_string_append_c (out, '}');
}

static void
campaign_json (GString *out, const RectifyCampaign *c)
{
  g_string_append_c (out, '{');
  put_int (out, "id", c->id);
  put_text (out, "name", c->name);
  put_opt (out, "start_date", c->start_date);
  put_int (out, "days", c->days);
  put_int (out, "head_id", c->head_id);
  put_int (out, "deputy_id", c->deputy_id);
  put_ids (out, "member_ids", c->member_ids);
  put_text (out, "work_plan", c->work_plan);
  put_text (out, "key_industries", c->key_industries);
  put_text (out, "key_links", c->key_links);
  put_text (out, "key_areas", c->key_areas);
  put_int (out, "status", c->status);
  g_string_append_c (out, '}');
}

static void
unit_json (GString *out, const RectifyUnit *u)
{
  g_string_append_c (out, '{');
  put_int (out, "id", u->id);
  put_text (out, "credit_code", u->credit_code);
  put_text (out, "name", u->name);
  put_text (out, "address", u->address);
  put_text (out, "district", u->district);
  put_text (out, "industry", u->industry);
  put_bool (out, "crowded", u->crowded);
  put_text (out, "legal_rep", u->legal_rep);
  put_text (out, "safety_manager", u->safety_manager);
  put_text (out, "phone", u->phone);
  g_string_append_c (out, '}');
}

static void
equipment_json (GString *out, const RectifyEquipment *e)
{
  g_string_append_c (out, '{');
  put_int (out, "id", e->id);
  put_int (out, "unit_id", e->unit_id);
  put_int (out, "category", e->category);
  put_text (out, "code", e->code);
  put_text (out, "reg_cert", e->reg_cert);
  put_text (out, "variety", e->variety);
  put_text (out, "location", e->location);
  put_int (out, "status", e->status);
  put_text (out, "registered_user", e->registered_user);
  put_int (out, "quantity", e->quantity);
  put_opt (out, "last_inspection", e->last_inspection);
  put_opt (out, "next_inspection", e->next_inspection);
  put_opt (out, "postponed_until", e->postponed_until);
  g_string_append_c (out, '}');
}

static void
operator_json (GString *out, const RectifyOperator *op)
{
  g_string_append_c (out, '{');
  put_int (out, "id", op->id);
  put_int (out, "unit_id", op->unit_id);
  put_text (out, "name", op->name);
  put_text (out, "id_number", op->id_number);
  put_text (out, "cert_no", op->cert_no);
  put_text (out, "cert_category", op->cert_category);
  put_opt (out, "cert_expiry", op->cert_expiry);
  g_string_append_c (out, '}');
}

static void
visit_json (GString *out, const RectifyScheduledVisit *v)
{
  g_string_append_c (out, '{');
  put_int (out, "id", v->id);
  put_int (out, "unit_id", v->unit_id);
  put_int (out, "hazard_id", v->hazard_id);
  put_int (out, "kind", v->kind);
  put_opt (out, "scheduled_on", v->scheduled_on);
  put_opt (out, "due_date", v->due_date);
  put_int (out, "officer_id", v->officer_id);
  put_text (out, "note", v->note);
  put_int (out, "done_inspection_id", v->done_inspection_id);
  put_opt (out, "done_date", v->done_date);
  g_string_append_c (out, '}');
}

/* in with done, what its visits done add up to. */
static void
inspection_json_done (GString *out, const RectifyInspection *in, const RectifyVisitsDone *done)
{
  g_string_append_c (out, '{');
  put_int (out, "id", in->id);
  put_int (out, "campaign_id", in->campaign_id);
  put_int (out, "unit_id", in->unit_id);
  put_int (out, "kind", in->kind);
  put_opt (out, "date", in->date);
  put_text (out, "note", in->note);
  put_ids (out, "officers", in->officer_ids);
  key (out, "equipment");
  g_string_append_c (out, '[');
  for (guint i = 0; in->equipment && i < in->equipment->len; i++)
    {
      const RectifyCheckedEquipment *e = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      g_string_append_printf (out, "%s{\"id\":%" PRId64 ",\"quantity\":%d}", i ? "," : "",
                              e->equipment_id, e->quantity);
    }
  g_string_append (out, "]");
  key (out, "checks");
  g_string_append_c (out, '[');
  for (guint i = 0; in->checks && i < in->checks->len; i++)
    {
      const RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      g_string_append_printf (out, "%s{\"id\":%d,\"result\":%d,\"remark\":", i ? "," : "",
                              (int)c->item, (int)c->result);
      rectify_json_append_string (out, c->remark);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  key (out, "visits_done");
  g_string_append_printf (out, "{\"done\":%" PRId64 ",\"back_checks\":%" PRId64 ",", done->n_done,
                          done->n_back_checks);
  g_string_append (out, "\"latest_scheduled_on\":");
  if (done->latest_scheduled_on)
    rectify_json_append_string (out, done->latest_scheduled_on);
  else
    g_string_append (out, "null");
  g_string_append (out, "}}");
}

static gboolean
inspection_json (RectifyStore *self, GString *out, const RectifyInspection *in, GError **error)
{
  RectifyVisitsDone done = { 0 };

  if (!RECTIFY_STORE_OPS (self, visits)->get_done (self, in->id, &done, error))
    return FALSE;
  inspection_json_done (out, in, &done);
  g_free (done.latest_scheduled_on);
  return TRUE;
}

/* h with its events and its events' attachments (with their data), by id. */
static void
hazard_json_parts (GString *out,
                   const RectifyHazard *h,
                   RectifyHazardEvent *const *events,
                   guint n_events,
                   RectifyAttachment *const *attachments,
                   const gint64 *event_ids,
                   guint n_attachments)
{
  g_string_append_c (out, '{');
  put_int (out, "id", h->id);
  put_int (out, "inspection_id", h->inspection_id);
  put_int (out, "unit_id", h->unit_id);
  put_int (out, "equipment_id", h->equipment_id);
  put_int (out, "campaign_id", h->campaign_id);
  put_text (out, "category", h->category);
  put_int (out, "grade", h->grade);
  put_opt (out, "found_date", h->found_date);
  put_text (out, "content", h->content);
  put_text (out, "standard", h->standard);
  put_text (out, "measures", h->measures);
  put_opt (out, "deadline", h->deadline);
  put_text (out, "responsible", h->responsible);
  put_int (out, "supervisor_id", h->supervisor_id);
  put_int (out, "status", h->status);
  put_opt (out, "closed_date", h->closed_date);
  key (out, "events");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_events; i++)
    {
      const RectifyHazardEvent *ev = events[i];
      if (i)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      put_int (out, "id", ev->id);
      put_int (out, "kind", ev->kind);
      put_int (out, "officer_id", ev->officer_id);
      put_opt (out, "date", ev->date);
      put_opt (out, "created_at", ev->created_at);
      put_text (out, "note", ev->note);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  key (out, "attachments");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_attachments; i++)
    {
      const RectifyAttachment *a = attachments[i];

      if (i)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      put_int (out, "id", a->id);
      put_int (out, "event_id", event_ids[i]);
      put_text (out, "filename", a->filename);
      put_text (out, "mime", a->mime);
      put_text (out, "recorded_sha256", a->sha256);
      put_blob (out, "data", a->data);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

static gboolean
hazard_json (RectifyStore *self, GString *out, const RectifyHazard *h, GError **error)
{
  GError *local = NULL;
  g_autoptr (GPtrArray) events
      = RECTIFY_STORE_OPS (self, hazards)->list_events (self, h->id, &local);
  g_autoptr (GArray) event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) attachments = NULL;

  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  attachments
      = RECTIFY_STORE_OPS (self, attachments)->list_for_hazard (self, h->id, event_ids, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  for (guint i = 0; attachments && i < attachments->len; i++)
    {
      RectifyAttachment *a = g_ptr_array_index (attachments, i);
      g_autoptr (RectifyAttachment) full
          = RECTIFY_STORE_OPS (self, attachments)->get (self, a->id, &local);

      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      g_clear_pointer (&a->data, g_bytes_unref);
      if (full && full->data)
        a->data = g_bytes_ref (full->data);
    }
  hazard_json_parts (out, h, events ? (RectifyHazardEvent *const *)events->pdata : NULL,
                     events ? events->len : 0,
                     attachments ? (RectifyAttachment *const *)attachments->pdata : NULL,
                     (const gint64 *)event_ids->data, attachments ? attachments->len : 0);
  return TRUE;
}

static gboolean
document_json (RectifyStore *self, GString *out, const RectifyDocument *d, GError **error)
{
  g_autofree char *number = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (GBytes) pdf = NULL;

  if (!RECTIFY_STORE_OPS (self, documents)->get_pdf (self, d->id, &number, &pdf, &sha256, error))
    return FALSE;
  g_string_append_c (out, '{');
  put_int (out, "id", d->id);
  put_int (out, "kind", d->kind);
  put_int (out, "year", d->year);
  put_int (out, "seq", d->seq);
  put_text (out, "number", d->number);
  put_int (out, "unit_id", d->unit_id);
  put_int (out, "campaign_id", d->campaign_id);
  put_opt (out, "issued_date", d->issued_date);
  put_int (out, "officer_id", d->officer_id);
  put_int (out, "status", d->status);
  put_text (out, "void_reason", d->void_reason);
  put_opt (out, "void_date", d->void_date);
  put_ids (out, "hazard_ids", d->hazard_ids);
  put_opt (out, "pdf_recorded_sha256", sha256);
  put_blob (out, "pdf", pdf);
  g_string_append_c (out, '}');
  return TRUE;
}

#define GET_ONE(ops, Type, free_func, build)                                                       \
  {                                                                                                \
    Type *r = RECTIFY_STORE_OPS (self, ops)->get (self, id, &local);                               \
    if (r)                                                                                         \
      {                                                                                            \
        build;                                                                                     \
        free_func (r);                                                                             \
      }                                                                                            \
    else                                                                                           \
      found = FALSE;                                                                               \
  }

char *
rectify_audit_record_json (RectifyStore *self, const char *entity, gint64 id, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  GError *local = NULL;
  gboolean found = TRUE, ok = TRUE;

  if (g_strcmp0 (entity, "officer") == 0)
    GET_ONE (officers, RectifyOfficer, rectify_officer_free, officer_json (out, r))
  else if (g_strcmp0 (entity, "campaign") == 0)
    GET_ONE (campaigns, RectifyCampaign, rectify_campaign_free, campaign_json (out, r))
  else if (g_strcmp0 (entity, "unit") == 0)
    GET_ONE (units, RectifyUnit, rectify_unit_free, unit_json (out, r))
  else if (g_strcmp0 (entity, "equipment") == 0)
    GET_ONE (equipment, RectifyEquipment, rectify_equipment_free, equipment_json (out, r))
  else if (g_strcmp0 (entity, "operator") == 0)
    GET_ONE (operators, RectifyOperator, rectify_operator_free, operator_json (out, r))
  else if (g_strcmp0 (entity, "scheduled_visit") == 0)
    GET_ONE (visits, RectifyScheduledVisit, rectify_scheduled_visit_free, visit_json (out, r))
  else if (g_strcmp0 (entity, "inspection") == 0)
    GET_ONE (inspections, RectifyInspection, rectify_inspection_free,
             ok = inspection_json (self, out, r, &local))
  else if (g_strcmp0 (entity, "hazard") == 0)
    GET_ONE (hazards, RectifyHazard, rectify_hazard_free, ok = hazard_json (self, out, r, &local))
  else if (g_strcmp0 (entity, "document") == 0)
    GET_ONE (documents, RectifyDocument, rectify_document_free,
             ok = document_json (self, out, r, &local))
  else
    found = FALSE;

  if (local)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (!found || !ok)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
rectify_store_row_json (RectifyStore *self, const char *table, gint64 id)
{
  return rectify_audit_record_json (self, table, id, NULL);
}

/* ---- batches -------------------------------------------------------------- */

/* What a batch reads once for all its chunks: the visits done by its inspections. */
typedef struct
{
  GArray *done_ids; /* gint64, the inspections that completed a visit, NULL: read one by one */
  GArray *done;     /* RectifyVisitsDone at the same index */
  guint at;
} BatchParts;

static void
batch_parts_clear (BatchParts *b)
{
  for (guint i = 0; b->done && i < b->done->len; i++)
    g_free (g_array_index (b->done, RectifyVisitsDone, i).latest_scheduled_on);
  g_clear_pointer (&b->done, g_array_unref);
  g_clear_pointer (&b->done_ids, g_array_unref);
}

/* The events and attachments of one chunk of hazards, by hazard, and where the next hazard's
 * begin. */
typedef struct
{
  GPtrArray *events;      /* RectifyHazardEvent */
  GPtrArray *attachments; /* RectifyAttachment with data */
  GArray *hazard_ids;     /* of each attachment */
  GArray *event_ids;      /* of each attachment */
  guint ev, at;
} HazardParts;

static void
hazard_parts_clear (HazardParts *p)
{
  g_clear_pointer (&p->events, g_ptr_array_unref);
  g_clear_pointer (&p->attachments, g_ptr_array_unref);
  g_clear_pointer (&p->hazard_ids, g_array_unref);
  g_clear_pointer (&p->event_ids, g_array_unref);
}

static void
hazard_json_from_parts (GString *out, const RectifyHazard *h, HazardParts *p)
{
  guint e0, a0;

  while (p->ev < p->events->len
         && ((RectifyHazardEvent *)g_ptr_array_index (p->events, p->ev))->hazard_id < h->id)
    p->ev++;
  for (e0 = p->ev;
       p->ev < p->events->len
       && ((RectifyHazardEvent *)g_ptr_array_index (p->events, p->ev))->hazard_id == h->id;
       p->ev++)
    ;
  while (p->at < p->hazard_ids->len && g_array_index (p->hazard_ids, gint64, p->at) < h->id)
    p->at++;
  for (a0 = p->at;
       p->at < p->hazard_ids->len && g_array_index (p->hazard_ids, gint64, p->at) == h->id; p->at++)
    ;
  hazard_json_parts (out, h, p->ev > e0 ? (RectifyHazardEvent *const *)p->events->pdata + e0 : NULL,
                     p->ev - e0,
                     p->at > a0 ? (RectifyAttachment *const *)p->attachments->pdata + a0 : NULL,
                     p->at > a0 ? &g_array_index (p->event_ids, gint64, a0) : NULL, p->at - a0);
}

/* The records of one chunk of ids (ascending) as JSON texts, in id order, NULL
 * for an id that has none.  Where the aggregate has get_by_ids or get_range,
 * one read a chunk, and one for each kind of part. */
static gboolean
chunk_json (RectifyStore *self,
            const char *entity,
            const gint64 *ids,
            guint n,
            char **texts,
            BatchParts *batch,
            GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  GError *local = NULL;
  guint k = 0;

#define BY_IDS(ops, Type, build)                                                                   \
  records = RECTIFY_STORE_OPS (self, ops)->get_by_ids (self, ids, n, &local);                      \
  if (!records)                                                                                    \
    goto failed;                                                                                   \
  for (guint i = 0; i < n; i++)                                                                    \
    {                                                                                              \
      Type *r = k < records->len ? g_ptr_array_index (records, k) : NULL;                          \
      if (r && r->id == ids[i])                                                                    \
        {                                                                                          \
          GString *out = g_string_new (NULL);                                                      \
          gboolean ok = TRUE;                                                                      \
          build;                                                                                   \
          k++;                                                                                     \
          if (!ok)                                                                                 \
            {                                                                                      \
              g_string_free (out, TRUE);                                                           \
              goto failed;                                                                         \
            }                                                                                      \
          texts[i] = g_string_free (out, FALSE);                                                   \
        }                                                                                          \
    }

  if (g_strcmp0 (entity, "unit") == 0)
    {
      BY_IDS (units, RectifyUnit, unit_json (out, r))
    }
  else if (g_strcmp0 (entity, "equipment") == 0)
    {
      BY_IDS (equipment, RectifyEquipment, equipment_json (out, r))
    }
  else if (g_strcmp0 (entity, "operator") == 0)
    {
      BY_IDS (operators, RectifyOperator, operator_json (out, r))
    }
  else if (g_strcmp0 (entity, "hazard") == 0 && RECTIFY_STORE_OPS (self, hazards)->list_events_range
           && RECTIFY_STORE_OPS (self, attachments)->list_for_hazard_range)
    {
      HazardParts parts = { 0 };

      parts.events
          = RECTIFY_STORE_OPS (self, hazards)->list_events_range (self, ids[0], ids[n - 1], &local);
      if (!parts.events)
        goto failed;
      parts.hazard_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      parts.event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      parts.attachments = RECTIFY_STORE_OPS (self, attachments)
                              ->list_for_hazard_range (self, ids[0], ids[n - 1], parts.hazard_ids,
                                                       parts.event_ids, &local);
      if (!parts.attachments)
        {
          hazard_parts_clear (&parts);
          goto failed;
        }
      records = RECTIFY_STORE_OPS (self, hazards)->get_by_ids (self, ids, n, &local);
      if (!records)
        {
          hazard_parts_clear (&parts);
          goto failed;
        }
      for (guint i = 0; i < n; i++)
        {
          RectifyHazard *r = k < records->len ? g_ptr_array_index (records, k) : NULL;
          if (r && r->id == ids[i])
            {
              GString *out = g_string_new (NULL);
              hazard_json_from_parts (out, r, &parts);
              texts[i] = g_string_free (out, FALSE);
              k++;
            }
        }
      hazard_parts_clear (&parts);
    }
  else if (g_strcmp0 (entity, "hazard") == 0)
    {
      BY_IDS (hazards, RectifyHazard, ok = hazard_json (self, out, r, &local))
    }
  else if (g_strcmp0 (entity, "inspection") == 0 && batch && batch->done_ids
           && RECTIFY_STORE_OPS (self, inspections)->get_range)
    {
      /* the range may hold ids the caller left out */
      records = RECTIFY_STORE_OPS (self, inspections)->get_range (self, ids[0], ids[n - 1], &local);
      if (!records)
        goto failed;
      for (guint i = 0; i < n; i++)
        {
          RectifyInspection *r = NULL;
          RectifyVisitsDone none = { 0 };
          const RectifyVisitsDone *done = &none;

          while (k < records->len
                 && ((RectifyInspection *)g_ptr_array_index (records, k))->id < ids[i])
            k++;
          if (k < records->len
              && ((RectifyInspection *)g_ptr_array_index (records, k))->id == ids[i])
            r = g_ptr_array_index (records, k);
          if (!r)
            continue;
          while (batch->at < batch->done_ids->len
                 && g_array_index (batch->done_ids, gint64, batch->at) < ids[i])
            batch->at++;
          if (batch->at < batch->done_ids->len
              && g_array_index (batch->done_ids, gint64, batch->at) == ids[i])
            done = &g_array_index (batch->done, RectifyVisitsDone, batch->at);
          {
            GString *out = g_string_new (NULL);
            inspection_json_done (out, r, done);
            texts[i] = g_string_free (out, FALSE);
          }
        }
    }
  else if (g_strcmp0 (entity, "scheduled_visit") == 0)
    {
      BY_IDS (visits, RectifyScheduledVisit, visit_json (out, r))
    }
  else
    for (guint i = 0; i < n; i++)
      {
        texts[i] = rectify_audit_record_json (self, entity, ids[i], &local);
        if (local)
          goto failed;
      }
#undef BY_IDS
  return TRUE;

failed:
  if (local)
    g_propagate_error (error, local);
  else
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Audit: %s could not be read"), entity);
  return FALSE;
}

gboolean
rectify_audit_batch_hash (RectifyStore *self,
                          const char *entity,
                          gint64 first_id,
                          gint64 last_id,
                          RectifyAuditOverrideFunc override,
                          gpointer user_data,
                          gint64 *n_records,
                          char **sha256,
                          GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 ids[CHUNK];
  char *texts[CHUNK];
  gint64 t0 = g_get_monotonic_time ();
  BatchParts batch = { 0 };

  *n_records = 0;
  *sha256 = NULL;
  /* the visits done have no index by inspection: one pass for the whole batch */
  if (g_strcmp0 (entity, "inspection") == 0 && first_id <= last_id
      && RECTIFY_STORE_OPS (self, visits)->get_done_range
      && RECTIFY_STORE_OPS (self, inspections)->get_range)
    {
      GArray *done_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      batch.done = RECTIFY_STORE_OPS (self, visits)
                       ->get_done_range (self, first_id, last_id, done_ids, error);
      if (!batch.done)
        {
          g_array_unref (done_ids);
          return FALSE;
        }
      batch.done_ids = done_ids;
    }
  for (gint64 start = first_id; start <= last_id; start += CHUNK)
    {
      guint n = (guint)MIN ((gint64)CHUNK, last_id - start + 1);
      guint n_read = 0;

      /* the ids whose record at the batch the chain knows otherwise are not read */
      for (guint i = 0; i < n; i++)
        {
          texts[i] = NULL;
          if (!override || !override (start + i, NULL, user_data))
            ids[n_read++] = start + i;
        }
      {
        char *read[CHUNK] = { NULL };
        guint r = 0;

        if (n_read > 0 && !chunk_json (self, entity, ids, n_read, read, &batch, error))
          {
            for (guint i = 0; i < n_read; i++)
              g_free (read[i]);
            batch_parts_clear (&batch);
            return FALSE;
          }
        for (guint i = 0; i < n; i++)
          {
            const char *text = NULL;
            if (override && override (start + i, &text, user_data))
              {
                if (text)
                  texts[i] = g_strdup (text);
              }
            else
              texts[i] = read[r++];
          }
      }
      for (guint i = 0; i < n; i++)
        if (texts[i])
          {
            g_checksum_update (sum, (const guchar *)texts[i], strlen (texts[i]));
            g_checksum_update (sum, (const guchar *)"\n", 1);
            (*n_records)++;
            g_free (texts[i]);
          }
    }
  batch_parts_clear (&batch);
  *sha256 = g_strdup (g_checksum_get_string (sum));
  g_debug ("audit: the hash of %s %" PRId64 "–%" PRId64 " (%" PRId64 " records) in %.2f s", entity,
           first_id, last_id, *n_records, (g_get_monotonic_time () - t0) / 1e6);
  return TRUE;
}

gboolean
rectify_store_audit_batch (RectifyStore *self,
                           const char *entity,
                           gint64 first_id,
                           gint64 last_id,
                           const char *action,
                           const char *extra_json,
                           GError **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *after = NULL;
  gint64 n = 0;

  if (!rectify_audit_batch_hash (self, entity, first_id, last_id, NULL, NULL, &n, &sha256, error))
    return FALSE;
  after = g_strdup_printf ("{\"batch\":true,\"first_id\":%" PRId64 ",\"last_id\":%" PRId64
                           ",\"records\":%" PRId64 ",\"sha256\":\"%s\"%s%s}",
                           first_id, last_id, n, sha256, extra_json ? "," : "",
                           extra_json ? extra_json : "");
  return rectify_store_audit (self, entity, 0, action, NULL, after, error);
}

/* ---- reading it back ------------------------------------------------------ */

typedef enum
{
  JSON_SCALAR, /* number, true, false, null, string: compared as written */
  JSON_ARRAY,
  JSON_OBJECT,
} JsonKind;

typedef struct JsonValue JsonValue;
struct JsonValue
{
  JsonKind kind;
  char *name;     /* the member's key, NULL in an array */
  char *text;     /* a scalar as written */
  GPtrArray *sub; /* JsonValue of an array or object */
};

static void
json_value_free (gpointer data)
{
  JsonValue *v = data;
  if (!v)
    return;
  g_free (v->name);
  g_free (v->text);
  if (v->sub)
    g_ptr_array_unref (v->sub);
  g_free (v);
}

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\r' || **p == '\t')
    (*p)++;
}

/* The string at *p (a quote) as written, with its quotes; NULL when it does not end. */
static char *
scan_string (const char **p)
{
  const char *start = *p;
  const char *q = start + 1;

  while (*q && *q != '"')
    {
      if (*q == '\\' && q[1])
        q++;
      q++;
    }
  if (*q != '"')
    return NULL;
  *p = q + 1;
  return g_strndup (start, (gsize)(*p - start));
}

static JsonValue *
parse_value (const char **p, int depth)
{
  JsonValue *v;

  skip_space (p);
  if (depth > 16)
    return NULL;
  v = g_new0 (JsonValue, 1);
  if (**p == '{' || **p == '[')
    {
      gboolean object = **p == '{';
      char close = object ? '}' : ']';

      v->kind = object ? JSON_OBJECT : JSON_ARRAY;
      v->sub = g_ptr_array_new_with_free_func (json_value_free);
      (*p)++;
      skip_space (p);
      if (**p == close)
        {
          (*p)++;
          return v;
        }
      for (;;)
        {
          char *name = NULL;
          JsonValue *member;

          skip_space (p);
          if (object)
            {
              if (**p != '"' || !(name = scan_string (p)))
                break;
              skip_space (p);
              if (**p != ':')
                {
                  g_free (name);
                  break;
                }
              (*p)++;
            }
          if (!(member = parse_value (p, depth + 1)))
            {
              g_free (name);
              break;
            }
          if (name)
            {
              /* the key without its quotes (ours never need unescaping) */
              member->name = g_strndup (name + 1, strlen (name) - 2);
              g_free (name);
            }
          g_ptr_array_add (v->sub, member);
          skip_space (p);
          if (**p == ',')
            {
              (*p)++;
              continue;
            }
          if (**p == close)
            {
              (*p)++;
              return v;
            }
          break;
        }
      json_value_free (v);
      return NULL;
    }
  v->kind = JSON_SCALAR;
  if (**p == '"')
    v->text = scan_string (p);
  else
    {
      const char *start = *p;
      while (**p && !strchr (",]} \n\r\t", **p))
        (*p)++;
      if (*p > start)
        v->text = g_strndup (start, (gsize)(*p - start));
    }
  if (!v->text)
    {
      json_value_free (v);
      return NULL;
    }
  return v;
}

static JsonValue *
json_parse (const char *text)
{
  const char *p = text;
  JsonValue *v;

  if (!text)
    return NULL;
  v = parse_value (&p, 0);
  skip_space (&p);
  if (v && *p)
    {
      json_value_free (v);
      return NULL;
    }
  return v;
}

static const JsonValue *
member (const JsonValue *object, const char *name)
{
  if (!object || object->kind != JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->sub->len; i++)
    {
      const JsonValue *m = g_ptr_array_index (object->sub, i);
      if (g_strcmp0 (m->name, name) == 0)
        return m;
    }
  return NULL;
}

gboolean
rectify_audit_json_int (const char *json, const char *name, gint64 *value)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (json_value_free);
  JsonValue *root = json_parse (json);
  const JsonValue *m;

  if (!root)
    return FALSE;
  g_ptr_array_add (keep, root);
  m = member (root, name);
  if (!m || m->kind != JSON_SCALAR || !g_ascii_isdigit (m->text[0]))
    return FALSE;
  *value = g_ascii_strtoll (m->text, NULL, 10);
  return TRUE;
}

char *
rectify_audit_json_text (const char *json, const char *name)
{
  JsonValue *root = json_parse (json);
  const JsonValue *m = member (root, name);
  char *out = NULL;

  if (m && m->kind == JSON_SCALAR && m->text[0] == '"')
    out = g_strndup (m->text + 1, strlen (m->text) - 2);
  json_value_free (root);
  return out;
}

/* The table each array of parts is stored in, to name a part that differs. */
static const char *
part_table (const char *array)
{
  static const char *const tables[][2] = {
    { "events", "hazard_event" },
    { "attachments", "attachment" },
    { "equipment", "inspection_equipment" },
    { "checks", "inspection_remark" },
    { "officers", "inspection_officer" },
    { "member_ids", "campaign_member" },
    { "hazard_ids", "document_hazard" },
    { "pdf", "document_pdf" },
    { "visits_done", "scheduled_visit" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (array, tables[i][0]) == 0)
      return tables[i][1];
  return array;
}

static char *
shorten (const char *text)
{
  if (!text)
    return g_strdup (_ ("nothing"));
  if (g_utf8_strlen (text, -1) <= 48)
    return g_strdup (text);
  {
    const char *end = g_utf8_offset_to_pointer (text, 45);
    return g_strdup_printf ("%.*s…", (int)(end - text), text);
  }
}

static char *
value_text (const JsonValue *v)
{
  if (!v)
    return NULL;
  if (v->kind == JSON_SCALAR)
    return g_strdup (v->text);
  {
    GString *out = g_string_new (v->kind == JSON_ARRAY ? "[" : "{");
    for (guint i = 0; i < v->sub->len; i++)
      {
        const JsonValue *m = g_ptr_array_index (v->sub, i);
        g_autofree char *sub = value_text (m);
        if (i)
          g_string_append_c (out, ',');
        if (v->kind == JSON_OBJECT)
          g_string_append_printf (out, "\"%s\":", m->name);
        g_string_append (out, sub);
      }
    g_string_append_c (out, v->kind == JSON_ARRAY ? ']' : '}');
    return g_string_free (out, FALSE);
  }
}

static gint64
item_id (const JsonValue *v)
{
  const JsonValue *id = member (v, "id");
  return id && id->kind == JSON_SCALAR ? g_ascii_strtoll (id->text, NULL, 10) : 0;
}

static void add_difference (GPtrArray *out,
                            const char *where,
                            const char *field,
                            const JsonValue *now,
                            const JsonValue *then);

/* The differences of two members of a record (or of a part, where names the part). */
static void
diff_object (GPtrArray *out, const char *where, const JsonValue *now, const JsonValue *then)
{
  for (guint i = 0; i < then->sub->len; i++)
    {
      const JsonValue *t = g_ptr_array_index (then->sub, i);
      add_difference (out, where, t->name, member (now, t->name), t);
    }
  for (guint i = 0; i < now->sub->len; i++)
    {
      const JsonValue *n = g_ptr_array_index (now->sub, i);
      if (!member (then, n->name))
        add_difference (out, where, n->name, n, NULL);
    }
}

/* Parts with ids (events, attachments, equipment, checks) matched by id. */
static void
diff_parts (GPtrArray *out,
            const char *where,
            const char *array,
            const JsonValue *now,
            const JsonValue *then)
{
  const char *table = part_table (array);

  for (guint i = 0; i < then->sub->len; i++)
    {
      const JsonValue *t = g_ptr_array_index (then->sub, i);
      const JsonValue *n = NULL;
      gint64 id = item_id (t);
      g_autofree char *part = NULL;

      for (guint j = 0; j < now->sub->len && !n; j++)
        if (item_id (g_ptr_array_index (now->sub, j)) == id)
          n = g_ptr_array_index (now->sub, j);
      part = where ? g_strdup_printf ("%s, %s %" PRId64, where, table, id)
                   : g_strdup_printf ("%s %" PRId64, table, id);
      if (!n)
        g_ptr_array_add (out, g_strdup_printf (_ ("%s is missing"), part));
      else
        diff_object (out, part, n, t);
    }
  for (guint j = 0; j < now->sub->len; j++)
    {
      const JsonValue *n = g_ptr_array_index (now->sub, j);
      gboolean known = FALSE;
      gint64 id = item_id (n);

      for (guint i = 0; i < then->sub->len && !known; i++)
        known = item_id (g_ptr_array_index (then->sub, i)) == id;
      if (!known)
        g_ptr_array_add (
            out, where ? g_strdup_printf (_ ("%s, %s %" PRId64 " is not in the audit "
                                             "log"),
                                          where, table, id)
                       : g_strdup_printf (_ ("%s %" PRId64 " is not in the audit log"), table, id));
    }
}

static void
add_difference (GPtrArray *out,
                const char *where,
                const char *field,
                const JsonValue *now,
                const JsonValue *then)
{
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;

  if (now && then && now->kind == then->kind && now->kind == JSON_SCALAR
      && strcmp (now->text, then->text) == 0)
    return;
  if (now && then && now->kind == then->kind && now->kind == JSON_OBJECT)
    {
      g_autofree char *part = where ? g_strdup_printf ("%s, %s", where, part_table (field))
                                    : g_strdup (part_table (field));
      diff_object (out, part, now, then);
      return;
    }
  if (now && then && now->kind == then->kind && now->kind == JSON_ARRAY && then->sub->len > 0
      && ((const JsonValue *)g_ptr_array_index (then->sub, 0))->kind == JSON_OBJECT)
    {
      diff_parts (out, where, field, now, then);
      return;
    }
  now_text = value_text (now);
  then_text = value_text (then);
  if (g_strcmp0 (now_text, then_text) == 0)
    return;
  {
    g_autofree char *a = shorten (now_text);
    g_autofree char *b = shorten (then_text);
    g_ptr_array_add (
        out, where ? g_strdup_printf (_ ("%s: %s is %s, the audit log has %s"), where, field, a, b)
                   : g_strdup_printf (_ ("%s is %s, the audit log has %s"), field, a, b));
  }
}

char *
rectify_audit_json_member (const char *json, const char *name)
{
  JsonValue *root = json_parse (json);
  char *out = value_text (member (root, name));

  json_value_free (root);
  return out;
}

GPtrArray *
rectify_audit_json_diff (const char *now, const char *recorded)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  JsonValue *n = json_parse (now);
  JsonValue *t = json_parse (recorded);

  if (n && t && n->kind == JSON_OBJECT && t->kind == JSON_OBJECT)
    diff_object (out, NULL, n, t);
  else if (g_strcmp0 (now, recorded) != 0)
    g_ptr_array_add (out, g_strdup (_ ("the audit entry cannot be read")));
  json_value_free (n);
  json_value_free (t);
  return out;
}
