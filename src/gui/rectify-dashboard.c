/* rectify-dashboard.c: a campaign's figures, charts, summary text and exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rectify-a11y.h"
#include "rectify-dashboard.h"
#include "rectify-date-row.h"
#include "rectify-format.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-issue.h"
#include "rectify-pdf-summary.h"
#include "rectify-summary-dialog.h"

/* Every tile opens the list behind it. */
typedef enum
{
  OPENS_HAZARDS,     /* win.show-hazards (campaign, status, overdue, as of) */
  OPENS_INSPECTIONS, /* win.show-inspections (campaign, bureau visits only, as of) */
  OPENS_DOCUMENTS,   /* win.show-documents (campaign, kind, as of) */
} TileOpens;

typedef struct
{
  const char *name;
  const char *title;
  TileOpens opens;
  int status; /* hazards: the status filter, -1 = all; documents: the kind */
  gboolean overdue;
} TileInfo;

static const TileInfo tile_infos[] = {
  /* person-times and checks are sums over the bureau's visits: the list
   * behind them is those visits */
  { "officer-person-times", N_ ("Officer person-times"), OPENS_INSPECTIONS, -1, FALSE },
  { "unit-inspections", N_ ("Unit inspections"), OPENS_INSPECTIONS, -1, FALSE },
  { "equipment-checks", N_ ("Equipment checks"), OPENS_INSPECTIONS, -1, FALSE },
  { "hazards-found", N_ ("Hazards found"), OPENS_HAZARDS, -1, FALSE },
  { "hazards-closed", N_ ("Hazards rectified"), OPENS_HAZARDS, RECTIFY_HAZARD_CLOSED, FALSE },
  { "rectification-rate", N_ ("Rectification rate"), OPENS_HAZARDS, -1, FALSE },
  { "instruction-letters", N_ ("Instruction letters"), OPENS_DOCUMENTS,
    RECTIFY_DOCUMENT_INSTRUCTION_LETTER, FALSE },
  { "rectification-opinions", N_ ("Rectification opinions"), OPENS_DOCUMENTS,
    RECTIFY_DOCUMENT_RECTIFICATION_OPINION, FALSE },
  { "hazards-overdue", N_ ("Overdue hazards"), OPENS_HAZARDS, -1, TRUE },
};
#define N_TILES G_N_ELEMENTS (tile_infos)

typedef struct
{
  GtkWidget *widget;
  GtkLabel *value;
  GtkLabel *detail;
} Tile;

struct _RectifyDashboard
{
  GtkWidget parent_instance;

  RectifyStore *store;
  gint64 campaign_id;
  char *as_of;
  gboolean can_edit;
  RectifySummaryData *data;
  gboolean stale; /* a reload waits until the dashboard is shown */
  Tile tiles[N_TILES];
  GtkFileChooserNative *chooser;

  GtkWidget *box;
  AdwPreferencesGroup *figures_group;
  RectifyDateRow *as_of_row;
  GtkLabel *as_of_error_label;
  GtkGrid *tiles_grid;
  RectifyChart *weeks_chart;
  RectifyChart *coverage_chart;
  RectifyChart *cumulative_chart;
  RectifyChart *hazard_categories_chart;
  RectifyChart *hazard_equipment_chart;
  RectifyChart *checks_chart;
  GtkTextView *deployment_view;
  GtkTextView *methods_view;
  GtkTextView *next_steps_view;
  GtkLabel *text_error_label;
  GtkWidget *save_text_button;
  AdwComboRow *language_row;
};

G_DEFINE_FINAL_TYPE (RectifyDashboard, rectify_dashboard, GTK_TYPE_WIDGET)

/* ---- messages --------------------------------------------------------------- */

