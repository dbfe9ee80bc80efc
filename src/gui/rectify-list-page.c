/* rectify-list-page.c: the base class of the list pages: records, selection, search, count,
 * messages SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-column-sorter.h"
#include "rectify-exchange.h"
#include "rectify-format.h"
#include "rectify-list-page.h"

typedef struct
{
  RectifyStore *store;
  gulong changed_id;
  gboolean can_edit;
  gint64 current_id; /* the record shown; 0: none or a new one */
  gboolean queried;

  RectifyRecordList *list; /* NULL for a page with a model of its own */
  GListModel *model;
  GtkSingleSelection *selection;

  GtkColumnView *column_view;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;

  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkWidget *banner_undo_button;
  gpointer banner_kept;

  GtkRevealer *back_revealer;
  gboolean folded;         /* narrower than FOLD_WIDTH: the list or the detail */
  gboolean showing_detail; /* folded: the detail is shown, not the list */
  guint fold_idle_id;

  AdwToast *last_toast; /* weak */
  guint scroll_tick_id;
  guint scroll_position;
} RectifyListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RectifyListPage, rectify_list_page, GTK_TYPE_WIDGET)

/* Below this width a page shows its list or its detail, with a button back
 * to the list; every page's minimum is MIN_WIDTH. */
#define FOLD_WIDTH 860
#define MIN_WIDTH 600

#define PRIV(self) ((RectifyListPagePrivate *)rectify_list_page_get_instance_private (self))
#define CLASS(self) RECTIFY_LIST_PAGE_GET_CLASS (self)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_selection_changed_cb (RectifyListPage *self);

/* ---- folding ---------------------------------------------------------------- */

static GtkPaned *
find_paned (RectifyListPage *self)
{
  GtkWidget *view = GTK_WIDGET (PRIV (self)->column_view);

  return view != NULL ? GTK_PANED (gtk_widget_get_ancestor (view, GTK_TYPE_PANED)) : NULL;
}

/* Folded, the page shows the list, or the detail with the back button;
 * unfolded both, side by side. */
static void
update_fold (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  GtkPaned *paned = find_paned (self);
  GtkWidget *start = paned ? gtk_paned_get_start_child (paned) : NULL;
  GtkWidget *end = paned ? gtk_paned_get_end_child (paned) : NULL;
  gboolean detail = priv->folded && priv->showing_detail;

  if (start == NULL || end == NULL)
    return;
  gtk_widget_set_visible (start, !detail);
  gtk_widget_set_visible (end, !priv->folded || detail);
  gtk_revealer_set_reveal_child (priv->back_revealer, detail);
  gtk_widget_set_visible (GTK_WIDGET (priv->back_revealer), detail);
}

static void
show_detail (RectifyListPage *self, gboolean detail)
{
  PRIV (self)->showing_detail = detail;
  update_fold (self);
}

static gboolean
fold_idle_cb (gpointer data)
{
  RectifyListPage *self = data;
  RectifyListPagePrivate *priv = PRIV (self);

  priv->fold_idle_id = 0;
  priv->folded = gtk_widget_get_width (GTK_WIDGET (self)) < FOLD_WIDTH;
  update_fold (self);
  return G_SOURCE_REMOVE;
}

/* The page is a column: the banner, the back button, then the page's own
 * widgets, which take the height left. */
static void
rectify_list_page_measure (GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1, &min, &nat, NULL,
                          NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += min;
          *natural += nat;
        }
      else
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
}

/* The width is known only here, and no child may change while the page is
 * laid out: the fold follows at once after. */
static void
rectify_list_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, h = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (gtk_widget_get_next_sibling (child) == NULL)
        h = MAX (height - y, 0);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &h, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation){ 0, y, width, h }, -1);
      y += h;
    }
  if ((width < FOLD_WIDTH) != priv->folded && priv->fold_idle_id == 0)
    priv->fold_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fold_idle_cb, self, NULL);
}

static void
on_back_clicked_cb (RectifyListPage *self)
{
  show_detail (self, FALSE);
  if (PRIV (self)->column_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (PRIV (self)->column_view));
}

static void
add_back_button (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "go-previous-symbolic");
  /* Translators: the button of a narrow window from a record back to its list */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _ ("Back to the List"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  priv->back_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (priv->back_revealer, button);
  gtk_widget_set_visible (GTK_WIDGET (priv->back_revealer), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (priv->back_revealer), GTK_WIDGET (self));
}

