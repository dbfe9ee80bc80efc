/* rectify-units-page.c: the units under supervision, their form, equipment and operators
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-archived.h"
#include "rectify-column-sorter.h"
#include "rectify-form-field.h"
#include "rectify-format.h"
#include "rectify-inspection-dialog.h"
#include "rectify-inspection-query.h"
#include "rectify-list-page.h"
#include "rectify-pane-position.h"
#include "rectify-record-list.h"
#include "rectify-units-page.h"
#include "rectify-exchange.h"
#include "rectify-validate.h"
#include "rectify-visit-dialog.h"

/* The fields of the form: the core names them at the start of its error
 * messages ("Credit code: …"); the error shows in the row below. */
enum
{
  FIELD_NAME,
  FIELD_CREDIT_CODE,
  FIELD_ADDRESS,
  FIELD_DISTRICT,
  FIELD_INDUSTRY,
  FIELD_LEGAL_REP,
  FIELD_SAFETY_MANAGER,
  FIELD_PHONE,
  N_FIELDS
};

static const char *const field_names[N_FIELDS] = {
  N_ ("Name"),     N_ ("Credit code"),          N_ ("Address"),        N_ ("District"),
  N_ ("Industry"), N_ ("Legal representative"), N_ ("Safety manager"), N_ ("Phone"),
};

struct _RectifyUnitsPage
{
  AdwBin parent_instance;

  RectifyStore *store;
  gboolean can_edit;
  GSettings *settings;
  RectifyRecordList *units;
  GtkSingleSelection *selection;
  char *sort;
  gboolean descending;
  gint64 shown_id; /* the unit in the form; 0 = none or new */
  gboolean form_is_new;
  gboolean updating_filters;
  RectifyUnit *banner_undo; /* deleted unit the banner offers back */
  RectifyFormRow fields[N_FIELDS];
  GPtrArray *detail_rows; /* rows added to the two groups */

  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_undo_button;
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkDropDown *district_dropdown;
  GtkStringList *districts;
  GtkDropDown *industry_dropdown;
  GtkStringList *industries;
  GtkToggleButton *crowded_toggle;
  GtkWidget *new_button;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkStack *detail_stack;
  GtkLabel *form_title_label;
  GtkListBox *form_list;
  AdwEntryRow *name_row;
  AdwEntryRow *credit_code_row;
  AdwEntryRow *address_row;
  AdwEntryRow *district_row;
  AdwEntryRow *industry_row;
  AdwEntryRow *legal_rep_row;
  AdwEntryRow *safety_manager_row;
  AdwEntryRow *phone_row;
  GtkSwitch *crowded_switch;
  GtkLabel *general_error_label;
  GtkWidget *delete_button;
  GtkButton *save_button;
  AdwPreferencesGroup *equipment_group;
  AdwPreferencesGroup *operators_group;
  AdwPreferencesGroup *inspections_group;
  GtkWidget *new_inspection_button;
  AdwPreferencesGroup *hazards_group;
  AdwPreferencesGroup *visits_group;
  AdwPreferencesGroup *letters_group;
};

