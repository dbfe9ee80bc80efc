/* rectify-campaign-dialog.c: the form of a new campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-campaign-dialog.h"
#include "rectify-validate.h"

/* A field of the form: the core names it at the start of its error
 * messages ("Start date: …"), and its error is shown in label. */
typedef struct {
  const char *name;   /* untranslated, as the core passes it to _() */
  GtkWidget  *widget;
  GtkLabel   *label;
} Field;

enum {
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
  AdwWindow     parent_instance;

  RectifyStore *store;
  GArray       *officer_ids;   /* gint64 per combo position; 0 = none */
  Field         fields[N_FIELDS];
  gboolean      setting_calendar;

  GtkLabel     *general_error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *start_row;
  GtkMenuButton *calendar_button;
  GtkPopover   *calendar_popover;
  GtkCalendar  *calendar;
  AdwActionRow *days_row;
  GtkSpinButton *days_spin;
  GtkLabel     *campaign_error_label;
  AdwComboRow  *head_row;
  AdwComboRow  *deputy_row;
  GtkLabel     *leading_error_label;
  GtkTextView  *work_plan_view;
  GtkLabel     *plan_error_label;
  AdwEntryRow  *industries_row;
  AdwEntryRow  *links_row;
  AdwEntryRow  *areas_row;
  GtkLabel     *focus_error_label;
};

G_DEFINE_FINAL_TYPE (RectifyCampaignDialog, rectify_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_field_invalid (GtkWidget *widget,
                   gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

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
      set_field_invalid (self->fields[i].widget, FALSE);
      hide_error_label (self->fields[i].label);
    }
  hide_error_label (self->general_error_label);
}

static void
clear_field_error (RectifyCampaignDialog *self,
                   guint                  field)
{
  Field *f = &self->fields[field];

  if (!gtk_widget_has_css_class (f->widget, "error"))
    return;
  set_field_invalid (f->widget, FALSE);
  hide_error_label (f->label);
}

/* Whether message starts with the field's name and a colon. */
static gboolean
message_names_field (const char *message,
                     const char *field)
{
  gsize len = strlen (field);

  if (g_ascii_strncasecmp (message, field, len) != 0)
    return FALSE;
  message += len;
  return g_str_has_prefix (message, ":") || g_str_has_prefix (message, "：");
}

static void
show_error (RectifyCampaignDialog *self,
            const GError          *error)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *f = &self->fields[i];

      if (message_names_field (error->message, g_dgettext (GETTEXT_PACKAGE, f->name)))
        {
          set_field_invalid (f->widget, TRUE);
          gtk_label_set_text (f->label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (f->label), TRUE);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                          GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, f->label,
                                          -1);
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
  g_auto(GStrv) items = g_regex_split_simple ("[,，、;；\\n]", text ? text : "", 0, 0);
  g_autoptr(GString) out = g_string_new (NULL);

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
selected_officer (RectifyCampaignDialog *self,
                  AdwComboRow           *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->officer_ids->len)
    return 0;
  return g_array_index (self->officer_ids, gint64, position);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (widget);
  g_autoptr(RectifyCampaign) campaign = rectify_campaign_new ();
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 id;

  gtk_spin_button_update (self->days_spin);
  buffer = gtk_text_view_get_buffer (self->work_plan_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  campaign->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  campaign->start_date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  campaign->days = gtk_spin_button_get_value_as_int (self->days_spin);
  campaign->head_id = selected_officer (self, self->head_row);
  campaign->deputy_id = selected_officer (self, self->deputy_row);
  campaign->work_plan = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  campaign->key_industries = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->industries_row)));
  campaign->key_links = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->links_row)));
  campaign->key_areas = normalize_list (gtk_editable_get_text (GTK_EDITABLE (self->areas_row)));
  campaign->status = RECTIFY_CAMPAIGN_ACTIVE;

  clear_errors (self);
  id = rectify_store_add_campaign (self->store, campaign, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, id);
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
      subtitle = g_strdup_printf (_("Ends on %s"), end);
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
    set_field_invalid (GTK_WIDGET (self->start_row), TRUE);
  update_end_date (self);
}

static void
on_days_spin_value_changed_cb (RectifyCampaignDialog *self)
{
  clear_field_error (self, FIELD_DAYS);
  update_end_date (self);
}

static void
on_field_changed_cb (GtkWidget             *widget,
                     RectifyCampaignDialog *self)
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

static void
on_calendar_popover_show_cb (RectifyCampaignDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  int y, m, d;

  if (rectify_validate_date ("", text, NULL) && sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      self->setting_calendar = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->setting_calendar = FALSE;
    }
}

