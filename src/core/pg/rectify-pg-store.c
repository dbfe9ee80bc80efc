/* rectify-pg-store.c: the connection to a PostgreSQL database, its
 * prepared statements, transactions and errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-pg-backup.h"
#include "rectify-pg-private.h"

G_DEFINE_FINAL_TYPE (RectifyPgStore, rectify_pg_store, RECTIFY_TYPE_STORE)

/* ---- errors -------------------------------------------------------------- */

/* The database as messages name it: host and database, never the password
 * a connection string may hold. */
static char *
display_name (RectifyPgStore *self)
{
  const char *db = self->conn ? PQdb (self->conn) : NULL;
  const char *host = self->conn ? PQhost (self->conn) : NULL;

  if (db == NULL)
    return g_strdup (_ ("the bureau server"));
  if (host == NULL || *host == '\0' || *host == '/')
    return g_strdup (db);
  return g_strdup_printf ("%s/%s", host, db);
}

static gboolean
sqlstate_is (const char *state, const char *code)
{
  return state != NULL && g_str_equal (state, code);
}

gboolean
rectify_pg_fail (RectifyStore *store, const PGresult *res, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *constraint = res ? PQresultErrorField (res, PG_DIAG_CONSTRAINT_NAME) : NULL;
  const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *name = display_name (self);
  g_autofree char *msg = NULL;

  if (primary == NULL)
    primary = res ? PQresultErrorMessage (res) : NULL;
  if (primary == NULL || *primary == '\0')
    primary = PQerrorMessage (self->conn);
  msg = g_strchomp (g_strdup (primary ? primary : ""));

  if (PQstatus (self->conn) != CONNECTION_OK || (state && g_str_has_prefix (state, "08")))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                 _ ("The connection to %s was lost (%s); nothing was saved. Check the network "
                    "and try again"),
                 name, msg);
  else if (sqlstate_is (state, "23505"))
    {
      if (constraint && strstr (constraint, "credit_code"))
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                     _ ("Credit code: another unit already has this code"));
      else if (constraint && strstr (constraint, "equipment_by_code"))
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                     _ ("Equipment code: another item already has this code"));
      else if (constraint && strstr (constraint, "officer_badge"))
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                     _ ("Badge: another officer already has this number"));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE, _ ("Database error: %s"), msg);
    }
  else if (state && g_str_has_prefix (state, "23"))
    /* foreign key, check, not null, exclusion */
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Database error: %s"), msg);
  else if (sqlstate_is (state, "P0001"))
    /* RAISE EXCEPTION of our triggers, as SQLite's RAISE (ABORT) */
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Database error: %s"), msg);
  else if (sqlstate_is (state, "40001") || sqlstate_is (state, "40P01")
           || sqlstate_is (state, "55P03"))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_LOCKED,
                 _ ("Another workstation is saving the same records in %s; try again"), name);
  else if (sqlstate_is (state, "57014"))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DATABASE, _ ("Database error: %s"),
                 "interrupted");
  else if (sqlstate_is (state, "53100"))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("The disk is full; nothing was saved"));
  else if (sqlstate_is (state, "25006"))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                 _ ("The database %s is read-only; nothing was saved"), name);
  else if (sqlstate_is (state, "42501"))
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION,
                 _ ("Your login on %s has no right to do this (%s); ask the bureau's "
                    "administrator"),
                 name, msg);
  else
    g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DATABASE, _ ("Database error: %s"), msg);
  return FALSE;
}

/* ---- parameters ---------------------------------------------------------- */

void
rectify_pg_params_clear (RectifyPgParams *p)
{
  g_clear_pointer (&p->values, g_ptr_array_unref);
  g_clear_pointer (&p->lengths, g_array_unref);
  g_clear_pointer (&p->formats, g_array_unref);
}

static void
params_push (RectifyPgParams *p, char *value, int length, int format)
{
  if (p->values == NULL)
    {
      p->values = g_ptr_array_new_with_free_func (g_free);
      p->lengths = g_array_new (FALSE, TRUE, sizeof (int));
      p->formats = g_array_new (FALSE, TRUE, sizeof (int));
    }
  g_ptr_array_add (p->values, value);
  g_array_append_val (p->lengths, length);
  g_array_append_val (p->formats, format);
}

guint
rectify_pg_params_count (const RectifyPgParams *p)
{
  return p && p->values ? p->values->len : 0;
}

