/* rectify-hazards-page.c: the hazard list, one hazard's five implementations, actions and timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-as-of-button.h"
#include "rectify-archived.h"
#include "rectify-column-sorter.h"
#include "rectify-date-row.h"
#include "rectify-document-draft-dialog.h"
#include "rectify-hazard-action-dialog.h"
#include "rectify-hazard-detail.h"
#include "rectify-hazard-dialog.h"
#include "rectify-inspection-dialog.h"
#include "rectify-format.h"
#include "rectify-hazards-page.h"
#include "rectify-list-page.h"
#include "rectify-record-list.h"
#include "rectify-validate.h"

/* A field of the five implementations: the core names it at the start of
 * its messages ("Deadline: …"). */
typedef struct
{
  const char *name; /* untranslated, as the core passes it to _() */
  GtkWidget *widget;
} Field;

enum
{
  FIELD_CONTENT,
  FIELD_STANDARD,
  FIELD_MEASURES,
  FIELD_DEADLINE,
  FIELD_RESPONSIBLE,
  FIELD_SUPERVISOR,
  N_FIELDS
};

static const char *const field_names[N_FIELDS] = {
  N_ ("Content"),  N_ ("Standard"),           N_ ("Measures"),
  N_ ("Deadline"), N_ ("Responsible person"), N_ ("Supervising officer"),
};

struct _RectifyHazardsPage
{
  RectifyListPage parent_instance;

  RectifyStore *store; /* the page's, borrowed */
  char *today;
  gint64 shown_id; /* the page's selected id */
  gboolean updating_filters;
  RectifyAsOfLimit limit; /* a dashboard tile's day */
  gboolean filling;
  RectifyHazardDetail *detail;
  Field fields[N_FIELDS];
  GArray *officer_ids;         /* gint64 per supervisor position; 0 = none */
  GHashTable *officer_names;   /* gint64 * -> name */
  GPtrArray *category_codes;   /* per category filter position; NULL = all */
  GHashTable *category_labels; /* code -> label in the user's language */
  GArray *campaign_ids;        /* gint64 per campaign filter position; 0 = all */
  GtkWidget *action_buttons[RECTIFY_N_ACTIONS];
  GtkWidget *lift_button; /* in the timeline row of the order to stop use, or NULL */
  char *open_dir;         /* where opened attachments are written */

  GtkSearchEntry *search_entry; /* the page's */
  GtkDropDown *status_dropdown;
  GtkStringList *statuses;
  GtkDropDown *grade_dropdown;
  GtkStringList *grades;
  GtkDropDown *category_dropdown;
  GtkStringList *categories;
  GtkDropDown *campaign_dropdown;
  GtkStringList *campaigns;
  GtkToggleButton *overdue_toggle;
  GtkToggleButton *due_toggle;
  GtkMenuButton *filters_button;
  GtkWidget *new_button;
  GtkColumnView *column_view; /* the page's */
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  AdwPreferencesGroup *five_group;
  AdwEntryRow *content_row;
  AdwEntryRow *standard_row;
  AdwEntryRow *measures_row;
  RectifyDateRow *deadline_row;
  AdwEntryRow *responsible_row;
  AdwComboRow *supervisor_row;
  GtkStringList *officers;
  GtkLabel *five_error_label;
  GtkWidget *implement_button;
  GtkFlowBox *actions_box;
  GtkLabel *no_actions_label;
  GtkListBox *timeline_list;
};

G_DEFINE_FINAL_TYPE (RectifyHazardsPage, rectify_hazards_page, RECTIFY_TYPE_LIST_PAGE)

#define CAN_EDIT(self) rectify_list_page_get_can_edit (RECTIFY_LIST_PAGE (self))

#define DUE_SOON_DAYS 7

static void show_hazard (RectifyHazardsPage *self, gint64 id);
static void update_lift_button (RectifyHazardsPage *self);

/* Unit names are listed. */
static const char *const listed_entities[] = { "hazard", "unit", NULL };

/* ---- names ----------------------------------------------------------------- */

static const char *
category_label (RectifyHazardsPage *self, const char *code)
{
  const char *label = code ? g_hash_table_lookup (self->category_labels, code) : NULL;

  return label ? label : (code ? code : "");
}

static const char *
officer_name (RectifyHazardsPage *self, gint64 id)
{
  const char *name = id ? g_hash_table_lookup (self->officer_names, &id) : NULL;

  return name ? name : "";
}

/* "5 days left", "Due today", "3 days overdue"; nothing once closed. */
static char *
days_left_text (const RectifyHazard *h, const char *today, gboolean *overdue)
{
  *overdue = FALSE;
  if (h->status == RECTIFY_HAZARD_CLOSED)
    return g_strdup ("");
  return rectify_days_left_text (today, h->deadline, overdue);
}

/* ---- the list ------------------------------------------------------------ */

/* Cells in red ("error"): a major hazard's grade, the days of an overdue one. */

static char *
text_unit (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyHazard *h = record;

  return g_strdup (h->unit_name);
}

static char *
text_category (gpointer owner, gconstpointer record, const char **style)
{
  RectifyHazardsPage *self = owner;
  const RectifyHazard *h = record;

  return g_strdup (category_label (self, h->category));
}

static char *
text_grade (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyHazard *h = record;

  if (h->grade == RECTIFY_GRADE_MAJOR)
    *style = "error";
  return g_strdup (rectify_grade_to_label (h->grade));
}

static char *
text_description (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyHazard *h = record;

  return g_strdup (h->content);
}

