/* rectify-pdf-dossier.c: the archive dossier of one unit in a campaign, as PDF/A-1b
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording is the document's, in the language chosen for the archive,
 * whatever the language of the program: it is not translated by gettext.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-pdf-document.h"
#include "rectify-pdf-dossier.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"

#define BLACK 0x000000
#define GREY 0x606060
#define PHOTO_WIDTH RECTIFY_PDF_MM (120)
#define PHOTO_HEIGHT RECTIFY_PDF_MM (90)

typedef struct
{
  const char *lang_tag;
  const char *title;
  const char *subtitle; /* {1} campaign {2} start {3} end */
  const char *sections[6];
  const char *field_value[2];
  const char *unit_fields[9];
  const char *yes, *no, *none;
  const char *equipment_columns[7];
  const char *no_equipment;
  const char *operator_columns[5];
  const char *no_operators;
  const char *licences_as_of; /* {1} date */
  const char *licence_states[3];
  const char *no_inspections;
  const char *inspection_heading; /* {1} ordinal {2} date {3} kind */
  const char *officers;           /* {1} names */
  const char *checked;            /* {1} count {2} codes */
  const char *note;               /* {1} note */
  const char *check_columns[4];
  const char *not_recorded;
  const char *no_hazards;
  const char *hazard_heading; /* {1} ordinal {2} category {3} grade {4} status */
  const char *hazard_fields[10];
  const char *event_columns[4];
  const char *evidence;     /* {1} file {2} sha256 */
  const char *not_embedded; /* {1} file {2} sha256 {3} reason */
  const char *attachment_columns[3];
  const char *no_documents;
  const char *document_columns[5];
  const char *missing_pdf;
  const char *voided; /* {1} void date {2} reason */
  const char *list_sep;
  const char *footer;
  const char *check_items[8];
  const char *check_results[3];
  const char *inspection_kinds[3];
  const char *categories[9];
  const char *equipment_statuses[6];
  const char *grades[2];
  const char *hazard_statuses[4];
  const char *event_kinds[12];
  const char *document_kinds[2];
  const char *document_statuses[2];
} Wording;

static const Wording zh_cn = {
  "zh-CN",
  "特种设备使用单位监督检查档案",
  "{1}（{2}至{3}）",
  { "一、单位基本情况", "二、特种设备", "三、作业人员", "四、检查记录", "五、事故隐患及整改",
    "六、下达的文书" },
  { "项目", "内容" },
  { "统一社会信用代码", "单位名称", "地址", "所在区域", "行业", "人员密集场所",
    "法定代表人（第一责任人）", "安全管理人员", "联系电话" },
  "是",
  "否",
  "无",
  { "设备类别", "设备代码", "使用登记证编号", "设置地点", "状态", "数量", "下次检验日期" },
  "该单位未登记特种设备。",
  { "姓名", "作业人员证编号", "作业项目", "有效期至", "持证状态" },
  "该单位未登记特种设备作业人员。",
  "持证状态截至{1}。",
  { "有效", "已过期", "未记录有效期" },
  "本次行动中未对该单位开展检查。",
  "（{1}）{2} {3}",
  "检查人员：{1}",
  "检查设备{1}台次：{2}",
  "备注：{1}",
  { "序号", "检查项目（三落实、两有证、一检验、一预案）", "结果", "说明" },
  "未记录",
  "本次行动中该单位未发现事故隐患。",
  "隐患{1}：{2}（{3}隐患，{4}）",
  { "发现日期", "涉及设备", "隐患内容", "依据标准", "整改措施", "整改期限", "整改责任人",
    "督办人员", "状态", "销号日期" },
  { "日期", "事项", "人员", "说明及附件" },
  "整改证据：{1}（SHA-256 {2}）",
  "附件 {1}（SHA-256 {2}）未嵌入：{3}",
  { "附件", "类型", "SHA-256" },
  "本次行动中未向该单位下达文书。",
  { "文号", "种类", "日期", "状态", "PDF 的 SHA-256" },
  "未存储 PDF",
  "{1}作废：{2}",
  "、",
  "— {page} —",
  { "安全管理机构落实", "安全管理人员落实", "安全管理制度落实", "设备使用登记证", "作业人员持证",
    "按期定期检验", "应急救援预案", "一年内开展预案演练" },
  { "合格", "不合格", "不适用" },
  { "监督检查", "企业自查", "回头看" },
  { "锅炉", "压力容器", "气瓶", "电梯", "起重机械", "场（厂）内专用机动车辆", "大型游乐设施",
    "压力管道", "客运索道" },
  { "未投入使用", "在用", "停用", "报废", "拆除", "迁出" },
  { "一般", "重大" },
  { "待落实", "整改中", "已整改，待确认", "已销号" },
  { "登记", "五落实", "跟踪监督", "跟踪整改", "跟踪服务", "当场整改", "报告已整改",
    "确认整改并销号", "整改确认未通过", "行政处罚决定", "责令停止使用", "作为重大隐患登记上报" },
  { "特种设备安全监察指令书", "整改意见书" },
  { "已下达", "已作废" },
};

