/* rectify-preferences-window.c: the bureau's settings, shared by every user
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-pdf-font.h"
#include "rectify-pdf-letter.h"
#include "rectify-preferences-window.h"

/* A text setting and the row that edits it. */
typedef struct
{
  const char *key;
  const char *fallback;
  AdwEntryRow *row;
  GtkLabel *error_label;
} TextSetting;

enum
{
  SETTING_BUREAU_NAME,
  SETTING_DISTRICT,
  SETTING_INSTRUCTION_PREFIX,
  SETTING_OPINION_PREFIX,
  SETTING_SIGNATORY,
  SETTING_CONTACT,
  SETTING_PROVISION_INSTRUCTION_ZH,
  SETTING_PROVISION_STOP_ZH,
  SETTING_PROVISION_INSTRUCTION_EN,
  SETTING_PROVISION_STOP_EN,
  N_TEXT_SETTINGS
};

/* The combo's positions. */
static const char *const languages[] = { "zh_CN", "en" };

/* A font role's setting and its combo: position 0 is Automatic (the
 * setting empty), then the families offered. */
typedef struct
{
  const char *key;
  RectifyPdfFontRole role;
  AdwComboRow *row;
  GPtrArray *families; /* char*, position - 1 */
} FontSetting;

enum
{
  FONT_BODY,
  FONT_TITLE,
  FONT_HEADING,
  N_FONT_SETTINGS
};

struct _RectifyPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  RectifyStore *store;
  gboolean can_edit;
  gboolean loading;
  TextSetting settings[N_TEXT_SETTINGS];

  AdwEntryRow *bureau_name_row;
  AdwEntryRow *district_row;
  GtkLabel *bureau_error_label;
  AdwEntryRow *instruction_prefix_row;
  AdwEntryRow *opinion_prefix_row;
  AdwEntryRow *signatory_row;
  AdwComboRow *language_row;
  GtkLabel *documents_error_label;
  AdwEntryRow *contact_row;
  AdwEntryRow *provision_instruction_zh_row;
  AdwEntryRow *provision_stop_zh_row;
  AdwEntryRow *provision_instruction_en_row;
  AdwEntryRow *provision_stop_en_row;
  GtkLabel *provisions_error_label;
  AdwComboRow *body_font_row;
  AdwComboRow *title_font_row;
  AdwComboRow *heading_font_row;
  GtkLabel *fonts_error_label;
  FontSetting fonts[N_FONT_SETTINGS];
};

G_DEFINE_FINAL_TYPE (RectifyPreferencesWindow,
                     rectify_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CAN_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (GtkWidget *row, GtkLabel *label, const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE,
                                      label, -1);
      /* The group's label tells which row its message is about. */
      g_object_set_data (G_OBJECT (label), "rectify-row", row);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      if (g_object_get_data (G_OBJECT (label), "rectify-row") == row)
        {
          gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
          g_object_set_data (G_OBJECT (label), "rectify-row", NULL);
        }
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
save_text (RectifyPreferencesWindow *self, TextSetting *setting)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (setting->row));
  g_autofree char *stored
      = rectify_store_get_setting (self->store, setting->key, setting->fallback);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (stored, text) == 0)
    {
      set_error (GTK_WIDGET (setting->row), setting->error_label, NULL);
      return TRUE;
    }
  if (!rectify_store_set_setting (self->store, setting->key, text, &error))
    {
      set_error (GTK_WIDGET (setting->row), setting->error_label, error);
      return FALSE;
    }
  set_error (GTK_WIDGET (setting->row), setting->error_label, NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_ ("Saved")));
  return TRUE;
}

static void
on_row_apply_cb (AdwEntryRow *row, RectifyPreferencesWindow *self)
{
  for (guint i = 0; i < N_TEXT_SETTINGS; i++)
    if (self->settings[i].row == row)
      save_text (self, &self->settings[i]);
}

static void
on_language_selected_cb (RectifyPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->language_row);
  g_autoptr (GError) error = NULL;

  if (self->loading || position >= G_N_ELEMENTS (languages))
    return;
  if (!rectify_store_set_setting (self->store, "document-language", languages[position], &error))
    set_error (GTK_WIDGET (self->language_row), self->documents_error_label, error);
  else
    set_error (GTK_WIDGET (self->language_row), self->documents_error_label, NULL);
}

/* "Uses 仿宋_GB2312": what the documents are set in now. */
static void
show_font_in_use (RectifyPreferencesWindow *self, FontSetting *font)
{
  g_autofree char *chosen = rectify_store_get_setting (self->store, font->key, NULL);
  g_autofree char *uses = NULL;

  uses = g_strdup_printf (_ ("Uses %s"), rectify_pdf_font_resolve (font->role, chosen));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (font->row), uses);
}