static char *
text_deadline (gpointer owner, gconstpointer record, const char **style)
{
  RectifyHazardsPage *self = owner;
  const RectifyHazard *h = record;

  if (rectify_hazard_is_overdue (h, self->today))
    *style = "error";
  return rectify_format_date (h->deadline);
}

static char *
text_days_left (gpointer owner, gconstpointer record, const char **style)
{
  RectifyHazardsPage *self = owner;
  const RectifyHazard *h = record;

  gboolean overdue;
  char *text = days_left_text (h, self->today, &overdue);

  if (overdue)
    *style = "error";
  return text;
}

static char *
text_status (gpointer owner, gconstpointer record, const char **style)
{
  const RectifyHazard *h = record;

  return g_strdup (rectify_hazard_status_to_label (h->status));
}

static char *
text_supervisor (gpointer owner, gconstpointer record, const char **style)
{
  RectifyHazardsPage *self = owner;
  const RectifyHazard *h = record;

  return g_strdup (officer_name (self, h->supervisor_id));
}

static char *
count_text (RectifyListPage *page, guint n, const char *number)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hazard", "%s hazards", n), number);
}

/* The filter choices a dashboard's limit was set with. */
static char *
filter_choices (RectifyHazardsPage *self)
{
  return g_strdup_printf ("%u/%u/%u/%u/%d/%d", gtk_drop_down_get_selected (self->status_dropdown),
                          gtk_drop_down_get_selected (self->grade_dropdown),
                          gtk_drop_down_get_selected (self->category_dropdown),
                          gtk_drop_down_get_selected (self->campaign_dropdown),
                          gtk_toggle_button_get_active (self->overdue_toggle),
                          gtk_toggle_button_get_active (self->due_toggle));
}

/* The window builds every page at start; a city's 300 000 hazards are
 * read when the page is first shown, not before (query_when_mapped). */
static void
build_query (RectifyListPage *page, RectifyQuery *q)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (page);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint grade = gtk_drop_down_get_selected (self->grade_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  g_autofree char *choices = filter_choices (self);
  /* another filter is a list of today's records */
  const char *limit = rectify_as_of_limit_check (&self->limit, choices);

  g_free (self->today);
  self->today = rectify_today ();
  /* The first choice of each filter is "All …". */
  q->status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int)status - 1 : -1;
  q->grade = grade > 0 && grade != GTK_INVALID_LIST_POSITION ? (int)grade - 1 : -1;
  q->hazard_category = category < self->category_codes->len
                           ? g_ptr_array_index (self->category_codes, category)
                           : NULL;
  q->campaign_id = campaign < self->campaign_ids->len
                       ? g_array_index (self->campaign_ids, gint64, campaign)
                       : 0;
  q->overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  q->due_within_days = gtk_toggle_button_get_active (self->due_toggle) ? DUE_SOON_DAYS : 0;
  /* the figures of that day: found by then, closed or overdue then */
  q->as_of = limit ? limit : self->today;
  q->as_of_limits = limit != NULL;
}

static void
apply_query (RectifyHazardsPage *self)
{
  if (!self->updating_filters)
    rectify_list_page_apply_query (RECTIFY_LIST_PAGE (self));
}

static void
update_filters_button (RectifyHazardsPage *self)
{
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint campaign = gtk_drop_down_get_selected (self->campaign_dropdown);
  guint n = (guint)(category > 0 && category != GTK_INVALID_LIST_POSITION)
            + (guint)(campaign > 0 && campaign != GTK_INVALID_LIST_POSITION)
            + (guint)gtk_toggle_button_get_active (self->overdue_toggle)
            + (guint)gtk_toggle_button_get_active (self->due_toggle);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_ ("Filters"));
  else
    /* Translators: the button of the yes/no filters when n of them are on */
    label = g_strdup_printf (_ ("Filters (%u)"), n);
  gtk_menu_button_set_label (self->filters_button, label);
  /* GTK 4.8 names only the button inside after the label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filters_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_filter_changed_cb (RectifyHazardsPage *self)
{
  update_filters_button (self);
  apply_query (self);
}

static void
on_as_of_clear_cb (RectifyHazardsPage *self)
{
  rectify_as_of_limit_clear (&self->limit);
  apply_query (self);
}

/* Overdue and due soon exclude each other: one, the other or neither. */
static void
on_overdue_toggled_cb (RectifyHazardsPage *self)
{
  if (gtk_toggle_button_get_active (self->overdue_toggle)
      && gtk_toggle_button_get_active (self->due_toggle))
    {
      self->updating_filters = TRUE;
      gtk_toggle_button_set_active (self->due_toggle, FALSE);
      self->updating_filters = FALSE;
    }
  update_filters_button (self);
  apply_query (self);
}

static void
on_due_toggled_cb (RectifyHazardsPage *self)
{
  if (gtk_toggle_button_get_active (self->overdue_toggle)
      && gtk_toggle_button_get_active (self->due_toggle))
    {
      self->updating_filters = TRUE;
      gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
      self->updating_filters = FALSE;
    }
  update_filters_button (self);
  apply_query (self);
}