static const Wording en = {
  "en",
  "Inspection Dossier of a Unit Using Special Equipment",
  "{1} ({2} to {3})",
  { "1. The unit", "2. Special equipment", "3. Equipment operators", "4. Inspections",
    "5. Hazards and their rectification", "6. Documents issued" },
  { "Field", "Value" },
  { "Unified social credit code", "Name", "Address", "District", "Industry",
    "Densely populated place", "Legal representative (first person responsible)", "Safety manager",
    "Phone" },
  "Yes",
  "No",
  "None",
  { "Category", "Equipment code", "Registration certificate", "Location", "Status", "Quantity",
    "Next inspection" },
  "The unit has no registered special equipment.",
  { "Name", "Licence number", "Licensed for", "Valid until", "Licence" },
  "The unit has no registered equipment operators.",
  "Licences as of {1}.",
  { "Valid", "Expired", "No expiry recorded" },
  "The unit was not inspected in this campaign.",
  "({1}) {2}, {3}",
  "Officers: {1}",
  "Equipment checked ({1}): {2}",
  "Note: {1}",
  { "No.", "Checklist item (3-2-1-1)", "Result", "Remark" },
  "Not recorded",
  "No hazards were found at the unit in this campaign.",
  "Hazard {1}: {2} ({3}, {4})",
  { "Found on", "Equipment", "Hazard", "Standard", "Measures", "Deadline", "Responsible person",
    "Supervising officer", "Status", "Closed on" },
  { "Date", "Event", "Officer", "Note and attachments" },
  "Evidence: {1} (SHA-256 {2})",
  "Attachment {1} (SHA-256 {2}) not embedded: {3}",
  { "Attachment", "Type", "SHA-256" },
  "No documents were issued to the unit in this campaign.",
  { "Number", "Kind", "Date", "Status", "SHA-256 of the PDF" },
  "No stored PDF",
  "Void on {1}: {2}",
  ", ",
  "Page {page} of {pages}",
  { "Safety management body set up", "Responsible persons appointed",
    "Safety management rules in place", "Equipment use registration", "Operator licences",
    "Periodic inspection on time", "Emergency rescue plan", "Plan drilled within a year" },
  { "Pass", "Fail", "Not applicable" },
  { "Bureau inspection", "Enterprise self-inspection", "Back-check" },
  { "Boiler", "Pressure vessel", "Gas cylinder", "Elevator", "Lifting machinery",
    "In-plant motor vehicle", "Large amusement device", "Pressure piping", "Passenger ropeway" },
  { "Not yet in use", "In use", "Stopped", "Scrapped", "Dismantled", "Moved out" },
  { "general", "major" },
  { "open", "rectifying", "rectified, awaiting confirmation", "closed" },
  { "Registered", "Five implementations set", "Tracking supervision", "Tracking rectification",
    "Tracking service", "Rectified on site", "Rectification reported", "Confirmed and cancelled",
    "Confirmation failed", "Penalty decision", "Order to stop use",
    "Registered and reported as major" },
  { "Supervision instruction letter", "Rectification opinion" },
  { "Issued", "Void" },
};

static const char *const zh_ordinals[]
    = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The template with {1}…{n} replaced by the NULL-terminated arguments. */
