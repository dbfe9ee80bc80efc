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
  RectifyListPage parent_instance;

  GSettings *settings;
  RectifyRecordList *unit_choices;
  gboolean form_is_new;
  gint64 unit_id;  /* the unit chosen in the form */
  char *id_number; /* the stored number, shown masked until edited */
  gboolean id_masked;
  RectifyFormRow fields[N_FIELDS];

  GtkPaned *paned;
  GtkToggleButton *expired_toggle;
  GtkWidget *new_button;
  GtkColumnView *column_view; /* the page's */
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

G_DEFINE_FINAL_TYPE (RectifyOperatorsPage, rectify_operators_page, RECTIFY_TYPE_LIST_PAGE)

#define STORE(self) rectify_list_page_get_store (RECTIFY_LIST_PAGE (self))
#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))
#define SHOWN_ID(self) rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (self))

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
  g_autofree char *today = rectify_today ();

  if (rectify_operator_is_licence_expired (OP (r), today))
    *style = "error";
  return rectify_format_date (OP (r)->cert_expiry);
}

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s operator", "%s operators", n), number);
}

static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  q->licence_expired = gtk_toggle_button_get_active (RECTIFY_OPERATORS_PAGE (page)->expired_toggle);
}

static void
on_filter_changed_cb (RectifyOperatorsPage *self)
{
  rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
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
  if (self->id_masked && CAN_EDIT (self))
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
  gboolean can_edit = CAN_EDIT (self);

  for (guint i = FIELD_NAME; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->fields[i].widget), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_button), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), can_edit);
  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_set_visible (self->delete_button, can_edit && !self->form_is_new);
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

static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (page);
  g_autoptr (RectifyOperator) op = NULL;
  g_autoptr (GError) error = NULL;

  self->form_is_new = FALSE;
  if (id != 0)
    {
      op = rectify_store_get_operator (STORE (self), id, &error);
      if (op == NULL)
        g_debug ("Reading operator %" G_GINT64_FORMAT " failed: %s", id, error->message);
    }
  if (op == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return id == 0;
    }
  gtk_label_set_text (self->form_title_label, op->name);
  gtk_button_set_label (self->save_button, _ ("_Save"));
  fill_form (self, op);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  return TRUE;
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

static gboolean
new_record (RectifyListPage *page)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (page);

  self->form_is_new = TRUE;
  gtk_label_set_text (self->form_title_label, _ ("New Operator"));
  gtk_button_set_label (self->save_button, _ ("C_reate"));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self->save_button));
  fill_form (self, NULL);
  set_form_editable (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_button));
  return TRUE;
}

static gint64
save_record (RectifyListPage *page, const char **saved_message)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (page);
  g_autoptr (RectifyOperator) op = rectify_operator_new ();
  g_autoptr (GError) error = NULL;

  if (!self->form_is_new && SHOWN_ID (self) == 0)
    return 0;

  op->id = self->form_is_new ? 0 : SHOWN_ID (self);
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
      return 0;
    }
  if (rectify_list_page_save (STORE (self), op, self->form_is_new,
                              (RectifyAddFunc)rectify_store_add_operator,
                              (RectifyUpdateFunc)rectify_store_update_operator, &error)
      == 0)
    {
      show_error (self, error);
      return 0;
    }
  return op->id;
}

/* The id is set: the operator comes back under the same id. */
static gint64
restore_record (RectifyListPage *page, gconstpointer kept, GError **error)
{
  return rectify_store_add_operator (STORE (page), kept, error);
}

static gpointer
delete_record (RectifyListPage *page, gint64 id, char **message, GError **error)
{
  g_autoptr (RectifyOperator) op = rectify_store_get_operator (STORE (page), id, error);

  if (op == NULL || !rectify_store_delete_operator (STORE (page), op->id, error))
    return NULL;
  /* Translators: %s is the name of the deleted operator */
  *message = g_strdup_printf (_ ("“%s” deleted"), op->name);
  return g_steal_pointer (&op);
}

/* The shown operator is gone (deleted here or elsewhere). */
static void
store_changed (RectifyListPage *page, const char *entity)
{
  gint64 id = SHOWN_ID (page);

  if (g_strcmp0 (entity, "operator") == 0 && id != 0
      && rectify_record_list_find (rectify_list_page_get_list (page), id) < 0)
    {
      g_autoptr (RectifyOperator) op = rectify_store_get_operator (STORE (page), id, NULL);

      if (op == NULL)
        rectify_list_page_select (page, 0);
    }
}

static void
update_editable (RectifyListPage *page)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (page);

  if (!CAN_EDIT (self) && self->form_is_new)
    rectify_list_page_select (page, 0);
  if (!CAN_EDIT (self) && SHOWN_ID (self) != 0)
    show_id_number (self, TRUE);
  set_form_editable (self);
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_operators_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_OPERATORS_PAGE, "store", store, NULL);
}

/* ---- GObject ------------------------------------------------------------- */

static void
rectify_operators_page_dispose (GObject *object)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (object);

  g_clear_object (&self->unit_choices);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->id_number, g_free);

  G_OBJECT_CLASS (rectify_operators_page_parent_class)->dispose (object);
}

/* Unit names are shown in the list. */
static const char *const listed_entities[] = { "operator", "unit", NULL };

static void
rectify_operators_page_constructed (GObject *object)
{
  RectifyOperatorsPage *self = RECTIFY_OPERATORS_PAGE (object);
  GtkSelectionModel *choices;

  G_OBJECT_CLASS (rectify_operators_page_parent_class)->constructed (object);

  self->unit_choices
      = rectify_record_list_new (STORE (self), rectify_store_query_unit_ids,
                                 rectify_store_get_units_by_ids, (GDestroyNotify)rectify_unit_free);
  choices = GTK_SELECTION_MODEL (
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->unit_choices))));
  gtk_list_view_set_model (self->unit_list, choices);
  g_object_unref (choices);
}

static void
rectify_operators_page_class_init (RectifyOperatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->constructed = rectify_operators_page_constructed;
  object_class->dispose = rectify_operators_page_dispose;

  page_class->query_ids = rectify_store_query_operator_ids;
  page_class->fetch = rectify_store_get_operators_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_operator_free;
  page_class->entities = listed_entities;
  page_class->count_text = count_text;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->save_record = save_record;
  page_class->delete_record = delete_record;
  page_class->restore_record = restore_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_OPERATORS;
  page_class->imports = TRUE;
  page_class->import_kind = RECTIFY_IMPORT_OPERATORS;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-operators-page.ui");

  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, expired_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyOperatorsPage, new_button);
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
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_list_activate_cb);
}

static void
rectify_operators_page_init (RectifyOperatorsPage *self)
{
  GtkWidget *rows[N_FIELDS];
  GtkListItemFactory *factory;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));

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