static void
set_choices (RectifyHazardsPage *self,
             GtkDropDown *dropdown,
             GtkStringList *list,
             GPtrArray *labels,
             guint selected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (labels, NULL);
  self->updating_filters = TRUE;
  gtk_string_list_splice (list, 0, n, (const char *const *)labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
}

static void
fill_categories (RectifyHazardsPage *self)
{
  guint old = gtk_drop_down_get_selected (self->category_dropdown);
  g_autofree char *chosen = old < self->category_codes->len
                                ? g_strdup (g_ptr_array_index (self->category_codes, old))
                                : NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gboolean chinese = rectify_language_is_chinese ();
  guint selected = 0;

  g_ptr_array_set_size (self->category_codes, 0);
  g_hash_table_remove_all (self->category_labels);
  g_ptr_array_add (self->category_codes, NULL);
  g_ptr_array_add (labels, (gpointer)_ ("All categories"));
  rows = rectify_store_list_hazard_categories (self->store, &error);
  if (rows == NULL)
    g_debug ("Listing hazard categories failed: %s", error->message);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      RectifyHazardCategory *c = g_ptr_array_index (rows, i);
      const char *label = chinese && *c->name_zh ? c->name_zh : c->name_en;

      g_hash_table_insert (self->category_labels, g_strdup (c->code), g_strdup (label));
      if (g_strcmp0 (c->code, chosen) == 0)
        selected = self->category_codes->len;
      g_ptr_array_add (self->category_codes, g_strdup (c->code));
      g_ptr_array_add (labels, g_hash_table_lookup (self->category_labels, c->code));
    }
  set_choices (self, self->category_dropdown, self->categories, labels, selected);
}

static void
fill_campaigns (RectifyHazardsPage *self)
{
  guint old = gtk_drop_down_get_selected (self->campaign_dropdown);
  gint64 chosen
      = old < self->campaign_ids->len ? g_array_index (self->campaign_ids, gint64, old) : 0;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->campaign_ids, 0);
  g_array_append_val (self->campaign_ids, none);
  g_ptr_array_add (labels, (gpointer)_ ("All campaigns"));
  rows = rectify_store_list_campaigns (self->store, &error);
  if (rows == NULL)
    g_debug ("Listing campaigns failed: %s", error->message);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      RectifyCampaign *c = g_ptr_array_index (rows, i);

      if (c->id == chosen)
        selected = self->campaign_ids->len;
      g_array_append_val (self->campaign_ids, c->id);
      g_ptr_array_add (labels, c->name);
    }
  set_choices (self, self->campaign_dropdown, self->campaigns, labels, selected);
}

static void
fill_officers (RectifyHazardsPage *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->officers));
  gint64 none = 0;

  g_array_set_size (self->officer_ids, 0);
  g_hash_table_remove_all (self->officer_names);
  g_array_append_val (self->officer_ids, none);
  g_ptr_array_add (labels, (gpointer)_ ("None"));
  rows = rectify_store_list_officers (self->store, &error);
  if (rows == NULL)
    g_debug ("Listing officers failed: %s", error->message);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (rows, i);

      g_hash_table_insert (self->officer_names, g_memdup2 (&o->id, sizeof o->id),
                           g_strdup (o->name));
      /* Only officers in service take on new hazards. */
      if (o->active && o->role != RECTIFY_ROLE_ARCHIVIST)
        {
          g_array_append_val (self->officer_ids, o->id);
          g_ptr_array_add (labels, o->name);
        }
    }
  g_ptr_array_add (labels, NULL);
  self->filling = TRUE;
  gtk_string_list_splice (self->officers, 0, n, (const char *const *)labels->pdata);
  self->filling = FALSE;
}

static void
fill_filters (RectifyHazardsPage *self)
{
  g_autoptr (GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr (GPtrArray) grades = g_ptr_array_new ();

  g_ptr_array_add (statuses, (gpointer)_ ("All statuses"));
  for (int i = 0; i < RECTIFY_N_HAZARD_STATUSES; i++)
    g_ptr_array_add (statuses, (gpointer)rectify_hazard_status_to_label (i));
  set_choices (self, self->status_dropdown, self->statuses, statuses,
               gtk_drop_down_get_selected (self->status_dropdown) == GTK_INVALID_LIST_POSITION
                   ? 0
                   : gtk_drop_down_get_selected (self->status_dropdown));
  g_ptr_array_add (grades, (gpointer)_ ("All grades"));
  for (int i = 0; i < RECTIFY_N_GRADES; i++)
    g_ptr_array_add (grades, (gpointer)rectify_grade_to_label (i));
  set_choices (self, self->grade_dropdown, self->grades, grades,
               gtk_drop_down_get_selected (self->grade_dropdown) == GTK_INVALID_LIST_POSITION
                   ? 0
                   : gtk_drop_down_get_selected (self->grade_dropdown));
  if (self->store != NULL)
    {
      fill_categories (self);
      fill_campaigns (self);
      fill_officers (self);
    }
}

void
rectify_hazards_page_show_campaign (
    RectifyHazardsPage *self, gint64 campaign_id, int status, gboolean overdue, const char *as_of)
{
  guint position = 0;
  g_autofree char *choices = NULL;

  g_return_if_fail (RECTIFY_IS_HAZARDS_PAGE (self));
  g_return_if_fail (status >= -1 && status < RECTIFY_N_HAZARD_STATUSES);

  if (self->store != NULL)
    fill_campaigns (self);
  for (guint i = 0; i < self->campaign_ids->len; i++)
    if (g_array_index (self->campaign_ids, gint64, i) == campaign_id)
      position = i;
  /* one query for all the filters, not one per filter changed */
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, (guint)(status + 1));
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->campaign_dropdown, position);
  gtk_toggle_button_set_active (self->due_toggle, FALSE);
  gtk_toggle_button_set_active (self->overdue_toggle, overdue);
  self->updating_filters = FALSE;
  choices = filter_choices (self);
  rectify_as_of_limit_set (&self->limit, as_of, choices);
  update_filters_button (self);
  apply_query (self);
}

const char *
rectify_hazards_page_get_as_of_limit (RectifyHazardsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);
  return self->limit.as_of;
}

