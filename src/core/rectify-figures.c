/* rectify-figures.c: the campaign figures, defined once for every report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rectify-figures.h"
#include "rectify-format.h"
#include "rectify-store-figures.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

static void
figure_row_free (RectifyFigureRow *row)
{
  g_free (row->code);
  g_free (row->label);
  g_free (row);
}

void
rectify_figures_free (RectifyFigures *figures)
{
  if (!figures)
    return;
  g_free (figures->as_of);
  g_clear_pointer (&figures->hazards_by_category, g_ptr_array_unref);
  g_clear_pointer (&figures->checks_by_equipment_category, g_ptr_array_unref);
  g_free (figures);
}

char *
rectify_figures_format_rate (double rate)
{
  double percent = rate * 100.0;

  /* whole numbers as the seed writes them ("80%"), else one decimal */
  if (fabs (percent - round (percent)) < 0.05)
    return g_strdup_printf ("%.0f%%", round (percent));
  return g_strdup_printf ("%.1f%%", percent);
}

typedef struct
{
  RectifyFigures *f;
  GHashTable *counts; /* category code -> hazards found */
} HazardTallies;

static void
add_hazard_tally (const RectifyStoreHazardTally *tally, gpointer user_data)
{
  HazardTallies *t = user_data;

  g_hash_table_insert (t->counts, g_strdup (tally->category),
                       GSIZE_TO_POINTER ((gsize)tally->found));
  t->f->hazards_found += tally->found;
  t->f->hazards_general += tally->general;
  t->f->hazards_major += tally->major;
  t->f->hazards_closed += tally->closed;
  t->f->hazards_overdue += tally->overdue;
}

static void
add_check_tally (int equipment_category, gint64 quantity, gpointer user_data)
{
  gint64 *counts = user_data;

  for (int i = 0; i < RECTIFY_N_CATEGORIES; i++)
    if ((int)rectify_categories[i] == equipment_category)
      counts[i] = quantity;
}

RectifyFigures *
rectify_figures_compute (RectifyStore *store, gint64 campaign_id, const char *as_of, GError **error)
{
  g_autoptr (RectifyFigures) f = g_new0 (RectifyFigures, 1);
  gboolean chinese = rectify_language_is_chinese ();

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (as_of && !rectify_validate_date (_ ("As of"), as_of, error))
    return NULL;
  f->campaign_id = campaign_id;
  if (campaign_id)
    {
      g_autoptr (RectifyCampaign) c = rectify_store_get_campaign (store, campaign_id, error);
      if (!c)
        return NULL;
      if (as_of == NULL)
        {
          g_autofree char *today = rectify_today ();
          g_autofree char *end = rectify_campaign_end_date (c);
          f->as_of = g_strdup (g_strcmp0 (end, today) < 0 ? end : today);
        }
    }
  if (f->as_of == NULL)
    f->as_of = as_of ? g_strdup (as_of) : rectify_today ();

  if (!RECTIFY_STORE_OPS (store, figures)->inspections (store, campaign_id, f->as_of, f, error)
      || !RECTIFY_STORE_OPS (store, figures)->documents (store, campaign_id, f->as_of, f, error))
    return NULL;
  f->hazards_by_category = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_row_free);
  {
    /* one pass over the campaign's hazards, then every category in its order */
    g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    HazardTallies tallies = { f, counts };
    g_autoptr (GPtrArray) categories = NULL;
    gboolean ok = RECTIFY_STORE_OPS (store, figures)
                      ->hazards (store, campaign_id, f->as_of, add_hazard_tally, &tallies, error);

    f->rectification_rate = f->hazards_found ? (double)f->hazards_closed / f->hazards_found : 0.0;
    if (!ok)
      return NULL;
    categories = rectify_store_list_hazard_categories (store, error);
    if (!categories)
      return NULL;
    for (guint i = 0; i < categories->len; i++)
      {
        RectifyHazardCategory *c = g_ptr_array_index (categories, i);
        RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
        row->code = g_strdup (c->code);
        row->label = g_strdup (chinese ? c->name_zh : c->name_en);
        row->count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, c->code));
        g_ptr_array_add (f->hazards_by_category, row);
      }
  }
  f->checks_by_equipment_category
      = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_row_free);
  {
    gint64 counts[RECTIFY_N_CATEGORIES] = { 0 };

    if (!RECTIFY_STORE_OPS (store, figures)
             ->checks (store, campaign_id, f->as_of, add_check_tally, counts, error))
      return NULL;
    for (int i = 0; i < RECTIFY_N_CATEGORIES; i++)
      {
        RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
        row->code = g_strdup (rectify_category_to_code (rectify_categories[i]));
        row->label = g_strdup (rectify_category_to_label (rectify_categories[i]));
        row->count = counts[i];
        g_ptr_array_add (f->checks_by_equipment_category, row);
      }
  }
  return g_steal_pointer (&f);
}
