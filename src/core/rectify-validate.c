/* rectify-validate.c: checks of codes and dates from public standards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-error.h"
#include "rectify-validate.h"

/* GB 32100-2015: the 31 characters and the weights of positions 1–17. */
static const char credit_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17]
    = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
credit_value (char c)
{
  const char *p = c ? strchr (credit_chars, g_ascii_toupper (c)) : NULL;
  return p ? (int)(p - credit_chars) : -1;
}

char
rectify_credit_code_check_char (const char *first17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      int v = credit_value (first17[i]);
      if (v < 0)
        return 0;
      sum += v * credit_weights[i];
    }
  return credit_chars[(31 - sum % 31) % 31];
}

/* A code or a date is UTF-8 (its messages quote it) and one line. */
static gboolean
code_text (const char *field, const char *text, GError **error)
{
  if (text && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  return rectify_validate_one_line (field, text, error);
}

gboolean
rectify_validate_credit_code (const char *code, char **normalized, GError **error)
{
  g_autofree char *up = NULL;
  char check;

  if (code == NULL || *code == '\0')
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Credit code: required (18 characters)"));
      return FALSE;
    }
  if (!code_text (_ ("Credit code"), code, error))
    return FALSE;
  up = g_ascii_strup (code, -1);
  g_strstrip (up);
  if (strlen (up) != 18)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Credit code: “%s” has %d characters, a unified social credit code has 18"),
                   code, (int)g_utf8_strlen (up, -1));
      return FALSE;
    }
  for (int i = 0; i < 18; i++)
    if (credit_value (up[i]) < 0)
      {
        /* the characters before it are ASCII: i + 1 is its place, and it
         * is quoted whole when it is not ASCII */
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                     _ ("Credit code: character %d (“%.*s”) is not allowed; use digits and "
                        "capital letters except I, O, S, V and Z"),
                     i + 1, (int)g_utf8_skip[(guchar)up[i]], up + i);
        return FALSE;
      }
  check = rectify_credit_code_check_char (up);
  if (check != up[17])
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Credit code: check character is “%c”, expected “%c”; please check the code "
                      "for a typing error"),
                   up[17], check);
      return FALSE;
    }
  if (normalized)
    *normalized = g_steal_pointer (&up);
  return TRUE;
}

static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_checks[] = "10X98765432";

char
rectify_id_number_check_char (const char *first17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return 0;
      sum += (first17[i] - '0') * id_weights[i];
    }
  return id_checks[sum % 11];
}

gboolean
rectify_validate_id_number (const char *id, char **normalized, GError **error)
{
  g_autofree char *up = NULL;
  char check;
  char date[11];

  if (!code_text (_ ("ID number"), id, error))
    return FALSE;
  up = g_ascii_strup (id ? id : "", -1);
  g_strstrip (up);
  if (strlen (up) != 18)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("ID number: must have 18 characters"));
      return FALSE;
    }
  check = rectify_id_number_check_char (up);
  if (check == 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("ID number: the first 17 characters must be digits"));
      return FALSE;
    }
  if (check != up[17])
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("ID number: check character is “%c”, expected “%c”"), up[17], check);
      return FALSE;
    }
  g_snprintf (date, sizeof date, "%.4s-%.2s-%.2s", up + 6, up + 10, up + 12);
  if (!rectify_validate_date (_ ("ID number"), date, NULL))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("ID number: birth date %s does not exist"), date);
      return FALSE;
    }
  if (normalized)
    *normalized = g_steal_pointer (&up);
  return TRUE;
}

char *
rectify_mask_id_number (const char *id)
{
  gsize n = id ? strlen (id) : 0;
  char *masked;

  if (n < 10)
    return g_strnfill (n, '*');
  masked = g_strdup (id);
  for (gsize i = 6; i < n - 4; i++)
    masked[i] = '*';
  return masked;
}

gboolean
rectify_validate_equipment_code (const char *code, GError **error)
{
  gsize n = code ? strlen (code) : 0;

  if (!code_text (_ ("Equipment code"), code, error))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (code[i]))
      {
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                     _ ("Equipment code: “%s” must contain digits only"), code);
        return FALSE;
      }
  if (n != 18 && n != 20)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Equipment code: has %d digits; an equipment code has 18, an older "
                      "registration code 20"),
                   (int)n);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date (const char *date, GDate *out)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
rectify_validate_date (const char *field, const char *date, GError **error)
{
  GDate g;

  if (date == NULL || *date == '\0')
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: a date is required (YYYY-MM-DD)"), field);
      return FALSE;
    }
  if (!code_text (field, date, error))
    return FALSE;
  if (!parse_date (date, &g))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: “%s” is not a valid date; use YYYY-MM-DD, e.g. 2026-06-30"), field,
                   date);
      return FALSE;
    }
  return TRUE;
}

int
rectify_date_diff (const char *a, const char *b)
{
  GDate ga, gb;

  if (!parse_date (a, &ga) || !parse_date (b, &gb))
    return 0;
  return g_date_days_between (&ga, &gb);
}

char *
rectify_today (void)
{
  const char *fixed = g_getenv ("RECTIFY_TODAY");
  g_autoptr (GDateTime) now = NULL;
  GDate g;

  if (fixed && parse_date (fixed, &g))
    return g_strdup (fixed);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
rectify_validate_past_date (const char *field, const char *date, GError **error)
{
  g_autofree char *today = NULL;

  if (!rectify_validate_date (field, date, error))
    return FALSE;
  today = rectify_today ();
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   /* Translators: "Date: 2026-07-02 is after today (2026-06-30); …" */
                   _ ("%s: %s is after today (%s); only what has happened can be recorded"), field,
                   date, today);
      return FALSE;
    }
  return TRUE;
}

char *
rectify_date_add_days (const char *date, int days)
{
  GDate g;

  if (!parse_date (date, &g))
    return NULL;
  if (days >= 0)
    g_date_add_days (&g, days);
  else
    g_date_subtract_days (&g, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&g), g_date_get_month (&g),
                          g_date_get_day (&g));
}

gboolean
rectify_validate_one_line (const char *field, const char *text, GError **error)
{
  if (text && strpbrk (text, "\r\n"))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: holds a line break; it must be one line"), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
rectify_validate_optional (const char *field, const char *text, guint max_chars, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > (glong)max_chars)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("%s: too long, at most %u characters"), field, max_chars);
      return FALSE;
    }
  if (max_chars <= RECTIFY_VALIDATE_LINE_MAX_CHARS
      && !rectify_validate_one_line (field, text, error))
    return FALSE;
  return TRUE;
}

gboolean
rectify_validate_required (const char *field, const char *text, guint max_chars, GError **error)
{
  if (text != NULL)
    {
      const char *p = text;
      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return rectify_validate_optional (field, text, max_chars, error);
    }
  g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("%s: required"), field);
  return FALSE;
}
