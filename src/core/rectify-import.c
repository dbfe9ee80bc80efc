/* rectify-import.c: units, equipment and operators from CSV, all rows or none
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "rectify-csv.h"
#include "rectify-import.h"
#include "rectify-store-bulk.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"

/* Header names seen in bureau and registry spreadsheets, besides the field's
 * key, its English label and the label in the reader's language. */
typedef struct
{
  const char *key;
  const char *context; /* of label, or NULL */
  const char *label;
  const char *aliases; /* '|'-separated */
  gboolean required;
} FieldSpec;

static const FieldSpec unit_fields[]
    = { { "credit_code", NULL, N_ ("Credit code"),
          "统一社会信用代码|社会信用代码|信用代码|unified social credit code|credit code", TRUE },
        { "name", NULL, N_ ("Name"), "单位名称|使用单位|使用单位名称|名称|unit name|unit", TRUE },
        { "address", NULL, N_ ("Address"), "地址|单位地址|详细地址", FALSE },
        { "district", NULL, N_ ("District"), "区县|区域|所在区域|所属区县|辖区", FALSE },
        { "industry", NULL, N_ ("Industry"), "行业|所属行业", FALSE },
        { "crowded", NULL, N_ ("Crowded place"), "人员密集场所|是否人员密集场所|crowded", FALSE },
        { "legal_rep", NULL, N_ ("Legal representative"), "法定代表人|第一责任人|法人代表", FALSE },
        { "safety_manager", NULL, N_ ("Safety manager"), "安全管理人员|安全管理员", FALSE },
        { "phone", NULL, N_ ("Phone"), "电话|联系电话|phone number", FALSE },
        { NULL } };

static const FieldSpec equipment_fields[]
    = { { "unit_code", NULL, N_ ("Unit credit code"),
          "使用单位统一社会信用代码|使用单位信用代码|单位统一社会信用代码|统一社会信用代码|"
          "信用代码|credit code",
          TRUE },
        { "unit_name", NULL, N_ ("Unit"), "使用单位|使用单位名称|单位名称|unit name", FALSE },
        { "category", NULL, N_ ("Category"), "类别|设备类别|设备种类|种类", TRUE },
        { "code", NULL, N_ ("Equipment code"), "设备代码|注册代码|设备注册代码", FALSE },
        { "reg_cert", NULL, N_ ("Registration certificate"),
          "使用登记证|使用登记证编号|使用登记证号|登记证编号|registration certificate number",
          FALSE },
        { "variety", NULL, N_ ("Variety"), "品种|设备品种|型号", FALSE },
        { "location", NULL, N_ ("Location"), "位置|使用地点|设备使用地点|安装地点", FALSE },
        { "status", NULL, N_ ("Status"), "状态|设备状态|使用状态", FALSE },
        { "registered_user", NULL, N_ ("Registered user"), "登记使用单位", FALSE },
        { "quantity", NULL, N_ ("Quantity"), "数量", FALSE },
        { "last_inspection", NULL, N_ ("Last inspection"), "上次检验|上次检验日期|上次定期检验日期",
          FALSE },
        { "next_inspection", NULL, N_ ("Next inspection"), "下次检验|下次检验日期|下次定期检验日期",
          FALSE },
        { "postponed_until", NULL, N_ ("Postponed until"), "延期至|延期检验至", FALSE },
        { NULL } };

static const FieldSpec operator_fields[]
    = { { "unit_code", NULL, N_ ("Unit credit code"),
          "使用单位统一社会信用代码|使用单位信用代码|单位统一社会信用代码|统一社会信用代码|"
          "信用代码|credit code",
          TRUE },
        { "unit_name", NULL, N_ ("Unit"), "使用单位|使用单位名称|单位名称|unit name", FALSE },
        { "name", "person", NC_ ("person", "Name"), "姓名|name", TRUE },
        { "id_number", NULL, N_ ("ID number"), "身份证号码|身份证号|身份证", FALSE },
        { "cert_no", NULL, N_ ("Certificate number"), "证书编号|作业人员证编号|证号", FALSE },
        { "cert_category", NULL, N_ ("Certificate category"), "证书类别|作业项目|作业类别", FALSE },
        { "cert_expiry", NULL, N_ ("Certificate expiry"), "证书有效期至|有效期至|证书有效期",
          FALSE },
        { NULL } };

static const FieldSpec *
specs_for (RectifyImportKind kind)
{
  switch (kind)
    {
    case RECTIFY_IMPORT_UNITS:
      return unit_fields;
    case RECTIFY_IMPORT_EQUIPMENT:
      return equipment_fields;
    case RECTIFY_IMPORT_OPERATORS:
      return operator_fields;
    default:
      g_assert_not_reached ();
    }
}

