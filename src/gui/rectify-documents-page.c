/* rectify-documents-page.c: every issued document, its stored PDF, saving, printing and voiding
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-a11y.h"
#include "rectify-as-of-button.h"
#include "rectify-archived.h"
#include "rectify-column-sorter.h"
#include "rectify-date-row.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-documents-page.h"
#include "rectify-format.h"
#include "rectify-list-page.h"
#include "rectify-pdf-issue.h"
#include "rectify-pdf-void-copy.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"

struct _RectifyDocumentsPage
{
  RectifyListPage parent_instance;

  RectifyStore *store; /* the page's, borrowed */
  gboolean updating_filters;
  RectifyAsOfLimit limit; /* a dashboard tile's day */
  gint64 shown_id;        /* the page's selected id */
  RectifyDocument *shown;
  gboolean has_pdf;
  GHashTable *officer_names; /* gint64 * -> name */
  GArray *campaign_ids;      /* gint64 per campaign filter position; 0 = all */

  GtkSearchEntry *search_entry; /* the page's */
  GtkDropDown *kind_dropdown;
  GtkStringList *kinds;
  GtkDropDown *status_dropdown;
  GtkStringList *statuses;
  GtkDropDown *campaign_dropdown;
  GtkStringList *campaigns;
  GtkWidget *draft_button;
  GtkColumnView *column_view; /* the page's */
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkWidget *save_button;
  GtkWidget *print_button;
  GtkWidget *void_button;
  RectifyPdfView *preview;
};

G_DEFINE_FINAL_TYPE (RectifyDocumentsPage, rectify_documents_page, RECTIFY_TYPE_LIST_PAGE)

#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))

static void show_document (RectifyDocumentsPage *self, gint64 id);

/* A toast in the shell's overlay, or the page's own banner without one. */
static void
show_message (RectifyDocumentsPage *self, const char *message)
{
  rectify_list_page_show_message (RECTIFY_LIST_PAGE (self), message, NULL);
}

/* ---- the list ------------------------------------------------------------ */

/* A void document's number is dimmed. */
static const char *
officer_name (RectifyDocumentsPage *self, gint64 id)
{
  const char *name = id ? g_hash_table_lookup (self->officer_names, &id) : NULL;

  return name ? name : "";
}

static char *
text_number (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyDocument *d = record;

  if (d->status == RECTIFY_DOCUMENT_VOID)
    *style = "dim-label";
  return g_strdup (d->number);
}

/* The kind as the list shows it: the full name of a supervision
 * instruction letter takes a third of the list in English or Chinese, and
 * beside a number that names the kind already the short one says enough. */
static const char *
kind_list_label (RectifyDocumentKind kind)
{
  switch (kind)
    {
    case RECTIFY_DOCUMENT_INSTRUCTION_LETTER:
      /* Translators: short for "Supervision instruction letter", in the documents list */
      return _ ("Instruction letter");
    default:
      return rectify_document_kind_to_label (kind);
    }
}

static char *
text_kind (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyDocument *d = record;

  return g_strdup (kind_list_label (d->kind));
}

static char *
text_unit (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyDocument *d = record;

  return g_strdup (d->unit_name);
}

static char *
text_date (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyDocument *d = record;

  return rectify_format_date (d->issued_date);
}

static char *
text_status (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyDocument *d = record;

  if (d->status == RECTIFY_DOCUMENT_VOID)
    *style = "dim-label";
  return g_strdup (rectify_document_status_to_label (d->status));
}

static char *
text_officer (gpointer owner, gconstpointer record, const char **style)
{
  RectifyDocumentsPage *self = owner;
  const RectifyDocument *d = record;

  return g_strdup (officer_name (self, d->officer_id));
}

/* What a column needs over its text: a cell's padding (6 pixels on each
 * side) and a little air. */
#define CELL_SPACE 14

/* The width of the widest of texts in the list's font, plus CELL_SPACE. */
static int
column_width (RectifyDocumentsPage *self, const char *const *texts, guint n)
{
  g_autoptr (PangoLayout) layout
      = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      int width;

      pango_layout_set_text (layout, texts[i], -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest + CELL_SPACE;
}

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s document", "%s documents", n), number);
}

/* The filter choices a dashboard's limit was set with. */
static char *
filter_choices (RectifyDocumentsPage *self)
{
  return g_strdup_printf ("%u/%u/%u", gtk_drop_down_get_selected (self->kind_dropdown),
                          gtk_drop_down_get_selected (self->status_dropdown),
                          gtk_drop_down_get_selected (self->campaign_dropdown));
}

