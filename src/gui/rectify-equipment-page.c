/* rectify-equipment-page.c: the equipment register, searchable, with the selected item's form
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-column-sorter.h"
#include "rectify-date-row.h"
#include "rectify-equipment-page.h"
#include "rectify-format.h"
#include "rectify-list-page.h"
#include "rectify-pane-position.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"

#define SETTINGS_SCHEMA_ID "app.rectify.Rectify"
#define PANE_POSITION_KEY "equipment-pane-position"

typedef enum
{
  COLUMN_CODE,
  COLUMN_CATEGORY,
  COLUMN_UNIT,
  COLUMN_NEXT_INSPECTION,
  COLUMN_STATUS,
  COLUMN_LOCATION,
  N_COLUMNS
} Column;

/* The essential columns first: code, category, unit, next inspection.
 * The category, the status and the date take the width of their longest
 * text in this language; the unit takes what the others leave. */
static const struct
{
  const char *title;
  const char *sort_key;
  gboolean expand;
  int fixed_width; /* measured for the columns of known texts */
} columns[N_COLUMNS] = {
  /* 20 digits fit */
  [COLUMN_CODE] = { N_ ("Code"), "code", FALSE, 175 },
  [COLUMN_CATEGORY] = { N_ ("Category"), "category", FALSE, 0 },
  /* the unit takes what the others leave: a narrow list cuts it last */
  [COLUMN_UNIT] = { N_ ("Unit"), "unit", TRUE, 150 },
  [COLUMN_NEXT_INSPECTION] = { N_ ("Next Inspection"), "next_inspection", FALSE, 0 },
  [COLUMN_STATUS] = { N_ ("Status"), "status", FALSE, 0 },
  [COLUMN_LOCATION] = { N_ ("Location"), "location", FALSE, 80 },
};

/* The core names the field first in its messages ("Next inspection: …");
 * each name leads to the row where the message is shown. */
typedef enum
{
  FIELD_CODE,
  FIELD_CATEGORY,
  FIELD_UNIT,
  FIELD_REG_CERT,
  FIELD_VARIETY,
  FIELD_LOCATION,
  FIELD_REGISTERED_USER,
  FIELD_STATUS,
  FIELD_QUANTITY,
  FIELD_LAST_INSPECTION,
  FIELD_NEXT_INSPECTION,
  FIELD_POSTPONED,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  [FIELD_CODE] = N_ ("Equipment code"),
  [FIELD_CATEGORY] = N_ ("Category"),
  [FIELD_UNIT] = N_ ("Unit"),
  [FIELD_REG_CERT] = N_ ("Registration certificate"),
  [FIELD_VARIETY] = N_ ("Variety"),
  [FIELD_LOCATION] = N_ ("Location"),
  [FIELD_REGISTERED_USER] = N_ ("Registered user"),
  [FIELD_STATUS] = N_ ("Status"),
  [FIELD_QUANTITY] = N_ ("Quantity"),
  [FIELD_LAST_INSPECTION] = N_ ("Last inspection"),
  [FIELD_NEXT_INSPECTION] = N_ ("Next inspection"),
  [FIELD_POSTPONED] = N_ ("Postponed until"),
};

typedef struct
{
  GtkWidget *row;
  GtkWidget *error_row;
  GtkLabel *error_label;
} FieldWidgets;

typedef struct
{
  RectifyEquipmentPage *page;
  Column column;
} CellOwner;

struct _RectifyEquipmentPage
{
  RectifyListPage parent_instance;

  RectifyRecordList *units;
  GSettings *settings;

  gboolean form_shown; /* with the page's selected id 0: a new item */
  CellOwner cell_owners[N_COLUMNS];
  char *today; /* the list's day: what is overdue */
  gint64 unit_id;
  FieldWidgets fields[N_FIELDS];

  GtkDropDown *category_dropdown;
  GtkStringList *category_filter_labels;
  GtkDropDown *status_dropdown;
  GtkStringList *status_filter_labels;
  GtkMenuButton *filters_button;
  GtkCheckButton *overdue_button;
  GtkCheckButton *user_differs_button;
  GtkWidget *new_button;
  GtkPaned *paned;
  GtkColumnView *column_view; /* the page's */
  GtkStack *details_stack;
  GtkLabel *form_error;
  AdwPreferencesGroup *form_group;
  GtkWidget *form_buttons;
  GtkWidget *delete_button;

