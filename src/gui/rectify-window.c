/* rectify-window.c: the main window of one database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-pdf-issue.h"
#include "rectify-a11y.h"
#include "rectify-campaign-dialog.h"
#include "rectify-demo.h"
#include "rectify-documents-page.h"
#include "rectify-equipment-page.h"
#include "rectify-exchange.h"
#include "rectify-hazards-page.h"
#include "rectify-inspections-page.h"
#include "rectify-job.h"
#include "rectify-officers-page.h"
#include "rectify-operators-page.h"
#include "rectify-preferences-window.h"
#include "rectify-units-page.h"
#include "rectify-verify-dialog.h"
#include "rectify-window.h"

/* The sample data is the seed report's campaign; any fixed seed keeps it
 * the same on every machine. */
#define SAMPLE_DATA_SEED 1

struct _RectifyWindow
{
  AdwApplicationWindow parent_instance;

  RectifyStore *store;
  gulong changed_id;
  GSettings *settings;
  GCancellable *cancellable;
  gboolean loading;

  /* The page chosen in the sidebar; the welcome page stands in for it
   * while the database is empty, until the user picks a page. */
  char *current_page;
  gboolean user_navigated;
  gboolean can_edit;
  /* Nobody signed in: the sign-in page, until the user chooses to read
   * without signing in (browsing). */
  gboolean browsing;
  guint n_officers;
  guint n_active_officers;

  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  GtkListBox *sidebar_list;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkButton *new_campaign_button;
  GtkSpinner *loading_spinner;
  RectifyCampaignsPage *campaigns_page;
  GtkMenuButton *actor_button;
  AdwButtonContent *actor_content;
  GtkPopover *actor_popover;
  GtkListBox *actor_list;
  GtkLabel *actor_error_label;
  GtkListBox *sign_in_list;
  GtkLabel *sign_in_error_label;
  GtkWidget *first_officer_button;
  AdwToastOverlay *toast_overlay;
};

/* The pages of the sidebar, in order. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GType (*get_type) (void);
} PageInfo;

static const PageInfo pages[] = {
  { "campaigns", N_ ("Campaigns"), "emoji-flags-symbolic", NULL },
  { "units", N_ ("Units"), "go-home-symbolic", rectify_units_page_get_type },
  { "equipment", N_ ("Equipment"), "applications-engineering-symbolic",
    rectify_equipment_page_get_type },
  { "operators", N_ ("Operators"), "system-users-symbolic", rectify_operators_page_get_type },
  { "inspections", N_ ("Inspections"), "edit-find-symbolic", rectify_inspections_page_get_type },
  { "hazards", N_ ("Hazards"), "dialog-warning-symbolic", rectify_hazards_page_get_type },
  { "documents", N_ ("Documents"), "x-office-document-symbolic", rectify_documents_page_get_type },
  { "officers", N_ ("Officers"), "application-certificate-symbolic",
    rectify_officers_page_get_type },
};

G_DEFINE_FINAL_TYPE (RectifyWindow, rectify_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *path;
  GApplication *application;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_object (&data->application);
  g_free (data);
}

/* Without the compiled schema (a build run without GSETTINGS_SCHEMA_DIR)
 * the window works and only forgets its size. */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The schema %s is not installed; the window size is not remembered", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
