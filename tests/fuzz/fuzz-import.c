/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * libFuzzer target for what reads untrusted bytes: the CSV reader (encodings, separators,
 * quotes, line ends) and the date, amount, count and flag parsers. Built with
 * -Dfuzz=true (clang); run with build-aux/fuzz SECONDS.
 */

#include <string.h>

#include "jx-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
parse_values (const char *text)
{
  char iso[11];
  gint64 value;
  gboolean flag;
  g_autofree char *escaped = NULL;
  g_autofree char *back = NULL;

  for (int order = JX_DATE_ORDER_YMD; order <= JX_DATE_ORDER_DMY; order++)
    if (jx_import_parse_date (text, order, iso))
      {
        GDate date;

        /* Whatever it accepts is a real day in ISO form. */
        g_assert (strlen (iso) == 10);
        g_assert (jx_date_parse_iso (iso, &date));
      }
  for (int digits = 0; digits <= 3; digits++)
    if (jx_import_parse_amount (text, digits, &value) == JX_AMOUNT_OK)
      g_assert (value >= 0 && value <= JX_IMPORT_MAX_AMOUNT);
  if (jx_import_parse_count (text, &value) == JX_AMOUNT_OK)
    g_assert (value >= 0);
  jx_import_parse_bool (text, &flag);
  escaped = jx_import_escape_cell (text);
  back = jx_import_unescape_cell (escaped);
  g_assert (strcmp (back, text) == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(JxCsvReader) reader = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *encoding = NULL;
  guint n_records = 0;

  /* The first byte picks an encoding now and then, to reach the converters. */
  if (size > 0 && data[0] == 'G')
    encoding = "GB18030";
  else if (size > 0 && data[0] == 'U')
    encoding = "UTF-16LE";

  parse_values (text);

  in = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  reader = jx_csv_reader_new (in, encoding, NULL);
  if (reader == NULL)
    return 0;
  while (jx_csv_reader_next (reader, NULL) && n_records++ < 10000)
    for (guint i = 0; i < jx_csv_reader_get_n_fields (reader); i++)
      {
        const char *field = jx_csv_reader_get_field (reader, i);

        /* Nothing invalid ever leaves the reader. */
        g_assert (g_utf8_validate (field, -1, NULL));
        g_assert (strlen (field) <= JX_CSV_MAX_FIELD_BYTES);
        parse_values (field);
      }
  return 0;
}