static void
show_toast (RectifyDashboard *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
show_error (RectifyDashboard *self, const char *heading, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL));
  adw_message_dialog_set_body (dialog, message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- tiles ------------------------------------------------------------------ */

static int
tile_index (const char *name)
{
  for (guint i = 0; i < N_TILES; i++)
    if (g_strcmp0 (tile_infos[i].name, name) == 0)
      return (int)i;
  return -1;
}

static const char *
tile_action (const TileInfo *info)
{
  switch (info->opens)
    {
    case OPENS_HAZARDS:
      return "win.show-hazards";
    case OPENS_INSPECTIONS:
      return "win.show-inspections";
    case OPENS_DOCUMENTS:
      return "win.show-documents";
    default:
      g_assert_not_reached ();
    }
}

/* The list shows the records the tile counts: those of the dashboard's
 * day (as_of, "" before a campaign is shown). */
static GVariant *
tile_target (const TileInfo *info, gint64 campaign_id, const char *as_of)
{
  switch (info->opens)
    {
    case OPENS_HAZARDS:
      return g_variant_new ("(xibs)", campaign_id, info->status, info->overdue, as_of);
    case OPENS_INSPECTIONS:
      return g_variant_new ("(xbs)", campaign_id, TRUE, as_of);
    case OPENS_DOCUMENTS:
      return g_variant_new ("(xis)", campaign_id, info->status, as_of);
    default:
      g_assert_not_reached ();
    }
}

static const char *
tile_tooltip (const TileInfo *info)
{
  switch (info->opens)
    {
    case OPENS_HAZARDS:
      return _ ("Show these hazards on the Hazards page");
    case OPENS_INSPECTIONS:
      return _ ("Show the bureau’s inspections and back-checks on the Inspections page");
    case OPENS_DOCUMENTS:
      return _ ("Show these documents on the Documents page");
    default:
      g_assert_not_reached ();
    }
}

static void
build_tiles (RectifyDashboard *self)
{
  for (guint i = 0; i < N_TILES; i++)
    {
      const TileInfo *info = &tile_infos[i];
      Tile *tile = &self->tiles[i];
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (_ (info->title));

      tile->value = GTK_LABEL (gtk_label_new ("0"));
      tile->detail = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (tile->value), "title-1");
      gtk_widget_add_css_class (GTK_WIDGET (tile->value), "figure-value");
      gtk_label_set_xalign (tile->value, 0);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (tile->detail, 0);
      gtk_label_set_wrap (tile->detail, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (tile->detail), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (tile->detail), "caption");
      gtk_widget_set_visible (GTK_WIDGET (tile->detail), FALSE);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (tile->value));
      gtk_box_append (GTK_BOX (content), title);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (tile->detail));
      gtk_widget_set_margin_top (content, 10);
      gtk_widget_set_margin_bottom (content, 10);
      gtk_widget_set_margin_start (content, 12);
      gtk_widget_set_margin_end (content, 12);

      tile->widget = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (tile->widget), content);
      /* typed from the start; the campaign is set when one is shown */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (tile->widget),
                                              tile_target (info, 0, ""));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (tile->widget), tile_action (info));
      gtk_widget_set_tooltip_text (tile->widget, tile_tooltip (info));
      gtk_widget_add_css_class (tile->widget, "card");
      gtk_widget_add_css_class (tile->widget, "dashboard-tile");
      gtk_grid_attach (self->tiles_grid, tile->widget, i % 3, i / 3, 1, 1);
    }
}

static void
set_tile (RectifyDashboard *self, const char *name, char *value, char *detail)
{
  Tile *tile = &self->tiles[tile_index (name)];
  const TileInfo *info = &tile_infos[tile_index (name)];
  g_autofree char *accessible = g_strdup_printf ("%s: %s", _ (info->title), value);

  gtk_label_set_text (tile->value, value);
  gtk_label_set_text (tile->detail, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (tile->detail), detail != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (tile->widget),
                                          tile_target (info, self->campaign_id, self->data->as_of));
  g_free (value);
  g_free (detail);
}

