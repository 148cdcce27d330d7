/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "jx-core.h"

G_BEGIN_DECLS

/* Exit codes of jingxi-cli. */
enum {
  JX_CLI_OK = 0,
  JX_CLI_ERROR = 1,
  JX_CLI_USAGE = 2,
};

typedef struct {
  /* --db, or NULL for the default database. */
  const char *db_path;
} JxCli;

typedef int (*JxCliCommandFunc) (JxCli  *cli,
                                 int     argc,
                                 char  **argv);

typedef struct {
  const char      *name;
  const char      *summary;
  JxCliCommandFunc run;
} JxCliCommand;

/* The filter options that "funnel" and "report funnel" share; %NULL for one not given. */
typedef struct {
  char *from;
  char *to;
  char *region;
  char *owner;
  char *product_line;
  char *product;
  char *tier;
  char *customer_type;
} JxCliFunnelOptions;

/* A column of a text table: its header and the width it is padded to. */
typedef struct {
  const char *label;
  int         width;
} JxCliColumn;

char     *jx_cli_db_path        (JxCli           *cli);
JxStore  *jx_cli_open_store     (JxCli           *cli,
                                 GError         **error);
gboolean  jx_cli_parse_options  (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv,
                                 int             *exit_code);
gboolean  jx_cli_today          (const char      *text,
                                 GDate           *today,
                                 GError         **error);
int       jx_cli_error          (const GError    *error);
int       jx_cli_usage          (GOptionContext  *context,
                                 const char      *message);
void      jx_cli_print_json     (JsonNode        *node);
char     *jx_cli_pad            (const char      *text,
                                 int              width);
void      jx_cli_print_header   (const JxCliColumn *columns,
                                 guint              n_columns,
                                 const char        *last);

void      jx_cli_funnel_options_clear (JxCliFunnelOptions  *options);
gboolean  jx_cli_funnel_options_any   (const JxCliFunnelOptions *options);
int       jx_cli_funnel_filter        (JxCli                    *cli,
                                       GOptionContext           *context,
                                       const JxCliFunnelOptions *options,
                                       JxDealFilter             *filter,
                                       JxStore                 **store);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JxCliFunnelOptions, jx_cli_funnel_options_clear)

/* Commands, one file each. */
int jx_cli_funnel (JxCli *cli, int argc, char **argv);
int jx_cli_export (JxCli *cli, int argc, char **argv);
int jx_cli_import (JxCli *cli, int argc, char **argv);
int jx_cli_init (JxCli *cli, int argc, char **argv);
int jx_cli_info (JxCli *cli, int argc, char **argv);
int jx_cli_customers (JxCli *cli, int argc, char **argv);
int jx_cli_allocation (JxCli *cli, int argc, char **argv);
int jx_cli_regions (JxCli *cli, int argc, char **argv);
int jx_cli_plans (JxCli *cli, int argc, char **argv);
int jx_cli_targets (JxCli *cli, int argc, char **argv);
int jx_cli_report (JxCli *cli, int argc, char **argv);

G_END_DECLS