  AdwEntryRow *code_row;
  AdwComboRow *category_row;
  GtkStringList *category_labels;
  AdwActionRow *unit_row;
  GtkMenuButton *unit_button;
  GtkSearchEntry *unit_search;
  GtkListView *unit_list;
  AdwEntryRow *reg_cert_row;
  AdwEntryRow *variety_row;
  AdwEntryRow *location_row;
  AdwEntryRow *registered_user_row;
  AdwComboRow *status_row;
  GtkStringList *status_labels;
  AdwActionRow *quantity_row;
  GtkSpinButton *quantity_spin;
  RectifyDateRow *last_inspection_row;
  RectifyDateRow *next_inspection_row;
  RectifyDateRow *postponed_row;

  GtkWidget *code_error_row, *category_error_row, *unit_error_row, *reg_cert_error_row,
      *variety_error_row, *location_error_row, *registered_user_error_row, *status_error_row,
      *quantity_error_row, *last_inspection_error_row, *next_inspection_error_row,
      *postponed_error_row;
  GtkLabel *code_error, *category_error, *unit_error, *reg_cert_error, *variety_error,
      *location_error, *registered_user_error, *status_error, *quantity_error,
      *last_inspection_error, *next_inspection_error, *postponed_error;
};

G_DEFINE_FINAL_TYPE (RectifyEquipmentPage, rectify_equipment_page, RECTIFY_TYPE_LIST_PAGE)

#define STORE(self) rectify_list_page_get_store (RECTIFY_LIST_PAGE (self))
#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))
#define EDITING_ID(self) rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (self))

static void
show_text (RectifyEquipmentPage *self, const char *text)
{
  rectify_list_page_show_message (RECTIFY_LIST_PAGE (self), text, NULL);
}

/* ---- the list ---------------------------------------------------------- */

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (ngettext ("%s item", "%s items", n), number);
}

static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);

  g_free (self->today);
  self->today = rectify_today ();
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category <= RECTIFY_N_CATEGORIES)
    q->category = rectify_categories[category - 1];
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    q->status = (int)status - 1;
  q->inspection_overdue = gtk_check_button_get_active (self->overdue_button);
  q->user_differs = gtk_check_button_get_active (self->user_differs_button);
}