static const char *
spec_label (const FieldSpec *spec)
{
  return spec->context ? g_dpgettext2 (GETTEXT_PACKAGE, spec->context, spec->label)
                       : _ (spec->label);
}

RectifyImportField *
rectify_import_fields (RectifyImportKind kind)
{
  const FieldSpec *specs = specs_for (kind);
  guint n = 0;
  RectifyImportField *fields;

  while (specs[n].key)
    n++;
  fields = g_new0 (RectifyImportField, n + 1);
  for (guint i = 0; i < n; i++)
    {
      fields[i].key = specs[i].key;
      fields[i].label = spec_label (&specs[i]);
      fields[i].required = specs[i].required;
    }
  return fields;
}

static char *
header_key (const char *header)
{
  g_autofree char *copy = g_strstrip (g_strdup (header ? header : ""));
  gsize n = strlen (copy);

  /* "Name *" and "名称*" mark a required column in many templates */
  while (n > 0 && (copy[n - 1] == '*' || copy[n - 1] == ' '))
    copy[--n] = '\0';
  if (g_str_has_suffix (copy, "＊"))
    copy[n - strlen ("＊")] = '\0';
  return g_utf8_casefold (copy, -1);
}

static gboolean
same_header (const char *key, const char *name)
{
  g_autofree char *other = header_key (name);
  return g_strcmp0 (key, other) == 0;
}

static const FieldSpec *
match_header (const FieldSpec *specs, const char *header)
{
  g_autofree char *key = header_key (header);

  if (*key == '\0')
    return NULL;
  /* keys and labels first: "Credit code" of a unit list beats an alias */
  for (const FieldSpec *s = specs; s->key; s++)
    if (same_header (key, s->key) || same_header (key, s->label)
        || same_header (key, spec_label (s)))
      return s;
  for (const FieldSpec *s = specs; s->key; s++)
    {
      g_auto (GStrv) aliases = g_strsplit (s->aliases, "|", -1);
      for (guint i = 0; aliases[i]; i++)
        if (same_header (key, aliases[i]))
          return s;
    }
  return NULL;
}

/* ---- report ------------------------------------------------------------- */

static void
problem_free (gpointer data)
{
  RectifyImportProblem *p = data;
  g_free (p->field);
  g_free (p->message);
  g_free (p);
}

