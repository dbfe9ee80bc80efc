/* rectify-validate.h: checks of codes and dates from public standards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GB 32100-2015 unified social credit code: 18 characters with check digit.
 * Lower case is accepted and reported through normalized (upper case). */
gboolean rectify_validate_credit_code (const char *code, char **normalized, GError **error);
/* The check character for the first 17 characters, or 0 if they are invalid. */
char rectify_credit_code_check_char (const char *first17);

/* GB 11643 resident ID number: 17 digits and an ISO 7064 MOD 11-2 check. */
gboolean rectify_validate_id_number (const char *id, char **normalized, GError **error);
char rectify_id_number_check_char (const char *first17);
/* "350102********123X": birth date and sequence hidden. */
char *rectify_mask_id_number (const char *id);

/* Equipment code: 18 digits (new) or 20-digit registration code (old). */
gboolean rectify_validate_equipment_code (const char *code, GError **error);

/* ISO 8601 calendar date YYYY-MM-DD that exists. field names the input in
 * the message ("deadline: …"). */
gboolean rectify_validate_date (const char *field, const char *date, GError **error);
/* Days from a to b (b - a), both valid ISO dates. */
int rectify_date_diff (const char *a, const char *b);
/* Today in local time as YYYY-MM-DD (overridable by RECTIFY_TODAY for tests). */
char *rectify_today (void);
/* rectify_validate_date, and the date is not after today (rectify_today):
 * what is recorded as done (a finding, an event, a visit, an issue, a
 * void) has happened.  field names the input in the message. */
gboolean rectify_validate_past_date (const char *field, const char *date, GError **error);
char *rectify_date_add_days (const char *date, int days);

/* A text of at most RECTIFY_VALIDATE_LINE_MAX_CHARS characters (a name, a
 * code, an address, a phone number, a setting) is one line: a line break
 * (LF or CR) in it is refused.  Longer limits are those of texts of several
 * lines (notes, measures, plans), which keep their line breaks. */
#define RECTIFY_VALIDATE_LINE_MAX_CHARS 1000

/* A required text: not NULL, not blank after trimming, at most max_chars,
 * valid UTF-8, and one line when max_chars is at most
 * RECTIFY_VALIDATE_LINE_MAX_CHARS.  Each message names field. */
gboolean
rectify_validate_required (const char *field, const char *text, guint max_chars, GError **error);
/* The same for a text that may be NULL or empty. */
gboolean
rectify_validate_optional (const char *field, const char *text, guint max_chars, GError **error);
/* FALSE with a message naming field when text (may be NULL) holds LF or CR. */
gboolean rectify_validate_one_line (const char *field, const char *text, GError **error);

G_END_DECLS
