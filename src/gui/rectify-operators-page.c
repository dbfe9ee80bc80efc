/* rectify-operators-page.c: the operators of special equipment and their certificates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-column-sorter.h"
#include "rectify-date-row.h"
#include "rectify-list-page.h"
#include "rectify-operators-page.h"
#include "rectify-pane-position.h"
#include "rectify-format.h"
#include "rectify-record-list.h"
#include "rectify-exchange.h"
#include "rectify-form-field.h"
#include "rectify-validate.h"

/* The fields of the form: the core names them at the start of its error
 * messages ("ID number: …"); the error shows in the row below. */
enum
{
  FIELD_UNIT,
  FIELD_NAME,
  FIELD_ID_NUMBER,
  FIELD_CERT_NO,
  FIELD_CERT_CATEGORY,
  FIELD_CERT_EXPIRY,
  N_FIELDS
};

static const char *const field_names[N_FIELDS] = {
  N_ ("Unit"),
  NC_ ("person", "Name"),
  N_ ("ID number"),
  N_ ("Certificate number"),
  N_ ("Certificate category"),
  N_ ("Certificate expiry"),
};

struct _RectifyOperatorsPage
{
  AdwBin parent_instance;

  RectifyStore *store;
  gboolean can_edit;
  GSettings *settings;
  RectifyRecordList *operators;
  GtkSingleSelection *selection;
  RectifyRecordList *unit_choices;
  char *sort;
  gboolean descending;
  gint64 shown_id; /* the operator in the form; 0 = none or new */
  gboolean form_is_new;
  gint64 unit_id;  /* the unit chosen in the form */
  char *id_number; /* the stored number, shown masked until edited */
  gboolean id_masked;
  RectifyOperator *banner_undo; /* deleted operator the banner offers back */
  RectifyFormRow fields[N_FIELDS];

  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_undo_button;
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkToggleButton *expired_toggle;
  GtkWidget *new_button;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkStack *detail_stack;
  GtkLabel *form_title_label;
  GtkListBox *form_list;
  AdwActionRow *unit_row;
  GtkMenuButton *unit_button;
  GtkPopover *unit_popover;
  GtkSearchEntry *unit_search;
  GtkListView *unit_list;
  AdwEntryRow *name_row;
  AdwEntryRow *id_number_row;
  AdwEntryRow *cert_no_row;
  AdwEntryRow *cert_category_row;
  RectifyDateRow *cert_expiry_row;
  GtkLabel *general_error_label;
  GtkWidget *delete_button;
  GtkButton *save_button;
};