GtkWidget *
rectify_hazards_page_get_as_of_button (RectifyHazardsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);
  return self->limit.button;
}

/* ---- messages -------------------------------------------------------------- */

/* A toast in the shell's overlay, or the page's own banner without one. */
static void
show_message (RectifyHazardsPage *self, const char *message)
{
  rectify_list_page_show_message (RECTIFY_LIST_PAGE (self), message, NULL);
}

/* ---- the five implementations --------------------------------------------- */

static void
set_invalid (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
clear_five_errors (RectifyHazardsPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    set_invalid (self->fields[i].widget, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->five_error_label), FALSE);
}

static void
show_five_error (RectifyHazardsPage *self, const GError *error)
{
  clear_five_errors (self);
  for (guint i = 0; i < N_FIELDS; i++)
    if (rectify_message_names_field (error->message,
                                     g_dgettext (GETTEXT_PACKAGE, self->fields[i].name)))
      {
        set_invalid (self->fields[i].widget, TRUE);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (self->fields[i].widget),
                                        GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE,
                                        self->five_error_label, -1);
        gtk_widget_grab_focus (self->fields[i].widget);
        break;
      }
  gtk_label_set_text (self->five_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->five_error_label), TRUE);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gint64
chosen_supervisor (RectifyHazardsPage *self)
{
  guint position = adw_combo_row_get_selected (self->supervisor_row);

  return position < self->officer_ids->len ? g_array_index (self->officer_ids, gint64, position)
                                           : 0;
}

/* Whether the form differs from the stored hazard. */
static gboolean
five_changed (RectifyHazardsPage *self)
{
  const RectifyHazard *h = self->detail ? self->detail->hazard : NULL;
  g_autofree char *content = row_text (self->content_row);
  g_autofree char *standard = row_text (self->standard_row);
  g_autofree char *measures = row_text (self->measures_row);
  g_autofree char *deadline = rectify_date_row_get_date (self->deadline_row);
  g_autofree char *responsible = row_text (self->responsible_row);
  gint64 supervisor = chosen_supervisor (self);

  if (h == NULL)
    return FALSE;
  return g_strcmp0 (content, h->content) != 0 || g_strcmp0 (standard, h->standard) != 0
         || g_strcmp0 (measures, h->measures) != 0
         || g_strcmp0 (deadline ? deadline : "", h->deadline ? h->deadline : "") != 0
         || g_strcmp0 (responsible, h->responsible) != 0
         || (supervisor != 0 && supervisor != h->supervisor_id);
}

static void
update_implement_button (RectifyHazardsPage *self)
{
  gtk_widget_set_sensitive (self->implement_button, five_changed (self));
}

static void
on_five_changed_cb (RectifyHazardsPage *self)
{
  if (self->filling)
    return;
  update_implement_button (self);
}

static void
fill_five (RectifyHazardsPage *self, gboolean editable)
{
  const RectifyHazard *h = self->detail->hazard;
  g_autoptr (GPtrArray) missing = rectify_hazard_missing_five (h);
  g_autofree char *description = NULL;
  guint supervisor = 0;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->content_row), h->content);
  gtk_editable_set_text (GTK_EDITABLE (self->standard_row), h->standard);
  gtk_editable_set_text (GTK_EDITABLE (self->measures_row), h->measures);
  rectify_date_row_set_date (self->deadline_row, h->deadline);
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row), h->responsible);
  for (guint i = 0; i < self->officer_ids->len; i++)
    if (g_array_index (self->officer_ids, gint64, i) == h->supervisor_id)
      supervisor = i;
  adw_combo_row_set_selected (self->supervisor_row, supervisor);
  self->filling = FALSE;

  if (missing->len == 0)
    description = g_strdup (_ ("All five are set."));
  else
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (list, "%s%s", i ? C_ ("list separator", ", ") : "",
                                (const char *)g_ptr_array_index (missing, i));
      /* Translators: %s lists the missing implementations, e.g. "Standard, Deadline" */
      description = g_strdup_printf (_ ("Missing: %s"), list->str);
    }
  adw_preferences_group_set_description (self->five_group, description);

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_set_sensitive (self->fields[i].widget, editable);
  gtk_widget_set_visible (self->implement_button, editable);
  clear_five_errors (self);
  update_implement_button (self);
}

static void
implement_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (widget);
  g_autofree char *content = row_text (self->content_row);
  g_autofree char *standard = row_text (self->standard_row);
  g_autofree char *measures = row_text (self->measures_row);
  g_autofree char *deadline = rectify_date_row_get_date (self->deadline_row);
  g_autofree char *responsible = row_text (self->responsible_row);
  g_autoptr (GError) error = NULL;
  RectifyHazardStatus before;

  if (self->store == NULL || self->detail == NULL || !CAN_EDIT (self))
    return;
  before = self->detail->hazard->status;
  /* An empty deadline keeps the one on record: a deadline is never unset. */
  if (!rectify_workflow_implement (self->store, self->shown_id, content, standard, measures,
                                   deadline, responsible, chosen_supervisor (self), NULL, &error))
    {
      show_five_error (self, error);
      return;
    }
  if (self->detail && self->detail->hazard->status != before)
    {
      /* Translators: %s is the hazard's new status, e.g. "rectifying" */
      g_autofree char *message
          = g_strdup_printf (_ ("All five are set: the hazard is now %s"),
                             rectify_hazard_status_to_label (self->detail->hazard->status));
      show_message (self, message);
    }
  else
    show_message (self, _ ("Implementations saved"));
}

/* ---- actions --------------------------------------------------------------- */

