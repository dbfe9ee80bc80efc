/* rectify-pdf-summary.c: the campaign work summary, its figures from the data, as PDF/A-1b
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out like the bureau's hand-written hundred-day summary.  The
 * wording is the document's, in the language chosen for the document,
 * whatever the language of the program: it is not translated by gettext.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rectify-pdf-chart.h"
#include "rectify-pdf-document.h"
#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"
#include "rectify-pdf-summary.h"
#include "rectify-summary-facts.h"

#define BLACK 0x000000
#define GREY 0x606060
#define FOUND_COLOR 0xC0392B
#define CLOSED_COLOR 0x2E7D32

typedef struct
{
  const char *lang_tag;
  const char *title;    /* {1} campaign */
  const char *subtitle; /* {1} bureau, {2} as-of date */
  const char *subtitle_no_bureau;
  const char *sections[5];
  const char *subsections[3];
  const char *deployment;    /* {1} campaign, {2} leading group */
  const char *group_head;    /* {1} head */
  const char *group_deputy;  /* {1} deputy */
  const char *group_members; /* {1} members */
  const char *group_none;
  const char *list_sep;
  const char *plan;            /* {1} work plan */
  const char *self_and_bureau; /* {1} self, {2} bureau, {3} back-checks, {4} person-times */
  const char *focus_intro;     /* {1} industries, {2} links, {3} areas */
  const char *none;
  const char *coverage; /* {1} label, {2} units, {3} inspected, {4} share */
  const char *coverage_sep;
  const char *methods;
  const char *process;  /* how hazards are rectified, the seed's 2.3 */
  const char *progress; /* {1} date {2} closed {3} being rectified {4} overdue */
  const char *results;  /* {1} date {2} pt {3} visits {4} units {5} checks {6} found {7} general {8}
                           major {9} letters {10} opinions */
  const char *rate;     /* {1} found {2} closed {3} rate */
  const char *overdue;  /* {1} overdue */
  const char *no_hazards;
  const char *table_intro;
  const char *equipment_columns[3];
  const char *total;
  const char *problems_intro; /* {1} found */
  const char *problem_item;   /* {1} ordinal {2} category {3} count */
  const char *problem_sep;
  const char *problems_end;
  const char *no_problems;
  const char *category_columns[4];
  const char *next_steps;
  const char *chart_weeks;
  const char *chart_coverage;
  const char *chart_cumulative;
  const char *series_found;
  const char *series_closed;
  const char *chart_equipment;
  const char *chart_categories;
  const char *week_label; /* {1} week number */
  const char *footer;
  const char *equipment_names[10]; /* catalogue order, then "no equipment" */
  /* what is still to do, from the records (RectifySummaryFacts) */
  const char *facts_overdue; /* {1} date {2} hazards {3} units {4} the units named */
  const char *unit_count;    /* {1} unit {2} overdue hazards */
  const char *units_more;    /* after the units named when there are more */
  const char *facts_major;   /* {1} major {2} not closed {3} reported */
  const char *facts_stop;    /* {1} stop-use orders */
  const char *facts_back;    /* {1} back-checks to do {2} late */
  const char *next_intro;
  const char *next_overdue; /* {1} hazards {2} the units named */
  const char *next_major;   /* {1} open major hazards */
  const char *next_stop;    /* {1} stop-use orders */
  const char *next_back;    /* {1} back-checks {2} late_part */
  const char *next_late;    /* {1} late */
  const char *sentence_sep;
  const char *sentence_end;
  const char *fingerprint; /* {1} the audit chain's head, "1a2b3c4d · 1234" */
} Wording;