static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (page);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  g_autofree char *choices = filter_choices (self);

  /* another filter is a list of today's records; the limit reads the
   * status as of its day: issued = not void then */
  q->as_of = rectify_as_of_limit_check (&self->limit, choices);
  q->as_of_limits = q->as_of != NULL;
  /* The first choice of each filter is "All …". */
  q->kind = kind > 0 && kind != GTK_INVALID_LIST_POSITION ? (int)kind - 1 : -1;
  q->status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int)status - 1 : -1;
  q->campaign_id = campaign < self->campaign_ids->len
                       ? g_array_index (self->campaign_ids, gint64, campaign)
                       : 0;
}

static void
apply_query (RectifyDocumentsPage *self)
{
  if (!self->updating_filters)
    rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
}

static void
on_filter_changed_cb (RectifyDocumentsPage *self)
{
  apply_query (self);
}

static void
on_as_of_clear_cb (RectifyDocumentsPage *self)
{
  rectify_as_of_limit_clear (&self->limit);
  apply_query (self);
}

static void
set_choices (RectifyDocumentsPage *self,
             GtkDropDown *dropdown,
             GtkStringList *list,
             GPtrArray *labels,
             guint selected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (labels, NULL);
  self->updating_filters = TRUE;
  gtk_string_list_splice (list, 0, n, (const char *const *)labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
}

static void
fill_names (RectifyDocumentsPage *self)
{
  guint old = gtk_drop_down_get_selected (self->campaign_dropdown);
  gint64 chosen
      = old < self->campaign_ids->len ? g_array_index (self->campaign_ids, gint64, old) : 0;
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  gint64 none = 0;
  guint selected = 0;

  g_hash_table_remove_all (self->officer_names);
  officers = rectify_store_list_officers (self->store, NULL);
  for (guint i = 0; officers && i < officers->len; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (officers, i);
      g_hash_table_insert (self->officer_names, g_memdup2 (&o->id, sizeof o->id),
                           g_strdup (o->name));
    }

  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, none);
  g_ptr_array_add (labels, (gpointer)_ ("All campaigns"));
  campaigns = rectify_store_list_campaigns (self->store, NULL);
  for (guint i = 0; campaigns && i < campaigns->len; i++)
    {
      RectifyCampaign *c = g_ptr_array_index (campaigns, i);

      if (c->id == chosen)
        selected = self->campaign_ids->len;
      g_array_append_val (self->campaign_ids, c->id);
      g_ptr_array_add (labels, c->name);
    }
  set_choices (self, self->campaign_dropdown, self->campaigns, labels, selected);
}