static void
update_actions (RectifyHazardsPage *self)
{
  const RectifyHazard *h = self->detail ? self->detail->hazard : NULL;
  g_autoptr (GError) hint = NULL;
  gboolean any = FALSE;
  gboolean can_implement;

  if (h == NULL)
    return;
  for (int a = 0; a < RECTIFY_N_ACTIONS; a++)
    {
      g_autoptr (GError) error = NULL;
      gboolean allowed = CAN_EDIT (self) && rectify_workflow_can (self->store, h, a, &error);

      /* A hidden button would leave its cell of the flow box empty. */
      if (a == RECTIFY_ACTION_IMPLEMENT)
        gtk_widget_set_visible (self->action_buttons[a], allowed);
      else if (self->action_buttons[a] != NULL)
        gtk_widget_set_visible (gtk_widget_get_parent (self->action_buttons[a]), allowed);
      any = any || (allowed && a != RECTIFY_ACTION_IMPLEMENT);
      /* Why confirmation is not offered when the hazard waits for it. */
      if (!allowed && a == RECTIFY_ACTION_CONFIRM && h->status == RECTIFY_HAZARD_RECTIFIED && error)
        hint = g_steal_pointer (&error);
      if (!allowed && a == RECTIFY_ACTION_TRACK && !any && hint == NULL && error)
        hint = g_steal_pointer (&error);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.draft-letter", CAN_EDIT (self));
  can_implement
      = CAN_EDIT (self) && rectify_workflow_can (self->store, h, RECTIFY_ACTION_IMPLEMENT, NULL);
  fill_five (self, can_implement);

  if (h->status == RECTIFY_HAZARD_CLOSED)
    gtk_label_set_text (self->no_actions_label,
                        _ ("This hazard is closed: nothing more can be done to it."));
  else if (hint != NULL)
    gtk_label_set_text (self->no_actions_label, hint->message);
  gtk_widget_set_visible (GTK_WIDGET (self->no_actions_label),
                          h->status == RECTIFY_HAZARD_CLOSED || hint != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), any);
  update_lift_button (self);
}

static void
on_action_dialog_destroy_cb (GtkWidget *dialog, RectifyHazardsPage *self)
{
  /* The page may have gone first; the handler is disconnected then. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

GtkWidget *
rectify_hazards_page_open_action (RectifyHazardsPage *self, RectifyHazardAction action)
{
  RectifyHazardActionDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);

  if (self->detail == NULL || action == RECTIFY_ACTION_IMPLEMENT || action >= RECTIFY_N_ACTIONS
      || self->action_buttons[action] == NULL
      || !gtk_widget_get_visible (gtk_widget_get_parent (self->action_buttons[action])))
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = rectify_hazard_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->store, self->shown_id, action);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_action_dialog_destroy_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
act_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (widget);

  rectify_hazards_page_open_action (self, g_variant_get_int32 (parameter));
}

/* The letter issued from the draft is shown on the Documents page. */
static void
on_letter_issued_cb (RectifyDocumentDraftDialog *dialog,
                     gint64 document_id,
                     RectifyHazardsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-document", "x", document_id);
}

GtkWidget *
rectify_hazards_page_open_draft (RectifyHazardsPage *self)
{
  RectifyDocumentDraftDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);

  if (self->detail == NULL || !CAN_EDIT (self))
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = rectify_document_draft_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->store, self->detail->hazard->unit_id);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_letter_issued_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
draft_letter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rectify_hazards_page_open_draft (RECTIFY_HAZARDS_PAGE (widget));
}

static void
on_hazard_registered_cb (RectifyHazardDialog *dialog, gint64 id, RectifyHazardsPage *self)
{
  rectify_list_page_select (RECTIFY_LIST_PAGE (self), id);
}

/* A hazard needs its unit and is found on a visit: with a hazard shown,
 * another finding of the same visit at the same unit; with none, the
 * inspection form, whose failed checklist items propose the hazards. */
GtkWidget *
rectify_hazards_page_open_new (RectifyHazardsPage *self)
{
  GtkRoot *root;
  GtkWindow *dialog;

  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);

  if (self->store == NULL || !CAN_EDIT (self))
    return NULL;
  /* another finding of an archived campaign's visit would be refused:
   * a new inspection then, whose form offers active campaigns only */
  if (self->detail != NULL
      && rectify_archived_check (NULL, self->store, self->detail->hazard->campaign_id))
    {
      const RectifyHazard *h = self->detail->hazard;
      RectifyHazardDialog *hazard
          = rectify_hazard_dialog_new (self->store, h->unit_id, h->inspection_id, NULL, 0);

      g_signal_connect_object (hazard, "registered", G_CALLBACK (on_hazard_registered_cb), self, 0);
      dialog = GTK_WINDOW (hazard);
    }
  else
    dialog = GTK_WINDOW (rectify_inspection_dialog_new (self->store, 0));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
  return GTK_WIDGET (dialog);
}

static gboolean
new_record (RectifyListPage *page)
{
  rectify_hazards_page_open_new (RECTIFY_HAZARDS_PAGE (page));
  return FALSE;
}

/* ---- the timeline ------------------------------------------------------------ */

/* Writes the attachment to the page's private folder and hands it to
 * the default viewer. */
static void
open_attachment (RectifyHazardsPage *self, gint64 attachment_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GAppLaunchContext) context = NULL;

  if (self->open_dir == NULL)
    self->open_dir = g_dir_make_tmp ("rectify-attachments-XXXXXX", &error);
  if (self->open_dir != NULL)
    path = rectify_attachment_write_file (self->store, attachment_id, self->open_dir, &error);
  if (path != NULL)
    uri = g_filename_to_uri (path, NULL, &error);
  if (uri != NULL)
    {
      context = G_APP_LAUNCH_CONTEXT (
          gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
      if (g_app_info_launch_default_for_uri (uri, context, &error))
        return;
    }
  {
    /* Translators: %s says why an attachment could not be opened */
    g_autofree char *message
        = g_strdup_printf (_ ("The attachment could not be opened: %s"), error->message);
    show_message (self, message);
  }
}

