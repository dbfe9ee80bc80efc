/* rectify-inspections-page.c: inspection visits and the back-checks due
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rectify-a11y.h"
#include "rectify-as-of-button.h"
#include "rectify-archived.h"
#include "rectify-column-sorter.h"
#include "rectify-form-field.h"
#include "rectify-hazard-dialog.h"
#include "rectify-inspection-dialog.h"
#include "rectify-inspection-query.h"
#include "rectify-format.h"
#include "rectify-inspections-page.h"
#include "rectify-list-page.h"
#include "rectify-record-list.h"
#include "rectify-schedule.h"
#include "rectify-validate.h"
#include "rectify-visit-dialog.h"

struct _RectifyInspectionsPage
{
  RectifyListPage parent_instance;

  RectifyStore *store; /* the page's, borrowed */
  RectifyRecordList *visits;
  GtkSingleSelection *visit_selection;
  GArray *campaign_ids; /* gint64 per campaign choice, 0 = all */
  gboolean updating_filters;
  RectifyAsOfLimit limit; /* a dashboard tile's day */
  gint64 shown_id;        /* inspection in the detail pane (the page's selected id) */
  gint64 shown_unit_id;
  gint64 shown_campaign_id;
  GPtrArray *detail_rows;

  GtkSearchEntry *search_entry; /* the page's */
  GtkDropDown *kind_dropdown;
  GtkStringList *kinds;
  GtkDropDown *campaign_dropdown;
  GtkStringList *campaigns;
  GtkToggleButton *overdue_toggle;
  GtkWidget *new_button;
  GtkStack *view_stack;
  GtkPaned *paned;
  GtkColumnView *column_view; /* the page's */
  GtkStack *detail_stack;
  GtkLabel *detail_title_label;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *checklist_group;
  GtkWidget *edit_button;
  GtkWidget *delete_button;
  GtkWidget *new_for_unit_button;
  GtkWidget *register_button;
  GtkColumnView *visits_view;
  GtkWidget *record_button;
  GtkWidget *cancel_visit_button;
};

/* The kind filter's last choice: what the dashboard counts as unit inspections. */
#define KIND_BY_BUREAU (RECTIFY_N_INSPECTION_KINDS + 1)

G_DEFINE_FINAL_TYPE (RectifyInspectionsPage, rectify_inspections_page, RECTIFY_TYPE_LIST_PAGE)

#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))

static gboolean
showing_visits (RectifyInspectionsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "visits") == 0;
}

/* ---- cells ------------------------------------------------------------------ */

static char *
inspection_date (gpointer owner, gconstpointer r, const char **style)
{
  return rectify_format_date (((const RectifyInspectionSummary *)r)->date);
}

static char *
inspection_kind (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (rectify_inspection_kind_to_label (((const RectifyInspectionSummary *)r)->kind));
}

static char *
inspection_unit (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (((const RectifyInspectionSummary *)r)->unit_name);
}

static char *
inspection_campaign (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (((const RectifyInspectionSummary *)r)->campaign_name);
}

static char *
inspection_officers (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (((const RectifyInspectionSummary *)r)->officer_names);
}

static char *
inspection_equipment (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup_printf ("%d", ((const RectifyInspectionSummary *)r)->equipment_count);
}

static char *
inspection_hazards (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup_printf ("%d", ((const RectifyInspectionSummary *)r)->hazard_count);
}

static char *
visit_due (gpointer owner, gconstpointer r, const char **style)
{
  return rectify_format_date (((const RectifyScheduledVisit *)r)->due_date);
}

static char *
visit_kind (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (rectify_visit_kind_to_label (((const RectifyScheduledVisit *)r)->kind));
}

static char *
visit_unit (gpointer owner, gconstpointer r, const char **style)
{
  return g_strdup (((const RectifyScheduledVisit *)r)->unit_name);
}

static char *
visit_hazard (gpointer owner, gconstpointer r, const char **style)
{
  const RectifyScheduledVisit *v = r;

  /* Translators: a hazard's number and what it is */
  return g_strdup_printf (_ ("No. %" PRId64 ": %s"), v->hazard_id, v->hazard_content);
}

