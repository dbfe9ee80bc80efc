/* rectify-campaign-item.c: one campaign as a list item of the campaigns view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-campaign-item.h"
#include "rectify-format.h"

struct _RectifyCampaignItem
{
  GObject parent_instance;
  RectifyCampaign *campaign;
  char *head_name;
  char *end_date;
  char *start_text; /* the dates as the reader writes them */
  char *end_text;
  char *days_text;
};

G_DEFINE_FINAL_TYPE (RectifyCampaignItem, rectify_campaign_item, G_TYPE_OBJECT)

/* The item is immutable: a changed campaign becomes a new item, so the
 * properties are read-only and never notified. */
enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_DAYS,
  PROP_DAYS_TEXT,
  PROP_STATUS_LABEL,
  PROP_HEAD_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rectify_campaign_item_finalize (GObject *object)
{
  RectifyCampaignItem *self = RECTIFY_CAMPAIGN_ITEM (object);

  g_clear_pointer (&self->campaign, rectify_campaign_free);
  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->start_text, g_free);
  g_clear_pointer (&self->end_text, g_free);
  g_clear_pointer (&self->days_text, g_free);

  G_OBJECT_CLASS (rectify_campaign_item_parent_class)->finalize (object);
}

static void
rectify_campaign_item_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  RectifyCampaignItem *self = RECTIFY_CAMPAIGN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->campaign->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->campaign->name);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_text);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_text);
      break;
    case PROP_DAYS:
      g_value_set_int (value, self->campaign->days);
      break;
    case PROP_DAYS_TEXT:
      g_value_set_string (value, self->days_text);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, rectify_campaign_status_to_label (self->campaign->status));
      break;
    case PROP_HEAD_NAME:
      g_value_set_string (value, self->head_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_campaign_item_class_init (RectifyCampaignItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rectify_campaign_item_finalize;
  object_class->get_property = rectify_campaign_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, flags);
  properties[PROP_DAYS] = g_param_spec_int ("days", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DAYS_TEXT] = g_param_spec_string ("days-text", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_HEAD_NAME] = g_param_spec_string ("head-name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_campaign_item_init (RectifyCampaignItem *self)
{
}

RectifyCampaignItem *
rectify_campaign_item_new (RectifyCampaign *campaign, const char *head_name)
{
  RectifyCampaignItem *self;

  g_return_val_if_fail (campaign != NULL, NULL);

  self = g_object_new (RECTIFY_TYPE_CAMPAIGN_ITEM, NULL);
  self->campaign = campaign;
  self->head_name = g_strdup (head_name ? head_name : "");
  self->end_date = campaign->start_date ? rectify_campaign_end_date (campaign) : NULL;
  if (self->end_date == NULL)
    self->end_date = g_strdup ("");
  self->start_text = rectify_format_date (campaign->start_date);
  self->end_text = rectify_format_date (self->end_date);
  self->days_text = g_strdup_printf ("%d", campaign->days);
  return self;
}

const RectifyCampaign *
rectify_campaign_item_get_campaign (RectifyCampaignItem *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_ITEM (self), NULL);
  return self->campaign;
}

gint64
rectify_campaign_item_get_id (RectifyCampaignItem *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_ITEM (self), 0);
  return self->campaign->id;
}

const char *
rectify_campaign_item_get_name (RectifyCampaignItem *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_ITEM (self), NULL);
  return self->campaign->name;
}

const char *
rectify_campaign_item_get_end_date (RectifyCampaignItem *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_ITEM (self), NULL);
  return self->end_date;
}

const char *
rectify_campaign_item_get_head_name (RectifyCampaignItem *self)
{
  g_return_val_if_fail (RECTIFY_IS_CAMPAIGN_ITEM (self), NULL);
  return self->head_name;
}
