/* rectify-document-draft-dialog.c: drafting a letter to a unit with a live preview of its PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-a11y.h"
#include "rectify-archived.h"
#include "rectify-bureau-setup-dialog.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-format.h"
#include "rectify-pdf-issue.h"
#include "rectify-pdf-letter.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"

/* A pause in typing before the letter is drawn again. */
#define PREVIEW_DELAY_MS 200

enum
{
  PART_INTRO,
  PART_ORDER,
  PART_REMEDIES,
  N_PARTS
};

typedef struct
{
  gint64 id;
  char *deadline;
  GtkCheckButton *check;
  gint64 campaign_id;
  gboolean open; /* its campaign is not archived */
} HazardItem;

struct _RectifyDocumentDraftDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 unit_id;
  char *unit_name;
  char *today;
  GArray *items; /* HazardItem */
  guint preview_timeout;
  gboolean filling;
  gboolean edited[N_PARTS];
  RectifyRecordList *units;
  GtkSingleSelection *unit_selection;
  char *message;

  GtkWidget *issue_button;
  GtkStack *stack;
  GtkSearchEntry *unit_search_entry;
  GtkListView *unit_list_view;
  GtkWidget *no_units_label;
  AdwActionRow *unit_row;
  AdwComboRow *kind_row;
  GtkStringList *kinds;
  AdwComboRow *language_row;
  GtkStringList *languages;
  GtkListBox *hazard_list;
  GtkTextView *intro_view;
  GtkTextView *order_view;
  GtkTextView *remedies_view;
  GtkLabel *error_label;
  GtkLabel *deadline_warning_label;
  RectifyPdfView *preview;
};

G_DEFINE_FINAL_TYPE (RectifyDocumentDraftDialog, rectify_document_draft_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_preview (RectifyDocumentDraftDialog *self);

static void
hazard_item_clear (gpointer data)
{
  HazardItem *item = data;

  g_free (item->deadline);
}

/* ---- the draft ------------------------------------------------------------- */

static RectifyDocumentKind
chosen_kind (RectifyDocumentDraftDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? RECTIFY_DOCUMENT_RECTIFICATION_OPINION
                                                          : RECTIFY_DOCUMENT_INSTRUCTION_LETTER;
}

static RectifyPdfLanguage
chosen_language (RectifyDocumentDraftDialog *self)
{
  return adw_combo_row_get_selected (self->language_row) == 1 ? RECTIFY_PDF_LANGUAGE_EN
                                                              : RECTIFY_PDF_LANGUAGE_ZH_CN;
}

static GtkTextView *
part_view (RectifyDocumentDraftDialog *self, int part)
{
  return part == PART_INTRO   ? self->intro_view
         : part == PART_ORDER ? self->order_view
                              : self->remedies_view;
}

static char *
part_text (RectifyDocumentDraftDialog *self, int part)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (part_view (self, part));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GArray *
checked_ids (RectifyDocumentDraftDialog *self, const char **latest)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (latest)
    *latest = NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      HazardItem *item = &g_array_index (self->items, HazardItem, i);

      if (!gtk_check_button_get_active (item->check))
        continue;
      g_array_append_val (ids, item->id);
      if (latest && item->deadline && (*latest == NULL || g_strcmp0 (item->deadline, *latest) > 0))
        *latest = item->deadline;
    }
  return ids;
}

/* The parts not edited follow the kind, the language and the deadline. */
static void
fill_wording (RectifyDocumentDraftDialog *self)
{
  g_autoptr (GArray) ids = NULL;
  const char *latest = NULL;
  RectifyPdfLetterKind kind = chosen_kind (self) == RECTIFY_DOCUMENT_RECTIFICATION_OPINION
                                  ? RECTIFY_PDF_LETTER_OPINION
                                  : RECTIFY_PDF_LETTER_INSTRUCTION;
  static const RectifyPdfLetterPart parts[N_PARTS] = {
    RECTIFY_PDF_LETTER_INTRO,
    RECTIFY_PDF_LETTER_ORDER,
    RECTIFY_PDF_LETTER_REMEDIES,
  };

  ids = checked_ids (self, &latest);
  self->filling = TRUE;
  for (int i = 0; i < N_PARTS; i++)
    if (!self->edited[i])
      {
        g_autofree char *text = rectify_pdf_issue_default_text (
            self->store, kind, chosen_language (self), parts[i], latest, self->today);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (part_view (self, i)), text, -1);
      }
  self->filling = FALSE;
}