static void
update_filters_button (RectifyEquipmentPage *self)
{
  guint n = (guint)gtk_check_button_get_active (self->overdue_button)
            + (guint)gtk_check_button_get_active (self->user_differs_button);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_ ("Filters"));
  else
    /* Translators: the button of the yes/no filters when n of them are on */
    label = g_strdup_printf (_ ("Filters (%u)"), n);
  gtk_menu_button_set_label (self->filters_button, label);
  /* GTK 4.8 names only the button inside after the label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filters_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_filters_changed_cb (RectifyEquipmentPage *self)
{
  update_filters_button (self);
  rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
}

static RectifyEquipmentPage *column_page (gpointer owner);

/* owner: the column's CellOwner */
static char *
cell_text (gpointer owner, gconstpointer record, const char **style)
{
  RectifyEquipmentPage *self = column_page (owner);
  Column column = ((const CellOwner *)owner)->column;
  const RectifyEquipment *e = record;
  const char *text = NULL;
  g_autofree char *owned = NULL;

  switch (column)
    {
    case COLUMN_CODE:
      text = e->code;
      break;
    case COLUMN_CATEGORY:
      if (e->category == RECTIFY_CATEGORY_GAS_CYLINDER && e->quantity > 1)
        /* Translators: a category and a quantity, e.g. "Gas cylinder × 40" */
        text = owned
            = g_strdup_printf (_ ("%s × %d"), rectify_category_to_label (e->category), e->quantity);
      else
        text = rectify_category_to_label (e->category);
      break;
    case COLUMN_UNIT:
      text = e->unit_name;
      break;
    case COLUMN_LOCATION:
      text = e->location;
      break;
    case COLUMN_STATUS:
      text = rectify_equipment_status_to_label (e->status);
      break;
    case COLUMN_NEXT_INSPECTION:
      if (rectify_equipment_is_inspection_overdue (e, self->today))
        *style = "error";
      text = owned = rectify_format_date (e->next_inspection);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return owned ? g_steal_pointer (&owned) : g_strdup (text);
}

static RectifyEquipmentPage *
column_page (gpointer owner)
{
  return ((const CellOwner *)owner)->page;
}

static int
column_width (RectifyEquipmentPage *self, Column column)
{
  const char *texts[MAX (RECTIFY_N_CATEGORIES, RECTIFY_N_EQUIPMENT_STATUSES) + 1];
  g_autofree char *date = rectify_format_date ("2026-12-28");
  guint n = 0;

  if (columns[column].fixed_width > 0)
    return columns[column].fixed_width;
  switch (column)
    {
    case COLUMN_CATEGORY:
      for (guint i = 0; i < RECTIFY_N_CATEGORIES; i++)
        texts[n++] = rectify_category_to_label (rectify_categories[i]);
      break;
    case COLUMN_STATUS:
      for (int i = 0; i < RECTIFY_N_EQUIPMENT_STATUSES; i++)
        texts[n++] = rectify_equipment_status_to_label (i);
      break;
    case COLUMN_NEXT_INSPECTION:
      texts[n++] = date;
      break;
    case COLUMN_CODE:
    case COLUMN_UNIT:
    case COLUMN_LOCATION:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return rectify_record_list_view_text_width (self->column_view, _ (columns[column].title), texts,
                                              n);
}

static void
add_columns (RectifyEquipmentPage *self)
{
  for (int i = 0; i < N_COLUMNS; i++)
    {
      self->cell_owners[i].page = self;
      self->cell_owners[i].column = i;
      rectify_record_list_view_add_column (self->column_view, _ (columns[i].title),
                                           columns[i].sort_key, cell_text, &self->cell_owners[i],
                                           columns[i].expand, column_width (self, i));
    }
}

/* ---- the form ---------------------------------------------------------- */

static void
clear_errors (RectifyEquipmentPage *self)
{
  for (int i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_remove_css_class (self->fields[i].row, "error");
      gtk_widget_set_visible (self->fields[i].error_row, FALSE);
      gtk_label_set_text (self->fields[i].error_label, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
}

static void
show_error (RectifyEquipmentPage *self, const char *message)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (rectify_message_names_field (message, _ (field_names[i])))
      {
        gtk_widget_add_css_class (self->fields[i].row, "error");
        gtk_label_set_text (self->fields[i].error_label, message);
        gtk_widget_set_visible (self->fields[i].error_row, TRUE);
        return;
      }
  gtk_label_set_text (self->form_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
}

static guint
category_index (RectifyCategory category)
{
  for (guint i = 0; i < RECTIFY_N_CATEGORIES; i++)
    if (rectify_categories[i] == category)
      return i;
  return 0;
}

static RectifyCategory
form_category (RectifyEquipmentPage *self)
{
  guint i = adw_combo_row_get_selected (self->category_row);

  return rectify_categories[i < RECTIFY_N_CATEGORIES ? i : 0];
}

static void
update_quantity_row (RectifyEquipmentPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->quantity_row),
                          form_category (self) == RECTIFY_CATEGORY_GAS_CYLINDER);
}

static void
on_category_row_selected_cb (RectifyEquipmentPage *self)
{
  update_quantity_row (self);
}

static void
set_unit (RectifyEquipmentPage *self, gint64 unit_id, const char *name)
{
  self->unit_id = unit_id;
  adw_action_row_set_subtitle (self->unit_row, unit_id ? name : _ ("Not chosen"));
}

static void
load_form (RectifyEquipmentPage *self, const RectifyEquipment *e)
{
  clear_errors (self);
  self->form_shown = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), e ? e->code : "");
  adw_combo_row_set_selected (self->category_row,
                              category_index (e ? e->category : RECTIFY_CATEGORY_ELEVATOR));
  set_unit (self, e ? e->unit_id : 0, e ? e->unit_name : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reg_cert_row), e ? e->reg_cert : "");
  gtk_editable_set_text (GTK_EDITABLE (self->variety_row), e ? e->variety : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), e ? e->location : "");
  gtk_editable_set_text (GTK_EDITABLE (self->registered_user_row), e ? e->registered_user : "");
  adw_combo_row_set_selected (self->status_row, e ? (guint)e->status : RECTIFY_EQUIPMENT_IN_USE);
  gtk_spin_button_set_value (self->quantity_spin, e ? MAX (e->quantity, 1) : 1);
  rectify_date_row_set_date (self->last_inspection_row, e ? e->last_inspection : NULL);
  rectify_date_row_set_date (self->next_inspection_row, e ? e->next_inspection : NULL);
  rectify_date_row_set_date (self->postponed_row, e ? e->postponed_until : NULL);
  update_quantity_row (self);

  if (e == NULL)
    adw_preferences_group_set_title (self->form_group, _ ("New Equipment Item"));
  else if (e->code && *e->code)
    adw_preferences_group_set_title (self->form_group, e->code);
  else
    adw_preferences_group_set_title (self->form_group, _ ("Equipment Item"));
  gtk_widget_set_visible (self->delete_button, e != NULL);
  gtk_stack_set_visible_child_name (self->details_stack, "form");
}

