/* rectify-visit-dialog.c: planning a back-check or a re-inspection of a hazard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-a11y.h"
#include "rectify-date-row.h"
#include "rectify-form-field.h"
#include "rectify-validate.h"
#include "rectify-visit-dialog.h"

enum
{
  FIELD_HAZARD,
  FIELD_DUE,
  FIELD_NOTE,
  N_FIELDS
};

struct _RectifyVisitDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 hazard_id;
  RectifyVisitKind kind;
  RectifyFormField fields[N_FIELDS];

  AdwPreferencesGroup *visit_group;
  AdwActionRow *hazard_row;
  RectifyDateRow *due_row;
  AdwEntryRow *note_row;
  GtkLabel *error_label;
  GtkLabel *general_error_label;
};

G_DEFINE_FINAL_TYPE (RectifyVisitDialog, rectify_visit_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SCHEDULED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
schedule_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyVisitDialog *self = RECTIFY_VISIT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *due = rectify_date_row_get_date (self->due_row);
  gint64 id;

  rectify_form_clear_errors (self->fields, N_FIELDS, self->general_error_label);
  id = rectify_store_schedule_visit (self->store, self->hazard_id, self->kind, due,
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error);
  if (id == 0)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SCHEDULED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_field_changed_cb (GtkWidget *widget, RectifyVisitDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, widget);
}

static void
rectify_visit_dialog_dispose (GObject *object)
{
  RectifyVisitDialog *self = RECTIFY_VISIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_VISIT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_visit_dialog_parent_class)->dispose (object);
}

static void
rectify_visit_dialog_class_init (RectifyVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_visit_dialog_dispose;

  /**
   * RectifyVisitDialog::scheduled:
   * @id: the planned visit's id
   */
  signals[SIGNAL_SCHEDULED]
      = g_signal_new ("scheduled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-visit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, visit_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, hazard_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyVisitDialog, general_error_label);

  gtk_widget_class_install_action (widget_class, "visit.schedule", NULL, schedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_visit_dialog_init (RectifyVisitDialog *self)
{
  static const char *const names[N_FIELDS] = { N_ ("Hazard"), N_ ("Due date"), N_ ("Note") };

  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  self->fields[FIELD_HAZARD].widget = GTK_WIDGET (self->hazard_row);
  self->fields[FIELD_DUE].widget = GTK_WIDGET (self->due_row);
  self->fields[FIELD_NOTE].widget = GTK_WIDGET (self->note_row);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].name = names[i];
      self->fields[i].label = self->error_label;
    }
  g_signal_connect (self->due_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->note_row, "changed", G_CALLBACK (on_field_changed_cb), self);
}

RectifyVisitDialog *
rectify_visit_dialog_new (RectifyStore *store, gint64 hazard_id, RectifyVisitKind kind)
{
  RectifyVisitDialog *self;
  g_autoptr (RectifyHazard) hazard = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = rectify_today ();
  g_autofree char *due = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  self = g_object_new (RECTIFY_TYPE_VISIT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->hazard_id = hazard_id;
  self->kind = kind;
  gtk_window_set_title (GTK_WINDOW (self), kind == RECTIFY_VISIT_BACK_CHECK
                                               ? _ ("Schedule Back-check")
                                               : _ ("Plan Re-inspection"));
  adw_preferences_group_set_description (
      self->visit_group,
      kind == RECTIFY_VISIT_BACK_CHECK
          ? _ ("Go back to the unit to see that the closed hazard stays rectified. A back-check "
               "inspection of the unit on or after today does it.")
          : _ ("Go back to the unit about a hazard past its deadline. A bureau inspection or "
               "back-check of the unit on or after today does it."));
  hazard = rectify_store_get_hazard (store, hazard_id, &error);
  if (hazard != NULL)
    {
      g_autofree char *subtitle
          = g_strjoin (" · ", hazard->unit_name, rectify_hazard_status_to_label (hazard->status),
                       hazard->content, NULL);
      adw_action_row_set_subtitle (self->hazard_row, subtitle);
    }
  else
    rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
  /* A month is the usual interval of a back-check. */
  due = rectify_date_add_days (today, 30);
  rectify_date_row_set_date (self->due_row, due);
  return self;
}

char *
rectify_visit_state_text (const RectifyScheduledVisit *v)
{
  g_autofree char *today = rectify_today ();
  int days;

  if (v->done_inspection_id != 0)
    /* Translators: %s is the date a planned visit was done */
    return g_strdup_printf (_ ("done %s"), v->done_date);
  days = rectify_date_diff (today, v->due_date);
  if (days == 0)
    return g_strdup (_ ("due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days),
                          -days);
}