static const Wording zh_cn = {
  "zh-CN",
  "{1}工作总结",
  "{1}（截至{2}）",
  "（截至{2}）",
  { "一、加强领导，精心部署", "二、严格执法检查，排查安全隐患", "三、取得的工作成效",
    "四、检查发现的问题", "五、下一步工作重点" },
  { "（一）企业自查与我局检查相结合", "（二）全面检查与重点监管相结合",
    "（三）隐患排查与治理相结合" },
  "我局高度重视{1}，{2}"
  "，制定了行动实施方案，明确工作重点，细化分工，加强协调，确保各项工作有序推进。",
  "成立了以{1}为组长",
  "、{1}为副组长",
  "，{1}为成员",
  "成立了专项行动领导小组",
  "、",
  "行动方案：{1}",
  "督促各使用单位认真开展自查，企业自查{1}次；我局开展监督检查{2}次、隐患整改“回头看”{3}"
  "次，共出动执法人员{4}人次。",
  "突出重点行业（{1}）、重点环节（{2}）、重点区域（{3}）的安全隐患排查。",
  "无",
  "{1}使用单位{2}家，已检查{3}家，覆盖率{4}",
  "；",
  "",
  "坚持边查边改、以查促改。能立即整改的，督促使用单位立即整改；不能立即整改的，指导监督使用单位制定"
  "整改措施，"
  "落实整改资金，明确整改时限，实行跟踪督办和隐患整改确认销号制度；对逾期未整改或整改不合格的，依法"
  "采取处罚、"
  "责令停止使用等措施，重大问题及时上报。",
  "截至{1}，已整改销号{2}处，正在整改{3}处，其中逾期未整改{4}处。",
  "截至{1}，共出动执法人员{2}人次，检查特种设备使用单位{3}次（{4}家），检查各类特种设备（含气瓶）{"
  "5}台次，"
  "排查出安全隐患{6}处（一般隐患{7}处，重大隐患{8}处），下达安全监察指令书{9}份，提出整改意见书{10}"
  "份。",
  "对排查出的隐患，按照“五落实”要求，实行“三定”“三跟踪”，落实隐患整改确认和销号制度。目前，排查出的"
  "{1}处安全隐患已整改完成{2}处，整改率{3}。",
  "逾期未整改的隐患{1}处，已依法加强督办。",
  "截至统计日，尚未排查出安全隐患。",
  "各类特种设备检查及隐患情况见下表。",
  { "设备类别", "检查台次", "发现隐患（处）" },
  "合计",
  "检查发现的安全隐患共{1}处：",
  "{1}是{2}{3}处",
  "；",
  "。对上述隐患，已当场指导整改或下达监察指令书，责令限期整改。",
  "截至统计日，检查未发现安全隐患。",
  { "序号", "隐患类别", "数量（处）", "占比" },
  "一是切实抓好安全隐患的跟踪整改，对未按期完成整改的加大检查和处罚力度，开展隐患整改“回头看”，巩固"
  "整改成果。"
  "二是继续做好后续相关工作，全面总结、推广好的经验做法，做好检查信息和处理结果的归档。"
  "三是加大法规宣传贯彻力度，落实企业安全主体责任，切实做好“三落实、两有证、一检验、一预案”。"
  "四是继续加强业务学习，规范监督检查行为。五是进一步建立健全特种设备监管长效机制。",
  "每周检查次数",
  "重点行业、重点区域覆盖率",
  "隐患累计发现与整改",
  "累计发现",
  "累计整改",
  "隐患按设备类别",
  "隐患按类别",
  "第{1}周",
  "— {page} —",
  { "锅炉", "压力容器", "气瓶", "电梯", "起重机械", "场（厂）内专用机动车辆", "大型游乐设施",
    "压力管道", "客运索道", "未关联设备" },
  "截至{1}，仍有{2}处隐患逾期未整改，涉及{3}家单位（{4}）",
  "{1}{2}处",
  "等",
  "排查出重大事故隐患{1}处，其中尚未销号{2}处，已向上级报告{3}处",
  "{1}处隐患所涉设备已依法责令停止使用",
  "隐患整改“回头看”尚待开展{1}次，其中已逾期{2}次",
  "根据检查情况，当前首先要抓好以下工作：",
  "对逾期未整改的{1}处隐患逐单位督办，重点是{2}，逾期仍不整改的依法处罚",
  "对尚未销号的{1}处重大事故隐患挂牌督办，及时向上级报告整改进展",
  "跟踪{1}处责令停止使用设备的整改，经检验合格后方可重新投入使用",
  "按期完成{1}次隐患整改“回头看”{2}",
  "（其中{1}次已逾期）",
  "；",
  "。",
  "审计链 {1}",
};

static const Wording en = {
  "en",
  "Work Summary: {1}",
  "{1} (as of {2})",
  "(as of {2})",
  { "1. Leadership and deployment", "2. Inspection and law enforcement", "3. Results",
    "4. Problems found", "5. Next steps" },
  { "2.1 Self-inspection by enterprises and inspection by the bureau",
    "2.2 Comprehensive inspection and key supervision", "2.3 Finding and rectifying hazards" },
  "The bureau gave the {1} great attention: it {2}, drew up the action plan, set the focus of the "
  "work and "
  "divided the tasks, so that the work proceeded in order.",
  "set up a leading group headed by {1}",
  " with {1} as deputy head",
  " and {1} as members",
  "set up a leading group for the campaign",
  ", ",
  "Work plan: {1}",
  "Units were urged to inspect themselves and recorded {1} {1|self-inspection|self-inspections}; "
  "the bureau carried out {2} {2|inspection|inspections} and {3} {3|back-check|back-checks}, "
  "deploying {4} officer {4|person-time|person-times}.",
  "The inspections focused on key industries ({1}), key links ({2}) and key areas ({3}).",
  "none",
  "{1}: {3} of {2} {2|unit|units} inspected ({4})",
  "; ",
  "",
  "Hazards were rectified as they were found. Those that could be corrected at once were corrected "
  "on site; for "
  "the others the unit was guided to set measures, funds and a deadline, and each was tracked "
  "until its "
  "rectification was confirmed and the hazard cancelled. Overdue or failed rectification was "
  "penalised or the "
  "equipment ordered out of use, and major problems were reported.",
  "By {1}, {2} {2|hazard had|hazards had} been rectified and cancelled and {3} {3|was|were} being "
  "rectified, {4} of them overdue.",
  "By {1}, the bureau deployed {2} law-enforcement officer {2|person-time|person-times}, inspected "
  "units using special equipment {3} {3|time|times} ({4} {4|unit|units}), checked special "
  "equipment (gas cylinders included) {5} {5|time|times}, found {6} safety {6|hazard|hazards} ({7} "
  "general, {8} major), issued {9} safety supervision instruction {9|letter|letters} and {10} "
  "rectification {10|opinion|opinions}.",
  "Each hazard was given the five implementations, fixed measures, person and deadline, and "
  "tracked until "
  "its rectification was confirmed and the hazard cancelled. Of the {1} {1|hazard|hazards} found, "
  "{2} {2|has|have} been rectified: a rectification rate of {3}.",
  "Hazards overdue: {1}, now under closer supervision.",
  "No hazards had been found by that day.",
  "Equipment checked and hazards found by equipment category:",
  { "Equipment category", "Checks", "Hazards" },
  "Total",
  "The {1} {1|hazard|hazards} found {1|was|were}: ",
  "{2}, {3}",
  "; ",
  ". Each was corrected on site under guidance or ordered corrected by a deadline in an "
  "instruction letter.",
  "No hazards had been found by that day.",
  { "No.", "Category", "Hazards", "Share" },
  "First, track the rectification of hazards, inspect and penalise those not rectified on time, "
  "and carry out "
  "back-checks to keep the results. Second, review the campaign, spread good practice and archive "
  "the inspection "
  "records and their outcomes. Third, publicise the regulations so that enterprises carry out "
  "their main "
  "responsibility for safety. Fourth, keep training the officers and standardise inspections. "
  "Fifth, build a "
  "lasting mechanism of special equipment supervision.",
  "Inspections per week",
  "Coverage of key industries and areas",
  "Hazards found and rectified, cumulative",
  "Found",
  "Rectified",
  "Hazards by equipment category",
  "Hazards by category",
  "W{1}",
  "Page {page} of {pages}",
  { "Boiler", "Pressure vessel", "Gas cylinder", "Elevator", "Lifting machinery",
    "In-plant motor vehicle", "Large amusement device", "Pressure piping", "Passenger ropeway",
    "No equipment named" },
  "By {1}, {2} {2|hazard was|hazards were} still overdue at {3} {3|unit|units} ({4})",
  "{1}: {2}",
  ", and others",
  "{1} major accident {1|hazard was|hazards were} found, {2} not yet closed and {3} reported to "
  "the "
  "level above",
  "the equipment of {1} {1|hazard was|hazards was} ordered to stop use",
  "{1} {1|back-check is|back-checks are} still to be done, {2} of them late",
  "First of all, from what the inspections found: ",
  "follow up the {1} overdue {1|hazard|hazards} unit by unit, first at {2}, and penalise those "
  "still not rectified",
  "supervise the {1} open major {1|hazard|hazards} under a listed order and report the progress "
  "upward",
  "track the {1} {1|stop-use order|stop-use orders} until the equipment has passed inspection",
  "carry out the {1} planned {1|back-check|back-checks}{2}",
  " ({1} already late)",
  "; ",
  ".",
  "Audit chain {1}",
};