static void
on_open_clicked_cb (GtkButton *button, RectifyHazardsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "rectify-attachment-id");

  open_attachment (self, *id);
}

static GtkWidget *
attachment_widget (RectifyHazardsPage *self, const RectifyAttachment *a)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (a->filename);
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("_Open"));
  GdkTexture *texture = g_hash_table_lookup (self->detail->thumbnails, &a->id);
  g_autofree char *size = g_format_size (a->size);
  g_autofree char *open_label = NULL;
  GtkWidget *preview;

  if (texture != NULL)
    {
      preview = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (preview), TRUE);
      gtk_widget_set_size_request (preview, RECTIFY_THUMBNAIL_SIZE, RECTIFY_THUMBNAIL_SIZE);
    }
  else
    {
      preview = gtk_image_new_from_icon_name (g_str_equal (a->mime, "application/pdf")
                                                  ? "x-office-document-symbolic"
                                                  : "image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (preview), 48);
      gtk_widget_set_size_request (preview, RECTIFY_THUMBNAIL_SIZE, RECTIFY_THUMBNAIL_SIZE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a->filename, -1);
  gtk_box_append (GTK_BOX (box), preview);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
  gtk_widget_set_tooltip_text (name, size);
  gtk_box_append (GTK_BOX (box), name);
  /* Translators: %s is an attachment's file name */
  open_label = g_strdup_printf (_ ("Open %s"), a->filename);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                  -1);
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_widget_add_css_class (open, "flat");
  g_object_set_data_full (G_OBJECT (open), "rectify-attachment-id",
                          g_memdup2 (&a->id, sizeof a->id), g_free);
  g_signal_connect_object (open, "clicked", G_CALLBACK (on_open_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), open);
  return box;
}

/* The order to stop use is lifted where it shows, once the core allows
 * it (the hazard closed, the equipment still stopped by it alone); the
 * tooltip says why not. */
static void
update_lift_button (RectifyHazardsPage *self)
{
  const RectifyHazard *h = self->detail ? self->detail->hazard : NULL;
  g_autoptr (GError) error = NULL;
  gboolean allowed;

  if (self->lift_button == NULL || h == NULL)
    return;
  allowed = CAN_EDIT (self) && rectify_workflow_can_lift_stop_use (self->store, h, &error);
  gtk_widget_set_sensitive (self->lift_button, allowed);
  gtk_widget_set_tooltip_text (self->lift_button, error ? error->message : NULL);
}

static void
on_lift_clicked_cb (GtkButton *button, RectifyHazardsPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = self->shown_id;

  if (id == 0)
    return;
  if (!rectify_workflow_lift_stop_use (self->store, id, &error))
    {
      show_message (self, error->message);
      return;
    }
  show_hazard (self, id);
  show_message (self, _ ("The order to stop use is lifted; the equipment is back in use"));
}

static GtkWidget *
lift_button_new (RectifyHazardsPage *self)
{
  GtkWidget *button = gtk_button_new_with_label (_ ("Lift Order to Stop Use"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (on_lift_clicked_cb), self);
  return button;
}

static GtkWidget *
event_row (RectifyHazardsPage *self, const RectifyHazardEvent *e)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  g_autofree char *heading_text = NULL;
  g_autofree char *event_date = NULL;

  event_date = rectify_format_date (e->date);
  heading_text = g_strjoin (" · ", event_date, rectify_event_kind_to_label (e->kind),
                            e->officer_id ? e->officer_name : _ ("System"), NULL);
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  if (e->note && *e->note)
    {
      GtkWidget *note = gtk_label_new (e->note);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_box_append (GTK_BOX (box), note);
    }
  if (e->attachments && e->attachments->len > 0)
    {
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Attachments"), -1);
      for (guint i = 0; i < e->attachments->len; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (flow),
                             attachment_widget (self, g_ptr_array_index (e->attachments, i)));
      gtk_box_append (GTK_BOX (box), flow);
    }
  if (e->kind == RECTIFY_EVENT_STOP_USE)
    {
      self->lift_button = lift_button_new (self);
      gtk_box_append (GTK_BOX (box), self->lift_button);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading_text,
                                  -1);
  return row;
}

static void
fill_timeline (RectifyHazardsPage *self)
{
  GtkWidget *child;

  self->lift_button = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
  for (guint i = 0; i < self->detail->events->len; i++)
    gtk_list_box_append (self->timeline_list,
                         event_row (self, g_ptr_array_index (self->detail->events, i)));
  update_lift_button (self);
}

/* ---- the pane -------------------------------------------------------------- */