static void
fill_tiles (RectifyDashboard *self)
{
  const RectifyFigures *f = self->data->figures;
  g_autofree char *units = rectify_format_count (f->distinct_units);
  g_autofree char *general = rectify_format_count (f->hazards_general);
  g_autofree char *major = rectify_format_count (f->hazards_major);
  g_autofree char *closed = rectify_format_count (f->hazards_closed);
  g_autofree char *found = rectify_format_count (f->hazards_found);

  set_tile (self, "officer-person-times", rectify_format_count (f->officer_person_times), NULL);
  set_tile (
      self, "unit-inspections", rectify_format_count (f->unit_inspections),
      /* Translators: distinct units behind the inspection visits */
      g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", (gulong)f->distinct_units), units));
  set_tile (self, "equipment-checks", rectify_format_count (f->equipment_checks),
            g_strdup (_ ("Gas cylinders counted by quantity")));
  set_tile (self, "hazards-found", rectify_format_count (f->hazards_found),
            g_strdup_printf (_ ("General %s · major %s"), general, major));
  set_tile (self, "hazards-closed", rectify_format_count (f->hazards_closed),
            g_strdup (_ ("Confirmed and cancelled")));
  set_tile (self, "rectification-rate", rectify_figures_format_rate (f->rectification_rate),
            /* Translators: "4 of 5 hazards" behind the rectification rate */
            g_strdup_printf (_ ("%s of %s hazards"), closed, found));
  set_tile (self, "instruction-letters", rectify_format_count (f->instruction_letters), NULL);
  set_tile (self, "rectification-opinions", rectify_format_count (f->rectification_opinions), NULL);
  set_tile (self, "hazards-overdue", rectify_format_count (f->hazards_overdue),
            g_strdup (_ ("Not closed, past the deadline")));
}

/* ---- charts ----------------------------------------------------------------- */

static void
fill_rows_chart (RectifyChart *chart, const char *title, GPtrArray *rows)
{
  g_autofree const char **labels = g_new0 (const char *, rows->len + 1);
  g_autofree double *values = g_new0 (double, rows->len + 1);

  for (guint i = 0; i < rows->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (rows, i);
      labels[i] = row->label;
      values[i] = row->count;
    }
  rectify_chart_set_title (chart, title);
  rectify_chart_set_bars (chart, RECTIFY_CHART_BARS, labels, values, NULL, rows->len, 0);
}

static void
fill_charts (RectifyDashboard *self)
{
  const RectifySummaryData *d = self->data;
  guint n_weeks = d->weeks->len, n_days = d->days->len, n_cov = d->coverage->len;
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **labels = g_new0 (const char *, MAX (MAX (n_weeks, n_days), n_cov) + 1);
  g_autofree const char **texts = g_new0 (const char *, n_cov + 1);
  g_autofree double *values = g_new0 (double, 2 * MAX (MAX (n_weeks, n_days), n_cov) + 1);
  const char *series[2] = { _ ("Found, cumulative"), _ ("Rectified, cumulative") };

  for (guint i = 0; i < n_weeks; i++)
    {
      /* Translators: week %u of a campaign, on a chart's axis */
      char *label = g_strdup_printf (_ ("W%u"), i + 1);
      g_ptr_array_add (strings, label);
      labels[i] = label;
      values[i] = g_array_index (d->weeks, RectifySummaryWeek, i).inspections;
    }
  rectify_chart_set_title (self->weeks_chart, _ ("Inspections per week"));
  rectify_chart_set_bars (self->weeks_chart, RECTIFY_CHART_COLUMNS, labels, values, NULL, n_weeks,
                          0);

  for (guint i = 0; i < n_cov; i++)
    {
      const RectifyCoverageRow *row = g_ptr_array_index (d->coverage, i);
      g_autofree char *rate
          = rectify_figures_format_rate (row->units ? (double)row->inspected / row->units : 0);
      g_autofree char *inspected = rectify_format_count (row->inspected);
      g_autofree char *units = rectify_format_count (row->units);
      /* Translators: units inspected of the units of a key industry, and the share */
      char *text = g_strdup_printf (_ ("%s of %s (%s)"), inspected, units, rate);
      g_ptr_array_add (strings, text);
      labels[i] = row->label;
      texts[i] = text;
      values[i] = row->units ? 100.0 * row->inspected / row->units : 0;
    }
  rectify_chart_set_title (self->coverage_chart, _ ("Coverage of key industries and areas"));
  rectify_chart_set_bars (self->coverage_chart, RECTIFY_CHART_BARS, labels, values, texts, n_cov,
                          100);

  for (guint i = 0; i < n_days; i++)
    {
      const RectifySummaryDay *day = &g_array_index (d->days, RectifySummaryDay, i);
      char *label = rectify_format_date (day->date);
      g_ptr_array_add (strings, label);
      labels[i] = label;
      values[i] = day->found;
      values[n_days + i] = day->closed;
    }
  rectify_chart_set_title (self->cumulative_chart, _ ("Hazards found and rectified, cumulative"));
  rectify_chart_set_lines (self->cumulative_chart, series, 2, labels, values, n_days);

  fill_rows_chart (self->hazard_categories_chart, _ ("Hazards by category"),
                   d->figures->hazards_by_category);
  fill_rows_chart (self->hazard_equipment_chart, _ ("Hazards by equipment category"),
                   d->hazards_by_equipment_category);
  fill_rows_chart (self->checks_chart, _ ("Equipment checks by equipment category"),
                   d->figures->checks_by_equipment_category);
}

/* ---- loading ---------------------------------------------------------------- */

static void
update_actions (RectifyDashboard *self)
{
  gboolean shown = self->data != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.summary-pdf", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-csv", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.save-text",
                                 self->campaign_id > 0 && self->can_edit);
  gtk_widget_set_visible (self->save_text_button, self->can_edit);
  gtk_text_view_set_editable (self->deployment_view, self->can_edit);
  gtk_text_view_set_editable (self->methods_view, self->can_edit);
  gtk_text_view_set_editable (self->next_steps_view, self->can_edit);
}

