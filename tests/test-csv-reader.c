/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "jx-test-util.h"

/* Reads all records of @data; returns them as "line:a|b|c" lines, or the error as
 * "ERROR line N: message" at the end. */
static char *
read_all (const char *data,
          gssize      len,
          const char *encoding,
          char       *separator)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_memdup2 (data, len < 0 ? strlen (data) : (gsize) len),
                                                                  len < 0 ? (gssize) strlen (data) : len, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JxCsvReader) reader = jx_csv_reader_new (in, encoding, &error);
  GString *out = g_string_new (NULL);

  if (reader == NULL)
    {
      g_string_append_printf (out, "OPEN %d", error->code);
      return g_string_free (out, FALSE);
    }
  if (separator != NULL)
    *separator = jx_csv_reader_get_separator (reader);
  while (jx_csv_reader_next (reader, &error))
    {
      g_string_append_printf (out, "%u:", jx_csv_reader_get_line (reader));
      for (guint i = 0; i < jx_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", jx_csv_reader_get_field (reader, i));
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    g_string_append_printf (out, "ERROR %d line %u", error->code, jx_csv_reader_get_line (reader));
  return g_string_free (out, FALSE);
}

static void
check (const char *data,
       const char *expected)
{
  g_autofree char *got = read_all (data, -1, NULL, NULL);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_rfc4180 (void)
{
  /* Quoted fields with separators, doubled quotes and line breaks; the record after a
   * multi-line field starts on the right line. */
  check ("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n",
         "1:a|b|c\n2:1|x, y|say \"hi\"\n3:2|two\nlines|z\n5:3||\n");
  /* CRLF, and no line break after the last record. */
  check ("a,b\r\n1,2\r\n3,4", "1:a|b\n2:1|2\n3:3|4\n");
  /* Old Mac line ends. */
  check ("a,b\r1,2\r", "1:a|b\n2:1|2\n");
  /* Blank lines are skipped but counted. */
  check ("a,b\n\n1,2\n\n\n3,4\n", "1:a|b\n3:1|2\n6:3|4\n");
  /* Spaces around unquoted values go; inside quotes they stay. */
  check ("a , b\n\" x \",y\n", "1:a|b\n2: x |y\n");
  /* An empty file has no records and no error. */
  check ("", "");
}

static void
test_separators (void)
{
  char sep = 0;
  g_autofree char *semi = read_all ("name;amount\n\"A, Inc\";1,5\nB;2\n", -1, NULL, &sep);
  g_autofree char *tab = NULL;
  g_autofree char *comma = NULL;

  g_assert_cmpint (sep, ==, ';');
  g_assert_cmpstr (semi, ==, "1:name|amount\n2:A, Inc|1,5\n3:B|2\n");
  tab = read_all ("name\tamount\tnote\nA\t1,000\t\nB\t2\tx;y\n", -1, NULL, &sep);
  g_assert_cmpint (sep, ==, '\t');
  g_assert_cmpstr (tab, ==, "1:name|amount|note\n2:A|1,000|\n3:B|2|x;y\n");
  comma = read_all ("a,b,c\n1,2;3,4\n", -1, NULL, &sep);
  g_assert_cmpint (sep, ==, ',');
  g_assert_cmpstr (comma, ==, "1:a|b|c\n2:1|2;3|4\n");
}

static void
test_encodings (void)
{
  const char *utf8 = "客户,金额\n华信科技,1000\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *got_bom = read_all (bom, -1, NULL, NULL);
  gsize gb_len = 0, u16_len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  g_autofree char *got_gb = read_all (gb, gb_len, NULL, NULL);
  g_autofree char *got_gbk = read_all (gb, gb_len, "GBK", NULL);
  g_autofree char *u16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &u16_len, NULL);
  g_autofree char *u16_bom = g_malloc (u16_len + 2);
  g_autofree char *got_u16 = NULL;
  const char *expected = "1:客户|金额\n2:华信科技|1000\n";

  g_assert_cmpstr (got_bom, ==, expected);
  g_assert_cmpstr (got_gb, ==, expected);
  g_assert_cmpstr (got_gbk, ==, expected);
  memcpy (u16_bom, "\xFF\xFE", 2);
  memcpy (u16_bom + 2, u16, u16_len);
  got_u16 = read_all (u16_bom, u16_len + 2, NULL, NULL);
  g_assert_cmpstr (got_u16, ==, expected);
}

static void
test_broken (void)
{
  g_autofree char *big = NULL;
  g_autofree char *got = NULL;
  GString *s;

  /* Invalid UTF-8 after a valid start: the bad line is named. */
  s = g_string_new ("a,b\n");
  for (int i = 0; i < 3000; i++)
    g_string_append (s, "x,y\n");
  g_string_append (s, "\xC3\x28,z\n");
  got = read_all (s->str, s->len, "UTF-8", NULL);
  g_assert_true (g_str_has_suffix (got, "ERROR 2 line 3002"));
  g_string_free (s, TRUE);
  g_clear_pointer (&got, g_free);

  /* Not UTF-8 and not GB18030 either. */
  got = read_all ("a,b\n\xFF\xFF\xFF,1\n", -1, NULL, NULL);
  g_assert_cmpstr (got, ==, "OPEN 2");
  g_clear_pointer (&got, g_free);

  /* Binary: a NUL byte; a spreadsheet workbook. */
  got = read_all ("a,b\n1\0002,3\n", sizeof "a,b\n1\0002,3\n" - 1, NULL, NULL);
  g_assert_cmpstr (got, ==, "OPEN 1");
  g_clear_pointer (&got, g_free);
  got = read_all ("PK\003\004rest of a zip", sizeof "PK\003\004rest of a zip" - 1, NULL, NULL);
  g_assert_cmpstr (got, ==, "OPEN 1");
  g_clear_pointer (&got, g_free);

  /* A quote inside an unquoted value, and text after a closing quote. */
  got = read_all ("a,b\n1,2\n3,x\"y\n", -1, NULL, NULL);
  g_assert_cmpstr (got, ==, "1:a|b\n2:1|2\nERROR 3 line 3");
  g_clear_pointer (&got, g_free);
  got = read_all ("a,b\n\"1\"x,2\n", -1, NULL, NULL);
  g_assert_cmpstr (got, ==, "1:a|b\nERROR 3 line 2");
  g_clear_pointer (&got, g_free);

  /* A quote that is never closed. */
  got = read_all ("a,b\n1,2\n\"3,4\n5,6\n", -1, NULL, NULL);
  g_assert_cmpstr (got, ==, "1:a|b\n2:1|2\nERROR 3 line 3");
  g_clear_pointer (&got, g_free);

  /* An absurdly long field is refused before it fills memory. */
  big = g_strnfill (JX_CSV_MAX_FIELD_BYTES + 10, 'x');
  {
    g_autofree char *data = g_strconcat ("a,b\n1,", big, "\n", NULL);
    got = read_all (data, -1, NULL, NULL);
    g_assert_cmpstr (got, ==, "1:a|b\nERROR 3 line 2");
    g_clear_pointer (&got, g_free);
  }
  /* An unclosed quote swallowing a large file stops at the field limit too. */
  {
    GString *data = g_string_new ("a,b\n\"open");

    while (data->len < 3 * JX_CSV_MAX_FIELD_BYTES)
      g_string_append (data, ",more text\n");
    got = read_all (data->str, data->len, NULL, NULL);
    g_assert_cmpstr (got, ==, "1:a|b\nERROR 3 line 2");
    g_string_free (data, TRUE);
  }
}

static void
test_unknown_encoding (void)
{
  g_autofree char *got = read_all ("a\n1\n", -1, "NO-SUCH-CODEPAGE", NULL);

  g_assert_cmpstr (got, ==, "OPEN 7");
}

int
main (int   argc,
      char *argv[])
{
  jx_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jx/csv-reader/rfc4180", test_rfc4180);
  g_test_add_func ("/jx/csv-reader/separators", test_separators);
  g_test_add_func ("/jx/csv-reader/encodings", test_encodings);
  g_test_add_func ("/jx/csv-reader/broken", test_broken);
  g_test_add_func ("/jx/csv-reader/unknown-encoding", test_unknown_encoding);
  return g_test_run ();
}
