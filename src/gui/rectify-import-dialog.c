/* rectify-import-dialog.c: a CSV file checked, mapped and imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-a11y.h"
#include "rectify-format.h"
#include "rectify-import-dialog.h"
#include "rectify-job.h"

/* Problems listed in the dialog; the count says how many more. */
#define SHOWN_PROBLEMS 200

struct _RectifyImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *import_button;
  GtkProgressBar *progress_bar;
  AdwActionRow *file_row;
  AdwComboRow *encoding_row;
  GtkSwitch *update_switch;
  GtkLabel *summary_label;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;
  AdwPreferencesGroup *mapping_group;
  AdwPreferencesGroup *preview_group;
  GtkGrid *preview_grid;

  RectifyStore *store;
  RectifyImportKind kind;
  GFile *file;
  GCancellable *cancellable; /* of the running check or import */
  GPtrArray *mapping_rows;   /* AdwComboRow, one per column */
  GPtrArray *headers;        /* char *: the columns the rows show */
  RectifyImportField *fields;
  guint progress_id;
  gint progress; /* per mille, written by the thread */
  gboolean filling;
  gboolean done;     /* imported: only Close is left */
  gboolean disposed; /* closed while a job ran: nothing to show it on */
};

G_DEFINE_FINAL_TYPE (RectifyImportDialog, rectify_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char *db_path;
  char *path;
  RectifyImportKind kind;
  char *encoding;
  gboolean update;
  gboolean dry_run;
  GStrv mapping;
  gint64 actor;              /* the acting officer, named in the audit log */
  gint *progress;            /* the dialog's, alive while the task holds it */
  GCancellable *cancellable; /* the task's, for the thread */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->encoding);
  g_strfreev (job->mapping);
  g_free (job);
}

static void
on_progress (guint64 done, guint64 total, guint64 rows, gpointer user_data)
{
  Job *job = user_data;
  g_atomic_int_set (job->progress, total ? (gint)(done * 1000 / total) : 0);
  rectify_job_checkpoint (job->cancellable);
}

static void
import_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (RectifyStore) store = NULL;
  g_autoptr (GError) error = NULL;
  RectifyImportOptions options = { 0 };
  RectifyImportReport *report;

  /* A store is used by one thread only: this one opens its own. */
  store = rectify_store_open (job->db_path, &error);
  if (store == NULL || (job->actor != 0 && !rectify_store_set_actor (store, job->actor, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->cancellable = cancellable;
  options.encoding = job->encoding;
  options.update = job->update;
  options.dry_run = job->dry_run;
  options.mapping = (const char *const *)job->mapping;
  options.progress = on_progress;
  options.progress_data = job;
  report = rectify_import_file (store, job->kind, job->path, &options, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)rectify_import_report_free);
}

static const char *const encodings[] = { NULL, "UTF-8", "GB18030" };

static const char *
kind_entity (RectifyImportKind kind)
{
  static const char *const entities[] = { "unit", "equipment", "operator" };
  return entities[kind];
}

static void
set_busy (RectifyImportDialog *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_row), !busy && !self->done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_switch), !busy && !self->done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mapping_group), !busy && !self->done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_row), !busy && !self->done);
  if (busy)
    gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  RectifyImportDialog *self = user_data;
  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (parent)))
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static void on_mapping_changed_cb (RectifyImportDialog *self);

/* One row per column of the file, choosing the field it fills. */
static void
fill_mapping (RectifyImportDialog *self, const RectifyImportReport *report)
{
  gboolean same = self->headers && self->headers->len == report->headers->len;

  for (guint i = 0; same && i < report->headers->len; i++)
    same = g_str_equal (g_ptr_array_index (self->headers, i),
                        g_ptr_array_index (report->headers, i));

  self->filling = TRUE;
  if (!same)
    {
      for (guint i = 0; i < self->mapping_rows->len; i++)
        adw_preferences_group_remove (self->mapping_group,
                                      g_ptr_array_index (self->mapping_rows, i));
      g_ptr_array_set_size (self->mapping_rows, 0);
      g_clear_pointer (&self->headers, g_ptr_array_unref);
      self->headers = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < report->headers->len; i++)
        {
          const char *header = g_ptr_array_index (report->headers, i);
          g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
          AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
          g_autofree char *title
              = *header ? g_strdup (header) : g_strdup_printf (_ ("Column %u"), i + 1);

          gtk_string_list_append (choices, _ ("Not imported"));
          for (guint f = 0; self->fields[f].key; f++)
            gtk_string_list_append (choices, self->fields[f].label);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_combo_row_set_model (row, G_LIST_MODEL (choices));
          g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_mapping_changed_cb),
                                    self);
          adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
          g_ptr_array_add (self->mapping_rows, row);
          g_ptr_array_add (self->headers, g_strdup (header));
        }
    }
  for (guint i = 0; i < self->mapping_rows->len && i < report->mapping->len; i++)
    {
      const char *key = g_ptr_array_index (report->mapping, i);
      guint selected = 0;
      for (guint f = 0; *key && self->fields[f].key; f++)
        if (g_str_equal (self->fields[f].key, key))
          selected = f + 1;
      adw_combo_row_set_selected (g_ptr_array_index (self->mapping_rows, i), selected);
    }
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), self->mapping_rows->len > 0);
}