void
rectify_dashboard_reload (RectifyDashboard *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));

  /* the campaigns page reloads on every write anywhere: a hidden dashboard
   * computes a city's figures only once it is shown again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->store != NULL && self->campaign_id > 0)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  g_clear_pointer (&self->data, rectify_summary_data_free);
  if (self->store != NULL && self->campaign_id > 0)
    self->data = rectify_summary_data_compute (self->store, self->campaign_id, self->as_of, &error);
  if (self->data != NULL)
    {
      g_autofree char *day = rectify_format_date (self->data->as_of);
      /* Translators: %s is a date */
      g_autofree char *description
          = g_strdup_printf (_ ("As of %s, computed from the records."), day);
      adw_preferences_group_set_description (self->figures_group, description);
      fill_tiles (self);
      fill_charts (self);
      gtk_widget_set_visible (GTK_WIDGET (self->tiles_grid), TRUE);
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->weeks_chart)), TRUE);
    }
  else
    {
      adw_preferences_group_set_description (self->figures_group,
                                             error ? error->message : _ ("No campaign is shown."));
      gtk_widget_set_visible (GTK_WIDGET (self->tiles_grid), FALSE);
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->weeks_chart)), FALSE);
    }
  update_actions (self);
}

static void
set_buffer (GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load_text (RectifyDashboard *self)
{
  g_autoptr (RectifySummaryNarrative) narrative = NULL;
  g_autoptr (GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->text_error_label), FALSE);
  if (self->store != NULL && self->campaign_id > 0)
    narrative = rectify_summary_get_narrative (self->store, self->campaign_id, &error);
  set_buffer (self->deployment_view, narrative ? narrative->deployment : NULL);
  set_buffer (self->methods_view, narrative ? narrative->methods : NULL);
  set_buffer (self->next_steps_view, narrative ? narrative->next_steps : NULL);
}

void
rectify_dashboard_set_campaign_id (RectifyDashboard *self, gint64 campaign_id)
{
  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));

  if (self->campaign_id != campaign_id)
    {
      self->campaign_id = campaign_id;
      load_text (self);
    }
  rectify_dashboard_reload (self);
}

gint64
rectify_dashboard_get_campaign_id (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), 0);
  return self->campaign_id;
}

void
rectify_dashboard_set_store (RectifyDashboard *self, RectifyStore *store)
{
  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));
  g_return_if_fail (store == NULL || RECTIFY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    adw_combo_row_set_selected (
        self->language_row,
        rectify_pdf_default_language (store) == RECTIFY_PDF_LANGUAGE_EN ? 1 : 0);
  load_text (self);
  rectify_dashboard_reload (self);
}

RectifyStore *
rectify_dashboard_get_store (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);
  return self->store;
}