static char *
visit_state (gpointer owner, gconstpointer r, const char **style)
{
  return rectify_visit_state_text (r);
}

/* ---- queries ---------------------------------------------------------------- */

static void
show_message (RectifyInspectionsPage *self, const char *message)
{
  rectify_list_page_show_message (RECTIFY_LIST_PAGE (self), message, NULL);
}

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  if (showing_visits (RECTIFY_INSPECTIONS_PAGE (page)))
    return g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s planned visit", "%s planned visits", n), number);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s inspection", "%s inspections", n),
                          number);
}

static RectifyRecordList *
counted_list (RectifyListPage *page)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (page);

  return showing_visits (self) ? self->visits : rectify_list_page_get_list (page);
}

static void show_inspection (RectifyInspectionsPage *self, gint64 id);

/* The filter choices a dashboard's limit was set with. */
static char *
filter_choices (RectifyInspectionsPage *self)
{
  return g_strdup_printf ("%u/%u", gtk_drop_down_get_selected (self->kind_dropdown),
                          gtk_drop_down_get_selected (self->campaign_dropdown));
}

/* The planned visits follow the search too. */
static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (page);
  RectifyQuery v = RECTIFY_QUERY_INIT;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  g_autofree char *choices = filter_choices (self);

  /* another kind or campaign is a list of today's records */
  q->as_of = rectify_as_of_limit_check (&self->limit, choices);
  q->as_of_limits = q->as_of != NULL;
  /* Newest first until the user sorts. */
  if (q->sort == NULL)
    q->descending = TRUE;
  /* "All kinds", each kind, then the visits the figures count as unit
   * inspections: every kind but self-inspection */
  q->kind = kind > 0 && kind <= RECTIFY_N_INSPECTION_KINDS ? (int)kind - 1 : -1;
  q->by_bureau = kind == KIND_BY_BUREAU;
  q->campaign_id = campaign < self->campaign_ids->len
                       ? g_array_index (self->campaign_ids, gint64, campaign)
                       : 0;

  v.search = q->search;
  v.status = 0;
  v.overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  rectify_record_list_view_scroll_to_top (GTK_WIDGET (self->visits_view));
  rectify_record_list_set_query (self->visits, &v);
}

static void
apply_query (RectifyInspectionsPage *self)
{
  if (!self->updating_filters)
    rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
}

static void
on_filter_changed_cb (RectifyInspectionsPage *self)
{
  apply_query (self);
}

static void
on_as_of_clear_cb (RectifyInspectionsPage *self)
{
  rectify_as_of_limit_clear (&self->limit);
  apply_query (self);
}

static void
update_actions (RectifyInspectionsPage *self)
{
  gboolean visit = gtk_single_selection_get_selected_item (self->visit_selection) != NULL;
  /* a hazard found on this inspection belongs to its campaign; a new
   * inspection of the unit is not (the form offers active campaigns only) */
  gboolean open
      = rectify_archived_check (self->register_button, self->store, self->shown_campaign_id);
  gboolean can_edit = CAN_EDIT (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-for-unit",
                                 can_edit && self->shown_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.register-hazard",
                                 can_edit && self->shown_id != 0 && open);
  /* an archived campaign's inspection is kept as it was archived */
  rectify_archived_check (self->edit_button, self->store, self->shown_campaign_id);
  rectify_archived_check (self->delete_button, self->store, self->shown_campaign_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit",
                                 can_edit && self->shown_id != 0 && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 can_edit && self->shown_id != 0 && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.record-visit", can_edit && visit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel-visit", can_edit && visit);
  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_set_visible (self->new_for_unit_button, can_edit);
  gtk_widget_set_visible (self->edit_button, can_edit);
  gtk_widget_set_visible (self->delete_button, can_edit);
  gtk_widget_set_visible (self->register_button, can_edit);
  gtk_widget_set_visible (self->record_button, can_edit);
  gtk_widget_set_visible (self->cancel_visit_button, can_edit);
}

static void
on_view_changed_cb (RectifyInspectionsPage *self)
{
  gboolean visits = showing_visits (self);

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), !visits);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), !visits);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_toggle), visits);
  rectify_list_page_update_count (RECTIFY_LIST_PAGE (self));
}