set_action_enabled (RectifyWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static const PageInfo *
find_page_info (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

static GtkListBoxRow *
find_sidebar_row (RectifyWindow *self, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child)
        && g_strcmp0 (g_object_get_data (G_OBJECT (child), "rectify-page"), name) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void on_sidebar_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, RectifyWindow *self);

static void
update_page (RectifyWindow *self)
{
  gboolean empty = rectify_store_is_empty (self->store);
  const PageInfo *info = find_page_info (self->current_page);
  GtkListBoxRow *row;
  const char *page;
  gboolean entering_sign_in;

  if (self->loading)
    page = "loading";
  else if (rectify_store_get_actor (self->store) == 0 && self->n_active_officers > 0
           && !self->browsing)
    page = "sign-in";
  else if (empty && !self->user_navigated)
    page = "welcome";
  else
    page = self->current_page;

  entering_sign_in = g_str_equal (page, "sign-in")
                     && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0;
  /* A focused field must lose the focus while it is still shown: hidden,
   * it would never hear of it and GTK would warn when it comes back. */
  if (entering_sign_in)
    gtk_widget_grab_focus (GTK_WIDGET (self->actor_button));
  gtk_stack_set_visible_child_name (self->stack, page);
  /* The keyboard starts at the officers, and no field of the page left
   * keeps the focus behind the sign-in page. */
  if (entering_sign_in)
    gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_list));
  adw_window_title_set_title (self->window_title, info != NULL && g_str_equal (page, info->name)
                                                      ? g_dgettext (GETTEXT_PACKAGE, info->title)
                                                      : _ ("Rectify"));

  /* The sidebar shows the chosen page, and no page over the welcome. */
  row = g_str_equal (page, self->current_page) ? find_sidebar_row (self, page) : NULL;
  g_signal_handlers_block_by_func (self->sidebar_list, on_sidebar_row_selected_cb, self);
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
  else
    gtk_list_box_unselect_all (self->sidebar_list);
  g_signal_handlers_unblock_by_func (self->sidebar_list, on_sidebar_row_selected_cb, self);
  /* Sign in (or choose to read) first: the pages wait behind the sign-in. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), !g_str_equal (page, "sign-in"));

  gtk_widget_set_visible (GTK_WIDGET (self->new_campaign_button),
                          g_str_equal (page, "campaigns") && self->can_edit);
  gtk_spinner_set_spinning (self->loading_spinner, self->loading);
  set_action_enabled (self, "new-campaign", !self->loading && self->can_edit);
  /* Before there is any officer, the first one can be added (and only that). */
  set_action_enabled (self, "new",
                      self->can_edit || (self->n_officers == 0 && g_str_equal (page, "officers")));
  set_action_enabled (self, "add-first-officer", !self->loading && self->n_officers == 0);
  gtk_widget_set_visible (self->first_officer_button, self->n_officers == 0);
  /* Sample data fills an empty database only, in the system's name. */
  set_action_enabled (self, "load-sample-data",
                      !self->loading && empty && (self->can_edit || self->n_officers == 0));
}

/* Shows a page of the sidebar by name; unknown names show the campaigns. */
static void
show_page (RectifyWindow *self, const char *name)
{
  if (find_sidebar_row (self, name) == NULL)
    name = "campaigns";
  g_free (self->current_page);
  self->current_page = g_strdup (name);
  self->user_navigated = TRUE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", name);
  update_page (self);
}

static void
on_sidebar_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, RectifyWindow *self)
{
  if (row == NULL)
    return;
  show_page (self, g_object_get_data (G_OBJECT (row), "rectify-page"));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* The row of the page shown, chosen again in a narrow window. */
static void
on_sidebar_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RectifyWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_leaflet_visible_child_cb (RectifyWindow *self)
{
  /* Only a narrow window chooses between the pages and a page. */
  if (self->settings != NULL && adw_leaflet_get_folded (self->leaflet))
    g_settings_set_boolean (self->settings, "show-sidebar",
                            adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_box);
}

static void
add_sidebar_row (RectifyWindow *self, const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "rectify-page", (gpointer)info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_dgettext (GETTEXT_PACKAGE, info->title), -1);
  gtk_list_box_append (self->sidebar_list, row);
}

static void
add_pages (RectifyWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      const PageInfo *info = &pages[i];

      if (info->get_type != NULL)
        {
          GtkWidget *page = g_object_new (info->get_type (), "store", self->store, NULL);

          gtk_stack_add_titled (self->stack, page, info->name,
                                g_dgettext (GETTEXT_PACKAGE, info->title));
        }
      add_sidebar_row (self, info);
    }
}

/* Archivists read; the other officers may change records once they are
 * signed in; nobody signed in changes nothing. */
static void
set_can_edit (RectifyWindow *self, gboolean can_edit)
{
  self->can_edit = can_edit;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, pages[i].name);

      if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "can-edit"))
        g_object_set (
            page, "can-edit",
            can_edit || (self->n_officers == 0 && g_str_equal (pages[i].name, "officers")), NULL);
    }
  set_action_enabled (self, "restore", can_edit);
  update_page (self);
}

