/* rectify-store-documents.h: what a backend stores of issued documents and their PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store-backend.h"

G_BEGIN_DECLS

struct _RectifyStoreDocumentOps
{
  /* The next number of kind (its code) in year: one more than the highest, 1 for the first. */
  gboolean (*next_seq) (RectifyStore *self, const char *kind, int year, int *seq, GError **error);
  /* Of the documents of kind (its code) in year dated after date, the latest dated (then the
   * highest number): its issue date and number, both NULL when there is none. */
  gboolean (*latest_after) (RectifyStore *self,
                            const char *kind,
                            int year,
                            const char *date,
                            char **later_date,
                            char **later_number,
                            GError **error);
  /* Adds d (kind, year, seq, number, unit, campaign, issued date, officer) as issued
   * with its hazard_ids; returns its id, 0 on error. */
  gint64 (*insert) (RectifyStore *self, const RectifyDocument *d, GError **error);
  /* Stores the PDF of document id with its SHA-256 (hex). */
  gboolean (*put_pdf) (
      RectifyStore *self, gint64 id, GBytes *pdf, const char *sha256, GError **error);
  /* The number of document id (NULL when there is none) and its PDF and stored
   * SHA-256 (NULL when it has no PDF). */
  gboolean (*get_pdf) (
      RectifyStore *self, gint64 id, char **number, GBytes **pdf, char **sha256, GError **error);
  /* Marks document id void on void_date for reason. */
  gboolean (*set_void) (
      RectifyStore *self, gint64 id, const char *reason, const char *void_date, GError **error);
  /* Document id with its unit's name and its hazards; NULL (error unset) when there is none. */
  RectifyDocument *(*get) (RectifyStore *self, gint64 id, GError **error);
  /* The id of the document numbered number, else of the one with id (0 for none); 0 when
   * neither is. */
  gint64 (*find) (RectifyStore *self, const char *number, gint64 id, GError **error);
  /* A page of documents (without hazards) matching q, sorted by q->sort (a key checked by
   * the caller: issued_date, id, number, unit or status); total counts every match. */
  GPtrArray *(*list) (RectifyStore *self, const RectifyQuery *q, gint64 *total, GError **error);
  /* The ids of the documents matching q in order (keys of list and kind, officer); with
   * q->as_of_limits the status is as it stood on day. */
  GArray *(*query_ids) (RectifyStore *self, const RectifyQuery *q, const char *day, GError **error);
  /* The documents (without hazards) of ids in their order. */
  GPtrArray *(*get_by_ids) (RectifyStore *self, const gint64 *ids, guint n_ids, GError **error);
};

G_END_DECLS
