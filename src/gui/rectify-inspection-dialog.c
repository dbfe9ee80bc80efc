/* rectify-inspection-dialog.c: recording an inspection visit, then the hazards its failed items
 * propose SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-date-row.h"
#include "rectify-form-field.h"
#include "rectify-hazard-dialog.h"
#include "rectify-inspection-dialog.h"
#include "rectify-inspection-query.h"
#include "rectify-validate.h"

/* Search results shown under the unit search; the index finds the rest. */
#define UNIT_RESULTS 8
/* A unit's equipment offered for checking. */
#define EQUIPMENT_LIMIT 500

enum
{
  FIELD_KIND,
  FIELD_CAMPAIGN,
  FIELD_DATE,
  FIELD_UNIT,
  FIELD_OFFICERS,
  FIELD_EQUIPMENT,
  FIELD_CHECKLIST,
  FIELD_REMARK,
  FIELD_NOTE,
  N_FIELDS
};

/* One item of the checklist in the form. */
typedef struct
{
  GtkToggleButton *results[RECTIFY_N_RESULTS];
  AdwEntryRow *remark;
} CheckRow;

struct _RectifyInspectionDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 unit_id;
  gint64 inspection_id;        /* after saving */
  gint64 editing_id;           /* the stored visit corrected, 0 = a new one */
  GArray *campaign_ids;        /* gint64 per combo position, 0 = none */
  GPtrArray *officer_checks;   /* GtkCheckButton with "rectify-id" */
  GPtrArray *equipment_checks; /* GtkCheckButton with "rectify-id" and maybe "rectify-spin" */
  GPtrArray *group_rows;       /* rows added to officers/equipment groups */
  CheckRow checks[RECTIFY_N_CHECK_ITEMS];
  RectifyFormField fields[N_FIELDS];

  GtkStack *stack;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkWidget *done_button;
  GtkLabel *general_error_label;
  AdwComboRow *kind_row;
  AdwComboRow *campaign_row;
  RectifyDateRow *date_row;
  GtkLabel *visit_error_label;
  AdwPreferencesGroup *unit_group;
  AdwActionRow *unit_row;
  GtkSearchEntry *unit_search;
  GtkListBox *unit_results;
  GtkLabel *unit_error_label;
  AdwPreferencesGroup *officers_group;
  GtkLabel *officers_error_label;
  AdwPreferencesGroup *equipment_group;
  GtkLabel *equipment_error_label;
  AdwPreferencesGroup *checklist_group;
  GtkLabel *checklist_error_label;
  AdwEntryRow *note_row;
  GtkLabel *note_error_label;
  GtkLabel *saved_label;
  AdwPreferencesGroup *proposals_group;
};

G_DEFINE_FINAL_TYPE (RectifyInspectionDialog, rectify_inspection_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
widget_id (gpointer widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "rectify-id");

  return id ? *id : 0;
}

static void
set_widget_id (gpointer widget, gint64 value)
{
  gint64 *id = g_new (gint64, 1);

  *id = value;
  g_object_set_data_full (G_OBJECT (widget), "rectify-id", id, g_free);
}

static RectifyInspectionKind
selected_kind (RectifyInspectionDialog *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return kind < RECTIFY_N_INSPECTION_KINDS ? (RectifyInspectionKind)kind
                                           : RECTIFY_INSPECTION_BUREAU;
}

/* ---- officers -------------------------------------------------------------- */

static void
update_officers_description (RectifyInspectionDialog *self)
{
  adw_preferences_group_set_description (
      self->officers_group, selected_kind (self) == RECTIFY_INSPECTION_SELF
                                ? _ ("An enterprise self-inspection needs no officers.")
                                : _ ("Law enforcement needs at least two officers."));
}

static void
on_officer_toggled_cb (GtkCheckButton *check, RectifyInspectionDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->officers_group));
}

static void
add_check_row (RectifyInspectionDialog *self,
               AdwPreferencesGroup *group,
               GPtrArray *checks,
               gint64 id,
               const char *title,
               const char *subtitle,
               GtkWidget *suffix,
               gboolean active,
               GCallback toggled)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  set_widget_id (check, id);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", toggled, self);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The check is named by its row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (suffix != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      g_object_set_data (G_OBJECT (check), "rectify-spin", suffix);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
  g_ptr_array_add (self->group_rows, row);
}

