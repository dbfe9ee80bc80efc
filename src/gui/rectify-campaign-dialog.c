/* rectify-campaign-dialog.c: the form of a new or an existing campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-campaign-dialog.h"
#include "rectify-date-row.h"
#include "rectify-form-field.h"
#include "rectify-validate.h"

/* A field of the form: the core names it at the start of its error
 * messages ("Start date: …"), and its error is shown in label. */
typedef struct
{
  const char *name; /* untranslated, as the core passes it to _() */
  GtkWidget *widget;
  GtkLabel *label;
} Field;

enum
{
  FIELD_NAME,
  FIELD_START,
  FIELD_DAYS,
  FIELD_HEAD,
  FIELD_DEPUTY,
  FIELD_MEMBERS,
  FIELD_WORK_PLAN,
  FIELD_INDUSTRIES,
  FIELD_LINKS,
  FIELD_AREAS,
  N_FIELDS
};

struct _RectifyCampaignDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 campaign_id;       /* 0 = a new campaign */
  GArray *officer_ids;      /* gint64 per combo position; 0 = none */
  GPtrArray *member_checks; /* GtkCheckButton, with "rectify-officer-id" */
  Field fields[N_FIELDS];

  GtkLabel *general_error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *start_row;
  AdwActionRow *days_row;
  GtkSpinButton *days_spin;
  GtkLabel *campaign_error_label;
  AdwComboRow *head_row;
  AdwComboRow *deputy_row;
  GtkLabel *leading_error_label;
  AdwPreferencesGroup *members_group;
  GtkLabel *members_error_label;
  GtkButton *create_button;
  GtkTextView *work_plan_view;
  GtkLabel *plan_error_label;
  AdwEntryRow *industries_row;
  AdwEntryRow *links_row;
  AdwEntryRow *areas_row;
  GtkLabel *focus_error_label;
};

G_DEFINE_FINAL_TYPE (RectifyCampaignDialog, rectify_campaign_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN_ID,
  N_PROPS
};

enum
{
  SIGNAL_CREATED,
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
hide_error_label (GtkLabel *label)
{
  gtk_label_set_text (label, "");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
}

static void
clear_errors (RectifyCampaignDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      rectify_form_set_invalid (self->fields[i].widget, FALSE);
      hide_error_label (self->fields[i].label);
    }
  hide_error_label (self->general_error_label);
}

static void
clear_field_error (RectifyCampaignDialog *self, guint field)
{
  Field *f = &self->fields[field];

  rectify_form_set_invalid (f->widget, FALSE);
  /* The label may be telling about another field of its group. */
  if (rectify_message_names_field (gtk_label_get_text (f->label),
                                   g_dgettext (GETTEXT_PACKAGE, f->name)))
    hide_error_label (f->label);
}

static void
show_error (RectifyCampaignDialog *self, const GError *error)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *f = &self->fields[i];

      if (rectify_message_names_field (error->message, g_dgettext (GETTEXT_PACKAGE, f->name)))
        {
          rectify_form_set_invalid (f->widget, TRUE);
          gtk_label_set_text (f->label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (f->label), TRUE);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                          GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, f->label, -1);
          gtk_widget_grab_focus (f->widget);
          return;
        }
    }
  gtk_label_set_text (self->general_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), TRUE);
}

/* "a, b，c、d" → "a\nb\nc\nd": the core keeps one item a line. */
static char *
normalize_list (const char *text)
{
  g_auto (GStrv) items = g_regex_split_simple ("[,，、;；\\n]", text ? text : "", 0, 0);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);

      if (*item == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, item);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
selected_officer (RectifyCampaignDialog *self, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->officer_ids->len)
    return 0;
  return g_array_index (self->officer_ids, gint64, position);
}