static void
on_font_selected_cb (AdwComboRow *row, GParamSpec *pspec, RectifyPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (row);
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  for (guint i = 0; i < N_FONT_SETTINGS; i++)
    {
      FontSetting *font = &self->fonts[i];
      const char *family;

      if (font->row != row || position == GTK_INVALID_LIST_POSITION)
        continue;
      family = position == 0 ? "" : g_ptr_array_index (font->families, position - 1);
      if (!rectify_store_set_setting (self->store, font->key, family, &error))
        set_error (GTK_WIDGET (row), self->fonts_error_label, error);
      else
        set_error (GTK_WIDGET (row), self->fonts_error_label, NULL);
      show_font_in_use (self, font);
    }
}

/* Automatic, the installed candidates of the role, and the family chosen
 * before when it is none of them. */
static void
load_font (RectifyPreferencesWindow *self, FontSetting *font)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = rectify_store_get_setting (self->store, font->key, NULL);
  const char *const *candidates = rectify_pdf_font_candidates (font->role);
  guint selected = 0;

  g_ptr_array_set_size (font->families, 0);
  gtk_string_list_append (names, _ ("Automatic"));
  for (guint i = 0; candidates[i]; i++)
    if (rectify_pdf_font_installed (candidates[i]))
      {
        gboolean seen = FALSE;
        for (guint k = 0; k < font->families->len; k++)
          seen = seen || g_str_equal (g_ptr_array_index (font->families, k), candidates[i]);
        if (!seen)
          g_ptr_array_add (font->families, g_strdup (candidates[i]));
      }
  if (chosen && *chosen)
    {
      for (guint k = 0; k < font->families->len; k++)
        if (g_str_equal (g_ptr_array_index (font->families, k), chosen))
          selected = k + 1;
      if (selected == 0)
        {
          g_ptr_array_add (font->families, g_strdup (chosen));
          selected = font->families->len;
        }
    }
  for (guint k = 0; k < font->families->len; k++)
    gtk_string_list_append (names, g_ptr_array_index (font->families, k));
  adw_combo_row_set_model (font->row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (font->row, selected);
  show_font_in_use (self, font);
}

static void
load (RectifyPreferencesWindow *self)
{
  g_autofree char *language = NULL;

  self->loading = TRUE;
  for (guint i = 0; i < N_TEXT_SETTINGS; i++)
    {
      g_autofree char *value = rectify_store_get_setting (self->store, self->settings[i].key,
                                                          self->settings[i].fallback);

      gtk_editable_set_text (GTK_EDITABLE (self->settings[i].row), value);
    }
  language = rectify_store_get_setting (self->store, "document-language", "zh_CN");
  adw_combo_row_set_selected (self->language_row, g_str_equal (language, "en") ? 1 : 0);
  for (guint i = 0; i < N_FONT_SETTINGS; i++)
    load_font (self, &self->fonts[i]);
  self->loading = FALSE;
}

/* Texts typed but not applied are saved on closing; a refused one keeps
 * the window open with its message. */
static gboolean
rectify_preferences_window_close_request (GtkWindow *window)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (window);

  if (self->can_edit)
    for (guint i = 0; i < N_TEXT_SETTINGS; i++)
      if (!save_text (self, &self->settings[i]))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->settings[i].row));
          return TRUE;
        }
  return GTK_WINDOW_CLASS (rectify_preferences_window_parent_class)->close_request (window);
}

static void
rectify_preferences_window_constructed (GObject *object)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rectify_preferences_window_parent_class)->constructed (object);

  g_assert (RECTIFY_IS_STORE (self->store));
  load (self);
  for (guint i = 0; i < N_TEXT_SETTINGS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->settings[i].row), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), self->can_edit);
  for (guint i = 0; i < N_FONT_SETTINGS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->fonts[i].row), self->can_edit);
}

static void
rectify_preferences_window_dispose (GObject *object)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_FONT_SETTINGS; i++)
    g_clear_pointer (&self->fonts[i].families, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_preferences_window_parent_class)->dispose (object);
}