static void
set_message (RectifyDocumentDraftDialog *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The placeholder number of a draft, in the letter's language: a draft
 * never takes a number. */
static const char *
draft_number (RectifyPdfLanguage language)
{
  return language == RECTIFY_PDF_LANGUAGE_EN ? "DRAFT" : "〔草稿〕";
}

/* The edited parts into options (texts keeps them); NULL for the others:
 * the engine's standard wording. */
static void
wording_options (RectifyDocumentDraftDialog *self,
                 RectifyPdfIssueOptions *options,
                 GPtrArray *texts)
{
  const char **fields[N_PARTS] = { &options->intro, &options->order, &options->remedies };

  for (int i = 0; i < N_PARTS; i++)
    if (self->edited[i])
      {
        char *text = part_text (self, i);
        g_ptr_array_add (texts, text);
        *fields[i] = text;
      }
}

static GBytes *
render_draft (RectifyDocumentDraftDialog *self, GError **error)
{
  g_autoptr (RectifyDocument) document = rectify_document_new ();
  g_autoptr (GArray) ids = checked_ids (self, NULL);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  RectifyPdfIssueOptions options = { chosen_language (self), NULL, NULL, NULL, NULL, NULL };

  wording_options (self, &options, texts);
  document->kind = chosen_kind (self);
  document->number = g_strdup (draft_number (options.language));
  document->unit_id = self->unit_id;
  document->unit_name = g_strdup (self->unit_name);
  document->issued_date = g_strdup (self->today);
  document->officer_id = rectify_store_get_actor (self->store);
  g_array_append_vals (document->hazard_ids, ids->data, ids->len);
  return rectify_pdf_render_document (self->store, document, draft_number (options.language),
                                      &options, error);
}

void
rectify_document_draft_dialog_update_preview (RectifyDocumentDraftDialog *self)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;

  g_return_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self));

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->unit_id == 0)
    return;
  ids = checked_ids (self, NULL);
  if (ids->len == 0)
    {
      rectify_pdf_view_set_message (self->preview,
                                    _ ("Check at least one hazard to see the letter."));
      return;
    }
  pdf = render_draft (self, &error);
  if (pdf == NULL)
    {
      rectify_pdf_view_set_message (self->preview, error->message);
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  rectify_pdf_view_set_pdf (self->preview, pdf, NULL);
}

static gboolean
on_preview_timeout_cb (gpointer data)
{
  RectifyDocumentDraftDialog *self = data;

  self->preview_timeout = 0;
  rectify_document_draft_dialog_update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (RectifyDocumentDraftDialog *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout_cb, self);
}

/* A deadline already past would order a rectification by a day gone:
 * the draft says so before it is issued. */
static void
update_deadline_warning (RectifyDocumentDraftDialog *self)
{
  g_autoptr (GArray) ids = NULL;
  const char *latest = NULL;

  ids = checked_ids (self, &latest);
  if (self->unit_id != 0 && latest && *latest && g_strcmp0 (latest, self->today) < 0)
    {
      g_autofree char *day = rectify_format_date (latest);
      g_autofree char *text = g_strdup_printf (
          /* Translators: %s is the deadline of the checked hazards */
          _ ("The deadline %s has passed: the letter would order a rectification by a day "
             "already gone. Set a new deadline on the hazard first, or issue it as it is."),
          day);
      gtk_label_set_text (self->deadline_warning_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_warning_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->deadline_warning_label), FALSE);
}

/* A letter about a hazard of an archived campaign is refused by the
 * store: Issue says so before. */
static void
update_issue (RectifyDocumentDraftDialog *self)
{
  gint64 archived = 0;

  for (guint i = 0; i < self->items->len && archived == 0; i++)
    {
      HazardItem *item = &g_array_index (self->items, HazardItem, i);

      if (!item->open && gtk_check_button_get_active (item->check))
        archived = item->campaign_id;
    }
  rectify_archived_check (self->issue_button, self->store, archived);
  gtk_widget_set_sensitive (self->issue_button, self->unit_id != 0 && archived == 0);
  update_deadline_warning (self);
}

static void
on_choice_changed_cb (RectifyDocumentDraftDialog *self)
{
  if (self->filling)
    return;
  update_issue (self);
  fill_wording (self);
  schedule_preview (self);
}

static void
on_wording_changed_cb (GtkTextBuffer *buffer, RectifyDocumentDraftDialog *self)
{
  if (self->filling)
    return;
  for (int i = 0; i < N_PARTS; i++)
    if (gtk_text_view_get_buffer (part_view (self, i)) == buffer)
      self->edited[i] = TRUE;
  schedule_preview (self);
}

