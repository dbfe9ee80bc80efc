/* rectify-application.c: the application: options, actions, windows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>

#include "rectify-pdf-issue.h"
#include "rectify-a11y.h"
#include "rectify-application.h"
#include "rectify-error.h"
#include "rectify-job.h"
#include "rectify-store.h"
#include "rectify-window.h"

struct _RectifyApplication
{
  AdwApplication parent_instance;
  char *db_description; /* the option group keeps a pointer to it */
};

G_DEFINE_FINAL_TYPE (RectifyApplication, rectify_application, ADW_TYPE_APPLICATION)

void
rectify_application_init_i18n (void)
{
  const char *localedir = g_getenv ("RECTIFY_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static GtkWindow *
find_window (RectifyApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RECTIFY_IS_WINDOW (l->data)
        && g_strcmp0 (rectify_store_get_path (rectify_window_get_store (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static const char *
advice_for (const GError *error)
{
  if (error->domain != RECTIFY_ERROR)
    return _ ("Check that the file and its folder can be read and written, or start Rectify with "
              "--db PATH to use another file.");

  switch (error->code)
    {
    case RECTIFY_ERROR_LOCKED:
      return _ ("Close the other program that uses the database, then try again.");
    case RECTIFY_ERROR_NEWER_VERSION:
      return _ (
          "Install the newer version of Rectify to open it. Rectify did not change the file.");
    case RECTIFY_ERROR_DAMAGED:
      return _ ("Rectify did not change the file. Restore the last backup with “rectify-cli --db "
                "PATH restore BACKUP”, or start Rectify with --db PATH to open another file.");
    case RECTIFY_ERROR_NOT_RECTIFY:
      return _ ("Rectify did not change the file. Start Rectify with --db PATH to open a Rectify "
                "database, or give a new file name to start an empty one.");
    default:
      return _ ("Check that the file and its folder can be read and written, or start Rectify with "
                "--db PATH to use another file.");
    }
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog, const char *response, RectifyApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "rectify-path");

  /* The dialog keeps the application alive until the new window exists. */
  if (g_str_equal (response, "retry"))
    rectify_application_open_database (self, path);
}

static void
show_open_error (RectifyApplication *self, const char *path, const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _ ("Cannot Open the Database"), NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message, advice_for (error));
  adw_message_dialog_add_responses (dialog, "quit", _ ("_Quit"), "retry", _ ("_Try Again"), NULL);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_object_set_data_full (G_OBJECT (dialog), "rectify-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
rectify_application_open_database (RectifyApplication *self, const char *path)
{
  g_autofree char *canonical = NULL;
  g_autoptr (RectifyStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  g_return_val_if_fail (RECTIFY_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* a server's URL or connection string is no file name */
  canonical = rectify_store_location_is_server (path) ? g_strdup (path)
                                                      : g_canonicalize_filename (path, NULL);
  window = find_window (self, canonical);
  if (window != NULL)
    {
      gtk_window_present (window);
      return window;
    }

  store = rectify_store_open (canonical, &error);
  if (store == NULL)
    {
      show_open_error (self, canonical, error);
      return NULL;
    }
  rectify_pdf_set_store_renderer (store);

  window = GTK_WINDOW (rectify_window_new (GTK_APPLICATION (self), store));
  gtk_window_present (window);
  return window;
}

static int
rectify_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rectify %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  return -1;
}

static int
rectify_application_command_line (GApplication *application, GApplicationCommandLine *command_line)
{
  RectifyApplication *self = RECTIFY_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && *db != '\0'
      && rectify_store_location_is_server (db))
    /* a server's URL or connection string, as given */
    path = g_strdup (db);
  else if (db != NULL && *db != '\0')
    {
      /* Relative to the directory of the command that started us. */
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }
  else
    {
      g_autofree char *dir = NULL;

      path = rectify_store_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_debug ("Cannot create %s: %s", dir, g_strerror (errno));
    }

  rectify_application_open_database (self, path);
  return EXIT_SUCCESS;
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { "The Rectify developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (application), "application-name",
                        _ ("Rectify"), "application-icon", APPLICATION_ID, "version",
                        PACKAGE_VERSION, "developer-name", _ ("The Rectify developers"),
                        "developers", developers, "comments",
                        _ ("Special-equipment safety campaigns: inspections, hazards and their "
                           "rectification, letters and figures."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_now (gpointer data)
{
  GtkApplication *application = data;
  GList *windows = gtk_application_get_windows (application);

  /* Close the windows first so they remember their size. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (application));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = user_data;

  /* a job killed midway leaves half its files behind: it stops first */
  if (rectify_job_confirm_stop (gtk_application_get_active_window (application), NULL, quit_now,
                                G_OBJECT (application)))
    quit_now (application);
}

static const GActionEntry app_entries[] = {
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static void
rectify_application_startup (GApplication *application)
{
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  const char *quit_accels[] = { "<Primary>q", NULL };
  const char *close_accels[] = { "<Primary>w", NULL };
  const char *new_accels[] = { "<Primary>n", NULL };
  const char *find_accels[] = { "<Primary>f", NULL };
  const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (rectify_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries,
                                   G_N_ELEMENTS (app_entries), application);
  gtk_application_set_accels_for_action (gtk_application, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (gtk_application, "window.close", close_accels);
  /* The window passes New and Find on to the page shown. */
  gtk_application_set_accels_for_action (gtk_application, "win.new", new_accels);
  gtk_application_set_accels_for_action (gtk_application, "win.find", find_accels);
  gtk_application_set_accels_for_action (gtk_application, "win.preferences", preferences_accels);
}

static void
rectify_application_finalize (GObject *object)
{
  RectifyApplication *self = RECTIFY_APPLICATION (object);

  g_clear_pointer (&self->db_description, g_free);

  G_OBJECT_CLASS (rectify_application_parent_class)->finalize (object);
}

static void
rectify_application_class_init (RectifyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rectify_application_finalize;

  application_class->startup = rectify_application_startup;
  application_class->command_line = rectify_application_command_line;
  application_class->handle_local_options = rectify_application_handle_local_options;
}

static void
rectify_application_init (RectifyApplication *self)
{
  g_autofree char *default_path = rectify_store_default_path ();
  GOptionEntry entries[]
      = { { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, NULL, N_ ("PATH") },
          { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
          { NULL } };

  /* Translators: %s is the default database file */
  self->db_description
      = g_strdup_printf (_ ("The database file to open (default: %s)"), default_path);
  entries[0].description = self->db_description;
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (
      G_APPLICATION (self), _ ("Special-equipment safety campaigns, inspections and hazards."));
}

RectifyApplication *
rectify_application_new (void)
{
  return g_object_new (RECTIFY_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_COMMAND_LINE, "resource-base-path",
                       "/app/rectify/Rectify", NULL);
}
