/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "jx-csv-reader.h"

/*
 * JxCsvReader streams the records of a CSV file with libcsv.
 *
 * Bytes flow from the input stream through an optional GIConv converter (GB18030, UTF-16)
 * into a UTF-8 text buffer, which is fed to libcsv one physical line at a time: that gives
 * every record the number of the line it starts on, and it keeps memory bounded by the
 * longest line rather than by the file. Every field is checked to be valid UTF-8, so nothing
 * else in Jingxi ever sees invalid text.
 *
 * The encoding and the separator are sniffed from the first 64 KiB.
 */

#define READ_SIZE    (64 * 1024)
#define SNIFF_SIZE   (64 * 1024)
#define SNIFF_LINES  20
/* A line longer than this is fed to libcsv in pieces, so a file without line breaks does not
 * pile up in memory; libcsv's field limit then catches it. */
#define MAX_LINE     (1024 * 1024)

/* libcsv's state before any character of a record has been seen (ROW_NOT_BEGUN in csv.c). */
#define CSV_ROW_NOT_BEGUN 0

typedef struct {
  GString *data;
  GArray  *offsets;
  guint    line;
} Record;

struct _JxCsvReader {
  GInputStream      *stream;
  char              *encoding;
  GIConv             converter;
  gboolean           utf8;

  struct csv_parser  parser;
  char               separator;

  GByteArray        *raw;
  GByteArray        *text;
  gsize              text_pos;
  gboolean           input_eof;
  gboolean           finished;
  goffset            bytes_read;

  guint              line;
  Record            *building;
  GPtrArray         *done;
  GPtrArray         *pool;
  Record            *current;
  GError            *error;
};

G_DEFINE_QUARK (jx-import-error-quark, jx_import_error)

static Record *
record_new (void)
{
  Record *record = g_new0 (Record, 1);

  record->data = g_string_sized_new (256);
  record->offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
  return record;
}

static void
record_free (gpointer data)
{
  Record *record = data;

  g_string_free (record->data, TRUE);
  g_array_unref (record->offsets);
  g_free (record);
}

static Record *
take_record (JxCsvReader *self)
{
  Record *record;

  if (self->pool->len == 0)
    return record_new ();
  record = g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1);
  g_string_truncate (record->data, 0);
  g_array_set_size (record->offsets, 0);
  return record;
}

static void
fail (JxCsvReader *self,
      guint        line,
      int          code,
      const char  *message)
{
  if (self->error != NULL)
    return;
  self->error = g_error_new_literal (JX_IMPORT_ERROR, code, message);
  /* The line of a failure is read back through jx_csv_reader_get_line(). */
  if (self->current == NULL)
    self->current = take_record (self);
  self->current->line = line;
  g_array_set_size (self->current->offsets, 0);
}

static int
is_space_cb (unsigned char c)
{
  /* Only spaces: with tab as the separator, libcsv would otherwise swallow empty fields. */
  return c == ' ';
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  JxCsvReader *self = user_data;
  Record *record = self->building;
  guint offset;

  if (self->error != NULL)
    return;
  if (len > JX_CSV_MAX_FIELD_BYTES)
    {
      fail (self, record->line, JX_IMPORT_ERROR_PARSE,
            _("a value is absurdly long; check for a quote that is never closed"));
      return;
    }
  if (record->offsets->len >= JX_CSV_MAX_FIELDS)
    {
      fail (self, record->line, JX_IMPORT_ERROR_PARSE,
            _("the row has too many columns; check the separator"));
      return;
    }
  if (len > 0 && !g_utf8_validate_len (data, len, NULL))
    {
      if (self->utf8)
        fail (self, record->line, JX_IMPORT_ERROR_ENCODING,
              _("the text is not valid UTF-8; save the file as UTF-8, or give its encoding "
                "with --encoding (for example GB18030)"));
      else
        fail (self, record->line, JX_IMPORT_ERROR_BINARY,
              _("the row contains control characters; the file does not look like text"));
      return;
    }
  offset = record->data->len;
  g_array_append_val (record->offsets, offset);
  /* The text and its nul in one step: this runs for every field of the file. */
  g_string_set_size (record->data, offset + len + 1);
  if (len > 0)
    memcpy (record->data->str + offset, data, len);
  record->data->str[offset + len] = '\0';
}