G_DEFINE_FINAL_TYPE (RectifyUnitsPage, rectify_units_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_unit (RectifyUnitsPage *self, gint64 id);
static void on_selection_changed_cb (RectifyUnitsPage *self);

/* ---- the list ------------------------------------------------------------ */

static char *
unit_text (const char *text)
{
  return g_strdup (text);
}

static char *
unit_name (gpointer self, gconstpointer u, const char **style)
{
  return unit_text (((const RectifyUnit *)u)->name);
}
static char *
unit_credit_code (gpointer self, gconstpointer u, const char **style)
{
  return unit_text (((const RectifyUnit *)u)->credit_code);
}
static char *
unit_district (gpointer self, gconstpointer u, const char **style)
{
  return unit_text (((const RectifyUnit *)u)->district);
}
static char *
unit_industry (gpointer self, gconstpointer u, const char **style)
{
  return unit_text (((const RectifyUnit *)u)->industry);
}
static char *
unit_crowded (gpointer self, gconstpointer u, const char **style)
{
  return unit_text (((const RectifyUnit *)u)->crowded ? _ ("Yes") : _ ("No"));
}

static const char *
dropdown_value (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first choice is "All …". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

static char *
count_text (guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", n), number);
}

static void
update_count (RectifyUnitsPage *self)
{
  rectify_list_page_show_count (self->count_label, self->units, count_text);
}

/* After a new snapshot the selection follows the shown unit by id. */
static void
reselect (RectifyUnitsPage *self)
{
  /* A unit filtered out of the list stays in the form. */
  rectify_list_page_select_id (self->selection, self->units, self->shown_id,
                               on_selection_changed_cb, self);
  update_count (self);
}

/* The rest of a long result came: its count, and the row of the form if
 * it was not among the first. */
static void
on_list_loaded_cb (RectifyUnitsPage *self)
{
  reselect (self);
  update_count (self);
}

static void
apply_query (RectifyUnitsPage *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;

  if (self->units == NULL || self->updating_filters)
    return;
  q.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  q.sort = self->sort;
  q.descending = self->descending;
  q.district = dropdown_value (self->district_dropdown);
  q.industry = dropdown_value (self->industry_dropdown);
  q.crowded = gtk_toggle_button_get_active (self->crowded_toggle) ? 1 : -1;
  rectify_list_page_set_query (GTK_WIDGET (self->column_view), self->selection, self->units, &q,
                               self->shown_id, on_selection_changed_cb, self);
  update_count (self);
}

static void
on_search_changed_cb (RectifyUnitsPage *self)
{
  apply_query (self);
}

static void
on_filter_changed_cb (RectifyUnitsPage *self)
{
  apply_query (self);
}

static void
on_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, RectifyUnitsPage *self)
{
  gboolean descending = FALSE;
  const char *key = rectify_column_view_get_sort (self->column_view, &descending);

  g_free (self->sort);
  self->sort = g_strdup (key);
  self->descending = descending;
  apply_query (self);
}

/* Fills a filter's choices, keeping the chosen value if it is still there. */
static void
fill_choices (RectifyUnitsPage *self,
              GtkDropDown *dropdown,
              GtkStringList *list,
              const char *field,
              const char *all)
{
  g_autofree char *chosen = g_strdup (dropdown_value (dropdown));
  g_auto (GStrv) values = NULL;
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();

  if (self->store != NULL)
    values = rectify_store_list_unit_values (self->store, field, &error);
  if (error != NULL)
    g_debug ("Listing unit %s values failed: %s", field, error->message);

  g_ptr_array_add (items, (gpointer)all);
  for (guint i = 0; values && values[i]; i++)
    {
      if (g_strcmp0 (values[i], chosen) == 0)
        selected = items->len;
      g_ptr_array_add (items, values[i]);
    }
  g_ptr_array_add (items, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (list, 0, n, (const char *const *)items->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
}

static void
fill_filters (RectifyUnitsPage *self)
{
  fill_choices (self, self->district_dropdown, self->districts, "district", _ ("All districts"));
  fill_choices (self, self->industry_dropdown, self->industries, "industry", _ ("All industries"));
}

/* ---- messages -------------------------------------------------------------- */

static void
hide_banner (RectifyUnitsPage *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  g_clear_pointer (&self->banner_undo, rectify_unit_free);
}

static void
on_banner_close_clicked_cb (RectifyUnitsPage *self)
{
  hide_banner (self);
}

static void undo_delete (RectifyUnitsPage *self, const RectifyUnit *unit);

static void
on_banner_undo_clicked_cb (RectifyUnitsPage *self)
{
  g_autoptr (RectifyUnit) unit = g_steal_pointer (&self->banner_undo);

  hide_banner (self);
  if (unit != NULL)
    undo_delete (self, unit);
}

/* A toast in the shell's overlay, or the page's own banner without one;
 * with undo, the deleted unit is offered back. */
static void
show_message (RectifyUnitsPage *self, const char *message, RectifyUnit *undo)
{
  if (rectify_list_page_toast (GTK_WIDGET (self), message, undo, (GDestroyNotify)rectify_unit_free,
                               (RectifyUndoFunc)undo_delete))
    return;

  g_clear_pointer (&self->banner_undo, rectify_unit_free);
  self->banner_undo = undo;
  gtk_label_set_text (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_undo_button), undo != NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* ---- the form ------------------------------------------------------------ */

static void
clear_errors (RectifyUnitsPage *self)
{
  rectify_form_rows_clear (self->fields, N_FIELDS, self->general_error_label);
}

static void
on_field_changed_cb (GtkEditable *editable, RectifyUnitsPage *self)
{
  rectify_form_rows_clear_field (self->fields, N_FIELDS, GTK_WIDGET (editable));
}

static void
show_error (RectifyUnitsPage *self, const GError *error)
{
  rectify_form_rows_show_error (self->fields, N_FIELDS, self->general_error_label, error);
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_detail_rows (RectifyUnitsPage *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
}

static GtkWidget *
add_detail_row (RectifyUnitsPage *self,
                AdwPreferencesGroup *group,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
  return row;
}

static void fill_history (RectifyUnitsPage *self, gint64 unit_id);

/* Few per unit; a hundred is more than any real one has. */
#define DETAIL_LIMIT 100

static void
fill_details (RectifyUnitsPage *self, gint64 unit_id)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) equipment = NULL;
  g_autoptr (GPtrArray) operators = NULL;
  g_autoptr (GError) error = NULL;
  gint64 total = 0;
  g_autofree char *description = NULL;

  clear_detail_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->equipment_group), unit_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->operators_group), unit_id != 0);
  fill_history (self, unit_id);
  if (unit_id == 0)
    return;

  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  equipment = rectify_store_list_equipment (self->store, &q, &total, &error);
  if (equipment == NULL)
    {
      add_detail_row (self, self->equipment_group, _ ("Equipment unavailable"), error->message);
      g_clear_error (&error);
    }
  else
    {
      description
          = total > 0 ? g_strdup_printf (
                g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", (gulong)total), (guint)total)
                      : g_strdup (_ ("No equipment on record"));
      adw_preferences_group_set_description (self->equipment_group, description);
      for (guint i = 0; i < equipment->len; i++)
        {
          RectifyEquipment *e = g_ptr_array_index (equipment, i);
          g_autofree char *next = NULL;
          g_autofree char *quantity = NULL;
          g_autofree char *subtitle = NULL;

          /* Translators: %s is the date of the next periodic inspection */
          g_autofree char *next_date = rectify_format_date (e->next_inspection);

          next = g_strdup_printf (_ ("next inspection %s"), *next_date ? next_date : _ ("not set"));
          /* Translators: how many gas cylinders are counted in bulk under one entry */
          quantity = e->quantity > 1 ? g_strdup_printf (
                         g_dngettext (GETTEXT_PACKAGE, "%d cylinder", "%d cylinders", e->quantity),
                         e->quantity)
                                     : NULL;
          subtitle
              = g_strjoin (" · ", rectify_category_to_label (e->category),
                           rectify_equipment_status_to_label (e->status), next, quantity, NULL);
          add_detail_row (self, self->equipment_group,
                          e->code && *e->code ? e->code : _ ("No equipment code"), subtitle);
        }
      g_clear_pointer (&description, g_free);
    }

  operators = rectify_store_list_operators (self->store, &q, &total, &error);
  if (operators == NULL)
    {
      add_detail_row (self, self->operators_group, _ ("Operators unavailable"), error->message);
      return;
    }
  description = total > 0 ? g_strdup_printf (
                    g_dngettext (GETTEXT_PACKAGE, "%u operator", "%u operators", (gulong)total),
                    (guint)total)
                          : g_strdup (_ ("No operators on record"));
  adw_preferences_group_set_description (self->operators_group, description);
  for (guint i = 0; i < operators->len; i++)
    {
      RectifyOperator *op = g_ptr_array_index (operators, i);
      g_autofree char *masked
          = op->id_number && *op->id_number ? rectify_mask_id_number (op->id_number) : NULL;
      g_autofree char *cert = NULL;
      g_autofree char *expiry = NULL;
      g_autofree char *id_text = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: %s is an operator's certificate number */
      cert = g_strdup_printf (_ ("certificate %s"),
                              op->cert_no && *op->cert_no ? op->cert_no : _ ("none"));
      /* Translators: %s is the expiry date of an operator's certificate */
      g_autofree char *expiry_date = rectify_format_date (op->cert_expiry);

      expiry = g_strdup_printf (_ ("expires %s"), *expiry_date ? expiry_date : _ ("not set"));
      /* Translators: %s is a masked resident ID number */
      id_text = masked ? g_strdup_printf (_ ("ID %s"), masked) : NULL;
      subtitle = g_strjoin (" · ", cert, expiry, id_text, NULL);
      add_detail_row (self, self->operators_group, op->name, subtitle);
    }
}

/* ---- the unit's history ------------------------------------------------------ */

static RectifyInspectionDialog *
open_inspection_dialog (RectifyUnitsPage *self, RectifyInspectionKind kind)
{
  RectifyInspectionDialog *dialog = rectify_inspection_dialog_new (self->store, self->shown_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  rectify_inspection_dialog_set_kind (dialog, kind);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_inspection_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (widget);

  if (self->store != NULL && self->can_edit && self->shown_id != 0)
    open_inspection_dialog (self, RECTIFY_INSPECTION_BUREAU);
}

/* A planned visit's row: doing it is recording the inspection. */
static void
on_visit_row_activated_cb (AdwActionRow *row, RectifyUnitsPage *self)
{
  gint64 *kind = g_object_get_data (G_OBJECT (row), "rectify-visit-kind");

  if (self->store == NULL || !self->can_edit || self->shown_id == 0 || kind == NULL)
    return;
  open_inspection_dialog (self, *kind == RECTIFY_VISIT_BACK_CHECK ? RECTIFY_INSPECTION_BACK_CHECK
                                                                  : RECTIFY_INSPECTION_BUREAU);
}

static void
on_plan_clicked_cb (GtkButton *button, RectifyUnitsPage *self)
{
  gint64 *hazard = g_object_get_data (G_OBJECT (button), "rectify-hazard");
  gint64 *kind = g_object_get_data (G_OBJECT (button), "rectify-visit-kind");
  RectifyVisitDialog *dialog;
  GtkRoot *root;

  if (self->store == NULL || !self->can_edit || hazard == NULL || kind == NULL)
    return;
  dialog = rectify_visit_dialog_new (self->store, *hazard, (RectifyVisitKind)*kind);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_int64_data (gpointer object, const char *key, gint64 value)
{
  gint64 *p = g_new (gint64, 1);

  *p = value;
  g_object_set_data_full (G_OBJECT (object), key, p, g_free);
}

static void
set_group_count (AdwPreferencesGroup *group, gint64 total, guint shown, const char *none)
{
  g_autofree char *text = NULL;

  if (total == 0)
    text = g_strdup (none);
  else if (total > shown)
    /* Translators: the newest of a unit's records are listed */
    text = g_strdup_printf (_ ("The newest %u of %u"), shown, (guint)total);
  adw_preferences_group_set_description (group, text);
}

/* Hazards: how they stand, with what can be planned for them. */
static void
fill_hazards (RectifyUnitsPage *self, gint64 unit_id, const char *today)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) hazards = NULL;
  g_autoptr (GPtrArray) categories = rectify_store_list_hazard_categories (self->store, NULL);
  g_autoptr (GError) error = NULL;
  gint64 total = 0;

  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  q.sort = "found_date";
  q.descending = TRUE;
  hazards = rectify_store_list_hazards (self->store, &q, &total, &error);
  if (hazards == NULL)
    {
      add_detail_row (self, self->hazards_group, _ ("Hazards unavailable"), error->message);
      return;
    }
  set_group_count (self->hazards_group, total, hazards->len, _ ("No hazards on record"));
  for (guint i = 0; i < hazards->len; i++)
    {
      RectifyHazard *h = g_ptr_array_index (hazards, i);
      const char *category = h->category;
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button = NULL;
      gboolean overdue = rectify_hazard_is_overdue (h, today);

      for (guint k = 0; categories && k < categories->len; k++)
        if (g_strcmp0 (((RectifyHazardCategory *)g_ptr_array_index (categories, k))->code,
                       h->category)
            == 0)
          category = rectify_hazard_category_label (g_ptr_array_index (categories, k));
      /* Translators: a hazard's number and its category */
      title = g_strdup_printf (_ ("No. %" PRId64 ": %s"), h->id, category);
      if (h->status == RECTIFY_HAZARD_CLOSED)
        /* Translators: %s is the date a hazard was closed */
        {
          g_autofree char *closed = rectify_format_date (h->closed_date);

          when = g_strdup_printf (_ ("closed %s"), closed);
        }
      else if (h->deadline != NULL && *h->deadline)
        {
          int days = rectify_date_diff (today, h->deadline);

          when = days >= 0 ? g_strdup_printf (
                     g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days)
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                           "%d days overdue", -days),
                                              -days);
        }
      else
        when = g_strdup (_ ("no deadline"));
      /* "closed on …" says the state already */
      subtitle = h->status == RECTIFY_HAZARD_CLOSED
                     ? g_strjoin (" · ", when, rectify_grade_to_label (h->grade),
                                  h->content && *h->content ? h->content : NULL, NULL)
                     : g_strjoin (" · ", rectify_hazard_status_to_label (h->status),
                                  rectify_grade_to_label (h->grade), when,
                                  h->content && *h->content ? h->content : NULL, NULL);
      row = add_detail_row (self, self->hazards_group, title, subtitle);
      if (self->can_edit && (h->status == RECTIFY_HAZARD_CLOSED || overdue))
        {
          gboolean back_check = h->status == RECTIFY_HAZARD_CLOSED;
          g_autofree char *name = NULL;

          button = gtk_button_new_with_mnemonic (back_check ? _ ("Schedule _Back-check…")
                                                            : _ ("Plan _Re-inspection…"));
          /* Translators: the action and the hazard's number, for screen readers */
          name = g_strdup_printf (back_check ? _ ("Schedule a back-check of hazard %" PRId64)
                                             : _ ("Plan a re-inspection of hazard %" PRId64),
                                  h->id);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          set_int64_data (button, "rectify-hazard", h->id);
          set_int64_data (button, "rectify-visit-kind",
                          back_check ? RECTIFY_VISIT_BACK_CHECK : RECTIFY_VISIT_RE_INSPECTION);
          g_signal_connect (button, "clicked", G_CALLBACK (on_plan_clicked_cb), self);
          /* the store plans no visit for a hazard of an archived campaign */
          gtk_widget_set_sensitive (button,
                                    rectify_archived_check (button, self->store, h->campaign_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      if (overdue)
        gtk_widget_add_css_class (row, "warning");
    }
}

static void
fill_history (RectifyUnitsPage *self, gint64 unit_id)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) inspections = NULL;
  g_autoptr (GPtrArray) visits = NULL;
  g_autoptr (GPtrArray) letters = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = rectify_today ();
  gint64 total = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->inspections_group), unit_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->hazards_group), unit_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->visits_group), unit_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->letters_group), unit_id != 0);
  if (unit_id == 0 || self->store == NULL)
    return;

  /* inspections, newest first */
  q.unit_id = unit_id;
  q.descending = TRUE;
  ids = rectify_store_query_inspection_ids (self->store, &q, &error);
  if (ids != NULL)
    inspections = rectify_store_get_inspections_by_ids (self->store, (gint64 *)ids->data,
                                                        MIN (ids->len, DETAIL_LIMIT), &error);
  if (inspections == NULL)
    {
      add_detail_row (self, self->inspections_group, _ ("Inspections unavailable"), error->message);
      g_clear_error (&error);
    }
  else
    {
      set_group_count (self->inspections_group, ids->len, inspections->len,
                       _ ("Not inspected yet"));
      for (guint i = 0; i < inspections->len; i++)
        {
          RectifyInspectionSummary *s = g_ptr_array_index (inspections, i);
          g_autofree char *date = rectify_format_date (s->date);
          g_autofree char *title
              = g_strdup_printf ("%s · %s", date, rectify_inspection_kind_to_label (s->kind));
          g_autofree char *found = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "%d hazard found", "%d hazards found", s->hazard_count),
              s->hazard_count);
          g_autofree char *checked
              = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d equipment check",
                                              "%d equipment checks", s->equipment_count),
                                 s->equipment_count);
          g_autofree char *subtitle
              = g_strjoin (" · ", *s->officer_names ? s->officer_names : _ ("no officers"), checked,
                           found, NULL);

          add_detail_row (self, self->inspections_group, title, subtitle);
        }
    }

  fill_hazards (self, unit_id, today);

  /* planned visits, the due ones first */
  q = (RectifyQuery)RECTIFY_QUERY_INIT;
  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  q.sort = "due_date";
  q.descending = TRUE;
  visits = rectify_store_list_visits (self->store, &q, &total, &error);
  if (visits == NULL)
    {
      add_detail_row (self, self->visits_group, _ ("Planned visits unavailable"), error->message);
      g_clear_error (&error);
    }
  else
    {
      set_group_count (self->visits_group, total, visits->len, _ ("Nothing planned"));
      for (guint i = 0; i < visits->len; i++)
        {
          RectifyScheduledVisit *v = g_ptr_array_index (visits, i);
          g_autofree char *state = rectify_visit_state_text (v);
          /* Translators: a planned visit's kind and its due date */
          g_autofree char *due = rectify_format_date (v->due_date);
          g_autofree char *title
              = g_strdup_printf (_ ("%s due %s"), rectify_visit_kind_to_label (v->kind), due);
          /* Translators: the hazard a visit is about */
          g_autofree char *hazard = g_strdup_printf (_ ("hazard No. %" PRId64), v->hazard_id);
          g_autofree char *subtitle
              = g_strjoin (" · ", state, hazard, *v->note ? v->note : NULL, NULL);
          GtkWidget *row = add_detail_row (self, self->visits_group, title, subtitle);

          if (v->done_inspection_id == 0 && self->can_edit)
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

              gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _ ("Record the visit"), -1);

              set_int64_data (row, "rectify-visit-kind", v->kind);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              gtk_widget_set_tooltip_text (row, _ ("Record the visit"));
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
              g_signal_connect (row, "activated", G_CALLBACK (on_visit_row_activated_cb), self);
            }
        }
    }

  /* letters */
  q = (RectifyQuery)RECTIFY_QUERY_INIT;
  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  q.sort = "issued_date";
  q.descending = TRUE;
  letters = rectify_store_list_documents (self->store, &q, &total, &error);
  if (letters == NULL)
    {
      add_detail_row (self, self->letters_group, _ ("Letters unavailable"), error->message);
      return;
    }
  set_group_count (self->letters_group, total, letters->len, _ ("No letters issued"));
  for (guint i = 0; i < letters->len; i++)
    {
      RectifyDocument *d = g_ptr_array_index (letters, i);
      g_autofree char *issued = rectify_format_date (d->issued_date);
      g_autofree char *subtitle
          = g_strjoin (" · ", rectify_document_kind_to_label (d->kind), issued,
                       rectify_document_status_to_label (d->status), NULL);

      add_detail_row (self, self->letters_group, d->number, subtitle);
    }
}

