/* rectify-campaign-dialog.h: the form of a new or an existing campaign
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rectify-store.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_CAMPAIGN_DIALOG (rectify_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    RectifyCampaignDialog, rectify_campaign_dialog, RECTIFY, CAMPAIGN_DIALOG, AdwWindow)

/* A modal dialog that saves the campaign with rectify_store_add_campaign()
 * when the user presses Create, emits ::created with the new id and closes;
 * the store's errors are shown at the field they name, and nothing is saved
 * until it accepts the campaign. */
RectifyCampaignDialog *rectify_campaign_dialog_new (GtkWindow *parent, RectifyStore *store);
/* The same form filled with an existing campaign: Save updates it with
 * rectify_store_update_campaign() and emits ::saved (not ::created). */
RectifyCampaignDialog *rectify_campaign_dialog_new_for_campaign (GtkWindow *parent,
                                                                 RectifyStore *store,
                                                                 gint64 campaign_id);
RectifyStore *rectify_campaign_dialog_get_store (RectifyCampaignDialog *self);

G_END_DECLS