/* ---- selection ----------------------------------------------------------- */

static gint64
item_id (RectifyListPage *self, gpointer item)
{
  return item != NULL ? CLASS (self)->item_id (self, item) : 0;
}

static gint64
default_item_id (RectifyListPage *self, gpointer item)
{
  return rectify_row_get_id (RECTIFY_ROW (item));
}

static gint64
find_position (RectifyListPage *self, gint64 id)
{
  RectifyListPagePrivate *priv = PRIV (self);
  guint n;

  if (id == 0 || priv->model == NULL)
    return -1;
  if (priv->list != NULL)
    return rectify_record_list_find (priv->list, id);
  n = g_list_model_get_n_items (priv->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (priv->model, i);

      if (item_id (self, item) == id)
        return i;
    }
  return -1;
}

/* Selects the row of the record shown (none when it is not listed) without
 * showing it again: the form stays as it is while a new snapshot comes,
 * and a new record's empty form stays when the selection is cleared. */
static void
reselect (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  gint64 position = find_position (self, priv->current_id);

  g_signal_handlers_block_by_func (priv->selection, on_selection_changed_cb, self);
  gtk_single_selection_set_selected (priv->selection,
                                     position >= 0 ? (guint)position : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (priv->selection, on_selection_changed_cb, self);
}

static void
update_actions (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  RectifyListPageClass *klass = CLASS (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "page.new", priv->can_edit && klass->new_record != NULL);
  gtk_widget_action_set_enabled (widget, "page.save", priv->can_edit && klass->save_record != NULL);
  gtk_widget_action_set_enabled (widget, "page.delete",
                                 priv->can_edit && priv->current_id != 0
                                     && klass->delete_record != NULL);
  gtk_widget_action_set_enabled (widget, "page.export", klass->exports);
  gtk_widget_action_set_enabled (widget, "page.import", priv->can_edit && klass->imports);
  if (klass->update_editable != NULL)
    klass->update_editable (self);
}

static void
scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment
          = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_top (child);
}

/* Another record starts at the top of the detail, not where the last one
 * was left scrolled. */
static void
scroll_detail_to_top (RectifyListPage *self)
{
  GtkWidget *paned
      = PRIV (self)->column_view != NULL
            ? gtk_widget_get_ancestor (GTK_WIDGET (PRIV (self)->column_view), GTK_TYPE_PANED)
            : NULL;
  GtkWidget *detail = paned != NULL ? gtk_paned_get_end_child (GTK_PANED (paned)) : NULL;

  if (detail != NULL)
    scroll_to_top (detail);
}

static void
show_record (RectifyListPage *self, gint64 id)
{
  RectifyListPagePrivate *priv = PRIV (self);

  if (id != priv->current_id)
    scroll_detail_to_top (self);
  priv->current_id = id;
  if (!CLASS (self)->show_record (self, id) && id != 0)
    {
      priv->current_id = 0;
      reselect (self);
      CLASS (self)->show_record (self, 0);
    }
  show_detail (self, priv->current_id != 0);
  update_actions (self);
}

static void
on_selection_changed_cb (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  gint64 id = item_id (self, gtk_single_selection_get_selected_item (priv->selection));

  /* A new record's form stays when the selection is cleared. */
  if (id != 0 || priv->current_id != 0)
    show_record (self, id);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); the list inside the column
 * view has the action its rows use to come into view.  It needs the list
 * laid out, so it waits for a frame where the view has its size. */
static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  RectifyListPage *self = data;
  RectifyListPagePrivate *priv = PRIV (self);

  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  priv->scroll_tick_id = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        if (priv->model != NULL && priv->scroll_position < g_list_model_get_n_items (priv->model))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", priv->scroll_position);
        break;
      }
  return G_SOURCE_REMOVE;
}

/* ---- the list ------------------------------------------------------------- */