void
rectify_pg_add_int (RectifyPgParams *p, gint64 value)
{
  params_push (p, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

void
rectify_pg_add_double (RectifyPgParams *p, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  params_push (p, g_strdup (g_ascii_dtostr (buf, sizeof buf, value)), 0, 0);
}

void
rectify_pg_add_text (RectifyPgParams *p, const char *text)
{
  params_push (p, g_strdup (text ? text : ""), 0, 0);
}

void
rectify_pg_add_text_or_null (RectifyPgParams *p, const char *text)
{
  params_push (p, text && *text ? g_strdup (text) : NULL, 0, 0);
}

void
rectify_pg_add_id_or_null (RectifyPgParams *p, gint64 id)
{
  if (id > 0)
    rectify_pg_add_int (p, id);
  else
    params_push (p, NULL, 0, 0);
}

void
rectify_pg_add_bool (RectifyPgParams *p, gboolean value)
{
  params_push (p, g_strdup (value ? "1" : "0"), 0, 0);
}

void
rectify_pg_add_date (RectifyPgParams *p, const char *date)
{
  rectify_pg_add_text_or_null (p, date);
}

void
rectify_pg_add_bytea (RectifyPgParams *p, gconstpointer data, gsize size)
{
  char *copy = g_malloc (size ? size : 1);

  g_return_if_fail (size <= G_MAXINT);
  if (size)
    memcpy (copy, data, size);
  params_push (p, copy, (int)size, 1);
}

void
rectify_pg_add_null (RectifyPgParams *p)
{
  params_push (p, NULL, 0, 0);
}

/* ---- the connection -------------------------------------------------------- */

/* Connects again when the connection was lost (the server restarted, the
 * network went away): a new session, its settings, no prepared
 * statements, a new cancel handle.  FALSE with error when the server
 * still cannot be reached. */
static gboolean
reconnect (RectifyPgStore *self, GError **error)
{
  PGcancel *cancel;

  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return rectify_pg_fail (RECTIFY_STORE (self), NULL, error);
  g_debug ("reconnected to %s", PQdb (self->conn));
  g_hash_table_remove_all (self->prepared);
  cancel = PQgetCancel (self->conn);
  g_mutex_lock (&self->cancel_lock);
  g_clear_pointer (&self->cancel, PQfreeCancel);
  self->cancel = cancel;
  g_mutex_unlock (&self->cancel_lock);
  if (self->session)
    {
      g_autoptr (PGresult) res = PQexec (self->conn, self->session);
      if (PQresultStatus (res) != PGRES_COMMAND_OK)
        return rectify_pg_fail (RECTIFY_STORE (self), res, error);
    }
  return TRUE;
}

/* After a failure outside a transaction: TRUE when the connection was
 * lost and is back, so that the statement may run once more. */
static gboolean
lost_and_back (RectifyPgStore *self)
{
  return self->txn_depth == 0 && PQstatus (self->conn) != CONNECTION_OK && reconnect (self, NULL);
}

/* ---- statements ---------------------------------------------------------- */

static gboolean
result_ok (const PGresult *res)
{
  ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

static PGresult *
finish (RectifyStore *store, PGresult *res, GError **error)
{
  if (result_ok (res))
    return res;
  rectify_pg_fail (store, res, error);
  g_clear_pointer (&res, PQclear);
  return NULL;
}

static PGresult *
exec_prepared (RectifyStore *store, const char *sql, RectifyPgParams *p, GError **error);

PGresult *
rectify_pg_exec (RectifyStore *store, const char *sql, RectifyPgParams *p, GError **error)
{
  g_autoptr (GError) local = NULL;
  PGresult *res = exec_prepared (store, sql, p, &local);

  if (res == NULL && lost_and_back ((RectifyPgStore *)store))
    {
      g_clear_error (&local);
      res = exec_prepared (store, sql, p, &local);
    }
  if (res == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return res;
}

static PGresult *
exec_prepared (RectifyStore *store, const char *sql, RectifyPgParams *p, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  const char *name = g_hash_table_lookup (self->prepared, sql);
  guint n = rectify_pg_params_count (p);
  PGresult *res;

  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("rectify_%u", ++self->n_prepared);
      g_autoptr (PGresult) prep = PQprepare (self->conn, new_name, sql, 0, NULL);

      if (!result_ok (prep))
        {
          const char *state = prep ? PQresultErrorField (prep, PG_DIAG_SQLSTATE) : NULL;
          /* a statement that does not compile is a bug: say which */
          if (state && (g_str_has_prefix (state, "42") && !g_str_equal (state, "42501")))
            g_warning ("cannot prepare %s: %s", sql, PQresultErrorMessage (prep));
          rectify_pg_fail (store, prep, error);
          return NULL;
        }
      name = new_name;
      g_hash_table_insert (self->prepared, g_strdup (sql), g_steal_pointer (&new_name));
    }
  res = PQexecPrepared (self->conn, name, (int)n, n ? (const char *const *)p->values->pdata : NULL,
                        n ? (const int *)p->lengths->data : NULL,
                        n ? (const int *)p->formats->data : NULL, 0);
  return finish (store, res, error);
}

PGresult *
rectify_pg_exec_once (RectifyStore *store, const char *sql, RectifyPgParams *p, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  guint n = rectify_pg_params_count (p);
  PGresult *res = PQexecParams (
      self->conn, sql, (int)n, NULL, n ? (const char *const *)p->values->pdata : NULL,
      n ? (const int *)p->lengths->data : NULL, n ? (const int *)p->formats->data : NULL, 0);

  if (!result_ok (res))
    {
      const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
      if (state && g_str_has_prefix (state, "42") && !g_str_equal (state, "42501"))
        g_warning ("cannot run %s: %s", sql, PQresultErrorMessage (res));
    }
  return finish (store, res, error);
}

gboolean
rectify_pg_exec_script (RectifyStore *store, const char *sql, GError **error)
{
  g_autoptr (PGresult) res = finish (store, PQexec (rectify_pg_conn (store), sql), error);
  return res != NULL;
}

PGresult *
rectify_pg_exec_guarded (
    RectifyStore *store, const char *sql, RectifyPgParams *p, char *sqlstate, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  g_autoptr (GError) local = NULL;
  PGresult *res;

  if (sqlstate)
    *sqlstate = '\0';
  if (self->txn_depth > 0 && !rectify_pg_exec_script (store, "SAVEPOINT guard", error))
    return NULL;
  res = PQexecParams (self->conn, sql, (int)rectify_pg_params_count (p), NULL,
                      p && p->values ? (const char *const *)p->values->pdata : NULL,
                      p && p->lengths ? (const int *)p->lengths->data : NULL,
                      p && p->formats ? (const int *)p->formats->data : NULL, 0);
  if (!result_ok (res))
    {
      const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
      if (sqlstate)
        g_strlcpy (sqlstate, state ? state : "XX000", 6);
      rectify_pg_fail (store, res, error);
      g_clear_pointer (&res, PQclear);
      if (self->txn_depth > 0)
        rectify_pg_exec_script (store, "ROLLBACK TO SAVEPOINT guard; RELEASE SAVEPOINT guard",
                                NULL);
      return NULL;
    }
  if (self->txn_depth > 0 && !rectify_pg_exec_script (store, "RELEASE SAVEPOINT guard", error))
    g_clear_pointer (&res, PQclear);
  return res;
}

gint64
rectify_pg_insert (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error)
{
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, p, error);

  if (res == NULL)
    return 0;
  g_return_val_if_fail (PQntuples (res) == 1, 0);
  return rectify_pg_int (res, 0, 0);
}

gboolean
rectify_pg_update (
    RectifyStore *self, const char *sql, RectifyPgParams *p, gboolean *found, GError **error)
{
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, p, error);

  *found = FALSE;
  if (res == NULL)
    return FALSE;
  *found = g_strcmp0 (PQcmdTuples (res), "1") == 0;
  return TRUE;
}

gboolean
rectify_pg_run (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error)
{
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, p, error);
  return res != NULL;
}

