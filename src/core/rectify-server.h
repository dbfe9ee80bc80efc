/* rectify-server.h: a bureau's database on a server: its roles and logins
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a server database the database itself guards the records, not only
 * the app: every table belongs to a role that nobody logs in as
 * (rectify_owner), each officer logs in as a role of their own, member of
 * rectify_officer, rectify_manager or rectify_archivist, and the grants
 * of these groups decide what a login may write (archivists read only,
 * only managers issue or void documents, nobody but the owner updates or
 * deletes audit rows, hazard events, attachments or issued documents).
 * The officer who acts is the one of the login.
 */
#pragma once

#include "rectify-records.h"
#include "rectify-store.h"

G_BEGIN_DECLS

/* Makes the database at location (a server's URL or connection string,
 * rectify_store_location_is_server) a bureau's: its tables when it has
 * none, the owner and the three group roles when the server has none yet,
 * the ownership of every table and the grants; run again, it puts the
 * ownership and the grants back as they should be.  Needs a login that
 * may create roles and owns the database (or a superuser). */
gboolean rectify_server_init (const char *location, GError **error);

/* Adds the officer (as rectify_store_add_officer does) and their login
 * role, member of the group of their role, in one transaction; password
 * NULL gives the role none (it logs in as the server's pg_hba.conf
 * allows).  The password goes to the server only as its SCRAM hash.
 * Returns the new officer's id, 0 on error (then nothing was added). */
gint64 rectify_server_add_officer (RectifyStore *store,
                                   const RectifyOfficer *officer,
                                   const char *login,
                                   const char *password,
                                   GError **error);

G_END_DECLS
