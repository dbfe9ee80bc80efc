/* fuzz.h: what the fuzz targets of tests/fuzz share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target is one LLVMFuzzerTestOneInput, built twice: with clang's
 * libFuzzer (-Dfuzzing=true, the `fuzz` benchmarks) and, in every build,
 * with corpus-main.c as a test that runs it over its seed corpus and the
 * regression cases in tests/fuzz/corpus/NAME.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A promise of the code under test that the input broke: abort, so that
 * libFuzzer keeps the input as a crash and the corpus test fails. */
#define FUZZ_CHECK(cond)                                                                 \
  do                                                                                     \
    {                                                                                    \
      if (G_UNLIKELY (!(cond)))                                                          \
        {                                                                                \
          g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);           \
          abort ();                                                                      \
        }                                                                                \
    }                                                                                    \
  while (0)

/* A critical or a warning is a broken precondition: as fatal as a crash. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