static void
reset_wording_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDocumentDraftDialog *self = RECTIFY_DOCUMENT_DRAFT_DIALOG (widget);

  for (int i = 0; i < N_PARTS; i++)
    self->edited[i] = FALSE;
  fill_wording (self);
  schedule_preview (self);
}

/* ---- the hazards of the unit ------------------------------------------------ */

static void
fill_hazards (RectifyDocumentDraftDialog *self, const gint64 *checked, guint n_checked)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GError) error = NULL;
  gboolean chinese = rectify_language_is_chinese ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hazard_list))) != NULL)
    gtk_list_box_remove (self->hazard_list, child);
  g_array_set_size (self->items, 0);

  q.unit_id = self->unit_id;
  q.sort = "found_date";
  ids = rectify_store_query_hazard_ids (self->store, &q, &error);
  if (ids != NULL)
    rows = rectify_store_get_hazards_by_ids (self->store, (const gint64 *)ids->data, ids->len,
                                             &error);
  if (rows == NULL)
    {
      set_message (self, error->message);
      return;
    }
  categories = rectify_store_list_hazard_categories (self->store, NULL);
  self->filling = TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      const RectifyHazard *h = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *category = h->category;
      gboolean active = FALSE;
      g_autofree char *subtitle = NULL;
      gboolean open = rectify_archived_check (NULL, self->store, h->campaign_id);
      HazardItem item
          = { h->id, g_strdup (h->deadline), GTK_CHECK_BUTTON (check), h->campaign_id, open };

      for (guint c = 0; categories && c < categories->len; c++)
        {
          RectifyHazardCategory *cat = g_ptr_array_index (categories, c);
          if (g_strcmp0 (cat->code, h->category) == 0)
            category = chinese && *cat->name_zh ? cat->name_zh : cat->name_en;
        }
      if (checked != NULL)
        {
          for (guint k = 0; k < n_checked; k++)
            active = active || checked[k] == h->id;
        }
      else
        active = h->status != RECTIFY_HAZARD_CLOSED && open;
      /* Translators: a hazard in the letter's check list: found date, status, deadline */
      subtitle = g_strdup_printf (_ ("Found %s · %s · deadline %s"), h->found_date,
                                  rectify_hazard_status_to_label (h->status),
                                  h->deadline && *h->deadline ? h->deadline : _ ("none"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   h->content && *h->content ? h->content : subtitle);
      gtk_widget_set_tooltip_text (row, subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      h->content && *h->content ? h->content : category, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_choice_changed_cb), self);
      gtk_list_box_append (self->hazard_list, row);
      g_array_append_val (self->items, item);
    }
  self->filling = FALSE;
  if (rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (_ ("This unit has no hazards on record."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->hazard_list, label);
    }
}

void
rectify_document_draft_dialog_set_unit (RectifyDocumentDraftDialog *self, gint64 unit_id)
{
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self));

  unit = unit_id > 0 ? rectify_store_get_unit (self->store, unit_id, &error) : NULL;
  if (unit == NULL)
    {
      self->unit_id = 0;
      g_clear_pointer (&self->unit_name, g_free);
      gtk_stack_set_visible_child_name (self->stack, "unit");
      gtk_widget_set_sensitive (self->issue_button, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->unit_search_entry));
      return;
    }
  self->unit_id = unit->id;
  g_free (self->unit_name);
  self->unit_name = g_strdup (unit->name);
  adw_action_row_set_subtitle (self->unit_row, unit->name);
  gtk_stack_set_visible_child_name (self->stack, "draft");
  fill_hazards (self, NULL, 0);
  update_issue (self);
  fill_wording (self);
  rectify_document_draft_dialog_update_preview (self);
}

static void
change_unit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDocumentDraftDialog *self = RECTIFY_DOCUMENT_DRAFT_DIALOG (widget);

  rectify_document_draft_dialog_set_unit (self, 0);
}

/* ---- the unit chooser -------------------------------------------------------- */

static void
query_units (RectifyDocumentDraftDialog *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;

  q.search = gtk_editable_get_text (GTK_EDITABLE (self->unit_search_entry));
  rectify_record_list_view_scroll_to_top (GTK_WIDGET (self->unit_list_view));
  rectify_record_list_set_query (self->units, &q);
  gtk_widget_set_visible (self->no_units_label,
                          g_list_model_get_n_items (G_LIST_MODEL (self->units)) == 0);
}

static void
on_unit_search_changed_cb (RectifyDocumentDraftDialog *self)
{
  query_units (self);
}