gboolean
rectify_pg_delete_row (
    RectifyStore *self, const char *sql, gint64 id, gboolean *in_use, GError **error)
{
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autoptr (GError) local = NULL;
  g_autoptr (PGresult) res = NULL;
  char state[6];

  *in_use = FALSE;
  rectify_pg_add_int (&p, id);
  res = rectify_pg_exec_guarded (self, sql, &p, state, &local);
  if (res)
    return TRUE;
  if (g_str_equal (state, "23503"))
    {
      *in_use = TRUE;
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
rectify_pg_any (RectifyStore *self, const char *sql, RectifyPgParams *p, GError **error)
{
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, p, error);
  return res != NULL && PQntuples (res) > 0;
}

gboolean
rectify_pg_query_int (
    RectifyStore *self, const char *sql, RectifyPgParams *p, gint64 *out, GError **error)
{
  g_autoptr (PGresult) res = rectify_pg_exec (self, sql, p, error);

  *out = 0;
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    *out = rectify_pg_int (res, 0, 0);
  return TRUE;
}

/* ---- columns ------------------------------------------------------------- */

gboolean
rectify_pg_is_null (const PGresult *r, int row, int col)
{
  return PQgetisnull (r, row, col);
}

gint64
rectify_pg_int (const PGresult *r, int row, int col)
{
  const char *v;

  if (PQgetisnull (r, row, col))
    return 0;
  v = PQgetvalue (r, row, col);
  if (g_str_equal (v, "t"))
    return 1;
  if (g_str_equal (v, "f"))
    return 0;
  return g_ascii_strtoll (v, NULL, 10);
}

double
rectify_pg_double (const PGresult *r, int row, int col)
{
  if (PQgetisnull (r, row, col))
    return 0;
  return g_ascii_strtod (PQgetvalue (r, row, col), NULL);
}

gboolean
rectify_pg_bool (const PGresult *r, int row, int col)
{
  return rectify_pg_int (r, row, col) != 0;
}

char *
rectify_pg_dup_text (const PGresult *r, int row, int col)
{
  return g_strdup (PQgetisnull (r, row, col) ? "" : PQgetvalue (r, row, col));
}

char *
rectify_pg_dup_text_or_null (const PGresult *r, int row, int col)
{
  return PQgetisnull (r, row, col) ? NULL : g_strdup (PQgetvalue (r, row, col));
}

const char *
rectify_pg_text (const PGresult *r, int row, int col)
{
  return PQgetisnull (r, row, col) ? NULL : PQgetvalue (r, row, col);
}

GBytes *
rectify_pg_bytea (const PGresult *r, int row, int col)
{
  size_t n = 0;
  unsigned char *raw;
  GBytes *bytes;

  if (PQgetisnull (r, row, col))
    return NULL;
  raw = PQunescapeBytea ((const unsigned char *)PQgetvalue (r, row, col), &n);
  if (raw == NULL)
    return NULL;
  bytes = g_bytes_new (raw, n);
  PQfreemem (raw);
  return bytes;
}

/* ---- transactions -------------------------------------------------------- */

/* The outermost BEGIN: on a connection that was lost, after connecting
 * again (nothing of the transaction had been sent yet). */
static gboolean
begin_outermost (RectifyPgStore *self, const char *sql, GError **error)
{
  RectifyStore *store = RECTIFY_STORE (self);
  g_autoptr (GError) local = NULL;

  if (!reconnect (self, error))
    return FALSE;
  if (rectify_pg_exec_script (store, sql, &local))
    return TRUE;
  if (lost_and_back (self))
    {
      g_clear_error (&local);
      return rectify_pg_exec_script (store, sql, error);
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
pg_begin (RectifyStore *store, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;

  if (self->txn_depth == 0)
    {
      if (self->reader)
        {
          g_autofree char *name = display_name (self);
          g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                       _ ("The database %s is read-only; nothing was saved"), name);
          return FALSE;
        }
      /* READ COMMITTED: what must not interleave (document numbers, the
       * audit chain) takes its own lock in the transaction */
      if (!begin_outermost (self, "BEGIN", error))
        return FALSE;
      self->txn_failed = FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT level%d", self->txn_depth);
      if (!rectify_pg_exec_script (store, sql, error))
        return FALSE;
    }
  self->txn_depth++;
  return TRUE;
}

static gboolean
pg_begin_read (RectifyStore *store, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;

  if (self->txn_depth == 0)
    {
      /* one snapshot for every statement of the read */
      if (!begin_outermost (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
        return FALSE;
      self->txn_failed = FALSE;
      self->txn_depth++;
      return TRUE;
    }
  return pg_begin (store, error);
}

static gboolean
pg_end (RectifyStore *store, gboolean ok, GError **error)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  self->txn_depth--;
  if (self->txn_depth > 0)
    {
      g_autofree char *sql = NULL;
      if (ok)
        sql = g_strdup_printf ("RELEASE SAVEPOINT level%d", self->txn_depth);
      else
        sql = g_strdup_printf ("ROLLBACK TO SAVEPOINT level%d; RELEASE SAVEPOINT level%d",
                               self->txn_depth, self->txn_depth);
      if (!rectify_pg_exec_script (store, sql, ok ? error : NULL))
        {
          self->txn_failed = TRUE;
          return FALSE;
        }
      return ok;
    }

  if (ok && !self->txn_failed)
    {
      g_autoptr (PGresult) res = PQexec (self->conn, "COMMIT");
      /* a COMMIT of a transaction that failed answers ROLLBACK */
      if (result_ok (res) && g_strcmp0 (PQcmdStatus (res), "COMMIT") == 0)
        {
          rectify_store_emit_changes (store);
          return TRUE;
        }
      if (result_ok (res))
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DATABASE, _ ("Database error: %s"),
                     "the transaction was rolled back");
      else
        rectify_pg_fail (store, res, error);
    }
  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    {
      g_autoptr (PGresult) res = PQexec (self->conn, "ROLLBACK");
    }
  rectify_store_forget_changes (store);
  return FALSE;
}

static gboolean
pg_in_transaction (RectifyStore *store)
{
  return ((RectifyPgStore *)store)->txn_depth > 0;
}

static void
pg_interrupt (RectifyStore *store)
{
  RectifyPgStore *self = (RectifyPgStore *)store;
  char message[256];

  g_mutex_lock (&self->cancel_lock);
  if (self->cancel)
    PQcancel (self->cancel, message, sizeof message);
  g_mutex_unlock (&self->cancel_lock);
}

static int
pg_get_schema_version (RectifyStore *store)
{
  return ((RectifyPgStore *)store)->version;
}

static RectifyStore *
pg_open_reader (RectifyStore *store, GError **error)
{
  return rectify_pg_store_open (((RectifyPgStore *)store)->conninfo, TRUE, FALSE, error);
}

static gboolean
pg_exists (RectifyStore *store, const char *entity, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = $1", entity);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;

  rectify_pg_add_int (&p, id);
  return rectify_pg_any (store, sql, &p, error);
}

/* The server checks its own pages (and data checksums when the cluster has
 * them); what it cannot know is whether the tables kept by triggers for
 * speed still agree with what they count, which a trigger disabled by
 * hand would break.  Read in one snapshot. */
static gboolean
pg_check_integrity (RectifyStore *store, char **problem, GError **error)
{
  g_autoptr (GString) found = g_string_new (NULL);
  gint64 tally = 0, categories = 0;
  gboolean ok;

  if (!rectify_store_begin_read (store, error))
    return FALSE;
  ok = rectify_pg_query_int (
           store,
           "SELECT count(*) FROM (SELECT coalesce(i.campaign_id, 0) AS c, i.date, i.kind,"
           " ie.category, sum(ie.quantity) AS q FROM inspection_equipment ie"
           " JOIN inspection i ON i.id = ie.inspection_id GROUP BY 1, 2, 3, 4) s"
           " FULL JOIN (SELECT * FROM check_tally WHERE quantity <> 0) t"
           " ON (t.campaign_id, t.date, t.kind, t.category) = (s.c, s.date, s.kind, s.category)"
           " WHERE s.q IS DISTINCT FROM t.quantity",
           NULL, &tally, error)
       && rectify_pg_query_int (store,
                                "SELECT count(*) FROM hazard h JOIN equipment e ON e.id = "
                                "h.equipment_id WHERE h.equipment_category IS DISTINCT FROM "
                                "e.category",
                                NULL, &categories, error);
  rectify_store_end (store, FALSE, NULL);
  if (!ok)
    return FALSE;
  if (tally > 0)
    g_string_append_printf (found,
                            _ ("the tally of equipment checks disagrees with the "
                               "inspections in %" PRId64 " places"),
                            tally);
  if (categories > 0)
    g_string_append_printf (found,
                            _ ("%s%" PRId64 " hazards carry another category than "
                               "their equipment"),
                            found->len ? "; " : "", categories);
  if (found->len)
    *problem = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}

static gint64
pg_get_login_officer (RectifyStore *store)
{
  return ((RectifyPgStore *)store)->login_officer;
}

/* ---- the object ---------------------------------------------------------- */

static void
rectify_pg_store_finalize (GObject *object)
{
  RectifyPgStore *self = (RectifyPgStore *)object;

  g_mutex_lock (&self->cancel_lock);
  g_clear_pointer (&self->cancel, PQfreeCancel);
  g_mutex_unlock (&self->cancel_lock);
  g_mutex_clear (&self->cancel_lock);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->session, g_free);

  G_OBJECT_CLASS (rectify_pg_store_parent_class)->finalize (object);
}

static void
rectify_pg_store_class_init (RectifyPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RectifyStoreClass *store_class = RECTIFY_STORE_CLASS (klass);

  object_class->finalize = rectify_pg_store_finalize;

  store_class->begin = pg_begin;
  store_class->begin_read = pg_begin_read;
  store_class->end = pg_end;
  store_class->in_transaction = pg_in_transaction;
  store_class->interrupt = pg_interrupt;
  store_class->get_schema_version = pg_get_schema_version;
  store_class->open_reader = pg_open_reader;
  store_class->exists = pg_exists;
  store_class->check_integrity = pg_check_integrity;
  store_class->backup = rectify_pg_backup_full;
  store_class->setup_server = rectify_pg_setup_server;
  store_class->create_login = rectify_pg_create_login;
  store_class->get_login_officer = pg_get_login_officer;

  store_class->officers = &rectify_pg_officer_ops;
  store_class->campaigns = &rectify_pg_campaign_ops;
  store_class->units = &rectify_pg_unit_ops;
  store_class->equipment = &rectify_pg_equipment_ops;
  store_class->operators = &rectify_pg_operator_ops;
  store_class->inspections = &rectify_pg_inspection_ops;
  store_class->hazards = &rectify_pg_hazard_ops;
  store_class->attachments = &rectify_pg_attachment_ops;
  store_class->documents = &rectify_pg_document_ops;
  store_class->visits = &rectify_pg_visit_ops;
  store_class->settings = &rectify_pg_setting_ops;
  store_class->audit = &rectify_pg_audit_ops;
  store_class->figures = &rectify_pg_figure_ops;
  store_class->bulk = &rectify_pg_bulk_ops;
}

static void
rectify_pg_store_init (RectifyPgStore *self)
{
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->cancel_lock);
}