static gint64 *
check_officer_id (GtkWidget *check)
{
  return g_object_get_data (G_OBJECT (check), "rectify-officer-id");
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (widget);
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 id;

  /* Editing keeps what the form does not show (the status). */
  if (self->campaign_id != 0)
    campaign = rectify_store_get_campaign (self->store, self->campaign_id, &error);
  if (campaign == NULL && error != NULL)
    {
      show_error (self, error);
      return;
    }
  if (campaign == NULL)
    {
      campaign = rectify_campaign_new ();
      campaign->status = RECTIFY_CAMPAIGN_ACTIVE;
    }
  g_clear_pointer (&campaign->name, g_free);
  g_clear_pointer (&campaign->start_date, g_free);
  g_clear_pointer (&campaign->work_plan, g_free);
  g_clear_pointer (&campaign->key_industries, g_free);
  g_clear_pointer (&campaign->key_links, g_free);
  g_clear_pointer (&campaign->key_areas, g_free);
  if (campaign->member_ids == NULL)
    campaign->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_size (campaign->member_ids, 0);
  for (guint i = 0; i < self->member_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->member_checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (campaign->member_ids, *check_officer_id (check));
    }

  gtk_spin_button_update (self->days_spin);
  buffer = gtk_text_view_get_buffer (self->work_plan_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  campaign->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  campaign->start_date
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  campaign->days = gtk_spin_button_get_value_as_int (self->days_spin);
  campaign->head_id = selected_officer (self, self->head_row);
  campaign->deputy_id = selected_officer (self, self->deputy_row);
  campaign->work_plan = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  campaign->key_industries
      = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->industries_row)));
  campaign->key_links = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->links_row)));
  campaign->key_areas = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->areas_row)));

  clear_errors (self);
  if (self->campaign_id != 0)
    id = rectify_store_update_campaign (self->store, campaign, &error) ? campaign->id : 0;
  else
    id = rectify_store_add_campaign (self->store, campaign, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  if (self->campaign_id == 0)
    g_signal_emit (self, signals[SIGNAL_CREATED], 0, id);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
update_end_date (RectifyCampaignDialog *self)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  int days = gtk_spin_button_get_value_as_int (self->days_spin);
  g_autofree char *subtitle = NULL;

  if (rectify_validate_date ("", start, NULL))
    {
      g_autofree char *end = rectify_date_add_days (start, MAX (days, 1) - 1);

      /* Translators: %s is the campaign's last day */
      subtitle = g_strdup_printf (_ ("Ends on %s"), end);
    }
  adw_action_row_set_subtitle (self->days_row, subtitle ? subtitle : "");
}

static void
on_start_row_changed_cb (RectifyCampaignDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));

  clear_field_error (self, FIELD_START);
  /* Mark a wrong date while typing; the message comes on Create. */
  if (*text != '\0' && strlen (text) >= 10 && !rectify_validate_date ("", text, NULL))
    rectify_form_set_invalid (GTK_WIDGET (self->start_row), TRUE);
  update_end_date (self);
}

static void
on_days_spin_value_changed_cb (RectifyCampaignDialog *self)
{
  clear_field_error (self, FIELD_DAYS);
  update_end_date (self);
}

static void
on_field_changed_cb (GtkWidget *widget, RectifyCampaignDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].widget == widget)
      clear_field_error (self, i);
}

static void
on_work_plan_changed_cb (RectifyCampaignDialog *self)
{
  clear_field_error (self, FIELD_WORK_PLAN);
}

static gboolean
campaign_names (const RectifyCampaign *campaign, gint64 officer_id)
{
  if (campaign == NULL)
    return FALSE;
  if (campaign->head_id == officer_id || campaign->deputy_id == officer_id)
    return TRUE;
  for (guint i = 0; campaign->member_ids && i < campaign->member_ids->len; i++)
    if (g_array_index (campaign->member_ids, gint64, i) == officer_id)
      return TRUE;
  return FALSE;
}

static gboolean
is_member (const RectifyCampaign *campaign, gint64 officer_id)
{
  for (guint i = 0; campaign && campaign->member_ids && i < campaign->member_ids->len; i++)
    if (g_array_index (campaign->member_ids, gint64, i) == officer_id)
      return TRUE;
  return FALSE;
}

static void
on_member_toggled_cb (RectifyCampaignDialog *self)
{
  clear_field_error (self, FIELD_MEMBERS);
}

static void
add_member_row (RectifyCampaignDialog *self,
                const RectifyOfficer *officer,
                const char *name,
                gboolean active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 *id = g_new (gint64, 1);

  *id = officer->id;
  g_object_set_data_full (G_OBJECT (check), "rectify-officer-id", id, g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Named by the row it activates. */
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_member_toggled_cb), self);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), officer->badge);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->members_group, row);
  g_ptr_array_add (self->member_checks, check);
}

