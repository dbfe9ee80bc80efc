/* rectify-hazard-action-dialog.c: one step in a hazard's life: date, note and attachments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-a11y.h"
#include "rectify-date-row.h"
#include "rectify-hazard-action-dialog.h"
#include "rectify-validate.h"

typedef struct
{
  char *filename;
  GBytes *data;
  GtkWidget *row;
} Attachment;

static void
attachment_free (Attachment *a)
{
  g_free (a->filename);
  g_bytes_unref (a->data);
  g_free (a);
}

/* The three tracking kinds, in the order of the kind row. */
static const RectifyEventKind track_kinds[] = {
  RECTIFY_EVENT_TRACKING_SUPERVISION,
  RECTIFY_EVENT_TRACKING_RECTIFICATION,
  RECTIFY_EVENT_TRACKING_SERVICE,
};

struct _RectifyHazardActionDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 hazard_id;
  RectifyHazardAction action;
  GPtrArray *attachments; /* Attachment */
  GtkFileChooserNative *chooser;

  GtkButton *apply_button;
  GtkLabel *hazard_label;
  AdwComboRow *kind_row;
  GtkStringList *kinds;
  RectifyDateRow *date_row;
  AdwEntryRow *note_row;
  AdwPreferencesGroup *attachments_group;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (RectifyHazardActionDialog, rectify_hazard_action_dialog, ADW_TYPE_WINDOW)

const char *
rectify_hazard_action_title (RectifyHazardAction action)
{
  switch (action)
    {
    case RECTIFY_ACTION_IMPLEMENT:
      return _ ("Save Implementations");
    case RECTIFY_ACTION_TRACK:
      return _ ("Add Tracking Event");
    case RECTIFY_ACTION_IMMEDIATE:
      return _ ("Rectified on Site");
    case RECTIFY_ACTION_RECTIFY:
      return _ ("Report Rectified");
    case RECTIFY_ACTION_CONFIRM:
      return _ ("Confirm and Cancel");
    case RECTIFY_ACTION_REJECT:
      return _ ("Reject Rectification");
    case RECTIFY_ACTION_PENALTY:
      return _ ("Penalty Decision");
    case RECTIFY_ACTION_STOP_USE:
      return _ ("Order to Stop Use");
    case RECTIFY_ACTION_MAJOR_REPORT:
      return _ ("Report Major Problem");
    case RECTIFY_N_ACTIONS:
    default:
      return "";
    }
}

static void
set_invalid (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
clear_error (RectifyHazardActionDialog *self)
{
  set_invalid (GTK_WIDGET (self->kind_row), FALSE);
  set_invalid (GTK_WIDGET (self->date_row), FALSE);
  set_invalid (GTK_WIDGET (self->note_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The message under the form; the field it names is marked. */
static void
show_error (RectifyHazardActionDialog *self, const GError *error)
{
  const struct
  {
    const char *name;
    GtkWidget *widget;
  } fields[] = {
    { N_ ("Kind"), GTK_WIDGET (self->kind_row) },
    { N_ ("Date"), GTK_WIDGET (self->date_row) },
    { N_ ("Note"), GTK_WIDGET (self->note_row) },
  };

  clear_error (self);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (rectify_message_names_field (error->message, _ (fields[i].name)))
      {
        set_invalid (fields[i].widget, TRUE);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (fields[i].widget),
                                        GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label,
                                        -1);
        gtk_widget_grab_focus (fields[i].widget);
        break;
      }
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_remove_clicked_cb (GtkButton *button, RectifyHazardActionDialog *self)
{
  Attachment *a = g_object_get_data (G_OBJECT (button), "rectify-attachment");

  adw_preferences_group_remove (self->attachments_group, a->row);
  g_ptr_array_remove (self->attachments, a);
  clear_error (self);
}

static void
add_attachment (RectifyHazardActionDialog *self, const char *filename, GBytes *data)
{
  Attachment *a = g_new0 (Attachment, 1);
  g_autofree char *size = g_format_size (g_bytes_get_size (data));
  g_autofree char *remove_label = NULL;
  GtkWidget *remove;

  a->filename = g_strdup (filename);
  a->data = g_bytes_ref (data);
  a->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (a->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->row), filename);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (a->row), size);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: %s is a file name */
  remove_label = g_strdup_printf (_ ("Remove %s"), filename);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "rectify-attachment", a);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (a->row), remove);
  adw_preferences_group_add (self->attachments_group, a->row);
  g_ptr_array_add (self->attachments, a);
  clear_error (self);
}