static void
set_form_editable (RectifyUnitsPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->fields[i].widget), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->crowded_switch), self->can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->can_edit);
  gtk_widget_set_visible (self->new_button, self->can_edit);
  gtk_widget_set_visible (self->delete_button, self->can_edit && !self->form_is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 self->can_edit && self->shown_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-inspection",
                                 self->can_edit && self->shown_id != 0);
  gtk_widget_set_visible (self->new_inspection_button, self->can_edit);
}

static void
fill_form (RectifyUnitsPage *self, const RectifyUnit *unit)
{
  clear_errors (self);
  set_text (self->name_row, unit ? unit->name : NULL);
  set_text (self->credit_code_row, unit ? unit->credit_code : NULL);
  set_text (self->address_row, unit ? unit->address : NULL);
  set_text (self->district_row, unit ? unit->district : NULL);
  set_text (self->industry_row, unit ? unit->industry : NULL);
  set_text (self->legal_rep_row, unit ? unit->legal_rep : NULL);
  set_text (self->safety_manager_row, unit ? unit->safety_manager : NULL);
  set_text (self->phone_row, unit ? unit->phone : NULL);
  gtk_switch_set_active (self->crowded_switch, unit ? unit->crowded : FALSE);
}

/* Shows the unit with this id in the form, or nothing for 0. */
static void
show_unit (RectifyUnitsPage *self, gint64 id)
{
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;

  self->form_is_new = FALSE;
  if (id != 0 && self->store != NULL)
    {
      unit = rectify_store_get_unit (self->store, id, &error);
      if (unit == NULL)
        g_debug ("Reading unit %" PRId64 " failed: %s", id, error->message);
    }
  self->shown_id = unit ? unit->id : 0;
  if (unit == NULL)
    {
      fill_details (self, 0);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      set_form_editable (self);
      return;
    }
  gtk_label_set_text (self->form_title_label, unit->name);
  gtk_button_set_label (self->save_button, _ ("_Save"));
  fill_form (self, unit);
  fill_details (self, unit->id);
  set_form_editable (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
}

static void
on_selection_changed_cb (RectifyUnitsPage *self)
{
  RectifyRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL)
    show_unit (self, rectify_row_get_id (row));
  else if (!self->form_is_new)
    show_unit (self, 0);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (widget);

  self->shown_id = 0;
  self->form_is_new = TRUE;
  rectify_list_page_select_id (self->selection, self->units, 0, on_selection_changed_cb, self);

  gtk_label_set_text (self->form_title_label, _ ("New Unit"));
  gtk_button_set_label (self->save_button, _ ("C_reate"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  fill_form (self, NULL);
  fill_details (self, 0);
  set_form_editable (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (widget);
  g_autoptr (RectifyUnit) unit = rectify_unit_new ();
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || !self->can_edit || (!self->form_is_new && self->shown_id == 0))
    return;

  unit->id = self->form_is_new ? 0 : self->shown_id;
  unit->name = get_text (self->name_row);
  unit->credit_code = get_text (self->credit_code_row);
  unit->address = get_text (self->address_row);
  unit->district = get_text (self->district_row);
  unit->industry = get_text (self->industry_row);
  unit->legal_rep = get_text (self->legal_rep_row);
  unit->safety_manager = get_text (self->safety_manager_row);
  unit->phone = get_text (self->phone_row);
  unit->crowded = gtk_switch_get_active (self->crowded_switch);

  clear_errors (self);
  if (rectify_list_page_save (self->store, unit, self->form_is_new,
                              (RectifyAddFunc)rectify_store_add_unit,
                              (RectifyUpdateFunc)rectify_store_update_unit, &error)
      == 0)
    {
      show_error (self, error);
      return;
    }

  /* The store's "changed" has refreshed the list; show what was saved. */
  self->form_is_new = FALSE;
  self->shown_id = unit->id;
  reselect (self);
  show_unit (self, unit->id);
}

static void
undo_delete (RectifyUnitsPage *self, const RectifyUnit *unit)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  /* The id is set: the unit comes back under the same id. */
  if (rectify_store_add_unit (self->store, unit, &error) == 0)
    {
      show_message (self, error->message, NULL);
      return;
    }
  rectify_units_page_select (self, unit->id);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (widget);
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || !self->can_edit || self->shown_id == 0)
    return;
  unit = rectify_store_get_unit (self->store, self->shown_id, &error);
  if (unit == NULL || !rectify_store_delete_unit (self->store, unit->id, &error))
    {
      show_message (self, error->message, NULL);
      return;
    }
  /* Translators: %s is the name of the deleted unit */
  message = g_strdup_printf (_ ("“%s” deleted"), unit->name);
  show_message (self, message, g_steal_pointer (&unit));
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- the store ----------------------------------------------------------- */

static void
on_units_changed_cb (RectifyStore *store, const char *entity, RectifyUnitsPage *self)
{
  g_signal_handlers_block_by_func (self->selection, on_selection_changed_cb, self);
  fill_filters (self);
  rectify_record_list_refresh (self->units);
  reselect (self);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed_cb, self);

  /* The shown unit is gone (deleted here or elsewhere). */
  if (self->shown_id != 0 && rectify_record_list_find (self->units, self->shown_id) < 0)
    {
      g_autoptr (RectifyUnit) unit = rectify_store_get_unit (self->store, self->shown_id, NULL);

      if (unit == NULL)
        show_unit (self, 0);
    }
}