static void
load_officers (RectifyInspectionDialog *self)
{
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GError) error = NULL;

  officers = rectify_store_list_officers (self->store, &error);
  if (officers == NULL)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  for (guint i = 0; i < officers->len; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (officers, i);

      if (!o->active)
        continue;
      add_check_row (self, self->officers_group, self->officer_checks, o->id, o->name, o->badge,
                     NULL, o->id == rectify_store_get_actor (self->store),
                     G_CALLBACK (on_officer_toggled_cb));
    }
  if (self->officer_checks->len == 0)
    adw_preferences_group_set_description (
        self->officers_group, _ ("No active officers yet: add them on the Officers page."));
}

/* ---- equipment ------------------------------------------------------------- */

static void
on_equipment_toggled_cb (GtkCheckButton *check, RectifyInspectionDialog *self)
{
  GtkWidget *spin = g_object_get_data (G_OBJECT (check), "rectify-spin");

  if (spin != NULL)
    gtk_widget_set_sensitive (spin, gtk_check_button_get_active (check));
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->equipment_group));
}

static void
clear_equipment (RectifyInspectionDialog *self)
{
  for (guint i = 0; i < self->group_rows->len;)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)
          == GTK_WIDGET (self->equipment_group))
        {
          adw_preferences_group_remove (self->equipment_group, row);
          g_ptr_array_remove_index (self->group_rows, i);
        }
      else
        i++;
    }
  g_ptr_array_set_size (self->equipment_checks, 0);
}

static GtkCheckButton *
add_equipment_row (RectifyInspectionDialog *self, const RectifyEquipment *e)
{
  g_autofree char *subtitle = g_strjoin (" · ", rectify_category_to_label (e->category),
                                         rectify_equipment_status_to_label (e->status),
                                         e->location && *e->location ? e->location : NULL, NULL);
  GtkWidget *spin = NULL;

  if (e->quantity > 1)
    {
      g_autofree char *label = NULL;

      spin = gtk_spin_button_new_with_range (1, e->quantity, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), e->quantity);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (spin, FALSE);
      /* Translators: %s names a batch of gas cylinders */
      label = g_strdup_printf (_ ("Cylinders checked of %s"),
                               e->code && *e->code ? e->code : subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  add_check_row (self, self->equipment_group, self->equipment_checks, e->id,
                 e->code && *e->code ? e->code : rectify_category_to_label (e->category), subtitle,
                 spin, FALSE, G_CALLBACK (on_equipment_toggled_cb));
  return g_ptr_array_index (self->equipment_checks, self->equipment_checks->len - 1);
}

static void
load_equipment (RectifyInspectionDialog *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 total = 0;

  clear_equipment (self);
  if (self->unit_id == 0)
    {
      adw_preferences_group_set_description (self->equipment_group, _ ("Choose the unit first."));
      return;
    }
  q.unit_id = self->unit_id;
  q.limit = EQUIPMENT_LIMIT;
  items = rectify_store_list_equipment (self->store, &q, &total, &error);
  if (items == NULL)
    {
      adw_preferences_group_set_description (self->equipment_group, error->message);
      return;
    }
  if (total == 0)
    adw_preferences_group_set_description (self->equipment_group,
                                           _ ("The unit has no equipment on record."));
  else if (total > EQUIPMENT_LIMIT)
    /* Translators: %d is how many of the unit's items are offered */
    {
      g_autofree char *text
          = g_strdup_printf (_ ("The first %d items of the unit are offered."), EQUIPMENT_LIMIT);
      adw_preferences_group_set_description (self->equipment_group, text);
    }
  else
    adw_preferences_group_set_description (
        self->equipment_group, _ ("Tick what was checked; gas cylinders count by quantity."));
  for (guint i = 0; i < items->len; i++)
    add_equipment_row (self, g_ptr_array_index (items, i));
}

/* ---- the unit -------------------------------------------------------------- */

static void
set_unit (RectifyInspectionDialog *self, gint64 unit_id)
{
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;

  if (unit_id != 0)
    unit = rectify_store_get_unit (self->store, unit_id, &error);
  self->unit_id = unit ? unit->id : 0;
  if (unit != NULL)
    {
      g_autofree char *subtitle = g_strjoin (" · ", unit->name, unit->credit_code, NULL);
      adw_action_row_set_subtitle (self->unit_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->unit_row, _ ("None chosen: search below"));
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->unit_row));
  load_equipment (self);
}

