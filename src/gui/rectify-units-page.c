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
  RectifyListPage parent_instance;

  GSettings *settings;
  gboolean form_is_new;
  gboolean updating_filters;
  gboolean history_can_edit; /* the history was filled for one who may edit */
  RectifyFormRow fields[N_FIELDS];
  GPtrArray *detail_rows; /* rows added to the two groups */

  GtkPaned *paned;
  GtkDropDown *district_dropdown;
  GtkStringList *districts;
  GtkDropDown *industry_dropdown;
  GtkStringList *industries;
  GtkToggleButton *crowded_toggle;
  GtkWidget *new_button;
  GtkColumnView *column_view; /* the page's */
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

G_DEFINE_FINAL_TYPE (RectifyUnitsPage, rectify_units_page, RECTIFY_TYPE_LIST_PAGE)

#define STORE(self) rectify_list_page_get_store (RECTIFY_LIST_PAGE (self))
#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))
#define SHOWN_ID(self) rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (self))

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
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", n), number);
}

static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);

  q->district = dropdown_value (self->district_dropdown);
  q->industry = dropdown_value (self->industry_dropdown);
  q->crowded = gtk_toggle_button_get_active (self->crowded_toggle) ? 1 : -1;
}

static void
on_filter_changed_cb (RectifyUnitsPage *self)
{
  if (!self->updating_filters)
    rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
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

  if (STORE (self) != NULL)
    values = rectify_store_list_unit_values (STORE (self), field, &error);
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
  self->history_can_edit = CAN_EDIT (self);
  gtk_widget_set_visible (GTK_WIDGET (self->equipment_group), unit_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->operators_group), unit_id != 0);
  fill_history (self, unit_id);
  if (unit_id == 0)
    return;

  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  equipment = rectify_store_list_equipment (STORE (self), &q, &total, &error);
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

  operators = rectify_store_list_operators (STORE (self), &q, &total, &error);
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
  RectifyInspectionDialog *dialog = rectify_inspection_dialog_new (STORE (self), SHOWN_ID (self));
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

  if (STORE (self) != NULL && CAN_EDIT (self) && SHOWN_ID (self) != 0)
    open_inspection_dialog (self, RECTIFY_INSPECTION_BUREAU);
}

/* A planned visit's row: doing it is recording the inspection. */
static void
on_visit_row_activated_cb (AdwActionRow *row, RectifyUnitsPage *self)
{
  gint64 *kind = g_object_get_data (G_OBJECT (row), "rectify-visit-kind");

  if (STORE (self) == NULL || !CAN_EDIT (self) || SHOWN_ID (self) == 0 || kind == NULL)
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

  if (STORE (self) == NULL || !CAN_EDIT (self) || hazard == NULL || kind == NULL)
    return;
  dialog = rectify_visit_dialog_new (STORE (self), *hazard, (RectifyVisitKind)*kind);
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
  g_autoptr (GPtrArray) categories = rectify_store_list_hazard_categories (STORE (self), NULL);
  g_autoptr (GError) error = NULL;
  gint64 total = 0;

  q.unit_id = unit_id;
  q.limit = DETAIL_LIMIT;
  q.sort = "found_date";
  q.descending = TRUE;
  hazards = rectify_store_list_hazards (STORE (self), &q, &total, &error);
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
      else
        when = rectify_days_left_text (today, h->deadline, NULL);
      /* "closed on …" says the state already */
      subtitle = h->status == RECTIFY_HAZARD_CLOSED
                     ? g_strjoin (" · ", when, rectify_grade_to_label (h->grade),
                                  h->content && *h->content ? h->content : NULL, NULL)
                     : g_strjoin (" · ", rectify_hazard_status_to_label (h->status),
                                  rectify_grade_to_label (h->grade), when,
                                  h->content && *h->content ? h->content : NULL, NULL);
      row = add_detail_row (self, self->hazards_group, title, subtitle);
      if (CAN_EDIT (self) && (h->status == RECTIFY_HAZARD_CLOSED || overdue))
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
                                    rectify_archived_check (button, STORE (self), h->campaign_id));
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
  if (unit_id == 0 || STORE (self) == NULL)
    return;

  /* inspections, newest first */
  q.unit_id = unit_id;
  q.descending = TRUE;
  ids = rectify_store_query_inspection_ids (STORE (self), &q, &error);
  if (ids != NULL)
    inspections = rectify_store_get_inspections_by_ids (STORE (self), (gint64 *)ids->data,
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
  visits = rectify_store_list_visits (STORE (self), &q, &total, &error);
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

          if (v->done_inspection_id == 0 && CAN_EDIT (self))
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
  letters = rectify_store_list_documents (STORE (self), &q, &total, &error);
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
  gboolean can_edit = CAN_EDIT (self);

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->fields[i].widget), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->crowded_switch), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), can_edit);
  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_set_visible (self->delete_button, can_edit && !self->form_is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-inspection",
                                 can_edit && SHOWN_ID (self) != 0);
  gtk_widget_set_visible (self->new_inspection_button, can_edit);
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
static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;

  self->form_is_new = FALSE;
  if (id != 0)
    {
      unit = rectify_store_get_unit (STORE (self), id, &error);
      if (unit == NULL)
        g_debug ("Reading unit %" PRId64 " failed: %s", id, error->message);
    }
  if (unit == NULL)
    {
      fill_details (self, 0);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return id == 0;
    }
  gtk_label_set_text (self->form_title_label, unit->name);
  gtk_button_set_label (self->save_button, _ ("_Save"));
  fill_form (self, unit);
  fill_details (self, unit->id);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  return TRUE;
}