void
rectify_list_page_update_count (RectifyListPage *self)
{
  RectifyListPagePrivate *priv;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n;
  RectifyRecordList *counted;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  priv = PRIV (self);

  if (priv->count_label == NULL)
    return;
  if (priv->model == NULL)
    {
      gtk_label_set_text (priv->count_label, "");
      return;
    }
  counted = priv->list;
  if (CLASS (self)->counted_list != NULL)
    counted = CLASS (self)->counted_list (self);
  if (counted != NULL && rectify_record_list_show_status (counted, priv->count_label))
    return;
  n = g_list_model_get_n_items (counted != NULL ? G_LIST_MODEL (counted) : priv->model);
  number = rectify_format_count (n);
  text = CLASS (self)->count_text (self, n, number);
  gtk_label_set_text (priv->count_label, text);
}

void
rectify_list_page_run_query (RectifyListPage *self)
{
  RectifyListPagePrivate *priv;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autofree char *search = NULL;
  gboolean descending = FALSE;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  priv = PRIV (self);

  if (priv->store == NULL)
    return;
  priv->queried = TRUE;
  if (priv->list == NULL)
    {
      if (CLASS (self)->reload != NULL)
        {
          g_signal_handlers_block_by_func (priv->selection, on_selection_changed_cb, self);
          CLASS (self)->reload (self);
          g_signal_handlers_unblock_by_func (priv->selection, on_selection_changed_cb, self);
        }
      reselect (self);
      rectify_list_page_update_count (self);
      return;
    }

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry))));
  q.search = *search ? search : NULL;
  q.sort = rectify_column_view_get_sort (priv->column_view, &descending);
  q.descending = descending;
  if (CLASS (self)->build_query != NULL)
    CLASS (self)->build_query (self, &q);

  /* Back to the top first, so that the view keeps its row widgets. */
  rectify_record_list_view_scroll_to_top (GTK_WIDGET (priv->column_view));
  g_signal_handlers_block_by_func (priv->selection, on_selection_changed_cb, self);
  rectify_record_list_set_query (priv->list, &q);
  g_signal_handlers_unblock_by_func (priv->selection, on_selection_changed_cb, self);
  reselect (self);
  rectify_list_page_update_count (self);
}

void
rectify_list_page_apply_query (RectifyListPage *self)
{
  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));

  if (CLASS (self)->query_when_mapped && !PRIV (self)->queried
      && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  rectify_list_page_run_query (self);
}

static void
rectify_list_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rectify_list_page_parent_class)->map (widget);
  if (!PRIV (RECTIFY_LIST_PAGE (widget))->queried)
    rectify_list_page_run_query (RECTIFY_LIST_PAGE (widget));
}

/* The rest of a long result came: its count, and the row of the record
 * shown if it was not among the first. */
static void
on_list_loaded_cb (RectifyListPage *self)
{
  reselect (self);
  rectify_list_page_update_count (self);
}

static gboolean
entity_is_listed (RectifyListPage *self, const char *entity)
{
  const char *const *entities = CLASS (self)->entities;

  return entities == NULL || entity == NULL || g_strv_contains (entities, entity);
}

static void
on_store_changed_cb (RectifyStore *store, const char *entity, RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);

  if (entity_is_listed (self, entity) && priv->queried)
    {
      g_signal_handlers_block_by_func (priv->selection, on_selection_changed_cb, self);
      if (priv->list != NULL)
        rectify_record_list_refresh (priv->list);
      else if (CLASS (self)->reload != NULL)
        CLASS (self)->reload (self);
      g_signal_handlers_unblock_by_func (priv->selection, on_selection_changed_cb, self);
      reselect (self);
      rectify_list_page_update_count (self);
    }
  if (CLASS (self)->store_changed != NULL)
    CLASS (self)->store_changed (self, entity);
}

static void
on_sorter_changed_cb (RectifyListPage *self)
{
  rectify_list_page_apply_query (self);
}

static void
on_search_changed_cb (RectifyListPage *self)
{
  rectify_list_page_apply_query (self);
}

/* ---- toasts ---------------------------------------------------------------- */

static void
replace_toast (AdwToastOverlay *overlay, AdwToast **last, AdwToast *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (last != NULL);
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A new message replaces the page's last instead of waiting behind it
   * (an undo offered stays in front, and libadwaita 1.2 fails an
   * assertion when a high-priority toast pushes one back into its queue). */
  if (*last != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (*last), (gpointer *)last);
      adw_toast_dismiss (*last);
      *last = NULL;
    }
  *last = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)last);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
forget_toast (AdwToast **last)
{
  g_return_if_fail (last != NULL);

  if (*last != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*last), (gpointer *)last);
  *last = NULL;
}