static void
show_hazard (RectifyHazardsPage *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  RectifyHazardDetail *detail = NULL;
  const RectifyHazard *h;
  g_autofree char *title = NULL;
  g_autofree char *days = NULL;
  g_autofree char *summary = NULL;
  gboolean overdue;

  if (id != 0 && self->store != NULL)
    {
      detail = rectify_hazard_detail_load (self->store, id, &error);
      if (detail == NULL)
        show_message (self, error->message);
    }
  g_clear_pointer (&self->detail, rectify_hazard_detail_free);
  self->detail = detail;
  self->shown_id = detail ? id : 0;
  if (detail == NULL)
    {
      self->lift_button = NULL;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  h = detail->hazard;
  /* Translators: hazard number and the unit it was found at */
  title = g_strdup_printf (_ ("Hazard %" PRId64 " · %s"), h->id, h->unit_name);
  gtk_label_set_text (self->title_label, title);
  if (h->status == RECTIFY_HAZARD_CLOSED && h->closed_date != NULL)
    /* Translators: %s is the date a hazard was cancelled */
    {
      g_autofree char *closed = rectify_format_date (h->closed_date);

      days = g_strdup_printf (_ ("cancelled on %s"), closed);
    }
  else
    days = days_left_text (h, self->today ? self->today : "", &overdue);
  summary = g_strjoin (" · ", category_label (self, h->category), rectify_grade_to_label (h->grade),
                       rectify_hazard_status_to_label (h->status), days, NULL);
  gtk_label_set_text (self->summary_label, summary);
  update_actions (self);
  fill_timeline (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static gboolean
show_record (RectifyListPage *page, gint64 id)
{
  show_hazard (RECTIFY_HAZARDS_PAGE (page), id);
  return id == 0 || RECTIFY_HAZARDS_PAGE (page)->shown_id == id;
}

/* ---- the columns ----------------------------------------------------------- */

/* The essential columns first: unit, category, grade, deadline, days left
 * and status.  Grade, deadline, days and status take the width of their
 * longest text in this language and stay whole; the unit and the category
 * share what is left; the description and the supervisor come last. */
static void
add_columns (RectifyHazardsPage *self)
{
  const char *grades[RECTIFY_N_GRADES];
  const char *statuses[RECTIFY_N_HAZARD_STATUSES];
  g_autofree char *date = rectify_format_date ("2026-12-28");
  const char *dates[] = { date };
  g_autofree char *overdue = rectify_days_left_text ("2026-12-28", "2026-04-01", NULL);
  g_autofree char *left = rectify_days_left_text ("2026-04-01", "2026-12-28", NULL);
  const char *days[] = { overdue, left, _ ("No deadline"), _ ("Due today") };
  GtkColumnView *view = self->column_view;

  for (int i = 0; i < RECTIFY_N_GRADES; i++)
    grades[i] = rectify_grade_to_label (i);
  for (int i = 0; i < RECTIFY_N_HAZARD_STATUSES; i++)
    statuses[i] = rectify_hazard_status_to_label (i);
  rectify_record_list_view_add_column (view, _ ("Unit"), "unit", text_unit, self, TRUE, 120);
  rectify_record_list_view_add_column (view, _ ("Category"), "category", text_category, self, TRUE,
                                       90);
  rectify_record_list_view_add_column (
      view, _ ("Grade"), "grade", text_grade, self, FALSE,
      rectify_record_list_view_text_width (view, _ ("Grade"), grades, G_N_ELEMENTS (grades)));
  rectify_record_list_view_add_column (
      view, _ ("Deadline"), "deadline", text_deadline, self, FALSE,
      rectify_record_list_view_text_width (view, _ ("Deadline"), dates, G_N_ELEMENTS (dates)));
  rectify_record_list_view_add_column (
      view, _ ("Days Left"), "deadline", text_days_left, self, FALSE,
      rectify_record_list_view_text_width (view, _ ("Days Left"), days, G_N_ELEMENTS (days)));
  rectify_record_list_view_add_column (
      view, _ ("Status"), "status", text_status, self, FALSE,
      rectify_record_list_view_text_width (view, _ ("Status"), statuses, G_N_ELEMENTS (statuses)));
  /* Not sortable: ordering a city's 300 000 descriptions takes a second
   * (bench-hazards) and tells an officer nothing a search does not. */
  rectify_record_list_view_add_column (view, _ ("Description"), NULL, text_description, self, FALSE,
                                       140);
  rectify_record_list_view_add_column (view, _ ("Supervising Officer"), "supervisor",
                                       text_supervisor, self, FALSE, 100);
}

/* ---- the store ----------------------------------------------------------- */

static void
store_changed (RectifyListPage *page, const char *entity)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (page);

  if (g_strv_contains (listed_entities, entity))
    {
      rectify_list_page_show_again (page);
      return;
    }
  if (g_strcmp0 (entity, "officer") != 0 && g_strcmp0 (entity, "campaign") != 0
      && g_strcmp0 (entity, "hazard_category") != 0)
    return;
  fill_filters (self);
  apply_query (self);
  rectify_list_page_show_again (page);
}

/* Also when can-edit is unchanged: the window sets it when the acting
 * officer changes, and confirmation depends on who that is. */
static void
update_editable (RectifyListPage *page)
{
  gtk_widget_set_visible (RECTIFY_HAZARDS_PAGE (page)->new_button, CAN_EDIT (page));
  update_actions (RECTIFY_HAZARDS_PAGE (page));
}

/* ---- public ---------------------------------------------------------------- */

GtkWidget *
rectify_hazards_page_new (RectifyStore *store)
{
  return g_object_new (RECTIFY_TYPE_HAZARDS_PAGE, "store", store, NULL);
}

GtkWidget *
rectify_hazards_page_get_lift_stop_use_button (RectifyHazardsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);
  return self->lift_button;
}

GtkWidget *
rectify_hazards_page_get_action_button (RectifyHazardsPage *self, RectifyHazardAction action)
{
  g_return_val_if_fail (RECTIFY_IS_HAZARDS_PAGE (self), NULL);
  g_return_val_if_fail (action < RECTIFY_N_ACTIONS, NULL);
  return self->action_buttons[action];
}

/* ---- GObject ------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
rectify_hazards_page_dispose (GObject *object)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (object);

  g_clear_pointer (&self->detail, rectify_hazard_detail_free);
  g_clear_pointer (&self->officer_ids, g_array_unref);
  g_clear_pointer (&self->officer_names, g_hash_table_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->category_labels, g_hash_table_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->limit.as_of, g_free);
  g_clear_pointer (&self->limit.filters, g_free);
  g_clear_pointer (&self->today, g_free);
  if (self->open_dir != NULL)
    remove_tree (self->open_dir);
  g_clear_pointer (&self->open_dir, g_free);

  G_OBJECT_CLASS (rectify_hazards_page_parent_class)->dispose (object);
}

static void
rectify_hazards_page_constructed (GObject *object)
{
  RectifyHazardsPage *self = RECTIFY_HAZARDS_PAGE (object);

  self->store = rectify_list_page_get_store (RECTIFY_LIST_PAGE (self));
  fill_filters (self);
  G_OBJECT_CLASS (rectify_hazards_page_parent_class)->constructed (object);
}

static void
rectify_hazards_page_class_init (RectifyHazardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  RectifyListPageClass *page_class = RECTIFY_LIST_PAGE_CLASS (klass);

  object_class->constructed = rectify_hazards_page_constructed;
  object_class->dispose = rectify_hazards_page_dispose;

  page_class->query_ids = rectify_store_query_hazard_ids;
  page_class->fetch = rectify_store_get_hazards_by_ids;
  page_class->free_record = (GDestroyNotify)rectify_hazard_free;
  page_class->entities = listed_entities;
  page_class->query_when_mapped = TRUE;
  page_class->count_text = count_text;
  page_class->build_query = build_query;
  page_class->show_record = show_record;
  page_class->new_record = new_record;
  page_class->exports = TRUE;
  page_class->export_kind = RECTIFY_EXPORT_HAZARDS;
  page_class->store_changed = store_changed;
  page_class->update_editable = update_editable;

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-hazards-page.ui");

  rectify_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, statuses);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, grades);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, categories);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, campaigns);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, due_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, five_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, content_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, standard_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, measures_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, officers);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, five_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, implement_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, no_actions_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardsPage, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_toggled_cb);

  gtk_widget_class_install_action (widget_class, "page.implement", NULL, implement_action);
  gtk_widget_class_install_action (widget_class, "page.act", "i", act_action);
  gtk_widget_class_install_action (widget_class, "page.draft-letter", NULL, draft_letter_action);
}

static void
rectify_hazards_page_init (RectifyHazardsPage *self)
{
  GtkWidget *widgets[N_FIELDS];
  /* In the order an officer meets them: tracking, the unit's report, the
   * officer's verdict, then escalation. */
  static const RectifyHazardAction offered[] = {
    RECTIFY_ACTION_TRACK,    RECTIFY_ACTION_IMMEDIATE,    RECTIFY_ACTION_RECTIFY,
    RECTIFY_ACTION_CONFIRM,  RECTIFY_ACTION_REJECT,       RECTIFY_ACTION_PENALTY,
    RECTIFY_ACTION_STOP_USE, RECTIFY_ACTION_MAJOR_REPORT,
  };

  self->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->officer_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->today = rectify_today ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_view = rectify_list_page_get_column_view (RECTIFY_LIST_PAGE (self));
  self->search_entry = rectify_list_page_get_search_entry (RECTIFY_LIST_PAGE (self));

  widgets[FIELD_CONTENT] = GTK_WIDGET (self->content_row);
  widgets[FIELD_STANDARD] = GTK_WIDGET (self->standard_row);
  widgets[FIELD_MEASURES] = GTK_WIDGET (self->measures_row);
  widgets[FIELD_DEADLINE] = GTK_WIDGET (self->deadline_row);
  widgets[FIELD_RESPONSIBLE] = GTK_WIDGET (self->responsible_row);
  widgets[FIELD_SUPERVISOR] = GTK_WIDGET (self->supervisor_row);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].name = field_names[i];
      self->fields[i].widget = widgets[i];
      if (i == FIELD_SUPERVISOR)
        g_signal_connect_swapped (widgets[i], "notify::selected", G_CALLBACK (on_five_changed_cb),
                                  self);
      else
        g_signal_connect_swapped (widgets[i], "changed", G_CALLBACK (on_five_changed_cb), self);
    }

  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (rectify_hazard_action_title (offered[i]));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.act");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32)offered[i]);
      if (offered[i] == RECTIFY_ACTION_REJECT || offered[i] == RECTIFY_ACTION_PENALTY
          || offered[i] == RECTIFY_ACTION_STOP_USE)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (offered[i] == RECTIFY_ACTION_CONFIRM || offered[i] == RECTIFY_ACTION_RECTIFY)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_flow_box_append (self->actions_box, button);
      self->action_buttons[offered[i]] = button;
    }
  self->action_buttons[RECTIFY_ACTION_IMPLEMENT] = self->implement_button;

  add_columns (self);

  self->limit.button = rectify_as_of_button_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->search_entry))),
                              self->limit.button, GTK_WIDGET (self->search_entry));
  g_signal_connect_swapped (self->limit.button, "clicked", G_CALLBACK (on_as_of_clear_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->grade_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->campaign_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  rectify_a11y_name_dropdown_button (self->status_dropdown, _ ("Status filter"));
  rectify_a11y_name_dropdown_button (self->grade_dropdown, _ ("Grade filter"));
  rectify_a11y_name_dropdown_button (self->category_dropdown, _ ("Category filter"));
  rectify_a11y_name_dropdown_button (self->campaign_dropdown, _ ("Campaign filter"));

  update_filters_button (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}
