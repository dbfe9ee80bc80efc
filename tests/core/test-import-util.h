/* test-import-util.h: files to import, for the import, export and backup tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "rectify-import.h"
#include "rectify-validate.h"
#include "test-util.h"

/* A valid credit code for a number. */
static inline char *
credit_code (int n)
{
  g_autofree char *first = g_strdup_printf ("91350100%09d", n);
  return g_strdup_printf ("%s%c", first, rectify_credit_code_check_char (first));
}

static inline char *
write_file (TestDb *t, const char *name, const char *data, gssize len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (t->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static inline RectifyImportReport *
import (TestDb *t, RectifyImportKind kind, const char *path, const char *encoding, gboolean update)
{
  g_autoptr(GError) error = NULL;
  RectifyImportOptions options = { .encoding = encoding, .update = update };
  RectifyImportReport *report = rectify_import_file (t->store, kind, path, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static inline void
add_units (TestDb *t, int n)
{
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,单位名称\r\n");
  g_autofree char *path = NULL;
  g_autoptr(RectifyImportReport) report = NULL;

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *code = credit_code (i);
      g_string_append_printf (csv, "%s,单位%d\r\n", code, i);
    }
  path = write_file (t, "units.csv", csv->str, csv->len);
  report = import (t, RECTIFY_IMPORT_UNITS, path, NULL, FALSE);
  g_assert_cmpuint (report->n_problems, ==, 0);
  g_assert_true (report->written);
  g_unlink (path);
}

/* Nothing in dir but the database and the backups: no side file left. */
static inline void
assert_only_files (const char *dir, const char *const *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (!g_strv_contains (names, name))
      g_error ("%s: %s should not be there", dir, name);
}
