/* bench-pdf.c: one-page bilingual letters, one PDF each: milliseconds and bytes per letter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-pdf-letter.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* libharu writes page objects uncompressed: count them in the bytes. */
static guint
count_pages (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  guint n = 0;

  for (const char *p = data; (p = memmem (p, end - p, "/Type /Page", 11)) != NULL; p += 11)
    if (p + 11 < end && p[11] != 's')
      n++;
  return n;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autofree double *ms = g_new (double, n);
  g_autofree double *kb = g_new (double, n);
  g_autofree double *zh_ms = g_new (double, n);
  g_autofree double *zh_kb = g_new (double, n);
  g_autofree double *en_ms = g_new (double, n);
  g_autofree double *en_kb = g_new (double, n);
  guint n_zh = 0, n_en = 0;
  guint max_pages = 0;

  g_assert (n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *number = NULL;
      g_autofree char *unit = NULL;
      gboolean english = i % 2 == 1;
      RectifyPdfHazard hazard = {
        english ? "Elevator No. 2 (电梯，注册代码31103506002016053337) is overdue for its periodic inspection."
                : "2号电梯（Elevator No. 2，注册代码31103506002016053337）定期检验超期未检，仍在使用。",
        english ? "Article 40, Special Equipment Safety Law" : "《中华人民共和国特种设备安全法》第四十条",
        english ? "Stop using it and apply for the periodic inspection."
                : "立即停止使用，向检验机构申请定期检验。",
        "2026-07-15",
      };
      RectifyPdfLetter letter = {
        i % 4 < 2 ? RECTIFY_PDF_LETTER_INSTRUCTION : RECTIFY_PDF_LETTER_OPINION,
        english ? RECTIFY_PDF_LANGUAGE_EN : RECTIFY_PDF_LANGUAGE_ZH_CN,
        english ? "Fuzhou Market Supervision Administration" : "福州市市场监督管理局",
        english ? "Lin Jianhua" : "林建华", NULL, NULL, "2026-06-30", &hazard, 1, NULL, NULL,
      };
      gint64 start;

      number = english ? g_strdup_printf ("No. %u [2026], X市监特指", i + 1)
                       : g_strdup_printf ("X市监特指〔2026〕%u号", i + 1);
      unit = english ? g_strdup_printf ("Minjiang Power Plant No. %u (闽江电厂)", i + 1)
                     : g_strdup_printf ("福州市第%u人民医院（Hospital %u）", i + 1, i + 1);
      letter.number = number;
      letter.unit_name = unit;
      start = g_get_monotonic_time ();
      bytes = rectify_pdf_letter_render (&letter, &error);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (bytes == NULL)
        g_error ("letter %u: %s", i + 1, error->message);
      kb[i] = g_bytes_get_size (bytes) / 1024.0;
      if (english)
        {
          en_ms[n_en] = ms[i];
          en_kb[n_en++] = kb[i];
        }
      else
        {
          zh_ms[n_zh] = ms[i];
          zh_kb[n_zh++] = kb[i];
        }
      max_pages = MAX (max_pages, count_pages (bytes));
    }
  qsort (ms, n, sizeof *ms, compare_double);
  qsort (kb, n, sizeof *kb, compare_double);
  qsort (zh_ms, n_zh, sizeof *zh_ms, compare_double);
  qsort (zh_kb, n_zh, sizeof *zh_kb, compare_double);
  qsort (en_ms, n_en, sizeof *en_ms, compare_double);
  qsort (en_kb, n_en, sizeof *en_kb, compare_double);
  g_print ("bench-pdf: %u bilingual letters (zh and en, instruction and opinion), one PDF each\n", n);
  g_print ("  time per letter: median %.2f ms, p90 %.2f ms, max %.2f ms (goal < 10 ms)\n",
           ms[n / 2], ms[n * 9 / 10], ms[n - 1]);
  g_print ("  size per file:   median %.1f KB, max %.1f KB (goal < 40 KB)\n", kb[n / 2], kb[n - 1]);
  if (n_zh > 0)
    g_print ("  Chinese letters (%u): median %.2f ms, %.1f KB\n", n_zh, zh_ms[n_zh / 2], zh_kb[n_zh / 2]);
  if (n_en > 0)
    g_print ("  English letters (%u): median %.2f ms, %.1f KB\n", n_en, en_ms[n_en / 2], en_kb[n_en / 2]);
  g_print ("  pages per letter: at most %u\n", max_pages);
  return 0;
}
