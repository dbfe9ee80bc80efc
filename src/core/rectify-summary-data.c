/* rectify-summary-data.c: the series behind the campaign dashboard and work summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every series is counted by the backend over the same rows, with the same
 * conditions, as the figures (rectify-store-figures.h), so that a chart
 * always adds up to the figure printed beside it.
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-store-figures.h"
#include "rectify-store-private.h"
#include "rectify-summary-data.h"
#include "rectify-validate.h"

static void
figure_row_free (RectifyFigureRow *row)
{
  g_free (row->code);
  g_free (row->label);
  g_free (row);
}

static void
coverage_row_free (RectifyCoverageRow *row)
{
  g_free (row->label);
  g_free (row);
}

void
rectify_summary_data_free (RectifySummaryData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->campaign, rectify_campaign_free);
  g_clear_pointer (&data->figures, rectify_figures_free);
  g_clear_pointer (&data->hazards_by_equipment_category, g_ptr_array_unref);
  g_clear_pointer (&data->days, g_array_unref);
  g_clear_pointer (&data->weeks, g_array_unref);
  g_clear_pointer (&data->coverage, g_ptr_array_unref);
  g_free (data->as_of);
  g_free (data);
}

/* The day index of a date in the campaign's range, dates before it on the
 * first day; -1 after the last. */
static int
day_index (GHashTable *days, const char *first, const char *date)
{
  gpointer index;

  if (date == NULL)
    return -1;
  if (g_hash_table_lookup_extended (days, date, NULL, &index))
    return GPOINTER_TO_INT (index);
  return strcmp (date, first) < 0 ? 0 : -1;
}

typedef struct
{
  GHashTable *days; /* date -> index */
  const char *first;
  gint64 *found;
  gint64 *closed;
  gint64 counts[RECTIFY_N_CATEGORIES];
  gint64 none;
} HazardSeries;

static void
add_hazard_day (const char *found_date, const char *closed_date, int category, gpointer user_data)
{
  HazardSeries *series = user_data;
  int f = day_index (series->days, series->first, found_date);
  int c = day_index (series->days, series->first, closed_date);
  gboolean matched = FALSE;

  if (f >= 0)
    series->found[f]++;
  if (c >= 0)
    series->closed[c]++;
  for (int i = 0; category && i < RECTIFY_N_CATEGORIES; i++)
    if ((int)rectify_categories[i] == category)
      {
        series->counts[i]++;
        matched = TRUE;
        break;
      }
  /* a hazard whose equipment is not named, or is gone */
  if (!matched)
    series->none++;
}

/* One pass over the campaign's hazards: found and closed per day, and the
 * equipment category. */
static gboolean
compute_hazard_series (RectifyStore *store, RectifySummaryData *data, GError **error)
{
  const char *start = data->campaign->start_date;
  int n_days = MAX (0, rectify_date_diff (start, data->as_of) + 1);
  g_autofree gint64 *found = g_new0 (gint64, MAX (n_days, 1));
  g_autofree gint64 *closed = g_new0 (gint64, MAX (n_days, 1));
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HazardSeries series = { days, start, found, closed, { 0 }, 0 };
  gint64 total_found = 0, total_closed = 0;

  data->days = g_array_sized_new (FALSE, TRUE, sizeof (RectifySummaryDay), n_days);
  for (int i = 0; i < n_days; i++)
    {
      RectifySummaryDay day = { { 0 }, 0, 0 };
      g_autofree char *date = rectify_date_add_days (start, i);
      g_strlcpy (day.date, date, sizeof day.date);
      g_array_append_val (data->days, day);
      g_hash_table_insert (days, g_steal_pointer (&date), GINT_TO_POINTER (i));
    }
  if (!RECTIFY_STORE_OPS (store, figures)
           ->hazard_days (store, data->campaign->id, data->as_of, add_hazard_day, &series, error))
    return FALSE;
  for (int i = 0; i < n_days; i++)
    {
      RectifySummaryDay *day = &g_array_index (data->days, RectifySummaryDay, i);
      total_found += found[i];
      total_closed += closed[i];
      day->found = total_found;
      day->closed = total_closed;
    }
  data->hazards_by_equipment_category
      = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_row_free);
  for (int i = 0; i < RECTIFY_N_CATEGORIES; i++)
    {
      RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
      row->code = g_strdup (rectify_category_to_code (rectify_categories[i]));
      row->label = g_strdup (rectify_category_to_label (rectify_categories[i]));
      row->count = series.counts[i];
      g_ptr_array_add (data->hazards_by_equipment_category, row);
    }
  {
    RectifyFigureRow *row = g_new0 (RectifyFigureRow, 1);
    row->code = g_strdup ("none");
    row->label = g_strdup (_ ("No equipment named"));
    row->count = series.none;
    g_ptr_array_add (data->hazards_by_equipment_category, row);
  }
  return TRUE;
}

