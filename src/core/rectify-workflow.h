/* rectify-workflow.h: the hazard life cycle, the one place its rules live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rectify-store.h"

G_BEGIN_DECLS

/* open ─(five implementations complete)→ rectifying ─(unit reports done)→
 * rectified ─(officer confirms: cancellation)→ closed; rectified ─(rejected)→
 * rectifying; open/rectifying ─(immediate rectification on site)→ closed (not
 * once the unit reported it rectified: that waits for confirmation).  Nothing is dated
 * after today; a confirmation or rejection not before the rectification it
 * judges.
 * Escalations and tracking are events that do not change the state, except
 * that a stop-use order stops the equipment.  A major hazard cannot be
 * closed before it has been registered and reported (major-report event). */

typedef enum
{
  RECTIFY_ACTION_IMPLEMENT,
  RECTIFY_ACTION_TRACK,
  RECTIFY_ACTION_IMMEDIATE,
  RECTIFY_ACTION_RECTIFY,
  RECTIFY_ACTION_CONFIRM,
  RECTIFY_ACTION_REJECT,
  RECTIFY_ACTION_PENALTY,
  RECTIFY_ACTION_STOP_USE,
  RECTIFY_ACTION_MAJOR_REPORT,
  RECTIFY_N_ACTIONS
} RectifyHazardAction;

/* An attachment to add with an event. */
typedef struct
{
  const char *filename;
  const char *mime; /* image/png, image/jpeg, application/pdf */
  GBytes *data;
} RectifyNewAttachment;

/* Whether the action is allowed on the hazard in its current state (and for
 * the acting officer); if not, why in error. The UI offers exactly these. */
gboolean rectify_workflow_can (RectifyStore *store,
                               const RectifyHazard *hazard,
                               RectifyHazardAction action,
                               GError **error);

/* Registers a hazard (status open, or rectifying when all five are set).
 * Validates: unit exists, equipment belongs to it, category known, dates,
 * deadline not before the finding date. */
gint64 rectify_workflow_register (RectifyStore *store,
                                  const RectifyHazard *hazard,
                                  const char *note,
                                  GError **error);

/* Sets the five implementations (NULL or 0 = keep) and moves open ->
 * rectifying once all are set. */
gboolean rectify_workflow_implement (RectifyStore *store,
                                     gint64 hazard_id,
                                     const char *content,
                                     const char *standard,
                                     const char *measures,
                                     const char *deadline,
                                     const char *responsible,
                                     gint64 supervisor_id,
                                     const char *note,
                                     GError **error);

/* Every other action: date is the day it happened (NULL = today); note is
 * required for reject, penalty, stop-use and major-report; kind for track is
 * one of the three tracking event kinds. */
gboolean rectify_workflow_act (RectifyStore *store,
                               gint64 hazard_id,
                               RectifyHazardAction action,
                               RectifyEventKind track_kind,
                               const char *date,
                               const char *note,
                               const RectifyNewAttachment *attachments,
                               guint n_attachments,
                               GError **error);

/* Whether the order to stop use of the hazard's equipment can be lifted:
 * the hazard is closed, it ordered the stop (a stop-use event), the
 * equipment is still stopped and no other hazard not yet closed ordered it
 * too; if not, why in error. */
gboolean rectify_workflow_can_lift_stop_use (RectifyStore *store,
                                             const RectifyHazard *hazard,
                                             GError **error);
/* Lifts it: the equipment is back in use, in one transaction, audited as
 * "lift-stop-use" of the equipment and of the hazard.  No hazard event is
 * added: the hazard is closed and its log ends with its cancellation. */
gboolean rectify_workflow_lift_stop_use (RectifyStore *store, gint64 hazard_id, GError **error);

const char *rectify_action_to_code (RectifyHazardAction action);

G_END_DECLS