static void
on_calendar_day_selected_cb (RectifyCampaignDialog *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->setting_calendar)
    return;
  date = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
load_officers (RectifyCampaignDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;

  g_array_set_size (self->officer_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->officer_ids, none);

  officers = rectify_store_list_officers (self->store, &error);
  if (officers == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      RectifyOfficer *officer = g_ptr_array_index (officers, i);

      if (!officer->active)
        continue;
      gtk_string_list_append (names, officer->name);
      g_array_append_val (self->officer_ids, officer->id);
    }

  adw_combo_row_set_model (self->head_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->deputy_row, G_LIST_MODEL (names));
}

static void
rectify_campaign_dialog_constructed (GObject *object)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);
  g_autofree char *today = rectify_today ();

  G_OBJECT_CLASS (rectify_campaign_dialog_parent_class)->constructed (object);

  g_assert (RECTIFY_IS_STORE (self->store));
  load_officers (self);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), today);
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

  G_OBJECT_CLASS (rectify_campaign_dialog_parent_class)->finalize (object);
}

static void
rectify_campaign_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

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
rectify_campaign_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RectifyCampaignDialog *self = RECTIFY_CAMPAIGN_DIALOG (object);

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
rectify_campaign_dialog_class_init (RectifyCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rectify_campaign_dialog_constructed;
  object_class->dispose = rectify_campaign_dialog_dispose;
  object_class->finalize = rectify_campaign_dialog_finalize;
  object_class->get_property = rectify_campaign_dialog_get_property;
  object_class->set_property = rectify_campaign_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RectifyCampaignDialog::created:
   * @id: the new campaign's id
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/rectify/Rectify/ui/rectify-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, campaign_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, leading_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, work_plan_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, plan_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, industries_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, links_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, areas_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyCampaignDialog, focus_error_label);

  gtk_widget_class_install_action (widget_class, "campaign.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_campaign_dialog_init (RectifyCampaignDialog *self)
{
  /* The names the core gives the fields in its messages. */
  const Field fields[N_FIELDS] = {
    [FIELD_NAME] = { N_("Name"), NULL, NULL },
    [FIELD_START] = { N_("Start date"), NULL, NULL },
    [FIELD_DAYS] = { N_("Length"), NULL, NULL },
    [FIELD_HEAD] = { N_("Head"), NULL, NULL },
    [FIELD_DEPUTY] = { N_("Deputy head"), NULL, NULL },
    [FIELD_MEMBERS] = { N_("Members"), NULL, NULL },
    [FIELD_WORK_PLAN] = { N_("Work plan"), NULL, NULL },
    [FIELD_INDUSTRIES] = { N_("Key industries"), NULL, NULL },
    [FIELD_LINKS] = { N_("Key links"), NULL, NULL },
    [FIELD_AREAS] = { N_("Key areas"), NULL, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  /* Members are not chosen here yet; their errors show at the head. */
  self->fields[FIELD_MEMBERS].widget = GTK_WIDGET (self->head_row);
  self->fields[FIELD_MEMBERS].label = self->leading_error_label;
  self->fields[FIELD_WORK_PLAN].widget = GTK_WIDGET (self->work_plan_view);
  self->fields[FIELD_WORK_PLAN].label = self->plan_error_label;
  self->fields[FIELD_INDUSTRIES].widget = GTK_WIDGET (self->industries_row);
  self->fields[FIELD_INDUSTRIES].label = self->focus_error_label;
  self->fields[FIELD_LINKS].widget = GTK_WIDGET (self->links_row);
  self->fields[FIELD_LINKS].label = self->focus_error_label;
  self->fields[FIELD_AREAS].widget = GTK_WIDGET (self->areas_row);
  self->fields[FIELD_AREAS].label = self->focus_error_label;

  g_signal_connect_swapped (self->start_row, "changed", G_CALLBACK (on_start_row_changed_cb), self);
  g_signal_connect_swapped (self->days_spin, "value-changed", G_CALLBACK (on_days_spin_value_changed_cb), self);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->industries_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->links_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->areas_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->head_row, "notify::selected", G_CALLBACK (clear_errors), self);
  g_signal_connect_swapped (self->deputy_row, "notify::selected", G_CALLBACK (clear_errors), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->work_plan_view), "changed",
                            G_CALLBACK (on_work_plan_changed_cb), self);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (on_calendar_popover_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self);
}

RectifyCampaignDialog *
rectify_campaign_dialog_new (GtkWindow    *parent,
                             RectifyStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_CAMPAIGN_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

RectifyStore *
rectify_campaign_dialog_get_store (RectifyCampaignDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_DIALOG (self), NULL);
  return self->store;
}