typedef struct
{
  RectifySummaryData *data;
  int n_weeks;
} WeekSeries;

static void
add_inspection_day (const char *date,
                    gint64 inspections,
                    gint64 self_inspections,
                    gpointer user_data)
{
  WeekSeries *series = user_data;
  int w = CLAMP (rectify_date_diff (series->data->campaign->start_date, date) / 7, 0,
                 series->n_weeks - 1);
  RectifySummaryWeek *week = &g_array_index (series->data->weeks, RectifySummaryWeek, w);

  week->inspections += inspections;
  week->self_inspections += self_inspections;
}

static gboolean
compute_weeks (RectifyStore *store, RectifySummaryData *data, GError **error)
{
  const char *start = data->campaign->start_date;
  int n_days = MAX (0, rectify_date_diff (start, data->as_of) + 1);
  int n_weeks = (n_days + 6) / 7;
  WeekSeries series = { data, n_weeks };

  data->weeks = g_array_sized_new (FALSE, TRUE, sizeof (RectifySummaryWeek), n_weeks);
  for (int i = 0; i < n_weeks; i++)
    {
      RectifySummaryWeek week = { { 0 }, 0, 0 };
      g_autofree char *date = rectify_date_add_days (start, i * 7);
      g_strlcpy (week.start, date, sizeof week.start);
      g_array_append_val (data->weeks, week);
    }
  if (n_weeks == 0)
    return TRUE;
  /* the day's week is worked out once per day, not per visit */
  return RECTIFY_STORE_OPS (store, figures)
      ->inspection_days (store, data->campaign->id, data->as_of, add_inspection_day, &series,
                         error);
}

gboolean
rectify_summary_is_crowded_area (const char *area)
{
  g_autofree char *lower = area ? g_utf8_strdown (area, -1) : NULL;

  return lower
         && (strstr (lower, "人员密集") || strstr (lower, "crowded")
             || strstr (lower, "densely populated"));
}

/* The items of a focus list: one a line, also split at Chinese and Latin
 * list separators; blanks dropped. */
