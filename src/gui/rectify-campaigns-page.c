/* rectify-campaigns-page.c: the campaigns and the figures of the selected one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rectify-a11y.h"
#include "rectify-campaign-archive.h"
#include "rectify-campaign-dialog.h"
#include "rectify-campaign-item.h"
#include "rectify-campaigns-page.h"
#include "rectify-dashboard.h"
#include "rectify-format.h"

struct _RectifyCampaignsPage
{
  GtkWidget parent_instance;

  RectifyStore *store;
  gulong changed_id;
  gboolean can_edit;

  GtkStack *stack;
  GtkSingleSelection *selection;
  GListStore *campaigns;
  GtkStack *details_stack;
  AdwStatusPage *no_selection_page;
  GtkLabel *title_label;
  GtkLabel *period_label;
  RectifyDashboard *dashboard;
  AdwActionRow *head_row;
  AdwActionRow *deputy_row;
  AdwActionRow *members_row;
  GtkWidget *edit_button;
  gboolean archiving;
  AdwActionRow *industries_row;
  AdwActionRow *links_row;
  AdwActionRow *areas_row;
};

G_DEFINE_FINAL_TYPE (RectifyCampaignsPage, rectify_campaigns_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
officer_name (RectifyStore *store, gint64 id)
{
  g_autoptr (RectifyOfficer) officer = NULL;

  if (id == 0)
    return NULL;
  officer = rectify_store_get_officer (store, id, NULL);
  return officer ? g_strdup (officer->name) : NULL;
}

static void
set_text_row (AdwActionRow *row, const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  adw_action_row_set_subtitle (row, *stripped ? stripped : _ ("None recorded"));
}

static void
set_members_row (RectifyCampaignsPage *self, const RectifyCampaign *campaign)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; campaign->member_ids && i < campaign->member_ids->len; i++)
    {
      char *name = officer_name (self->store, g_array_index (campaign->member_ids, gint64, i));

      if (name != NULL)
        g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, NULL);
  if (names->len > 1)
    {
      /* Translators: the separator between the names of a list */
      g_autofree char *text = g_strjoinv (_ (", "), (char **)names->pdata);

      adw_action_row_set_subtitle (self->members_row, text);
    }
  else
    {
      adw_action_row_set_subtitle (self->members_row, _ ("None"));
    }
}

static void
show_figures (RectifyCampaignsPage *self, RectifyCampaignItem *item)
{
  const RectifyCampaign *campaign = rectify_campaign_item_get_campaign (item);
  g_autofree char *period = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *days = NULL;
  g_autofree char *line = NULL;
  g_autofree char *head = NULL;
  g_autofree char *deputy = NULL;

  gtk_label_set_text (self->title_label, campaign->name);
  /* Translators: the period of a campaign, from its first to its last day */
  start = rectify_format_date (campaign->start_date);
  end = rectify_format_date (rectify_campaign_item_get_end_date (item));
  period = g_strdup_printf (_ ("%s to %s"), start, end);
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", campaign->days),
                          campaign->days);
  line = g_strjoin (" · ", period, days, rectify_campaign_status_to_label (campaign->status), NULL);
  gtk_label_set_text (self->period_label, line);

  /* the tiles, charts and summary of the campaign, at the day chosen there */
  rectify_dashboard_set_store (self->dashboard, self->store);
  rectify_dashboard_set_campaign_id (self->dashboard, campaign->id);

  head = officer_name (self->store, campaign->head_id);
  deputy = officer_name (self->store, campaign->deputy_id);
  adw_action_row_set_subtitle (self->head_row, head ? head : _ ("None"));
  adw_action_row_set_subtitle (self->deputy_row, deputy ? deputy : _ ("None"));
  set_members_row (self, campaign);
  set_text_row (self->industries_row, campaign->key_industries);
  set_text_row (self->links_row, campaign->key_links);
  set_text_row (self->areas_row, campaign->key_areas);

  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