void
rectify_import_report_free (RectifyImportReport *report)
{
  if (!report)
    return;
  g_free (report->encoding);
  g_clear_pointer (&report->headers, g_ptr_array_unref);
  g_clear_pointer (&report->mapping, g_ptr_array_unref);
  g_clear_pointer (&report->preview, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

char *
rectify_import_problem_to_string (const RectifyImportProblem *problem)
{
  if (problem->column == 0)
    return g_strdup_printf (_ ("Line %" PRIu64 ": %s"), problem->line, problem->message);
  return g_strdup_printf (_ ("Line %" PRIu64 ", column %u: %s"), problem->line, problem->column,
                          problem->message);
}

/* ---- the import ---------------------------------------------------------- */

typedef struct
{
  RectifyStore *store;
  RectifyImportKind kind;
  const RectifyImportOptions *options;
  RectifyImportReport *report;
  const FieldSpec *specs;
  guint n_specs;
  int *column_of;   /* per spec: file column (0-based) or -1 */
  gboolean writing; /* a real run: rows go to the database while there is no problem */
  GHashTable *seen; /* code -> line (GUINT_TO_POINTER) */
  GStringChunk *codes;
  GHashTable *operator_keys; /* existing operators: key -> id */
  GHashTable *unit_ids;      /* credit code -> unit id, read once */
  gboolean table_empty;      /* nothing to find existing records in */
  char *last_unit_code;
  gint64 last_unit_id;
  gint64 first_added;
  gint64 last_added;
  guint64 line;
  char **row;
  guint n_row;
} Import;

static void
add_problem (Import *im, guint64 line, int spec_index, guint column, const char *message)
{
  RectifyImportReport *r = im->report;

  r->n_problems++;
  if (r->problems->len >= RECTIFY_IMPORT_MAX_PROBLEMS)
    return;
  {
    RectifyImportProblem *p = g_new0 (RectifyImportProblem, 1);
    p->line = line;
    p->column = column;
    if (spec_index >= 0)
      {
        p->field = g_strdup (spec_label (&im->specs[spec_index]));
        if (column == 0 && im->column_of[spec_index] >= 0)
          p->column = (guint)im->column_of[spec_index] + 1;
      }
    p->message = g_strdup (message);
    g_ptr_array_add (r->problems, p);
  }
}

static int
spec_index (Import *im, const char *key)
{
  for (guint i = 0; i < im->n_specs; i++)
    if (g_str_equal (im->specs[i].key, key))
      return (int)i;
  g_assert_not_reached ();
}

/* The value of a field in the current row, trimmed, with a formula's
 * neutralizing apostrophe (as our export writes it) taken off; "" when the
 * file has no such column. */
static const char *
value (Import *im, const char *key)
{
  int col = im->column_of[spec_index (im, key)];
  char *text;

  if (col < 0 || (guint)col >= im->n_row)
    return "";
  text = im->row[col];
  if (text[0] == '\'' && rectify_csv_needs_neutralizing (text + 1))
    text++;
  return text;
}

/* A field's problem in the current row, at the field's column. */
static void
row_problem (Import *im, const char *key, const char *message)
{
  add_problem (im, im->line, spec_index (im, key), 0, message);
}

/* A message of the core's validators, placed at the field it names. */
static void
row_error (Import *im, const GError *error, const char *fallback_key)
{
  for (guint i = 0; i < im->n_specs; i++)
    if (im->column_of[i] >= 0
        && rectify_message_names_field (error->message, spec_label (&im->specs[i])))
      {
        add_problem (im, im->line, (int)i, 0, error->message);
        return;
      }
  row_problem (im, fallback_key, error->message);
}

/* "2026/5/3", "2026.5.3" and "2026-5-3" as spreadsheets write dates:
 * YYYY-MM-DD, else the text as it is (the validator names it). */
static char *
normalize_date (const char *text)
{
  unsigned y, m, d;
  char s1, s2;
  int n = 0;

  if (*text == '\0')
    return NULL;
  if (sscanf (text, "%4u%c%2u%c%2u%n", &y, &s1, &m, &s2, &d, &n) == 5 && text[n] == '\0' && s1 == s2
      && (s1 == '-' || s1 == '/' || s1 == '.'))
    return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  return g_strdup (text);
}

static gboolean
parse_yes_no (const char *text, gboolean *out)
{
  static const char *const yes[] = { "1", "yes", "y", "true", "是", "√", "✓", NULL };
  static const char *const no[] = { "", "0", "no", "n", "false", "否", NULL };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *yes_here = g_utf8_casefold (_ ("Yes"), -1);
  g_autofree char *no_here = g_utf8_casefold (_ ("No"), -1);

  if (g_strv_contains (yes, folded) || g_str_equal (folded, yes_here))
    return (*out = TRUE), TRUE;
  if (g_strv_contains (no, folded) || g_str_equal (folded, no_here))
    return (*out = FALSE), TRUE;
  return FALSE;
}

/* A code, an enum code or a label (English or translated). */
static gboolean
parse_enum (const char *text,
            const char *const *codes,
            const char *(*to_label) (int),
            gboolean (*from_code) (const char *, int *),
            int *out)
{
  if (from_code (text, out))
    return TRUE;
  for (guint i = 0; codes[i]; i++)
    {
      int v;
      if (from_code (codes[i], &v)
          && (g_ascii_strcasecmp (text, to_label (v)) == 0
              || g_strcmp0 (text, _ (to_label (v))) == 0))
        return (*out = v), TRUE;
    }
  return FALSE;
}

/* The names registries write in Chinese, whatever the reader's language. */
static const struct
{
  const char *name;
  const char *code;
} chinese_names[] = {
  { "锅炉", "1000" },
  { "压力容器", "2000" },
  { "气瓶", "2300" },
  { "电梯", "3000" },
  { "起重机械", "4000" },
  { "场(厂)内专用机动车辆", "5000" },
  { "场（厂）内专用机动车辆", "5000" },
  { "场内专用机动车辆", "5000" },
  { "厂内专用机动车辆", "5000" },
  { "大型游乐设施", "6000" },
  { "压力管道", "8000" },
  { "客运索道", "9000" },
  { "未投入使用", "not_in_use" },
  { "在用", "in_use" },
  { "使用中", "in_use" },
  { "停用", "stopped" },
  { "报废", "scrapped" },
  { "拆除", "dismantled" },
  { "已拆除", "dismantled" },
  { "迁出", "moved_out" },
  { "已迁出", "moved_out" },
};

static gboolean
parse_enum_or_chinese (const char *text,
                       const char *const *codes,
                       const char *(*to_label) (int),
                       gboolean (*from_code) (const char *, int *),
                       int *out)
{
  if (parse_enum (text, codes, to_label, from_code, out))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (chinese_names); i++)
    if (g_str_equal (text, chinese_names[i].name) && from_code (chinese_names[i].code, out))
      return TRUE;
  return FALSE;
}

static const char *
category_label (int v)
{
  return rectify_category_to_label (v);
}
static gboolean
category_code (const char *c, int *v)
{
  RectifyCategory x;
  gboolean ok = rectify_category_from_code (c, &x);
  *v = x;
  return ok;
}
static const char *
status_label (int v)
{
  return rectify_equipment_status_to_label (v);
}
static gboolean
status_code (const char *c, int *v)
{
  RectifyEquipmentStatus x;
  gboolean ok = rectify_equipment_status_from_code (c, &x);
  *v = x;
  return ok;
}

/* Counts a valid row as skipped, updated or added (existing: the id of the
 * record it matches, 0 for none); TRUE when it is to be written now. */
static gboolean
count_row (Import *im, gint64 existing)
{
  if (existing > 0 && !im->options->update)
    {
      im->report->skipped++;
      return FALSE;
    }
  if (existing > 0)
    im->report->updated++;
  else
    im->report->added++;
  return im->writing && im->report->n_problems == 0;
}

/* A code seen before in the file is a problem; returns FALSE then. */
static gboolean
check_duplicate (Import *im, const char *key, const char *code)
{
  gpointer line;

  if (g_hash_table_lookup_extended (im->seen, code, NULL, &line))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("%s: “%s” is also on line %" PRIu64 " of the file"),
          spec_label (&im->specs[spec_index (im, key)]), code, (guint64)GPOINTER_TO_SIZE (line));
      row_problem (im, key, message);
      return FALSE;
    }
  g_hash_table_insert (im->seen, g_string_chunk_insert (im->codes, code),
                       GSIZE_TO_POINTER ((gsize)im->line));
  return TRUE;
}

