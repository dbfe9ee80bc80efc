/* rectify-bureau-setup-dialog.c: the bureau's first-run setup, before its first document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rectify-a11y.h"
#include "rectify-bureau-setup-dialog.h"
#include "rectify-form-field.h"
#include "rectify-validate.h"

enum
{
  FIELD_BUREAU,
  FIELD_DISTRICT,
  FIELD_SIGNATORY,
  FIELD_INSTRUCTION,
  FIELD_OPINION,
  FIELD_LANGUAGE,
  N_FIELDS
};

struct _RectifyBureauSetupDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  RectifyFormField fields[N_FIELDS];

  AdwEntryRow *bureau_row;
  AdwEntryRow *district_row;
  AdwEntryRow *signatory_row;
  AdwEntryRow *instruction_row;
  AdwEntryRow *opinion_row;
  AdwComboRow *language_row;
  GtkLabel *example_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (RectifyBureauSetupDialog, rectify_bureau_setup_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* What the numbers will look like, so a prefix is seen in place. */
static void
update_example (RectifyBureauSetupDialog *self)
{
  g_autofree char *today = rectify_today ();
  g_autofree char *instruction = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *text = NULL;
  int year = atoi (today);

  if (*entry_text (self->instruction_row) == '\0' && *entry_text (self->opinion_row) == '\0')
    {
      gtk_label_set_text (self->example_label, "");
      return;
    }
  instruction = rectify_document_format_number (entry_text (self->instruction_row), year, 1, FALSE);
  opinion = rectify_document_format_number (entry_text (self->opinion_row), year, 1, FALSE);
  /* Translators: the first numbers of the year with the prefixes being entered */
  text = g_strdup_printf (_ ("The first documents of %d will be numbered %s and %s."), year,
                          instruction, opinion);
  gtk_label_set_text (self->example_label, text);
}

static void
on_field_changed_cb (GtkWidget *widget, RectifyBureauSetupDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, widget);
  if (widget == GTK_WIDGET (self->instruction_row) || widget == GTK_WIDGET (self->opinion_row))
    update_example (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyBureauSetupDialog *self = RECTIFY_BUREAU_SETUP_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  RectifyBureauSetup setup = {
    entry_text (self->bureau_row),
    entry_text (self->district_row),
    entry_text (self->instruction_row),
    entry_text (self->opinion_row),
    entry_text (self->signatory_row),
    adw_combo_row_get_selected (self->language_row) == 1 ? "en" : "zh_CN",
  };

  rectify_form_clear_errors (self->fields, N_FIELDS, self->error_label);
  if (!rectify_store_set_up_bureau (self->store, &setup, &error))
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->error_label, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rectify_bureau_setup_dialog_dispose (GObject *object)
{
  RectifyBureauSetupDialog *self = RECTIFY_BUREAU_SETUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_BUREAU_SETUP_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_bureau_setup_dialog_parent_class)->dispose (object);
}

static void
rectify_bureau_setup_dialog_class_init (RectifyBureauSetupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_bureau_setup_dialog_dispose;

  /**
   * RectifyBureauSetupDialog::saved:
   *
   * The setup was written; documents can be issued.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-bureau-setup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, bureau_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, signatory_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, instruction_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, opinion_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, example_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBureauSetupDialog, error_label);

  gtk_widget_class_install_action (widget_class, "setup.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_bureau_setup_dialog_init (RectifyBureauSetupDialog *self)
{
  /* the core's names of the fields, as it begins its messages */
  static const char *const names[N_FIELDS] = {
    N_ ("Bureau name"),
    N_ ("District"),
    N_ ("Signatory"),
    N_ ("Number prefix of instruction letters"),
    N_ ("Number prefix of rectification opinions"),
    N_ ("Document language"),
  };
  GtkWidget *widgets[N_FIELDS];

  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  widgets[FIELD_BUREAU] = GTK_WIDGET (self->bureau_row);
  widgets[FIELD_DISTRICT] = GTK_WIDGET (self->district_row);
  widgets[FIELD_SIGNATORY] = GTK_WIDGET (self->signatory_row);
  widgets[FIELD_INSTRUCTION] = GTK_WIDGET (self->instruction_row);
  widgets[FIELD_OPINION] = GTK_WIDGET (self->opinion_row);
  widgets[FIELD_LANGUAGE] = GTK_WIDGET (self->language_row);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].name = names[i];
      self->fields[i].widget = widgets[i];
      self->fields[i].label = self->error_label;
      if (i != FIELD_LANGUAGE)
        g_signal_connect (widgets[i], "changed", G_CALLBACK (on_field_changed_cb), self);
    }
}

/* A placeholder of the sample is shown empty: the user types their own. */
static void
fill (AdwEntryRow *row, const char *key, const char *value)
{
  if (value && !rectify_setting_is_placeholder (key, value))
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

RectifyBureauSetupDialog *
rectify_bureau_setup_dialog_new (GtkWindow *parent, RectifyStore *store)
{
  RectifyBureauSetupDialog *self;
  RectifyBureauSetup setup = { 0 };

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  self = g_object_new (RECTIFY_TYPE_BUREAU_SETUP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  rectify_store_get_bureau_setup (store, &setup);
  fill (self->bureau_row, "bureau-name", setup.bureau_name);
  fill (self->district_row, "bureau-district", setup.district);
  fill (self->signatory_row, "signatory", setup.signatory);
  fill (self->instruction_row, "number-prefix-instruction", setup.instruction_prefix);
  fill (self->opinion_row, "number-prefix-opinion", setup.opinion_prefix);
  adw_combo_row_set_selected (self->language_row,
                              g_strcmp0 (setup.document_language, "en") == 0 ? 1 : 0);
  rectify_bureau_setup_clear (&setup);
  update_example (self);
  return self;
}
