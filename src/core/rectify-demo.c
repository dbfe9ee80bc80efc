/* rectify-demo.c: sample data, the seed's campaign and a city's scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "rectify-demo.h"
#include "rectify-store-bulk.h"
#include "rectify-store-private.h"
#include "rectify-validate.h"
#include "rectify-workflow.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
};
static const char *const given_names[] = {
  "伟", "芳",   "娜", "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",   "勇",   "艳",
  "杰", "娟",   "涛", "明",   "超",   "秀英", "霞",   "平",   "刚",   "桂英", "建华", "文",
  "华", "建国", "红", "志强", "海燕", "小龙", "国庆", "春梅", "晓东", "立新", "玉兰", "德明",
};
static const char *const districts[] = {
  "鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区",
  "闽侯县", "连江县", "罗源县", "闽清县", "永泰县", "福清市",
};
static const char *const brands[] = {
  "华信", "鑫源", "恒达", "宏盛", "永泰", "金辉", "瑞丰", "天和", "海峡", "闽江",
  "榕城", "东方", "新华", "万达", "中兴", "安泰", "汇通", "嘉禾", "润发", "博远",
  "正大", "协和", "鸿运", "长城", "星辰", "明珠", "泰康", "富力", "城建", "银河",
};

typedef struct
{
  const char *industry;
  const char *suffix;
  gboolean crowded;
} IndustryKind;

static const IndustryKind industries[] = {
  { "医疗", "医院", TRUE },
  { "电力", "热电有限公司", FALSE },
  { "商业", "购物广场", TRUE },
  { "餐饮", "餐饮管理有限公司", FALSE },
  { "制造", "机械制造有限公司", FALSE },
  { "教育", "中学", TRUE },
  { "物业", "物业管理有限公司", TRUE },
  { "化工", "化工有限公司", FALSE },
  { "酒店", "大酒店", TRUE },
  { "交通", "客运站", TRUE },
  { "食品", "食品有限公司", FALSE },
  { "文旅", "游乐园", TRUE },
};

static const char *const streets[] = {
  "五四路",   "八一七北路", "工业路", "杨桥中路", "六一北路", "福新路",
  "江滨大道", "华林路",     "东二环", "湖东路",   "金山大道", "南江滨西大道",
};

/* The variety as a Chinese registry writes it, whatever the user's language. */
static const char *
variety_of (RectifyCategory c)
{
  switch (c)
    {
    case RECTIFY_CATEGORY_BOILER:
      return "承压蒸汽锅炉";
    case RECTIFY_CATEGORY_PRESSURE_VESSEL:
      return "固定式压力容器";
    case RECTIFY_CATEGORY_GAS_CYLINDER:
      return "液化石油气钢瓶";
    case RECTIFY_CATEGORY_ELEVATOR:
      return "曳引驱动乘客电梯";
    case RECTIFY_CATEGORY_LIFTING:
      return "桥式起重机";
    case RECTIFY_CATEGORY_VEHICLE:
      return "场（厂）内机动车辆";
    case RECTIFY_CATEGORY_AMUSEMENT:
      return "大型游乐设施";
    case RECTIFY_CATEGORY_PIPING:
      return "工业管道";
    case RECTIFY_CATEGORY_ROPEWAY:
      return "客运索道";
    default:
      return "";
    }
}

static char *
person_name (GRand *rand)
{
  return g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))], NULL);
}

/* A unified social credit code with a correct check character; index makes it unique. */
static char *
credit_code (guint index)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];
  guint v = index;

  memcpy (code, "91350100", 8);
  for (int i = 16; i >= 8; i--)
    {
      code[i] = chars[v % 31];
      v /= 31;
    }
  code[17] = rectify_credit_code_check_char (code);
  code[18] = '\0';
  return g_strdup (code);
}

static char *
date_plus (const char *date, int days)
{
  return rectify_date_add_days (date, days);
}

/* Day numbers of the proleptic Gregorian calendar, without allocating:
 * the city's millions of dates are made in a tight loop. */