G_DEFINE_FINAL_TYPE (RectifyOperatorsPage, rectify_operators_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_operator (RectifyOperatorsPage *self, gint64 id);
static void on_selection_changed_cb (RectifyOperatorsPage *self);

/* ---- the list ------------------------------------------------------------ */

#define OP(r) ((const RectifyOperator *)(r))

static char *
op_name (gpointer self, gconstpointer r, const char **style)
{
  return g_strdup (OP (r)->name);
}
static char *
op_unit (gpointer self, gconstpointer r, const char **style)
{
  return g_strdup (OP (r)->unit_name);
}
static char *
op_cert_no (gpointer self, gconstpointer r, const char **style)
{
  return g_strdup (OP (r)->cert_no);
}
static char *
op_cert_category (gpointer self, gconstpointer r, const char **style)
{
  return g_strdup (OP (r)->cert_category);
}
/* the expiry as the reader writes dates */
static char *
op_cert_expiry (gpointer self, gconstpointer r, const char **style)
{
  return rectify_format_date (OP (r)->cert_expiry);
}

static char *
count_text (guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s operator", "%s operators", n), number);
}

static void
update_count (RectifyOperatorsPage *self)
{
  rectify_list_page_show_count (self->count_label, self->operators, count_text);
}

/* After a new snapshot the selection follows the shown operator by id;
 * one filtered out of the list stays in the form. */
static void
reselect (RectifyOperatorsPage *self)
{
  rectify_list_page_select_id (self->selection, self->operators, self->shown_id,
                               on_selection_changed_cb, self);
  update_count (self);
}

/* The rest of a long result came: its count, and the row of the form if
 * it was not among the first. */
static void
on_list_loaded_cb (RectifyOperatorsPage *self)
{
  reselect (self);
  update_count (self);
}

static void
apply_query (RectifyOperatorsPage *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;

  if (self->operators == NULL)
    return;
  q.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  q.sort = self->sort;
  q.descending = self->descending;
  q.licence_expired = gtk_toggle_button_get_active (self->expired_toggle);
  rectify_list_page_set_query (GTK_WIDGET (self->column_view), self->selection, self->operators, &q,
                               self->shown_id, on_selection_changed_cb, self);
  update_count (self);
}

static void
on_search_changed_cb (RectifyOperatorsPage *self)
{
  apply_query (self);
}

static void
on_filter_changed_cb (RectifyOperatorsPage *self)
{
  apply_query (self);
}

static void
on_sorter_changed_cb (GtkSorter *sorter, GtkSorterChange change, RectifyOperatorsPage *self)
{
  gboolean descending = FALSE;
  const char *key = rectify_column_view_get_sort (self->column_view, &descending);

  g_free (self->sort);
  self->sort = g_strdup (key);
  self->descending = descending;
  apply_query (self);
}

/* ---- messages -------------------------------------------------------------- */

static void
hide_banner (RectifyOperatorsPage *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  g_clear_pointer (&self->banner_undo, rectify_operator_free);
}

static void
on_banner_close_clicked_cb (RectifyOperatorsPage *self)
{
  hide_banner (self);
}

static void undo_delete (RectifyOperatorsPage *self, const RectifyOperator *op);

static void
on_banner_undo_clicked_cb (RectifyOperatorsPage *self)
{
  g_autoptr (RectifyOperator) op = g_steal_pointer (&self->banner_undo);

  hide_banner (self);
  if (op != NULL)
    undo_delete (self, op);
}

/* A toast in the shell's overlay, or the page's own banner without one;
 * with undo, the deleted operator is offered back. */
static void
show_message (RectifyOperatorsPage *self, const char *message, RectifyOperator *undo)
{
  if (rectify_list_page_toast (GTK_WIDGET (self), message, undo,
                               (GDestroyNotify)rectify_operator_free, (RectifyUndoFunc)undo_delete))
    return;

  g_clear_pointer (&self->banner_undo, rectify_operator_free);
  self->banner_undo = undo;
  gtk_label_set_text (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_undo_button), undo != NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* ---- the form ------------------------------------------------------------ */

static void
clear_errors (RectifyOperatorsPage *self)
{
  rectify_form_rows_clear (self->fields, N_FIELDS, self->general_error_label);
}

static void
on_field_changed_cb (GtkEditable *editable, RectifyOperatorsPage *self)
{
  rectify_form_rows_clear_field (self->fields, N_FIELDS, GTK_WIDGET (editable));
}

static void
show_error (RectifyOperatorsPage *self, const GError *error)
{
  /* The unit is chosen with its button. */
  if (rectify_form_rows_show_error (self->fields, N_FIELDS, self->general_error_label, error)
      == FIELD_UNIT)
    gtk_widget_grab_focus (GTK_WIDGET (self->unit_button));
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
set_unit (RectifyOperatorsPage *self, gint64 unit_id, const char *name)
{
  self->unit_id = unit_id;
  adw_action_row_set_subtitle (self->unit_row, unit_id != 0 && name ? name : _ ("Not chosen"));
  rectify_form_row_clear (&self->fields[FIELD_UNIT]);
}

/* The ID number is shown masked; the whole number only while editing it. */
static void
show_id_number (RectifyOperatorsPage *self, gboolean masked)
{
  g_autofree char *text = NULL;

  if (self->id_number == NULL || *self->id_number == '\0')
    {
      self->id_masked = FALSE;
      return;
    }
  text = masked ? rectify_mask_id_number (self->id_number) : g_strdup (self->id_number);
  self->id_masked = masked;
  g_signal_handlers_block_by_func (self->id_number_row, on_field_changed_cb, self);
  set_text (self->id_number_row, text);
  g_signal_handlers_unblock_by_func (self->id_number_row, on_field_changed_cb, self);
}

static void
on_id_number_focus_enter_cb (RectifyOperatorsPage *self)
{
  if (self->id_masked && self->can_edit)
    show_id_number (self, FALSE);
}

static void
on_id_number_focus_leave_cb (RectifyOperatorsPage *self)
{
  g_autofree char *text = get_text (self->id_number_row);

  /* Unchanged: hide it again. */
  if (!self->id_masked && g_strcmp0 (text, self->id_number) == 0)
    show_id_number (self, TRUE);
}

static void
set_form_editable (RectifyOperatorsPage *self)
{
  for (guint i = FIELD_NAME; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->fields[i].widget), self->can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_button), self->can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->can_edit);
  gtk_widget_set_visible (self->new_button, self->can_edit);
  gtk_widget_set_visible (self->delete_button, self->can_edit && !self->form_is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 self->can_edit && self->shown_id != 0);
}

static void
fill_form (RectifyOperatorsPage *self, const RectifyOperator *op)
{
  clear_errors (self);
  set_unit (self, op ? op->unit_id : 0, op ? op->unit_name : NULL);
  set_text (self->name_row, op ? op->name : NULL);
  g_free (self->id_number);
  self->id_number = g_strdup (op ? op->id_number : NULL);
  set_text (self->id_number_row, NULL);
  show_id_number (self, TRUE);
  set_text (self->cert_no_row, op ? op->cert_no : NULL);
  set_text (self->cert_category_row, op ? op->cert_category : NULL);
  rectify_date_row_set_date (self->cert_expiry_row, op ? op->cert_expiry : NULL);
}

static void
show_operator (RectifyOperatorsPage *self, gint64 id)
{
  g_autoptr (RectifyOperator) op = NULL;
  g_autoptr (GError) error = NULL;

  self->form_is_new = FALSE;
  if (id != 0 && self->store != NULL)
    {
      op = rectify_store_get_operator (self->store, id, &error);
      if (op == NULL)
        g_debug ("Reading operator %" G_GINT64_FORMAT " failed: %s", id, error->message);
    }
  self->shown_id = op ? op->id : 0;
  if (op == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      set_form_editable (self);
      return;
    }
  gtk_label_set_text (self->form_title_label, op->name);
  gtk_button_set_label (self->save_button, _ ("_Save"));
  fill_form (self, op);
  set_form_editable (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
}

static void
on_selection_changed_cb (RectifyOperatorsPage *self)
{
  RectifyRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL)
    show_operator (self, rectify_row_get_id (row));
  else if (!self->form_is_new)
    show_operator (self, 0);
}

/* ---- the unit chooser ------------------------------------------------------ */

static void
on_unit_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (item, box);
}