static void
clear_results (RectifyInspectionDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_results))) != NULL)
    gtk_list_box_remove (self->unit_results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_results), FALSE);
}

static void
on_unit_search_changed_cb (RectifyInspectionDialog *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->unit_search));

  clear_results (self);
  if (*text == '\0')
    return;
  q.search = text;
  q.limit = UNIT_RESULTS;
  units = rectify_store_list_units (self->store, &q, NULL, &error);
  if (units == NULL)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    {
      RectifyUnit *u = g_ptr_array_index (units, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strjoin (
          " · ", u->credit_code, u->district && *u->district ? u->district : NULL, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), u->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      set_widget_id (row, u->id);
      gtk_list_box_append (self->unit_results, row);
    }
  if (units->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No unit matches"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->unit_results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_results), TRUE);
}

static void
on_unit_result_activated_cb (GtkListBox *box, GtkListBoxRow *row, RectifyInspectionDialog *self)
{
  gint64 id = widget_id (row);

  if (id == 0)
    return;
  set_unit (self, id);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
  clear_results (self);
}

/* ---- the checklist --------------------------------------------------------- */

static void
on_result_toggled_cb (GtkToggleButton *button, RectifyInspectionDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->checklist_group));
}

static void
build_checklist (RectifyInspectionDialog *self)
{
  static const char *const sections[RECTIFY_N_CHECK_ITEMS] = {
    N_ ("Three implementations"),
    N_ ("Three implementations"),
    N_ ("Three implementations"),
    N_ ("Two certificates"),
    N_ ("Two certificates"),
    N_ ("One test"),
    N_ ("One plan"),
    N_ ("One plan"),
  };
  static const char *const result_names[RECTIFY_N_RESULTS]
      = { N_ ("Pass"), N_ ("Fail"), N_ ("N/A") };

  for (guint item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
    {
      CheckRow *c = &self->checks[item];
      const char *label = rectify_check_item_to_label (item);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *remark = adw_entry_row_new ();
      g_autofree char *remark_name = NULL;

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint r = 0; r < RECTIFY_N_RESULTS; r++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (_ (result_names[r]));
          /* Translators: a checklist answer and the item it answers, e.g. "Fail: Operator licences"
           */
          g_autofree char *name
              = g_strdup_printf (_ ("%s: %s"), rectify_check_result_to_label (r), label);
          g_autofree char *widget_name = g_strdup_printf (
              "check-%s-%s", rectify_check_item_to_code (item), rectify_check_result_to_code (r));

          gtk_widget_set_name (button, widget_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          if (r > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), c->results[0]);
          g_signal_connect (button, "toggled", G_CALLBACK (on_result_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), button);
          c->results[r] = GTK_TOGGLE_BUTTON (button);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ (sections[item]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->checklist_group, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remark), _ ("Remark"));
      /* Translators: %s is a checklist item */
      remark_name = g_strdup_printf (_ ("Remark on %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remark_name, -1);
      gtk_widget_set_name (remark, rectify_check_item_to_code (item));
      adw_preferences_group_add (self->checklist_group, remark);
      c->remark = ADW_ENTRY_ROW (remark);
    }
}

static int
check_result (RectifyInspectionDialog *self, guint item)
{
  for (guint r = 0; r < RECTIFY_N_RESULTS; r++)
    if (gtk_toggle_button_get_active (self->checks[item].results[r]))
      return (int)r;
  return -1;
}

/* ---- the proposals after saving ---------------------------------------------- */

static void
on_hazard_registered_cb (RectifyHazardDialog *dialog, gint64 hazard_id, GtkWidget *row)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "rectify-button");
  /* Translators: the number of the registered hazard */
  g_autofree char *text = g_strdup_printf (_ ("Registered as hazard %" PRId64), hazard_id);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  if (button != NULL)
    gtk_widget_set_sensitive (button, FALSE);
}

