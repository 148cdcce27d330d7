/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* One object built with every jx_json_add_*() helper, written out and compared as text. */
static void
test_members (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  jx_json_add_int (b, "rows", 1234567890123);
  jx_json_add_double (b, "share", 0.25);
  jx_json_add_boolean (b, "locked", TRUE);
  jx_json_add_string (b, "name", "华东");
  jx_json_add_string (b, "owner", NULL);
  jx_json_add_null (b, "basis");
  /* 1 234 567 fen are 12 345.67 yuan; yen have no minor unit. */
  jx_json_add_money (b, "amount", 1234567, "CNY");
  jx_json_add_money (b, "yen", 1234567, "JPY");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"rows\":1234567890123,\"share\":0.25,\"locked\":true,\"name\":\"华东\","
                   "\"owner\":null,\"basis\":null,\"amount\":12345.67,\"yen\":1234567.0}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/json/members", test_members);
  return g_test_run ();
}
