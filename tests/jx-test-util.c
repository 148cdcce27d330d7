/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "jx-test-util.h"

char *
jx_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jingxi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
jx_test_remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        jx_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

char *
jx_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
jx_test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

void
jx_test_date (GDate      *date,
              const char *iso)
{
  g_assert_true (jx_date_parse_iso (iso, date));
}

JxStore *
jx_test_open_new (const char       *dir,
                  const char       *name,
                  JxStoreOpenFlags  flags,
                  int               demo_scale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  JxStore *store = jx_store_open (path, flags | JX_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (demo_scale > 0)
    {
      JxDemoOptions options;
      GDate today;

      jx_test_date (&today, "2026-11-27");
      jx_demo_options_init (&options, &today);
      options.scale = demo_scale;
      options.chinese_names = FALSE;
      jx_demo_generate (store, &options, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

void
jx_test_demo_set_up (JxTestDemo    *demo,
                     gconstpointer  data)
{
  demo->dir = jx_test_make_dir ();
  demo->db = g_build_filename (demo->dir, "demo.db", NULL);
  demo->store = jx_test_open_new (demo->dir, "demo.db", JX_STORE_OPEN_DEFAULT, 1);
}

void
jx_test_demo_tear_down (JxTestDemo    *demo,
                        gconstpointer  data)
{
  g_clear_object (&demo->store);
  jx_test_remove_dir (demo->dir);
  g_free (demo->dir);
  g_free (demo->db);
}

gint64
jx_test_query_int (JxStore    *store,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (jx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

void
jx_test_exec (JxStore    *store,
              const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (jx_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

JxTargetNode *
jx_test_child_at (JxTargetNode *node,
                  guint         i)
{
  g_autoptr(JxTargetNode) child = g_list_model_get_item (jx_target_node_get_children (node), i);

  g_assert_nonnull (child);
  return child;
}

void
jx_test_decompose (JxTargetTree      *tree,
                   JxTargetNode      *node,
                   JxTargetDimension  dimension,
                   JxTargetMethod     method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JxTargetDecomposition) d = NULL;

  d = jx_target_tree_preview_decomposition (tree, node, dimension, method, &error);
  g_assert_no_error (error);
  g_assert_true (jx_target_tree_apply_decomposition (tree, d, &error));
  g_assert_no_error (error);
}

int
jx_test_run_cliv (char              **out,
                  char              **err,
                  const char *const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *logged = NULL;
  const char *cli = g_getenv ("JINGXI_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err != NULL ? err : &logged, &status, &error));
  g_assert_no_error (error);
  if (logged != NULL && logged[0] != '\0')
    g_test_message ("stderr: %s", logged);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

int
jx_test_run_cli (char       **out,
                 char       **err,
                 const char  *first,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return jx_test_run_cliv (out, err, (const char *const *) args->pdata);
}

char *
jx_test_run_tool (const char *const  *argv,
                  char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("%s could not run (pdftotext and pdffonts are in poppler-utils): %s", argv[0],
             error->message);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char **
jx_test_pdf_pages (const char *path,
                   const char *mode)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL, NULL };
  g_autofree char *text = NULL;
  char **pages;
  guint n;

  if (mode != NULL)
    {
      argv[3] = mode;
      argv[4] = path;
      argv[5] = "-";
    }
  text = jx_test_run_tool (argv, NULL);
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  /* The text after the last form feed is empty. */
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

char *
jx_test_pdf_fonts (const char *path,
                   gboolean   *cjk_embedded)
{
  const char *argv[] = { "pdffonts", path, NULL };
  char *fonts = jx_test_run_tool (argv, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  g_test_message ("pdffonts:\n%s", fonts);
  *cjk_embedded = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();
      guint n;

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      n = words->len;
      /* name … emb sub uni object-id generation */
      if (n >= 6 && strstr (g_ptr_array_index (words, 0), "CJK") != NULL
          && g_strcmp0 (g_ptr_array_index (words, n - 5), "yes") == 0)
        *cjk_embedded = TRUE;
    }
  return fonts;
}

gboolean
jx_test_has_row (const char        *text,
                 const char *const *cells)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      guint c;

      for (c = 0; cells[c] != NULL && p != NULL; c++)
        {
          p = strstr (p, cells[c]);
          if (p != NULL)
            p += strlen (cells[c]);
        }
      if (cells[c] == NULL && p != NULL)
        return TRUE;
    }
  return FALSE;
}

guint
jx_test_count (const char *haystack,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

JsonNode *
jx_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