static void
open_hazard_dialog (RectifyInspectionDialog *self,
                    const char *category,
                    const char *content,
                    GtkWidget *row)
{
  RectifyHazardDialog *dialog
      = rectify_hazard_dialog_new (self->store, self->unit_id, self->inspection_id, category, 0);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  if (content != NULL)
    rectify_hazard_dialog_set_content (dialog, content);
  if (row != NULL)
    g_signal_connect_object (dialog, "registered", G_CALLBACK (on_hazard_registered_cb), row, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_propose_clicked_cb (GtkButton *button, RectifyInspectionDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  open_hazard_dialog (self, g_object_get_data (G_OBJECT (row), "rectify-category"),
                      g_object_get_data (G_OBJECT (row), "rectify-content"), row);
}

static void
register_other_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionDialog *self = RECTIFY_INSPECTION_DIALOG (widget);

  if (self->inspection_id != 0)
    open_hazard_dialog (self, NULL, NULL, NULL);
}

static void
show_proposals (RectifyInspectionDialog *self, const RectifyInspection *in)
{
  g_autoptr (GPtrArray) categories = rectify_store_list_hazard_categories (self->store, NULL);
  guint n_failed = 0;
  g_autofree char *saved = NULL;

  for (guint i = 0; i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      const char *code = rectify_check_item_hazard_category (c->item);
      const char *category_label = code;
      g_autofree char *subtitle = NULL;
      g_autofree char *content = NULL;
      g_autofree char *button_name = NULL;
      GtkWidget *row, *button;

      if (c->result != RECTIFY_RESULT_FAIL)
        continue;
      n_failed++;
      for (guint k = 0; categories && k < categories->len; k++)
        {
          RectifyHazardCategory *hc = g_ptr_array_index (categories, k);
          if (g_strcmp0 (hc->code, code) == 0)
            category_label = rectify_hazard_category_label (hc);
        }
      /* Translators: %s is a hazard category */
      subtitle = g_strdup_printf (_ ("Proposed: %s"), category_label);
      content
          = c->remark && *c->remark
                ? g_strdup_printf (_ ("%s: %s"), rectify_check_item_to_label (c->item), c->remark)
                : g_strdup (rectify_check_item_to_label (c->item));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rectify_check_item_to_label (c->item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "rectify-category", g_strdup (code), g_free);
      g_object_set_data_full (G_OBJECT (row), "rectify-content", g_steal_pointer (&content),
                              g_free);
      button = gtk_button_new_with_mnemonic (_ ("_Register…"));
      /* Translators: %s is a failed checklist item */
      button_name
          = g_strdup_printf (_ ("Register a hazard for %s"), rectify_check_item_to_label (c->item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_propose_clicked_cb), self);
      g_object_set_data (G_OBJECT (row), "rectify-button", button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->proposals_group, row);
    }
  adw_preferences_group_set_description (
      self->proposals_group,
      n_failed > 0 ? _ (
          "Each failed checklist item proposes a hazard of its category; register the ones found.")
                   : _ ("No checklist item failed."));
  /* Translators: %s is the name of the unit inspected */
  saved
      = g_strdup_printf (_ ("The inspection of %s is saved."), in->unit_name ? in->unit_name : "");
  gtk_label_set_text (self->saved_label, saved);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_set_visible (self->done_button, TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Inspection Saved"));
  gtk_stack_set_visible_child_name (self->stack, "proposals");
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->proposals_group));
}