static void
update_actor (RectifyWindow *self)
{
  gint64 actor = rectify_store_get_actor (self->store);
  g_autoptr (RectifyOfficer) officer = NULL;

  if (actor != 0)
    officer = rectify_store_get_officer (self->store, actor, NULL);
  if (officer != NULL)
    {
      g_autofree char *tooltip = NULL;

      adw_button_content_set_label (self->actor_content, officer->name);
      /* Translators: the tooltip of the acting officer button: name, role */
      tooltip = g_strdup_printf (_ ("Acting officer: %s, %s"), officer->name,
                                 rectify_role_to_label (officer->role));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->actor_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  else
    {
      adw_button_content_set_label (self->actor_content, _ ("Sign In"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->actor_button), _ ("Choose who is working"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Acting Officer"), -1);
    }
  set_can_edit (self, officer != NULL && officer->role != RECTIFY_ROLE_ARCHIVIST);
}

static void reload_actor_list (RectifyWindow *self);

static void
on_actor_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RectifyWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "rectify-officer-id");
  const char *badge = g_object_get_data (G_OBJECT (row), "rectify-badge");
  GtkLabel *error_label
      = list == self->sign_in_list ? self->sign_in_error_label : self->actor_error_label;
  g_autoptr (GError) error = NULL;

  if (id == NULL)
    return;
  if (!rectify_store_set_actor (self->store, *id, &error))
    {
      gtk_label_set_text (error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "acting-officer", badge);
  reload_actor_list (self);
  update_actor (self);
  gtk_popover_popdown (self->actor_popover);
}

static void
fill_officer_list (RectifyWindow *self, GtkListBox *list, GPtrArray *officers)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      RectifyOfficer *officer = g_ptr_array_index (officers, i);
      GtkWidget *row;
      gint64 *id;

      if (!officer->active)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), officer->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rectify_role_to_label (officer->role));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (officer->id == rectify_store_get_actor (self->store))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("object-select-symbolic"));
      id = g_new (gint64, 1);
      *id = officer->id;
      g_object_set_data_full (G_OBJECT (row), "rectify-officer-id", id, g_free);
      g_object_set_data_full (G_OBJECT (row), "rectify-badge", g_strdup (officer->badge), g_free);
      gtk_list_box_append (list, row);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      GtkWidget *label
          = gtk_label_new (_ ("No active officers yet: add them on the Officers page."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
}

/* The active officers, in the header's menu and on the sign-in page. */
static void
reload_actor_list (RectifyWindow *self)
{
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GError) error = NULL;

  officers = rectify_store_list_officers (self->store, &error);
  if (officers == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  self->n_officers = officers != NULL ? officers->len : 0;
  self->n_active_officers = 0;
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    if (((RectifyOfficer *)g_ptr_array_index (officers, i))->active)
      self->n_active_officers++;
  fill_officer_list (self, self->actor_list, officers);
  fill_officer_list (self, self->sign_in_list, officers);
}

/* The officer chosen (by badge), if there and active; else nobody.  Run
 * again when officers change: a role changed, or a restored database where
 * the same id is somebody else. */
static void
restore_actor (RectifyWindow *self)
{
  g_autofree char *badge = NULL;
  gint64 id = 0;

  if (self->settings != NULL)
    badge = g_settings_get_string (self->settings, "acting-officer");
  if (badge != NULL && *badge != '\0' && rectify_store_find_officer (self->store, badge, &id, NULL))
    {
      g_autoptr (GError) error = NULL;

      if (rectify_store_set_actor (self->store, id, &error))
        return;
      g_debug ("The last acting officer cannot act: %s", error->message);
    }
  rectify_store_set_actor (self->store, 0, NULL);
}

static void
on_store_changed_cb (RectifyStore *store, const char *entity, RectifyWindow *self)
{
  if (g_strcmp0 (entity, "officer") == 0)
    {
      restore_actor (self);
      reload_actor_list (self);
      /* A renamed acting officer, or a changed role. */
      update_actor (self);
    }
  update_page (self);
}

static void
on_campaign_created_cb (RectifyCampaignDialog *dialog, gint64 campaign_id, RectifyWindow *self)
{
  show_page (self, "campaigns");
  rectify_campaigns_page_select (self->campaigns_page, campaign_id);
}

static void
new_campaign_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  RectifyCampaignDialog *dialog;

  dialog = rectify_campaign_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_campaign_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* in the thread */
static void
on_sample_data_progress (const char *stage, double fraction, gpointer user_data)
{
  rectify_job_checkpoint (user_data);
}

static void
load_sample_data_thread (GTask *task,
                         gpointer source_object,
                         gpointer task_data,
                         GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (RectifyStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gint64 campaign_id;

  /* A store is used by one thread only: this one opens its own. */
  store = rectify_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rectify_pdf_set_store_renderer (store);
  campaign_id = rectify_demo_generate (store, RECTIFY_DEMO_SEED, SAMPLE_DATA_SEED,
                                       on_sample_data_progress, cancellable, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, campaign_id);
}

static void
on_sample_data_loaded_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  RectifyWindow *self = RECTIFY_WINDOW (source_object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gint64 campaign_id;

  campaign_id = g_task_propagate_int (G_TASK (result), &error);
  if (data->application != NULL)
    g_application_release (data->application);

  /* The window was closed meanwhile. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->loading = FALSE;
  /* The rows were written through another store: this one saw no change. */
  rectify_campaigns_page_reload (self->campaigns_page);
  if (error == NULL)
    show_page (self, "campaigns");
  else
    update_page (self);

  if (error != NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (self), _ ("Sample Data Not Loaded"), NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  rectify_campaigns_page_select (self->campaigns_page, campaign_id);
}

static void
load_sample_data_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  if (self->loading)
    return;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (rectify_store_get_path (self->store));
  /* Keep the process alive until the writing thread is done, even if the
   * window is closed. */
  data->application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (data->application != NULL)
    {
      g_object_ref (data->application);
      g_application_hold (data->application);
    }

  self->loading = TRUE;
  update_page (self);

  task = g_task_new (self, self->cancellable, on_sample_data_loaded_cb, NULL);
  g_task_set_source_tag (task, load_sample_data_activated);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  rectify_job_run_in_thread (task, GTK_WIDGET (self), _ ("Loading the sample data"),
                             load_sample_data_thread);
}

static GtkWidget *
visible_page (RectifyWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (find_page_info (name) == NULL)
    return NULL;
  return gtk_stack_get_visible_child (self->stack);
}

static void
new_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = visible_page (self);

  if (page == NULL || page == GTK_WIDGET (self->campaigns_page))
    g_action_group_activate_action (G_ACTION_GROUP (self), "new-campaign", NULL);
  else
    gtk_widget_activate_action (page, "page.new", NULL);
}

static void
find_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = visible_page (self);

  if (page != NULL)
    gtk_widget_activate_action (page, "page.find", NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  RectifyPreferencesWindow *preferences;

  preferences = rectify_preferences_window_new (GTK_WINDOW (self), self->store, self->can_edit);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_sidebar_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

/* A document just issued (from a draft opened anywhere), shown on its page. */
static void
show_document_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "documents");

  if (page == NULL)
    return;
  show_page (self, "documents");
  rectify_documents_page_select (RECTIFY_DOCUMENTS_PAGE (page), g_variant_get_int64 (parameter));
}