/* The unit a row names by credit code; 0 with a problem when there is none. */
static gint64
row_unit (Import *im, GError **error)
{
  const char *text = value (im, "unit_code");
  g_autofree char *code = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 id;

  if (*text == '\0')
    {
      g_autofree char *message = g_strdup_printf (_ ("%s: required"), _ ("Unit credit code"));
      row_problem (im, "unit_code", message);
      return 0;
    }
  code = g_ascii_strup (text, -1);
  if (g_strcmp0 (code, im->last_unit_code) == 0)
    return im->last_unit_id;
  if (im->unit_ids)
    id = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (im->unit_ids, code));
  else
    id = RECTIFY_STORE_OPS (im->store, bulk)->find_unit (im->store, code, error);
  if (id < 0)
    return -1;
  if (id == 0)
    {
      g_autofree char *message = NULL;
      if (!rectify_validate_credit_code (code, NULL, &local_error))
        message = g_strdup_printf ("%s: %s", _ ("Unit credit code"),
                                   strchr (local_error->message, ':')
                                       ? strchr (local_error->message, ':') + 2
                                       : local_error->message);
      else
        message = g_strdup_printf (
            _ ("Unit credit code: no unit has the credit code “%s”; import the units first"), code);
      row_problem (im, "unit_code", message);
      return 0;
    }
  g_free (im->last_unit_code);
  im->last_unit_code = g_steal_pointer (&code);
  im->last_unit_id = id;
  return id;
}

static gboolean
audit_update (Import *im, const char *table, gint64 id, const char *before, GError **error)
{
  g_autofree char *after = rectify_store_row_json (im->store, table, id);
  return rectify_store_audit (im->store, table, id, "update", before, after, error);
}

static void
note_added (Import *im, gint64 id)
{
  if (im->first_added == 0)
    im->first_added = id;
  im->last_added = id;
}

/* Each row function returns FALSE only when the database fails. */

static gboolean
import_unit_row (Import *im, GError **error)
{
  RectifyUnit u = { 0 };
  g_autofree char *code = NULL;
  g_autoptr (GError) invalid = NULL;
  const char *crowded = value (im, "crowded");
  gint64 existing;

  u.credit_code = (char *)value (im, "credit_code");
  u.name = (char *)value (im, "name");
  u.address = (char *)value (im, "address");
  u.district = (char *)value (im, "district");
  u.industry = (char *)value (im, "industry");
  u.legal_rep = (char *)value (im, "legal_rep");
  u.safety_manager = (char *)value (im, "safety_manager");
  u.phone = (char *)value (im, "phone");
  if (!parse_yes_no (crowded, &u.crowded))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("Crowded place: “%s” is neither yes nor no (是/否)"), crowded);
      row_problem (im, "crowded", message);
      return TRUE;
    }
  if (!rectify_unit_validate (&u, &code, &invalid))
    {
      row_error (im, invalid, "name");
      return TRUE;
    }
  if (!check_duplicate (im, "credit_code", code))
    return TRUE;
  existing = im->table_empty
                 ? 0
                 : RECTIFY_STORE_OPS (im->store, bulk)->find_unit (im->store, code, error);
  if (existing < 0)
    return FALSE;
  if (!count_row (im, existing))
    return TRUE;

  {
    g_autofree char *before
        = existing > 0 ? rectify_store_row_json (im->store, "unit", existing) : NULL;
    g_autofree char *name = g_strstrip (g_strdup (u.name));
    gint64 id;

    u.credit_code = code;
    u.name = name;
    id = RECTIFY_STORE_OPS (im->store, bulk)->write_unit (im->store, &u, existing, error);
    if (id == 0)
      return FALSE;
    if (existing > 0)
      return audit_update (im, "unit", existing, before, error);
    note_added (im, id);
  }
  return TRUE;
}