static void
fill_campaigns (RectifyInspectionsPage *self)
{
  g_autoptr (GPtrArray) campaigns = NULL;
  gint64 chosen = 0;
  guint selected = 0, n;
  gint64 all = 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();

  n = gtk_drop_down_get_selected (self->campaign_dropdown);
  if (n < self->campaign_ids->len)
    chosen = g_array_index (self->campaign_ids, gint64, n);
  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, all);
  g_ptr_array_add (items, (gpointer)_ ("All campaigns"));
  if (self->store != NULL)
    campaigns = rectify_store_list_campaigns (self->store, NULL);
  for (guint i = 0; campaigns && i < campaigns->len; i++)
    {
      RectifyCampaign *c = g_ptr_array_index (campaigns, i);

      if (c->id == chosen)
        selected = self->campaign_ids->len;
      g_array_append_val (self->campaign_ids, c->id);
      g_ptr_array_add (items, c->name);
    }
  g_ptr_array_add (items, NULL);
  self->updating_filters = TRUE;
  gtk_string_list_splice (self->campaigns, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)),
                          (const char *const *)items->pdata);
  gtk_drop_down_set_selected (self->campaign_dropdown, selected);
  self->updating_filters = FALSE;
}

/* ---- the detail pane -------------------------------------------------------- */

static void
clear_detail_rows (RectifyInspectionsPage *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
}

