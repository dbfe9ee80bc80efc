/* corpus-main.c: runs a fuzz target over files, without libFuzzer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments are files or folders (their files, not recursively).  Each file
 * is one input; a crash or a failed check aborts, which fails the test.
 * This keeps the seed corpus and every crash the fuzzer found (saved as
 * tests/fuzz/corpus/NAME/regression-*) in the normal suite.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "fuzz.h"

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static guint
run_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  /* an input of its own, as libFuzzer gives it: no NUL after it */
  {
    g_autofree uint8_t *copy = g_memdup2 (data, length);
    LLVMFuzzerTestOneInput (copy, length);
  }
  return 1;
}

int
main (int argc, char **argv)
{
  guint inputs = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (!dir)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)))
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_paths);
          for (guint j = 0; j < names->len; j++)
            if (g_file_test (g_ptr_array_index (names, j), G_FILE_TEST_IS_REGULAR))
              inputs += run_file (g_ptr_array_index (names, j));
        }
      else
        inputs += run_file (argv[i]);
    }
  if (inputs == 0)
    {
      g_printerr ("no inputs\n");
      return 1;
    }
  printf ("%u inputs passed\n", inputs);
  return 0;
}