static gboolean
import_equipment_row (Import *im, GError **error)
{
  RectifyEquipment e = { 0 };
  g_autofree char *last = normalize_date (value (im, "last_inspection"));
  g_autofree char *next = normalize_date (value (im, "next_inspection"));
  g_autofree char *postponed = normalize_date (value (im, "postponed_until"));
  g_autoptr (GError) invalid = NULL;
  const char *category = value (im, "category");
  const char *status = value (im, "status");
  const char *quantity = value (im, "quantity");
  int v;
  gint64 existing = 0;
  guint64 n_before = im->report->n_problems;

  e.unit_id = row_unit (im, error);
  if (e.unit_id < 0)
    return FALSE;
  if (*category == '\0')
    {
      g_autofree char *message = g_strdup_printf (_ ("%s: required"), _ ("Category"));
      row_problem (im, "category", message);
    }
  else if (!parse_enum_or_chinese (category, rectify_category_codes (), category_label,
                                   category_code, &v))
    {
      g_autofree char *codes = rectify_codes_joined (rectify_category_codes ());
      g_autofree char *message = g_strdup_printf (
          _ ("Category: “%s” is not a catalogue code or name; use %s"), category, codes);
      row_problem (im, "category", message);
    }
  else
    e.category = v;
  e.status = RECTIFY_EQUIPMENT_IN_USE;
  if (*status
      && parse_enum_or_chinese (status, rectify_equipment_status_codes (), status_label,
                                status_code, &v))
    e.status = v;
  else if (*status)
    {
      g_autofree char *codes = rectify_codes_joined (rectify_equipment_status_codes ());
      g_autofree char *message
          = g_strdup_printf (_ ("Status: “%s” is not a status; use %s"), status, codes);
      row_problem (im, "status", message);
    }
  e.quantity = 1;
  if (*quantity)
    {
      gint64 n;
      if (!g_ascii_string_to_signed (quantity, 10, 1, G_MAXINT32, &n, NULL))
        {
          g_autofree char *message = g_strdup_printf (
              _ ("Quantity: “%s” is not a whole number of at least 1"), quantity);
          row_problem (im, "quantity", message);
        }
      else
        e.quantity = (int)n;
    }
  if (im->report->n_problems > n_before)
    return TRUE;

  e.code = (char *)value (im, "code");
  e.reg_cert = (char *)value (im, "reg_cert");
  e.variety = (char *)value (im, "variety");
  e.location = (char *)value (im, "location");
  e.registered_user = (char *)value (im, "registered_user");
  e.last_inspection = last;
  e.next_inspection = next;
  e.postponed_until = postponed;
  if (!rectify_equipment_validate_fields (&e, &invalid))
    {
      row_error (im, invalid, "code");
      return TRUE;
    }
  if (*e.code)
    {
      if (!check_duplicate (im, "code", e.code))
        return TRUE;
      existing
          = im->table_empty
                ? 0
                : RECTIFY_STORE_OPS (im->store, bulk)->find_equipment (im->store, e.code, error);
      if (existing < 0)
        return FALSE;
    }
  if (!count_row (im, existing))
    return TRUE;

  {
    g_autofree char *before
        = existing > 0 ? rectify_store_row_json (im->store, "equipment", existing) : NULL;
    gint64 id
        = RECTIFY_STORE_OPS (im->store, bulk)->write_equipment (im->store, &e, existing, error);

    if (id == 0)
      return FALSE;
    if (existing > 0)
      return audit_update (im, "equipment", existing, before, error);
    note_added (im, id);
  }
  return TRUE;
}

