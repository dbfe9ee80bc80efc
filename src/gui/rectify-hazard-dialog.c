/* rectify-hazard-dialog.c: registering a hazard found at a unit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-a11y.h"
#include "rectify-date-row.h"
#include "rectify-form-field.h"
#include "rectify-hazard-dialog.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"

enum
{
  FIELD_UNIT,
  FIELD_CATEGORY,
  FIELD_GRADE,
  FIELD_EQUIPMENT,
  FIELD_FOUND,
  FIELD_INSPECTION,
  FIELD_CONTENT,
  FIELD_STANDARD,
  FIELD_MEASURES,
  FIELD_DEADLINE,
  FIELD_RESPONSIBLE,
  FIELD_SUPERVISOR,
  FIELD_NOTE,
  N_FIELDS
};

struct _RectifyHazardDialog
{
  AdwWindow parent_instance;

  RectifyStore *store;
  gint64 unit_id;
  gint64 inspection_id;
  char *category;
  gint64 equipment_id;
  GPtrArray *categories; /* RectifyHazardCategory per combo position */
  GArray *equipment_ids; /* gint64 per combo position, 0 = none */
  GArray *officer_ids;   /* gint64 per combo position, 0 = none */
  RectifyFormField fields[N_FIELDS];

  GtkLabel *general_error_label;
  AdwActionRow *unit_row;
  AdwComboRow *category_row;
  AdwComboRow *grade_row;
  AdwComboRow *equipment_row;
  RectifyDateRow *found_row;
  GtkLabel *finding_error_label;
  AdwPreferencesGroup *five_group;
  AdwEntryRow *content_row;
  AdwEntryRow *standard_row;
  AdwEntryRow *measures_row;
  RectifyDateRow *deadline_row;
  AdwEntryRow *responsible_row;
  AdwComboRow *supervisor_row;
  GtkLabel *five_error_label;
  AdwEntryRow *note_row;
  GtkLabel *note_error_label;
};

G_DEFINE_FINAL_TYPE (RectifyHazardDialog, rectify_hazard_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_UNIT_ID,
  PROP_INSPECTION_ID,
  PROP_CATEGORY,
  PROP_EQUIPMENT_ID,
  N_PROPS
};

enum
{
  SIGNAL_REGISTERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gint64
combo_id (AdwComboRow *row, GArray *ids)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

/* The hazard as the form has it. */
static RectifyHazard *
read_form (RectifyHazardDialog *self)
{
  RectifyHazard *h = rectify_hazard_new ();
  guint category = adw_combo_row_get_selected (self->category_row);

  h->unit_id = self->unit_id;
  h->inspection_id = self->inspection_id;
  if (self->categories != NULL && category < self->categories->len)
    h->category = g_strdup (
        ((RectifyHazardCategory *)g_ptr_array_index (self->categories, category))->code);
  h->grade = adw_combo_row_get_selected (self->grade_row) == 1 ? RECTIFY_GRADE_MAJOR
                                                               : RECTIFY_GRADE_GENERAL;
  h->equipment_id = combo_id (self->equipment_row, self->equipment_ids);
  h->found_date = rectify_date_row_get_date (self->found_row);
  h->content = row_text (self->content_row);
  h->standard = row_text (self->standard_row);
  h->measures = row_text (self->measures_row);
  h->deadline = rectify_date_row_get_date (self->deadline_row);
  h->responsible = row_text (self->responsible_row);
  h->supervisor_id = combo_id (self->supervisor_row, self->officer_ids);
  return h;
}

static void
update_missing (RectifyHazardDialog *self)
{
  g_autoptr (RectifyHazard) h = read_form (self);
  g_autoptr (GPtrArray) missing = rectify_hazard_missing_five (h);
  g_autofree char *text = NULL;

  if (missing->len == 0)
    text = g_strdup (_ ("All five are set: the hazard goes under rectification when registered."));
  else
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (list, "%s%s", i ? C_ ("list separator", ", ") : "",
                                (const char *)g_ptr_array_index (missing, i));
      /* Translators: %s lists the missing ones of the five implementations */
      text = g_strdup_printf (
          _ ("Still missing: %s. The hazard stays open until all five are set."), list->str);
    }
  adw_preferences_group_set_description (self->five_group, text);
}

static void
on_field_changed_cb (GtkWidget *widget, RectifyHazardDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, widget);
  update_missing (self);
}

static void
on_combo_changed_cb (GtkWidget *widget, GParamSpec *pspec, RectifyHazardDialog *self)
{
  rectify_form_clear_field (self->fields, N_FIELDS, widget);
  update_missing (self);
}