static void
on_unit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  RectifyRow *row = gtk_list_item_get_item (item);
  const RectifyUnit *unit = row ? rectify_row_get_record (row) : NULL;
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (name), unit ? unit->name : "");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)),
                      unit ? unit->credit_code : "");
}

static void
query_units (RectifyOperatorsPage *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;

  q.search = gtk_editable_get_text (GTK_EDITABLE (self->unit_search));
  rectify_record_list_set_query (self->unit_choices, &q);
}

static void
on_unit_popover_show_cb (RectifyOperatorsPage *self)
{
  query_units (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_search));
}

static void
on_unit_search_changed_cb (RectifyOperatorsPage *self)
{
  query_units (self);
}

static void
on_unit_list_activate_cb (RectifyOperatorsPage *self, guint position)
{
  g_autoptr (RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (self->unit_choices), position);
  const RectifyUnit *unit = row ? rectify_row_get_record (row) : NULL;

  if (unit == NULL)
    return;
  set_unit (self, unit->id, unit->name);
  gtk_popover_popdown (self->unit_popover);
}

/* ---- actions --------------------------------------------------------------- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (widget);

  self->shown_id = 0;
  self->form_is_new = TRUE;
  rectify_list_page_select_id (self->selection, self->operators, 0, on_selection_changed_cb, self);

  gtk_label_set_text (self->form_title_label, _ ("New Operator"));
  gtk_button_set_label (self->save_button, _ ("C_reate"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  fill_form (self, NULL);
  set_form_editable (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_button));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (widget);
  g_autoptr (RectifyOperator) op = rectify_operator_new ();
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || !self->can_edit || (!self->form_is_new && self->shown_id == 0))
    return;

  op->id = self->form_is_new ? 0 : self->shown_id;
  op->unit_id = self->unit_id;
  op->name = get_text (self->name_row);
  op->id_number = self->id_masked ? g_strdup (self->id_number) : get_text (self->id_number_row);
  op->cert_no = get_text (self->cert_no_row);
  op->cert_category = get_text (self->cert_category_row);
  op->cert_expiry = rectify_date_row_get_date (self->cert_expiry_row);

  clear_errors (self);
  if (self->unit_id == 0)
    {
      g_set_error (&error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID,
                   _ ("Unit: choose the unit the operator works for"));
      show_error (self, error);
      return;
    }
  if (rectify_list_page_save (self->store, op, self->form_is_new,
                              (RectifyAddFunc)rectify_store_add_operator,
                              (RectifyUpdateFunc)rectify_store_update_operator, &error)
      == 0)
    {
      show_error (self, error);
      return;
    }

  self->form_is_new = FALSE;
  self->shown_id = op->id;
  reselect (self);
  show_operator (self, op->id);
}

static void
undo_delete (RectifyOperatorsPage *self, const RectifyOperator *op)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  /* The id is set: the operator comes back under the same id. */
  if (rectify_store_add_operator (self->store, op, &error) == 0)
    {
      show_message (self, error->message, NULL);
      return;
    }
  rectify_operators_page_select (self, op->id);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (widget);
  g_autoptr (RectifyOperator) op = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || !self->can_edit || self->shown_id == 0)
    return;
  op = rectify_store_get_operator (self->store, self->shown_id, &error);
  if (op == NULL || !rectify_store_delete_operator (self->store, op->id, &error))
    {
      show_message (self, error->message, NULL);
      return;
    }
  /* Translators: %s is the name of the deleted operator */
  message = g_strdup_printf (_ ("“%s” deleted"), op->name);
  show_message (self, message, g_steal_pointer (&op));
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- the store ----------------------------------------------------------- */