static char *
operator_key (const char *cert_no, const char *id_number)
{
  if (cert_no && *cert_no)
    return g_strconcat ("c:", cert_no, NULL);
  if (id_number && *id_number)
    return g_strconcat ("i:", id_number, NULL);
  return NULL;
}

static void
add_operator_key (gint64 id, const char *cert_no, const char *id_number, gpointer user_data)
{
  Import *im = user_data;
  char *key = operator_key (cert_no, id_number);

  if (key)
    g_hash_table_insert (im->operator_keys, key, GSIZE_TO_POINTER ((gsize)id));
}

static gboolean
load_operator_keys (Import *im, GError **error)
{
  im->operator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return RECTIFY_STORE_OPS (im->store, bulk)
      ->each_operator (im->store, add_operator_key, im, error);
}

/* Every unit's credit code, so that rows find their unit without a query:
 * a city has some 50 000 units. */
static gboolean
load_unit_ids (Import *im, GError **error)
{
  im->unit_ids = RECTIFY_STORE_OPS (im->store, bulk)->unit_ids (im->store, error);
  return im->unit_ids != NULL;
}

static gboolean
import_operator_row (Import *im, GError **error)
{
  RectifyOperator op = { 0 };
  g_autofree char *expiry = normalize_date (value (im, "cert_expiry"));
  g_autofree char *id_number = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GError) invalid = NULL;
  gint64 existing = 0;

  op.unit_id = row_unit (im, error);
  if (op.unit_id < 0)
    return FALSE;
  if (op.unit_id == 0)
    return TRUE;
  op.name = (char *)value (im, "name");
  op.id_number = (char *)value (im, "id_number");
  op.cert_no = (char *)value (im, "cert_no");
  op.cert_category = (char *)value (im, "cert_category");
  op.cert_expiry = expiry;
  if (!rectify_operator_validate_fields (&op, &id_number, &invalid))
    {
      row_error (im, invalid, "name");
      return TRUE;
    }
  key = operator_key (op.cert_no, id_number);
  if (key)
    {
      if (!check_duplicate (im, *op.cert_no ? "cert_no" : "id_number", key + 2))
        return TRUE;
      existing = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (im->operator_keys, key));
    }
  if (!count_row (im, existing))
    return TRUE;

  {
    g_autofree char *before
        = existing > 0 ? rectify_store_row_json (im->store, "operator", existing) : NULL;
    g_autofree char *name = g_strstrip (g_strdup (op.name));
    gint64 id;

    op.name = name;
    op.id_number = id_number;
    id = RECTIFY_STORE_OPS (im->store, bulk)->write_operator (im->store, &op, existing, error);
    if (id == 0)
      return FALSE;
    if (existing > 0)
      return audit_update (im, "operator", existing, before, error);
    note_added (im, id);
  }
  return TRUE;
}

/* The header line: each column's field, by name or by the mapping. */
static void
map_columns (Import *im, char **fields, guint n_fields)
{
  RectifyImportReport *r = im->report;

  for (guint c = 0; c < n_fields; c++)
    {
      const FieldSpec *spec = NULL;
      gboolean mapped = FALSE;
      g_autofree char *key = header_key (fields[c]);

      g_ptr_array_add (r->headers, g_strdup (fields[c]));
      for (guint m = 0; im->options->mapping && im->options->mapping[m]; m++)
        {
          const char *eq = strrchr (im->options->mapping[m], '=');
          g_autofree char *header = NULL;
          g_autofree char *hkey = NULL;

          if (!eq)
            continue;
          header = g_strndup (im->options->mapping[m], eq - im->options->mapping[m]);
          hkey = header_key (header);
          if (!g_str_equal (hkey, key))
            continue;
          mapped = TRUE;
          spec = *(eq + 1) ? match_header (im->specs, eq + 1) : NULL;
          if (*(eq + 1) && !spec)
            {
              g_autofree char *message
                  = g_strdup_printf (_ ("Mapping: “%s” is not a field of this list"), eq + 1);
              add_problem (im, 1, -1, c + 1, message);
            }
        }
      if (!mapped)
        spec = match_header (im->specs, fields[c]);
      if (spec)
        {
          int i = (int)(spec - im->specs);
          if (im->column_of[i] >= 0)
            {
              g_autofree char *message
                  = g_strdup_printf (_ ("%s: column %d already holds this field; map one of them "
                                        "to another field or leave it out"),
                                     spec_label (spec), im->column_of[i] + 1);
              add_problem (im, 1, -1, c + 1, message);
              spec = NULL;
            }
          else
            im->column_of[i] = (int)c;
        }
      g_ptr_array_add (r->mapping, g_strdup (spec ? spec->key : ""));
    }
  for (guint i = 0; i < im->n_specs; i++)
    if (im->specs[i].required && im->column_of[i] < 0)
      {
        g_autofree char *message
            = g_strdup_printf (_ ("%s: the file has no column for this required field; name a "
                                  "column “%s” or map one to it"),
                               spec_label (&im->specs[i]), spec_label (&im->specs[i]));
        add_problem (im, 1, (int)i, 0, message);
      }
}