static void
hide_form (RectifyEquipmentPage *self)
{
  self->form_shown = FALSE;
  gtk_stack_set_visible_child_name (self->details_stack, "none");
}

static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);
  g_autoptr (RectifyEquipment) e = NULL;
  g_autoptr (GError) error = NULL;

  if (id == 0)
    {
      hide_form (self);
      return TRUE;
    }
  e = rectify_store_get_equipment (STORE (self), id, &error);
  if (e == NULL)
    {
      show_text (self, error->message);
      return FALSE;
    }
  load_form (self, e);
  return TRUE;
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gint64
save_record (RectifyListPage *page, const char **saved_message)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);
  g_autoptr (RectifyEquipment) e = rectify_equipment_new ();
  g_autoptr (GError) error = NULL;

  if (!self->form_shown)
    return 0;
  clear_errors (self);
  if (self->unit_id == 0)
    {
      /* Translators: keep "Unit" as the field is named in the form */
      show_error (self, _ ("Unit: choose the unit that uses this item"));
      return 0;
    }

  e->id = EDITING_ID (self);
  e->unit_id = self->unit_id;
  e->category = form_category (self);
  e->code = entry_text (self->code_row);
  e->reg_cert = entry_text (self->reg_cert_row);
  e->variety = entry_text (self->variety_row);
  e->location = entry_text (self->location_row);
  e->registered_user = entry_text (self->registered_user_row);
  e->status = adw_combo_row_get_selected (self->status_row);
  e->quantity = e->category == RECTIFY_CATEGORY_GAS_CYLINDER
                    ? gtk_spin_button_get_value_as_int (self->quantity_spin)
                    : 1;
  e->last_inspection = rectify_date_row_get_date (self->last_inspection_row);
  e->next_inspection = rectify_date_row_get_date (self->next_inspection_row);
  e->postponed_until = rectify_date_row_get_date (self->postponed_row);

  if (rectify_list_page_save (STORE (self), e, e->id == 0,
                              (RectifyAddFunc)rectify_store_add_equipment,
                              (RectifyUpdateFunc)rectify_store_update_equipment, &error)
      == 0)
    {
      show_error (self, error->message);
      return 0;
    }
  *saved_message = _ ("Equipment item saved");
  return e->id;
}

static gboolean
new_record (RectifyListPage *page)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);

  load_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  return TRUE;
}

static gint64
restore_record (RectifyListPage *page, gconstpointer kept, GError **error)
{
  RectifyEquipment *e = (RectifyEquipment *)kept;

  return rectify_store_add_equipment (STORE (page), e, error);
}

static gpointer
delete_record (RectifyListPage *page, gint64 id, char **message, GError **error)
{
  g_autoptr (RectifyEquipment) kept = NULL;

  kept = rectify_store_get_equipment (STORE (page), id, error);
  if (kept == NULL || !rectify_store_delete_equipment (STORE (page), id, error))
    return NULL;
  if (kept->code && *kept->code)
    /* Translators: %s is an equipment code */
    *message = g_strdup_printf (_ ("Equipment item %s deleted"), kept->code);
  else
    *message = g_strdup (_ ("Equipment item deleted"));
  return g_steal_pointer (&kept);
}