static gboolean
new_record (RectifyListPage *page)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);

  self->form_is_new = TRUE;
  gtk_label_set_text (self->form_title_label, _ ("New Unit"));
  gtk_button_set_label (self->save_button, _ ("C_reate"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  fill_form (self, NULL);
  fill_details (self, 0);
  set_form_editable (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return TRUE;
}

static gint64
save_record (RectifyListPage *page, const char **saved_message)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);
  g_autoptr (RectifyUnit) unit = rectify_unit_new ();
  g_autoptr (GError) error = NULL;

  if (!self->form_is_new && SHOWN_ID (self) == 0)
    return 0;

  unit->id = self->form_is_new ? 0 : SHOWN_ID (self);
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
  if (rectify_list_page_save (STORE (self), unit, self->form_is_new,
                              (RectifyAddFunc)rectify_store_add_unit,
                              (RectifyUpdateFunc)rectify_store_update_unit, &error)
      == 0)
    {
      show_error (self, error);
      return 0;
    }
  return unit->id;
}

/* The id is set: the unit comes back under the same id. */
static gint64
restore_record (RectifyListPage *page, gconstpointer kept, GError **error)
{
  return rectify_store_add_unit (STORE (page), kept, error);
}

static gpointer
delete_record (RectifyListPage *page, gint64 id, char **message, GError **error)
{
  g_autoptr (RectifyUnit) unit = rectify_store_get_unit (STORE (page), id, error);

  if (unit == NULL || !rectify_store_delete_unit (STORE (page), unit->id, error))
    return NULL;
  /* Translators: %s is the name of the deleted unit */
  *message = g_strdup_printf (_ ("“%s” deleted"), unit->name);
  return g_steal_pointer (&unit);
}

/* ---- the store ----------------------------------------------------------- */

static const char *const history_entities[]
    = { "equipment", "operator", "inspection", "hazard", "campaign", "visit", "document", NULL };

static void
store_changed (RectifyListPage *page, const char *entity)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);
  gint64 id = SHOWN_ID (self);

  if (g_strcmp0 (entity, "unit") == 0)
    {
      fill_filters (self);
      /* The shown unit is gone (deleted here or elsewhere). */
      if (id != 0 && rectify_record_list_find (rectify_list_page_get_list (page), id) < 0)
        {
          g_autoptr (RectifyUnit) unit = rectify_store_get_unit (STORE (self), id, NULL);

          if (unit == NULL)
            rectify_list_page_select (page, 0);
        }
      return;
    }
  /* what the unit's history shows; an archived campaign's hazards are
   * planned no more visits */
  if (id != 0 && g_strv_contains (history_entities, entity))
    fill_details (self, id);
}

static void
update_editable (RectifyListPage *page)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (page);

  if (!CAN_EDIT (self) && self->form_is_new)
    rectify_list_page_select (page, 0);
  set_form_editable (self);
  /* the history offers planning only to those who may */
  if (SHOWN_ID (self) != 0 && self->history_can_edit != CAN_EDIT (self))
    fill_details (self, SHOWN_ID (self));
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_units_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_UNITS_PAGE, "store", store, NULL);
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_units_page_dispose (GObject *object)
{
  RectifyUnitsPage *self = RECTIFY_UNITS_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_units_page_parent_class)->dispose (object);
}

static void
rectify_units_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (rectify_units_page_parent_class)->constructed (object);
  fill_filters (RECTIFY_UNITS_PAGE (object));
}

static const char *const unit_entities[] = { "unit", NULL };

static void
rectify_units_page_class_init (RectifyUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->constructed = rectify_units_page_constructed;
  object_class->dispose = rectify_units_page_dispose;

  page_class->query_ids = rectify_store_query_unit_ids;
  page_class->fetch = rectify_store_get_units_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_unit_free;
  page_class->entities = unit_entities;
  page_class->count_text = count_text;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->save_record = save_record;
  page_class->delete_record = delete_record;
  page_class->restore_record = restore_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_UNITS;
  page_class->imports = TRUE;
  page_class->import_kind = RECTIFY_IMPORT_UNITS;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-units-page.ui");

  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, districts);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, industry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, industries);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, crowded_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyUnitsPage, new_button);
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
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new-inspection", NULL,
                                   new_inspection_action);
}

static void
rectify_units_page_init (RectifyUnitsPage *self)
{
  AdwEntryRow *rows[N_FIELDS];

  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));

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

  g_signal_connect_swapped (self->district_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->industry_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);

  rectify_a11y_name_dropdown_button (self->district_dropdown, _ ("District filter"));
  rectify_a11y_name_dropdown_button (self->industry_dropdown, _ ("Industry filter"));

  self->settings = rectify_pane_position_settings ("units-pane-position");
  if (self->settings != NULL)
    rectify_pane_position_bind (self->paned, self->settings, "units-pane-position", 0.6);

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  set_form_editable (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