/* ---- messages ------------------------------------------------------------- */

static void
free_kept (RectifyListPage *self, gpointer kept)
{
  GDestroyNotify free_func
      = CLASS (self)->free_kept ? CLASS (self)->free_kept : CLASS (self)->free_record;

  free_func (kept);
}

static void
restore (RectifyListPage *self, gconstpointer kept)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (kept == NULL || CLASS (self)->restore_record == NULL)
    return;
  id = CLASS (self)->restore_record (self, kept, &error);
  if (id == 0)
    {
      rectify_list_page_show_message (self, error->message, NULL);
      return;
    }
  rectify_list_page_select (self, id);
}

static void
hide_banner (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);

  gtk_revealer_set_reveal_child (priv->banner_revealer, FALSE);
  if (priv->banner_kept != NULL)
    free_kept (self, g_steal_pointer (&priv->banner_kept));
}

static void
on_banner_undo_clicked_cb (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  gpointer kept = g_steal_pointer (&priv->banner_kept);

  hide_banner (self);
  restore (self, kept);
  if (kept != NULL)
    free_kept (self, kept);
}

static void
on_toast_undo_clicked_cb (AdwToast *toast, RectifyListPage *self)
{
  restore (self, g_object_get_data (G_OBJECT (toast), "rectify-kept"));
}

void
rectify_list_page_show_message (RectifyListPage *self, const char *message, gpointer kept)
{
  RectifyListPagePrivate *priv;
  GtkWidget *overlay;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  g_return_if_fail (message != NULL);
  priv = PRIV (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      /* Toast titles are markup; the core's messages quote user data. */
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      if (kept != NULL)
        {
          adw_toast_set_button_label (toast, _ ("_Undo"));
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          g_object_set_data_full (G_OBJECT (toast), "rectify-kept", kept,
                                  CLASS (self)->free_kept ? CLASS (self)->free_kept
                                                          : CLASS (self)->free_record);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_clicked_cb),
                                   self, 0);
        }
      replace_toast (ADW_TOAST_OVERLAY (overlay), &priv->last_toast, toast);
      return;
    }

  if (priv->banner_kept != NULL)
    free_kept (self, g_steal_pointer (&priv->banner_kept));
  priv->banner_kept = kept;
  gtk_label_set_text (priv->banner_label, message);
  gtk_widget_set_visible (priv->banner_undo_button, kept != NULL);
  gtk_revealer_set_reveal_child (priv->banner_revealer, TRUE);
}

/* The banner over the page, for a page outside the shell (no toasts). */
static void
add_banner (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  priv->banner_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (priv->banner_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  priv->banner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (priv->banner_label, TRUE);
  gtk_label_set_xalign (priv->banner_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (priv->banner_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->banner_label), "heading");
  priv->banner_undo_button = gtk_button_new_with_mnemonic (_ ("_Undo"));
  gtk_widget_set_visible (priv->banner_undo_button, FALSE);
  gtk_widget_set_valign (priv->banner_undo_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _ ("Close the message"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Close the message"), -1);
  g_signal_connect_swapped (priv->banner_undo_button, "clicked",
                            G_CALLBACK (on_banner_undo_clicked_cb), self);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (hide_banner), self);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (priv->banner_label));
  gtk_box_append (GTK_BOX (box), priv->banner_undo_button);
  gtk_box_append (GTK_BOX (box), close);
  gtk_revealer_set_child (priv->banner_revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (priv->banner_revealer), GTK_WIDGET (self));
}

/* ---- actions -------------------------------------------------------------- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);

  if (!priv->can_edit || priv->store == NULL || CLASS (self)->new_record == NULL)
    return;
  if (CLASS (self)->new_record (self))
    {
      rectify_list_page_set_current (self, 0);
      show_detail (self, TRUE);
    }
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PRIV (RECTIFY_LIST_PAGE (widget))->search_entry));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);
  const char *message = NULL;
  gint64 id;

  if (!priv->can_edit || priv->store == NULL || CLASS (self)->save_record == NULL)
    return;
  id = CLASS (self)->save_record (self, &message);
  if (id == 0)
    return;
  /* the store's "changed" signal has read the list again */
  rectify_list_page_select (self, id);
  if (message != NULL)
    rectify_list_page_show_message (self, message, NULL);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gpointer kept;

  if (!priv->can_edit || priv->current_id == 0 || CLASS (self)->delete_record == NULL)
    return;
  kept = CLASS (self)->delete_record (self, priv->current_id, &message, &error);
  if (kept == NULL)
    {
      rectify_list_page_show_message (self, error->message, NULL);
      return;
    }
  show_record (self, 0);
  rectify_list_page_show_message (self, message, CLASS (self)->restore_record ? kept : NULL);
  if (CLASS (self)->restore_record == NULL)
    free_kept (self, kept);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);

  if (priv->store != NULL && priv->list != NULL && CLASS (self)->exports)
    rectify_exchange_export (widget, priv->store, CLASS (self)->export_kind,
                             rectify_record_list_get_query (priv->list));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (widget);
  RectifyListPagePrivate *priv = PRIV (self);

  if (priv->store != NULL && priv->can_edit && CLASS (self)->imports)
    rectify_exchange_import (widget, priv->store, CLASS (self)->import_kind);
}