static char *
fill (const char *template, ...)
{
  GString *text = g_string_new (template);
  const char *args[10];
  va_list ap;
  int n = 0;

  va_start (ap, template);
  while (n < (int)G_N_ELEMENTS (args) && (args[n] = va_arg (ap, const char *)))
    n++;
  va_end (ap);
  for (int i = n; i >= 1; i--)
    {
      char key[8];
      g_snprintf (key, sizeof key, "{%d}", i);
      g_string_replace (text, key, args[i - 1], 0);
    }
  return g_string_free (text, FALSE);
}

static const char *
label (const char *const *labels, guint n, int value)
{
  return value >= 0 && (guint)value < n ? labels[value] : "";
}

#define LABEL(array, value) label ((array), G_N_ELEMENTS (array), (int)(value))

static const char *
or_none (const char *text, const Wording *w)
{
  return blank (text) ? w->none : text;
}

typedef struct
{
  RectifyStore *store;
  RectifyPdfDocument *doc;
  const Wording *w;
  RectifyPdfLanguage lang;
  GHashTable *officers;  /* id -> name */
  GHashTable *equipment; /* id -> code (or category name) */
  GPtrArray *categories; /* RectifyHazardCategory */
  const char *end;       /* the campaign's last day: licences are read as of it */
  RectifyPdfStyle heading;
  RectifyPdfStyle subheading;
  RectifyPdfStyle body;
  RectifyPdfStyle caption;
  RectifyPdfStyle head_cell;
  RectifyPdfStyle cell;
} Dossier;

static gboolean
para (Dossier *d, const RectifyPdfStyle *style, const char *text, GError **error)
{
  if (blank (text))
    return TRUE;
  return rectify_pdf_document_paragraph (d->doc, style, text, error);
}

static gboolean
heading (Dossier *d, const RectifyPdfStyle *style, const char *text, GError **error)
{
  rectify_pdf_document_keep (d->doc, rectify_pdf_document_measure_paragraph (d->doc, style, text)
                                         + 3 * d->cell.leading);
  return para (d, style, text, error);
}

#define TABLE_SPACE_BEFORE 4
#define TABLE_SPACE_AFTER 8

static RectifyPdfTable
table_of (Dossier *d,
          guint n_columns,
          const double *widths,
          const char *const *header,
          GPtrArray *cells,
          const RectifyPdfAlign *aligns)
{
  RectifyPdfTable t = {
    n_columns,     widths,   header, (const char *const *)cells->pdata, cells->len / n_columns,
    &d->head_cell, &d->cell, aligns
  };
  return t;
}

static gboolean
table (Dossier *d,
       guint n_columns,
       const double *widths,
       const char *const *header,
       GPtrArray *cells,
       const RectifyPdfAlign *aligns,
       GError **error)
{
  RectifyPdfTable t = table_of (d, n_columns, widths, header, cells, aligns);
  gboolean ok;

  rectify_pdf_document_space (d->doc, TABLE_SPACE_BEFORE);
  ok = rectify_pdf_document_table (d->doc, &t, error);
  rectify_pdf_document_space (d->doc, TABLE_SPACE_AFTER);
  return ok;
}

/* A record's heading, its lines and its first table on one page when
 * they fit on one (an inspection with its checklist). */
static void
keep_record (Dossier *d,
             const char *title,
             const char *const *lines,
             guint n_lines,
             const RectifyPdfTable *t)
{
  double height = rectify_pdf_document_measure_paragraph (d->doc, &d->subheading, title)
                  + TABLE_SPACE_BEFORE + rectify_pdf_document_measure_table (d->doc, t);

  for (guint i = 0; i < n_lines; i++)
    if (!blank (lines[i]))
      height += rectify_pdf_document_measure_paragraph (d->doc, &d->body, lines[i]);
  if (height <= rectify_pdf_document_get_text_height (d->doc))
    rectify_pdf_document_keep (d->doc, height);
}

/* A stored date as the document's language writes it. */
static char *
date_text (Dossier *d, const char *iso)
{
  return blank (iso) ? g_strdup ("") : rectify_pdf_format_date (iso, d->lang);
}

static const char *
officer (Dossier *d, gint64 id)
{
  const char *name = id ? g_hash_table_lookup (d->officers, &id) : NULL;
  return name ? name : "";
}

static char *
ordinal (Dossier *d, guint i)
{
  if (d->lang == RECTIFY_PDF_LANGUAGE_ZH_CN && i < G_N_ELEMENTS (zh_ordinals))
    return g_strdup (zh_ordinals[i]);
  return g_strdup_printf ("%u", i + 1);
}

