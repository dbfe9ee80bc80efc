/* rectify-window.c: the main window of one database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-a11y.h"
#include "rectify-campaign-dialog.h"
#include "rectify-demo.h"
#include "rectify-window.h"

/* The sample data is the seed report's campaign; any fixed seed keeps it
 * the same on every machine. */
#define SAMPLE_DATA_SEED 1

struct _RectifyWindow
{
  AdwApplicationWindow  parent_instance;

  RectifyStore         *store;
  gulong                changed_id;
  GSettings            *settings;
  GCancellable         *cancellable;
  gboolean              loading;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkButton            *new_campaign_button;
  GtkSpinner           *loading_spinner;
  RectifyCampaignsPage *campaigns_page;
};

G_DEFINE_FINAL_TYPE (RectifyWindow, rectify_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char         *path;
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
  g_autoptr(GSettingsSchema) schema = NULL;

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
set_action_enabled (RectifyWindow *self,
                    const char    *name,
                    gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_page (RectifyWindow *self)
{
  gboolean empty = rectify_store_is_empty (self->store);
  const char *page;

  if (self->loading)
    page = "loading";
  else if (empty)
    page = "welcome";
  else
    page = "campaigns";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->new_campaign_button), g_str_equal (page, "campaigns"));
  gtk_spinner_set_spinning (self->loading_spinner, self->loading);
  set_action_enabled (self, "new-campaign", !self->loading);
  /* Sample data fills an empty database only. */
  set_action_enabled (self, "load-sample-data", !self->loading && empty);
}

static void
on_store_changed_cb (RectifyStore  *store,
                     const char    *entity,
                     RectifyWindow *self)
{
  update_page (self);
}

static void
on_campaign_created_cb (RectifyCampaignDialog *dialog,
                        gint64                 campaign_id,
                        RectifyWindow         *self)
{
  update_page (self);
  rectify_campaigns_page_select (self->campaigns_page, campaign_id);
}

static void
new_campaign_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RectifyWindow *self = user_data;
  RectifyCampaignDialog *dialog;

  dialog = rectify_campaign_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_campaign_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_sample_data_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(RectifyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign_id;

  /* A store is used by one thread only: this one opens its own. */
  store = rectify_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  campaign_id = rectify_demo_generate (store, RECTIFY_DEMO_SEED, SAMPLE_DATA_SEED,
                                       NULL, NULL, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, campaign_id);
}

static void
on_sample_data_loaded_cb (GObject      *source_object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  RectifyWindow *self = RECTIFY_WINDOW (source_object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
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
  update_page (self);

  if (error != NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Sample Data Not Loaded"),
                                                           NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  rectify_campaigns_page_select (self->campaigns_page, campaign_id);
}

static void
load_sample_data_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RectifyWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
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
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_sample_data_thread);
}

static const GActionEntry win_entries[] = {
  { .name = "new-campaign", .activate = new_campaign_activated },
  { .name = "load-sample-data", .activate = load_sample_data_activated },
};

static gboolean
rectify_window_close_request (GtkWindow *window)
{
  RectifyWindow *self = RECTIFY_WINDOW (window);

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
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), rectify_store_get_path (self->store));
  rectify_campaigns_page_set_store (self->campaigns_page, self->store);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  update_page (self);
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

  G_OBJECT_CLASS (rectify_window_parent_class)->finalize (object);
}

static void
rectify_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
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
rectify_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RECTIFY_TYPE_CAMPAIGNS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/rectify/Rectify/ui/rectify-window.ui");
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
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
}

RectifyWindow *
rectify_window_new (GtkApplication *application,
                    RectifyStore   *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
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