static void
on_operators_changed_cb (RectifyStore *store, const char *entity, RectifyOperatorsPage *self)
{
  rectify_record_list_refresh (self->operators);
  reselect (self);

  /* The shown operator is gone (deleted here or elsewhere). */
  if (self->shown_id != 0 && rectify_record_list_find (self->operators, self->shown_id) < 0)
    {
      g_autoptr (RectifyOperator) op
          = rectify_store_get_operator (self->store, self->shown_id, NULL);

      if (op == NULL)
        show_operator (self, 0);
    }
}

static void
set_store (RectifyOperatorsPage *self, RectifyStore *store)
{
  GtkSelectionModel *choices;

  g_assert (self->store == NULL);

  if (store == NULL)
    return;
  self->store = g_object_ref (store);
  self->operators = rectify_record_list_new (store, rectify_store_query_operator_ids,
                                             rectify_store_get_operators_by_ids,
                                             (GDestroyNotify)rectify_operator_free);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->operators));
  g_signal_connect_object (self->operators, "notify::loading", G_CALLBACK (on_list_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  self->unit_choices
      = rectify_record_list_new (store, rectify_store_query_unit_ids,
                                 rectify_store_get_units_by_ids, (GDestroyNotify)rectify_unit_free);
  choices = GTK_SELECTION_MODEL (
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->unit_choices))));
  gtk_list_view_set_model (self->unit_list, choices);
  g_object_unref (choices);
  g_signal_connect_object (store, "changed::operator", G_CALLBACK (on_operators_changed_cb), self,
                           0);
  /* Unit names are shown in the list. */
  g_signal_connect_object (store, "changed::unit", G_CALLBACK (on_operators_changed_cb), self, 0);
  apply_query (self);
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_operators_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_OPERATORS_PAGE, "store", store, NULL);
}

RectifyStore *
rectify_operators_page_get_store (RectifyOperatorsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_OPERATORS_PAGE (self), NULL);
  return self->store;
}

gboolean
rectify_operators_page_get_can_edit (RectifyOperatorsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_OPERATORS_PAGE (self), FALSE);
  return self->can_edit;
}

void
rectify_operators_page_set_can_edit (RectifyOperatorsPage *self, gboolean can_edit)
{
  g_return_if_fail (RECTIFY_IS_OPERATORS_PAGE (self));

  can_edit = !!can_edit;
  if (self->can_edit == can_edit)
    return;
  self->can_edit = can_edit;
  if (!can_edit && self->form_is_new)
    show_operator (self, 0);
  if (!can_edit && self->shown_id != 0)
    show_id_number (self, TRUE);
  set_form_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EDIT]);
}

GListModel *
rectify_operators_page_get_model (RectifyOperatorsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_OPERATORS_PAGE (self), NULL);
  return G_LIST_MODEL (self->operators);
}

gint64
rectify_operators_page_get_selected_id (RectifyOperatorsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_OPERATORS_PAGE (self), 0);
  return self->shown_id;
}