static void
record_cb (int   terminator,
           void *user_data)
{
  JxCsvReader *self = user_data;

  if (self->error != NULL)
    return;
  g_ptr_array_add (self->done, self->building);
  self->building = take_record (self);
}

static void
feed (JxCsvReader *self,
      const char  *data,
      gsize        len,
      gboolean     whole_line)
{
  size_t used;

  if (self->parser.pstate == CSV_ROW_NOT_BEGUN && self->building->offsets->len == 0)
    self->building->line = self->line;
  used = csv_parse (&self->parser, data, len, field_cb, record_cb, self);
  if (self->error != NULL)
    return;
  if (used < len)
    {
      if (csv_error (&self->parser) == CSV_EPARSE)
        fail (self, self->building->line, JX_IMPORT_ERROR_PARSE,
              _("unbalanced quotes: a quote stands inside a value that does not start with "
                "one, or text follows a closing quote"));
      else
        fail (self, self->building->line, JX_IMPORT_ERROR_PARSE,
              _("the row is too large to read"));
      return;
    }
  if (self->parser.entry_pos > JX_CSV_MAX_FIELD_BYTES)
    {
      fail (self, self->building->line, JX_IMPORT_ERROR_PARSE,
            _("a value is absurdly long; check for a quote that is never closed"));
      return;
    }
  if (whole_line)
    self->line++;
}