static int
day_number (const char *date)
{
  int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  int m = (date[5] - '0') * 10 + (date[6] - '0');
  int d = (date[8] - '0') * 10 + (date[9] - '0');
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

static void
format_day (int n, char out[11])
{
  int era = n / 146097;
  int doe = n - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;
  int y = yoe + era * 400 + (m <= 2);

  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

static void
report (RectifyProgressFunc progress, gpointer data, const char *stage, double fraction)
{
  if (progress)
    progress (stage, fraction, data);
}

/* ==== the seed: the hundred-day campaign of the report ================= */

typedef struct
{
  gint64 officers[12];
  gint64 units[45];
  GArray *equipment[45]; /* gint64 ids per unit */
  gint64 cylinders[45];  /* batch id or 0 */
} SeedWorld;

static gint64
seed_officer (
    RectifyStore *store, const char *badge, const char *name, RectifyRole role, GError **error)
{
  g_autoptr (RectifyOfficer) o = rectify_officer_new ();
  o->badge = g_strdup (badge);
  o->name = g_strdup (name);
  o->role = role;
  return rectify_store_add_officer (store, o, error);
}

static gint64
seed_hazard (RectifyStore *store,
             gint64 inspection_id,
             const char *category,
             gint64 equipment_id,
             const char *content,
             const char *standard,
             const char *measures,
             int days,
             const char *responsible,
             gint64 supervisor,
             GError **error)
{
  g_autoptr (RectifyInspection) in = rectify_store_get_inspection (store, inspection_id, error);
  g_autoptr (RectifyHazard) h = rectify_hazard_new ();

  if (!in)
    return 0;
  h->inspection_id = inspection_id;
  h->unit_id = in->unit_id;
  h->equipment_id = equipment_id;
  h->category = g_strdup (category);
  h->grade = RECTIFY_GRADE_GENERAL;
  h->found_date = g_strdup (in->date);
  h->content = g_strdup (content);
  h->standard = g_strdup (standard);
  h->measures = g_strdup (measures);
  h->deadline = days >= 0 ? date_plus (in->date, days) : NULL;
  h->responsible = g_strdup (responsible);
  h->supervisor_id = supervisor;
  return rectify_workflow_register (store, h, "执法检查中发现", error);
}

static gint64
generate_seed (RectifyStore *store,
               guint32 seed,
               RectifyProgressFunc progress,
               gpointer data,
               GCancellable *cancellable,
               GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (RectifyCampaign) campaign = rectify_campaign_new ();
  SeedWorld w = { 0 };
  gint64 campaign_id = 0, inspections[62];
  gint64 hazards[5];
  gint64 saved_actor = rectify_store_get_actor (store);
  gboolean ok = FALSE;
  static const struct
  {
    const char *badge, *name;
    RectifyRole role;
  } officers[12] = {
    { "FZ-0101", "林建华", RECTIFY_ROLE_MANAGER }, /* director: head of the leading group */
    { "FZ-0102", "陈志强", RECTIFY_ROLE_MANAGER }, /* deputy head */
    { "FZ-0201", "黄晓东", RECTIFY_ROLE_OFFICER }, { "FZ-0202", "郑立新", RECTIFY_ROLE_OFFICER },
    { "FZ-0203", "吴海燕", RECTIFY_ROLE_OFFICER }, { "FZ-0204", "刘国庆", RECTIFY_ROLE_OFFICER },
    { "FZ-0205", "王春梅", RECTIFY_ROLE_OFFICER }, { "FZ-0206", "张德明", RECTIFY_ROLE_OFFICER },
    { "FZ-0207", "杨文", RECTIFY_ROLE_OFFICER },   { "FZ-0208", "周玉兰", RECTIFY_ROLE_OFFICER },
    { "FZ-0209", "许磊", RECTIFY_ROLE_OFFICER },   { "FZ-0301", "何静", RECTIFY_ROLE_ARCHIVIST },
  };

  if (!rectify_store_begin (store, error))
    return 0;

  report (progress, data, _ ("Officers"), 0.0);
  for (int i = 0; i < 12; i++)
    if (!(w.officers[i]
          = seed_officer (store, officers[i].badge, officers[i].name, officers[i].role, error)))
      goto out;

  campaign->name = g_strdup ("2026年特种设备百日安全行动");
  campaign->start_date = g_strdup ("2026-03-22");
  campaign->days = 100;
  campaign->head_id = w.officers[0];
  campaign->deputy_id = w.officers[1];
  for (int i = 2; i < 11; i++)
    g_array_append_val (campaign->member_ids, w.officers[i]);
  campaign->work_plan = g_strdup (
      "以“三落实、两有证、一检验、一预案”为重点，企业自查与我局检查相结合，全面检查与重点监督相结合"
      "，"
      "隐患排查与治理相结合，做到排查全覆盖、不留盲区、不存死角；对发现的隐患按“五落实”要求"
      "实行“三定”“三跟踪”，实行隐患整改确认和销号制度。");
  campaign->key_industries = g_strdup ("医疗\n电力");
  campaign->key_links = g_strdup ("使用环节");
  campaign->key_areas = g_strdup ("人员密集公共场所");
  if (!(campaign_id = rectify_store_add_campaign (store, campaign, error)))
    goto out;

  report (progress, data, _ ("Units and equipment"), 0.1);
  for (int u = 0; u < 45; u++)
    {
      const IndustryKind *ind = &industries[u % 8];
      g_autoptr (RectifyUnit) unit = rectify_unit_new ();
      int n_items = 2 + u % 4;

      unit->credit_code = credit_code (1000 + u * 7);
      unit->name = g_strdup_printf ("%s%s%s", districts[u % 5], brands[u % G_N_ELEMENTS (brands)],
                                    ind->suffix);
      unit->address = g_strdup_printf ("福州市%s%s%d号", districts[u % 5],
                                       streets[u % G_N_ELEMENTS (streets)], 10 + u * 3);
      unit->district = g_strdup (districts[u % 5]);
      unit->industry = g_strdup (ind->industry);
      unit->crowded = ind->crowded;
      unit->legal_rep = person_name (rand);
      unit->safety_manager = person_name (rand);
      unit->phone = g_strdup_printf ("0591-8%07d", 3000000 + u * 1371);
      if (!(w.units[u] = rectify_store_add_unit (store, unit, error)))
        goto out;

      w.equipment[u] = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (int k = 0; k < n_items; k++)
        {
          static const RectifyCategory cats[]
              = { RECTIFY_CATEGORY_ELEVATOR, RECTIFY_CATEGORY_PRESSURE_VESSEL,
                  RECTIFY_CATEGORY_BOILER, RECTIFY_CATEGORY_LIFTING, RECTIFY_CATEGORY_ELEVATOR };
          g_autoptr (RectifyEquipment) e = rectify_equipment_new ();
          gint64 id;
          int year = 2010 + (u + k) % 14;

          e->unit_id = w.units[u];
          e->category = cats[(u + k) % G_N_ELEMENTS (cats)];
          e->code = g_strdup_printf ("%04d%05d%04d%05d", e->category + 110, 35010 + u % 7, year,
                                     u * 10 + k);
          e->reg_cert = g_strdup_printf ("%s11闽A%05d(%02d)",
                                         e->category == RECTIFY_CATEGORY_ELEVATOR  ? "梯"
                                         : e->category == RECTIFY_CATEGORY_BOILER  ? "锅"
                                         : e->category == RECTIFY_CATEGORY_LIFTING ? "起"
                                                                                   : "容",
                                         u * 10 + k, year % 100);
          e->variety = g_strdup (variety_of (e->category));
          e->location = g_strdup_printf ("%d号楼", 1 + k);
          e->registered_user = g_strdup (unit->name);
          e->last_inspection
              = g_strdup_printf ("2025-%02d-%02d", 1 + (u + k) % 12, 1 + (u * 3 + k) % 28);
          e->next_inspection = date_plus (e->last_inspection, 365);
          if (!(id = rectify_store_add_equipment (store, e, error)))
            goto out;
          g_array_append_val (w.equipment[u], id);
        }
      if (u % 5 == 0)
        {
          g_autoptr (RectifyEquipment) e = rectify_equipment_new ();
          e->unit_id = w.units[u];
          e->category = RECTIFY_CATEGORY_GAS_CYLINDER;
          e->variety = g_strdup ("液化石油气钢瓶");
          e->location = g_strdup ("气瓶间");
          e->registered_user = g_strdup (unit->name);
          e->quantity = 20 + u;
          if (!(w.cylinders[u] = rectify_store_add_equipment (store, e, error)))
            goto out;
        }
      if (u % 3 == 0)
        {
          g_autoptr (RectifyOperator) op = rectify_operator_new ();
          op->unit_id = w.units[u];
          op->name = person_name (rand);
          op->cert_no = g_strdup_printf ("TS%08d", 35000000 + u);
          op->cert_category = g_strdup (u % 2 ? "T 电梯修理" : "G1 工业锅炉司炉");
          op->cert_expiry = g_strdup_printf ("%d-%02d-15", u == 9 ? 2025 : 2028, 1 + u % 12);
          if (!rectify_store_add_operator (store, op, error))
            goto out;
        }
    }

  /* The seed's problem 2: the registered user was not updated after a change. */
  {
    g_autoptr (RectifyEquipment) e
        = rectify_store_get_equipment (store, g_array_index (w.equipment[7], gint64, 0), error);
    if (!e)
      goto out;
    g_free (e->registered_user);
    e->registered_user = g_strdup ("福州市原榕城物业有限公司");
    if (!rectify_store_update_equipment (store, e, error))
      goto out;
  }
  /* and problem 1: one item past its periodic inspection */
  {
    g_autoptr (RectifyEquipment) e
        = rectify_store_get_equipment (store, g_array_index (w.equipment[3], gint64, 0), error);
    if (!e)
      goto out;
    g_free (e->last_inspection);
    g_free (e->next_inspection);
    e->last_inspection = g_strdup ("2024-11-02");
    e->next_inspection = g_strdup ("2025-11-02");
    if (!rectify_store_update_equipment (store, e, error))
      goto out;
  }

  report (progress, data, _ ("Inspections"), 0.4);
  /* 62 visits: 49 with four officers and 13 with three = 235 person-times. */
  for (int i = 0; i < 62; i++)
    {
      g_autoptr (RectifyInspection) in = rectify_inspection_new ();
      int u = i % 45;
      int n_officers = i < 49 ? 4 : 3;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      in->campaign_id = campaign_id;
      in->unit_id = w.units[u];
      in->kind = i < 45 ? RECTIFY_INSPECTION_BUREAU : RECTIFY_INSPECTION_BACK_CHECK;
      in->date = date_plus ("2026-04-01", i < 45 ? i : 45 + (i - 45) * 2);
      for (int k = 0; k < n_officers; k++)
        {
          gint64 officer = w.officers[2 + (i + k * 2) % 9];
          g_array_append_val (in->officer_ids, officer);
        }
      for (guint k = 0; k < w.equipment[u]->len; k++)
        {
          RectifyCheckedEquipment ce = { g_array_index (w.equipment[u], gint64, k), 1 };
          g_array_append_val (in->equipment, ce);
        }
      if (w.cylinders[u])
        {
          RectifyCheckedEquipment ce = { w.cylinders[u], 5 };
          g_array_append_val (in->equipment, ce);
        }
      for (int item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
        {
          RectifyCheck c = { item, RECTIFY_RESULT_PASS, NULL };
          if ((u == 3 || u == 11) && item == RECTIFY_CHECK_PERIODIC_INSPECTION && i < 45)
            c.result = RECTIFY_RESULT_FAIL;
          else if (u == 7 && item == RECTIFY_CHECK_REGISTRATION && i < 45)
            c.result = RECTIFY_RESULT_FAIL;
          else if (u == 20 && item == RECTIFY_CHECK_OPERATOR_LICENCES && i < 45)
            c.result = RECTIFY_RESULT_FAIL;
          else if (u == 28
                   && (item == RECTIFY_CHECK_EMERGENCY_PLAN || item == RECTIFY_CHECK_PLAN_DRILLED)
                   && i < 45)
            c.result = RECTIFY_RESULT_FAIL;
          else if (item == RECTIFY_CHECK_PLAN_DRILLED && u % 9 == 4)
            c.result = RECTIFY_RESULT_NOT_APPLICABLE;
          c.remark = g_strdup (c.result == RECTIFY_RESULT_FAIL ? "现场检查发现问题" : "");
          g_array_append_val (in->checks, c);
        }
      if (!(inspections[i] = rectify_store_add_inspection (store, in, error)))
        goto out;
    }
  /* The enterprises' own self-inspections that came first. */
  for (int u = 0; u < 45; u += 2)
    {
      g_autoptr (RectifyInspection) in = rectify_inspection_new ();
      in->campaign_id = campaign_id;
      in->unit_id = w.units[u];
      in->kind = RECTIFY_INSPECTION_SELF;
      in->date = date_plus ("2026-03-25", u / 2);
      in->note = g_strdup ("企业按通知要求开展自查并报送自查报告");
      if (!rectify_store_add_inspection (store, in, error))
        goto out;
    }

  report (progress, data, _ ("Hazards"), 0.7);
  {
    const char *tsg = "《中华人民共和国特种设备安全法》第四十条";
    gint64 eq3 = g_array_index (w.equipment[3], gint64, 0);
    gint64 eq11 = g_array_index (w.equipment[11], gint64, 1);
    gint64 eq7 = g_array_index (w.equipment[7], gint64, 0);

    if (!(hazards[0] = seed_hazard (store, inspections[3], "inspection_overdue", eq3,
                                    "电梯超过定期检验有效期未申报检验", tsg,
                                    "立即停止使用并向检验机构申报定期检验，检验合格后方可恢复使用",
                                    15, "设备管理员", w.officers[2], error))
        || !(hazards[1] = seed_hazard (store, inspections[11], "inspection_overdue", eq11,
                                       "压力容器超过定期检验有效期未检验", tsg,
                                       "申报定期检验并停止使用至检验合格", 20, "安全管理员",
                                       w.officers[3], error))
        || !(hazards[2]
             = seed_hazard (store, inspections[7], "registration_outdated", eq7,
                            "使用单位变更后未及时办理使用登记变更",
                            "《特种设备使用管理规则》TSG 08-2017 第3.7条",
                            "向登记机关申请办理变更登记", 30, "办公室主任", w.officers[4], error))
        || !(hazards[3] = seed_hazard (
                 store, inspections[20], "unlicensed_operator", 0,
                 "现场作业人员未取得特种设备作业人员证", "《中华人民共和国特种设备安全法》第十四条",
                 "立即停止无证人员作业，安排持证人员上岗", 0, "总经理", w.officers[5], error))
        || !(hazards[4] = seed_hazard (store, inspections[28], "files_incomplete", 0,
                                       "设备安全技术档案不齐全，应急救援预案不健全且未组织演练",
                                       "《中华人民共和国特种设备安全法》第三十五条、第六十九条",
                                       "补齐设备档案，修订应急预案并组织演练", 45, "安全管理员",
                                       w.officers[6], error)))
      goto out;
  }

  /* Letters: managers sign them, for the bureau of the sample (its number
   * prefixes are the settings' defaults, X市监特指 and X市监特整). */
  report (progress, data, _ ("Documents"), 0.8);
  {
    g_autofree char *bureau = rectify_store_get_setting (store, "bureau-name", NULL);

    if ((bureau == NULL || *bureau == '\0')
        && !rectify_store_set_setting (store, "bureau-name", "X市市场监督管理局", error))
      goto out;
  }
  if (!rectify_store_set_actor (store, w.officers[0], error))
    goto out;
  {
    static const struct
    {
      int hazard;
      RectifyDocumentKind kind;
    } letters[5] = {
      { 0, RECTIFY_DOCUMENT_INSTRUCTION_LETTER },    { 1, RECTIFY_DOCUMENT_INSTRUCTION_LETTER },
      { 2, RECTIFY_DOCUMENT_RECTIFICATION_OPINION }, { 3, RECTIFY_DOCUMENT_RECTIFICATION_OPINION },
      { 4, RECTIFY_DOCUMENT_RECTIFICATION_OPINION },
    };
    for (int i = 0; i < 5; i++)
      {
        g_autoptr (RectifyHazard) h
            = rectify_store_get_hazard (store, hazards[letters[i].hazard], error);
        if (!h
            || !rectify_store_issue_document (store, letters[i].kind, h->unit_id, campaign_id,
                                              h->found_date, &h->id, 1, error))
          goto out;
      }
  }

  /* Four of five rectified, confirmed and cancelled: 80 %. */
  report (progress, data, _ ("Rectification"), 0.9);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (RectifyHazard) h = rectify_store_get_hazard (store, hazards[i], error);
      g_autofree char *done = NULL;
      g_autofree char *check = NULL;
      g_autofree char *visit = NULL;
      if (!h)
        goto out;
      visit = date_plus (h->found_date, 5);
      done = date_plus (h->found_date, 10);
      check = date_plus (h->found_date, 12);
      if (!rectify_store_set_actor (store, h->supervisor_id, error)
          || !rectify_workflow_act (store, h->id, RECTIFY_ACTION_TRACK,
                                    RECTIFY_EVENT_TRACKING_SERVICE, visit,
                                    "到现场帮助企业制定整改措施", NULL, 0, error)
          || !rectify_workflow_act (store, h->id, RECTIFY_ACTION_RECTIFY, 0, done,
                                    "单位报告整改完成并提交检验报告", NULL, 0, error)
          || !rectify_workflow_act (store, h->id, RECTIFY_ACTION_CONFIRM, 0, check,
                                    "现场复查确认整改到位，予以销号", NULL, 0, error))
        goto out;
    }
  /* hazard 4 was found on the visit of 2026-04-21 and corrected on the spot */
  if (!rectify_store_set_actor (store, w.officers[5], error)
      || !rectify_workflow_act (store, hazards[3], RECTIFY_ACTION_IMMEDIATE, 0, "2026-04-21",
                                "当场责令无证人员停止作业，持证人员到岗", NULL, 0, error))
    goto out;
  if (!rectify_store_set_actor (store, w.officers[6], error)
      || !rectify_workflow_act (store, hazards[4], RECTIFY_ACTION_TRACK,
                                RECTIFY_EVENT_TRACKING_SUPERVISION, "2026-05-20",
                                "督促单位修订应急预案，已完成档案整理的一半", NULL, 0, error))
    goto out;
  ok = TRUE;

out:
  rectify_store_set_actor (store, saved_actor, NULL);
  for (int u = 0; u < 45; u++)
    g_clear_pointer (&w.equipment[u], g_array_unref);
  if (!rectify_store_end (store, ok, ok ? error : NULL))
    return 0;
  report (progress, data, _ ("Done"), 1.0);
  return campaign_id;
}

/* ==== a city: the scale of DESIGN.md, raw inserts in one transaction ===== */

#define CITY_UNITS 50000
#define CITY_EQUIPMENT 500000
#define CITY_CHECKS 2000000
#define CITY_HAZARDS 300000
#define CITY_DOCUMENTS 50000
#define CITY_OFFICERS 200

typedef struct
{
  const char *start;
  int days;
  gint64 id;
} CityCampaign;

static RectifyCategory
city_category (GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 1000);
  if (r < 450)
    return RECTIFY_CATEGORY_ELEVATOR;
  if (r < 650)
    return RECTIFY_CATEGORY_PRESSURE_VESSEL;
  if (r < 700)
    return RECTIFY_CATEGORY_BOILER;
  if (r < 810)
    return RECTIFY_CATEGORY_LIFTING;
  if (r < 890)
    return RECTIFY_CATEGORY_VEHICLE;
  if (r < 940)
    return RECTIFY_CATEGORY_PIPING;
  if (r < 990)
    return RECTIFY_CATEGORY_GAS_CYLINDER;
  if (r < 998)
    return RECTIFY_CATEGORY_AMUSEMENT;
  return RECTIFY_CATEGORY_ROPEWAY;
}

static const char *
cert_prefix (RectifyCategory c)
{
  switch (c)
    {
    case RECTIFY_CATEGORY_ELEVATOR:
      return "梯";
    case RECTIFY_CATEGORY_BOILER:
      return "锅";
    case RECTIFY_CATEGORY_LIFTING:
      return "起";
    case RECTIFY_CATEGORY_VEHICLE:
      return "车";
    case RECTIFY_CATEGORY_PIPING:
      return "管";
    case RECTIFY_CATEGORY_GAS_CYLINDER:
      return "瓶";
    case RECTIFY_CATEGORY_AMUSEMENT:
      return "游";
    case RECTIFY_CATEGORY_ROPEWAY:
      return "索";
    case RECTIFY_CATEGORY_PRESSURE_VESSEL:
    default:
      return "容";
    }
}

static gint64
generate_city (RectifyStore *store,
               guint32 seed,
               RectifyProgressFunc progress,
               gpointer data,
               GCancellable *cancellable,
               GError **error)
{
  const RectifyStoreBulkOps *bulk = RECTIFY_STORE_OPS (store, bulk);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree gint64 *unit_first_eq = g_new0 (gint64, CITY_UNITS + 1);
  g_autofree char **unit_names = g_new0 (char *, CITY_UNITS);
  g_autofree int *eq_quantity = g_new0 (int, CITY_EQUIPMENT + 1);
  g_autofree int *eq_category = g_new0 (int, CITY_EQUIPMENT + 1);
  g_autofree gint64 *inspection_unit = NULL;
  g_autofree char *inspection_dates = NULL; /* 11 bytes each */
  g_autofree gint64 *inspection_campaign = NULL;
  CityCampaign campaigns[3] = {
    { "2024-03-01", 100, 0 },
    { "2025-04-01", 120, 0 },
    { "2026-03-22", 100, 0 },
  };
  gint64 n_inspections = 0;
  gint64 doc_seq[2][3] = { { 0 } };
  gboolean ok = FALSE;
  g_autofree char *today = rectify_today ();
  RectifyBulkLoad *load = NULL;
  g_autoptr (GHashTable) tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char buf[256];

#define CANCELLED() (g_cancellable_set_error_if_cancelled (cancellable, error))
#define INSPECTION_DATE(i) (inspection_dates + (i)*11)

  if (!bulk->begin_city (store, error))
    return 0;
  if (!rectify_store_begin (store, error))
    return 0;
  load = bulk->defer_city (store, error);
  if (!load)
    goto out;

  report (progress, data, _ ("Officers"), 0.0);
  for (int i = 1; i <= CITY_OFFICERS; i++)
    {
      g_autofree char *name = person_name (rand);
      RectifyOfficer o = { 0 };

      g_snprintf (buf, sizeof buf, "CS-%04d", i);
      o.id = i;
      o.badge = buf;
      o.name = name;
      o.role = i <= 10   ? RECTIFY_ROLE_MANAGER
               : i > 190 ? RECTIFY_ROLE_ARCHIVIST
                         : RECTIFY_ROLE_OFFICER;
      if (!bulk->add_officer (load, &o, error))
        goto out;
    }
  {
    g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (gint64 m = 3; m <= 30; m++)
      g_array_append_val (members, m);
    for (int c = 0; c < 3; c++)
      {
        RectifyCampaign campaign = { 0 };

        g_snprintf (buf, sizeof buf, "%.4s年特种设备安全专项行动", campaigns[c].start);
        campaign.name = buf;
        campaign.start_date = (char *)campaigns[c].start;
        campaign.days = campaigns[c].days;
        campaign.head_id = 1;
        campaign.deputy_id = 2;
        campaign.member_ids = members;
        campaign.work_plan = "全市特种设备使用单位隐患排查治理，企业自查与监督检查相结合。";
        campaign.key_industries = "医疗\n电力\n教育";
        campaign.key_links = "使用环节";
        campaign.key_areas = "人员密集公共场所";
        campaigns[c].id = bulk->add_campaign (load, &campaign, error);
        if (campaigns[c].id == 0)
          goto out;
      }
  }

  report (progress, data, _ ("Units"), 0.02);
  for (int u = 0; u < CITY_UNITS; u++)
    {
      const IndustryKind *ind = &industries[g_rand_int_range (rand, 0, G_N_ELEMENTS (industries))];
      const char *district = districts[g_rand_int_range (rand, 0, G_N_ELEMENTS (districts))];
      g_autofree char *code = credit_code (u * 97 + 13);
      g_autofree char *rep = person_name (rand);
      g_autofree char *mgr = person_name (rand);
      g_autofree char *address
          = g_strdup_printf ("%s%s%d号", district, streets[u % G_N_ELEMENTS (streets)],
                             g_rand_int_range (rand, 1, 999));
      RectifyUnit unit = { 0 };

      unit_names[u] = g_strdup_printf ("%s%s%s%s", district,
                                       brands[g_rand_int_range (rand, 0, G_N_ELEMENTS (brands))],
                                       u % 3 ? "" : brands[u % G_N_ELEMENTS (brands)], ind->suffix);
      if (u >= 1000)
        {
          char *numbered = g_strdup_printf ("%s（%d分部）", unit_names[u], u / 1000);
          g_free (unit_names[u]);
          unit_names[u] = numbered;
        }
      g_snprintf (buf, sizeof buf, "0591-8%07d", g_rand_int_range (rand, 0, 9999999));
      unit.id = u + 1;
      unit.credit_code = code;
      unit.name = unit_names[u];
      unit.address = address;
      unit.district = (char *)district;
      unit.industry = (char *)ind->industry;
      unit.crowded = ind->crowded;
      unit.legal_rep = rep;
      unit.safety_manager = mgr;
      unit.phone = buf;
      if (!bulk->add_unit (load, &unit, error))
        goto out;
    }

  report (progress, data, _ ("Equipment"), 0.08);
  {
    gint64 id = 0;
    for (int u = 0; u < CITY_UNITS; u++)
      {
        /* 10 items per unit on average; every unit has at least one */
        gint64 remaining = CITY_EQUIPMENT - id;
        int n = u == CITY_UNITS - 1 ? (int)remaining
                                    : (int)CLAMP (g_rand_int_range (rand, 2, 19), 1,
                                                  remaining - (CITY_UNITS - u - 1));
        unit_first_eq[u] = id + 1;
        if (u % 1000 == 0 && CANCELLED ())
          goto out;
        for (int k = 0; k < n; k++)
          {
            RectifyCategory cat = city_category (rand);
            int year = g_rand_int_range (rand, 1998, 2026);
            char code[64], cert[64], location[64], last[11], next[11];
            int r = g_rand_int_range (rand, 0, 100);
            RectifyEquipment e = { 0 };

            id++;
            if (year < 2015)
              g_snprintf (code, sizeof code, "%04d%06d%04d%02d%04d", cat + 110,
                          (int)(350000 + id / 10000), year, g_rand_int_range (rand, 1, 13),
                          (int)(id % 10000));
            else
              g_snprintf (code, sizeof code, "%04d%05d%04d%05d", cat + 110,
                          (int)(10000 + id / 100000), year, (int)(id % 100000));
            g_snprintf (cert, sizeof cert, "%s11闽A%05d(%02d)", cert_prefix (cat),
                        (int)(id % 100000), year % 100);
            g_snprintf (location, sizeof location, "%d号楼%d层", g_rand_int_range (rand, 1, 12),
                        g_rand_int_range (rand, 1, 30));
            eq_quantity[id]
                = cat == RECTIFY_CATEGORY_GAS_CYLINDER ? g_rand_int_range (rand, 10, 200) : 1;
            eq_category[id] = cat;
            g_snprintf (last, sizeof last, "%04d-%02d-%02d",
                        g_rand_int_range (rand, 2024, 2027) - (r % 17 == 3),
                        g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
            if (strcmp (last, today) > 0)
              memcpy (last, "2025", 4);
            g_snprintf (next, sizeof next, "%04d%s", atoi (last) + 1, last + 4); /* days are ≤ 28 */
            e.id = id;
            e.unit_id = u + 1;
            e.category = cat;
            e.code = code;
            e.reg_cert = cert;
            e.variety = (char *)variety_of (cat);
            e.location = location;
            e.status = r < 90   ? RECTIFY_EQUIPMENT_IN_USE
                       : r < 95 ? RECTIFY_EQUIPMENT_STOPPED
                       : r < 98 ? RECTIFY_EQUIPMENT_SCRAPPED
                                : RECTIFY_EQUIPMENT_NOT_IN_USE;
            e.registered_user = r % 20 == 7 ? "原使用单位（未变更登记）" : unit_names[u];
            e.quantity = eq_quantity[id];
            e.last_inspection = last;
            e.next_inspection = next;
            if (!bulk->add_equipment (load, &e, error))
              goto out;
          }
        if (u % 1000 == 0)
          report (progress, data, _ ("Equipment"), 0.08 + 0.22 * u / CITY_UNITS);
      }
    unit_first_eq[CITY_UNITS] = id + 1;
  }

  report (progress, data, _ ("Inspections"), 0.3);
  {
    /* Visits row by row; the rows under them (officers, equipment) are
     * derived set-wise by the store below, from the same numbers. */
    gint64 checks = 0;
    gint64 capacity = CITY_CHECKS / 8;

    inspection_unit = g_new (gint64, capacity);
    inspection_dates = g_new (char, capacity * 11);
    inspection_campaign = g_new (gint64, capacity);
    while (checks < CITY_CHECKS)
      {
        int u = g_rand_int_range (rand, 0, CITY_UNITS);
        int n_eq = unit_first_eq[u + 1] - unit_first_eq[u];
        int c = g_rand_int_range (rand, 0, 4);       /* 3 = outside a campaign */
        int kind_r = g_rand_int_range (rand, 0, 10); /* self 10 %, back-check 20 % */
        RectifyInspectionKind kind = kind_r == 0  ? RECTIFY_INSPECTION_SELF
                                     : kind_r < 3 ? RECTIFY_INSPECTION_BACK_CHECK
                                                  : RECTIFY_INSPECTION_BUREAU;
        int n_officers = kind_r == 0 ? 0 : g_rand_int_range (rand, 2, 5);
        int take = MIN (n_eq, (int)(CITY_CHECKS - checks));
        int day = c < 3 ? g_rand_int_range (rand, 0, campaigns[c].days)
                        : g_rand_int_range (rand, 0, 1050);
        char *date;
        char checklist[RECTIFY_N_CHECK_ITEMS];
        RectifyBulkInspection in = { 0 };

        if (take < n_eq)
          continue; /* the last visit checks a whole unit too */
        if (n_inspections == capacity)
          {
            capacity *= 2;
            inspection_unit = g_renew (gint64, inspection_unit, capacity);
            inspection_dates = g_renew (char, inspection_dates, capacity * 11);
            inspection_campaign = g_renew (gint64, inspection_campaign, capacity);
          }
        date = INSPECTION_DATE (n_inspections);
        {
          g_autofree char *d = date_plus (c < 3 ? campaigns[c].start : "2024-01-02", day);
          g_strlcpy (date, strcmp (d, today) > 0 ? today : d, 11);
        }
        /* cylinders count by the quantity checked, at most five a visit;
         * the tally the store would keep is summed here */
        for (int k = 0; k < take; k++)
          {
            gint64 eq = unit_first_eq[u] + k;
            g_autofree char *key
                = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%d", c < 3 ? campaigns[c].id : 0,
                                   date, rectify_inspection_kind_to_code (kind), eq_category[eq]);
            gpointer sum = g_hash_table_lookup (tally, key);
            in.equipment_count += MIN (eq_quantity[eq], 5);
            g_hash_table_replace (
                tally, g_steal_pointer (&key),
                GSIZE_TO_POINTER (GPOINTER_TO_SIZE (sum) + MIN (eq_quantity[eq], 5)));
          }
        /* the 3-2-1-1 checklist: 90 % pass, 7 % fail, 3 % not applicable */
        for (int item = 0; item < RECTIFY_N_CHECK_ITEMS; item++)
          {
            int r = g_rand_int_range (rand, 0, 100);
            checklist[item] = r < 90 ? 'P' : r < 97 ? 'F' : 'N';
          }
        in.id = n_inspections + 1;
        in.campaign_id = c < 3 ? campaigns[c].id : 0;
        in.unit_id = u + 1;
        in.kind = kind;
        in.date = date;
        in.officer_count = n_officers;
        in.checklist = checklist;
        if (!bulk->add_inspection (load, &in, error))
          goto out;
        inspection_unit[n_inspections] = u + 1;
        inspection_campaign[n_inspections] = c < 3 ? campaigns[c].id : 0;
        n_inspections++;
        checks += take;
        if (n_inspections % 5000 == 0)
          {
            if (CANCELLED ())
              goto out;
            report (progress, data, _ ("Inspections"), 0.3 + 0.2 * checks / CITY_CHECKS);
          }
      }
    if (CANCELLED ())
      goto out;
    {
      GHashTableIter iter;
      gpointer key, sum;

      g_hash_table_iter_init (&iter, tally);
      while (g_hash_table_iter_next (&iter, &key, &sum))
        {
          g_auto (GStrv) parts = g_strsplit (key, "|", 4);
          RectifyInspectionKind kind = RECTIFY_INSPECTION_BUREAU;

          rectify_inspection_kind_from_code (parts[2], &kind);
          if (!bulk->add_check_tally (load, g_ascii_strtoll (parts[0], NULL, 10), parts[1], kind,
                                      atoi (parts[3]), GPOINTER_TO_SIZE (sum), error))
            goto out;
        }
    }
    report (progress, data, _ ("Equipment checks"), 0.5);
    /* two to four officers, three badges apart, from a start drawn per visit */
    if (!bulk->derive_inspection_rows (load, seed % 10007, error))
      goto out;
  }

  report (progress, data, _ ("Hazards"), 0.7);
  {
    static const char *const cats[] = { "inspection_overdue",
                                        "registration_outdated",
                                        "unlicensed_operator",
                                        "files_incomplete",
                                        "emergency_plan",
                                        "equipment_defect",
                                        "other" };
    static const char *const contents[] = {
      "设备超过定期检验有效期未申报检验",
      "使用单位变更后未办理使用登记变更",
      "现场作业人员无证上岗",
      "设备安全技术档案不齐全",
      "应急救援预案未制定或未组织演练",
      "安全附件失效，安全保护装置动作不可靠",
      "设备铭牌缺失，使用标志未张贴",
    };
    static const char *const standards[] = {
      "《特种设备安全法》第四十条",      "《特种设备使用管理规则》第3.7条",
      "《特种设备安全法》第十四条",      "《特种设备安全法》第三十五条",
      "《特种设备安全法》第六十九条",    "《特种设备安全法》第三十九条",
      "《特种设备使用管理规则》第2.4条",
    };
    int today_day = day_number (today);

    for (gint64 id = 1; id <= CITY_HAZARDS; id++)
      {
        gint64 in = g_rand_int_range (rand, 0, n_inspections);
        int cat = g_rand_int_range (rand, 0, G_N_ELEMENTS (cats));
        gboolean major = g_rand_int_range (rand, 0, 100) < 3;
        const char *found = INSPECTION_DATE (in);
        int found_day = day_number (found);
        char deadline[11], closed_buf[11];
        const char *closed = NULL;
        gint64 u = inspection_unit[in];
        gint64 officer = g_rand_int_range (rand, 11, 191);
        int r = g_rand_int_range (rand, 0, 100);
        gboolean open;
        RectifyHazardStatus status;
        RectifyHazard h = { 0 };

        format_day (found_day + g_rand_int_range (rand, 7, 61), deadline);
        if (today_day - found_day > 90 ? r < 95 : r < 55)
          {
            format_day (MIN (found_day + g_rand_int_range (rand, 0, 60), today_day), closed_buf);
            closed = closed_buf;
            status = RECTIFY_HAZARD_CLOSED;
          }
        else
          status = r < 75   ? RECTIFY_HAZARD_RECTIFYING
                   : r < 90 ? RECTIFY_HAZARD_RECTIFIED
                            : RECTIFY_HAZARD_OPEN;
        open = status == RECTIFY_HAZARD_OPEN;

        h.id = id;
        h.inspection_id = in + 1;
        h.unit_id = u;
        h.equipment_id = unit_first_eq[u - 1];
        h.campaign_id = inspection_campaign[in];
        h.category = (char *)cats[cat];
        h.grade = major ? RECTIFY_GRADE_MAJOR : RECTIFY_GRADE_GENERAL;
        h.found_date = (char *)found;
        h.content = (char *)contents[cat];
        h.standard = (char *)(open ? "" : standards[cat]);
        h.measures = open ? "" : "限期整改，整改完成后报告";
        h.deadline = open ? NULL : deadline;
        h.responsible = open ? "" : "安全管理员";
        h.supervisor_id = officer;
        h.status = status;
        h.closed_date = (char *)closed;
        if (!bulk->add_hazard (load, &h, error))
          goto out;
        if (id % 10000 == 0)
          {
            if (CANCELLED ())
              goto out;
            report (progress, data, _ ("Hazards"), 0.7 + 0.1 * id / CITY_HAZARDS);
          }
      }
    /* each hazard's tracking log, in the order things happened */
    {
      g_autofree char *now = rectify_now_utc ();
      report (progress, data, _ ("Hazard events"), 0.8);
      if (!bulk->derive_hazard_events (load, today, now, error))
        goto out;
    }
  }

  report (progress, data, _ ("Documents"), 0.9);
  {
    g_autofree char *prefix_i
        = rectify_store_get_setting (store, "number-prefix-instruction", "X市监特指");
    g_autofree char *prefix_o
        = rectify_store_get_setting (store, "number-prefix-opinion", "X市监特整");

    /* hazards are in no date order, so take every sixth and number per year as we go */
    for (gint64 id = 1; id <= CITY_DOCUMENTS; id++)
      {
        gint64 hazard = id * 6;
        gboolean letter = id % 5 < 2;
        int year = bulk->hazard_year (load, hazard), y;
        g_autofree char *number = NULL;
        RectifyDocument d = { 0 };

        if (year == 0)
          continue;
        y = CLAMP (year - 2024, 0, 2);
        doc_seq[letter ? 0 : 1][y]++;
        number = rectify_document_format_number (letter ? prefix_i : prefix_o, year,
                                                 doc_seq[letter ? 0 : 1][y], FALSE);
        d.id = id;
        d.kind
            = letter ? RECTIFY_DOCUMENT_INSTRUCTION_LETTER : RECTIFY_DOCUMENT_RECTIFICATION_OPINION;
        d.year = year;
        d.seq = doc_seq[letter ? 0 : 1][y];
        d.number = number;
        d.officer_id = 1 + id % 10;
        if (!bulk->add_hazard_document (load, &d, hazard, error))
          goto out;
      }
  }

  report (progress, data, _ ("Indexing"), 0.93);
  if (!bulk->finish (load, error))
    goto out;

  /* one audit entry for each kind of record, with the hash over them all */
  {
    const struct
    {
      const char *entity;
      gint64 last;
    } batches[] = {
      { "officer", CITY_OFFICERS },    { "campaign", campaigns[2].id }, { "unit", CITY_UNITS },
      { "equipment", CITY_EQUIPMENT }, { "inspection", n_inspections }, { "hazard", CITY_HAZARDS },
      { "document", CITY_DOCUMENTS },
    };
    report (progress, data, _ ("Audit log"), 0.95);
    for (guint i = 0; i < G_N_ELEMENTS (batches); i++)
      if (!rectify_store_audit_batch (store, batches[i].entity, 1, batches[i].last, "demo",
                                      "\"scale\":\"city\"", error))
        goto out;
  }
  {
    g_autofree char *after
        = g_strdup_printf ("{\"scale\":\"city\",\"seed\":%u,\"units\":%d,\"equipment\":%d,"
                           "\"inspections\":%" PRId64 ",\"hazards\":%d}",
                           seed, CITY_UNITS, CITY_EQUIPMENT, n_inspections, CITY_HAZARDS);
    ok = rectify_store_audit (store, "demo", 0, "generate", NULL, after, error);
  }
  if (ok)
    {
      rectify_store_mark_changed (store, "officer");
      rectify_store_mark_changed (store, "campaign");
      rectify_store_mark_changed (store, "unit");
      rectify_store_mark_changed (store, "equipment");
      rectify_store_mark_changed (store, "inspection");
      rectify_store_mark_changed (store, "hazard");
      rectify_store_mark_changed (store, "document");
    }
#undef CANCELLED
#undef INSPECTION_DATE

out:
  for (int u = 0; u < CITY_UNITS; u++)
    g_free (unit_names[u]);
  if (load)
    bulk->free (load);
  report (progress, data, _ ("Saving"), 0.97);
  ok = rectify_store_end (store, ok, ok ? error : NULL);
  bulk->end_city (store, ok);
  if (!ok)
    return 0;
  report (progress, data, _ ("Done"), 1.0);
  return campaigns[2].id;
}

gint64
rectify_demo_generate (RectifyStore *store,
                       RectifyDemoScale scale,
                       guint32 seed,
                       RectifyProgressFunc progress,
                       gpointer user_data,
                       GCancellable *cancellable,
                       GError **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (RECTIFY_IS_STORE (store), 0);

  if (!rectify_store_is_empty (store))
    {
      g_set_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE,
                   _ ("Sample data goes only into an empty database; %s already holds records"),
                   rectify_store_get_path (store));
      return 0;
    }
  /* An empty database has no officer to act: the sample is written by the
   * system, its casework by the sample's own officers. */
  rectify_store_push_system (store);
  if (!rectify_store_check_writer (store, error))
    campaign_id = 0;
  else if (scale == RECTIFY_DEMO_SEED)
    campaign_id = generate_seed (store, seed, progress, user_data, cancellable, error);
  else
    campaign_id = generate_city (store, seed, progress, user_data, cancellable, error);
  rectify_store_pop_system (store);
  return campaign_id;
}