void
rectify_operators_page_select (RectifyOperatorsPage *self, gint64 operator_id)
{
  gint64 position;

  g_return_if_fail (RECTIFY_IS_OPERATORS_PAGE (self));

  if (self->operators == NULL)
    return;
  rectify_record_list_complete (self->operators);
  position = rectify_record_list_find (self->operators, operator_id);
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint)position);
      if (self->shown_id != operator_id)
        show_operator (self, operator_id);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_operators_page_dispose (GObject *object)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* Removing a sorted column changes the sorter: no queries from here on. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_OPERATORS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->operators);
  g_clear_object (&self->unit_choices);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->banner_undo, rectify_operator_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->sort, g_free);

  G_OBJECT_CLASS (rectify_operators_page_parent_class)->dispose (object);
}

static void
rectify_operators_page_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (object);

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
rectify_operators_page_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_CAN_EDIT:
      rectify_operators_page_set_can_edit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = (RectifyOperatorsPage *)widget;

  if (self->store != NULL)
    rectify_exchange_import (widget, self->store, RECTIFY_IMPORT_OPERATORS);
}

/* The list as it is shown: its search, filters and order. */
static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOperatorsPage *self = (RectifyOperatorsPage *)widget;

  if (self->store != NULL && self->operators != NULL)
    rectify_exchange_export (widget, self->store, RECTIFY_EXPORT_OPERATORS,
                             rectify_record_list_get_query (self->operators));
}

static void
rectify_operators_page_class_init (RectifyOperatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_operators_page_dispose;
  object_class->get_property = rectify_operators_page_get_property;
  object_class->set_property = rectify_operators_page_set_property;

  rectify_list_page_install_properties (object_class, properties, N_PROPS, PROP_STORE,
                                        PROP_CAN_EDIT);

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-operators-page.ui");

  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, banner_undo_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, expired_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, form_title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, form_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, unit_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, unit_popover);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, unit_search);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, unit_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, cert_no_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, cert_category_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, cert_expiry_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_undo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
rectify_operators_page_init (RectifyOperatorsPage *self)
{
  GtkWidget *rows[N_FIELDS];
  GtkListItemFactory *factory;
  GtkEventController *focus;

  self->can_edit = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  rows[FIELD_UNIT] = GTK_WIDGET (self->unit_row);
  rows[FIELD_NAME] = GTK_WIDGET (self->name_row);
  rows[FIELD_ID_NUMBER] = GTK_WIDGET (self->id_number_row);
  rows[FIELD_CERT_NO] = GTK_WIDGET (self->cert_no_row);
  rows[FIELD_CERT_CATEGORY] = GTK_WIDGET (self->cert_category_row);
  rows[FIELD_CERT_EXPIRY] = GTK_WIDGET (self->cert_expiry_row);
  /* An error row under each field, shown when the core names the field. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      rectify_form_row_init (&self->fields[i], field_names[i], rows[i], self->form_list);
      if (i != FIELD_UNIT)
        g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_field_changed_cb), self, 0);
    }
  /* The core names an operator's name as a person's: C_("person", "Name"). */
  self->fields[FIELD_NAME].context = "person";

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_id_number_focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_id_number_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->id_number_row), focus);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);

  /* The store sorts by name, unit and expiry only. */
  rectify_record_list_view_add_column (self->column_view, C_ ("person", "Name"), "name", op_name,
                                       self, FALSE, 90);
  rectify_record_list_view_add_column (self->column_view, _ ("Unit"), "unit", op_unit, self, TRUE,
                                       180);
  rectify_record_list_view_add_column (self->column_view, _ ("Certificate No."), NULL, op_cert_no,
                                       self, FALSE, 150);
  rectify_record_list_view_add_column (self->column_view, _ ("Category"), NULL, op_cert_category,
                                       self, FALSE, 100);
  rectify_record_list_view_add_column (self->column_view, _ ("Expiry"), "cert_expiry",
                                       op_cert_expiry, self, FALSE, 130);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_unit_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_unit_bind_cb), NULL);
  gtk_list_view_set_factory (self->unit_list, factory);
  g_object_unref (factory);

  self->settings = rectify_pane_position_settings ("operators-pane-position");
  if (self->settings != NULL)
    g_settings_bind (self->settings, "operators-pane-position", self->paned, "position",
                     G_SETTINGS_BIND_DEFAULT);

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  set_form_editable (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