/* The combos and members offer the active officers, and, when editing,
 * the inactive ones the campaign already names. */
static void
load_officers (RectifyCampaignDialog *self, const RectifyCampaign *campaign)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GError) error = NULL;
  gint64 none = 0;

  g_array_set_size (self->officer_ids, 0);
  gtk_string_list_append (names, _ ("None"));
  g_array_append_val (self->officer_ids, none);

  officers = rectify_store_list_officers (self->store, &error);
  if (officers == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      RectifyOfficer *officer = g_ptr_array_index (officers, i);
      g_autofree char *name = NULL;

      if (!officer->active && !campaign_names (campaign, officer->id))
        continue;
      /* Translators: an officer who no longer works, in a list of officers */
      name = officer->active ? g_strdup (officer->name)
                             : g_strdup_printf (_ ("%s (inactive)"), officer->name);
      gtk_string_list_append (names, name);
      g_array_append_val (self->officer_ids, officer->id);
      add_member_row (self, officer, name, is_member (campaign, officer->id));
    }
  if (self->member_checks->len == 0)
    adw_preferences_group_set_description (
        self->members_group, _ ("No active officers yet: add them on the Officers page."));

  adw_combo_row_set_model (self->head_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->deputy_row, G_LIST_MODEL (names));
}

static guint
officer_position (RectifyCampaignDialog *self, gint64 officer_id)
{
  for (guint i = 0; i < self->officer_ids->len; i++)
    if (g_array_index (self->officer_ids, gint64, i) == officer_id)
      return i;
  return 0;
}

/* The core keeps one item a line; the form shows them with commas. */
static void
set_list_text (AdwEntryRow *row, const char *lines)
{
  g_auto (GStrv) items = g_strsplit (lines ? lines : "", "\n", -1);
  g_autofree char *text = g_strjoinv (_ (", "), items);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
rectify_campaign_dialog_constructed (GObject *object)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);
  g_autofree char *today = rectify_today ();
  g_autoptr (RectifyCampaign) campaign = NULL;

  G_OBJECT_CLASS (rectify_campaign_dialog_parent_class)->constructed (object);

  g_assert (RECTIFY_IS_STORE (self->store));
  if (self->campaign_id != 0)
    {
      g_autoptr (GError) error = NULL;

      campaign = rectify_store_get_campaign (self->store, self->campaign_id, &error);
      if (campaign == NULL)
        show_error (self, error);
    }
  load_officers (self, campaign);
  if (campaign != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Campaign"));
      gtk_button_set_label (self->create_button, _ ("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), campaign->name);
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), campaign->start_date);
      gtk_spin_button_set_value (self->days_spin, campaign->days);
      adw_combo_row_set_selected (self->head_row, officer_position (self, campaign->head_id));
      adw_combo_row_set_selected (self->deputy_row, officer_position (self, campaign->deputy_id));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->work_plan_view),
                                campaign->work_plan, -1);
      set_list_text (self->industries_row, campaign->key_industries);
      set_list_text (self->links_row, campaign->key_links);
      set_list_text (self->areas_row, campaign->key_areas);
      clear_errors (self);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), today);
    }
  update_end_date (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
rectify_campaign_dialog_dispose (GObject *object)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_campaign_dialog_parent_class)->dispose (object);
}

static void
rectify_campaign_dialog_finalize (GObject *object)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

  g_clear_pointer (&self->officer_ids, g_array_unref);
  g_clear_pointer (&self->member_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_campaign_dialog_parent_class)->finalize (object);
}