static const char *const zh_ordinals[]
    = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
static const char *const month_names[] = {
  "January", "February", "March",     "April",   "May",      "June",
  "July",    "August",   "September", "October", "November", "December",
};

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

/* A day on a chart's axis: "6月1日", "1 Jun". */
static char *
short_date (const char *date, RectifyPdfLanguage language)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
    return g_strdup (date ? date : "");
  if (language == RECTIFY_PDF_LANGUAGE_EN)
    return g_strdup_printf ("%d %.3s", d, month_names[m - 1]);
  return g_strdup_printf ("%d月%d日", m, d);
}

/* Chinese documents write counts as plain digits; English groups thousands. */
static char *
count_text (gint64 n, RectifyPdfLanguage language)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *out;
  gsize len = strlen (digits), lead;

  if (language != RECTIFY_PDF_LANGUAGE_EN || n < 10000)
    return g_steal_pointer (&digits);
  out = g_string_new (NULL);
  lead = len % 3 ? len % 3 : 3;
  g_string_append_len (out, digits, lead);
  for (gsize i = lead; i < len; i += 3)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, digits + i, 3);
    }
  return g_string_free (out, FALSE);
}

/* The template with {1}…{n} replaced by the NULL-terminated arguments. */
static char *
fill (const char *template, ...)
{
  GString *text = g_string_new (template);
  va_list args;
  const char *arg;
  int n = 0;

  va_start (args, template);
  while ((arg = va_arg (args, const char *)))
    n++;
  va_end (args);
  /* "{3|back-check|back-checks}": the English form for the count {3} is;
   * a document's English does not go through gettext (its language is
   * not the program's), so its plurals are chosen here */
  for (int i = n; i >= 1; i--)
    {
      g_autofree char *open = g_strdup_printf ("{%d|", i);
      char *at;

      va_start (args, template);
      for (int k = 1; k < i; k++)
        va_arg (args, const char *);
      arg = va_arg (args, const char *);
      va_end (args);
      while ((at = strstr (text->str, open)))
        {
          gsize start = at - text->str;
          char *bar = strchr (at + strlen (open), '|');
          char *close = bar ? strchr (bar, '}') : NULL;
          g_autofree char *one = NULL, *many = NULL;
          g_autoptr (GString) digits = g_string_new (NULL);

          if (close == NULL)
            break;
          for (const char *c = arg; *c; c++)
            if (g_ascii_isdigit (*c))
              g_string_append_c (digits, *c);
          one = g_strndup (at + strlen (open), bar - (at + strlen (open)));
          many = g_strndup (bar + 1, close - bar - 1);
          {
            gsize end = close + 1 - text->str;
            const char *word = g_str_equal (digits->str, "1") ? one : many;
            g_string_erase (text, start, end - start);
            g_string_insert (text, start, word);
          }
        }
    }
  /* from the last, so that {1} does not eat the start of {10} */
  for (int i = n; i >= 1; i--)
    {
      g_autofree char *key = g_strdup_printf ("{%d}", i);
      va_start (args, template);
      for (int k = 1; k < i; k++)
        va_arg (args, const char *);
      arg = va_arg (args, const char *);
      va_end (args);
      g_string_replace (text, key, arg, 0);
    }
  return g_string_free (text, FALSE);
}

static char *
share_text (gint64 part, gint64 whole)
{
  return rectify_figures_format_rate (whole > 0 ? (double)part / whole : 0.0);
}

static char *
officer_name (RectifyStore *store, gint64 id)
{
  g_autoptr (RectifyOfficer) officer = id > 0 ? rectify_store_get_officer (store, id, NULL) : NULL;
  return officer ? g_strdup (officer->name) : NULL;
}