static const char *
category_name (Dossier *d, RectifyCategory category)
{
  for (guint i = 0; i < RECTIFY_N_CATEGORIES; i++)
    if (rectify_categories[i] == category)
      return d->w->categories[i];
  return "";
}

static gboolean
write_unit (Dossier *d, const RectifyUnit *u, GError **error)
{
  static const double widths[] = { 0.34, 0.66 };
  const Wording *w = d->w;
  const char *values[9] = { u->credit_code,
                            u->name,
                            or_none (u->address, w),
                            or_none (u->district, w),
                            or_none (u->industry, w),
                            u->crowded ? w->yes : w->no,
                            or_none (u->legal_rep, w),
                            or_none (u->safety_manager, w),
                            or_none (u->phone, w) };
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_ptr_array_add (cells, (gpointer)w->unit_fields[i]);
      g_ptr_array_add (cells, (gpointer)values[i]);
    }
  return heading (d, &d->heading, w->sections[0], error)
         && table (d, 2, widths, w->field_value, cells, NULL, error);
}

static gboolean
write_equipment (Dossier *d, const RectifyUnit *u, GError **error)
{
  static const double widths[] = { 0.15, 0.22, 0.16, 0.13, 0.09, 0.08, 0.17 };
  static const RectifyPdfAlign aligns[]
      = { RECTIFY_PDF_ALIGN_LEFT,  RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_LEFT,
          RECTIFY_PDF_ALIGN_LEFT,  RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_RIGHT,
          RECTIFY_PDF_ALIGN_CENTER };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  q.unit_id = u->id;
  q.sort = "code";
  if (!(list = rectify_store_list_equipment (d->store, &q, NULL, error))
      || !heading (d, &d->heading, d->w->sections[1], error))
    return FALSE;
  if (list->len == 0)
    return para (d, &d->body, d->w->no_equipment, error);
  for (guint i = 0; i < list->len; i++)
    {
      const RectifyEquipment *e = g_ptr_array_index (list, i);
      gint64 *key = g_new (gint64, 1);

      *key = e->id;
      g_hash_table_insert (d->equipment, key,
                           g_strdup (blank (e->code) ? category_name (d, e->category) : e->code));
      g_ptr_array_add (cells, g_strdup (category_name (d, e->category)));
      g_ptr_array_add (cells, g_strdup (e->code));
      g_ptr_array_add (cells, g_strdup (e->reg_cert));
      g_ptr_array_add (cells, g_strdup (e->location));
      g_ptr_array_add (cells, g_strdup (LABEL (d->w->equipment_statuses, e->status)));
      g_ptr_array_add (cells, g_strdup_printf ("%d", e->quantity));
      g_ptr_array_add (cells, date_text (d, e->next_inspection));
    }
  return table (d, 7, widths, d->w->equipment_columns, cells, aligns, error);
}

static const char *
licence_state (Dossier *d, const RectifyOperator *op)
{
  if (blank (op->cert_expiry))
    return d->w->licence_states[2];
  return g_strcmp0 (op->cert_expiry, d->end) < 0 ? d->w->licence_states[1]
                                                 : d->w->licence_states[0];
}

/* The unit's operators with their licence numbers and whether each
 * licence was still valid on the campaign's last day; no identity card
 * numbers. */
static gboolean
write_operators (Dossier *d, const RectifyUnit *u, GError **error)
{
  static const double widths[] = { 0.16, 0.22, 0.26, 0.18, 0.18 };
  static const RectifyPdfAlign aligns[]
      = { RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_LEFT,
          RECTIFY_PDF_ALIGN_CENTER, RECTIFY_PDF_ALIGN_CENTER };
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *end = NULL;
  g_autofree char *as_of = NULL;

  q.unit_id = u->id;
  q.sort = "name";
  if (!(list = rectify_store_list_operators (d->store, &q, NULL, error))
      || !heading (d, &d->heading, d->w->sections[2], error))
    return FALSE;
  if (list->len == 0)
    return para (d, &d->body, d->w->no_operators, error);
  for (guint i = 0; i < list->len; i++)
    {
      const RectifyOperator *op = g_ptr_array_index (list, i);

      g_ptr_array_add (cells, g_strdup (op->name));
      g_ptr_array_add (cells, g_strdup (or_none (op->cert_no, d->w)));
      g_ptr_array_add (cells, g_strdup (or_none (op->cert_category, d->w)));
      g_ptr_array_add (cells, date_text (d, op->cert_expiry));
      g_ptr_array_add (cells, g_strdup (licence_state (d, op)));
    }
  end = date_text (d, d->end);
  as_of = fill (d->w->licences_as_of, end, NULL);
  if (!table (d, 5, widths, d->w->operator_columns, cells, aligns, error))
    return FALSE;
  rectify_pdf_document_space (d->doc, -TABLE_SPACE_AFTER / 2);
  return para (d, &d->caption, as_of, error);
}