static void
fill_preview (RectifyImportDialog *self, const RectifyImportReport *report)
{
  clear_children (GTK_WIDGET (self->preview_grid));
  for (guint c = 0; c < report->headers->len; c++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (report->headers, c));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->preview_grid, label, (int)c, 0, 1, 1);
    }
  for (guint r = 0; r < report->preview->len; r++)
    {
      char **cells = g_ptr_array_index (report->preview, r);
      for (guint c = 0; cells[c]; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
          gtk_grid_attach (self->preview_grid, label, (int)c, (int)r + 1, 1, 1);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), report->headers->len > 0);
}

static void
fill_problems (RectifyImportDialog *self, const RectifyImportReport *report)
{
  clear_children (GTK_WIDGET (self->problems_list));
  for (guint i = 0; i < report->problems->len && i < SHOWN_PROBLEMS; i++)
    {
      g_autofree char *text
          = rectify_import_problem_to_string (g_ptr_array_index (report->problems, i));
      GtkWidget *label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->problems_list, label);
    }
  if (report->n_problems > SHOWN_PROBLEMS)
    {
      g_autofree char *text = g_strdup_printf (_ ("… and %" PRIu64 " more problems"),
                                               (guint64)(report->n_problems - SHOWN_PROBLEMS));
      gtk_list_box_append (self->problems_list, gtk_label_new (text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), report->n_problems > 0);
}

static char *
summary_text (const RectifyImportReport *report, gboolean dry_run)
{
  g_autofree char *rows = rectify_format_count ((gint64)report->rows);
  g_autofree char *added = rectify_format_count ((gint64)report->added);
  g_autofree char *updated = rectify_format_count ((gint64)report->updated);
  g_autofree char *skipped = rectify_format_count ((gint64)report->skipped);
  g_autofree char *problems = rectify_format_count ((gint64)report->n_problems);
  const char *separator = report->separator == '\t' ? _ ("tab") : _ ("comma");

  if (report->n_problems > 0)
    return g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%s, separated by %s. %s rows read; %s problem: fix it in the file or map the "
                     "columns, nothing is written until there is none.",
                     "%s, separated by %s. %s rows read; %s problems: fix them in the file or map "
                     "the columns, nothing is written until there are none.",
                     (gulong)MIN (report->n_problems, G_MAXULONG)),
        report->encoding ? report->encoding : "", separator, rows, problems);
  if (dry_run)
    return g_strdup_printf (_ ("%s, separated by %s. %s rows read: %s to add, %s to update, %s "
                               "already there to leave as they are."),
                            report->encoding ? report->encoding : "", separator, rows, added,
                            updated, skipped);
  return g_strdup_printf (_ ("Imported: %s added, %s updated, %s left as they were."), added,
                          updated, skipped);
}

static void start_job (RectifyImportDialog *self, gboolean dry_run);