static void
on_details_changed_cb (RectifyStore *store, const char *entity, RectifyUnitsPage *self)
{
  if (self->shown_id != 0)
    fill_details (self, self->shown_id);
}

static void
set_store (RectifyUnitsPage *self, RectifyStore *store)
{
  g_assert (self->store == NULL);

  if (store == NULL)
    return;
  self->store = g_object_ref (store);
  self->units
      = rectify_record_list_new (store, rectify_store_query_unit_ids,
                                 rectify_store_get_units_by_ids, (GDestroyNotify)rectify_unit_free);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->units));
  g_signal_connect_object (self->units, "notify::loading", G_CALLBACK (on_list_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::unit", G_CALLBACK (on_units_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::equipment", G_CALLBACK (on_details_changed_cb), self,
                           0);
  g_signal_connect_object (store, "changed::operator", G_CALLBACK (on_details_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::inspection", G_CALLBACK (on_details_changed_cb), self,
                           0);
  g_signal_connect_object (store, "changed::hazard", G_CALLBACK (on_details_changed_cb), self, 0);
  /* an archived campaign's hazards are planned no more visits */
  g_signal_connect_object (store, "changed::campaign", G_CALLBACK (on_details_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::visit", G_CALLBACK (on_details_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::document", G_CALLBACK (on_details_changed_cb), self, 0);
  fill_filters (self);
  apply_query (self);
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_units_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_UNITS_PAGE, "store", store, NULL);
}

RectifyStore *
rectify_units_page_get_store (RectifyUnitsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_UNITS_PAGE (self), NULL);
  return self->store;
}

