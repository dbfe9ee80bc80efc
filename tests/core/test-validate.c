/* test-validate.c: codes and dates from public standards, and the search words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rectify-error.h"
#include "rectify-format.h"
#include "rectify-validate.h"
#include "test-util.h"

static void
test_credit_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  /* 17 characters, then the check character computed by hand from GB 32100:
   * 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 weighted and summed. */
  char code[19] = "91350100M000100Y4";

  code[17] = rectify_credit_code_check_char (code);
  code[18] = '\0';
  g_assert_true (rectify_validate_credit_code (code, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, code);

  /* lower case is accepted and normalized */
  {
    g_autofree char *lower = g_ascii_strdown (code, -1);
    g_autofree char *norm = NULL;
    g_assert_true (rectify_validate_credit_code (lower, &norm, NULL));
    g_assert_cmpstr (norm, ==, code);
  }
  /* a typing error in one place changes the check character */
  code[3] = code[3] == '5' ? '6' : '5';
  g_assert_false (rectify_validate_credit_code (code, NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Credit code"));
  g_clear_error (&error);

  g_assert_false (rectify_validate_credit_code ("91350100M000100Y", NULL, &error));
  g_assert_nonnull (strstr (error->message, "18"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_credit_code ("91350100M0001O0Y43", NULL, &error)); /* letter O */
  g_assert_nonnull (strstr (error->message, "O"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_credit_code ("", NULL, &error));
  g_clear_error (&error);
  g_assert_false (rectify_validate_credit_code (NULL, NULL, &error));
}

static void
test_credit_code_known (void)
{
  /* The check of a sum that is a multiple of 31 is 0, not 31 (index mod 31). */
  const char *chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char first[18] = "00000000000000000";
  g_assert_cmpint (rectify_credit_code_check_char (first), ==, '0');
  /* a single 1 in position 1 (weight 1): 31 - 1 = 30 -> 'Y' */
  first[0] = '1';
  g_assert_cmpint (rectify_credit_code_check_char (first), ==, chars[30]);
  /* position 2 has weight 3: 31 - 3 = 28 -> 'W' */
  first[0] = '0';
  first[1] = '1';
  g_assert_cmpint (rectify_credit_code_check_char (first), ==, chars[28]);
}

static void
test_id_number (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *masked = NULL;
  /* the published example of GB 11643: 11010519491231002X */
  g_assert_true (rectify_validate_id_number ("11010519491231002X", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_validate_id_number ("11010519491231002x", NULL, NULL));
  g_assert_false (rectify_validate_id_number ("110105194912310021", NULL, &error));
  g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
  g_clear_error (&error);
  /* a birth date that does not exist */
  {
    char id[19] = "11010519490231002";
    id[17] = rectify_id_number_check_char (id);
    id[18] = 0;
    g_assert_false (rectify_validate_id_number (id, NULL, &error));
    g_assert_nonnull (strstr (error->message, "1949-02-31"));
  }
  masked = rectify_mask_id_number ("11010519491231002X");
  g_assert_cmpstr (masked, ==, "110105********002X");
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plus = NULL;

  g_assert_true (rectify_validate_date ("Deadline", "2024-02-29", NULL));
  g_assert_false (rectify_validate_date ("Deadline", "2026-02-29", &error));
  g_assert_nonnull (strstr (error->message, "Deadline"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_date ("Deadline", "2026-6-1", NULL));
  g_assert_false (rectify_validate_date ("Deadline", "tomorrow", NULL));
  g_assert_false (rectify_validate_date ("Deadline", "", NULL));
  g_assert_cmpint (rectify_date_diff ("2026-03-22", "2026-06-29"), ==, 99);
  plus = rectify_date_add_days ("2026-03-22", 99);
  g_assert_cmpstr (plus, ==, "2026-06-29");
}

static void
test_equipment_code (void)
{
  g_assert_true (rectify_validate_equipment_code ("31103506002016053337", NULL)); /* old, 20 digits */
  g_assert_true (rectify_validate_equipment_code ("311035010201600001", NULL));   /* new, 18 digits */
  g_assert_false (rectify_validate_equipment_code ("3110350100201600001", NULL)); /* 19 */
  g_assert_false (rectify_validate_equipment_code ("31103501020160000A", NULL));
}

static void
test_message_names_field (void)
{
  g_assert_true (rectify_message_names_field ("Credit code: check character is “3”", "Credit code"));
  g_assert_true (rectify_message_names_field ("Equipment code: has 8 digits", "Equipment Code"));
  g_assert_true (rectify_message_names_field ("统一社会信用代码：校验位错误", "统一社会信用代码"));
  g_assert_false (rectify_message_names_field ("Credit code: x", "Credit"));
  g_assert_false (rectify_message_names_field ("Name: required", "Unit"));
  g_assert_false (rectify_message_names_field (NULL, "Name"));
}

/* A name, a code or another one-line field never takes a line break (LF or
 * CR), wherever it comes from; notes and other texts of several lines keep
 * theirs.  The message names the field. */
static void
test_one_line (void)
{
  static const char *const breaks[] = { "A\nB", "A\rB", "A\r\nB", "AB\n", "\nAB" };
  g_autoptr(GError) error = NULL;
  char code[19] = "91350100M000100Y4";

  code[17] = rectify_credit_code_check_char (code);
  code[18] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      g_assert_false (rectify_validate_optional ("Address", breaks[i], 400, &error));
      g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
      g_assert_true (rectify_message_names_field (error->message, "Address"));
      g_assert_nonnull (strstr (error->message, "line break"));
      g_clear_error (&error);
      g_assert_false (rectify_validate_required ("Name", breaks[i], 200, &error));
      g_assert_true (rectify_message_names_field (error->message, "Name"));
      g_clear_error (&error);
      g_assert_false (rectify_validate_one_line ("Phone", breaks[i], &error));
      g_assert_true (rectify_message_names_field (error->message, "Phone"));
      g_clear_error (&error);
      /* a text of several lines keeps its line breaks */
      g_assert_true (rectify_validate_optional ("Note", breaks[i], 4000, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rectify_validate_optional ("Address", "鼓楼区 八一七路", 400, NULL));
  g_assert_true (rectify_validate_optional ("Address", NULL, 400, NULL));
  g_assert_true (rectify_validate_one_line ("Address", NULL, NULL));

  /* codes: a line break is named as such, also one that trimming would drop */
  {
    g_autofree char *trailing = g_strconcat (code, "\n", NULL);
    g_autofree char *cr = g_strconcat (code, "\r", NULL);

    g_assert_true (rectify_validate_credit_code (code, NULL, NULL));
    g_assert_false (rectify_validate_credit_code (trailing, NULL, &error));
    g_assert_true (rectify_message_names_field (error->message, "Credit code"));
    g_assert_nonnull (strstr (error->message, "line break"));
    g_clear_error (&error);
    g_assert_false (rectify_validate_credit_code (cr, NULL, &error));
    g_clear_error (&error);
  }
  g_assert_false (rectify_validate_id_number ("11010519491231002X\n", NULL, &error));
  g_assert_true (rectify_message_names_field (error->message, "ID number"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_equipment_code ("311035010201600001\r\n", &error));
  g_assert_true (rectify_message_names_field (error->message, "Equipment code"));
  g_assert_nonnull (strstr (error->message, "line break"));
  g_clear_error (&error);

  /* and the store's writers refuse it, writing nothing */
  {
    TestDb t;
    g_autoptr(RectifyUnit) u = rectify_unit_new ();
    gint64 id;

    test_db_open (&t);
    test_store_sign_in (t.store);
    u->credit_code = g_strdup (code);
    u->name = g_strdup ("鼓楼区第一医院\n91350100M0001002X4,台江区热电厂");
    id = rectify_store_add_unit (t.store, u, &error);
    g_assert_cmpint (id, <=, 0);
    g_assert_error (error, RECTIFY_ERROR, RECTIFY_ERROR_INVALID);
    g_assert_true (rectify_message_names_field (error->message, "Name"));
    g_clear_error (&error);
    g_assert_cmpint (test_count_units (t.store), ==, 0);

    g_free (u->name);
    u->name = g_strdup ("鼓楼区第一医院");
    g_free (u->address);
    u->address = g_strdup ("八一七路\r\n1号");
    g_assert_cmpint (rectify_store_add_unit (t.store, u, &error), <=, 0);
    g_assert_true (rectify_message_names_field (error->message, "Address"));
    g_clear_error (&error);
    g_assert_cmpint (test_count_units (t.store), ==, 0);

    g_free (u->address);
    u->address = g_strdup ("八一七路1号");
    g_assert_cmpint (rectify_store_add_unit (t.store, u, &error), >, 0);
    g_assert_no_error (error);
    test_db_close (&t);
  }
}

/* Found by tests/fuzz/fuzz-validate: a message quotes the text it refuses
 * and is UTF-8 whatever the text; a character that is not ASCII is quoted
 * whole, and text that is not UTF-8 is refused as such (measuring it as
 * UTF-8 read past its end). */
static void
test_messages_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rectify_validate_credit_code ("110105194912310中", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "character 16 (“中”)"));
  g_clear_error (&error);

  g_assert_false (rectify_validate_credit_code ("91350100M000100Y\xf0", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_true (rectify_message_names_field (error->message, "Credit code"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_equipment_code ("31103501\xe7", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  g_assert_false (rectify_validate_date ("Deadline", "2026-06-3\xf0", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (rectify_message_names_field (error->message, "Deadline"));
  g_clear_error (&error);
  g_assert_false (rectify_validate_id_number ("11010519491231002\xc3", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Under C.UTF-8, whose locale has no thousands separator, and English. */
static void
test_format (void)
{
  const struct { gint64 n; const char *text; } counts[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1\u00a0000" }, { 235, "235" },
    { 500000, "500\u00a0000" }, { 2000000, "2\u00a0000\u00a0000" }, { -12345, "-12\u00a0345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = rectify_format_count (counts[i].n);

      g_assert_cmpstr (text, ==, counts[i].text);
    }

  {
    g_autofree char *day = rectify_format_date ("2026-06-30");
    g_autofree char *leap = rectify_format_date ("2028-02-29");
    g_autofree char *not_leap = rectify_format_date ("2026-02-29");
    g_autofree char *words = rectify_format_date ("soon");
    g_autofree char *trailing = rectify_format_date ("2026-06-30x");
    g_autofree char *none = rectify_format_date (NULL);

    g_assert_cmpstr (day, ==, "2026-06-30");
    g_assert_cmpstr (leap, ==, "2028-02-29");
    g_assert_cmpstr (not_leap, ==, "2026-02-29");  /* not a date: as it is */
    g_assert_cmpstr (words, ==, "soon");
    g_assert_cmpstr (trailing, ==, "2026-06-30x");
    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/credit-code", test_credit_code);
  g_test_add_func ("/validate/credit-code-check", test_credit_code_known);
  g_test_add_func ("/validate/id-number", test_id_number);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/equipment-code", test_equipment_code);
  g_test_add_func ("/validate/message-names-field", test_message_names_field);
  g_test_add_func ("/validate/format", test_format);
  g_test_add_func ("/validate/one-line", test_one_line);
  g_test_add_func ("/validate/messages-utf8", test_messages_utf8);
  return g_test_run ();
}
