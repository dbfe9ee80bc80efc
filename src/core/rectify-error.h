/* rectify-error.h: the error domain of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECTIFY_ERROR (rectify_error_quark ())

typedef enum
{
  RECTIFY_ERROR_INVALID,       /* bad input; the message names the field */
  RECTIFY_ERROR_NOT_FOUND,     /* unknown id or code */
  RECTIFY_ERROR_DUPLICATE,     /* a unique code already in use */
  RECTIFY_ERROR_STATE,         /* the action is not allowed in this state */
  RECTIFY_ERROR_PERMISSION,    /* the acting officer's role does not allow it */
  RECTIFY_ERROR_DATABASE,      /* SQLite failed */
  RECTIFY_ERROR_LOCKED,        /* another program holds the database */
  RECTIFY_ERROR_NEWER_VERSION, /* written by a newer Rectify */
  RECTIFY_ERROR_NOT_RECTIFY,   /* not a Rectify database at all */
  RECTIFY_ERROR_TAMPERED,      /* the audit chain or a stored hash does not verify */
  RECTIFY_ERROR_IO,          /* a file could not be read or written (also: disk full, read-only) */
  RECTIFY_ERROR_DAMAGED,     /* the database file fails its integrity check: restore a backup */
  RECTIFY_ERROR_NO_ACTOR,    /* a write without an acting officer */
  RECTIFY_ERROR_UNCONFIRMED, /* allowed only when the user confirms it (the message says why) */
  RECTIFY_ERROR_NOT_SET_UP,  /* the bureau's setup (name, number prefixes) is still to be done */
} RectifyError;

GQuark rectify_error_quark (void);

/* Whether a message of the core is about field: its messages begin with the
 * field's (translated) name and a colon, ASCII or full-width, so a form can
 * show each one at the field it names. */
gboolean rectify_message_names_field (const char *message, const char *field);

G_END_DECLS
