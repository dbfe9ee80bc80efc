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
  RectifyListPage parent_instance;

  GListStore *officers;
  GtkCustomFilter *filter;

  GtkSearchEntry *search_entry; /* the page's */
  GtkColumnView *column_view;   /* the page's */
  AdwPreferencesGroup *form_group;
  AdwEntryRow *badge_row;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  AdwActionRow *active_row;
  GtkSwitch *active_switch;
  GtkLabel *error_label;
  GtkWidget *buttons_box;
  GtkWidget *add_button;
  gboolean can_edit_shown; /* the form's title was set for it */
};

G_DEFINE_FINAL_TYPE (RectifyOfficersPage, rectify_officers_page, RECTIFY_TYPE_LIST_PAGE)

#define STORE(self) rectify_list_page_get_store (RECTIFY_LIST_PAGE (self))
#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))
#define EDITING_ID(self) rectify_list_page_get_selected_id (RECTIFY_LIST_PAGE (self))

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
fill_form (RectifyOfficersPage *self, const RectifyOfficer *officer)
{
  gtk_editable_set_text (GTK_EDITABLE (self->badge_row), officer ? officer->badge : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), officer ? officer->name : "");
  adw_combo_row_set_selected (self->role_row,
                              officer ? (guint)officer->role : RECTIFY_ROLE_OFFICER);
  gtk_switch_set_active (self->active_switch, officer ? officer->active : TRUE);
  adw_preferences_group_set_title (
      self->form_group, officer != NULL || !CAN_EDIT (self) ? _ ("Officer") : _ ("New Officer"));
  clear_errors (self);
}

static RectifyOfficerObject *
find_officer (RectifyOfficersPage *self, gint64 officer_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->officers));

  for (guint i = 0; officer_id != 0 && i < n; i++)
    {
      g_autoptr (RectifyOfficerObject) item
          = g_list_model_get_item (G_LIST_MODEL (self->officers), i);

      if (item->officer->id == officer_id)
        return item;
    }
  return NULL;
}

static gint64
item_id (RectifyListPage *page, gpointer item)
{
  return RECTIFY_OFFICER_OBJECT (item)->officer->id;
}

/* Every officer is read with the list: the form shows the one listed,
 * also when the search hides it. */
static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (page);
  RectifyOfficerObject *item = find_officer (self, id);

  fill_form (self, item ? item->officer : NULL);
  return id == 0 || item != NULL;
}

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s officer", "%s officers", n), number);
}

static int
compare_badges (gconstpointer a, gconstpointer b)
{
  const RectifyOfficer *x = *(RectifyOfficer **)a;
  const RectifyOfficer *y = *(RectifyOfficer **)b;

  return g_utf8_collate (x->badge, y->badge);
}

/* Keeps the form as it is: the user may be typing into it. */
static void
reload (RectifyListPage *page)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (page);
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  officers = rectify_store_list_officers (STORE (self), &error);
  if (officers == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  else
    g_ptr_array_sort (officers, compare_badges);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      g_ptr_array_add (items, rectify_officer_object_new (g_ptr_array_index (officers, i)));
      g_ptr_array_index (officers, i) = NULL;
    }
  g_list_store_splice (self->officers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->officers)),
                       items->pdata, items->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
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

static gboolean
new_record (RectifyListPage *page)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (page);

  fill_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->badge_row));
  return TRUE;
}

static gint64
save_record (RectifyListPage *page, const char **saved_message)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (page);
  g_autoptr (RectifyOfficer) officer = rectify_officer_new ();
  g_autoptr (GError) error = NULL;
  guint role = adw_combo_row_get_selected (self->role_row);

  officer->id = EDITING_ID (self);
  officer->badge = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->badge_row)));
  officer->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  officer->role = role < RECTIFY_N_ROLES ? (RectifyRole)role : RECTIFY_ROLE_OFFICER;
  officer->active = gtk_switch_get_active (self->active_switch);

  clear_errors (self);
  if (rectify_list_page_save (STORE (self), officer, officer->id == 0,
                              (RectifyAddFunc)rectify_store_add_officer,
                              (RectifyUpdateFunc)rectify_store_update_officer, &error)
      == 0)
    {
      show_error (self, error);
      return 0;
    }
  /* hidden by the search, it is edited all the same */
  *saved_message = _ ("Officer saved");
  return officer->id;
}

static void
update_editable (RectifyListPage *page)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (page);
  gboolean can_edit = CAN_EDIT (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->badge_row), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->active_row), can_edit);
  gtk_widget_set_visible (self->buttons_box, can_edit);
  gtk_widget_set_visible (self->add_button, can_edit);
  if (self->can_edit_shown != can_edit)
    {
      self->can_edit_shown = can_edit;
      if (EDITING_ID (self) == 0)
        fill_form (self, NULL);
    }
}

static void
on_field_changed_cb (RectifyOfficersPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    clear_errors (self);
}

static void
rectify_officers_page_dispose (GObject *object)
{
  RectifyOfficersPage *self = RECTIFY_OFFICERS_PAGE (object);

  g_clear_object (&self->officers);

  G_OBJECT_CLASS (rectify_officers_page_parent_class)->dispose (object);
}

static const char *const listed_entities[] = { "officer", NULL };

static void
rectify_officers_page_class_init (RectifyOfficersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->dispose = rectify_officers_page_dispose;

  page_class->entities = listed_entities;
  page_class->reload = reload;
  page_class->item_id = item_id;
  page_class->count_text = count_text;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->save_record = save_record;
  page_class->update_editable = update_editable;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-officers-page.ui");
  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, badge_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, active_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, active_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyOfficersPage, add_button);
}

static void
rectify_officers_page_init (RectifyOfficersPage *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;

  self->can_edit_shown = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));
  self->search_entry = rectify_list_page_get_search_entry (RECTIFY_LIST_PAGE (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  fill_form (self, NULL);

  /* The combo's positions are the RectifyRole values. */
  for (int role = 0; role < RECTIFY_N_ROLES; role++)
    gtk_string_list_append (roles, rectify_role_to_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  self->officers = g_list_store_new (RECTIFY_TYPE_OFFICER_OBJECT);
  self->filter = gtk_custom_filter_new (filter_officer, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->officers)),
                                        GTK_FILTER (self->filter));
  rectify_list_page_set_model (RECTIFY_LIST_PAGE (self), G_LIST_MODEL (filtered));
  g_object_unref (filtered);

  add_column (self, _ ("Badge"), COLUMN_BADGE, FALSE);
  /* Translators: a person's name (姓名), not a thing's */
  add_column (self, C_ ("person", "Name"), COLUMN_NAME, TRUE);
  add_column (self, _ ("Role"), COLUMN_ROLE, FALSE);
  add_column (self, _ ("Status"), COLUMN_ACTIVE, FALSE);

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