static void
fill_filters (RectifyDocumentsPage *self)
{
  g_autoptr (GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr (GPtrArray) statuses = g_ptr_array_new ();

  g_ptr_array_add (kinds, (gpointer)_ ("All kinds"));
  for (int i = 0; i < RECTIFY_N_DOCUMENT_KINDS; i++)
    g_ptr_array_add (kinds, (gpointer)rectify_document_kind_to_label (i));
  set_choices (self, self->kind_dropdown, self->kinds, kinds, 0);
  g_ptr_array_add (statuses, (gpointer)_ ("All statuses"));
  for (int i = 0; i < RECTIFY_N_DOCUMENT_STATUSES; i++)
    g_ptr_array_add (statuses, (gpointer)rectify_document_status_to_label (i));
  set_choices (self, self->status_dropdown, self->statuses, statuses, 0);
}

/* ---- the document ------------------------------------------------------------ */

/* Only managers void, and only what is not void already. */
static gboolean
may_void (RectifyDocumentsPage *self)
{
  return self->shown != NULL && CAN_EDIT (self) && self->shown->status == RECTIFY_DOCUMENT_ISSUED
         && rectify_store_can_issue_documents (self->store, NULL);
}

/* ... and not in an archived campaign, whose documents no longer change */
static gboolean
can_void (RectifyDocumentsPage *self)
{
  return may_void (self) && rectify_archived_check (NULL, self->store, self->shown->campaign_id);
}

static void
update_buttons (RectifyDocumentsPage *self)
{
  gboolean open = rectify_archived_check (self->void_button, self->store,
                                          self->shown ? self->shown->campaign_id : 0);

  gtk_widget_set_visible (self->draft_button, CAN_EDIT (self));
  gtk_widget_set_sensitive (self->save_button, self->has_pdf);
  gtk_widget_set_sensitive (self->print_button, self->has_pdf);
  /* shown but insensitive, its tooltip saying why */
  gtk_widget_set_visible (self->void_button, may_void (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.void", open);
}

/* What the page shows, saves and prints of d: the PDF stored at issue, and
 * of a voided document a copy of it under a VOID mark with the date and
 * reason (the stored bytes stay as they are). */
static GBytes *
document_pdf (RectifyDocumentsPage *self, const RectifyDocument *d, GError **error)
{
  g_autoptr (GBytes) pdf = rectify_store_get_document_pdf (self->store, d->id, NULL, error);

  if (pdf == NULL || d->status != RECTIFY_DOCUMENT_VOID)
    return g_steal_pointer (&pdf);
  return rectify_pdf_void_copy (pdf, d, rectify_pdf_default_language (self->store), error);
}

static void
show_document (RectifyDocumentsPage *self, gint64 id)
{
  g_autoptr (RectifyDocument) d = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *date = NULL;

  self->shown_id = id;
  g_clear_pointer (&self->shown, rectify_document_free);
  self->has_pdf = FALSE;
  d = id ? rectify_store_get_document (self->store, id, &error) : NULL;
  if (d == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      rectify_pdf_view_set_message (self->preview, NULL);
      update_buttons (self);
      return;
    }
  gtk_label_set_text (self->title_label, d->number);
  date = rectify_format_date (d->issued_date);
  /* Translators: kind, unit, date and status of a document, e.g.
   * "Supervision instruction letter · Acme Ltd · 1 June 2026 · Issued" */
  g_string_printf (summary, _ ("%s · %s · %s · %s"), rectify_document_kind_to_label (d->kind),
                   d->unit_name, date, rectify_document_status_to_label (d->status));
  if (d->officer_id)
    {
      g_string_append_c (summary, '\n');
      /* Translators: %s is the officer who issued the document */
      g_string_append_printf (summary, _ ("Issued by %s"), officer_name (self, d->officer_id));
    }
  if (d->status == RECTIFY_DOCUMENT_VOID)
    {
      g_autofree char *void_date = rectify_format_date (d->void_date);
      g_string_append_c (summary, '\n');
      /* Translators: when and why a document was voided */
      g_string_append_printf (summary, _ ("Void since %s: %s"), void_date,
                              d->void_reason ? d->void_reason : "");
    }
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  /* The bytes stored at issue, never a new rendering; a voided one marked VOID. */
  pdf = document_pdf (self, d, &error);
  if (pdf == NULL)
    rectify_pdf_view_set_message (self->preview, error->message);
  else
    self->has_pdf = rectify_pdf_view_set_pdf (self->preview, pdf, NULL);
  self->shown = g_steal_pointer (&d);
  update_buttons (self);
}

static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  show_document (RECTIFY_DOCUMENTS_PAGE (page), id);
  return id == 0 || RECTIFY_DOCUMENTS_PAGE (page)->shown_id == id;
}

/* ---- actions ------------------------------------------------------------- */

gboolean
rectify_documents_page_save_to (RectifyDocumentsPage *self, const char *path, GError **error)
{
  g_autoptr (GBytes) pdf = NULL;

  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->shown == NULL)
    {
      g_set_error_literal (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                           _ ("Document: none is selected"));
      return FALSE;
    }
  /* Read and checked against its SHA-256 again: what is written is what
   * was issued (a voided one under its VOID mark). */
  pdf = document_pdf (self, self->shown, error);
  return pdf != NULL && rectify_write_file_atomically (path, pdf, error);
}

static void
on_save_response_cb (GtkNativeDialog *chooser, int response, RectifyDocumentsPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (rectify_documents_page_save_to (self, path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: %s is the file name */
          g_autofree char *message = g_strdup_printf (_ ("Saved as %s"), name);
          show_message (self, message);
        }
      else
        show_message (self, error->message);
    }
  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->shown == NULL || !self->has_pdf)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Save as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.pdf", self->shown->number);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GError) error = NULL;

  if (self->shown == NULL || !self->has_pdf)
    return;
  if (!rectify_pdf_view_print (self->preview, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->shown->number, &error))
    show_message (self, error->message);
}

static void
on_reason_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", *reason != '\0');
}

static void
on_void_response_cb (AdwMessageDialog *dialog, const char *response, RectifyDocumentsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  RectifyDateRow *date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = self->shown_id;

  if (!g_str_equal (response, "void") || id == 0)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  /* the core checks the day (not before the issue, not after today); an
   * emptied row is today */
  date = rectify_date_row_get_date (date_row);
  if (!rectify_store_void_document_on (self->store, id, date, reason, &error))
    {
      show_message (self, error->message);
      return;
    }
  show_document (self, id);
  {
    /* Translators: %s is the number of the voided document */
    g_autofree char *message
        = g_strdup_printf (_ ("%s is void; its number stays used"), self->shown->number);
    show_message (self, message);
  }
}