static void
on_unit_activated_cb (RectifyDocumentDraftDialog *self, guint position)
{
  g_autoptr (RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (self->units), position);

  if (row != NULL)
    rectify_document_draft_dialog_set_unit (self, rectify_row_get_id (row));
}

/* Enter takes the first unit found. */
static void
on_unit_search_activate_cb (RectifyDocumentDraftDialog *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->units)) > 0)
    on_unit_activated_cb (self, 0);
}

static void
on_unit_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_unit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  RectifyRow *row = gtk_list_item_get_item (item);
  const RectifyUnit *unit = row ? rectify_row_get_record (row) : NULL;
  g_autofree char *text = NULL;

  if (unit != NULL)
    text = unit->credit_code && *unit->credit_code
               ? g_strdup_printf ("%s  ·  %s", unit->name, unit->credit_code)
               : g_strdup (unit->name);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

/* ---- issuing ---------------------------------------------------------------- */

/* Issues the draft: the store decides (managers only, at least one hazard
 * of the unit); the number, the PDF and its SHA-256 are written in one
 * transaction. */
static void
issue_now (RectifyDocumentDraftDialog *self)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  RectifyPdfIssueOptions options = { chosen_language (self), NULL, NULL, NULL, NULL, NULL };
  gint64 id;

  wording_options (self, &options, texts);
  ids = checked_ids (self, NULL);
  id = rectify_store_issue_document_with_pdf (self->store, chosen_kind (self), self->unit_id, 0,
                                              NULL, (const gint64 *)ids->data, ids->len,
                                              rectify_pdf_render_document, &options, &error);
  if (id == 0)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
issue_when_idle_cb (gpointer data)
{
  issue_now (data);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char *response,
                        RectifyDocumentDraftDialog *self)
{
  /* after the question has closed: issuing closes this window, its parent */
  if (g_strcmp0 (response, "issue") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, issue_when_idle_cb, g_object_ref (self),
                     g_object_unref);
}

/* An issued document cannot be taken back, only voided: the number it
 * takes, its addressee, date and deadline are shown to be confirmed. */
static void
confirm_issue (RectifyDocumentDraftDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *day = rectify_format_date (self->today);
  g_autofree char *deadline = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  const char *latest = NULL;
  AdwMessageDialog *dialog;

  number
      = rectify_store_next_document_number (self->store, chosen_kind (self), self->today, &error);
  if (number == NULL)
    {
      set_message (self, error->message);
      return;
    }
  ids = checked_ids (self, &latest);
  deadline = latest && *latest ? rectify_format_date (latest) : g_strdup (_ ("none"));
  /* Translators: the question before issuing; %s is the number it will take */
  heading = g_strdup_printf (_ ("Issue %s?"), number);
  g_string_append_printf (body, _ ("To: %s"), self->unit_name ? self->unit_name : "");
  g_string_append_c (body, '\n');
  g_string_append_printf (body, _ ("Dated: %s"), day);
  g_string_append_c (body, '\n');
  g_string_append_printf (body, _ ("Rectify by: %s"), deadline);
  g_string_append_c (body, '\n');
  g_string_append_printf (
      body, g_dngettext (GETTEXT_PACKAGE, "Hazards: %u", "Hazards: %u", ids->len), ids->len);
  if (latest && *latest && g_strcmp0 (latest, self->today) < 0)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, gtk_label_get_text (self->deadline_warning_label));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _ ("Once issued it keeps its number and its PDF; a mistake is put right "
                            "by voiding it and issuing another."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "issue", _ ("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "issue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_setup_saved_cb (RectifyBureauSetupDialog *setup, RectifyDocumentDraftDialog *self)
{
  set_message (self, NULL);
  fill_wording (self);
  schedule_preview (self);
  confirm_issue (self);
}

static void
issue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyDocumentDraftDialog *self = RECTIFY_DOCUMENT_DRAFT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;

  if (self->unit_id == 0)
    return;
  ids = checked_ids (self, NULL);
  /* nothing to confirm: the store says what is missing */
  if (!rectify_store_can_issue_documents (self->store, NULL) || ids->len == 0)
    {
      issue_now (self);
      return;
    }
  /* the first document of a bureau: its name and prefixes first */
  if (!rectify_store_check_bureau_set_up (self->store, &error))
    {
      RectifyBureauSetupDialog *setup;

      if (!g_error_matches (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_SET_UP))
        {
          set_message (self, error->message);
          return;
        }
      set_message (self, error->message);
      setup = rectify_bureau_setup_dialog_new (GTK_WINDOW (self), self->store);
      g_signal_connect_object (setup, "saved", G_CALLBACK (on_setup_saved_cb), self, 0);
      gtk_window_present (GTK_WINDOW (setup));
      return;
    }
  confirm_issue (self);
}

/* ---- public ---------------------------------------------------------------- */

RectifyDocumentDraftDialog *
rectify_document_draft_dialog_new (GtkWindow *parent, RectifyStore *store, gint64 unit_id)
{
  RectifyDocumentDraftDialog *self;
  g_autoptr (GError) denied = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  self = g_object_new (RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->units
      = rectify_record_list_new (store, rectify_store_query_unit_ids,
                                 rectify_store_get_units_by_ids, (GDestroyNotify)rectify_unit_free);
  gtk_single_selection_set_model (self->unit_selection, G_LIST_MODEL (self->units));
  /* Issuing is for managers: the others draft and preview. */
  gtk_widget_set_visible (self->issue_button, rectify_store_can_issue_documents (store, &denied));
  self->filling = TRUE;
  adw_combo_row_set_selected (
      self->language_row, rectify_pdf_default_language (store) == RECTIFY_PDF_LANGUAGE_EN ? 1 : 0);
  self->filling = FALSE;
  query_units (self);
  rectify_document_draft_dialog_set_unit (self, unit_id);
  return self;
}

gint64
rectify_document_draft_dialog_get_unit (RectifyDocumentDraftDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), 0);
  return self->unit_id;
}

