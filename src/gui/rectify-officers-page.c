/* rectify-officers-page.c: the bureau's officers, their roles and badges
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-form-field.h"
#include "rectify-list-page.h"
#include "rectify-officers-page.h"

/* One officer as an item of the list model. */
#define RECTIFY_TYPE_OFFICER_OBJECT (rectify_officer_object_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyOfficerObject, rectify_officer_object, RECTIFY, OFFICER_OBJECT, GObject)

struct _RectifyOfficerObject
{
  GObject parent_instance;
  RectifyOfficer *officer;
};

G_DEFINE_FINAL_TYPE (RectifyOfficerObject, rectify_officer_object, G_TYPE_OBJECT)

static void
rectify_officer_object_finalize (GObject *object)
{
  RectifyOfficerObject *self = RECTIFY_OFFICER_OBJECT (object);

  g_clear_pointer (&self->officer, rectify_officer_free);
  G_OBJECT_CLASS (rectify_officer_object_parent_class)->finalize (object);
}

static void
rectify_officer_object_class_init (RectifyOfficerObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rectify_officer_object_finalize;
}

static void
rectify_officer_object_init (RectifyOfficerObject *self)
{
}

/* Takes officer. */
static RectifyOfficerObject *
rectify_officer_object_new (RectifyOfficer *officer)
{
  RectifyOfficerObject *self = g_object_new (RECTIFY_TYPE_OFFICER_OBJECT, NULL);

  self->officer = officer;
  return self;
}

enum
{
  COLUMN_BADGE,
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_ACTIVE,
  N_COLUMNS
};

struct _RectifyOfficersPage
{
  AdwBin parent_instance;

  RectifyStore *store;
  gulong changed_id;
  gboolean can_edit;
  gint64 editing_id; /* 0 = a new officer */
  GListStore *officers;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;

  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  AdwPreferencesGroup *form_group;
  AdwEntryRow *badge_row;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  AdwActionRow *active_row;
  GtkSwitch *active_switch;
  GtkLabel *error_label;
  GtkWidget *buttons_box;
};

G_DEFINE_FINAL_TYPE (RectifyOfficersPage, rectify_officers_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_errors (RectifyOfficersPage *self)
{
  rectify_form_set_invalid (GTK_WIDGET (self->badge_row), FALSE);
  rectify_form_set_invalid (GTK_WIDGET (self->name_row), FALSE);
  rectify_form_set_invalid (GTK_WIDGET (self->role_row), FALSE);
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The core names the field first: mark it and put the message under the
 * form. */
static void
show_error (RectifyOfficersPage *self, const GError *error)
{
  GtkWidget *field = NULL;

  if (rectify_message_names_field (error->message, _ ("Badge")))
    field = GTK_WIDGET (self->badge_row);
  else if (rectify_message_names_field (error->message, C_ ("person", "Name")))
    field = GTK_WIDGET (self->name_row);
  else if (rectify_message_names_field (error->message, _ ("Role")))
    field = GTK_WIDGET (self->role_row);

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      rectify_form_set_invalid (field, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE,
                                      self->error_label, -1);
      gtk_widget_grab_focus (field);
    }
}

static void
show_toast (RectifyOfficersPage *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
fill_form (RectifyOfficersPage *self, const RectifyOfficer *officer)
{
  self->editing_id = officer ? officer->id : 0;
  gtk_editable_set_text (GTK_EDITABLE (self->badge_row), officer ? officer->badge : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), officer ? officer->name : "");
  adw_combo_row_set_selected (self->role_row,
                              officer ? (guint)officer->role : RECTIFY_ROLE_OFFICER);
  gtk_switch_set_active (self->active_switch, officer ? officer->active : TRUE);
  adw_preferences_group_set_title (
      self->form_group, officer != NULL || !self->can_edit ? _ ("Officer") : _ ("New Officer"));
  clear_errors (self);
}

static void
on_selection_changed_cb (RectifyOfficersPage *self)
{
  RectifyOfficerObject *item = gtk_single_selection_get_selected_item (self->selection);

  fill_form (self, item ? item->officer : NULL);
}

static guint
find_position (RectifyOfficersPage *self, gint64 officer_id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; officer_id != 0 && i < n; i++)
    {
      g_autoptr (RectifyOfficerObject) item = g_list_model_get_item (model, i);

      if (item->officer->id == officer_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
rectify_officers_page_select (RectifyOfficersPage *self, gint64 officer_id)
{
  g_return_if_fail (RECTIFY_IS_OFFICERS_PAGE (self));

  gtk_single_selection_set_selected (self->selection, find_position (self, officer_id));
}

gint64
rectify_officers_page_get_selected_id (RectifyOfficersPage *self)
{
  RectifyOfficerObject *item;

  g_return_val_if_fail (RECTIFY_IS_OFFICERS_PAGE (self), 0);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? item->officer->id : 0;
}

static int
compare_badges (gconstpointer a, gconstpointer b)
{
  const RectifyOfficer *x = *(RectifyOfficer **)a;
  const RectifyOfficer *y = *(RectifyOfficer **)b;

  return g_utf8_collate (x->badge, y->badge);
}

static void
reload (RectifyOfficersPage *self)
{
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  gint64 selected_id = rectify_officers_page_get_selected_id (self);

  officers = rectify_store_list_officers (self->store, &error);
  if (officers == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  else
    g_ptr_array_sort (officers, compare_badges);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      g_ptr_array_add (items, rectify_officer_object_new (g_ptr_array_index (officers, i)));
      g_ptr_array_index (officers, i) = NULL;
    }

  /* Keep the form as it is: the user may be typing into it. */
  g_signal_handlers_block_by_func (self->selection, on_selection_changed_cb, self);
  g_list_store_splice (self->officers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->officers)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, find_position (self, selected_id));
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed_cb, self);
}

static void
on_store_changed_cb (RectifyStore *store, const char *entity, RectifyOfficersPage *self)
{
  reload (self);
}

static gboolean
filter_officer (gpointer item, gpointer user_data)
{
  RectifyOfficersPage *self = user_data;
  RectifyOfficerObject *object = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;

  if (*text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  badge = g_utf8_casefold (object->officer->badge, -1);
  name = g_utf8_casefold (object->officer->name, -1);
  return strstr (badge, needle) != NULL || strstr (name, needle) != NULL;
}

static void
on_search_changed_cb (RectifyOfficersPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RectifyOfficerObject *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const RectifyOfficer *officer = item->officer;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_BADGE:
      gtk_label_set_text (label, officer->badge);
      break;
    case COLUMN_NAME:
      gtk_label_set_text (label, officer->name);
      break;
    case COLUMN_ROLE:
      gtk_label_set_text (label, rectify_role_to_label (officer->role));
      break;
    case COLUMN_ACTIVE:
      gtk_label_set_text (label, officer->active ? _ ("Active") : _ ("Inactive"));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (RectifyOfficersPage *self, const char *title, int column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  fill_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->badge_row));
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (widget);
  g_autoptr (RectifyOfficer) officer = rectify_officer_new ();
  g_autoptr (GError) error = NULL;
  guint role = adw_combo_row_get_selected (self->role_row);
  gint64 id;

  officer->id = self->editing_id;
  officer->badge = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->badge_row)));
  officer->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  officer->role = role < RECTIFY_N_ROLES ? (RectifyRole)role : RECTIFY_ROLE_OFFICER;
  officer->active = gtk_switch_get_active (self->active_switch);

  clear_errors (self);
  id = rectify_list_page_save (self->store, officer, officer->id == 0,
                               (RectifyAddFunc)rectify_store_add_officer,
                               (RectifyUpdateFunc)rectify_store_update_officer, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  reload (self);
  rectify_officers_page_select (self, id);
  if (rectify_officers_page_get_selected_id (self) != id)
    {
      /* Hidden by the search: keep editing it all the same. */
      self->editing_id = id;
      adw_preferences_group_set_title (self->form_group, _ ("Officer"));
    }
  show_toast (self, _ ("Officer saved"));
}