GtkWidget *
rectify_documents_page_open_void_dialog (RectifyDocumentsPage *self)
{
  g_autofree char *today = rectify_today ();
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkWidget *date_row;
  GtkWidget *rows;

  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);

  if (!can_void (self))
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is the document number */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _ ("Void %s?"),
                                     self->shown->number);
  adw_message_dialog_set_body (
      ADW_MESSAGE_DIALOG (dialog),
      _ ("A void document stays on record with its PDF, and its number is not used again. "
         "Issue a new document for the correction."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Why the document is void"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Reason"), -1);
  /* the day it became void: today unless it is back-dated */
  date_row = rectify_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _ ("Void date"));
  rectify_date_row_set_date (RECTIFY_DATE_ROW (date_row), today);
  rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rows, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (rows), date_row);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    gtk_box_append (GTK_BOX (box), entry);
    gtk_box_append (GTK_BOX (box), rows);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  }
  g_object_set_data (G_OBJECT (dialog), "date-row", date_row);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "void",
                                    _ ("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "void");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

static void
void_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rectify_documents_page_open_void_dialog (RECTIFY_DOCUMENTS_PAGE (widget));
}

static void
on_draft_issued_cb (RectifyDocumentDraftDialog *dialog, gint64 id, RectifyDocumentsPage *self)
{
  rectify_list_page_select (RECTIFY_LIST_PAGE (self), id);
}

GtkWidget *
rectify_documents_page_open_draft (RectifyDocumentsPage *self, gint64 unit_id)
{
  GtkRoot *root;
  RectifyDocumentDraftDialog *dialog;

  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);

  if (!CAN_EDIT (self) || self->store == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = rectify_document_draft_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->store, unit_id);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_draft_issued_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
draft_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rectify_documents_page_open_draft (RECTIFY_DOCUMENTS_PAGE (widget), 0);
}

/* Ctrl+N: the one thing made on this page is a letter */
static gboolean
new_record (RectifyListPage *page)
{
  rectify_documents_page_open_draft (RECTIFY_DOCUMENTS_PAGE (page), 0);
  return FALSE;
}

/* ---- the store ----------------------------------------------------------- */

static void
store_changed (RectifyListPage *page, const char *entity)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (page);

  if (g_strcmp0 (entity, "officer") != 0 && g_strcmp0 (entity, "campaign") != 0)
    return;
  fill_names (self);
  apply_query (self);
  if (self->shown_id)
    show_document (self, self->shown_id);
}

static void
update_editable (RectifyListPage *page)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.draft", CAN_EDIT (self));
  /* Also when unchanged: voiding depends on who is acting. */
  update_buttons (self);
}

/* Hidden by the filters: show every document again. */
static void
reveal_record (RectifyListPage *page)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (page);

  rectify_as_of_limit_clear (&self->limit);
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  self->updating_filters = FALSE;
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_documents_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_DOCUMENTS_PAGE, "store", store, NULL);
}

void
rectify_documents_page_show_campaign (RectifyDocumentsPage *self,
                                      gint64 campaign_id,
                                      RectifyDocumentKind kind,
                                      const char *as_of)
{
  guint position = 0;
  g_autofree char *choices = NULL;

  g_return_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (kind >= 0 && kind < RECTIFY_N_DOCUMENT_KINDS);

  if (self->store == NULL)
    return;
  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == campaign_id)
      position = i;
  /* The first choice of each filter is "All …". */
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, (guint)kind + 1);
  gtk_drop_down_set_selected (self->status_dropdown, RECTIFY_DOCUMENT_ISSUED + 1);
  gtk_drop_down_set_selected (self->campaign_dropdown, position);
  self->updating_filters = FALSE;
  choices = filter_choices (self);
  rectify_as_of_limit_set (&self->limit, as_of, choices);
  /* a dashboard's tile: read now, shown or not */
  rectify_list_page_run_query (RECTIFY_LIST_PAGE (self));
}

const char *
rectify_documents_page_get_as_of_limit (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->limit.as_of;
}

GtkWidget *
rectify_documents_page_get_as_of_button (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->limit.button;
}

RectifyPdfView *
rectify_documents_page_get_preview (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->preview;
}

GtkWidget *
rectify_documents_page_get_void_button (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->void_button;
}

GtkWidget *
rectify_documents_page_get_save_button (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->save_button;
}