/* "set up a leading group headed by …" from the campaign's leading group. */
static char *
leading_group (RectifyStore *store, const RectifyCampaign *c, const Wording *w)
{
  g_autofree char *head = officer_name (store, c->head_id);
  g_autofree char *deputy = officer_name (store, c->deputy_id);
  g_autoptr (GString) members = g_string_new (NULL);
  GString *out;

  for (guint i = 0; c->member_ids && i < c->member_ids->len; i++)
    {
      gint64 id = g_array_index (c->member_ids, gint64, i);
      g_autofree char *name
          = id == c->head_id || id == c->deputy_id ? NULL : officer_name (store, id);
      if (name == NULL)
        continue;
      if (members->len)
        g_string_append (members, w->list_sep);
      g_string_append (members, name);
    }
  if (head == NULL)
    return g_strdup (w->group_none);
  out = g_string_new (NULL);
  {
    g_autofree char *part = fill (w->group_head, head, NULL);
    g_string_append (out, part);
  }
  if (deputy)
    {
      g_autofree char *part = fill (w->group_deputy, deputy, NULL);
      g_string_append (out, part);
    }
  if (members->len)
    {
      g_autofree char *part = fill (w->group_members, members->str, NULL);
      g_string_append (out, part);
    }
  if (w == &zh_cn)
    g_string_append (out, "的领导小组");
  return g_string_free (out, FALSE);
}

/* One focus list as "a、b" (or ", "); "none" when empty. */
static char *
focus_text (const char *items, const Wording *w)
{
  g_auto (GStrv) lines = g_strsplit (items ? items : "", "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      char *item = g_strstrip (lines[i]);
      if (!*item)
        continue;
      if (out->len)
        g_string_append (out, w->list_sep);
      g_string_append (out, item);
    }
  if (out->len == 0)
    g_string_append (out, w->none);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  RectifyPdfDocument *doc;
  RectifyPdfStyle heading;
  RectifyPdfStyle subheading;
  RectifyPdfStyle body;
  RectifyPdfStyle head_cell;
  RectifyPdfStyle cell;
} Layout;

static gboolean
para (Layout *l, const RectifyPdfStyle *style, const char *text, GError **error)
{
  if (blank (text))
    return TRUE;
  return rectify_pdf_document_paragraph (l->doc, style, text, error);
}

static gboolean
heading (Layout *l, const char *text, GError **error)
{
  /* a heading never stands alone at the foot of a page */
  rectify_pdf_document_keep (l->doc,
                             rectify_pdf_document_measure_paragraph (l->doc, &l->heading, text)
                                 + 2 * l->body.leading);
  return para (l, &l->heading, text, error);
}

static gboolean
subheading (Layout *l, const char *text, GError **error)
{
  rectify_pdf_document_keep (l->doc,
                             rectify_pdf_document_measure_paragraph (l->doc, &l->subheading, text)
                                 + 2 * l->body.leading);
  return para (l, &l->subheading, text, error);
}

static char *
hazard_category_name (GPtrArray *categories,
                      const RectifyFigureRow *row,
                      RectifyPdfLanguage language)
{
  for (guint i = 0; categories && i < categories->len; i++)
    {
      RectifyHazardCategory *c = g_ptr_array_index (categories, i);
      if (g_strcmp0 (c->code, row->code) == 0)
        return g_strdup (language == RECTIFY_PDF_LANGUAGE_EN ? c->name_en : c->name_zh);
    }
  return g_strdup (row->label);
}

static gboolean
write_deployment (Layout *l,
                  RectifyStore *store,
                  const RectifySummaryData *data,
                  const RectifySummaryNarrative *narrative,
                  const Wording *w,
                  GError **error)
{
  if (!heading (l, w->sections[0], error))
    return FALSE;
  if (narrative && !blank (narrative->deployment))
    return para (l, &l->body, narrative->deployment, error);
  {
    g_autofree char *group = leading_group (store, data->campaign, w);
    g_autofree char *text = fill (w->deployment, data->campaign->name, group, NULL);
    g_autofree char *plan = blank (data->campaign->work_plan)
                                ? NULL
                                : fill (w->plan, data->campaign->work_plan, NULL);
    return para (l, &l->body, text, error) && para (l, &l->body, plan, error);
  }
}