static void
register_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (widget);
  g_autoptr (RectifyHazard) h = read_form (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *note = row_text (self->note_row);
  gint64 id;

  rectify_form_clear_errors (self->fields, N_FIELDS, self->general_error_label);
  /* A typed date the core would only see as missing is named here. */
  if (!rectify_date_row_validate (self->found_row, _ ("Found on"), &error)
      || !rectify_date_row_validate (self->deadline_row, _ ("Deadline"), &error))
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  id = rectify_workflow_register (self->store, h, note, &error);
  if (id == 0)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_REGISTERED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load_choices (RectifyHazardDialog *self)
{
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) equipment = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) officers = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  guint selected = 0;
  gint64 none = 0;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = rectify_store_list_hazard_categories (self->store, &error);
  if (self->categories == NULL)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      g_clear_error (&error);
      self->categories = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->categories->len; i++)
    {
      RectifyHazardCategory *c = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (categories, rectify_hazard_category_label (c));
      if (g_strcmp0 (c->code, self->category) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_combo_row_set_selected (self->category_row, selected);

  gtk_string_list_append (grades, rectify_grade_to_label (RECTIFY_GRADE_GENERAL));
  gtk_string_list_append (grades, rectify_grade_to_label (RECTIFY_GRADE_MAJOR));
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));

  /* The unit's equipment: a few per unit, a few hundred at most. */
  gtk_string_list_append (equipment, _ ("None"));
  g_array_append_val (self->equipment_ids, none);
  selected = 0;
  q.unit_id = self->unit_id;
  q.limit = 500;
  items = rectify_store_list_equipment (self->store, &q, NULL, &error);
  if (items == NULL)
    {
      rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
      g_clear_error (&error);
    }
  for (guint i = 0; items && i < items->len; i++)
    {
      RectifyEquipment *e = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;

      name = g_strjoin (" · ", rectify_category_to_label (e->category),
                        e->code && *e->code ? e->code : _ ("No equipment code"),
                        e->location && *e->location ? e->location : NULL, NULL);
      if (e->id == self->equipment_id)
        selected = self->equipment_ids->len;
      gtk_string_list_append (equipment, name);
      g_array_append_val (self->equipment_ids, e->id);
    }
  adw_combo_row_set_model (self->equipment_row, G_LIST_MODEL (equipment));
  adw_combo_row_set_selected (self->equipment_row, selected);

  gtk_string_list_append (officers, _ ("None"));
  g_array_append_val (self->officer_ids, none);
  selected = 0;
  people = rectify_store_list_officers (self->store, &error);
  for (guint i = 0; people && i < people->len; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (people, i);

      if (!o->active)
        continue;
      if (o->id == rectify_store_get_actor (self->store))
        selected = self->officer_ids->len;
      gtk_string_list_append (officers, o->name);
      g_array_append_val (self->officer_ids, o->id);
    }
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (officers));
  adw_combo_row_set_selected (self->supervisor_row, selected);
}

static void
rectify_hazard_dialog_constructed (GObject *object)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (object);
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;

  G_OBJECT_CLASS (rectify_hazard_dialog_parent_class)->constructed (object);
  g_assert (RECTIFY_IS_STORE (self->store));

  unit = rectify_store_get_unit (self->store, self->unit_id, &error);
  if (unit != NULL)
    adw_action_row_set_subtitle (self->unit_row, unit->name);
  else
    rectify_form_show_error (self->fields, N_FIELDS, self->general_error_label, error);
  g_clear_error (&error);
  if (self->inspection_id != 0)
    {
      g_autoptr (RectifyInspection) in
          = rectify_store_get_inspection (self->store, self->inspection_id, &error);

      if (in != NULL)
        found = g_strdup (in->date);
    }
  if (found == NULL)
    found = rectify_today ();
  rectify_date_row_set_date (self->found_row, found);
  load_choices (self);
  update_missing (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->content_row));
}

void
rectify_hazard_dialog_set_content (RectifyHazardDialog *self, const char *content)
{
  g_return_if_fail (RECTIFY_IS_HAZARD_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->content_row), content ? content : "");
}

static void
rectify_hazard_dialog_dispose (GObject *object)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_HAZARD_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rectify_hazard_dialog_parent_class)->dispose (object);
}

static void
rectify_hazard_dialog_finalize (GObject *object)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (object);

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->equipment_ids, g_array_unref);
  g_clear_pointer (&self->officer_ids, g_array_unref);

  G_OBJECT_CLASS (rectify_hazard_dialog_parent_class)->finalize (object);
}

