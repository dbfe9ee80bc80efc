/* rectify-cell-label.h: one line of text in a list cell, cheap to rebind
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list keeps ~200 row widgets bound (GTK 4.8) and rebinds them all on a
 * new search.  A GtkLabel given new text asks for a new layout of its row,
 * and every row is then measured again, shaping each text.  This cell has
 * the height of one line of its font whatever its text, so new text only
 * asks for a redraw; the text is shaped when a visible cell is drawn, and
 * ends in an ellipsis when it is too long. */
#define RECTIFY_TYPE_CELL_LABEL (rectify_cell_label_get_type ())
G_DECLARE_FINAL_TYPE (RectifyCellLabel, rectify_cell_label, RECTIFY, CELL_LABEL, GtkWidget)

GtkWidget *rectify_cell_label_new (void);
void rectify_cell_label_set_text (RectifyCellLabel *self, const char *text);
const char *rectify_cell_label_get_text (RectifyCellLabel *self);
/* Whether the last frame drew the text (the cell was in view). */
gboolean rectify_cell_label_get_drawn (RectifyCellLabel *self);

G_END_DECLS