static gboolean
write_enforcement (Layout *l,
                   const RectifySummaryData *data,
                   const RectifySummaryNarrative *narrative,
                   const Wording *w,
                   RectifyPdfLanguage lang,
                   GError **error)
{
  const RectifyFigures *f = data->figures;
  g_autofree char *self = count_text (f->self_inspections, lang);
  g_autofree char *bureau = count_text (f->unit_inspections - f->back_checks, lang);
  g_autofree char *back = count_text (f->back_checks, lang);
  g_autofree char *pt = count_text (f->officer_person_times, lang);
  g_autofree char *first = fill (w->self_and_bureau, self, bureau, back, pt, NULL);
  g_autofree char *industries = focus_text (data->campaign->key_industries, w);
  g_autofree char *links = focus_text (data->campaign->key_links, w);
  g_autofree char *areas = focus_text (data->campaign->key_areas, w);
  g_autofree char *focus = fill (w->focus_intro, industries, links, areas, NULL);
  g_autoptr (GString) coverage = g_string_new (NULL);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) bars = g_array_new (FALSE, TRUE, sizeof (RectifyPdfBar));

  for (guint i = 0; i < data->coverage->len; i++)
    {
      const RectifyCoverageRow *row = g_ptr_array_index (data->coverage, i);
      g_autofree char *units = count_text (row->units, lang);
      g_autofree char *inspected = count_text (row->inspected, lang);
      char *share = share_text (row->inspected, row->units);
      g_autofree char *sentence = fill (w->coverage, row->label, units, inspected, share, NULL);
      RectifyPdfBar bar
          = { row->label, row->units > 0 ? 100.0 * row->inspected / row->units : 0, share };

      g_ptr_array_add (strings, share);
      if (coverage->len)
        g_string_append (coverage, w->coverage_sep);
      g_string_append (coverage, sentence);
      g_array_append_val (bars, bar);
    }
  if (coverage->len)
    g_string_append (coverage, lang == RECTIFY_PDF_LANGUAGE_EN ? "." : "。");

  if (!heading (l, w->sections[1], error)
      || (narrative && !para (l, &l->body, narrative->methods, error))
      || !subheading (l, w->subsections[0], error) || !para (l, &l->body, first, error))
    return FALSE;
  if (data->weeks->len > 0)
    {
      g_autoptr (GArray) columns = g_array_new (FALSE, TRUE, sizeof (RectifyPdfBar));
      for (guint i = 0; i < data->weeks->len; i++)
        {
          const RectifySummaryWeek *week = &g_array_index (data->weeks, RectifySummaryWeek, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          char *label = fill (w->week_label, number, NULL);
          RectifyPdfBar bar = { label, week->inspections, NULL };
          g_ptr_array_add (strings, label);
          g_array_append_val (columns, bar);
        }
      if (!rectify_pdf_chart_columns (l->doc, w->chart_weeks, (RectifyPdfBar *)columns->data,
                                      columns->len, error))
        return FALSE;
    }
  if (!subheading (l, w->subsections[1], error) || !para (l, &l->body, focus, error)
      || !para (l, &l->body, coverage->str, error))
    return FALSE;
  if (bars->len > 0
      && !rectify_pdf_chart_bars (l->doc, w->chart_coverage, (RectifyPdfBar *)bars->data, bars->len,
                                  100, error))
    return FALSE;
  {
    g_autofree char *date = rectify_pdf_format_date (data->as_of, lang);
    g_autofree char *closed = count_text (f->hazards_closed, lang);
    g_autofree char *open = count_text (f->hazards_found - f->hazards_closed, lang);
    g_autofree char *overdue = count_text (f->hazards_overdue, lang);
    g_autofree char *progress = fill (w->progress, date, closed, open, overdue, NULL);
    return subheading (l, w->subsections[2], error) && para (l, &l->body, w->process, error)
           && para (l, &l->body, progress, error);
  }
}

static gboolean
write_results (Layout *l,
               const RectifySummaryData *data,
               const Wording *w,
               RectifyPdfLanguage lang,
               GError **error)
{
  const RectifyFigures *f = data->figures;
  g_autofree char *date = rectify_pdf_format_date (data->as_of, lang);
  g_autofree char *pt = count_text (f->officer_person_times, lang);
  g_autofree char *visits = count_text (f->unit_inspections, lang);
  g_autofree char *units = count_text (f->distinct_units, lang);
  g_autofree char *checks = count_text (f->equipment_checks, lang);
  g_autofree char *found = count_text (f->hazards_found, lang);
  g_autofree char *general = count_text (f->hazards_general, lang);
  g_autofree char *major = count_text (f->hazards_major, lang);
  g_autofree char *letters = count_text (f->instruction_letters, lang);
  g_autofree char *opinions = count_text (f->rectification_opinions, lang);
  g_autofree char *closed = count_text (f->hazards_closed, lang);
  g_autofree char *overdue = count_text (f->hazards_overdue, lang);
  g_autofree char *rate = rectify_figures_format_rate (f->rectification_rate);
  g_autofree char *results = fill (w->results, date, pt, visits, units, checks, found, general,
                                   major, letters, opinions, NULL);
  g_autofree char *rate_text = fill (w->rate, found, closed, rate, NULL);
  g_autofree char *overdue_text = f->hazards_overdue > 0 ? fill (w->overdue, overdue, NULL) : NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) bars = g_array_new (FALSE, TRUE, sizeof (RectifyPdfBar));
  static const double widths[] = { 0.5, 0.25, 0.25 };
  static const RectifyPdfAlign aligns[]
      = { RECTIFY_PDF_ALIGN_LEFT, RECTIFY_PDF_ALIGN_RIGHT, RECTIFY_PDF_ALIGN_RIGHT };
  gint64 hazards_total = 0;
  guint n_rows = 0;
  /* "…by equipment category:" goes with its table */
  RectifyPdfStyle intro = l->body;

  intro.keep_with_next = TRUE;
  if (!heading (l, w->sections[2], error) || !para (l, &l->body, results, error)
      || !para (l, &l->body, f->hazards_found > 0 ? rate_text : w->no_hazards, error)
      || !para (l, &l->body, overdue_text, error) || !para (l, &intro, w->table_intro, error))
    return FALSE;

  /* checks and hazards per catalogue category, then the hazards naming no equipment */
  for (guint i = 0; i < data->hazards_by_equipment_category->len; i++)
    {
      const RectifyFigureRow *h = g_ptr_array_index (data->hazards_by_equipment_category, i);
      const RectifyFigureRow *c = i < f->checks_by_equipment_category->len
                                      ? g_ptr_array_index (f->checks_by_equipment_category, i)
                                      : NULL;
      const char *name = w->equipment_names[MIN (i, G_N_ELEMENTS (w->equipment_names) - 1)];
      RectifyPdfBar bar = { name, h->count, NULL };

      hazards_total += h->count;
      g_array_append_val (bars, bar);
      if (h->count == 0 && (c == NULL || c->count == 0))
        continue;
      g_ptr_array_add (cells, g_strdup (name));
      g_ptr_array_add (cells, c ? count_text (c->count, lang) : g_strdup ("—"));
      g_ptr_array_add (cells, count_text (h->count, lang));
      n_rows++;
    }
  g_ptr_array_add (cells, g_strdup (w->total));
  g_ptr_array_add (cells, count_text (f->equipment_checks, lang));
  g_ptr_array_add (cells, count_text (hazards_total, lang));
  n_rows++;
  {
    RectifyPdfTable table = { 3,
                              widths,
                              w->equipment_columns,
                              (const char *const *)cells->pdata,
                              n_rows,
                              &l->head_cell,
                              &l->cell,
                              aligns };
    rectify_pdf_document_space (l->doc, 4);
    if (!rectify_pdf_document_table (l->doc, &table, error))
      return FALSE;
    rectify_pdf_document_space (l->doc, 8);
  }
  if (data->days->len > 0)
    {
      g_autofree double *found_v = g_new (double, data->days->len);
      g_autofree double *closed_v = g_new (double, data->days->len);
      g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      RectifyPdfSeries series[2]
          = { { w->series_found, NULL, FOUND_COLOR }, { w->series_closed, NULL, CLOSED_COLOR } };

      for (guint i = 0; i < data->days->len; i++)
        {
          const RectifySummaryDay *day = &g_array_index (data->days, RectifySummaryDay, i);
          found_v[i] = day->found;
          closed_v[i] = day->closed;
          g_ptr_array_add (labels, short_date (day->date, lang));
        }
      series[0].values = found_v;
      series[1].values = closed_v;
      if (!rectify_pdf_chart_lines (l->doc, w->chart_cumulative, series, 2, data->days->len,
                                    (const char *const *)labels->pdata, error))
        return FALSE;
    }
  return rectify_pdf_chart_bars (l->doc, w->chart_equipment, (RectifyPdfBar *)bars->data, bars->len,
                                 0, error);
}