gboolean
rectify_units_page_get_can_edit (RectifyUnitsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_UNITS_PAGE (self), FALSE);
  return self->can_edit;
}

void
rectify_units_page_set_can_edit (RectifyUnitsPage *self, gboolean can_edit)
{
  g_return_if_fail (RECTIFY_IS_UNITS_PAGE (self));

  can_edit = !!can_edit;
  if (self->can_edit == can_edit)
    return;
  self->can_edit = can_edit;
  if (!can_edit && self->form_is_new)
    show_unit (self, 0);
  set_form_editable (self);
  /* the history offers planning only to those who may */
  if (self->shown_id != 0 && self->store != NULL)
    fill_details (self, self->shown_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EDIT]);
}

GListModel *
rectify_units_page_get_model (RectifyUnitsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_UNITS_PAGE (self), NULL);
  return G_LIST_MODEL (self->units);
}

gint64
rectify_units_page_get_selected_id (RectifyUnitsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_UNITS_PAGE (self), 0);
  return self->shown_id;
}

void
rectify_units_page_select (RectifyUnitsPage *self, gint64 unit_id)
{
  gint64 position;

  g_return_if_fail (RECTIFY_IS_UNITS_PAGE (self));

  if (self->units == NULL)
    return;
  rectify_record_list_complete (self->units);
  position = rectify_record_list_find (self->units, unit_id);
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint)position);
      /* Already selected: show it again all the same. */
      if (self->shown_id != unit_id)
        show_unit (self, unit_id);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_units_page_dispose (GObject *object)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* Removing a sorted column changes the sorter: no queries from here on. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_UNITS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->units);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->banner_undo, rectify_unit_free);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->sort, g_free);

  G_OBJECT_CLASS (rectify_units_page_parent_class)->dispose (object);
}

