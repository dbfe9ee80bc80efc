/* test-store.c: the second reader, refused writes, roles, audit, lists, search, deletes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rectify-demo.h"
#include "rectify-validate.h"
#include "test-util.h"

static char *
make_credit_code (guint n)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19] = "91350100000000000";
  for (int i = 16; i >= 10; i--, n /= 31)
    code[i] = chars[n % 31];
  code[17] = rectify_credit_code_check_char (code);
  code[18] = 0;
  return g_strdup (code);
}

static gint64
add_unit (RectifyStore *store, guint n, const char *name, GError **error)
{
  g_autoptr(RectifyUnit) u = rectify_unit_new ();
  u->credit_code = make_credit_code (n);
  u->name = g_strdup (name);
  u->district = g_strdup ("鼓楼区");
  return rectify_store_add_unit (store, u, error);
}



/* The second connection a list reads with in a thread: it sees what the
 * store committed, searches, never writes, and wants an up-to-date file. */
static void
test_reader (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyStore) reader = NULL;
  g_autoptr(RectifyStore) old = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *old_path = NULL;
  RectifyQuery q = RECTIFY_QUERY_INIT;
  gint64 hospital;

  test_db_open (&t);
  test_store_sign_in (t.store);
  hospital = add_unit (t.store, 1, "鼓楼区第一医院", &error);
  g_assert_no_error (error);
  add_unit (t.store, 2, "台江区热电厂", &error);
  g_assert_no_error (error);

  reader = rectify_store_open_reader (t.path, &error);
  g_assert_no_error (error);
  q.search = "医院";
  ids = rectify_store_query_unit_ids (reader, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, hospital);
  /* the limit gives the first rows only */
  q.search = NULL;
  q.limit = 1;
  g_clear_pointer (&ids, g_array_unref);
  ids = rectify_store_query_unit_ids (reader, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* a write through it is refused, and nothing changes */
  g_assert_cmpint (add_unit (reader, 3, "仓山区学校", &error), <=, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    RectifyQuery all = RECTIFY_QUERY_INIT;
    gint64 total = -1;
    g_autoptr(GPtrArray) units = rectify_store_list_units (t.store, &all, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 2);
  }

  /* an older file is not read behind its store's back */
  old_path = g_build_filename (t.dir, "v1.db", NULL);
  old = rectify_store_open_at_version (old_path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);
  reader = rectify_store_open_reader (old_path, &error);
  g_assert_null (reader);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  g_clear_object (&old);

  test_db_close (&t);
}