#define UNITS_NAMED 3

/* "福州某厂3处、某医院2处等" / "A: 3, B: 2, and others": the units with
 * the most overdue hazards. */
static char *
overdue_units_text (const RectifySummaryFacts *facts, const Wording *w, RectifyPdfLanguage lang)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < facts->overdue_units->len && i < UNITS_NAMED; i++)
    {
      const RectifyOverdueUnit *u = g_ptr_array_index (facts->overdue_units, i);
      g_autofree char *count = count_text (u->count, lang);
      g_autofree char *item = fill (w->unit_count, u->unit_name, count, NULL);
      if (i > 0)
        g_string_append (text, w->list_sep);
      g_string_append (text, item);
    }
  if (facts->overdue_units->len > UNITS_NAMED)
    g_string_append (text, w->units_more);
  return g_string_free (text, FALSE);
}

static void
append_sentence (GString *text, const Wording *w, char *part)
{
  if (part == NULL)
    return;
  if (text->len > 0)
    g_string_append (text, w->sentence_sep);
  g_string_append (text, part);
  g_free (part);
}

/* The problems still open, from the records: overdue hazards by unit, the
 * major ones, stop-use orders, back-checks to do; NULL when none. */
static char *
facts_text (const RectifySummaryFacts *facts, const Wording *w, RectifyPdfLanguage lang)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *date = rectify_pdf_format_date (facts->as_of, lang);

  if (facts->overdue_hazards > 0)
    {
      g_autofree char *n = count_text (facts->overdue_hazards, lang);
      g_autofree char *units = count_text (facts->overdue_units->len, lang);
      g_autofree char *named = overdue_units_text (facts, w, lang);
      append_sentence (text, w, fill (w->facts_overdue, date, n, units, named, NULL));
    }
  if (facts->major_hazards > 0)
    {
      g_autofree char *n = count_text (facts->major_hazards, lang);
      g_autofree char *open = count_text (facts->major_open, lang);
      g_autofree char *reported = count_text (facts->major_reported, lang);
      append_sentence (text, w, fill (w->facts_major, n, open, reported, NULL));
    }
  if (facts->stop_orders > 0)
    {
      g_autofree char *n = count_text (facts->stop_orders, lang);
      append_sentence (text, w, fill (w->facts_stop, n, NULL));
    }
  if (facts->back_checks_due > 0)
    {
      g_autofree char *n = count_text (facts->back_checks_due, lang);
      g_autofree char *late = count_text (facts->back_checks_late, lang);
      append_sentence (text, w, fill (w->facts_back, n, late, NULL));
    }
  if (text->len == 0)
    return NULL;
  g_string_append (text, w->sentence_end);
  if (lang == RECTIFY_PDF_LANGUAGE_EN)
    text->str[0] = g_ascii_toupper (text->str[0]);
  return g_strdup (text->str);
}

/* The next steps the records call for; NULL when they call for none. */
static char *
next_steps_text (const RectifySummaryFacts *facts, const Wording *w, RectifyPdfLanguage lang)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (facts->overdue_hazards > 0)
    {
      g_autofree char *n = count_text (facts->overdue_hazards, lang);
      g_autofree char *named = overdue_units_text (facts, w, lang);
      append_sentence (text, w, fill (w->next_overdue, n, named, NULL));
    }
  if (facts->major_open > 0)
    {
      g_autofree char *n = count_text (facts->major_open, lang);
      append_sentence (text, w, fill (w->next_major, n, NULL));
    }
  if (facts->stop_orders > 0)
    {
      g_autofree char *n = count_text (facts->stop_orders, lang);
      append_sentence (text, w, fill (w->next_stop, n, NULL));
    }
  if (facts->back_checks_due > 0)
    {
      g_autofree char *n = count_text (facts->back_checks_due, lang);
      g_autofree char *late_n = count_text (facts->back_checks_late, lang);
      g_autofree char *late
          = facts->back_checks_late > 0 ? fill (w->next_late, late_n, NULL) : g_strdup ("");
      append_sentence (text, w, fill (w->next_back, n, late, NULL));
    }
  if (text->len == 0)
    return NULL;
  g_string_prepend (text, w->next_intro);
  g_string_append (text, w->sentence_end);
  return g_strdup (text->str);
}