static gboolean
import_rows (
    Import *im, RectifyCsvReader *reader, guint64 size, GCancellable *cancellable, GError **error)
{
  RectifyImportReport *r = im->report;
  const RectifyImportOptions *o = im->options;
  g_autoptr (GError) csv_error = NULL;
  gboolean have_header = FALSE;
  gboolean skip_rows = FALSE;
  char **fields;
  guint n_fields;
  guint64 line;

  while (rectify_csv_reader_next (reader, &fields, &n_fields, &line, cancellable, &csv_error))
    {
      if (!have_header)
        {
          have_header = TRUE;
          r->encoding = g_strdup (rectify_csv_reader_get_encoding (reader));
          r->separator = rectify_csv_reader_get_separator (reader);
          map_columns (im, fields, n_fields);
          /* rows cannot be checked without their columns, but the file is
           * still read to the end for what else is wrong with it */
          skip_rows = r->n_problems > 0;
          continue;
        }
      r->rows++;
      if (skip_rows)
        {
          if ((r->rows & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          continue;
        }
      im->line = line;
      im->row = fields;
      im->n_row = n_fields;
      for (guint i = 0; i < n_fields; i++)
        g_strstrip (fields[i]);
      if (r->preview->len < RECTIFY_IMPORT_PREVIEW_ROWS)
        g_ptr_array_add (r->preview, g_strdupv (fields));
      /* spreadsheets pad rows with empty cells; text beyond the header is a problem */
      while (n_fields > r->headers->len && *fields[n_fields - 1] == '\0')
        n_fields--;
      im->n_row = n_fields;
      if (n_fields > r->headers->len)
        {
          g_autofree char *message = g_strdup_printf (_ ("the row has %u columns, the header %u"),
                                                      n_fields, r->headers->len);
          add_problem (im, line, -1, r->headers->len + 1, message);
          continue;
        }
      switch (im->kind)
        {
        case RECTIFY_IMPORT_UNITS:
          if (!import_unit_row (im, error))
            return FALSE;
          break;
        case RECTIFY_IMPORT_EQUIPMENT:
          if (!import_equipment_row (im, error))
            return FALSE;
          break;
        case RECTIFY_IMPORT_OPERATORS:
          if (!import_operator_row (im, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
      if ((r->rows & 4095) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (o->progress)
            o->progress (rectify_csv_reader_get_position (reader), size, r->rows, o->progress_data);
        }
    }
  if (csv_error)
    {
      guint64 err_line;
      guint err_column;

      if (csv_error->domain != RECTIFY_ERROR || csv_error->code != RECTIFY_ERROR_INVALID)
        {
          g_propagate_error (error, g_steal_pointer (&csv_error));
          return FALSE;
        }
      rectify_csv_reader_get_error_place (reader, &err_line, &err_column);
      /* the reader's message already says where; keep what it says */
      {
        const char *what = strstr (csv_error->message, ": ");
        add_problem (im, err_line, -1, err_column, what ? what + 2 : csv_error->message);
      }
    }
  else if (!have_header)
    add_problem (im, 1, -1, 0, _ ("the file is empty; the first line must name the columns"));
  if (o->progress)
    o->progress (size, size, r->rows, o->progress_data);
  return TRUE;
}

static const char *const kind_entities[] = { "unit", "equipment", "operator" };

/* A file's rows as the store reckons them, to choose how it keeps its
 * indexes during the import. */
#define BYTES_PER_ROW_ESTIMATE 100

RectifyImportReport *
rectify_import_stream (RectifyStore *store,
                       RectifyImportKind kind,
                       GInputStream *stream,
                       guint64 size,
                       const char *name,
                       const RectifyImportOptions *options,
                       GCancellable *cancellable,
                       GError **error)
{
  static const RectifyImportOptions defaults = { 0 };
  g_autoptr (RectifyImportReport) report = g_new0 (RectifyImportReport, 1);
  g_autoptr (RectifyCsvReader) reader = NULL;
  g_autofree int *column_of = NULL;
  Import im = { 0 };
  const RectifyStoreBulkOps *bulk = RECTIFY_STORE_OPS (store, bulk);
  RectifyBulkLoad *load = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    options = &defaults;
  reader = rectify_csv_reader_new (stream, options->encoding, error);
  if (!reader)
    return NULL;
  if (options->max_field)
    rectify_csv_reader_set_max_field (reader, options->max_field);

  report->kind = kind;
  report->headers = g_ptr_array_new_with_free_func (g_free);
  report->mapping = g_ptr_array_new_with_free_func (g_free);
  report->preview = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  report->problems = g_ptr_array_new_with_free_func (problem_free);

  im.store = store;
  im.kind = kind;
  im.options = options;
  im.report = report;
  im.specs = specs_for (kind);
  while (im.specs[im.n_specs].key)
    im.n_specs++;
  column_of = g_new (int, im.n_specs);
  for (guint i = 0; i < im.n_specs; i++)
    column_of[i] = -1;
  im.column_of = column_of;
  im.writing = !options->dry_run;
  im.seen = g_hash_table_new (g_str_hash, g_str_equal);
  im.codes = g_string_chunk_new (64 * 1024);

  if (im.writing
      && (!rectify_store_check_writer (store, error) || !rectify_store_begin (store, error)))
    {
      g_hash_table_unref (im.seen);
      g_string_chunk_free (im.codes);
      return NULL;
    }
  /* a dry run reads one snapshot of the database */
  if (!im.writing && !rectify_store_begin_read (store, error))
    {
      g_hash_table_unref (im.seen);
      g_string_chunk_free (im.codes);
      return NULL;
    }
  /* a large import touches more pages than the usual cache holds */
  bulk->set_large (store, TRUE);

  ok = bulk->is_empty (store, kind_entities[kind], &im.table_empty, error);
  ok = ok && (kind != RECTIFY_IMPORT_OPERATORS || load_operator_keys (&im, error))
       && (kind == RECTIFY_IMPORT_UNITS || load_unit_ids (&im, error))
       && (!im.writing
           || (load = bulk->defer_import (store, kind_entities[kind], size / BYTES_PER_ROW_ESTIMATE,
                                          im.table_empty, error)))
       && import_rows (&im, reader, size, cancellable, error);
  g_debug ("import: %" PRIu64 " rows checked and written in %.2f s", report->rows,
           (g_get_monotonic_time () - t0) / 1e6);
  if (ok && load)
    ok = bulk->finish (load, error);
  g_clear_pointer (&load, bulk->free);
  g_debug ("import: indexes built at %.2f s", (g_get_monotonic_time () - t0) / 1e6);

  if (ok && im.writing && report->n_problems == 0 && report->added > 0)
    {
      g_autofree char *base = g_path_get_basename (name ? name : "");
      GString *json = g_string_new ("\"file\":");
      g_autofree char *escaped = g_strescape (base, NULL);

      /* the rows added as one entry with the hash over them; those updated have their own */
      g_string_append_printf (json,
                              "\"%s\",\"encoding\":\"%s\",\"rows\":%" PRIu64 ",\"added\":%" PRIu64
                              ",\"updated\":%" PRIu64 ",\"skipped\":%" PRIu64,
                              escaped, report->encoding, report->rows, report->added,
                              report->updated, report->skipped);
      ok = rectify_store_audit_batch (store, kind_entities[kind], im.first_added, im.last_added,
                                      "import", json->str, error);
      g_string_free (json, TRUE);
    }
  if (ok && im.writing && report->n_problems == 0 && report->updated > 0)
    rectify_store_mark_changed (store, kind_entities[kind]);

  /* a cancel that came during the index work still rolls everything back */
  if (ok && im.writing && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (im.writing)
    {
      gboolean commit = ok && report->n_problems == 0;
      if (!rectify_store_end (store, commit, ok ? error : NULL) && commit)
        ok = FALSE;
      report->written = ok && commit;
      g_debug ("import: committed at %.2f s", (g_get_monotonic_time () - t0) / 1e6);
    }
  else
    rectify_store_end (store, FALSE, NULL);

  bulk->set_large (store, FALSE);
  g_hash_table_unref (im.seen);
  g_string_chunk_free (im.codes);
  g_clear_pointer (&im.operator_keys, g_hash_table_unref);
  g_clear_pointer (&im.unit_ids, g_hash_table_unref);
  g_free (im.last_unit_code);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

RectifyImportReport *
rectify_import_file (RectifyStore *store,
                     RectifyImportKind kind,
                     const char *path,
                     const RectifyImportOptions *options,
                     GCancellable *cancellable,
                     GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_IO, _ ("Cannot open %s: %s"), path,
                     local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  return rectify_import_stream (store, kind, G_INPUT_STREAM (stream),
                                info ? (guint64)g_file_info_get_size (info) : 0, path, options,
                                cancellable, error);
}