/* ---- the unit chooser ------------------------------------------------- */

static void
apply_unit_search (RectifyEquipmentPage *self)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autofree char *search
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_search))));

  q.search = *search ? search : NULL;
  q.sort = "name";
  rectify_record_list_set_query (self->units, &q);
}

static void
on_unit_popover_show_cb (RectifyEquipmentPage *self)
{
  if (self->units == NULL && STORE (self) != NULL)
    {
      g_autoptr (GtkNoSelection) model = NULL;

      self->units = rectify_record_list_new (STORE (self), rectify_store_query_unit_ids,
                                             rectify_store_get_units_by_ids,
                                             (GDestroyNotify)rectify_unit_free);
      model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->units)));
      gtk_list_view_set_model (self->unit_list, GTK_SELECTION_MODEL (model));
      apply_unit_search (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_search));
}

static void
on_unit_search_changed_cb (RectifyEquipmentPage *self)
{
  if (self->units != NULL)
    apply_unit_search (self);
}

static void
on_unit_list_activate_cb (RectifyEquipmentPage *self, guint position)
{
  g_autoptr (RectifyRow) row = g_list_model_get_item (G_LIST_MODEL (self->units), position);
  RectifyUnit *unit = row ? rectify_row_get_record (row) : NULL;

  if (unit == NULL)
    return;
  set_unit (self, unit->id, unit->name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->unit_row), "error");
  gtk_menu_button_popdown (self->unit_button);
}

static void
setup_unit_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_unit_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  RectifyUnit *unit = rectify_row_get_record (gtk_list_item_get_item (item));
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *line = NULL;

  if (unit != NULL)
    line = g_strjoin (" · ", unit->credit_code, unit->district, NULL);
  gtk_label_set_text (GTK_LABEL (name), unit ? unit->name : "");
  gtk_label_set_text (GTK_LABEL (detail), line ? line : "");
}

/* ---- store and properties ---------------------------------------------- */

static void
store_changed (RectifyListPage *page, const char *entity)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);

  if (g_strcmp0 (entity, "unit") == 0 && self->units != NULL)
    rectify_record_list_refresh (self->units);

  /* the item of the form was deleted elsewhere */
  if (g_strcmp0 (entity, "equipment") == 0 && EDITING_ID (self) != 0)
    {
      g_autoptr (RectifyEquipment) e
          = rectify_store_get_equipment (STORE (self), EDITING_ID (self), NULL);

      if (e == NULL)
        rectify_list_page_select (page, 0);
    }
}

static void
update_editable (RectifyListPage *page)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (page);
  gboolean can_edit = CAN_EDIT (self);

  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_set_visible (self->form_buttons, can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), can_edit);
  /* a reader cannot finish a new item: show nothing instead */
  if (!can_edit && self->form_shown && EDITING_ID (self) == 0)
    hide_form (self);
}

GtkWidget *
rectify_equipment_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_EQUIPMENT_PAGE, "store", store, NULL);
}

static void
rectify_equipment_page_dispose (GObject *object)
{
  RectifyEquipmentPage *self = RECTIFY_EQUIPMENT_PAGE (object);

  g_clear_object (&self->units);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rectify_equipment_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RectifyEquipmentPage, name)

static const char *const listed_entities[] = { "equipment", "unit", NULL };