/* GB/T 9704: the bureau's name centred over the date, the date four
 * characters in from the right, as the hand-written summary ends. */
static gboolean
write_signature (Layout *l, const char *bureau, const char *date, GError **error)
{
  RectifyPdfStyle style = l->body;
  double em = l->body.size, width = rectify_pdf_document_get_text_width (l->doc);
  double date_w, name_w, centre, top;

  style.first_indent = 0;
  style.align = RECTIFY_PDF_ALIGN_CENTER;
  style.space_before = style.space_after = 0;
  date_w = rectify_pdf_document_text_width (l->doc, &style, date);
  name_w = blank (bureau) ? 0 : rectify_pdf_document_text_width (l->doc, &style, bureau);
  centre = width - 4 * em - date_w / 2;
  centre = MIN (centre, width - name_w / 2);
  rectify_pdf_document_space (l->doc, style.leading);
  top = rectify_pdf_document_reserve (l->doc, 2 * style.leading);
  if (!blank (bureau)
      && !rectify_pdf_document_label (l->doc, &style, centre, top + style.leading * 0.5 + em * 0.35,
                                      bureau, error))
    return FALSE;
  return rectify_pdf_document_label (l->doc, &style, centre,
                                     top + style.leading * (blank (bureau) ? 0.5 : 1.5) + em * 0.35,
                                     date, error);
}

static gboolean
write_problems (Layout *l,
                RectifyStore *store,
                const RectifySummaryData *data,
                const RectifySummaryFacts *facts,
                const Wording *w,
                RectifyPdfLanguage lang,
                GError **error)
{
  const RectifyFigures *f = data->figures;
  g_autoptr (GPtrArray) categories = rectify_store_list_hazard_categories (store, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) bars = g_array_new (FALSE, TRUE, sizeof (RectifyPdfBar));
  g_autofree char *found = count_text (f->hazards_found, lang);
  g_autofree char *intro = fill (w->problems_intro, found, NULL);
  g_autoptr (GString) text = g_string_new (intro);
  static const double widths[] = { 0.1, 0.55, 0.17, 0.18 };
  static const RectifyPdfAlign aligns[] = { RECTIFY_PDF_ALIGN_CENTER, RECTIFY_PDF_ALIGN_LEFT,
                                            RECTIFY_PDF_ALIGN_RIGHT, RECTIFY_PDF_ALIGN_RIGHT };
  g_autofree char *still = facts_text (facts, w, lang);
  guint n_rows = 0;

  for (guint i = 0; i < f->hazards_by_category->len; i++)
    {
      const RectifyFigureRow *row = g_ptr_array_index (f->hazards_by_category, i);
      char *name = hazard_category_name (categories, row, lang);
      RectifyPdfBar bar = { name, row->count, NULL };

      g_ptr_array_add (names, name);
      g_array_append_val (bars, bar);
      if (row->count == 0)
        continue;
      {
        g_autofree char *count = count_text (row->count, lang);
        g_autofree char *ordinal
            = lang == RECTIFY_PDF_LANGUAGE_EN || n_rows >= G_N_ELEMENTS (zh_ordinals)
                  ? g_strdup_printf ("%u", n_rows + 1)
                  : g_strdup (zh_ordinals[n_rows]);
        g_autofree char *item = fill (w->problem_item, ordinal, name, count, NULL);
        if (n_rows > 0)
          g_string_append (text, w->problem_sep);
        g_string_append (text, item);
      }
      n_rows++;
      g_ptr_array_add (cells, g_strdup_printf ("%u", n_rows));
      g_ptr_array_add (cells, g_strdup (name));
      g_ptr_array_add (cells, count_text (row->count, lang));
      g_ptr_array_add (cells, share_text (row->count, f->hazards_found));
    }
  g_string_append (text, w->problems_end);

  if (!heading (l, w->sections[3], error))
    return FALSE;
  if (n_rows == 0)
    return para (l, &l->body, w->no_problems, error) && para (l, &l->body, still, error);
  if (!para (l, &l->body, text->str, error) || !para (l, &l->body, still, error))
    return FALSE;
  {
    RectifyPdfTable table = { 4,
                              widths,
                              w->category_columns,
                              (const char *const *)cells->pdata,
                              n_rows,
                              &l->head_cell,
                              &l->cell,
                              aligns };
    rectify_pdf_document_space (l->doc, 4);
    if (!rectify_pdf_document_table (l->doc, &table, error))
      return FALSE;
    rectify_pdf_document_space (l->doc, 8);
  }
  return rectify_pdf_chart_bars (l->doc, w->chart_categories, (RectifyPdfBar *)bars->data,
                                 bars->len, 0, error);
}