void
rectify_dashboard_set_can_edit (RectifyDashboard *self, gboolean can_edit)
{
  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));
  self->can_edit = !!can_edit;
  update_actions (self);
}

gboolean
rectify_dashboard_set_as_of (RectifyDashboard *self, const char *as_of, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), FALSE);

  rectify_date_row_set_date (self->as_of_row, as_of);
  text = rectify_date_row_get_date (self->as_of_row);
  if (!rectify_date_row_validate (self->as_of_row, _ ("As of"), &local))
    {
      gtk_label_set_text (self->as_of_error_label, local->message);
      gtk_widget_set_visible (GTK_WIDGET (self->as_of_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_row), "error");
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_row), "error");
  g_free (self->as_of);
  self->as_of = g_steal_pointer (&text);
  rectify_dashboard_reload (self);
  return TRUE;
}

static void
on_as_of_apply_cb (RectifyDashboard *self)
{
  g_autofree char *text = rectify_date_row_get_date (self->as_of_row);

  /* the message is shown at the field */
  rectify_dashboard_set_as_of (self, text, NULL);
}

const RectifySummaryData *
rectify_dashboard_get_data (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);
  return self->data;
}

const char *
rectify_dashboard_get_tile_value (RectifyDashboard *self, const char *tile)
{
  int i;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);
  i = tile_index (tile);
  g_return_val_if_fail (i >= 0, NULL);
  return gtk_label_get_text (self->tiles[i].value);
}

GtkWidget *
rectify_dashboard_get_tile (RectifyDashboard *self, const char *tile)
{
  int i;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);
  i = tile_index (tile);
  g_return_val_if_fail (i >= 0, NULL);
  return self->tiles[i].widget;
}

RectifyChart *
rectify_dashboard_get_chart (RectifyDashboard *self, const char *chart)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  if (g_strcmp0 (chart, "weeks") == 0)
    return self->weeks_chart;
  if (g_strcmp0 (chart, "coverage") == 0)
    return self->coverage_chart;
  if (g_strcmp0 (chart, "cumulative") == 0)
    return self->cumulative_chart;
  if (g_strcmp0 (chart, "hazard-categories") == 0)
    return self->hazard_categories_chart;
  if (g_strcmp0 (chart, "hazard-equipment") == 0)
    return self->hazard_equipment_chart;
  if (g_strcmp0 (chart, "checks") == 0)
    return self->checks_chart;
  g_return_val_if_reached (NULL);
}

/* ---- text, PDF and CSV ------------------------------------------------------ */

static RectifySummaryNarrative *
current_text (RectifyDashboard *self)
{
  RectifySummaryNarrative *n = g_new0 (RectifySummaryNarrative, 1);

  n->deployment = buffer_text (self->deployment_view);
  n->methods = buffer_text (self->methods_view);
  n->next_steps = buffer_text (self->next_steps_view);
  return n;
}

gboolean
rectify_dashboard_save_text (RectifyDashboard *self, GError **error)
{
  g_autoptr (RectifySummaryNarrative) n = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), FALSE);

  if (self->store == NULL || self->campaign_id <= 0)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Campaign: choose a campaign"));
      return FALSE;
    }
  n = current_text (self);
  if (!rectify_summary_set_narrative (self->store, self->campaign_id, n, &local))
    {
      gtk_label_set_text (self->text_error_label, local->message);
      gtk_widget_set_visible (GTK_WIDGET (self->text_error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->text_error_label), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->deployment_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->methods_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->next_steps_view), FALSE);
  return TRUE;
}

static void
save_text_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (widget);

  /* a refusal is shown under the text */
  if (rectify_dashboard_save_text (self, NULL))
    show_toast (self, _ ("Summary text saved"));
}

gboolean
rectify_dashboard_write_pdf (RectifyDashboard *self, const char *path, GError **error)
{
  g_autoptr (RectifySummaryNarrative) n = NULL;
  g_autoptr (GBytes) pdf = NULL;
  RectifyPdfSummaryOptions options = { RECTIFY_PDF_LANGUAGE_ZH_CN, NULL };

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->data == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Campaign: choose a campaign"));
      return FALSE;
    }
  if (adw_combo_row_get_selected (self->language_row) == 1)
    options.language = RECTIFY_PDF_LANGUAGE_EN;
  /* the text as shown, saved or not: what the user reads is what is printed */
  n = current_text (self);
  pdf = rectify_pdf_summary_render_data (self->store, self->data, n, &options, error);
  return pdf != NULL && rectify_pdf_write_file (pdf, path, error);
}