static void
rectify_equipment_page_class_init (RectifyEquipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->dispose = rectify_equipment_page_dispose;

  page_class->query_ids = rectify_store_query_equipment_ids;
  page_class->fetch = rectify_store_get_equipment_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_equipment_free;
  page_class->entities = listed_entities;
  page_class->count_text = count_text;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->save_record = save_record;
  page_class->delete_record = delete_record;
  page_class->restore_record = restore_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_EQUIPMENT;
  page_class->imports = TRUE;
  page_class->import_kind = RECTIFY_IMPORT_EQUIPMENT;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  g_type_ensure (RECTIFY_TYPE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-equipment-page.ui");
  rectify_list_page_class_bind_template (widget_class);

  BIND (category_dropdown);
  BIND (category_filter_labels);
  BIND (status_dropdown);
  BIND (status_filter_labels);
  BIND (filters_button);
  BIND (overdue_button);
  BIND (user_differs_button);
  BIND (new_button);
  BIND (paned);
  BIND (details_stack);
  BIND (form_error);
  BIND (form_group);
  BIND (form_buttons);
  BIND (delete_button);
  BIND (code_row);
  BIND (category_row);
  BIND (category_labels);
  BIND (unit_row);
  BIND (unit_button);
  BIND (unit_search);
  BIND (unit_list);
  BIND (reg_cert_row);
  BIND (variety_row);
  BIND (location_row);
  BIND (registered_user_row);
  BIND (status_row);
  BIND (status_labels);
  BIND (quantity_row);
  BIND (quantity_spin);
  BIND (last_inspection_row);
  BIND (next_inspection_row);
  BIND (postponed_row);
  BIND (code_error_row);
  BIND (category_error_row);
  BIND (unit_error_row);
  BIND (reg_cert_error_row);
  BIND (variety_error_row);
  BIND (location_error_row);
  BIND (registered_user_error_row);
  BIND (status_error_row);
  BIND (quantity_error_row);
  BIND (last_inspection_error_row);
  BIND (next_inspection_error_row);
  BIND (postponed_error_row);
  BIND (code_error);
  BIND (category_error);
  BIND (unit_error);
  BIND (reg_cert_error);
  BIND (variety_error);
  BIND (location_error);
  BIND (registered_user_error);
  BIND (status_error);
  BIND (quantity_error);
  BIND (last_inspection_error);
  BIND (next_inspection_error);
  BIND (postponed_error);

  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_list_activate_cb);
}

#undef BIND

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, PANE_POSITION_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
rectify_equipment_page_init (RectifyEquipmentPage *self)
{
  g_autoptr (GtkListItemFactory) unit_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));

  gtk_string_list_append (self->category_filter_labels, _ ("All categories"));
  for (guint i = 0; i < RECTIFY_N_CATEGORIES; i++)
    {
      gtk_string_list_append (self->category_filter_labels,
                              rectify_category_to_label (rectify_categories[i]));
      gtk_string_list_append (self->category_labels,
                              rectify_category_to_label (rectify_categories[i]));
    }
  gtk_string_list_append (self->status_filter_labels, _ ("All statuses"));
  for (int i = 0; i < RECTIFY_N_EQUIPMENT_STATUSES; i++)
    {
      gtk_string_list_append (self->status_filter_labels, rectify_equipment_status_to_label (i));
      gtk_string_list_append (self->status_labels, rectify_equipment_status_to_label (i));
    }
  g_signal_connect_object (self->category_row, "notify::selected",
                           G_CALLBACK (on_category_row_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (unit_factory, "setup", G_CALLBACK (setup_unit_cb), NULL);
  g_signal_connect (unit_factory, "bind", G_CALLBACK (bind_unit_cb), NULL);
  gtk_list_view_set_factory (self->unit_list, unit_factory);

#define FIELD(id, name)                                                                            \
  self->fields[id].row = GTK_WIDGET (self->name##_row);                                            \
  self->fields[id].error_row = self->name##_error_row;                                             \
  self->fields[id].error_label = self->name##_error;
  FIELD (FIELD_CODE, code);
  FIELD (FIELD_CATEGORY, category);
  FIELD (FIELD_UNIT, unit);
  FIELD (FIELD_REG_CERT, reg_cert);
  FIELD (FIELD_VARIETY, variety);
  FIELD (FIELD_LOCATION, location);
  FIELD (FIELD_REGISTERED_USER, registered_user);
  FIELD (FIELD_STATUS, status);
  FIELD (FIELD_QUANTITY, quantity);
  FIELD (FIELD_LAST_INSPECTION, last_inspection);
  FIELD (FIELD_NEXT_INSPECTION, next_inspection);
  FIELD (FIELD_POSTPONED, postponed);
#undef FIELD

  add_columns (self);
  rectify_a11y_name_dropdown_button (self->category_dropdown, _ ("Category filter"));
  rectify_a11y_name_dropdown_button (self->status_dropdown, _ ("Status filter"));
  update_filters_button (self);

  self->settings = settings_new ();
  /* Six columns: a little more than the other registries' 60 %. */
  if (self->settings != NULL)
    rectify_pane_position_bind (self->paned, self->settings, PANE_POSITION_KEY, 0.65);

  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