static char **
focus_items (const char *text)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) normal = g_string_new (text ? text : "");
  g_auto (GStrv) parts = NULL;

  g_string_replace (normal, "、", "\n", 0);
  g_string_replace (normal, "，", "\n", 0);
  g_string_replace (normal, "；", "\n", 0);
  g_string_replace (normal, ",", "\n", 0);
  g_string_replace (normal, ";", "\n", 0);
  parts = g_strsplit (normal->str, "\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *item = g_strstrip (parts[i]);
      if (*item)
        g_ptr_array_add (items, g_strdup (item));
    }
  g_ptr_array_add (items, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

static gboolean
count_units (RectifyStore *store, RectifyCoverageRow *row, GError **error)
{
  RectifyStoreUnitGroup group
      = row->kind == RECTIFY_COVERAGE_INDUSTRY         ? RECTIFY_STORE_UNITS_OF_INDUSTRY
        : rectify_summary_is_crowded_area (row->label) ? RECTIFY_STORE_UNITS_CROWDED
                                                       : RECTIFY_STORE_UNITS_OF_DISTRICT;

  row->units = RECTIFY_STORE_OPS (store, figures)->count_units (store, group, row->label, error);
  return row->units >= 0;
}

static void
add_rows (RectifySummaryData *data, RectifyCoverageKind kind, char **items)
{
  for (guint i = 0; items[i]; i++)
    {
      RectifyCoverageRow *row = g_new0 (RectifyCoverageRow, 1);
      row->kind = kind;
      row->label = g_strdup (items[i]);
      g_ptr_array_add (data->coverage, row);
    }
}

typedef struct
{
  RectifySummaryData *data;
  const gboolean *crowded_item;
} CoverageCount;

static void
add_inspected_unit (const char *industry,
                    const char *district,
                    gboolean crowded,
                    gpointer user_data)
{
  CoverageCount *count = user_data;
  GPtrArray *coverage = count->data->coverage;

  for (guint i = 0; i < coverage->len; i++)
    {
      RectifyCoverageRow *row = g_ptr_array_index (coverage, i);
      if (row->kind == RECTIFY_COVERAGE_INDUSTRY ? g_strcmp0 (industry, row->label) == 0
          : count->crowded_item[i]               ? crowded
                                                 : g_strcmp0 (district, row->label) == 0)
        row->inspected++;
    }
}

static gboolean
compute_coverage (RectifyStore *store, RectifySummaryData *data, GError **error)
{
  g_auto (GStrv) industries = focus_items (data->campaign->key_industries);
  g_auto (GStrv) areas = focus_items (data->campaign->key_areas);
  g_autofree gboolean *crowded_item = NULL;
  CoverageCount count = { data, NULL };

  data->coverage = g_ptr_array_new_with_free_func ((GDestroyNotify)coverage_row_free);
  add_rows (data, RECTIFY_COVERAGE_INDUSTRY, industries);
  add_rows (data, RECTIFY_COVERAGE_AREA, areas);
  if (data->coverage->len == 0)
    return TRUE;
  crowded_item = g_new0 (gboolean, data->coverage->len);
  for (guint i = 0; i < data->coverage->len; i++)
    {
      RectifyCoverageRow *row = g_ptr_array_index (data->coverage, i);
      crowded_item[i]
          = row->kind == RECTIFY_COVERAGE_AREA && rectify_summary_is_crowded_area (row->label);
      if (!count_units (store, row, error))
        return FALSE;
    }
  /* inspected = visited by the bureau (not self-inspected) in the campaign
   * by the day: each such unit once */
  count.crowded_item = crowded_item;
  return RECTIFY_STORE_OPS (store, figures)
      ->inspected_units (store, data->campaign->id, data->as_of, add_inspected_unit, &count, error);
}

RectifySummaryData *
rectify_summary_data_compute (RectifyStore *store,
                              gint64 campaign_id,
                              const char *as_of,
                              GError **error)
{
  g_autoptr (RectifySummaryData) data = g_new0 (RectifySummaryData, 1);

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (campaign_id <= 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Campaign: choose a campaign"));
      return NULL;
    }
  if (!(data->campaign = rectify_store_get_campaign (store, campaign_id, error))
      || !(data->figures = rectify_figures_compute (store, campaign_id, as_of, error)))
    return NULL;
  data->as_of = g_strdup (data->figures->as_of);
  if (!compute_hazard_series (store, data, error) || !compute_weeks (store, data, error)
      || !compute_coverage (store, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

/* ---- CSV ------------------------------------------------------------------- */

/* One row of cells up to a NULL. */
static void
csv_row (GString *out, ...)
{
  const char *cells[8];
  guint n = 0;
  va_list args;
  const char *cell;

  va_start (args, out);
  while ((cell = va_arg (args, const char *)) && n < G_N_ELEMENTS (cells))
    cells[n++] = cell;
  va_end (args);
  rectify_csv_append_row (out, cells, n, RECTIFY_CSV_NEUTRALIZE | RECTIFY_CSV_QUOTE_NEUTRALIZED);
}

static void
csv_count_row (GString *out, const char *label, gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  csv_row (out, label, text, NULL);
}

static void
csv_figure_rows (GString *out, const char *title, GPtrArray *rows)
{
  g_string_append (out, "\r\n");
  csv_row (out, title, NULL);
  csv_row (out, _ ("Category"), _ ("Count"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (rows, i);
      csv_count_row (out, row->label, row->count);
    }
}

char *
rectify_summary_data_to_csv (const RectifySummaryData *data)
{
  const RectifyFigures *f;
  GString *out;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  f = data->figures;
  out = g_string_new ("\xEF\xBB\xBF");
  csv_row (out, _ ("Campaign"), data->campaign->name, NULL);
  csv_row (out, _ ("As of"), data->as_of, NULL);
  g_string_append (out, "\r\n");
  csv_row (out, _ ("Figure"), _ ("Value"), NULL);
  csv_count_row (out, _ ("Officer person-times"), f->officer_person_times);
  csv_count_row (out, _ ("Unit inspections"), f->unit_inspections);
  csv_count_row (out, _ ("Units inspected"), f->distinct_units);
  csv_count_row (out, _ ("Equipment checks"), f->equipment_checks);
  csv_count_row (out, _ ("Self-inspections"), f->self_inspections);
  csv_count_row (out, _ ("Back-checks"), f->back_checks);
  csv_count_row (out, _ ("Hazards found"), f->hazards_found);
  csv_count_row (out, _ ("General hazards"), f->hazards_general);
  csv_count_row (out, _ ("Major hazards"), f->hazards_major);
  csv_count_row (out, _ ("Instruction letters"), f->instruction_letters);
  csv_count_row (out, _ ("Rectification opinions"), f->rectification_opinions);
  csv_count_row (out, _ ("Hazards closed"), f->hazards_closed);
  rate = rectify_figures_format_rate (f->rectification_rate);
  csv_row (out, _ ("Rectification rate"), rate, NULL);
  csv_count_row (out, _ ("Overdue"), f->hazards_overdue);

  csv_figure_rows (out, _ ("Hazards by category"), f->hazards_by_category);
  csv_figure_rows (out, _ ("Hazards by equipment category"), data->hazards_by_equipment_category);
  csv_figure_rows (out, _ ("Equipment checks by equipment category"),
                   f->checks_by_equipment_category);

  g_string_append (out, "\r\n");
  csv_row (out, _ ("Found and closed, cumulative"), NULL);
  csv_row (out, _ ("Date"), _ ("Hazards found"), _ ("Hazards closed"), NULL);
  for (guint i = 0; i < data->days->len; i++)
    {
      const RectifySummaryDay *day = &g_array_index (data->days, RectifySummaryDay, i);
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, day->found);
      g_autofree char *closed = g_strdup_printf ("%" G_GINT64_FORMAT, day->closed);
      csv_row (out, day->date, found, closed, NULL);
    }

  g_string_append (out, "\r\n");
  csv_row (out, _ ("Inspections per week"), NULL);
  csv_row (out, _ ("Week starting"), _ ("Inspections"), _ ("Self-inspections"), NULL);
  for (guint i = 0; i < data->weeks->len; i++)
    {
      const RectifySummaryWeek *week = &g_array_index (data->weeks, RectifySummaryWeek, i);
      g_autofree char *visits = g_strdup_printf ("%" G_GINT64_FORMAT, week->inspections);
      g_autofree char *self = g_strdup_printf ("%" G_GINT64_FORMAT, week->self_inspections);
      csv_row (out, week->start, visits, self, NULL);
    }

  g_string_append (out, "\r\n");
  csv_row (out, _ ("Coverage of key industries and areas"), NULL);
  csv_row (out, _ ("Focus"), _ ("Item"), _ ("Units"), _ ("Inspected"), _ ("Share"), NULL);
  for (guint i = 0; i < data->coverage->len; i++)
    {
      const RectifyCoverageRow *row = g_ptr_array_index (data->coverage, i);
      g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT, row->units);
      g_autofree char *inspected = g_strdup_printf ("%" G_GINT64_FORMAT, row->inspected);
      g_autofree char *share
          = rectify_figures_format_rate (row->units ? (double)row->inspected / row->units : 0);
      csv_row (out, row->kind == RECTIFY_COVERAGE_INDUSTRY ? _ ("Key industry") : _ ("Key area"),
               row->label, units, inspected, share, NULL);
    }
  return g_string_free (out, FALSE);
}

/* ---- narrative ------------------------------------------------------------ */

/* Kept in the settings table, one key per campaign and part: no schema
 * change, and every save is audited like any setting. */
static const struct
{
  const char *part;
  const char *label;
  gsize offset;
} narrative_parts[] = {
  { "deployment", N_ ("Leadership and deployment"),
    G_STRUCT_OFFSET (RectifySummaryNarrative, deployment) },
  { "methods", N_ ("Inspection methods"), G_STRUCT_OFFSET (RectifySummaryNarrative, methods) },
  { "next-steps", N_ ("Next steps"), G_STRUCT_OFFSET (RectifySummaryNarrative, next_steps) },
};

static char *
narrative_key (gint64 campaign_id, const char *part)
{
  return g_strdup_printf ("summary-%" G_GINT64_FORMAT "-%s", campaign_id, part);
}

void
rectify_summary_narrative_free (RectifySummaryNarrative *narrative)
{
  if (narrative == NULL)
    return;
  g_free (narrative->deployment);
  g_free (narrative->methods);
  g_free (narrative->next_steps);
  g_free (narrative);
}

RectifySummaryNarrative *
rectify_summary_get_narrative (RectifyStore *store, gint64 campaign_id, GError **error)
{
  g_autoptr (RectifySummaryNarrative) narrative = g_new0 (RectifySummaryNarrative, 1);

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  if (!rectify_store_check_id (store, "campaign", campaign_id, _ ("Campaign"), error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (narrative_parts); i++)
    {
      g_autofree char *key = narrative_key (campaign_id, narrative_parts[i].part);
      G_STRUCT_MEMBER (char *, narrative, narrative_parts[i].offset)
          = rectify_store_get_setting (store, key, "");
    }
  return g_steal_pointer (&narrative);
}

gboolean
rectify_summary_set_narrative (RectifyStore *store,
                               gint64 campaign_id,
                               const RectifySummaryNarrative *narrative,
                               GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), FALSE);
  g_return_val_if_fail (narrative != NULL, FALSE);

  if (!rectify_store_check_id (store, "campaign", campaign_id, _ ("Campaign"), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (narrative_parts); i++)
    {
      const char *text = G_STRUCT_MEMBER (char *, narrative, narrative_parts[i].offset);
      if (!rectify_validate_optional (_ (narrative_parts[i].label), text,
                                      RECTIFY_SUMMARY_NARRATIVE_MAX_CHARS, error))
        return FALSE;
    }
  if (!rectify_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (narrative_parts); i++)
    {
      const char *text = G_STRUCT_MEMBER (char *, narrative, narrative_parts[i].offset);
      g_autofree char *key = narrative_key (campaign_id, narrative_parts[i].part);
      g_autofree char *before = rectify_store_get_setting (store, key, "");

      if (g_strcmp0 (before, text ? text : "") != 0)
        ok = rectify_store_put_setting (store, key, text ? text : "", error);
    }
  return rectify_store_end (store, ok, error);
}
