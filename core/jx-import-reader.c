/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jx-import-reader.h"

/*
 * JxImportReader reads the records of an import's file in a thread of its own and hands
 * them to the import's thread in batches, through a queue of at most MAX_BATCHES batches:
 * parsing the CSV and converting its cells (dates, amounts) takes about as long as
 * checking or writing them, so on two cores the two halves overlap. The queue is bounded,
 * so memory stays flat however far the reader could run ahead.
 *
 * The reader skips the header and rows of blank cells, and calls the import's convert
 * function on every record that has as many fields as the header. Problems found while
 * converting travel with their record, so the import reports them in the file's order, as
 * if it had read the file itself. Without a thread (threaded = FALSE, or when no thread can
 * be made) the same batches are filled on demand in the caller's thread.
 */

#define BATCH_RECORDS 256
#define MAX_BATCHES   4

struct _JxImportReader {
  JxCsvReader          *csv;
  guint                 n_columns;
  guint                 n_cells;
  JxImportConvertFunc   convert;
  gpointer              user_data;
  gboolean              threaded;
  gboolean              header_read;

  GThread              *thread;
  GMutex                mutex;
  GCond                 cond;
  GQueue                full;        /* batches ready for the import, oldest first */
  GQueue                spare;       /* batches the import is done with */
  guint                 n_batches;
  gint                  stop;        /* atomic: the import wants no more batches */
  JxImportBatch        *out;         /* the batch the import is reading */
  gboolean              out_last;
};

