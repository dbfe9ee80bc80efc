/* fuzz-validate.c: the checks of credit codes, ID numbers, equipment
 * codes, dates and texts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is one text; each check runs on it.  What a check accepts
 * must be what it promises (the check character right, the date
 * existing), and every message UTF-8, whatever the text.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "rectify-error.h"
#include "rectify-validate.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

/* A refusal is RECTIFY_ERROR_INVALID, its message UTF-8 whatever the text. */
static void
check_error (gboolean ok, GError **error)
{
  if (ok)
    FUZZ_CHECK (*error == NULL);
  else
    {
      FUZZ_CHECK (*error != NULL && (*error)->domain == RECTIFY_ERROR
                  && (*error)->code == RECTIFY_ERROR_INVALID);
      FUZZ_CHECK (g_utf8_validate ((*error)->message, -1, NULL));
    }
  g_clear_error (error);
}

static void
check_code (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  gboolean ok = rectify_validate_credit_code (text, &normalized, &error);

  if (ok)
    {
      g_autofree char *again = NULL;

      FUZZ_CHECK (normalized && strlen (normalized) == 18);
      FUZZ_CHECK (rectify_credit_code_check_char (normalized) == normalized[17]);
      FUZZ_CHECK (!strpbrk (text, "\r\n"));
      FUZZ_CHECK (rectify_validate_credit_code (normalized, &again, NULL));
      FUZZ_CHECK (g_str_equal (again, normalized));
    }
  check_error (ok, &error);
  g_clear_pointer (&normalized, g_free);

  ok = rectify_validate_id_number (text, &normalized, &error);
  if (ok)
    {
      g_autofree char *masked = rectify_mask_id_number (normalized);
      FUZZ_CHECK (normalized && strlen (normalized) == 18);
      FUZZ_CHECK (rectify_id_number_check_char (normalized) == normalized[17]);
      FUZZ_CHECK (strlen (masked) == 18 && strncmp (masked + 6, "********", 8) == 0);
    }
  check_error (ok, &error);

  ok = rectify_validate_equipment_code (text, &error);
  if (ok)
    {
      gsize n = strlen (text);
      FUZZ_CHECK (n == 18 || n == 20);
      for (gsize i = 0; i < n; i++)
        FUZZ_CHECK (g_ascii_isdigit (text[i]));
    }
  check_error (ok, &error);

  if (strlen (text) >= 17)
    {
      char c = rectify_credit_code_check_char (text);
      FUZZ_CHECK (c == 0 || strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", c));
      c = rectify_id_number_check_char (text);
      FUZZ_CHECK (c == 0 || strchr ("0123456789X", c));
    }
  {
    g_autofree char *masked = rectify_mask_id_number (text);
    FUZZ_CHECK (strlen (masked) == strlen (text));
  }
}

static void
check_date (const char *text, int days)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = rectify_validate_date ("Deadline", text, &error);

  check_error (ok, &error);
  if (ok)
    {
      g_autofree char *same = rectify_date_add_days (text, 0);
      g_autofree char *later = rectify_date_add_days (text, days);

      FUZZ_CHECK (same && g_str_equal (same, text));
      FUZZ_CHECK (rectify_date_diff (text, text) == 0);
      FUZZ_CHECK (later != NULL);
      /* within the years a date may have, the difference is the days added */
      if (rectify_validate_date ("Deadline", later, NULL))
        {
          FUZZ_CHECK (rectify_date_diff (text, later) == days);
          FUZZ_CHECK (rectify_date_diff (later, text) == -days);
        }
    }
  else
    {
      FUZZ_CHECK (rectify_date_add_days (text, days) == NULL);
      FUZZ_CHECK (rectify_date_diff (text, "2026-06-30") == 0);
    }
}

static void
check_text (const char *text, guint max_chars)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = rectify_validate_optional ("Name", text, max_chars, &error);

  check_error (ok, &error);
  if (ok)
    {
      FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
      FUZZ_CHECK (g_utf8_strlen (text, -1) <= (glong) max_chars);
      if (max_chars <= RECTIFY_VALIDATE_LINE_MAX_CHARS)
        FUZZ_CHECK (!strpbrk (text, "\r\n"));
    }
  ok = rectify_validate_required ("Name", text, max_chars, &error);
  check_error (ok, &error);
  if (ok)
    FUZZ_CHECK (rectify_validate_optional ("Name", text, max_chars, NULL));
  ok = rectify_validate_one_line ("Name", text, &error);
  check_error (ok, &error);
  FUZZ_CHECK (ok == !strpbrk (text, "\r\n"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  int days;
  guint max_chars;

  /* the first two bytes: days to add and a length limit */
  if (size < 2)
    return 0;
  days = ((int) data[0] - 128) * 300 + data[1];
  max_chars = data[1] < 128 ? data[1] : 2000;
  text = g_strndup ((const char *) data + 2, size - 2);

  check_code (text);
  check_date (text, days);
  check_text (text, max_chars);
  return 0;
}