/* ---- saving ------------------------------------------------------------------ */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionDialog *self = RECTIFY_INSPECTION_DIALOG (widget);
  g_autoptr (RectifyInspection) in = rectify_inspection_new ();
  g_autoptr (RectifyInspection) saved = NULL;
  g_autoptr (GError) error = NULL;
  guint campaign = adw_combo_row_get_selected (self->campaign_row);

  if (self->inspection_id != 0)
    return;
  rectify_form_clear_errors (self->fields, N_FIELDS, self->general_error_label);
  if (self->unit_id == 0)
    {
      g_set_error (&error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Unit: search for the unit inspected and choose it"));
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  in->unit_id = self->unit_id;
  in->kind = selected_kind (self);
  in->campaign_id = campaign < self->campaign_ids->len
                        ? g_array_index (self->campaign_ids, gint64, campaign)
                        : 0;
  in->date = rectify_date_row_get_date (self->date_row);
  in->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  for (guint i = 0; i < self->officer_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->officer_checks, i);

      if (gtk_check_button_get_active (check))
        {
          gint64 id = widget_id (check);
          g_array_append_val (in->officer_ids, id);
        }
    }
  for (guint i = 0; i < self->equipment_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->equipment_checks, i);
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (check), "rectify-spin");

      if (gtk_check_button_get_active (check))
        {
          RectifyCheckedEquipment ce = { widget_id (check), 1 };

          if (spin != NULL)
            {
              gtk_spin_button_update (spin);
              ce.quantity = gtk_spin_button_get_value_as_int (spin);
            }
          g_array_append_val (in->equipment, ce);
        }
    }
  for (guint item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
    {
      int result = check_result (self, item);
      const char *remark = gtk_editable_get_text (GTK_EDITABLE (self->checks[item].remark));

      if (result < 0 && *remark == '\0')
        continue;
      if (result < 0)
        {
          g_set_error (
              &error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
              _ ("Checklist: “%s” has a remark but no result; choose pass, fail or not applicable"),
              rectify_check_item_to_label (item));
          rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
          return;
        }
      {
        RectifyCheck c = { item, result, g_strdup (remark) };
        g_array_append_val (in->checks, c);
      }
    }

  /* A correction: one update, then the form closes. */
  if (self->editing_id != 0)
    {
      in->id = self->editing_id;
      if (!rectify_store_update_inspection (self->store, in, &error))
        {
          rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
          return;
        }
      self->inspection_id = self->editing_id;
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->inspection_id);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* The whole visit in one transaction. */
  self->inspection_id = rectify_store_add_inspection (self->store, in, &error);
  if (self->inspection_id == 0)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->inspection_id);
  saved = rectify_store_get_inspection (self->store, self->inspection_id, NULL);
  /* remarks as the form had them, unit name as stored */
  if (saved != NULL)
    {
      g_free (in->unit_name);
      in->unit_name = g_strdup (saved->unit_name);
    }
  show_proposals (self, in);
}

/* ---- set-up -------------------------------------------------------------------- */

static void
on_kind_changed_cb (RectifyInspectionDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->kind_row));
  rectify_form_clear_field (self->fields, N_FIELDS, GTK_WIDGET (self->officers_group));
  update_officers_description (self);
}

static void
on_field_changed_cb (GtkWidget *widget, RectifyInspectionDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, widget);
}

static void
load_campaigns (RectifyInspectionDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = rectify_today ();
  guint selected = 0;
  gint64 none = 0;

  gtk_string_list_append (names, _ ("None"));
  g_array_append_val (self->campaign_ids, none);
  campaigns = rectify_store_list_campaigns (self->store, &error);
  for (guint i = 0; campaigns && i < campaigns->len; i++)
    {
      RectifyCampaign *c = g_ptr_array_index (campaigns, i);
      g_autofree char *end = rectify_campaign_end_date (c);

      if (c->status != RECTIFY_CAMPAIGN_ACTIVE)
        continue;
      /* A campaign under way today is the likely one. */
      if (selected == 0 && strcmp (c->start_date, today) <= 0 && strcmp (today, end) <= 0)
        selected = self->campaign_ids->len;
      gtk_string_list_append (names, c->name);
      g_array_append_val (self->campaign_ids, c->id);
    }
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->campaign_row, selected);
}

static void
rectify_inspection_dialog_dispose (GObject *object)
{
  RectifyInspectionDialog *self = RECTIFY_INSPECTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_INSPECTION_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_inspection_dialog_parent_class)->dispose (object);
}

static void
rectify_inspection_dialog_finalize (GObject *object)
{
  RectifyInspectionDialog *self = RECTIFY_INSPECTION_DIALOG (object);

  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->officer_checks, g_ptr_array_unref);
  g_clear_pointer (&self->equipment_checks, g_ptr_array_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_inspection_dialog_parent_class)->finalize (object);
}