static void
rectify_units_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_EDIT:
      g_value_set_boolean (value, self->can_edit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_units_page_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_CAN_EDIT:
      rectify_units_page_set_can_edit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = (RectifyUnitsPage *)widget;

  if (self->store != NULL)
    rectify_exchange_import (widget, self->store, RECTIFY_IMPORT_UNITS);
}

/* The list as it is shown: its search, filters and order. */
static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyUnitsPage *self = (RectifyUnitsPage *)widget;

  if (self->store != NULL && self->units != NULL)
    rectify_exchange_export (widget, self->store, RECTIFY_EXPORT_UNITS,
                             rectify_record_list_get_query (self->units));
}

static void
rectify_units_page_class_init (RectifyUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_units_page_dispose;
  object_class->get_property = rectify_units_page_get_property;
  object_class->set_property = rectify_units_page_set_property;

  rectify_list_page_install_properties (object_class, properties, N_PROPS, PROP_STORE,
                                        PROP_CAN_EDIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-units-page.ui");

  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, banner_undo_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, districts);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, industry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, industries);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, crowded_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, form_title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, form_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, industry_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, legal_rep_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, safety_manager_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, crowded_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, operators_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, inspections_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, new_inspection_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, hazards_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, visits_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, letters_group);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.new-inspection", NULL,
                                   new_inspection_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
