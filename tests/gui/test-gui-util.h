/* test-gui-util.h: scaffolding shared by the widget tests, compiled into each
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-application.h"
#include "rectify-store.h"
#include "rectify-window.h"

G_BEGIN_DECLS

/* Generous: the sanitizer build is slow. */
#define TIMEOUT_SECONDS 90

typedef gboolean (*Condition) (gpointer data);
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

void                wait_for             (Condition   condition,
                                          gpointer    data,
                                          const char *what);
void                drain_main_context   (void);
gboolean            widget_is_mapped     (gpointer data);
gboolean            pointer_is_null      (gpointer data);

GtkWidget          *find_widget          (GtkWidget     *root,
                                          Match          match,
                                          gconstpointer  data);
GtkWidget          *require_widget       (GtkWidget     *root,
                                          Match          match,
                                          gconstpointer  data,
                                          const char    *what);
GtkWidget          *wait_for_widget      (GtkWidget     *root,
                                          Match          match,
                                          gconstpointer  data,
                                          const char    *what);
const char         *widget_text          (GtkWidget *widget);
void                collect_labels       (GtkWidget *root,
                                          GString   *out);
char               *strip_mnemonic       (const char *label);

gboolean            match_type           (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_button         (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_row            (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_label          (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_error_label    (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_search_entry   (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_column_view    (GtkWidget     *widget,
                                          gconstpointer  data);
gboolean            match_toast_overlay  (GtkWidget     *widget,
                                          gconstpointer  data);

gboolean            page_is_mapped       (gpointer data);
GtkWidget          *wait_for_toplevel    (GType       type,
                                          const char *what);

void                click                (GtkWidget *button);
void                fill                 (GtkWidget  *root,
                                          const char *row_title,
                                          const char *text);

void                temp_db_make         (char **dir,
                                          char **db);
void                temp_db_remove       (char  *dir,
                                          char  *db);

void                remove_tree          (const char *path);

RectifyStore       *temp_store_open      (char    **dir,
                                          char    **db,
                                          gboolean  seed);
void                page_window_present  (GtkWidget  *page,
                                          GtkWindow **window);
void                page_window_close    (GtkWindow   **window,
                                          RectifyStore *store,
                                          char         *dir,
                                          char         *db);
void                window_close         (GtkWindow **window);

RectifyApplication *test_application_new (void);
void                app_window_open      (RectifyApplication *app,
                                          const char         *db,
                                          RectifyWindow     **window);
/* On the sign-in page: signs in as the active officer of this name, or
 * reads without signing in. */
void                window_sign_in       (RectifyWindow      *window,
                                          const char         *name);
void                window_browse        (RectifyWindow      *window);
void                window_navigate      (RectifyWindow      *window,
                                          const char         *page);

void                wait_for_n_items     (GListModel *model,
                                          guint       n,
                                          const char *what);

void                in_subprocess        (void (*run) (void));

G_END_DECLS