/* Ignores the server's NOTICEs (CREATE … IF NOT EXISTS and the like). */
static void
on_notice (void *data, const char *message)
{
  g_debug ("%s", message);
}

/* How long a statement waits for another workstation's lock before it
 * fails with RECTIFY_ERROR_LOCKED (RECTIFY_BUSY_TIMEOUT_MS, as for SQLite). */
static gint64
lock_timeout_ms (void)
{
  const char *env = g_getenv ("RECTIFY_BUSY_TIMEOUT_MS");
  gint64 ms = 5000;

  if (env)
    g_ascii_string_to_signed (env, 10, 0, 600000, &ms, NULL);
  return ms;
}

RectifyStore *
rectify_pg_store_open (const char *conninfo, gboolean reader, gboolean create, GError **error)
{
  g_autoptr (RectifyPgStore) self = NULL;
  char *parse_error = NULL;
  PQconninfoOption *options;

  g_return_val_if_fail (conninfo != NULL, NULL);

  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_autofree char *why = g_strchomp (g_strdup (parse_error ? parse_error : ""));
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("“%s” is not a connection to a database server (%s); write it as "
                      "postgresql://HOST/DATABASE or service=NAME"),
                   conninfo, why);
      PQfreemem (parse_error);
      return NULL;
    }
  PQconninfoFree (options);

  self = g_object_new (RECTIFY_TYPE_PG_STORE, NULL);
  self->conninfo = g_strdup (conninfo);
  self->reader = reader;
  rectify_store_set_path (RECTIFY_STORE (self), conninfo);
  {
    /* conninfo may be a URL or key=value pairs: expanded as dbname */
    const char *const keywords[] = { "dbname", "fallback_application_name", NULL };
    const char *const values[] = { conninfo, "rectify", NULL };
    self->conn = PQconnectdbParams (keywords, values, 1);
  }
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *why
          = g_strchomp (g_strdup (self->conn ? PQerrorMessage (self->conn) : "out of memory"));
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Cannot connect to the database server: %s"), why);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, on_notice, NULL);
  self->cancel = PQgetCancel (self->conn);

  self->session = g_strdup_printf (
      "SET client_encoding = 'UTF8'; SET client_min_messages = warning;"
      " SET lock_timeout = %" G_GINT64_FORMAT "; SET datestyle = 'ISO'%s",
      lock_timeout_ms (), reader ? "; SET default_transaction_read_only = on" : "");
  if (!rectify_pg_exec_script (RECTIFY_STORE (self), self->session, error))
    return NULL;
  if (!rectify_pg_migrate (self, create && !reader, error) || !rectify_pg_read_login (self, error))
    return NULL;
  return RECTIFY_STORE (g_steal_pointer (&self));
}