static void
rectify_preferences_window_get_property (GObject *object,
                                         guint prop_id,
                                         GValue *value,
                                         GParamSpec *pspec)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

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
rectify_preferences_window_set_property (GObject *object,
                                         guint prop_id,
                                         const GValue *value,
                                         GParamSpec *pspec)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAN_EDIT:
      self->can_edit = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_preferences_window_class_init (RectifyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rectify_preferences_window_constructed;
  object_class->dispose = rectify_preferences_window_dispose;
  object_class->get_property = rectify_preferences_window_get_property;
  object_class->set_property = rectify_preferences_window_set_property;
  window_class->close_request = rectify_preferences_window_close_request;

  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, RECTIFY_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_EDIT]
      = g_param_spec_boolean ("can-edit", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/rectify/Rectify/ui/rectify-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, bureau_name_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, district_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, bureau_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        instruction_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, opinion_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, signatory_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        documents_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        provision_instruction_zh_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        provision_stop_zh_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        provision_instruction_en_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        provision_stop_en_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow,
                                        provisions_error_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, body_font_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, title_font_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, heading_font_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, fonts_error_label);
}

static void
rectify_preferences_window_init (RectifyPreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->can_edit = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings[SETTING_BUREAU_NAME]
      = (TextSetting){ "bureau-name", "", self->bureau_name_row, self->bureau_error_label };
  self->settings[SETTING_DISTRICT]
      = (TextSetting){ "bureau-district", "", self->district_row, self->bureau_error_label };
  self->settings[SETTING_INSTRUCTION_PREFIX]
      = (TextSetting){ "number-prefix-instruction", "X市监特指", self->instruction_prefix_row,
                       self->documents_error_label };
  self->settings[SETTING_OPINION_PREFIX]
      = (TextSetting){ "number-prefix-opinion", "X市监特整", self->opinion_prefix_row,
                       self->documents_error_label };
  self->settings[SETTING_SIGNATORY]
      = (TextSetting){ "signatory", "", self->signatory_row, self->documents_error_label };
  self->settings[SETTING_CONTACT]
      = (TextSetting){ "bureau-contact", "", self->contact_row, self->bureau_error_label };
  {
    static const struct
    {
      int setting;
      RectifyPdfProvision provision;
      RectifyPdfLanguage language;
    } provisions[] = {
      { SETTING_PROVISION_INSTRUCTION_ZH, RECTIFY_PDF_PROVISION_INSTRUCTION,
        RECTIFY_PDF_LANGUAGE_ZH_CN },
      { SETTING_PROVISION_STOP_ZH, RECTIFY_PDF_PROVISION_STOP, RECTIFY_PDF_LANGUAGE_ZH_CN },
      { SETTING_PROVISION_INSTRUCTION_EN, RECTIFY_PDF_PROVISION_INSTRUCTION,
        RECTIFY_PDF_LANGUAGE_EN },
      { SETTING_PROVISION_STOP_EN, RECTIFY_PDF_PROVISION_STOP, RECTIFY_PDF_LANGUAGE_EN },
    };
    AdwEntryRow *rows[] = { self->provision_instruction_zh_row, self->provision_stop_zh_row,
                            self->provision_instruction_en_row, self->provision_stop_en_row };

    /* the keys live as long as the process, like the other settings' literals */
    for (guint i = 0; i < G_N_ELEMENTS (provisions); i++)
      {
        g_autofree char *key
            = rectify_pdf_letter_provision_key (provisions[i].provision, provisions[i].language);
        self->settings[provisions[i].setting]
            = (TextSetting){ g_intern_string (key),
                             rectify_pdf_letter_default_provision (provisions[i].provision,
                                                                   provisions[i].language),
                             rows[i], self->provisions_error_label };
      }
  }
  self->fonts[FONT_BODY]
      = (FontSetting){ "document-body-font", RECTIFY_PDF_FONT_BODY, self->body_font_row,
                       g_ptr_array_new_with_free_func (g_free) };
  self->fonts[FONT_TITLE]
      = (FontSetting){ "document-title-font", RECTIFY_PDF_FONT_TITLE, self->title_font_row,
                       g_ptr_array_new_with_free_func (g_free) };
  self->fonts[FONT_HEADING]
      = (FontSetting){ "document-heading-font", RECTIFY_PDF_FONT_HEADING, self->heading_font_row,
                       g_ptr_array_new_with_free_func (g_free) };

  gtk_string_list_append (names, _ ("Chinese"));
  gtk_string_list_append (names, _ ("English"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));

  for (guint i = 0; i < N_TEXT_SETTINGS; i++)
    g_signal_connect (self->settings[i].row, "apply", G_CALLBACK (on_row_apply_cb), self);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_language_selected_cb), self);
  for (guint i = 0; i < N_FONT_SETTINGS; i++)
    g_signal_connect (self->fonts[i].row, "notify::selected", G_CALLBACK (on_font_selected_cb),
                      self);
}

RectifyPreferencesWindow *
rectify_preferences_window_new (GtkWindow *parent, RectifyStore *store, gboolean can_edit)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);

  return g_object_new (RECTIFY_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "store", store,
                       "can-edit", can_edit, NULL);
}