static void
add_detail_row (RectifyInspectionsPage *self,
                AdwPreferencesGroup *group,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static void
show_inspection (RectifyInspectionsPage *self, gint64 id)
{
  g_autoptr (RectifyInspection) in = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  RectifyInspectionSummary *s = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;

  clear_detail_rows (self);
  if (id != 0)
    in = rectify_store_get_inspection (self->store, id, &error);
  if (in != NULL)
    rows = rectify_store_get_inspections_by_ids (self->store, &id, 1, &error);
  if (rows != NULL && rows->len == 1)
    s = g_ptr_array_index (rows, 0);
  self->shown_id = s ? id : 0;
  self->shown_unit_id = s ? s->unit_id : 0;
  self->shown_campaign_id = s ? in->campaign_id : 0;
  update_actions (self);
  if (s == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  /* Translators: the kind of an inspection and the unit inspected */
  title
      = g_strdup_printf (_ ("%s of %s"), rectify_inspection_kind_to_label (s->kind), s->unit_name);
  gtk_label_set_text (self->detail_title_label, title);
  {
    g_autofree char *date = rectify_format_date (s->date);

    add_detail_row (self, self->summary_group, _ ("Date"), date);
  }
  add_detail_row (self, self->summary_group, _ ("Campaign"),
                  *s->campaign_name ? s->campaign_name : _ ("None"));
  add_detail_row (self, self->summary_group, _ ("Officers present"),
                  *s->officer_names ? s->officer_names : _ ("None"));
  count = g_strdup_printf ("%d", s->equipment_count);
  add_detail_row (self, self->summary_group, _ ("Equipment checked"), count);
  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("%d", s->hazard_count);
  add_detail_row (self, self->summary_group, _ ("Hazards found"), count);
  if (*in->note)
    add_detail_row (self, self->summary_group, _ ("Note"), in->note);
  for (guint i = 0; i < in->checks->len; i++)
    {
      RectifyCheck *c = &g_array_index (in->checks, RectifyCheck, i);
      g_autofree char *subtitle
          = c->remark && *c->remark
                ? g_strjoin (" · ", rectify_check_result_to_label (c->result), c->remark, NULL)
                : g_strdup (rectify_check_result_to_label (c->result));

      add_detail_row (self, self->checklist_group, rectify_check_item_to_label (c->item), subtitle);
    }
  adw_preferences_group_set_description (self->checklist_group,
                                         in->checks->len == 0 ? _ ("No item recorded") : NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  show_inspection (RECTIFY_INSPECTIONS_PAGE (page), id);
  return id == 0 || RECTIFY_INSPECTIONS_PAGE (page)->shown_id == id;
}

/* ---- actions ----------------------------------------------------------------- */

static RectifyInspectionDialog *
open_inspection_dialog (RectifyInspectionsPage *self, gint64 unit_id)
{
  RectifyInspectionDialog *dialog = rectify_inspection_dialog_new (self->store, unit_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
new_record (RectifyListPage *page)
{
  open_inspection_dialog (RECTIFY_INSPECTIONS_PAGE (page), 0);
  return FALSE;
}

static void
new_for_unit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (widget);

  if (self->store != NULL && CAN_EDIT (self) && self->shown_unit_id != 0)
    open_inspection_dialog (self, self->shown_unit_id);
}

static void
register_hazard_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (widget);
  RectifyHazardDialog *dialog;
  GtkRoot *root;

  if (self->store == NULL || !CAN_EDIT (self) || self->shown_id == 0
      || !rectify_archived_check (NULL, self->store, self->shown_campaign_id))
    return;
  dialog = rectify_hazard_dialog_new (self->store, self->shown_unit_id, self->shown_id, NULL, 0);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Correcting the shown visit: the inspection form, filled with it. */
static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (widget);
  RectifyInspectionDialog *dialog;
  g_autoptr (GError) error = NULL;
  GtkRoot *root;

  if (self->store == NULL || !CAN_EDIT (self) || self->shown_id == 0)
    return;
  dialog = rectify_inspection_dialog_new_for_edit (self->store, self->shown_id, &error);
  if (dialog == NULL)
    {
      show_message (self, error->message);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The id is set: the visit comes back under it, as it was. */
static gint64
restore_record (RectifyListPage *page, gconstpointer kept, GError **error)
{
  const RectifyInspection *in = kept;

  return rectify_store_add_inspection (RECTIFY_INSPECTIONS_PAGE (page)->store, in, error) != 0
             ? in->id
             : 0;
}

/* Removing the shown visit; the toast offers it back. */
static gpointer
delete_record (RectifyListPage *page, gint64 id, char **message, GError **error)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (page);
  g_autoptr (RectifyInspection) in = rectify_store_get_inspection (self->store, id, error);
  g_autofree char *date = NULL;

  if (in == NULL || !rectify_store_delete_inspection (self->store, in->id, error))
    return NULL;
  date = rectify_format_date (in->date);
  /* Translators: the unit and the date of the deleted inspection */
  *message = g_strdup_printf (_ ("The inspection of %s on %s is deleted"), in->unit_name, date);
  return g_steal_pointer (&in);
}

static const RectifyScheduledVisit *
selected_visit (RectifyInspectionsPage *self)
{
  RectifyRow *row = gtk_single_selection_get_selected_item (self->visit_selection);

  return row ? rectify_row_get_record (row) : NULL;
}

static void
record_visit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (widget);
  const RectifyScheduledVisit *v = selected_visit (self);
  RectifyInspectionDialog *dialog;

  if (v == NULL || !CAN_EDIT (self))
    return;
  dialog = open_inspection_dialog (self, v->unit_id);
  rectify_inspection_dialog_set_kind (dialog, v->kind == RECTIFY_VISIT_BACK_CHECK
                                                  ? RECTIFY_INSPECTION_BACK_CHECK
                                                  : RECTIFY_INSPECTION_BUREAU);
}

static void
cancel_visit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (widget);
  const RectifyScheduledVisit *v = selected_visit (self);
  g_autoptr (GError) error = NULL;

  if (v == NULL || !CAN_EDIT (self))
    return;
  if (!rectify_store_cancel_visit (self->store, v->id, &error))
    show_message (self, error->message);
  else
    show_message (self, _ ("The planned visit is cancelled"));
}

/* ---- the store ------------------------------------------------------------------ */

static const char *const listed_entities[]
    = { "inspection", "hazard", "visit", "campaign", "unit", "officer", NULL };

static void
store_changed (RectifyListPage *page, const char *entity)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (page);

  if (g_strcmp0 (entity, "campaign") == 0)
    fill_campaigns (self);
  if (!g_strv_contains (listed_entities, entity))
    return;
  rectify_record_list_refresh (self->visits);
  if (self->shown_id != 0)
    show_inspection (self, self->shown_id);
  update_actions (self);
  rectify_list_page_update_count (page);
}

static void
update_editable (RectifyListPage *page)
{
  update_actions (RECTIFY_INSPECTIONS_PAGE (page));
}

/* ---- public ----------------------------------------------------------------------- */

void
rectify_inspections_page_show_campaign (RectifyInspectionsPage *self,
                                        gint64 campaign_id,
                                        gboolean by_bureau,
                                        const char *as_of)
{
  guint position = 0;
  g_autofree char *choices = NULL;

  g_return_if_fail (RECTIFY_IS_INSPECTIONS_PAGE (self));

  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == campaign_id)
      position = i;
  gtk_stack_set_visible_child_name (self->view_stack, "inspections");
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, by_bureau ? KIND_BY_BUREAU : 0);
  gtk_drop_down_set_selected (self->campaign_dropdown, position);
  self->updating_filters = FALSE;
  choices = filter_choices (self);
  rectify_as_of_limit_set (&self->limit, as_of, choices);
  rectify_list_page_run_query (RECTIFY_LIST_PAGE (self));
}