static void
update_editable (RectifyOfficersPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->badge_row), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->active_row), self->can_edit);
  gtk_widget_set_visible (self->buttons_box, self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", self->can_edit);
}

static void
rectify_officers_page_set_can_edit (RectifyOfficersPage *self, gboolean can_edit)
{
  can_edit = !!can_edit;
  if (self->can_edit == can_edit)
    return;
  self->can_edit = can_edit;
  update_editable (self);
  if (self->editing_id == 0)
    fill_form (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EDIT]);
}

static void
on_field_changed_cb (RectifyOfficersPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    clear_errors (self);
}

static void
rectify_officers_page_constructed (GObject *object)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (object);

  G_OBJECT_CLASS (rectify_officers_page_parent_class)->constructed (object);

  g_assert (RECTIFY_IS_STORE (self->store));
  self->changed_id
      = g_signal_connect (self->store, "changed::officer", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  fill_form (self, NULL);
}

static void
rectify_officers_page_dispose (GObject *object)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_OFFICERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_officers_page_parent_class)->dispose (object);
}

static void
rectify_officers_page_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (object);

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
rectify_officers_page_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAN_EDIT:
      rectify_officers_page_set_can_edit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_officers_page_class_init (RectifyOfficersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rectify_officers_page_constructed;
  object_class->dispose = rectify_officers_page_dispose;
  object_class->get_property = rectify_officers_page_get_property;
  object_class->set_property = rectify_officers_page_set_property;

  rectify_list_page_install_properties (object_class, properties, N_PROPS, PROP_STORE,
                                        PROP_CAN_EDIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-officers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, badge_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, active_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, active_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, buttons_box);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
}

static void
rectify_officers_page_init (RectifyOfficersPage *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;

  self->can_edit = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  /* The combo's positions are the RectifyRole values. */
  for (int role = 0; role < RECTIFY_N_ROLES; role++)
    gtk_string_list_append (roles, rectify_role_to_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  self->officers = g_list_store_new (RECTIFY_TYPE_OFFICER_OBJECT);
  self->filter = gtk_custom_filter_new (filter_officer, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->officers), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _ ("Badge"), COLUMN_BADGE, FALSE);
  /* Translators: a person's name (姓名), not a thing's */
  add_column (self, C_ ("person", "Name"), COLUMN_NAME, TRUE);
  add_column (self, _ ("Role"), COLUMN_ROLE, FALSE);
  add_column (self, _ ("Status"), COLUMN_ACTIVE, FALSE);

  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  g_signal_connect_swapped (self->badge_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (on_field_changed_cb),
                            self);
}

GtkWidget *
rectify_officers_page_new (RectifyStore *store)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_OFFICERS_PAGE, "store", store, NULL);
}