gboolean
rectify_dashboard_write_csv (RectifyDashboard *self, const char *path, GError **error)
{
  g_autofree char *csv = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->data == NULL)
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID, _ ("Campaign: choose a campaign"));
      return FALSE;
    }
  csv = rectify_summary_data_to_csv (self->data);
  /* g_file_set_contents writes a temporary file and renames it into place */
  if (!g_file_set_contents (path, csv, -1, &local))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO,
                   _ ("Output file: %s cannot be written: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

typedef gboolean (*WriteFunc) (RectifyDashboard *self, const char *path, GError **error);

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, RectifyDashboard *self)
{
  WriteFunc write = g_object_get_data (G_OBJECT (chooser), "rectify-write");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (write (self, path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_ ("Saved as %s"), name);
          show_toast (self, message);
        }
      else
        show_error (self, _ ("Not Saved"), error->message);
    }
  else if (file != NULL)
    show_error (self, _ ("Not Saved"), _ ("Choose a file on this computer"));
  g_clear_object (&self->chooser);
}

static void
choose_file (RectifyDashboard *self,
             const char *title,
             const char *suffix,
             const char *mime,
             WriteFunc write)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->data == NULL || self->chooser != NULL)
    return;
  self->chooser
      = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, mime);
  gtk_file_filter_set_name (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf ("%s %s.%s", self->data->campaign->name, self->data->as_of, suffix);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "rectify-write", write);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

GtkWidget *
rectify_dashboard_open_summary (RectifyDashboard *self)
{
  g_autoptr (RectifySummaryNarrative) n = NULL;
  GtkRoot *root;
  RectifySummaryDialog *dialog;

  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  if (self->data == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* the text as shown, saved or not: what the user reads is what is printed */
  n = current_text (self);
  dialog = rectify_summary_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       self->campaign_id, self->data->as_of, n,
                                       adw_combo_row_get_selected (self->language_row) == 1
                                           ? RECTIFY_PDF_LANGUAGE_EN
                                           : RECTIFY_PDF_LANGUAGE_ZH_CN);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
summary_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rectify_dashboard_open_summary (RECTIFY_DASHBOARD (widget));
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (RECTIFY_DASHBOARD (widget), _ ("Export the Figures"), "csv", "text/csv",
               rectify_dashboard_write_csv);
}

/* ---- object ----------------------------------------------------------------- */

static void
rectify_dashboard_dispose (GObject *object)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data, rectify_summary_data_free);
  g_clear_pointer (&self->as_of, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_DASHBOARD);

  G_OBJECT_CLASS (rectify_dashboard_parent_class)->dispose (object);
}

static void
rectify_dashboard_map (GtkWidget *widget)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (widget);

  GTK_WIDGET_CLASS (rectify_dashboard_parent_class)->map (widget);
  if (self->stale)
    rectify_dashboard_reload (self);
}

static void
rectify_dashboard_class_init (RectifyDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_dashboard_dispose;
  widget_class->map = rectify_dashboard_map;

  g_type_ensure (RECTIFY_TYPE_CHART);
  g_type_ensure (RECTIFY_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-dashboard.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, box);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, figures_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, as_of_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, tiles_grid);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, weeks_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, coverage_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, cumulative_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, hazard_categories_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, hazard_equipment_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, checks_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, deployment_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, methods_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, text_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, save_text_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_apply_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.save-text", NULL, save_text_action);
  gtk_widget_class_install_action (widget_class, "dashboard.summary-pdf", NULL, summary_pdf_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-csv", NULL, export_csv_action);
}

static void
rectify_dashboard_init (RectifyDashboard *self)
{
  self->can_edit = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  build_tiles (self);
  rectify_dashboard_reload (self);
}

GtkWidget *
rectify_dashboard_new (void)
{
  return g_object_new (RECTIFY_TYPE_DASHBOARD, NULL);
}
