/* rectify-pg-server.c: the roles, grants and logins of a bureau's server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rectify_owner (NOLOGIN) owns every table, sequence and function of the
 * schema (and may use it: foreign keys are checked as the owner); nobody
 * logs in as it.  The group roles:
 *   rectify_archivist  SELECT only;
 *   rectify_officer    SELECT, and INSERT/UPDATE/DELETE on the records an
 *                      officer keeps, INSERT only on audit, hazard_event
 *                      and attachment;
 *   rectify_manager    the same, and INSERT on document, document_hazard
 *                      and document_pdf, UPDATE on document (voiding; the
 *                      trigger refuses any other change) and the counters
 *                      of document numbers.
 * No group may UPDATE or DELETE audit rows, hazard events, attachments or
 * issued documents (nor their hazards and PDFs), so only the owner could,
 * and the triggers refuse even the owner.  Each officer's login is a role
 * of its own, member of the group of their role, named in officer_login.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-pg-private.h"

/* In one transaction; each statement may run again (init twice is init once). */
static const char setup_sql[]
    = "DO $$ BEGIN"
      "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rectify_owner') THEN"
      "    CREATE ROLE rectify_owner NOLOGIN; END IF;"
      "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rectify_officer') THEN"
      "    CREATE ROLE rectify_officer NOLOGIN; END IF;"
      "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rectify_manager') THEN"
      "    CREATE ROLE rectify_manager NOLOGIN; END IF;"
      "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rectify_archivist') THEN"
      "    CREATE ROLE rectify_archivist NOLOGIN; END IF;"
      "END $$;"
      /* who may hand tables to the owner: its member (a superuser is anyway) */
      "GRANT rectify_owner TO CURRENT_USER;"
      "CREATE TABLE IF NOT EXISTS officer_login ("
      "  login TEXT COLLATE \"C\" PRIMARY KEY,"
      "  officer_id BIGINT NOT NULL UNIQUE REFERENCES officer (id)"
      ");"
      "DO $$ DECLARE r record; s text := quote_ident (current_schema ()); BEGIN"
      "  FOR r IN SELECT c.relname FROM pg_class c"
      "      WHERE c.relnamespace = current_schema ()::regnamespace AND c.relkind = 'r' LOOP"
      "    EXECUTE format ('ALTER TABLE %s.%I OWNER TO rectify_owner', s, r.relname);"
      "  END LOOP;"
      "  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p"
      "      WHERE p.pronamespace = current_schema ()::regnamespace LOOP"
      "    EXECUTE format ('ALTER FUNCTION %s OWNER TO rectify_owner', r.f);"
      "  END LOOP;"
      "  EXECUTE format ('GRANT USAGE, CREATE ON SCHEMA %s TO rectify_owner', s);"
      "  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %s FROM PUBLIC', s);"
      "  EXECUTE format ('GRANT USAGE ON SCHEMA %s TO rectify_officer, rectify_manager,"
      "    rectify_archivist', s);"
      "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %s TO rectify_officer,"
      "    rectify_manager, rectify_archivist', s);"
      "  EXECUTE format ('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO rectify_officer,"
      "    rectify_manager', s);"
      "  FOR r IN SELECT unnest (ARRAY['setting', 'officer', 'campaign', 'campaign_member',"
      "      'unit', 'equipment', 'operator', 'inspection', 'inspection_officer',"
      "      'inspection_equipment', 'inspection_remark', 'check_tally', 'hazard',"
      "      'scheduled_visit']) AS t LOOP"
      "    EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON %s.%I TO rectify_officer,"
      "      rectify_manager', s, r.t);"
      "  END LOOP;"
      "  FOR r IN SELECT unnest (ARRAY['audit', 'hazard_event', 'attachment']) AS t LOOP"
      "    EXECUTE format ('GRANT INSERT ON %s.%I TO rectify_officer, rectify_manager', s, r.t);"
      "  END LOOP;"
      "  EXECUTE format ('GRANT INSERT, UPDATE ON %s.document TO rectify_manager', s);"
      "  EXECUTE format ('GRANT INSERT, UPDATE ON %s.document_counter TO rectify_manager', s);"
      "  EXECUTE format ('GRANT INSERT ON %s.document_hazard, %s.document_pdf TO rectify_manager',"
      "    s, s);"
      "END $$;";

gboolean
rectify_pg_setup_server (RectifyStore *store, GError **error)
{
  gboolean ok;

  if (!rectify_store_begin (store, error))
    return FALSE;
  ok = rectify_pg_exec_script (store, setup_sql, error);
  return rectify_store_end (store, ok, ok ? error : NULL) && ok;
}

gboolean
rectify_pg_create_login (RectifyStore *store,
                         gint64 officer_id,
                         RectifyRole role,
                         const char *login,
                         const char *password,
                         GError **error)
{
  PGconn *conn = rectify_pg_conn (store);
  g_auto (RectifyPgParams) p = RECTIFY_PG_PARAMS_INIT;
  g_autofree char *group = g_strconcat ("rectify_", rectify_role_to_code (role), NULL);
  g_autofree char *sql = NULL;
  char *name = PQescapeIdentifier (conn, login, strlen (login));
  char *hash = NULL, *literal = NULL;
  gboolean ok;

  if (name == NULL)
    return rectify_pg_fail (store, NULL, error);
  {
    g_auto (RectifyPgParams) q = RECTIFY_PG_PARAMS_INIT;
    gint64 taken = 0;

    rectify_pg_add_text (&q, login);
    if (!rectify_pg_query_int (store, "SELECT count(*) FROM pg_roles WHERE rolname = $1", &q,
                               &taken, error))
      {
        PQfreemem (name);
        return FALSE;
      }
    if (taken > 0)
      {
        PQfreemem (name);
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE,
                     _ ("Login: the server already has a role “%s”; choose another login"), login);
        return FALSE;
      }
  }
  if (password != NULL)
    {
      /* the server gets the SCRAM (or md5) hash, never the password */
      hash = PQencryptPasswordConn (conn, password, login, NULL);
      literal = hash ? PQescapeLiteral (conn, hash, strlen (hash)) : NULL;
      if (literal == NULL)
        {
          PQfreemem (name);
          if (hash)
            PQfreemem (hash);
          return rectify_pg_fail (store, NULL, error);
        }
    }
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN%s%s IN ROLE %s", name, literal ? " PASSWORD " : "",
                         literal ? literal : "", group);
  PQfreemem (name);
  if (hash)
    PQfreemem (hash);
  if (literal)
    PQfreemem (literal);

  rectify_pg_add_text (&p, login);
  rectify_pg_add_int (&p, officer_id);
  ok = rectify_pg_exec_script (store, sql, error)
       && rectify_pg_run (store, "INSERT INTO officer_login (login, officer_id) VALUES ($1, $2)",
                          &p, error);
  return ok;
}

gboolean
rectify_pg_read_login (RectifyPgStore *self, GError **error)
{
  RectifyStore *store = RECTIFY_STORE (self);
  gint64 there = 0;

  self->login_officer = 0;
  if (!rectify_pg_query_int (
          store, "SELECT count(*) FROM pg_class WHERE oid = to_regclass ('officer_login')", NULL,
          &there, error))
    return FALSE;
  if (there == 0)
    return TRUE;
  return rectify_pg_query_int (store,
                               "SELECT officer_id FROM officer_login WHERE login = session_user",
                               NULL, &self->login_officer, error);
}