static void
rectify_campaign_dialog_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_campaign_dialog_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN_ID:
      self->campaign_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_campaign_dialog_class_init (RectifyCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rectify_campaign_dialog_constructed;
  object_class->dispose = rectify_campaign_dialog_dispose;
  object_class->finalize = rectify_campaign_dialog_finalize;
  object_class->get_property = rectify_campaign_dialog_get_property;
  object_class->set_property = rectify_campaign_dialog_set_property;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID]
      = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RectifyCampaignDialog::created:
   * @id: the new campaign's id
   */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * RectifyCampaignDialog::saved:
   * @id: the campaign's id, new or edited
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, campaign_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, leading_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, members_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, work_plan_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, plan_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, industries_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, links_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, areas_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, focus_error_label);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_campaign_dialog_init (RectifyCampaignDialog *self)
{
  /* The names the core gives the fields in its messages. */
  const Field fields[N_FIELDS] = {
    [FIELD_NAME] = { N_ ("Name"), NULL, NULL },
    [FIELD_START] = { N_ ("Start date"), NULL, NULL },
    [FIELD_DAYS] = { N_ ("Length"), NULL, NULL },
    [FIELD_HEAD] = { N_ ("Head"), NULL, NULL },
    [FIELD_DEPUTY] = { N_ ("Deputy head"), NULL, NULL },
    [FIELD_MEMBERS] = { N_ ("Members"), NULL, NULL },
    [FIELD_WORK_PLAN] = { N_ ("Work plan"), NULL, NULL },
    [FIELD_INDUSTRIES] = { N_ ("Key industries"), NULL, NULL },
    [FIELD_LINKS] = { N_ ("Key links"), NULL, NULL },
    [FIELD_AREAS] = { N_ ("Key areas"), NULL, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_checks = g_ptr_array_new ();
  memcpy (self->fields, fields, sizeof fields);
  self->fields[FIELD_NAME].widget = GTK_WIDGET (self->name_row);
  self->fields[FIELD_NAME].label = self->campaign_error_label;
  self->fields[FIELD_START].widget = GTK_WIDGET (self->start_row);
  self->fields[FIELD_START].label = self->campaign_error_label;
  self->fields[FIELD_DAYS].widget = GTK_WIDGET (self->days_row);
  self->fields[FIELD_DAYS].label = self->campaign_error_label;
  self->fields[FIELD_HEAD].widget = GTK_WIDGET (self->head_row);
  self->fields[FIELD_HEAD].label = self->leading_error_label;
  self->fields[FIELD_DEPUTY].widget = GTK_WIDGET (self->deputy_row);
  self->fields[FIELD_DEPUTY].label = self->leading_error_label;
  self->fields[FIELD_MEMBERS].widget = GTK_WIDGET (self->members_group);
  self->fields[FIELD_MEMBERS].label = self->members_error_label;
  self->fields[FIELD_WORK_PLAN].widget = GTK_WIDGET (self->work_plan_view);
  self->fields[FIELD_WORK_PLAN].label = self->plan_error_label;
  self->fields[FIELD_INDUSTRIES].widget = GTK_WIDGET (self->industries_row);
  self->fields[FIELD_INDUSTRIES].label = self->focus_error_label;
  self->fields[FIELD_LINKS].widget = GTK_WIDGET (self->links_row);
  self->fields[FIELD_LINKS].label = self->focus_error_label;
  self->fields[FIELD_AREAS].widget = GTK_WIDGET (self->areas_row);
  self->fields[FIELD_AREAS].label = self->focus_error_label;

  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (on_start_row_changed_cb), self);
  g_signal_connect_swapped (self->days_spin, "value-changed",
                            G_CALLBACK (on_days_spin_value_changed_cb), self);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->industries_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->links_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->areas_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->head_row, "notify::selected", G_CALLBACK (clear_errors), self);
  g_signal_connect_swapped (self->deputy_row, "notify::selected", G_CALLBACK (clear_errors), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->work_plan_view), "changed",
                            G_CALLBACK (on_work_plan_changed_cb), self);
}

RectifyCampaignDialog *
rectify_campaign_dialog_new (GtkWindow *parent, RectifyStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, "store", store, NULL);
}

RectifyCampaignDialog *
rectify_campaign_dialog_new_for_campaign (GtkWindow *parent,
                                          RectifyStore *store,
                                          gint64 campaign_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_id > 0, NULL);

  return g_object_new (RECTIFY_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, "store", store,
                       "campaign-id", campaign_id, NULL);
}

RectifyStore *
rectify_campaign_dialog_get_store (RectifyCampaignDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_DIALOG (self), NULL);
  return self->store;
}