const char *
rectify_inspections_page_get_as_of_limit (RectifyInspectionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_INSPECTIONS_PAGE (self), NULL);
  return self->limit.as_of;
}

GtkWidget *
rectify_inspections_page_get_as_of_button (RectifyInspectionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_INSPECTIONS_PAGE (self), NULL);
  return self->limit.button;
}

GtkWidget *
rectify_inspections_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_INSPECTIONS_PAGE, "store", store, NULL);
}

GListModel *
rectify_inspections_page_get_visits_model (RectifyInspectionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_INSPECTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->visits);
}

void
rectify_inspections_page_show_visits (RectifyInspectionsPage *self, gboolean visits)
{
  g_return_if_fail (RECTIFY_IS_INSPECTIONS_PAGE (self));
  gtk_stack_set_visible_child_name (self->view_stack, visits ? "visits" : "inspections");
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
rectify_inspections_page_dispose (GObject *object)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (object);

  if (self->visits_view != NULL)
    gtk_column_view_set_model (self->visits_view, NULL);
  g_clear_object (&self->visit_selection);
  g_clear_object (&self->visits);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->limit.as_of, g_free);
  g_clear_pointer (&self->limit.filters, g_free);

  G_OBJECT_CLASS (rectify_inspections_page_parent_class)->dispose (object);
}

static void
rectify_inspections_page_constructed (GObject *object)
{
  RectifyInspectionsPage *self = RECTIFY_INSPECTIONS_PAGE (object);

  self->store = rectify_list_page_get_store (RECTIFY_LIST_PAGE (self));
  if (self->store != NULL)
    {
      self->visits = rectify_record_list_new (self->store, rectify_store_query_visit_ids,
                                              rectify_store_get_visits_by_ids,
                                              (GDestroyNotify)rectify_scheduled_visit_free);
      g_signal_connect_object (self->visits, "notify::loading",
                               G_CALLBACK (rectify_list_page_update_count), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->visit_selection, G_LIST_MODEL (self->visits));
      fill_campaigns (self);
    }
  G_OBJECT_CLASS (rectify_inspections_page_parent_class)->constructed (object);
}

static void
rectify_inspections_page_class_init (RectifyInspectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->constructed = rectify_inspections_page_constructed;
  object_class->dispose = rectify_inspections_page_dispose;

  page_class->query_ids = rectify_store_query_inspection_ids;
  page_class->fetch = rectify_store_get_inspections_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_inspection_summary_free;
  page_class->free_kept = (GDestroyNotify)rectify_inspection_free;
  page_class->entities = listed_entities;
  page_class->count_text = count_text;
  page_class->counted_list = counted_list;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->delete_record = delete_record;
  page_class->restore_record = restore_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_INSPECTIONS;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-inspections-page.ui");
  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, kinds);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, campaigns);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, detail_title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, new_for_unit_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, visits_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyInspectionsPage, cancel_visit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new-for-unit", NULL, new_for_unit_action);
  gtk_widget_class_install_action (widget_class, "page.register-hazard", NULL,
                                   register_hazard_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.record-visit", NULL, record_visit_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-visit", NULL, cancel_visit_action);
}