static JxImportBatch *
batch_new (guint n_cells)
{
  JxImportBatch *batch = g_new0 (JxImportBatch, 1);

  batch->records = g_array_sized_new (FALSE, TRUE, sizeof (JxImportRecord), BATCH_RECORDS);
  batch->cells = g_new0 (JxImportCell, BATCH_RECORDS * MAX (1, n_cells));
  batch->text = g_string_sized_new (16 * 1024);
  batch->messages = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
batch_free (gpointer data)
{
  JxImportBatch *batch = data;

  g_array_unref (batch->records);
  g_free (batch->cells);
  g_string_free (batch->text, TRUE);
  g_ptr_array_unref (batch->messages);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
batch_reset (JxImportBatch *batch)
{
  g_array_set_size (batch->records, 0);
  g_string_truncate (batch->text, 0);
  g_ptr_array_set_size (batch->messages, 0);
  batch->bytes_read = 0;
  batch->last = FALSE;
  batch->no_header = FALSE;
  g_clear_error (&batch->error);
  batch->error_line = 0;
}

/* Appends @len bytes of @text and a nul to the batch; the offset goes in a cell's offset. */
guint
jx_import_batch_add_text (JxImportBatch *batch,
                          const char    *text,
                          gsize          len)
{
  guint offset = batch->text->len;

  g_string_append_len (batch->text, text, len);
  g_string_append_c (batch->text, '\0');
  return offset;
}

/* Adds a problem of @record (takes @message). */
void
jx_import_batch_add_message (JxImportBatch  *batch,
                             JxImportRecord *record,
                             char           *message)
{
  if (record->n_messages == 0)
    record->first_message = batch->messages->len;
  g_assert (record->first_message + record->n_messages == batch->messages->len);
  g_ptr_array_add (batch->messages, message);
  record->n_messages++;
}

/* Rows of empty cells (",,,,") are what spreadsheets leave below the data. */
static gboolean
record_is_blank (JxCsvReader *csv)
{
  guint n = jx_csv_reader_get_n_fields (csv);

  for (guint c = 0; c < n; c++)
    for (const char *p = jx_csv_reader_get_field (csv, c); *p != '\0'; p++)
      if (*p != ' ' && *p != '\t')
        return FALSE;
  return TRUE;
}

/* The texts are in place once the batch stops growing. */
static void
seal (JxImportReader *self,
      JxImportBatch  *batch)
{
  batch->bytes_read = jx_csv_reader_get_bytes_read (self->csv);
  for (guint r = 0; r < batch->records->len; r++)
    {
      JxImportRecord *record = &g_array_index (batch->records, JxImportRecord, r);

      if (record->n_messages > 0)
        record->messages = (char **) batch->messages->pdata + record->first_message;
      if (record->cells == NULL)
        continue;
      for (guint c = 0; c < self->n_cells; c++)
        {
          JxImportCell *cell = &record->cells[c];

          if (cell->offset != G_MAXUINT)
            cell->text = batch->text->str + cell->offset;
          else if (cell->text == NULL)
            cell->text = "";
        }
    }
}

static void
fill (JxImportReader *self,
      JxImportBatch  *batch)
{
  GError *error = NULL;

  if (!self->header_read)
    {
      self->header_read = TRUE;
      if (!jx_csv_reader_next (self->csv, &error))
        {
          batch->last = TRUE;
          batch->no_header = error == NULL;
          batch->error = error;
          batch->error_line = jx_csv_reader_get_line (self->csv);
          seal (self, batch);
          return;
        }
    }

  while (batch->records->len < BATCH_RECORDS && !g_atomic_int_get (&self->stop))
    {
      JxImportRecord *record;

      if (!jx_csv_reader_next (self->csv, &error))
        {
          batch->last = TRUE;
          batch->error = error;
          batch->error_line = error != NULL ? jx_csv_reader_get_line (self->csv) : 0;
          break;
        }
      if (record_is_blank (self->csv))
        continue;
      g_array_set_size (batch->records, batch->records->len + 1);
      record = &g_array_index (batch->records, JxImportRecord, batch->records->len - 1);
      record->line = jx_csv_reader_get_line (self->csv);
      record->n_fields = jx_csv_reader_get_n_fields (self->csv);
      if (record->n_fields != self->n_columns)
        continue;
      record->cells = batch->cells + (gsize) (batch->records->len - 1) * self->n_cells;
      for (guint c = 0; c < self->n_cells; c++)
        {
          memset (&record->cells[c], 0, sizeof (JxImportCell));
          record->cells[c].offset = G_MAXUINT;
        }
      self->convert (batch, record, self->csv, self->user_data);
    }
  seal (self, batch);
}

static gpointer
read_thread (gpointer data)
{
  JxImportReader *self = data;

  for (;;)
    {
      JxImportBatch *batch;

      g_mutex_lock (&self->mutex);
      while (!g_atomic_int_get (&self->stop) && self->spare.length == 0 &&
             self->n_batches >= MAX_BATCHES)
        g_cond_wait (&self->cond, &self->mutex);
      if (g_atomic_int_get (&self->stop))
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      batch = g_queue_pop_head (&self->spare);
      if (batch == NULL)
        {
          batch = batch_new (self->n_cells);
          self->n_batches++;
        }
      g_mutex_unlock (&self->mutex);

      batch_reset (batch);
      fill (self, batch);

      g_mutex_lock (&self->mutex);
      g_queue_push_tail (&self->full, batch);
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
      if (batch->last)
        break;
    }
  return NULL;
}

/**
 * jx_import_reader_new:
 * @csv: (transfer full): a reader at the start of the file (the header comes first)
 * @n_columns: the fields of the header
 * @n_cells: the cells @convert fills in each record
 * @threaded: whether to read in a thread of its own
 * @convert: called on each record with as many fields as the header
 * @user_data: for @convert
 *
 * Reading starts at the first jx_import_reader_next_batch().
 */
JxImportReader *
jx_import_reader_new (JxCsvReader         *csv,
                      guint                n_columns,
                      guint                n_cells,
                      gboolean             threaded,
                      JxImportConvertFunc  convert,
                      gpointer             user_data)
{
  JxImportReader *self = g_new0 (JxImportReader, 1);

  self->csv = csv;
  self->n_columns = n_columns;
  self->n_cells = n_cells;
  self->threaded = threaded;
  self->convert = convert;
  self->user_data = user_data;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->full);
  g_queue_init (&self->spare);
  return self;
}

/* Stops the reading thread, if any, and frees everything. */
void
jx_import_reader_free (JxImportReader *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      g_mutex_lock (&self->mutex);
      g_atomic_int_set (&self->stop, TRUE);
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
      g_thread_join (self->thread);
    }
  g_clear_pointer (&self->out, batch_free);
  g_queue_clear_full (&self->full, batch_free);
  g_queue_clear_full (&self->spare, batch_free);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_clear_pointer (&self->csv, jx_csv_reader_free);
  g_free (self);
}

/**
 * jx_import_reader_next_batch:
 * @self: a #JxImportReader
 *
 * Waits for the next batch of records. The batch returned before is given back.
 *
 * Returns: (transfer none): the next batch, or %NULL after the last one
 */
JxImportBatch *
jx_import_reader_next_batch (JxImportReader *self)
{
  JxImportBatch *batch;

  if (self->out != NULL)
    {
      g_mutex_lock (&self->mutex);
      g_queue_push_tail (&self->spare, g_steal_pointer (&self->out));
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
    }
  if (self->out_last)
    return NULL;

  if (self->threaded && self->thread == NULL)
    {
      self->thread = g_thread_try_new ("jx-import-read", read_thread, self, NULL);
      /* Without a thread, read in this one. */
      self->threaded = self->thread != NULL;
    }
  if (!self->threaded)
    {
      batch = g_queue_pop_head (&self->spare);
      if (batch == NULL)
        batch = batch_new (self->n_cells);
      batch_reset (batch);
      fill (self, batch);
    }
  else
    {
      g_mutex_lock (&self->mutex);
      while (self->full.length == 0)
        g_cond_wait (&self->cond, &self->mutex);
      batch = g_queue_pop_head (&self->full);
      g_mutex_unlock (&self->mutex);
    }
  self->out = batch;
  self->out_last = batch->last;
  return batch;
}