static void
test_bad_input_writes_nothing (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 unit;

  test_db_open (&t);
  test_store_sign_in (t.store);
  unit = add_unit (t.store, 1, "福州华信医院", &error);
  g_assert_no_error (error);
  before = test_db_fingerprint (&t);

  /* bad credit code */
  {
    g_autoptr(RectifyUnit) u = rectify_unit_new ();
    u->credit_code = g_strdup ("91350100M000100Y40");
    u->name = g_strdup ("错误代码单位");
    g_assert_cmpint (rectify_store_add_unit (t.store, u, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Credit code"));
    g_clear_error (&error);
  }
  /* duplicate credit code */
  g_assert_cmpint (add_unit (t.store, 1, "重复的单位", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* missing name */
  g_assert_cmpint (add_unit (t.store, 2, "   ", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Name"));
  g_clear_error (&error);
  /* equipment of an unknown unit, bad code, bulk quantity on an elevator, dates in the wrong order */
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = 999;
    e->category = RECTIFY_CATEGORY_ELEVATOR;
    e->code = g_strdup ("311035010201600001");
    g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
    g_clear_error (&error);
    e->unit_id = unit;
    g_free (e->code);
    e->code = g_strdup ("31103501");
    g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_clear_error (&error);
    g_free (e->code);
    e->code = g_strdup ("311035010201600001");
    e->quantity = 40;
    g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Quantity"));
    g_clear_error (&error);
    e->quantity = 1;
    e->last_inspection = g_strdup ("2026-05-01");
    e->next_inspection = g_strdup ("2025-05-01");
    g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Next inspection"));
    g_clear_error (&error);
    e->category = 1234;
    g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Category"));
    g_clear_error (&error);
  }
  /* operator with a wrong ID number */
  {
    g_autoptr(RectifyOperator) op = rectify_operator_new ();
    op->unit_id = unit;
    op->name = g_strdup ("王伟");
    op->id_number = g_strdup ("110105194912310021");
    g_assert_cmpint (rectify_store_add_operator (t.store, op, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "ID number"));
    g_clear_error (&error);
  }
  /* campaign with an impossible date and length */
  {
    g_autoptr(RectifyCampaign) c = rectify_campaign_new ();
    c->name = g_strdup ("百日行动");
    c->start_date = g_strdup ("2026-02-30");
    g_assert_cmpint (rectify_store_add_campaign (t.store, c, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Start date"));
    g_clear_error (&error);
    g_free (c->start_date);
    c->start_date = g_strdup ("2026-03-22");
    c->days = 0;
    g_assert_cmpint (rectify_store_add_campaign (t.store, c, &error), ==, 0);
    g_assert_true (g_str_has_prefix (error->message, "Length"));
    g_clear_error (&error);
    c->days = 100;
    c->head_id = 42;
    g_assert_cmpint (rectify_store_add_campaign (t.store, c, &error), ==, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  /* update of a record that does not exist */
  {
    g_autoptr(RectifyUnit) u = rectify_unit_new ();
    u->id = 12345;
    u->credit_code = make_credit_code (3);
    u->name = g_strdup ("不存在");
    g_assert_false (rectify_store_update_unit (t.store, u, &error));
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);
  test_db_close (&t);
}

static void
test_roles (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyOfficer) o = rectify_officer_new ();
  gint64 archivist, found;

  test_db_open (&t);
  test_store_sign_in (t.store);
  o->badge = g_strdup ("A-1");
  o->name = g_strdup ("何静");
  o->role = RECTIFY_ROLE_ARCHIVIST;
  archivist = rectify_store_add_officer (t.store, o, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_find_officer (t.store, "A-1", &found, &error));
  g_assert_cmpint (found, ==, archivist);
  g_assert_true (rectify_store_set_actor (t.store, archivist, &error));
  g_assert_cmpint (add_unit (t.store, 5, "档案员不能写", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (rectify_store_set_actor (t.store, 777, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NOT_FOUND);
  test_db_close (&t);
}

static void
on_changed (RectifyStore *store, const char *entity, gpointer data)
{
  g_ptr_array_add (data, g_strdup (entity));
}

static void
test_audit_and_signal (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(RectifyUnit) u = NULL;
  RectifyAuditEntry *last;
  gint64 id;

  test_db_open (&t);
  test_store_sign_in (t.store);
  g_signal_connect (t.store, "changed::unit", G_CALLBACK (on_changed), seen);
  id = add_unit (t.store, 9, "鼓楼协和医院", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  u = rectify_store_get_unit (t.store, id, &error);
  g_free (u->name);
  u->name = g_strdup ("鼓楼协和医院（新院区）");
  g_assert_true (rectify_store_update_unit (t.store, u, &error));
  g_assert_cmpuint (seen->len, ==, 2);

  audit = rectify_store_list_audit (t.store, 10, &error);
  g_assert_no_error (error);
  /* the officer who signed in, the unit, its update */
  g_assert_cmpuint (audit->len, ==, 3);
  last = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (last->entity, ==, "unit");
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_nonnull (strstr (last->before_json, "\"name\":\"鼓楼协和医院\""));
  g_assert_nonnull (strstr (last->after_json, "新院区"));
  test_db_close (&t);
}

static void
test_lists_and_search (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "福州市第一人民医院", "鼓楼热电有限公司", "台江万达购物广场",
                                       "仓山人民医院门诊部", "Fuzhou Harbour Crane Co" };
  gint64 units[5];

  test_db_open (&t);
  test_store_sign_in (t.store);
  for (int i = 0; i < 5; i++)
    {
      units[i] = add_unit (t.store, 100 + i, names[i], &error);
      g_assert_no_error (error);
    }
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
      e->unit_id = units[i % 5];
      e->category = i % 3 ? RECTIFY_CATEGORY_ELEVATOR : RECTIFY_CATEGORY_BOILER;
      e->code = g_strdup_printf ("3110350102016%05d", i);
      e->location = g_strdup_printf ("%d号楼", i);
      e->next_inspection = g_strdup (i < 4 ? "2026-01-01" : "2027-01-01");
      e->registered_user = g_strdup (i == 7 ? "原物业公司" : names[i % 5]);
      g_assert_cmpint (rectify_store_add_equipment (t.store, e, &error), >, 0);
    }

#define SEARCH_UNITS(words, expected)                                              \
  G_STMT_START {                                                                   \
    RectifyQuery q = RECTIFY_QUERY_INIT;                                           \
    gint64 total = -1;                                                             \
    g_autoptr(GPtrArray) rows = NULL;                                              \
    q.search = words;                                                              \
    rows = rectify_store_list_units (t.store, &q, &total, &error);                 \
    g_assert_no_error (error);                                                     \
    g_assert_cmpint (total, ==, expected);                                         \
    g_assert_cmpuint (rows->len, ==, expected);                                    \
  } G_STMT_END

  SEARCH_UNITS ("医院", 2);        /* two characters, the common case */
  SEARCH_UNITS ("医", 2);          /* one character */
  SEARCH_UNITS ("院", 2);          /* the last character of a run */
  SEARCH_UNITS ("人民医院", 2);
  SEARCH_UNITS ("第一人民医院", 1);
  SEARCH_UNITS ("热电", 1);
  SEARCH_UNITS ("医院 仓山", 1);   /* all words must match */
  SEARCH_UNITS ("harb", 1);        /* Latin prefix, any case */
  SEARCH_UNITS ("电医", 0);
  SEARCH_UNITS ("\"", 5);          /* nothing to search for: everything */

  /* codes by prefix, filters, sort and pages */
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    gint64 total = 0;
    g_autoptr(GPtrArray) rows = NULL;
    q.search = "31103501020160002";
    rows = rectify_store_list_equipment (t.store, &q, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 10);
  }
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    gint64 total = 0;
    g_autoptr(GPtrArray) rows = NULL;
    RectifyEquipment *first;
    q.category = RECTIFY_CATEGORY_ELEVATOR;
    q.sort = "code";
    q.descending = TRUE;
    q.offset = 5;
    q.limit = 5;
    rows = rectify_store_list_equipment (t.store, &q, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 20);
    g_assert_cmpuint (rows->len, ==, 5);
    first = g_ptr_array_index (rows, 0);
    /* elevators are i % 3 != 0: 29 28 26 25 23 | 22 ... */
    g_assert_cmpstr (first->code, ==, "311035010201600022");
  }
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    gint64 total = 0;
    g_autoptr(GPtrArray) rows = NULL;
    q.inspection_overdue = TRUE;
    q.as_of = "2026-06-30";
    rows = rectify_store_list_equipment (t.store, &q, &total, &error);
    g_assert_cmpint (total, ==, 4);
    q.inspection_overdue = FALSE;
    q.user_differs = TRUE;
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rectify_store_list_equipment (t.store, &q, &total, &error);
    g_assert_cmpint (total, ==, 1);
  }
  /* a search alone is read from the search index in id order: the same
   * rows as the general query, either way round */
  for (int desc = 0; desc < 2; desc++)
    {
      RectifyQuery q = RECTIFY_QUERY_INIT;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      q.search = "号楼";
      q.descending = desc;
      ids = rectify_store_query_equipment_ids (t.store, &q, &error);
      rows = rectify_store_list_equipment (t.store, &q, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, 30);
      g_assert_cmpuint (rows->len, ==, ids->len);
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpint (((RectifyEquipment *) g_ptr_array_index (rows, i))->id, ==, g_array_index (ids, gint64, i));
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, desc ? 30 : 1);
    }
  /* a snapshot of ids gives the same rows as the pages, at any offset */
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;
    q.sort = "unit";
    q.descending = TRUE;
    ids = rectify_store_query_equipment_ids (t.store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 30);
    for (gint64 offset = 0; offset < 30; offset += 7)
      {
        g_autoptr(GPtrArray) page = NULL;
        g_autoptr(GPtrArray) by_ids = NULL;
        q.offset = offset;
        q.limit = 7;
        page = rectify_store_list_equipment (t.store, &q, NULL, &error);
        by_ids = rectify_store_get_equipment_by_ids (t.store, &g_array_index (ids, gint64, offset),
                                                     MIN (7, ids->len - offset), &error);
        g_assert_no_error (error);
        g_assert_cmpuint (page->len, ==, by_ids->len);
        for (guint i = 0; i < page->len; i++)
          {
            RectifyEquipment *a = g_ptr_array_index (page, i);
            RectifyEquipment *b = g_ptr_array_index (by_ids, i);
            g_assert_cmpint (a->id, ==, g_array_index (ids, gint64, offset + i));
            g_assert_cmpint (a->id, ==, b->id);
            g_assert_cmpstr (a->unit_name, ==, b->unit_name);
          }
      }
  }
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GPtrArray) rows = NULL;
    q.sort = "name; DROP TABLE unit";
    rows = rectify_store_list_units (t.store, &q, NULL, &error);
    g_assert_null (rows);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* punctuation between Chinese words separates them: a name is found by
   * itself as written, and by its words with other punctuation (found by
   * fuzzing: the whole name found nothing) */
  add_unit (t.store, 105, "福州市第一医院（鼓楼院区）", &error);
  g_assert_no_error (error);
  SEARCH_UNITS ("福州市第一医院（鼓楼院区）", 1);
  SEARCH_UNITS ("第一医院，鼓楼", 1);
  SEARCH_UNITS ("医院（", 3);
  test_db_close (&t);
}











static void
test_delete_and_undo (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyUnit) kept = NULL;
  g_autoptr(RectifyUnit) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) districts = NULL;
  gint64 unit, busy, eq;

  test_db_open (&t);
  test_store_sign_in (t.store);
  unit = add_unit (t.store, 1, "待删除的单位", &error);
  busy = add_unit (t.store, 2, "有设备的单位", &error);
  {
    g_autoptr(RectifyEquipment) e = rectify_equipment_new ();
    e->unit_id = busy;
    e->category = RECTIFY_CATEGORY_ELEVATOR;
    e->code = g_strdup ("311035010201600001");
    eq = rectify_store_add_equipment (t.store, e, &error);
    g_assert_no_error (error);
  }
  /* a unit with equipment is refused, and nothing changes */
  before = test_db_fingerprint (&t);
  g_assert_false (rectify_store_delete_unit (t.store, busy, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  after = test_db_fingerprint (&t);
  g_assert_cmpstr (before, ==, after);

  /* delete, then undo: the same id and fields come back, the search finds it */
  kept = rectify_store_get_unit (t.store, unit, &error);
  g_assert_true (rectify_store_delete_unit (t.store, unit, &error));
  g_assert_no_error (error);
  g_assert_null (rectify_store_get_unit (t.store, unit, NULL));
  g_assert_cmpint (rectify_store_add_unit (t.store, kept, &error), ==, unit);
  back = rectify_store_get_unit (t.store, unit, &error);
  g_assert_cmpstr (back->name, ==, kept->name);
  g_assert_cmpstr (back->credit_code, ==, kept->credit_code);
  {
    RectifyQuery q = RECTIFY_QUERY_INIT;
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    q.search = "删除";
    ids = rectify_store_query_unit_ids (t.store, &q, &error);
    g_assert_cmpuint (ids->len, ==, 1);
    rows = rectify_store_get_units_by_ids (t.store, (gint64 *) ids->data, ids->len, &error);
    g_assert_cmpint (((RectifyUnit *) g_ptr_array_index (rows, 0))->id, ==, unit);
  }
  g_assert_true (rectify_store_delete_equipment (t.store, eq, &error));
  g_assert_true (rectify_store_delete_unit (t.store, busy, &error));
  g_assert_cmpint (test_audit_count (t.store, NULL, "delete"), ==, 3);
  districts = rectify_store_list_unit_values (t.store, "district", &error);
  g_assert_cmpuint (g_strv_length (districts), ==, 1);
  g_assert_cmpstr (districts[0], ==, "鼓楼区");
  test_db_close (&t);
}

/* Every write names its officer: without one nothing is written (the
 * store exactly as before), except the very first officer of an empty
 * store and the sample data; an officer made inactive stops acting. */
static void
test_acting_officer (void)
{
  TestDb t;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyOfficer) first = rectify_officer_new ();
  g_autoptr(RectifyOfficer) second = rectify_officer_new ();
  g_autoptr(RectifyOfficer) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 manager, officer;

  test_db_open (&t);
  first->badge = g_strdup ("M-1");
  first->name = g_strdup ("林建华");
  first->role = RECTIFY_ROLE_MANAGER;
  manager = rectify_store_add_officer (t.store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (manager, >, 0);
  g_assert_cmpint (test_audit_count (t.store, "officer", "create"), ==, 1);

  /* the second officer, a unit, a setting: refused, nothing written */
  before = test_store_checksum (t.path);
  second->badge = g_strdup ("O-1");
  second->name = g_strdup ("黄晓东");
  second->role = RECTIFY_ROLE_OFFICER;
  g_assert_cmpint (rectify_store_add_officer (t.store, second, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR);
  g_clear_error (&error);
  g_assert_cmpint (add_unit (t.store, 1, "鼓楼区第一医院", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR);
  g_clear_error (&error);
  g_assert_false (rectify_store_set_setting (t.store, "bureau-name", "X市局", &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR);
  g_clear_error (&error);
  /* nor does sample data go into a store that has an officer */
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_STATE);
  g_clear_error (&error);
  after = test_store_checksum (t.path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* signed in, the manager adds the second officer, whose change is theirs */
  g_assert_true (rectify_store_set_actor (t.store, manager, &error));
  officer = rectify_store_add_officer (t.store, second, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_store_set_actor (t.store, officer, &error));
  g_assert_cmpint (add_unit (t.store, 1, "鼓楼区第一医院", &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) audit = rectify_store_list_audit (t.store, 1, &error);
    RectifyAuditEntry *last = g_ptr_array_index (audit, 0);
    g_assert_cmpint (last->officer_id, ==, officer);
  }

  /* made inactive at another desk, the officer can no longer act here */
  {
    g_autoptr(RectifyStore) desk = test_store_open (t.path, &error);
    g_assert_no_error (error);
    g_assert_true (rectify_store_set_actor (desk, manager, &error));
    stored = rectify_store_get_officer (desk, officer, &error);
    stored->active = FALSE;
    g_assert_true (rectify_store_update_officer (desk, stored, &error));
    g_assert_no_error (error);
  }
  g_free (before);
  before = test_store_checksum (t.path);
  g_assert_cmpint (add_unit (t.store, 2, "台江区热电厂", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "no longer active"));
  g_clear_error (&error);
  g_assert_false (rectify_store_set_actor (t.store, officer, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_PERMISSION);
  g_clear_error (&error);
  after = test_store_checksum (t.path);
  g_assert_cmpstr (after, ==, before);
  test_db_close (&t);

  /* an empty store takes the sample data, written as the system */
  test_db_open (&t);
  g_assert_cmpint (rectify_demo_generate (t.store, RECTIFY_DEMO_SEED, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rectify_store_get_actor (t.store), ==, 0);
  g_assert_cmpint (add_unit (t.store, 3, "仓山区学校", &error), ==, 0);
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_NO_ACTOR);
  test_db_close (&t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RECTIFY_BUSY_TIMEOUT_MS", "300", TRUE);
  g_test_add_func ("/store/reader", test_reader);
  g_test_add_func ("/store/bad-input-writes-nothing", test_bad_input_writes_nothing);
  g_test_add_func ("/store/roles", test_roles);
  g_test_add_func ("/store/acting-officer", test_acting_officer);
  g_test_add_func ("/store/audit-and-signal", test_audit_and_signal);
  g_test_add_func ("/store/lists-and-search", test_lists_and_search);
  g_test_add_func ("/store/delete-and-undo", test_delete_and_undo);
  return g_test_run ();
}