static void
update_details (RectifyCampaignsPage *self)
{
  RectifyCampaignItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL || self->store == NULL)
    {
      adw_status_page_set_title (self->no_selection_page, _ ("No Campaign Selected"));
      adw_status_page_set_description (self->no_selection_page,
                                       _ ("Select a campaign to see its figures."));
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }
  show_figures (self, item);
}

static void update_editable (RectifyCampaignsPage *self);

static void
on_selection_changed_cb (RectifyCampaignsPage *self)
{
  update_details (self);
  update_editable (self);
}

static guint
find_position (RectifyCampaignsPage *self, gint64 campaign_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RectifyCampaignItem) item
          = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);

      if (rectify_campaign_item_get_id (item) == campaign_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
rectify_campaigns_page_reload (RectifyCampaignsPage *self)
{
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GError) error = NULL;
  gint64 selected_id;
  guint position;

  g_return_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self));

  selected_id = rectify_campaigns_page_get_selected_id (self);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store != NULL)
    campaigns = rectify_store_list_campaigns (self->store, &error);
  if (campaigns != NULL)
    {
      names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < campaigns->len; i++)
        {
          RectifyCampaign *campaign = g_ptr_array_index (campaigns, i);
          char *head = NULL;

          if (campaign->head_id != 0)
            {
              head = g_hash_table_lookup (names, &campaign->head_id);
              if (head == NULL && (head = officer_name (self->store, campaign->head_id)) != NULL)
                {
                  gint64 *key = g_new (gint64, 1);

                  *key = campaign->head_id;
                  g_hash_table_insert (names, key, head);
                }
            }
          /* The item takes the record: steal it from the array. */
          g_ptr_array_index (campaigns, i) = NULL;
          g_ptr_array_add (items, rectify_campaign_item_new (campaign, head));
        }
    }
  else if (error != NULL)
    {
      g_debug ("Listing campaigns failed: %s", error->message);
    }

  g_signal_handlers_block_by_func (self->selection, on_selection_changed_cb, self);
  g_list_store_splice (self->campaigns, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)), items->pdata,
                       items->len);
  position = find_position (self, selected_id);
  if (position == GTK_INVALID_LIST_POSITION && items->len > 0)
    position = 0;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed_cb, self);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_details (self);
  update_editable (self);
}

static void
on_store_changed_cb (RectifyStore *store, const char *entity, RectifyCampaignsPage *self)
{
  rectify_campaigns_page_reload (self);
}

void
rectify_campaigns_page_select (RectifyCampaignsPage *self, gint64 campaign_id)
{
  guint position;

  g_return_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self));

  position = find_position (self, campaign_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

GListModel *
rectify_campaigns_page_get_model (RectifyCampaignsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self), NULL);
  return G_LIST_MODEL (self->campaigns);
}

gint64
rectify_campaigns_page_get_selected_id (RectifyCampaignsPage *self)
{
  RectifyCampaignItem *item;

  g_return_val_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self), 0);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? rectify_campaign_item_get_id (item) : 0;
}

RectifyStore *
rectify_campaigns_page_get_store (RectifyCampaignsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self), NULL);
  return self->store;
}

void
rectify_campaigns_page_set_store (RectifyCampaignsPage *self, RectifyStore *store)
{
  g_return_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (store == NULL || RECTIFY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    self->changed_id
        = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);

  rectify_campaigns_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
on_campaign_saved_cb (RectifyCampaignDialog *dialog, gint64 campaign_id, RectifyCampaignsPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  rectify_campaigns_page_select (self, campaign_id);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_ ("Campaign saved")));
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (widget);
  gint64 id = rectify_campaigns_page_get_selected_id (self);
  RectifyCampaignDialog *dialog;

  if (id == 0 || self->store == NULL || !self->can_edit)
    return;
  dialog = rectify_campaign_dialog_new_for_campaign (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                     self->store, id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_campaign_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void update_editable (RectifyCampaignsPage *self);

static void
on_archive_done (GObject *owner, const char *dir, const GError *error)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (owner);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;

  self->archiving = FALSE;
  update_editable (self);
  /* the archive was written through a connection of its own: every page
   * reads the campaign again, and stops offering changes to its records */
  if (error == NULL && self->store != NULL)
    g_signal_emit_by_name (self->store, "changed::campaign", "campaign");
  else
    rectify_campaigns_page_reload (self);
  if (error == NULL)
    /* Translators: %s is the archive folder */
    message = g_strdup_printf (_ ("Campaign archived into %s"), dir);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_ ("Archive cancelled; nothing was kept"));
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Not Archived"), error->message));
      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
}