/* The list behind a dashboard tile: (campaign id, hazard status or -1,
 * overdue only, the dashboard's day or "") on the Hazards page. */
static void
show_hazards_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "hazards");
  gint64 campaign_id = 0;
  gint32 status = -1;
  gboolean overdue = FALSE;
  const char *as_of = NULL;

  g_variant_get (parameter, "(xib&s)", &campaign_id, &status, &overdue, &as_of);
  if (page == NULL || !RECTIFY_IS_HAZARDS_PAGE (page) || status < -1
      || status >= RECTIFY_N_HAZARD_STATUSES)
    return;
  show_page (self, "hazards");
  rectify_hazards_page_show_campaign (RECTIFY_HAZARDS_PAGE (page), campaign_id, status, overdue,
                                      as_of);
}

static void
backup_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;

  rectify_exchange_backup (GTK_WINDOW (self), self->store);
}

static void
verify_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;

  rectify_verify_dialog_run (GTK_WINDOW (self), self->store);
}

static void
restore_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;

  rectify_exchange_restore (GTK_WINDOW (self), self->store);
}

/* The list behind a dashboard tile: (campaign id, bureau visits only, the
 * dashboard's day or "") on the Inspections page. */
static void
show_inspections_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "inspections");
  gint64 campaign_id = 0;
  gboolean by_bureau = FALSE;
  const char *as_of = NULL;

  g_variant_get (parameter, "(xb&s)", &campaign_id, &by_bureau, &as_of);
  if (page == NULL || !RECTIFY_IS_INSPECTIONS_PAGE (page))
    return;
  show_page (self, "inspections");
  rectify_inspections_page_show_campaign (RECTIFY_INSPECTIONS_PAGE (page), campaign_id, by_bureau,
                                          as_of);
}

/* The list behind a dashboard tile: (campaign id, document kind, the
 * dashboard's day or "") on the Documents page, the issued ones. */
static void
show_documents_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "documents");
  gint64 campaign_id = 0;
  gint32 kind = -1;
  const char *as_of = NULL;

  g_variant_get (parameter, "(xi&s)", &campaign_id, &kind, &as_of);
  if (page == NULL || !RECTIFY_IS_DOCUMENTS_PAGE (page) || kind < 0
      || kind >= RECTIFY_N_DOCUMENT_KINDS)
    return;
  show_page (self, "documents");
  rectify_documents_page_show_campaign (RECTIFY_DOCUMENTS_PAGE (page), campaign_id, kind, as_of);
}