static void
on_job_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  RectifyImportDialog *self = RECTIFY_IMPORT_DIALOG (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (RectifyImportReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->disposed)
    return;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_button_set_label (self->cancel_button, _ ("_Cancel"));
  set_busy (self, FALSE);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label,
                            job->dry_run ? _ ("The check was stopped.")
                                         : _ ("The import was cancelled; nothing was written."));
      else
        gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  {
    g_autofree char *text = summary_text (report, job->dry_run);
    gtk_label_set_text (self->summary_label, text);
  }
  fill_mapping (self, report);
  fill_preview (self, report);
  fill_problems (self, report);

  if (!job->dry_run && report->written)
    {
      self->done = TRUE;
      set_busy (self, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
      gtk_button_set_label (self->cancel_button, _ ("_Close"));
      /* the rows were written through another connection: tell the lists */
      {
        g_autofree char *signal = g_strconcat ("changed::", kind_entity (self->kind), NULL);
        g_signal_emit_by_name (self->store, signal, kind_entity (self->kind));
      }
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            report->n_problems == 0 && report->added + report->updated > 0);
}

static GStrv
current_mapping (RectifyImportDialog *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->headers && i < self->mapping_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));
      const char *key = selected > 0 ? self->fields[selected - 1].key : "";
      g_autofree char *pair
          = g_strdup_printf ("%s=%s", (char *)g_ptr_array_index (self->headers, i), key);
      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

static void
start_job (RectifyImportDialog *self, gboolean dry_run)
{
  g_autoptr (GTask) task = NULL;
  Job *job;
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (self->file == NULL || self->cancellable != NULL)
    return;
  job = g_new0 (Job, 1);
  job->db_path = g_strdup (rectify_store_get_path (self->store));
  job->path = g_file_get_path (self->file);
  job->kind = self->kind;
  job->encoding = g_strdup (encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL);
  job->update = gtk_switch_get_active (self->update_switch);
  job->dry_run = dry_run;
  job->mapping = current_mapping (self);
  job->actor = rectify_store_get_actor (self->store);
  job->progress = &self->progress;

  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_id = g_timeout_add (100, update_progress_cb, self);
  set_busy (self, TRUE);
  gtk_label_set_text (self->summary_label, dry_run ? _ ("Checking every row…") : _ ("Importing…"));

  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  name = g_file_get_basename (self->file);
  /* Translators: %s is the file name */
  label = g_strdup_printf (dry_run ? _ ("Checking %s for import") : _ ("Importing %s"), name);
  rectify_job_run_in_thread (task, GTK_WIDGET (self), label, import_thread);
}

static void
on_mapping_changed_cb (RectifyImportDialog *self)
{
  if (!self->filling)
    start_job (self, TRUE);
}

static void
on_options_changed_cb (RectifyImportDialog *self)
{
  start_job (self, TRUE);
}

static void
on_import_clicked_cb (RectifyImportDialog *self)
{
  start_job (self, FALSE);
}

static void
on_cancel_clicked_cb (RectifyImportDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser, int response, RectifyImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file)
        rectify_import_dialog_set_file (self, file);
    }
  g_object_unref (chooser);
}

static void
on_choose_clicked_cb (RectifyImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Choose a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (csv, _ ("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
rectify_import_dialog_close_request (GtkWindow *window)
{
  RectifyImportDialog *self = RECTIFY_IMPORT_DIALOG (window);

  /* the task keeps the dialog alive until the thread has rolled back */
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (rectify_import_dialog_parent_class)->close_request (window);
}

static void
rectify_import_dialog_dispose (GObject *object)
{
  RectifyImportDialog *self = RECTIFY_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (rectify_import_dialog_parent_class)->dispose (object);
}

static void
rectify_import_dialog_class_init (RectifyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rectify_import_dialog_dispose;
  window_class->close_request = rectify_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, update_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, preview_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed_cb);
}

static void
rectify_import_dialog_init (RectifyImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mapping_rows = g_ptr_array_new ();
}

RectifyImportDialog *
rectify_import_dialog_new (GtkWindow *parent, RectifyStore *store, RectifyImportKind kind)
{
  RectifyImportDialog *self;
  const char *titles[] = { N_ ("Import Units"), N_ ("Import Equipment"), N_ ("Import Operators") };

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  self = g_object_new (RECTIFY_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->fields = rectify_import_fields (kind);
  adw_window_title_set_title (self->window_title, _ (titles[kind]));
  gtk_window_set_title (GTK_WINDOW (self), _ (titles[kind]));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  return self;
}

void
rectify_import_dialog_set_file (RectifyImportDialog *self, GFile *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (RECTIFY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable || self->done)
    return;
  g_set_object (&self->file, file);
  name = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, name);
  /* a new file's columns are matched afresh */
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  start_job (self, TRUE);
}

gboolean
rectify_import_dialog_is_busy (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