rectify_units_page_init (RectifyUnitsPage *self)
{
  AdwEntryRow *rows[N_FIELDS];

  self->can_edit = TRUE;
  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  rows[FIELD_NAME] = self->name_row;
  rows[FIELD_CREDIT_CODE] = self->credit_code_row;
  rows[FIELD_ADDRESS] = self->address_row;
  rows[FIELD_DISTRICT] = self->district_row;
  rows[FIELD_INDUSTRY] = self->industry_row;
  rows[FIELD_LEGAL_REP] = self->legal_rep_row;
  rows[FIELD_SAFETY_MANAGER] = self->safety_manager_row;
  rows[FIELD_PHONE] = self->phone_row;
  /* An error row under each field, shown when the core names the field. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      rectify_form_row_init (&self->fields[i], field_names[i], GTK_WIDGET (rows[i]),
                             self->form_list);
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_field_changed_cb), self, 0);
    }

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);

  /* The name takes what the list has left (expand); the other columns hold
   * short values and keep the width they need (fixed_width), so a narrow
   * list cuts names last. */
  rectify_record_list_view_add_column (self->column_view, _ ("Name"), "name", unit_name, self, TRUE,
                                       220);
  /* 18 characters fit */
  rectify_record_list_view_add_column (self->column_view, _ ("Credit Code"), "credit_code",
                                       unit_credit_code, self, FALSE, 175);
  rectify_record_list_view_add_column (self->column_view, _ ("District"), "district", unit_district,
                                       self, FALSE, 80);
  rectify_record_list_view_add_column (self->column_view, _ ("Industry"), "industry", unit_industry,
                                       self, FALSE, 80);
  rectify_record_list_view_add_column (self->column_view, _ ("Crowded Place"), "crowded",
                                       unit_crowded, self, FALSE, 115);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);

  g_signal_connect_swapped (self->district_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->industry_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);

  rectify_a11y_name_dropdown_button (self->district_dropdown, _ ("District filter"));
  rectify_a11y_name_dropdown_button (self->industry_dropdown, _ ("Industry filter"));

  self->settings = rectify_pane_position_settings ("units-pane-position");
  if (self->settings != NULL)
    rectify_pane_position_bind (self->paned, self->settings, "units-pane-position", 0.6);

  fill_filters (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  set_form_editable (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