/* Moves the bytes in raw into text, converting them to UTF-8. */
static gboolean
convert_raw (JxCsvReader *self)
{
  if (self->utf8)
    {
      g_byte_array_append (self->text, self->raw->data, self->raw->len);
      g_byte_array_set_size (self->raw, 0);
      return TRUE;
    }

  while (self->raw->len > 0)
    {
      gsize old_len = self->text->len;
      gsize room = self->raw->len * 2 + 16;
      char *in = (char *) self->raw->data;
      gsize in_left = self->raw->len;
      char *out;
      gsize out_left = room;
      gsize rc;

      g_byte_array_set_size (self->text, old_len + room);
      out = (char *) self->text->data + old_len;
      rc = g_iconv (self->converter, &in, &in_left, &out, &out_left);
      g_byte_array_set_size (self->text, old_len + (room - out_left));
      g_byte_array_remove_range (self->raw, 0, self->raw->len - in_left);
      if (rc == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          if (errno == EINVAL && !self->input_eof)
            return TRUE;          /* an incomplete character; the rest comes with the next read */
          {
            guint line = self->line;

            for (gsize i = self->text_pos; i < self->text->len; i++)
              if (self->text->data[i] == '\n')
                line++;
            fail (self, line, JX_IMPORT_ERROR_ENCODING,
                  _("the bytes are not valid in the file's encoding; save the file as UTF-8, or "
                    "give its encoding with --encoding"));
          }
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_more (JxCsvReader *self)
{
  g_autoptr(GError) local_error = NULL;
  gsize old_len = self->raw->len;
  gssize n;

  g_byte_array_set_size (self->raw, old_len + READ_SIZE);
  n = g_input_stream_read (self->stream, self->raw->data + old_len, READ_SIZE, NULL, &local_error);
  if (n < 0)
    {
      g_byte_array_set_size (self->raw, old_len);
      if (self->error == NULL)
        {
          self->error = g_error_new (JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                                     _("could not read the file: %s"), local_error->message);
          if (self->current == NULL)
            self->current = take_record (self);
          self->current->line = self->line;
        }
      return FALSE;
    }
  g_byte_array_set_size (self->raw, old_len + n);
  self->bytes_read += n;
  if (n == 0)
    self->input_eof = TRUE;
  return convert_raw (self);
}

/* The length of the first line in @data including its terminator (\n, \r\n or \r), or 0
 * when the line may continue past @len. */
static gsize
find_line (const guint8 *data,
           gsize         len,
           gboolean      eof)
{
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\n')
        return i + 1;
      if (data[i] == '\r')
        {
          if (i + 1 < len)
            return data[i + 1] == '\n' ? i + 2 : i + 1;
          return eof ? i + 1 : 0;
        }
    }
  return 0;
}

static void
compact_text (JxCsvReader *self)
{
  if (self->text_pos > 0 && self->text_pos * 2 >= self->text->len)
    {
      g_byte_array_remove_range (self->text, 0, self->text_pos);
      self->text_pos = 0;
    }
}

/* Feeds one line, or reads more input; FALSE on failure. */
static gboolean
pump (JxCsvReader *self)
{
  const guint8 *data = self->text->data + self->text_pos;
  gsize avail = self->text->len - self->text_pos;
  gsize n = find_line (data, avail, self->input_eof);

  if (n > 0)
    {
      feed (self, (const char *) data, n, TRUE);
      self->text_pos += n;
      compact_text (self);
      return self->error == NULL;
    }
  if (avail > MAX_LINE)
    {
      feed (self, (const char *) data, avail, FALSE);
      self->text_pos += avail;
      compact_text (self);
      return self->error == NULL;
    }
  if (!self->input_eof)
    return read_more (self);

  if (avail > 0)
    {
      feed (self, (const char *) data, avail, TRUE);
      self->text_pos += avail;
      if (self->error != NULL)
        return FALSE;
    }
  if (csv_fini (&self->parser, field_cb, record_cb, self) != 0 && self->error == NULL)
    fail (self, self->building->line, JX_IMPORT_ERROR_PARSE,
          _("unbalanced quotes: a quoted value is never closed"));
  self->finished = TRUE;
  return self->error == NULL;
}

/* Whether @data is UTF-8, allowing a character cut off at the end of a sample. */
static gboolean
sample_is_utf8 (const guint8 *data,
                gsize         len,
                gboolean      complete)
{
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *) data, len, &end))
    return TRUE;
  if (complete)
    return FALSE;
  /* A cut character is at most three lead bytes long and all of them are >= 0x80. */
  if (len - (gsize) ((const guint8 *) end - data) > 3)
    return FALSE;
  for (const guint8 *p = (const guint8 *) end; p < data + len; p++)
    if (*p < 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
sample_converts (const char   *encoding,
                 const guint8 *data,
                 gsize         len,
                 gboolean      complete)
{
  GIConv cd = g_iconv_open ("UTF-8", encoding);
  gboolean ok = TRUE;
  char *in = (char *) data;
  gsize in_left = len;

  if (cd == (GIConv) -1)
    return FALSE;
  while (in_left > 0)
    {
      char buf[4096];
      char *out = buf;
      gsize out_left = sizeof buf;

      if (g_iconv (cd, &in, &in_left, &out, &out_left) == (gsize) -1 && errno != E2BIG)
        {
          ok = errno == EINVAL && !complete && in_left < 4;
          break;
        }
    }
  g_iconv_close (cd);
  return ok;
}

/* Counts separators per line in the first lines of @text, outside quotes, and picks the
 * one that splits every line into the same number of columns (the most columns wins). */
static char
detect_separator (const char *text,
                  gsize       len,
                  gboolean    complete)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][SNIFF_LINES] = { { 0 } };
  guint n_lines = 0;
  gboolean in_quotes = FALSE;
  gboolean line_has_text = FALSE;
  int best = -1;
  guint best_count = 0;

  for (gsize i = 0; i < len && n_lines < SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\n' || c == '\r'))
        {
          if (line_has_text)
            n_lines++;
          line_has_text = FALSE;
          continue;
        }
      else if (!in_quotes)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k][n_lines]++;
      line_has_text = TRUE;
    }
  /* A last line without its end counts only when it is all there is. */
  if (line_has_text && (complete || n_lines == 0) && n_lines < SNIFF_LINES)
    n_lines++;
  if (n_lines == 0)
    return ',';

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      gboolean consistent = counts[k][0] > 0;

      for (guint l = 1; l < n_lines && consistent; l++)
        consistent = counts[k][l] == counts[k][0];
      if (consistent && counts[k][0] > best_count)
        {
          best = k;
          best_count = counts[k][0];
        }
    }
  if (best < 0)
    for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
      if (counts[k][0] > best_count)
        {
          best = k;
          best_count = counts[k][0];
        }
  return best < 0 ? ',' : candidates[best];
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* Reads the first bytes and settles the encoding. */
static gboolean
sniff (JxCsvReader  *self,
       const char   *encoding,
       GError      **error)
{
  static const guint8 bom_utf8[] = { 0xEF, 0xBB, 0xBF };
  static const guint8 bom_utf16le[] = { 0xFF, 0xFE };
  static const guint8 bom_utf16be[] = { 0xFE, 0xFF };
  gsize skip = 0;
  const guint8 *data;
  gsize len;

  while (self->raw->len < SNIFF_SIZE && !self->input_eof)
    {
      gsize old_len = self->raw->len;
      g_autoptr(GError) local_error = NULL;
      gssize n;

      g_byte_array_set_size (self->raw, SNIFF_SIZE);
      n = g_input_stream_read (self->stream, self->raw->data + old_len, SNIFF_SIZE - old_len,
                               NULL, &local_error);
      if (n < 0)
        {
          g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                       _("Could not read the file: %s"), local_error->message);
          return FALSE;
        }
      g_byte_array_set_size (self->raw, old_len + n);
      self->bytes_read += n;
      if (n == 0)
        self->input_eof = TRUE;
    }
  data = self->raw->data;
  len = self->raw->len;

  if (encoding != NULL && *encoding != '\0')
    {
      if (is_utf8_name (encoding))
        {
          self->utf8 = TRUE;
          self->encoding = g_strdup ("UTF-8");
          if (len >= 3 && memcmp (data, bom_utf8, 3) == 0)
            skip = 3;
        }
      else
        {
          self->converter = g_iconv_open ("UTF-8", encoding);
          if (self->converter == (GIConv) -1)
            {
              g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BAD_OPTION,
                           _("Unknown encoding “%s”. Use UTF-8, GB18030, GBK or another name "
                             "that iconv knows."), encoding);
              return FALSE;
            }
          self->encoding = g_ascii_strup (encoding, -1);
        }
    }
  else if (len >= 3 && memcmp (data, bom_utf8, 3) == 0)
    {
      self->utf8 = TRUE;
      self->encoding = g_strdup ("UTF-8");
      skip = 3;
    }
  else if (len >= 2 && (memcmp (data, bom_utf16le, 2) == 0 || memcmp (data, bom_utf16be, 2) == 0))
    {
      self->encoding = g_strdup (data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
      self->converter = g_iconv_open ("UTF-8", self->encoding);
      skip = 2;
    }
  else if (len >= 4 && (memcmp (data, "PK\003\004", 4) == 0 ||
                        memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0))
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BINARY,
                   _("This is a spreadsheet workbook, not a CSV file. Open it in your "
                     "spreadsheet program and save it as CSV."));
      return FALSE;
    }
  else if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_BINARY,
                   _("This is not a text file. Choose a CSV file."));
      return FALSE;
    }
  else if (sample_is_utf8 (data, len, self->input_eof))
    {
      self->utf8 = TRUE;
      self->encoding = g_strdup ("UTF-8");
    }
  else if (sample_converts ("GB18030", data, len, self->input_eof))
    {
      self->encoding = g_strdup ("GB18030");
      self->converter = g_iconv_open ("UTF-8", "GB18030");
    }
  else
    {
      g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_ENCODING,
                   _("The file is neither UTF-8 nor GB18030 text. Save it as UTF-8 CSV, or give "
                     "its encoding with --encoding."));
      return FALSE;
    }

  if (skip > 0)
    g_byte_array_remove_range (self->raw, 0, skip);
  if (!convert_raw (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  self->separator = detect_separator ((const char *) self->text->data, self->text->len,
                                      self->input_eof);
  csv_set_delim (&self->parser, self->separator);
  return TRUE;
}

/**
 * jx_csv_reader_new:
 * @stream: the file's bytes
 * @encoding: (nullable): the file's encoding, or %NULL to detect UTF-8 (with or without a
 *   byte order mark), UTF-16 with a byte order mark, or GB18030/GBK
 * @error: return location for an error
 *
 * Reads the first 64 KiB to settle the encoding and the separator (`,` `;` or tab).
 *
 * Returns: (transfer full): the reader, or %NULL when the file is binary, in an unknown
 *   encoding or unreadable
 */
JxCsvReader *
jx_csv_reader_new (GInputStream  *stream,
                   const char    *encoding,
                   GError       **error)
{
  g_autoptr(JxCsvReader) self = g_new0 (JxCsvReader, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self->stream = g_object_ref (stream);
  self->converter = (GIConv) -1;
  self->raw = g_byte_array_sized_new (SNIFF_SIZE);
  self->text = g_byte_array_sized_new (READ_SIZE * 2);
  self->done = g_ptr_array_new_with_free_func (record_free);
  self->pool = g_ptr_array_new_with_free_func (record_free);
  self->line = 1;
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_space_func (&self->parser, is_space_cb);
  self->building = record_new ();
  self->separator = ',';

  if (!sniff (self, encoding, error))
    return NULL;
  return g_steal_pointer (&self);
}

JxCsvReader *
jx_csv_reader_new_for_path (const char  *path,
                            const char  *encoding,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  JxCsvReader *reader;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      /* GIO's own message names the file again: say it once. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                     _("There is no file “%s”. Check the name and the folder."), path);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO,
                     _("“%s” is a folder. Choose a CSV file."), path);
      else
        g_set_error (error, JX_IMPORT_ERROR, JX_IMPORT_ERROR_IO, _("Could not open “%s”: %s"),
                     path, local_error->message);
      return NULL;
    }
  reader = jx_csv_reader_new (G_INPUT_STREAM (stream), encoding, error);
  if (reader == NULL)
    g_prefix_error (error, "%s: ", path);
  return reader;
}

void
jx_csv_reader_free (JxCsvReader *self)
{
  if (self == NULL)
    return;
  csv_free (&self->parser);
  if (self->converter != (GIConv) -1)
    g_iconv_close (self->converter);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  g_clear_pointer (&self->text, g_byte_array_unref);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_pointer (&self->building, record_free);
  g_clear_pointer (&self->current, record_free);
  g_clear_error (&self->error);
  g_free (self->encoding);
  g_free (self);
}

/* "UTF-8", "GB18030", "UTF-16LE", or the name given to jx_csv_reader_new(). */
const char *
jx_csv_reader_get_encoding (JxCsvReader *self)
{
  return self->encoding;
}

char
jx_csv_reader_get_separator (JxCsvReader *self)
{
  return self->separator;
}

/* Overrides the detected separator; call before the first jx_csv_reader_next(). */
void
jx_csv_reader_set_separator (JxCsvReader *self,
                             char         separator)
{
  self->separator = separator;
  csv_set_delim (&self->parser, separator);
}

/**
 * jx_csv_reader_next:
 * @self: a #JxCsvReader
 * @error: return location for an error
 *
 * Moves to the next record. Blank lines are skipped.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the file (@error unset) or on
 *   a broken file (@error set, and jx_csv_reader_get_line() gives the line)
 */
gboolean
jx_csv_reader_next (JxCsvReader  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->current != NULL && self->error == NULL)
    {
      g_ptr_array_add (self->pool, self->current);
      self->current = NULL;
    }
  while (self->done->len == 0)
    {
      if (self->error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->error));
          return FALSE;
        }
      if (self->finished)
        return FALSE;
      pump (self);
    }
  self->current = g_ptr_array_steal_index (self->done, 0);
  return TRUE;
}

/* The line the current record starts on (1 for the first line of the file), or the line of
 * the failure after jx_csv_reader_next() failed. */
guint
jx_csv_reader_get_line (JxCsvReader *self)
{
  return self->current != NULL ? self->current->line : 0;
}

guint
jx_csv_reader_get_n_fields (JxCsvReader *self)
{
  return self->current != NULL ? self->current->offsets->len : 0;
}

/* The field's text (valid UTF-8, never %NULL), or "" past the last field. */
const char *
jx_csv_reader_get_field (JxCsvReader *self,
                         guint        index)
{
  if (self->current == NULL || index >= self->current->offsets->len)
    return "";
  return self->current->data->str + g_array_index (self->current->offsets, guint, index);
}

/* Bytes read from the stream so far, for a progress bar. */
goffset
jx_csv_reader_get_bytes_read (JxCsvReader *self)
{
  return self->bytes_read;
}