static void
rectify_inspection_dialog_class_init (RectifyInspectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_inspection_dialog_dispose;
  object_class->finalize = rectify_inspection_dialog_finalize;

  /**
   * RectifyInspectionDialog::saved:
   * @id: the new inspection's id
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-inspection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, visit_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, unit_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, unit_search);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, unit_results);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, unit_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, officers_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog,
                                        officers_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, equipment_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog,
                                        equipment_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog,
                                        checklist_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, saved_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionDialog, proposals_group);

  gtk_widget_class_install_action (widget_class, "inspection.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "inspection.register-other", NULL,
                                   register_other_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_inspection_dialog_init (RectifyInspectionDialog *self)
{
  /* The names the core gives the fields in its messages. */
  static const char *const names[N_FIELDS] = {
    [FIELD_KIND] = N_ ("Kind"),
    [FIELD_CAMPAIGN] = N_ ("Campaign"),
    [FIELD_DATE] = N_ ("Date"),
    [FIELD_UNIT] = N_ ("Unit"),
    [FIELD_OFFICERS] = N_ ("Officers present"),
    [FIELD_EQUIPMENT] = N_ ("Equipment checked"),
    [FIELD_CHECKLIST] = N_ ("Checklist"),
    [FIELD_REMARK] = N_ ("Checklist remark"),
    [FIELD_NOTE] = N_ ("Note"),
  };
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->officer_checks = g_ptr_array_new ();
  self->equipment_checks = g_ptr_array_new ();
  self->group_rows = g_ptr_array_new ();

  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].name = names[i];
  self->fields[FIELD_KIND].widget = GTK_WIDGET (self->kind_row);
  self->fields[FIELD_KIND].label = self->visit_error_label;
  self->fields[FIELD_CAMPAIGN].widget = GTK_WIDGET (self->campaign_row);
  self->fields[FIELD_CAMPAIGN].label = self->visit_error_label;
  self->fields[FIELD_DATE].widget = GTK_WIDGET (self->date_row);
  self->fields[FIELD_DATE].label = self->visit_error_label;
  self->fields[FIELD_UNIT].widget = GTK_WIDGET (self->unit_row);
  self->fields[FIELD_UNIT].label = self->unit_error_label;
  self->fields[FIELD_OFFICERS].widget = GTK_WIDGET (self->officers_group);
  self->fields[FIELD_OFFICERS].label = self->officers_error_label;
  self->fields[FIELD_EQUIPMENT].widget = GTK_WIDGET (self->equipment_group);
  self->fields[FIELD_EQUIPMENT].label = self->equipment_error_label;
  self->fields[FIELD_CHECKLIST].widget = GTK_WIDGET (self->checklist_group);
  self->fields[FIELD_CHECKLIST].label = self->checklist_error_label;
  self->fields[FIELD_REMARK].widget = GTK_WIDGET (self->checklist_group);
  self->fields[FIELD_REMARK].label = self->checklist_error_label;
  self->fields[FIELD_NOTE].widget = GTK_WIDGET (self->note_row);
  self->fields[FIELD_NOTE].label = self->note_error_label;

  for (guint k = 0; k < RECTIFY_N_INSPECTION_KINDS; k++)
    gtk_string_list_append (kinds, rectify_inspection_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  build_checklist (self);
  update_officers_description (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed_cb),
                            self);
  g_signal_connect (self->date_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->note_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->unit_search, "search-changed",
                            G_CALLBACK (on_unit_search_changed_cb), self);
  g_signal_connect (self->unit_results, "row-activated", G_CALLBACK (on_unit_result_activated_cb),
                    self);
}

RectifyInspectionDialog *
rectify_inspection_dialog_new (RectifyStore *store, gint64 unit_id)
{
  RectifyInspectionDialog *self;
  g_autofree char *today = rectify_today ();

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  self = g_object_new (RECTIFY_TYPE_INSPECTION_DIALOG, NULL);
  self->store = g_object_ref (store);
  rectify_date_row_set_date (self->date_row, today);
  load_campaigns (self);
  load_officers (self);
  set_unit (self, unit_id);
  if (unit_id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->unit_search));
  return self;
}

/* Ticks the check of id among checks; NULL when the form does not offer it
 * (an officer no longer active, an item beyond those listed). */