static void
rectify_inspections_page_init (RectifyInspectionsPage *self)
{
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));
  self->search_entry = rectify_list_page_get_search_entry (RECTIFY_LIST_PAGE (self));

  gtk_string_list_append (self->kinds, _ ("All kinds"));
  for (guint k = 0; k < RECTIFY_N_INSPECTION_KINDS; k++)
    gtk_string_list_append (self->kinds, rectify_inspection_kind_to_label (k));
  /* Translators: the kind filter's choice of bureau inspections and
   * back-checks together, every visit but self-inspections */
  gtk_string_list_append (self->kinds, C_ ("inspection kinds", "By the bureau"));

  self->visit_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->visit_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->visit_selection, TRUE);
  gtk_column_view_set_model (self->visits_view, GTK_SELECTION_MODEL (self->visit_selection));
  g_signal_connect_swapped (self->visit_selection, "notify::selected", G_CALLBACK (update_actions),
                            self);

  /* The essential columns first: date, kind, unit, officers, equipment.
   * The date, the kind and the counts take the width of their longest text
   * in this language; the unit and the officers share the rest. */
  {
    const char *kinds[RECTIFY_N_INSPECTION_KINDS];
    g_autofree char *date = rectify_format_date ("2026-12-28");
    const char *dates[] = { date };
    const char *counts[] = { "9999" };
    GtkColumnView *view = self->column_view;

    for (int k = 0; k < RECTIFY_N_INSPECTION_KINDS; k++)
      kinds[k] = rectify_inspection_kind_to_label (k);
    rectify_record_list_view_add_column (
        view, _ ("Date"), "date", inspection_date, self, FALSE,
        rectify_record_list_view_text_width (view, _ ("Date"), dates, G_N_ELEMENTS (dates)));
    rectify_record_list_view_add_column (
        view, _ ("Kind"), "kind", inspection_kind, self, FALSE,
        rectify_record_list_view_text_width (view, _ ("Kind"), kinds, G_N_ELEMENTS (kinds)));
    rectify_record_list_view_add_column (view, _ ("Unit"), "unit", inspection_unit, self, TRUE,
                                         150);
    rectify_record_list_view_add_column (view, _ ("Officers"), NULL, inspection_officers, self,
                                         TRUE, 100);
    rectify_record_list_view_add_column (
        view, _ ("Equipment"), NULL, inspection_equipment, self, FALSE,
        rectify_record_list_view_text_width (view, _ ("Equipment"), counts, G_N_ELEMENTS (counts)));
    rectify_record_list_view_add_column (
        view, _ ("Hazards"), NULL, inspection_hazards, self, FALSE,
        rectify_record_list_view_text_width (view, _ ("Hazards"), counts, G_N_ELEMENTS (counts)));
    rectify_record_list_view_add_column (view, _ ("Campaign"), NULL, inspection_campaign, self,
                                         FALSE, 110);
  }

  rectify_record_list_view_add_column (self->visits_view, _ ("Due"), NULL, visit_due, self, FALSE,
                                       100);
  rectify_record_list_view_add_column (self->visits_view, _ ("Kind"), NULL, visit_kind, self, FALSE,
                                       130);
  rectify_record_list_view_add_column (self->visits_view, _ ("Unit"), NULL, visit_unit, self, TRUE,
                                       180);
  rectify_record_list_view_add_column (self->visits_view, _ ("Hazard"), NULL, visit_hazard, self,
                                       TRUE, 180);
  rectify_record_list_view_add_column (self->visits_view, _ ("State"), NULL, visit_state, self,
                                       FALSE, 130);

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  self->limit.button = rectify_as_of_button_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->search_entry))),
                              self->limit.button, GTK_WIDGET (self->search_entry));
  g_signal_connect_swapped (self->limit.button, "clicked", G_CALLBACK (on_as_of_clear_cb), self);
  rectify_a11y_name_dropdown_button (self->kind_dropdown, _ ("Kind filter"));
  rectify_a11y_name_dropdown_button (self->campaign_dropdown, _ ("Campaign filter"));

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  on_view_changed_cb (self);
  update_actions (self);
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