static gboolean
write_inspections (Dossier *d, gint64 campaign_id, const RectifyUnit *u, GError **error)
{
  static const double widths[] = { 0.08, 0.45, 0.17, 0.3 };
  static const RectifyPdfAlign aligns[] = { RECTIFY_PDF_ALIGN_CENTER, RECTIFY_PDF_ALIGN_LEFT,
                                            RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_LEFT };
  const Wording *w = d->w;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;

  q.unit_id = u->id;
  q.campaign_id = campaign_id;
  q.sort = "date";
  if (!(list = rectify_store_list_inspections (d->store, &q, NULL, error))
      || !heading (d, &d->heading, w->sections[3], error))
    return FALSE;
  if (list->len == 0)
    return para (d, &d->body, w->no_inspections, error);
  for (guint i = 0; i < list->len; i++)
    {
      const RectifyInspection *row = g_ptr_array_index (list, i);
      g_autoptr (RectifyInspection) in = rectify_store_get_inspection (d->store, row->id, error);
      g_autoptr (GString) names = g_string_new (NULL);
      g_autoptr (GString) codes = g_string_new (NULL);
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *number = ordinal (d, i);
      g_autofree char *title = NULL;
      g_autofree char *officers = NULL;
      g_autofree char *checked = NULL;
      g_autofree char *note = NULL;
      g_autofree char *count = NULL;
      g_autofree char *date = NULL;
      int quantity = 0;

      if (!in)
        return FALSE;
      date = date_text (d, in->date);
      title
          = fill (w->inspection_heading, number, date, LABEL (w->inspection_kinds, in->kind), NULL);
      for (guint k = 0; in->officer_ids && k < in->officer_ids->len; k++)
        {
          if (names->len)
            g_string_append (names, w->list_sep);
          g_string_append (names, officer (d, g_array_index (in->officer_ids, gint64, k)));
        }
      for (guint k = 0; in->equipment && k < in->equipment->len; k++)
        {
          const RectifyCheckedEquipment *c
              = &g_array_index (in->equipment, RectifyCheckedEquipment, k);
          const char *code = g_hash_table_lookup (d->equipment, &c->equipment_id);
          quantity += c->quantity;
          if (codes->len)
            g_string_append (codes, w->list_sep);
          g_string_append (codes, code ? code : "?");
          if (c->quantity > 1)
            g_string_append_printf (codes, " ×%d", c->quantity);
        }
      officers = fill (w->officers, names->len ? names->str : w->none, NULL);
      count = g_strdup_printf ("%d", quantity);
      checked = fill (w->checked, count, codes->len ? codes->str : w->none, NULL);
      note = blank (in->note) ? NULL : fill (w->note, in->note, NULL);
      for (guint item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
        {
          const RectifyCheck *found = NULL;
          for (guint k = 0; in->checks && k < in->checks->len; k++)
            if (g_array_index (in->checks, RectifyCheck, k).item == item)
              found = &g_array_index (in->checks, RectifyCheck, k);
          g_ptr_array_add (cells, g_strdup_printf ("%u", item + 1));
          g_ptr_array_add (cells, g_strdup (w->check_items[item]));
          g_ptr_array_add (
              cells, g_strdup (found ? LABEL (w->check_results, found->result) : w->not_recorded));
          g_ptr_array_add (cells, g_strdup (found && found->remark ? found->remark : ""));
        }
      {
        const char *lines[] = { officers, checked, note };
        RectifyPdfTable t = table_of (d, 4, widths, w->check_columns, cells, aligns);
        keep_record (d, title, lines, G_N_ELEMENTS (lines), &t);
      }
      if (!heading (d, &d->subheading, title, error) || !para (d, &d->body, officers, error)
          || !para (d, &d->body, checked, error) || !para (d, &d->body, note, error)
          || !table (d, 4, widths, w->check_columns, cells, aligns, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
hazard_category (Dossier *d, const char *code)
{
  for (guint i = 0; d->categories && i < d->categories->len; i++)
    {
      const RectifyHazardCategory *c = g_ptr_array_index (d->categories, i);
      if (g_strcmp0 (c->code, code) == 0)
        return d->lang == RECTIFY_PDF_LANGUAGE_EN ? c->name_en : c->name_zh;
    }
  return code;
}

static gboolean
is_image (const RectifyAttachment *a)
{
  return g_strcmp0 (a->mime, "image/jpeg") == 0 || g_strcmp0 (a->mime, "image/png") == 0;
}

/* Photographs embedded under their caption; what cannot be embedded is
 * listed with its hash, and so is every other attachment. */
static gboolean
write_evidence (Dossier *d, GPtrArray *events, GError **error)
{
  static const double widths[] = { 0.35, 0.17, 0.48 };
  const Wording *w = d->w;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < events->len; i++)
    {
      const RectifyHazardEvent *e = g_ptr_array_index (events, i);
      for (guint k = 0; e->attachments && k < e->attachments->len; k++)
        {
          const RectifyAttachment *listed = g_ptr_array_index (e->attachments, k);
          g_autoptr (RectifyAttachment) a = NULL;
          g_autoptr (GError) local = NULL;
          g_autofree char *caption = NULL;

          if (!is_image (listed))
            {
              g_ptr_array_add (cells, g_strdup (listed->filename));
              g_ptr_array_add (cells, g_strdup (listed->mime));
              g_ptr_array_add (cells, g_strdup (listed->sha256));
              continue;
            }
          if (!(a = rectify_store_get_attachment (d->store, listed->id, error)))
            return FALSE;
          caption = fill (w->evidence, a->filename, a->sha256, NULL);
          rectify_pdf_document_keep (
              d->doc, MIN (PHOTO_HEIGHT, RECTIFY_PDF_MM (40))
                          + rectify_pdf_document_measure_paragraph (d->doc, &d->caption, caption));
          if (a->data
              && rectify_pdf_document_image (d->doc, a->data, PHOTO_WIDTH, PHOTO_HEIGHT, &local)
                     > 0)
            {
              if (!para (d, &d->caption, caption, error))
                return FALSE;
            }
          else
            {
              g_autofree char *text = fill (w->not_embedded, a->filename, a->sha256,
                                            local ? local->message : w->none, NULL);
              if (!para (d, &d->caption, text, error))
                return FALSE;
            }
        }
    }
  if (cells->len > 0)
    return table (d, 3, widths, w->attachment_columns, cells, NULL, error);
  return TRUE;
}

static gboolean
write_hazard (Dossier *d, guint index, const RectifyHazard *h, GError **error)
{
  static const double field_widths[] = { 0.25, 0.75 };
  static const double event_widths[] = { 0.16, 0.28, 0.14, 0.42 };
  const Wording *w = d->w;
  g_autoptr (GPtrArray) events = rectify_store_list_hazard_events (d->store, h->id, error);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) timeline = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *title
      = fill (w->hazard_heading, number, hazard_category (d, h->category),
              LABEL (w->grades, h->grade), LABEL (w->hazard_statuses, h->status), NULL);
  const char *equipment
      = h->equipment_id ? g_hash_table_lookup (d->equipment, &h->equipment_id) : NULL;
  g_autofree char *found = date_text (d, h->found_date);
  g_autofree char *deadline = date_text (d, h->deadline);
  g_autofree char *closed = date_text (d, h->closed_date);
  const char *values[10] = { found,
                             or_none (equipment, w),
                             or_none (h->content, w),
                             or_none (h->standard, w),
                             or_none (h->measures, w),
                             or_none (deadline, w),
                             or_none (h->responsible, w),
                             or_none (officer (d, h->supervisor_id), w),
                             LABEL (w->hazard_statuses, h->status),
                             or_none (closed, w) };

  if (!events)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_ptr_array_add (fields, g_strdup (w->hazard_fields[i]));
      g_ptr_array_add (fields, g_strdup (values[i]));
    }
  for (guint i = 0; i < events->len; i++)
    {
      const RectifyHazardEvent *e = g_ptr_array_index (events, i);
      GString *note = g_string_new (e->note);

      for (guint k = 0; e->attachments && k < e->attachments->len; k++)
        {
          const RectifyAttachment *a = g_ptr_array_index (e->attachments, k);
          if (note->len)
            g_string_append_c (note, '\n');
          g_string_append_printf (note, "[%s]", a->filename);
        }
      g_ptr_array_add (timeline, date_text (d, e->date));
      g_ptr_array_add (timeline, g_strdup (LABEL (w->event_kinds, e->kind)));
      g_ptr_array_add (timeline, g_strdup (e->officer_id ? officer (d, e->officer_id) : ""));
      g_ptr_array_add (timeline, g_string_free (note, FALSE));
    }
  {
    RectifyPdfTable t = table_of (d, 2, field_widths, w->field_value, fields, NULL);
    keep_record (d, title, NULL, 0, &t);
  }
  return heading (d, &d->subheading, title, error)
         && table (d, 2, field_widths, w->field_value, fields, NULL, error)
         && (timeline->len == 0
             || table (d, 4, event_widths, w->event_columns, timeline, NULL, error))
         && write_evidence (d, events, error);
}

static gboolean
write_hazards (Dossier *d, gint64 campaign_id, const RectifyUnit *u, GError **error)
{
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;

  q.unit_id = u->id;
  q.campaign_id = campaign_id;
  q.sort = "found_date";
  if (!(list = rectify_store_list_hazards (d->store, &q, NULL, error))
      || !heading (d, &d->heading, d->w->sections[4], error))
    return FALSE;
  if (list->len == 0)
    return para (d, &d->body, d->w->no_hazards, error);
  for (guint i = 0; i < list->len; i++)
    if (!write_hazard (d, i, g_ptr_array_index (list, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_documents (Dossier *d, gint64 campaign_id, const RectifyUnit *u, GError **error)
{
  static const double widths[] = { 0.22, 0.2, 0.16, 0.1, 0.32 };
  const Wording *w = d->w;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  q.unit_id = u->id;
  q.campaign_id = campaign_id;
  q.sort = "id";
  if (!(list = rectify_store_list_documents (d->store, &q, NULL, error))
      || !heading (d, &d->heading, w->sections[5], error))
    return FALSE;
  if (list->len == 0)
    return para (d, &d->body, w->no_documents, error);
  for (guint i = 0; i < list->len; i++)
    {
      const RectifyDocument *doc = g_ptr_array_index (list, i);
      g_autoptr (GBytes) pdf = NULL;
      g_autoptr (GError) local = NULL;
      char *sha = NULL;

      pdf = rectify_store_get_document_pdf (d->store, doc->id, &sha, &local);
      if (pdf == NULL && !g_error_matches (local, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (cells, g_strdup (doc->number));
      g_ptr_array_add (cells, g_strdup (LABEL (w->document_kinds, doc->kind)));
      g_ptr_array_add (cells, date_text (d, doc->issued_date));
      if (doc->status == RECTIFY_DOCUMENT_VOID)
        {
          /* why and when it was voided, as the register of documents says */
          g_autofree char *day = date_text (d, doc->void_date);
          g_ptr_array_add (cells,
                           fill (w->voided, day, doc->void_reason ? doc->void_reason : "", NULL));
        }
      else
        g_ptr_array_add (cells, g_strdup (LABEL (w->document_statuses, doc->status)));
      g_ptr_array_add (cells, sha ? sha : g_strdup (w->missing_pdf));
    }
  return table (d, 5, widths, w->document_columns, cells, NULL, error);
}

GBytes *
rectify_pdf_dossier_render (RectifyStore *store,
                            gint64 campaign_id,
                            gint64 unit_id,
                            const RectifyPdfDossierOptions *options,
                            GError **error)
{
  g_autoptr (RectifyCampaign) campaign = NULL;
  g_autoptr (RectifyUnit) unit = NULL;
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (RectifyPdfDocument) doc = NULL;
  g_autoptr (GHashTable) officer_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) equipment
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) categories = NULL;
  g_autofree char *bureau = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *start = NULL;
  g_autofree char *last = NULL;
  g_autofree char *header = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;
  RectifyPdfStyle title_style
      = { RECTIFY_PDF_FONT_HEADING, 20, 30, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 4 };
  RectifyPdfStyle name_style
      = { RECTIFY_PDF_FONT_HEADING, 16, 26, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 2 };
  RectifyPdfStyle sub_style
      = { RECTIFY_PDF_FONT_BODY, 12, 20, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, GREY, 0, 10 };
  Dossier d = {
    store,
    NULL,
    NULL,
    0,
    officer_names,
    equipment,
    NULL,
    NULL,
    { RECTIFY_PDF_FONT_HEADING, 15, 28, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 10, 2, TRUE },
    { RECTIFY_PDF_FONT_HEADING, 12.5, 22, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 6, 0, TRUE },
    { RECTIFY_PDF_FONT_BODY, 12, 20, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 0, 2 },
    { RECTIFY_PDF_FONT_BODY, 10, 15, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, GREY, 2, 8 },
    { RECTIFY_PDF_FONT_HEADING, 10, 15, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0 },
    { RECTIFY_PDF_FONT_BODY, 10, 15, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 0, 0 },
  };

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->language != RECTIFY_PDF_LANGUAGE_ZH_CN
      && options->language != RECTIFY_PDF_LANGUAGE_EN)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Document language: choose zh_CN or en"));
      return NULL;
    }
  d.lang = options->language;
  d.w = d.lang == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  if (!(campaign = rectify_store_get_campaign (store, campaign_id, error))
      || !(unit = rectify_store_get_unit (store, unit_id, error))
      || !(officers = rectify_store_list_officers (store, error))
      || !(categories = rectify_store_list_hazard_categories (store, error)))
    return NULL;
  d.categories = categories;
  for (guint i = 0; i < officers->len; i++)
    {
      RectifyOfficer *o = g_ptr_array_index (officers, i);
      g_hash_table_insert (officer_names, &o->id, o->name);
    }

  bureau = options->bureau ? g_strdup (options->bureau)
                           : rectify_store_get_setting (store, "bureau-name", "");
  body_font = rectify_store_get_setting (store, "document-body-font", NULL);
  heading_font = rectify_store_get_setting (store, "document-heading-font", NULL);
  /* A dossier is a record of tables, not a letter: one face, the heading
   * one (Hei), unless the bureau chose faces.  One face subset and embedded
   * instead of two halves the time of each of an archive's many dossiers. */
  doc = rectify_pdf_document_new (!blank (body_font)      ? body_font
                                  : !blank (heading_font) ? heading_font
                                                          : RECTIFY_PDF_HEADING_FONT,
                                  blank (heading_font) ? NULL : heading_font, error);
  if (doc == NULL)
    return NULL;
  d.doc = doc;
  end = rectify_campaign_end_date (campaign);
  d.end = end;
  start = date_text (&d, campaign->start_date);
  last = date_text (&d, end);
  subtitle = fill (d.w->subtitle, campaign->name, start, last, NULL);
  rectify_pdf_document_balance (doc, &title_style, d.w->title);
  header = g_strdup_printf ("%s  %s", unit->name, unit->credit_code);
  rectify_pdf_document_set_metadata (doc, unit->name, blank (bureau) ? NULL : bureau,
                                     campaign->name, unit->credit_code, end, d.w->lang_tag);
  rectify_pdf_document_set_header (doc, header);
  rectify_pdf_document_set_footer (doc, d.w->footer);

  if (!rectify_pdf_document_paragraph (doc, &title_style, d.w->title, error)
      || !rectify_pdf_document_paragraph (doc, &name_style, unit->name, error)
      || !rectify_pdf_document_paragraph (doc, &sub_style, subtitle, error)
      || !para (&d, &sub_style, bureau, error) || !write_unit (&d, unit, error)
      || !write_equipment (&d, unit, error) || !write_operators (&d, unit, error)
      || !write_inspections (&d, campaign_id, unit, error)
      || !write_hazards (&d, campaign_id, unit, error)
      || !write_documents (&d, campaign_id, unit, error))
    return NULL;
  return rectify_pdf_document_finish (doc, error);
}