gboolean
rectify_hazard_action_dialog_add_file (RectifyHazardActionDialog *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GBytes) data = NULL;

  g_return_val_if_fail (RECTIFY_IS_HAZARD_ACTION_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path != NULL)
    {
      /* A file of any size costs no memory until the core reads it. */
      g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
      if (mapped == NULL)
        return FALSE;
      data = g_mapped_file_get_bytes (mapped);
    }
  else
    {
      data = g_file_load_bytes (file, NULL, NULL, error);
      if (data == NULL)
        return FALSE;
    }
  add_attachment (self, name, data);
  return TRUE;
}

guint
rectify_hazard_action_dialog_get_n_attachments (RectifyHazardActionDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARD_ACTION_DIALOG (self), 0);
  return self->attachments->len;
}

RectifyHazardAction
rectify_hazard_action_dialog_get_action (RectifyHazardActionDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARD_ACTION_DIALOG (self), RECTIFY_N_ACTIONS);
  return self->action;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, RectifyHazardActionDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autoptr (GError) error = NULL;

          if (!rectify_hazard_action_dialog_add_file (self, file, &error))
            {
              show_error (self, error);
              break;
            }
        }
    }
  g_clear_object (&self->chooser);
}

static void
add_attachment_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyHazardActionDialog *self = RECTIFY_HAZARD_ACTION_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser
      = gtk_file_chooser_native_new (_ ("Add Attachments"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("Photos and PDF files"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyHazardActionDialog *self = RECTIFY_HAZARD_ACTION_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *date = rectify_date_row_get_date (self->date_row);
  g_autofree char *note
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  g_autofree RectifyNewAttachment *atts = g_new0 (RectifyNewAttachment, self->attachments->len + 1);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  RectifyEventKind track_kind
      = kind < G_N_ELEMENTS (track_kinds) ? track_kinds[kind] : RECTIFY_N_EVENT_KINDS;

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *a = g_ptr_array_index (self->attachments, i);
      atts[i].filename = a->filename;
      atts[i].data = a->data;
    }
  if (!rectify_workflow_act (self->store, self->hazard_id, self->action, track_kind, date,
                             *note ? note : NULL, atts, self->attachments->len, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_note_changed_cb (RectifyHazardActionDialog *self)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (self->note_row), "error"))
    clear_error (self);
}

static void
on_note_activated_cb (RectifyHazardActionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "action.apply", NULL);
}

static void
rectify_hazard_action_dialog_dispose (GObject *object)
{
  RectifyHazardActionDialog *self = RECTIFY_HAZARD_ACTION_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_HAZARD_ACTION_DIALOG);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_hazard_action_dialog_parent_class)->dispose (object);
}

static void
rectify_hazard_action_dialog_class_init (RectifyHazardActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_hazard_action_dialog_dispose;

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-hazard-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, hazard_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, kinds);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardActionDialog, error_label);

  gtk_widget_class_install_action (widget_class, "action.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "action.add-attachment", NULL,
                                   add_attachment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_hazard_action_dialog_init (RectifyHazardActionDialog *self)
{
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify)attachment_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (track_kinds); i++)
    gtk_string_list_append (self->kinds, rectify_event_kind_to_label (track_kinds[i]));
  g_signal_connect_swapped (self->note_row, "changed", G_CALLBACK (on_note_changed_cb), self);
  /* Enter in the note applies, as the button does. */
  g_signal_connect_swapped (self->note_row, "entry-activated", G_CALLBACK (on_note_activated_cb),
                            self);
}

RectifyHazardActionDialog *
rectify_hazard_action_dialog_new (GtkWindow *parent,
                                  RectifyStore *store,
                                  gint64 hazard_id,
                                  RectifyHazardAction action)
{
  RectifyHazardActionDialog *self;
  g_autoptr (RectifyHazard) hazard = NULL;
  g_autofree char *today = rectify_today ();
  const char *title = rectify_hazard_action_title (action);

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (action != RECTIFY_ACTION_IMPLEMENT && action < RECTIFY_N_ACTIONS, NULL);

  self = g_object_new (RECTIFY_TYPE_HAZARD_ACTION_DIALOG, "transient-for", parent, "title", title,
                       NULL);
  self->store = g_object_ref (store);
  self->hazard_id = hazard_id;
  self->action = action;
  gtk_button_set_label (self->apply_button, title);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), action == RECTIFY_ACTION_TRACK);
  rectify_date_row_set_date (self->date_row, today);

  hazard = rectify_store_get_hazard (store, hazard_id, NULL);
  if (hazard != NULL)
    {
      /* Translators: hazard number, unit name and the hazard's description */
      g_autofree char *text = g_strdup_printf (_ ("Hazard %" PRId64 " · %s · %s"), hazard->id,
                                               hazard->unit_name, hazard->content);
      gtk_label_set_text (self->hazard_label, text);
    }
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  return self;
}