GtkCheckButton *
rectify_document_draft_dialog_get_hazard_check (RectifyDocumentDraftDialog *self, gint64 hazard_id)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, HazardItem, i).id == hazard_id)
      return g_array_index (self->items, HazardItem, i).check;
  return NULL;
}

RectifyPdfView *
rectify_document_draft_dialog_get_preview (RectifyDocumentDraftDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), NULL);
  return self->preview;
}

GtkWidget *
rectify_document_draft_dialog_get_issue_button (RectifyDocumentDraftDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), NULL);
  return self->issue_button;
}

GListModel *
rectify_document_draft_dialog_get_unit_model (RectifyDocumentDraftDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->units);
}

const char *
rectify_document_draft_dialog_get_message (RectifyDocumentDraftDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_DOCUMENT_DRAFT_DIALOG (self), NULL);
  return self->message;
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_document_draft_dialog_dispose (GObject *object)
{
  RectifyDocumentDraftDialog *self = RECTIFY_DOCUMENT_DRAFT_DIALOG (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_DOCUMENT_DRAFT_DIALOG);
  g_clear_object (&self->unit_selection);
  g_clear_object (&self->units);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->unit_name, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rectify_document_draft_dialog_parent_class)->dispose (object);
}

static void
rectify_document_draft_dialog_class_init (RectifyDocumentDraftDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_document_draft_dialog_dispose;

  signals[SIGNAL_ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RECTIFY_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-document-draft-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog,
                                        deadline_warning_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog,
                                        unit_search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, unit_list_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, no_units_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, kinds);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, languages);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, hazard_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, intro_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, order_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, remedies_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDocumentDraftDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activated_cb);

  gtk_widget_class_install_action (widget_class, "draft.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "draft.change-unit", NULL, change_unit_action);
  gtk_widget_class_install_action (widget_class, "draft.reset-wording", NULL, reset_wording_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_document_draft_dialog_init (RectifyDocumentDraftDialog *self)
{
  GtkListItemFactory *factory;
  const char *kinds[] = {
    rectify_document_kind_to_label (RECTIFY_DOCUMENT_INSTRUCTION_LETTER),
    rectify_document_kind_to_label (RECTIFY_DOCUMENT_RECTIFICATION_OPINION),
    NULL,
  };
  const char *languages[] = { _ ("Chinese (Simplified)"), _ ("English"), NULL };

  self->items = g_array_new (FALSE, TRUE, sizeof (HazardItem));
  g_array_set_clear_func (self->items, hazard_item_clear);
  self->today = rectify_today ();
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_splice (self->kinds, 0, 0, kinds);
  gtk_string_list_splice (self->languages, 0, 0, languages);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_choice_changed_cb),
                            self);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_choice_changed_cb), self);
  for (int i = 0; i < N_PARTS; i++)
    g_signal_connect (gtk_text_view_get_buffer (part_view (self, i)), "changed",
                      G_CALLBACK (on_wording_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_unit_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_unit_bind_cb), NULL);
  gtk_list_view_set_factory (self->unit_list_view, factory);
  g_object_unref (factory);
  self->unit_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->unit_selection, FALSE);
  gtk_list_view_set_model (self->unit_list_view, GTK_SELECTION_MODEL (self->unit_selection));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
