/* rectify-audit.c: the hash-chained audit log of every write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-store-audit.h"
#include "rectify-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

char *
rectify_store_row_json (RectifyStore *self, const char *table, gint64 id)
{
  return RECTIFY_STORE_OPS (self, audit)->row_json (self, table, id);
}

static char *
chain_hash (const char *prev_hash,
            const char *at,
            gint64 officer_id,
            const char *entity,
            gint64 entity_id,
            const char *action,
            const char *before,
            const char *after)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" PRId64 "\n%" PRId64 "\n", officer_id, entity_id);
  /* NUL separators and a marker for NULL keep the fields unambiguous. */
  const char *fields[] = { prev_hash, at, numbers, entity, action, before, after };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i])
        g_checksum_update (sum, (const guchar *)fields[i], strlen (fields[i]));
      else
        g_checksum_update (sum, (const guchar *)"\x01null", 5);
      g_checksum_update (sum, (const guchar *)"", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
rectify_store_audit (RectifyStore *self,
                     const char *entity,
                     gint64 entity_id,
                     const char *action,
                     const char *before_json,
                     const char *after_json,
                     GError **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *at = rectify_now_utc ();
  g_autofree char *hash = NULL;

  g_assert (rectify_store_in_transaction (self));
  if (!rectify_store_check_actor (self, error))
    return FALSE;

  {
    gint64 last_id;
    if (!RECTIFY_STORE_OPS (self, audit)->last (self, &last_id, &prev, error))
      return FALSE;
    if (prev == NULL)
      prev = g_strdup (GENESIS_HASH);
  }
  hash = chain_hash (prev, at, rectify_store_get_actor (self), entity, entity_id, action,
                     before_json, after_json);
  {
    RectifyStoreAuditRow row = {
      .at = at,
      .officer_id = rectify_store_get_actor (self),
      .entity = entity,
      .entity_id = entity_id,
      .action = action,
      .before_json = before_json,
      .after_json = after_json,
      .prev_hash = prev,
      .hash = hash,
    };
    if (!RECTIFY_STORE_OPS (self, audit)->append (self, &row, error))
      return FALSE;
  }
  rectify_store_mark_changed (self, entity);
  return TRUE;
}

void
rectify_audit_report_clear (RectifyAuditReport *report)
{
  g_clear_pointer (&report->problem, g_free);
  report->rows = 0;
  report->first_bad_id = 0;
}

typedef struct
{
  RectifyAuditReport *report;
  char *prev;
  gint64 expected_id;
} VerifyState;

/* Checks one row against the one before it; stops at the first bad one. */
static gboolean
verify_row (const RectifyStoreAuditRow *row, gpointer user_data)
{
  VerifyState *state = user_data;
  RectifyAuditReport *report = state->report;
  gint64 id = row->id;
  g_autofree char *computed = NULL;

  report->rows++;
  if (state->expected_id != 0 && id != state->expected_id)
    {
      report->first_bad_id = state->expected_id;
      report->problem
          = g_strdup_printf (_ ("audit row %" PRId64 " is missing"), state->expected_id);
      return FALSE;
    }
  computed = chain_hash (state->prev, row->at, row->officer_id, row->entity, row->entity_id,
                         row->action, row->before_json, row->after_json);
  if (g_strcmp0 (row->prev_hash, state->prev) != 0)
    {
      report->first_bad_id = id;
      report->problem = g_strdup_printf (
          _ ("audit row %" PRId64
             " does not follow the row before it (a row was removed or replaced)"),
          id);
      return FALSE;
    }
  if (g_strcmp0 (row->hash, computed) != 0)
    {
      report->first_bad_id = id;
      report->problem
          = g_strdup_printf (_ ("audit row %" PRId64 " was altered after it was written"), id);
      return FALSE;
    }
  g_free (state->prev);
  state->prev = g_strdup (row->hash);
  state->expected_id = id + 1;
  return TRUE;
}

gboolean
rectify_store_verify_audit (RectifyStore *self, RectifyAuditReport *report, GError **error)
{
  VerifyState state = { report, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  state.prev = g_strdup (GENESIS_HASH);
  ok = RECTIFY_STORE_OPS (self, audit)->foreach (self, verify_row, &state, error);
  g_free (state.prev);
  return ok;
}

void
rectify_audit_entry_free (RectifyAuditEntry *entry)
{
  if (!entry)
    return;
  g_free (entry->at);
  g_free (entry->officer_name);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
rectify_store_list_audit (RectifyStore *self, gint64 limit, GError **error)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (self), NULL);

  return RECTIFY_STORE_OPS (self, audit)->list (self, limit, error);
}