/* ---- GObject -------------------------------------------------------------- */

static void
rectify_list_page_constructed (GObject *object)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (object);
  RectifyListPagePrivate *priv = PRIV (self);
  RectifyListPageClass *klass = CLASS (self);

  G_OBJECT_CLASS (rectify_list_page_parent_class)->constructed (object);

  g_assert (priv->column_view != NULL && priv->search_entry != NULL);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (priv->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (priv->store != NULL)
    {
      priv->changed_id
          = g_signal_connect (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self);
      if (klass->query_ids != NULL)
        {
          priv->list = rectify_record_list_new (priv->store, klass->query_ids, klass->fetch,
                                                klass->free_record);
          rectify_list_page_set_model (self, G_LIST_MODEL (priv->list));
          g_signal_connect_object (priv->list, "notify::loading", G_CALLBACK (on_list_loaded_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  update_actions (self);
  rectify_list_page_apply_query (self);
}

static void
rectify_list_page_dispose (GObject *object)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (object);
  RectifyListPagePrivate *priv = PRIV (self);
  GtkWidget *child;

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_handle_id (&priv->fold_idle_id, g_source_remove);
  if (priv->scroll_tick_id != 0 && priv->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (priv->column_view), priv->scroll_tick_id);
  priv->scroll_tick_id = 0;
  forget_toast (&priv->last_toast);
  if (priv->banner_kept != NULL)
    free_kept (self, g_steal_pointer (&priv->banner_kept));
  /* the columns going away change the view's sorter: no queries then */
  if (priv->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (priv->column_view), self);
  if (priv->column_view != NULL)
    gtk_column_view_set_model (priv->column_view, NULL);
  /* the page's template, whose pointers (and the three above) it clears */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->model);
  g_clear_object (&priv->list);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rectify_list_page_parent_class)->dispose (object);
}

static void
rectify_list_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, PRIV (self)->store);
      break;
    case PROP_CAN_EDIT:
      g_value_set_boolean (value, PRIV (self)->can_edit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_list_page_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  RectifyListPage *self = RECTIFY_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      PRIV (self)->store = g_value_dup_object (value);
      break;
    case PROP_CAN_EDIT:
      rectify_list_page_set_can_edit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_list_page_class_init (RectifyListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rectify_list_page_constructed;
  object_class->dispose = rectify_list_page_dispose;
  object_class->get_property = rectify_list_page_get_property;
  object_class->set_property = rectify_list_page_set_property;
  klass->item_id = default_item_id;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_EDIT]
      = g_param_spec_boolean ("can-edit", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = rectify_list_page_map;
  widget_class->measure = rectify_list_page_measure;
  widget_class->size_allocate = rectify_list_page_size_allocate;
  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
}

static void
rectify_list_page_init (RectifyListPage *self)
{
  RectifyListPagePrivate *priv = PRIV (self);
  priv->can_edit = TRUE;
  priv->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  g_signal_connect_swapped (priv->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  add_banner (self);
  add_back_button (self);
  gtk_widget_set_size_request (GTK_WIDGET (self), MIN_WIDTH, -1);
}

/* ---- public --------------------------------------------------------------- */

RectifyStore *
rectify_list_page_get_store (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->store;
}

gboolean
rectify_list_page_get_can_edit (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), FALSE);
  return PRIV (self)->can_edit;
}