GBytes *
rectify_pdf_summary_render_data (RectifyStore *store,
                                 const RectifySummaryData *data,
                                 const RectifySummaryNarrative *narrative,
                                 const RectifyPdfSummaryOptions *options,
                                 GError **error)
{
  g_autoptr (RectifyPdfDocument) doc = NULL;
  g_autofree char *bureau = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;
  RectifyPdfLanguage lang;
  const Wording *w;
  Layout l = {
    NULL,
    { RECTIFY_PDF_FONT_HEADING, 16, 30, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 10, 2, TRUE },
    { RECTIFY_PDF_FONT_HEADING, 14, 26, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 4, 0, TRUE },
    { RECTIFY_PDF_FONT_BODY, 14, 25, 28, 0, 0, RECTIFY_PDF_ALIGN_JUSTIFY, BLACK, 0, 2 },
    { RECTIFY_PDF_FONT_HEADING, 11, 16, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 0 },
    { RECTIFY_PDF_FONT_BODY, 11, 16, 0, 0, 0, RECTIFY_PDF_ALIGN_LEFT, BLACK, 0, 0 },
  };
  RectifyPdfStyle title_style
      = { RECTIFY_PDF_FONT_TITLE, 22, 32, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, BLACK, 0, 4 };
  g_autoptr (RectifySummaryFacts) facts = NULL;
  g_autofree char *next = NULL;
  g_autofree char *title_font = NULL;
  RectifyPdfFonts fonts;
  RectifyPdfStyle subtitle_style
      = { RECTIFY_PDF_FONT_BODY, 14, 24, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, GREY, 0, 2 };
  /* small type under the subtitle: where the audit chain stood when this was printed */
  RectifyPdfStyle fingerprint_style
      = { RECTIFY_PDF_FONT_BODY, 8, 12, 0, 0, 0, RECTIFY_PDF_ALIGN_CENTER, GREY, 0, 8 };
  g_autofree char *head = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL && options != NULL, NULL);

  lang = options->language;
  if (lang != RECTIFY_PDF_LANGUAGE_ZH_CN && lang != RECTIFY_PDF_LANGUAGE_EN)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_INVALID,
                   _ ("Document language: choose zh_CN or en"));
      return NULL;
    }
  w = lang == RECTIFY_PDF_LANGUAGE_EN ? &en : &zh_cn;
  if (lang == RECTIFY_PDF_LANGUAGE_EN)
    {
      l.body.first_indent = 0;
      l.body.size = 12;
      l.body.leading = 19;
      l.body.space_after = 6;
      l.heading.size = 14;
      l.subheading.size = 12;
      title_style.size = 18;
    }
  bureau = options->bureau ? g_strdup (options->bureau)
                           : rectify_store_get_setting (store, "bureau-name", "");
  body_font = rectify_store_get_setting (store, "document-body-font", NULL);
  heading_font = rectify_store_get_setting (store, "document-heading-font", NULL);
  title_font = rectify_store_get_setting (store, "document-title-font", NULL);
  if (!(facts = rectify_summary_facts_compute (store, data->campaign->id, data->as_of, error)))
    return NULL;
  /* AR PL UMing's Latin letters are typewriter-like: English is set in the heading face */
  fonts.body = !blank (body_font)                ? body_font
               : lang == RECTIFY_PDF_LANGUAGE_EN ? rectify_pdf_font_resolve (
                     RECTIFY_PDF_FONT_HEADING, blank (heading_font) ? NULL : heading_font)
                                                 : NULL;
  fonts.heading = blank (heading_font) ? NULL : heading_font;
  fonts.title = blank (title_font) ? NULL : title_font;
  doc = rectify_pdf_document_new_with_fonts (&fonts, error);
  if (doc == NULL)
    return NULL;
  l.doc = doc;
  title = fill (w->title, data->campaign->name, NULL);
  date = rectify_pdf_format_date (data->as_of, lang);
  subtitle = fill (blank (bureau) ? w->subtitle_no_bureau : w->subtitle, bureau, date, NULL);
  if (!(head = rectify_store_audit_fingerprint (store, error)))
    return NULL;
  fingerprint = fill (w->fingerprint, head, NULL);
  rectify_pdf_document_set_metadata (doc, title, blank (bureau) ? NULL : bureau,
                                     data->campaign->name, data->as_of, data->as_of, w->lang_tag);
  rectify_pdf_document_set_header (doc, title);
  rectify_pdf_document_set_footer (doc, w->footer);

  if (!rectify_pdf_document_paragraph (doc, &title_style, title, error)
      || !rectify_pdf_document_paragraph (doc, &subtitle_style, subtitle, error)
      || !rectify_pdf_document_paragraph (doc, &fingerprint_style, fingerprint, error)
      || !write_deployment (&l, store, data, narrative, w, error)
      || !write_enforcement (&l, data, narrative, w, lang, error)
      || !write_results (&l, data, w, lang, error)
      || !write_problems (&l, store, data, facts, w, lang, error)
      || !heading (&l, w->sections[4], error))
    return NULL;
  next = next_steps_text (facts, w, lang);
  if (!para (&l, &l.body, next, error)
      || !para (&l, &l.body,
                narrative && !blank (narrative->next_steps) ? narrative->next_steps : w->next_steps,
                error)
      || !write_signature (&l, bureau, date, error))
    return NULL;
  return rectify_pdf_document_finish (doc, error);
}

GBytes *
rectify_pdf_summary_render (RectifyStore *store,
                            gint64 campaign_id,
                            const char *as_of,
                            const RectifyPdfSummaryOptions *options,
                            GError **error)
{
  g_autoptr (RectifySummaryData) data = NULL;
  g_autoptr (RectifySummaryNarrative) narrative = NULL;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(data = rectify_summary_data_compute (store, campaign_id, as_of, error))
      || !(narrative = rectify_summary_get_narrative (store, campaign_id, error)))
    return NULL;
  return rectify_pdf_summary_render_data (store, data, narrative, options, error);
}
