/* fuzz-archive-manifest.c: the reader of an archive folder's manifest.csv
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is manifest.csv of a folder that holds two small files (seeds
 * name them with their sizes and SHA-256): verification may refuse the
 * manifest or report files missing, changed or extra, and never reads
 * outside the folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz.h"
#include "rectify-archive.h"
#include "rectify-error.h"

static char *folder;
static char *manifest;

static void
remove_folder (void)
{
  g_autofree char *a = g_build_filename (folder, "summary.pdf", NULL);
  g_autofree char *b = g_build_filename (folder, "dossiers", "913501000000001181.pdf", NULL);
  g_autofree char *dossiers = g_build_filename (folder, "dossiers", NULL);

  g_unlink (manifest);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dossiers);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  /* a RAM disk where there is one: an input is a file written */
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "rectify-fuzz-XXXXXX", NULL);

  fuzz_init ();
  folder = g_mkdtemp (g_steal_pointer (&template));
  FUZZ_CHECK (folder != NULL);
  manifest = g_build_filename (folder, "manifest.csv", NULL);
  {
    g_autofree char *a = g_build_filename (folder, "summary.pdf", NULL);
    g_autofree char *dossiers = g_build_filename (folder, "dossiers", NULL);
    g_autofree char *b = g_build_filename (dossiers, "913501000000001181.pdf", NULL);

    FUZZ_CHECK (g_mkdir (dossiers, 0700) == 0);
    FUZZ_CHECK (g_file_set_contents (a, "%PDF-1.4 summary\n", -1, &error));
    FUZZ_CHECK (g_file_set_contents (b, "%PDF-1.4 dossier\n", -1, &error));
  }
  atexit (remove_folder);
  return 0;
}

/* A relative path of the folder: no "." or ".." part, no empty one. */
static gboolean
inside (const char *path)
{
  g_auto (GStrv) parts = NULL;

  if (!path || !*path || path[0] == '/' || strchr (path, '\\'))
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (!*parts[i] || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  RectifyArchiveReport report = { 0 };
  gboolean ok;

  FUZZ_CHECK (g_file_set_contents_full (manifest, (const char *) data, (gssize) size,
                                        G_FILE_SET_CONTENTS_NONE, 0600, &error));
  ok = rectify_archive_verify (folder, &report, &error);
  if (ok)
    {
      FUZZ_CHECK (error == NULL);
      for (guint i = 0; i < report.problems->len; i++)
        {
          const RectifyArchiveProblem *p = g_ptr_array_index (report.problems, i);
          /* only paths inside the folder */
          FUZZ_CHECK (inside (p->path));
          if (i > 0)
            FUZZ_CHECK (strcmp (((RectifyArchiveProblem *) g_ptr_array_index (report.problems, i - 1))->path, p->path) <= 0);
        }
    }
  else
    FUZZ_CHECK (error != NULL && error->domain == RECTIFY_ERROR);
  rectify_archive_report_clear (&report);
  return 0;
}