void
rectify_list_page_set_can_edit (RectifyListPage *self, gboolean can_edit)
{
  RectifyListPagePrivate *priv;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  priv = PRIV (self);

  can_edit = !!can_edit;
  if (priv->can_edit == can_edit)
    {
      /* who acts may have changed all the same */
      update_actions (self);
      return;
    }
  priv->can_edit = can_edit;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EDIT]);
}

GListModel *
rectify_list_page_get_model (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->model;
}

gint64
rectify_list_page_get_selected_id (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), 0);
  return PRIV (self)->current_id;
}

void
rectify_list_page_select (RectifyListPage *self, gint64 id)
{
  RectifyListPagePrivate *priv;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  priv = PRIV (self);

  if (priv->store == NULL)
    return;
  if (!priv->queried)
    rectify_list_page_run_query (self);
  if (priv->list != NULL)
    rectify_record_list_complete (priv->list);
  if (id != 0 && find_position (self, id) < 0 && CLASS (self)->reveal_record != NULL)
    {
      CLASS (self)->reveal_record (self);
      rectify_list_page_run_query (self);
      if (priv->list != NULL)
        rectify_record_list_complete (priv->list);
    }
  show_record (self, id);
  reselect (self);
  rectify_list_page_scroll_to_current (self);
}

void
rectify_list_page_class_bind_template (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), RECTIFY_TYPE_LIST_PAGE));

  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_PRIVATE_OFFSET (RectifyListPage, column_view));
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE,
                                             G_PRIVATE_OFFSET (RectifyListPage, search_entry));
  gtk_widget_class_bind_template_child_full (widget_class, "count_label", FALSE,
                                             G_PRIVATE_OFFSET (RectifyListPage, count_label));
}

RectifyRecordList *
rectify_list_page_get_list (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->list;
}

GtkColumnView *
rectify_list_page_get_column_view (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->column_view;
}

GtkSingleSelection *
rectify_list_page_get_selection (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->selection;
}

GtkSearchEntry *
rectify_list_page_get_search_entry (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->search_entry;
}

void
rectify_list_page_set_model (RectifyListPage *self, GListModel *model)
{
  RectifyListPagePrivate *priv;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  priv = PRIV (self);

  g_set_object (&priv->model, model);
  g_signal_handlers_block_by_func (priv->selection, on_selection_changed_cb, self);
  gtk_single_selection_set_model (priv->selection, model);
  g_signal_handlers_unblock_by_func (priv->selection, on_selection_changed_cb, self);
  reselect (self);
}

void
rectify_list_page_set_current (RectifyListPage *self, gint64 id)
{
  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));

  PRIV (self)->current_id = id;
  reselect (self);
  update_actions (self);
}

void
rectify_list_page_show_again (RectifyListPage *self)
{
  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));

  if (PRIV (self)->current_id != 0)
    {
      show_record (self, PRIV (self)->current_id);
      reselect (self);
    }
}

gboolean
rectify_list_page_get_folded (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), FALSE);
  return PRIV (self)->folded;
}

gboolean
rectify_list_page_get_showing_detail (RectifyListPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_LIST_PAGE (self), FALSE);
  return PRIV (self)->folded && PRIV (self)->showing_detail;
}

void
rectify_list_page_scroll_to_current (RectifyListPage *self)
{
  RectifyListPagePrivate *priv;
  guint position;

  g_return_if_fail (RECTIFY_IS_LIST_PAGE (self));
  priv = PRIV (self);

  position = gtk_single_selection_get_selected (priv->selection);
  if (position == GTK_INVALID_LIST_POSITION || priv->column_view == NULL)
    return;
  priv->scroll_position = position;
  if (priv->scroll_tick_id == 0)
    priv->scroll_tick_id
        = gtk_widget_add_tick_callback (GTK_WIDGET (priv->column_view), scroll_tick_cb, self, NULL);
}

gint64
rectify_list_page_save (RectifyStore *store,
                        gpointer record,
                        gboolean is_new,
                        RectifyAddFunc add,
                        RectifyUpdateFunc update,
                        GError **error)
{
  gint64 *id = record;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL && add != NULL && update != NULL, 0);

  if (!is_new)
    return update (store, record, error) ? *id : 0;
  *id = add (store, record, error);
  return *id;
}