static GtkCheckButton *
tick (GPtrArray *checks, gint64 id)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (widget_id (check) == id)
        {
          gtk_check_button_set_active (check, TRUE);
          return check;
        }
    }
  return NULL;
}

static void
fill_from (RectifyInspectionDialog *self, const RectifyInspection *in)
{
  gboolean found = FALSE;

  adw_combo_row_set_selected (self->kind_row, in->kind);
  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == in->campaign_id)
      {
        adw_combo_row_set_selected (self->campaign_row, i);
        found = TRUE;
      }
  if (!found && in->campaign_id != 0)
    {
      /* a campaign no longer active (the core refuses an archived one) */
      g_autoptr (RectifyCampaign) c
          = rectify_store_get_campaign (self->store, in->campaign_id, NULL);
      GListModel *names = adw_combo_row_get_model (self->campaign_row);

      if (c != NULL && GTK_IS_STRING_LIST (names))
        {
          gtk_string_list_append (GTK_STRING_LIST (names), c->name);
          g_array_append_val (self->campaign_ids, c->id);
          adw_combo_row_set_selected (self->campaign_row, self->campaign_ids->len - 1);
        }
    }
  else if (!found)
    adw_combo_row_set_selected (self->campaign_row, 0);
  rectify_date_row_set_date (self->date_row, in->date);

  for (guint i = 0; i < self->officer_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->officer_checks, i), FALSE);
  for (guint i = 0; i < in->officer_ids->len; i++)
    {
      gint64 id = g_array_index (in->officer_ids, gint64, i);

      if (tick (self->officer_checks, id) == NULL)
        {
          g_autoptr (RectifyOfficer) o = rectify_store_get_officer (self->store, id, NULL);

          if (o != NULL)
            add_check_row (self, self->officers_group, self->officer_checks, o->id, o->name,
                           o->badge, NULL, TRUE, G_CALLBACK (on_officer_toggled_cb));
        }
    }
  for (guint i = 0; i < in->equipment->len; i++)
    {
      RectifyCheckedEquipment *ce = &g_array_index (in->equipment, RectifyCheckedEquipment, i);
      GtkCheckButton *check = tick (self->equipment_checks, ce->equipment_id);
      GtkWidget *spin;

      if (check == NULL)
        {
          /* beyond the items offered: added, so that saving keeps it */
          g_autoptr (RectifyEquipment) e
              = rectify_store_get_equipment (self->store, ce->equipment_id, NULL);

          if (e == NULL)
            continue;
          check = add_equipment_row (self, e);
          gtk_check_button_set_active (check, TRUE);
        }
      spin = g_object_get_data (G_OBJECT (check), "rectify-spin");

      if (spin != NULL)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ce->quantity);
    }
  for (guint i = 0; i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);

      if (c->item < RECTIFY_N_CHECK_ITEMS && c->result < RECTIFY_N_RESULTS)
        {
          gtk_toggle_button_set_active (self->checks[c->item].results[c->result], TRUE);
          gtk_editable_set_text (GTK_EDITABLE (self->checks[c->item].remark),
                                 c->remark ? c->remark : "");
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), in->note ? in->note : "");
}

RectifyInspectionDialog *
rectify_inspection_dialog_new_for_edit (RectifyStore *store, gint64 inspection_id, GError **error)
{
  g_autoptr (RectifyInspection) in = NULL;
  RectifyInspectionDialog *self;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  in = rectify_store_get_inspection (store, inspection_id, error);
  if (in == NULL)
    return NULL;
  self = rectify_inspection_dialog_new (store, in->unit_id);
  self->editing_id = inspection_id;
  gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Inspection"));
  fill_from (self, in);
  rectify_form_clear_errors (self->fields, N_FIELDS, self->general_error_label);
  return self;
}

void
rectify_inspection_dialog_set_kind (RectifyInspectionDialog *self, RectifyInspectionKind kind)
{
  g_return_if_fail (RECTIFY_IS_INSPECTION_DIALOG (self));
  g_return_if_fail (kind < RECTIFY_N_INSPECTION_KINDS);
  adw_combo_row_set_selected (self->kind_row, kind);
}

gint64
rectify_inspection_dialog_get_inspection_id (RectifyInspectionDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_INSPECTION_DIALOG (self), 0);
  return self->inspection_id;
}
