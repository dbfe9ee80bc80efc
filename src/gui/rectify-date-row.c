/* rectify-date-row.c: an entry row for a YYYY-MM-DD date with a calendar
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-date-row.h"
#include "rectify-validate.h"

struct _RectifyDateRow
{
  AdwEntryRow parent_instance;

  GtkMenuButton *button;
  GtkCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (RectifyDateRow, rectify_date_row, ADW_TYPE_ENTRY_ROW)

static void
on_calendar_day_selected_cb (RectifyDateRow *self)
{
  g_autoptr (GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_menu_button_popdown (self->button);
}

static void
on_popover_show_cb (RectifyDateRow *self)
{
  g_autofree char *date = rectify_date_row_get_date (self);
  g_autoptr (GDateTime) when = NULL;

  if (date != NULL && rectify_validate_date ("date", date, NULL))
    {
      g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);

      when = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (when == NULL)
    {
      g_autofree char *today = rectify_today ();
      g_autofree char *iso = g_strconcat (today, "T00:00:00Z", NULL);

      when = g_date_time_new_from_iso8601 (iso, NULL);
    }
  /* selecting a day emits day-selected, which would close the popover */
  g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected_cb, self);
  if (when != NULL)
    gtk_calendar_select_day (self->calendar, when);
  g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected_cb, self);
}

/* A date typed in full that does not exist is marked at once. */
static void
on_changed_cb (RectifyDateRow *self)
{
  g_autofree char *date = rectify_date_row_get_date (self);

  if (date != NULL && strlen (date) >= 10 && !rectify_validate_date ("date", date, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
rectify_date_row_class_init (RectifyDateRowClass *klass)
{
}

static void
rectify_date_row_init (RectifyDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Calendar"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _ ("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Choose a Date"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected",
                            G_CALLBACK (on_calendar_day_selected_cb), self);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
}

GtkWidget *
rectify_date_row_new (void)
{
  return g_object_new (RECTIFY_TYPE_DATE_ROW, NULL);
}

char *
rectify_date_row_get_date (RectifyDateRow *self)
{
  char *text;

  g_return_val_if_fail (RECTIFY_IS_DATE_ROW (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
rectify_date_row_set_date (RectifyDateRow *self, const char *date)
{
  g_return_if_fail (RECTIFY_IS_DATE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self), date ? date : "");
}

gboolean
rectify_date_row_validate (RectifyDateRow *self, const char *field, GError **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RECTIFY_IS_DATE_ROW (self), FALSE);

  date = rectify_date_row_get_date (self);
  return date == NULL || rectify_validate_date (field, date, error);
}