static void
archive_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (widget);
  gint64 id = rectify_campaigns_page_get_selected_id (self);

  if (id == 0 || self->store == NULL || self->archiving)
    return;
  self->archiving = TRUE;
  update_editable (self);
  rectify_campaign_archive_start (widget, self->store, id, on_archive_done, G_OBJECT (self));
}

void
rectify_campaigns_page_archive_into (RectifyCampaignsPage *self, const char *dir)
{
  gint64 id;

  g_return_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (dir != NULL);

  id = rectify_campaigns_page_get_selected_id (self);
  if (id == 0 || self->store == NULL || self->archiving)
    return;
  self->archiving = TRUE;
  update_editable (self);
  rectify_campaign_archive_run (GTK_WIDGET (self), self->store, id, dir, on_archive_done,
                                G_OBJECT (self));
}

static void
update_editable (RectifyCampaignsPage *self)
{
  gboolean selected = rectify_campaigns_page_get_selected_id (self) != 0;

  RectifyCampaignItem *item = gtk_single_selection_get_selected_item (self->selection);
  /* an archived campaign is read-only: the core refuses, the button says so first */
  gboolean archived
      = item != NULL
        && rectify_campaign_item_get_campaign (item)->status == RECTIFY_CAMPAIGN_ARCHIVED;

  /* archivists archive too: not bound to can-edit */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.archive", selected && !self->archiving);

  gtk_widget_set_visible (self->edit_button, self->can_edit);
  rectify_dashboard_set_can_edit (self->dashboard, self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit",
                                 self->can_edit && selected && !archived);
}

gboolean
rectify_campaigns_page_get_can_edit (RectifyCampaignsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self), FALSE);
  return self->can_edit;
}

void
rectify_campaigns_page_set_can_edit (RectifyCampaignsPage *self, gboolean can_edit)
{
  g_return_if_fail (RECTIFY_IS_CAMPAIGNS_PAGE (self));

  can_edit = !!can_edit;
  if (self->can_edit == can_edit)
    return;
  self->can_edit = can_edit;
  update_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_EDIT]);
}

static void
rectify_campaigns_page_dispose (GObject *object)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_CAMPAIGNS_PAGE);

  G_OBJECT_CLASS (rectify_campaigns_page_parent_class)->dispose (object);
}

static void
rectify_campaigns_page_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (object);

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
rectify_campaigns_page_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  RectifyCampaignsPage *self = RECTIFY_CAMPAIGNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rectify_campaigns_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAN_EDIT:
      rectify_campaigns_page_set_can_edit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_campaigns_page_class_init (RectifyCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_campaigns_page_dispose;
  object_class->get_property = rectify_campaigns_page_get_property;
  object_class->set_property = rectify_campaigns_page_set_property;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_EDIT]
      = g_param_spec_boolean ("can-edit", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list item factories in the template name the item type. */
  g_type_ensure (RECTIFY_TYPE_CAMPAIGN_ITEM);
  g_type_ensure (RECTIFY_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-campaigns-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, campaigns);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, no_selection_page);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, dashboard);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, head_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, members_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, edit_button);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.archive", NULL, archive_action);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, industries_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, links_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignsPage, areas_row);
}

static void
rectify_campaigns_page_init (RectifyCampaignsPage *self)
{
  self->can_edit = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