static void
rectify_hazard_dialog_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_INSPECTION_ID:
      g_value_set_int64 (value, self->inspection_id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_EQUIPMENT_ID:
      g_value_set_int64 (value, self->equipment_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_hazard_dialog_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  RectifyHazardDialog *self = RECTIFY_HAZARD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_UNIT_ID:
      self->unit_id = g_value_get_int64 (value);
      break;
    case PROP_INSPECTION_ID:
      self->inspection_id = g_value_get_int64 (value);
      break;
    case PROP_CATEGORY:
      g_free (self->category);
      self->category = g_value_dup_string (value);
      break;
    case PROP_EQUIPMENT_ID:
      self->equipment_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_hazard_dialog_class_init (RectifyHazardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rectify_hazard_dialog_constructed;
  object_class->dispose = rectify_hazard_dialog_dispose;
  object_class->finalize = rectify_hazard_dialog_finalize;
  object_class->get_property = rectify_hazard_dialog_get_property;
  object_class->set_property = rectify_hazard_dialog_set_property;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID]
      = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSPECTION_ID]
      = g_param_spec_int64 ("inspection-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY]
      = g_param_spec_string ("category", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EQUIPMENT_ID]
      = g_param_spec_int64 ("equipment-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RectifyHazardDialog::registered:
   * @id: the new hazard's id
   */
  signals[SIGNAL_REGISTERED]
      = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RECTIFY_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/rectify/Rectify/ui/rectify-hazard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, found_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, finding_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, five_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, standard_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, measures_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, five_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyHazardDialog, note_error_label);

  gtk_widget_class_install_action (widget_class, "hazard.register", NULL, register_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_hazard_dialog_init (RectifyHazardDialog *self)
{
  /* The names the core gives the fields in its messages. */
  static const char *const names[N_FIELDS] = {
    [FIELD_UNIT] = N_ ("Unit"),
    [FIELD_CATEGORY] = N_ ("Category"),
    [FIELD_GRADE] = N_ ("Grade"),
    [FIELD_EQUIPMENT] = N_ ("Equipment"),
    [FIELD_FOUND] = N_ ("Found on"),
    [FIELD_INSPECTION] = N_ ("Inspection"),
    [FIELD_CONTENT] = N_ ("Content"),
    [FIELD_STANDARD] = N_ ("Standard"),
    [FIELD_MEASURES] = N_ ("Measures"),
    [FIELD_DEADLINE] = N_ ("Deadline"),
    [FIELD_RESPONSIBLE] = N_ ("Responsible person"),
    [FIELD_SUPERVISOR] = N_ ("Supervising officer"),
    [FIELD_NOTE] = N_ ("Note"),
  };
  GtkWidget *widgets[N_FIELDS];
  GtkLabel *labels[N_FIELDS];

  gtk_widget_init_template (GTK_WIDGET (self));
  rectify_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  self->equipment_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  widgets[FIELD_UNIT] = GTK_WIDGET (self->unit_row);
  widgets[FIELD_CATEGORY] = GTK_WIDGET (self->category_row);
  widgets[FIELD_GRADE] = GTK_WIDGET (self->grade_row);
  widgets[FIELD_EQUIPMENT] = GTK_WIDGET (self->equipment_row);
  widgets[FIELD_FOUND] = GTK_WIDGET (self->found_row);
  widgets[FIELD_INSPECTION] = GTK_WIDGET (self->found_row);
  widgets[FIELD_CONTENT] = GTK_WIDGET (self->content_row);
  widgets[FIELD_STANDARD] = GTK_WIDGET (self->standard_row);
  widgets[FIELD_MEASURES] = GTK_WIDGET (self->measures_row);
  widgets[FIELD_DEADLINE] = GTK_WIDGET (self->deadline_row);
  widgets[FIELD_RESPONSIBLE] = GTK_WIDGET (self->responsible_row);
  widgets[FIELD_SUPERVISOR] = GTK_WIDGET (self->supervisor_row);
  widgets[FIELD_NOTE] = GTK_WIDGET (self->note_row);
  for (guint i = 0; i < N_FIELDS; i++)
    labels[i] = i < FIELD_CONTENT ? self->finding_error_label
                : i < FIELD_NOTE  ? self->five_error_label
                                  : self->note_error_label;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].name = names[i];
      self->fields[i].widget = widgets[i];
      self->fields[i].label = labels[i];
    }

  g_signal_connect (self->found_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->content_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->standard_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->measures_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->deadline_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->responsible_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->note_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->category_row, "notify::selected", G_CALLBACK (on_combo_changed_cb), self);
  g_signal_connect (self->grade_row, "notify::selected", G_CALLBACK (on_combo_changed_cb), self);
  g_signal_connect (self->equipment_row, "notify::selected", G_CALLBACK (on_combo_changed_cb),
                    self);
  g_signal_connect (self->supervisor_row, "notify::selected", G_CALLBACK (on_combo_changed_cb),
                    self);
}

RectifyHazardDialog *
rectify_hazard_dialog_new (RectifyStore *store,
                           gint64 unit_id,
                           gint64 inspection_id,
                           const char *category,
                           gint64 equipment_id)
{
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_HAZARD_DIALOG, "store", store, "unit-id", unit_id,
                       "inspection-id", inspection_id, "category", category, "equipment-id",
                       equipment_id, NULL);
}