/* Reading without signing in: the sign-in page steps aside. */
static void
browse_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;

  self->browsing = TRUE;
  update_page (self);
}

/* An empty database: the Officers page and its form for the first one. */
static void
add_first_officer_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RectifyWindow *self = user_data;
  GtkWidget *page;

  show_page (self, "officers");
  page = gtk_stack_get_child_by_name (self->stack, "officers");
  if (page != NULL)
    gtk_widget_activate_action (page, "page.new", NULL);
}

static const GActionEntry win_entries[] = {
  { .name = "browse", .activate = browse_activated },
  { .name = "add-first-officer", .activate = add_first_officer_activated },
  { .name = "show-hazards", .activate = show_hazards_activated, .parameter_type = "(xibs)" },
  { .name = "backup", .activate = backup_activated },
  { .name = "restore", .activate = restore_activated },
  { .name = "verify", .activate = verify_activated },
  { .name = "show-inspections", .activate = show_inspections_activated, .parameter_type = "(xbs)" },
  { .name = "show-documents", .activate = show_documents_activated, .parameter_type = "(xis)" },
  { .name = "new-campaign", .activate = new_campaign_activated },
  { .name = "load-sample-data", .activate = load_sample_data_activated },
  { .name = "new", .activate = new_activated },
  { .name = "find", .activate = find_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "show-sidebar", .activate = show_sidebar_activated },
  { .name = "show-document", .activate = show_document_activated, .parameter_type = "x" },
};

static void
close_now (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
}

static gboolean
rectify_window_close_request (GtkWindow *window)
{
  RectifyWindow *self = RECTIFY_WINDOW (window);

  /* a job killed midway leaves half its files behind: it stops first */
  if (!rectify_job_confirm_stop (window, window, close_now, G_OBJECT (window)))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "is-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (rectify_window_parent_class)->close_request (window);
}

static void
rectify_window_constructed (GObject *object)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (rectify_window_parent_class)->constructed (object);

  g_assert (RECTIFY_IS_STORE (self->store));

  self->settings = settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "is-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* Which database this window shows: one window per database. */
  basename = g_path_get_basename (rectify_store_get_path (self->store));
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title),
                               rectify_store_get_path (self->store));
  rectify_campaigns_page_set_store (self->campaigns_page, self->store);
  add_pages (self);
  self->current_page = g_strdup ("campaigns");
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-page");

      if (find_sidebar_row (self, last) != NULL)
        {
          g_free (self->current_page);
          self->current_page = g_steal_pointer (&last);
        }
      if (!g_settings_get_boolean (self->settings, "show-sidebar"))
        adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      else
        adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
    }
  g_signal_connect (self->sidebar_list, "row-selected", G_CALLBACK (on_sidebar_row_selected_cb),
                    self);
  g_signal_connect (self->sidebar_list, "row-activated", G_CALLBACK (on_sidebar_row_activated_cb),
                    self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child",
                            G_CALLBACK (on_leaflet_visible_child_cb), self);
  g_signal_connect (self->actor_list, "row-activated", G_CALLBACK (on_actor_row_activated_cb),
                    self);
  g_signal_connect (self->sign_in_list, "row-activated", G_CALLBACK (on_actor_row_activated_cb),
                    self);

  restore_actor (self);
  reload_actor_list (self);
  self->changed_id
      = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  update_actor (self);
}

static void
rectify_window_dispose (GObject *object)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_window_parent_class)->dispose (object);
}

static void
rectify_window_finalize (GObject *object)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->current_page, g_free);

  G_OBJECT_CLASS (rectify_window_parent_class)->finalize (object);
}

static void
rectify_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RectifyWindow *self = RECTIFY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_window_class_init (RectifyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rectify_window_constructed;
  object_class->dispose = rectify_window_dispose;
  object_class->finalize = rectify_window_finalize;
  object_class->get_property = rectify_window_get_property;
  object_class->set_property = rectify_window_set_property;
  window_class->close_request = rectify_window_close_request;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RECTIFY_TYPE_CAMPAIGNS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actor_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actor_content);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actor_popover);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, actor_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, sign_in_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, sign_in_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, first_officer_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, new_campaign_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RectifyWindow, campaigns_page);
}

static void
rectify_window_init (RectifyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
}

RectifyWindow *
rectify_window_new (GtkApplication *application, RectifyStore *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_WINDOW, "application", application, "store", store, NULL);
}

RectifyStore *
rectify_window_get_store (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
rectify_window_get_visible_page_name (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

RectifyCampaignsPage *
rectify_window_get_campaigns_page (RectifyWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_WINDOW (self), NULL);
  return self->campaigns_page;
}