GtkWidget *
rectify_documents_page_get_print_button (RectifyDocumentsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENTS_PAGE (self), NULL);
  return self->print_button;
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_documents_page_dispose (GObject *object)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (object);

  g_clear_pointer (&self->shown, rectify_document_free);
  g_clear_pointer (&self->officer_names, g_hash_table_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->limit.as_of, g_free);
  g_clear_pointer (&self->limit.filters, g_free);

  G_OBJECT_CLASS (rectify_documents_page_parent_class)->dispose (object);
}

static void
rectify_documents_page_constructed (GObject *object)
{
  RectifyDocumentsPage *self = RECTIFY_DOCUMENTS_PAGE (object);

  self->store = rectify_list_page_get_store (RECTIFY_LIST_PAGE (self));
  if (self->store != NULL)
    fill_names (self);
  G_OBJECT_CLASS (rectify_documents_page_parent_class)->constructed (object);
}

/* Unit names are listed. */
static const char *const listed_entities[] = { "document", "unit", NULL };

static void
rectify_documents_page_class_init (RectifyDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->constructed = rectify_documents_page_constructed;
  object_class->dispose = rectify_documents_page_dispose;

  page_class->query_ids = rectify_store_query_document_ids;
  page_class->fetch = rectify_store_get_documents_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_document_free;
  page_class->entities = listed_entities;
  page_class->query_when_mapped = TRUE;
  page_class->count_text = count_text;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_DOCUMENTS;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;
  page_class->reveal_record = reveal_record;

  g_type_ensure (RECTIFY_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-documents-page.ui");
  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, kinds);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, statuses);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, campaigns);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, draft_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, void_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentsPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.draft", NULL, draft_action);
  gtk_widget_class_install_action (widget_class, "page.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.void", NULL, void_action);
}

static void
rectify_documents_page_init (RectifyDocumentsPage *self)
{
  self->officer_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));
  self->search_entry = rectify_list_page_get_search_entry (RECTIFY_LIST_PAGE (self));

  /* Kind, date and status take the width of their widest text in this
   * language (their texts are known: "Rectification opinion" needs twice
   * "整改意见书"), a number a fixed one; the unit takes the rest. */
  {
    const char *kinds[RECTIFY_N_DOCUMENT_KINDS + 1];
    const char *statuses[RECTIFY_N_DOCUMENT_STATUSES + 1];
    g_autofree char *date = rectify_format_date ("2026-12-28");
    const char *dates[] = { _ ("Date"), date };
    /* officers' names are not known here: room for three characters */
    const char *officers[] = { _ ("Issued By"), "林建华" };

    kinds[0] = _ ("Kind");
    for (int k = 0; k < RECTIFY_N_DOCUMENT_KINDS; k++)
      kinds[k + 1] = kind_list_label (k);
    statuses[0] = _ ("Status");
    for (int k = 0; k < RECTIFY_N_DOCUMENT_STATUSES; k++)
      statuses[k + 1] = rectify_document_status_to_label (k);
    rectify_record_list_view_add_column (self->column_view, _ ("Number"), "number", text_number,
                                         self, FALSE, 155);
    rectify_record_list_view_add_column (self->column_view, _ ("Kind"), "kind", text_kind, self,
                                         FALSE, column_width (self, kinds, G_N_ELEMENTS (kinds)));
    rectify_record_list_view_add_column (self->column_view, _ ("Unit"), "unit", text_unit, self,
                                         TRUE, 110);
    rectify_record_list_view_add_column (self->column_view, _ ("Date"), "issued_date", text_date,
                                         self, FALSE,
                                         column_width (self, dates, G_N_ELEMENTS (dates)));
    rectify_record_list_view_add_column (self->column_view, _ ("Status"), "status", text_status,
                                         self, FALSE,
                                         column_width (self, statuses, G_N_ELEMENTS (statuses)));
    rectify_record_list_view_add_column (self->column_view, _ ("Issued By"), "officer",
                                         text_officer, self, FALSE,
                                         column_width (self, officers, G_N_ELEMENTS (officers)));
  }

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  self->limit.button = rectify_as_of_button_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->search_entry))),
                              self->limit.button, GTK_WIDGET (self->search_entry));
  g_signal_connect_swapped (self->limit.button, "clicked", G_CALLBACK (on_as_of_clear_cb), self);
  rectify_a11y_name_dropdown_button (self->kind_dropdown, _ ("Kind filter"));
  rectify_a11y_name_dropdown_button (self->status_dropdown, _ ("Status filter"));
  rectify_a11y_name_dropdown_button (self->campaign_dropdown, _ ("Campaign filter"));

  fill_filters (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_buttons (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
