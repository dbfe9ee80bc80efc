/* rectify-cli.h: what the command modules of rectify-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rectify-pdf-letter.h"
#include "rectify-store.h"

G_BEGIN_DECLS

/* Exit statuses of the program. */
#define RECTIFY_CLI_EXIT_OK 0
#define RECTIFY_CLI_EXIT_FAILED 1      /* the core refused: bad data, wrong state */
#define RECTIFY_CLI_EXIT_USAGE 2       /* bad command line */
#define RECTIFY_CLI_EXIT_CANCELLED 130 /* Ctrl+C (SIGINT) or SIGTERM; nothing was written */

/* Usage errors (exit 2) travel in this domain or in G_OPTION_ERROR;
 * every other GError is a user error (exit 1). */
#define RECTIFY_CLI_ERROR (rectify_cli_error_quark ())

typedef enum
{
  RECTIFY_CLI_ERROR_USAGE,
} RectifyCliError;

GQuark rectify_cli_error_quark (void);

typedef struct _RectifyCli RectifyCli;
typedef struct _RectifyCliCommand RectifyCliCommand;

/* argv[0] is the command word ("add"), then the command's own arguments. */
typedef gboolean (*RectifyCliRunFunc) (RectifyCli *cli, int argc, char **argv, GError **error);

struct _RectifyCliCommand
{
  const char *group;   /* "unit", or the whole command ("init") */
  const char *name;    /* "add", or NULL for a one-word command */
  const char *summary; /* N_() */
  RectifyCliRunFunc run;
};

struct _RectifyCli
{
  char *db_path;         /* NULL = rectify_store_default_path () */
  char *as;              /* officer id or badge */
  char *default_problem; /* why the default officer could not act, or NULL */
  gboolean json;
  const RectifyCliCommand *command; /* the one running */
  char *command_line;               /* "unit add", for help and hints */
  RectifyStore *store;
};

/* For a command that writes a file, a folder or many rows: from now on
 * SIGINT (Ctrl+C) and SIGTERM cancel the returned cancellable instead of
 * killing the program, so the core removes its partial output and fails
 * with G_IO_ERROR_CANCELLED (exit status RECTIFY_CLI_EXIT_CANCELLED).
 * Owned by the program; the same one on every call. */
GCancellable *rectify_cli_cancel_on_signals (void);

/* Test hook: when the environment names a file in RECTIFY_TEST_PAUSE_FILE,
 * the first call says so on stderr ("rectify-cli: test pause") and waits
 * until that file exists or cancellable is cancelled; later calls and
 * calls without the variable return at once. */
void rectify_cli_test_pause (GCancellable *cancellable);

/* The whole program; returns the exit status. */
int rectify_cli_run (int argc, char **argv);

/* Parses the command's options (plus the global ones, accepted anywhere).
 * params is the text after the command in the usage line, e.g. "ID".
 * entries may be NULL. */
gboolean rectify_cli_parse (RectifyCli *cli,
                            const GOptionEntry *entries,
                            const char *params,
                            int *argc,
                            char ***argv,
                            GError **error);

/* After parsing: exactly n_wanted positional arguments, named in messages
 * by what (e.g. "ID"). */
gboolean rectify_cli_expect_args (
    RectifyCli *cli, int argc, char **argv, int n_wanted, const char *what, GError **error);

/* rectify_cli_parse, then exactly n_args positional arguments named params
 * (e.g. "ID"), then rectify_cli_open_store (existing file). */
RectifyStore *rectify_cli_parse_and_open (RectifyCli *cli,
                                          const GOptionEntry *entries,
                                          const char *params,
                                          int n_args,
                                          int *argc,
                                          char ***argv,
                                          GError **error);

/* rectify_cli_parse_and_open with one positional argument named params
 * (e.g. "ID"), then that argument as a record id, named in messages by
 * what (e.g. "hazard id"), into *id. */
RectifyStore *rectify_cli_parse_and_open_id (RectifyCli *cli,
                                             const GOptionEntry *entries,
                                             const char *params,
                                             const char *what,
                                             int *argc,
                                             char ***argv,
                                             gint64 *id,
                                             GError **error);
/* The same without opening the database: rectify_cli_parse, exactly one
 * positional argument, that argument as a record id. */
gboolean rectify_cli_parse_id_arg (RectifyCli *cli,
                                   const GOptionEntry *entries,
                                   const char *params,
                                   const char *what,
                                   int *argc,
                                   char ***argv,
                                   gint64 *id,
                                   GError **error);

/* Opens the database (and sets the acting officer from --as).  Unless
 * create is set, the file must already exist. */
RectifyStore *rectify_cli_open_store (RectifyCli *cli, gboolean create, GError **error);

/* rectify_cli_open_store on an existing file, then, when unit (--unit: id
 * or credit code) is given, rectify_cli_find_unit into *unit_id (left as
 * it was without unit).  NULL when either fails. */
RectifyStore *
rectify_cli_open_store_unit (RectifyCli *cli, const char *unit, gint64 *unit_id, GError **error);

/* Usage errors. */
gboolean rectify_cli_usage_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean rectify_cli_require (const char *option, const void *value, GError **error);

/* Strict numbers: the whole text, in [min, max]; option names the input. */
gboolean rectify_cli_parse_int (
    const char *option, const char *text, gint64 min, gint64 max, gint64 *out, GError **error);
/* A positive record id. */
gboolean rectify_cli_parse_id (const char *option, const char *text, gint64 *out, GError **error);
/* Like rectify_cli_parse_id but NULL text leaves *out at 0. */
gboolean
rectify_cli_parse_optional_id (const char *option, const char *text, gint64 *out, GError **error);

/* One of codes (enum codes from rectify-types.h), ignoring case and
 * '-' for '_'; *out_code is the matching code, for rectify_*_from_code. */
gboolean rectify_cli_parse_choice (const char *option,
                                   const char *text,
                                   const char *const *codes,
                                   const char **out_code,
                                   GError **error);
/* Catalogue code (3000) or name (elevator). */
gboolean rectify_cli_parse_category (const char *option,
                                     const char *text,
                                     RectifyCategory *out,
                                     GError **error);

/* --language: zh_CN or en into *out; NULL text leaves *out as it is. */
gboolean rectify_cli_parse_language (const char *text, RectifyPdfLanguage *out, GError **error);

/* Records named on the command line. */
gboolean rectify_cli_find_unit (RectifyCli *cli, const char *text, gint64 *out, GError **error);
gboolean rectify_cli_find_officer (RectifyCli *cli, const char *text, gint64 *out, GError **error);
/* Each of texts (NULL-terminated, or NULL) by rectify_cli_find_officer,
 * appended to out (gint64 ids). */
gboolean rectify_cli_find_officers (RectifyCli *cli, char **texts, GArray *out, GError **error);

/* Repeated options joined one item a line, as the records keep lists. */
char *rectify_cli_join_lines (char **items);

/* Options shared by every list command. */
typedef struct
{
  char *search;
  char *sort;
  char *limit;
  char *offset;
  char *as_of;
  gboolean descending;
} RectifyCliListOptions;

void rectify_cli_list_options_clear (RectifyCliListOptions *opts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RectifyCliListOptions, rectify_cli_list_options_clear)

/* rectify_cli_parse for a list command: its entries plus --search, --sort,
 * --desc, --limit, --offset (and --as-of); no positional arguments. */
gboolean rectify_cli_parse_list (RectifyCli *cli,
                                 const GOptionEntry *entries,
                                 RectifyCliListOptions *opts,
                                 gboolean with_as_of,
                                 int *argc,
                                 char ***argv,
                                 GError **error);
/* Into q: the options, limit 50 unless given. */
gboolean
rectify_cli_list_options_apply (const RectifyCliListOptions *opts, RectifyQuery *q, GError **error);
/* rectify_cli_parse_list, then rectify_cli_list_options_apply into q (which
 * borrows the texts of opts). */
gboolean rectify_cli_parse_list_query (RectifyCli *cli,
                                       const GOptionEntry *entries,
                                       RectifyCliListOptions *opts,
                                       gboolean with_as_of,
                                       RectifyQuery *q,
                                       int *argc,
                                       char ***argv,
                                       GError **error);

/* Commands, by module. */
gboolean rectify_cli_init (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_demo (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_stats (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_verify (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_settings_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_settings_get (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_settings_set (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_settings_setup (RectifyCli *cli, int argc, char **argv, GError **error);
/* rectify-cli-server.c */
gboolean rectify_cli_server_init (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_server_add_officer (RectifyCli *cli, int argc, char **argv, GError **error);
/* This user's default officer for the database at db_path (badge), or NULL. */
char *rectify_cli_default_officer (const char *db_path);
gboolean rectify_cli_backup (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_officer_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_officer_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_officer_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_campaign_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_campaign_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_campaign_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_unit_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_unit_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_unit_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_equipment_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_equipment_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_equipment_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_operator_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_operator_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_operator_show (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_inspection_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_inspection_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_inspection_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_inspection_edit (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_inspection_delete (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_visit_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_visit_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_visit_cancel (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_hazard_add (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_implement (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_track (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_immediate (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_rectify (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_confirm (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_reject (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_escalate (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_lift_stop_use (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_officer_edit (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_campaign_edit (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_unit_edit (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_equipment_edit (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_show (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_hazard_categories (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_letter_issue (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_letter_void (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_letter_list (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_letter_show (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_pdf_letter (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_pdf_summary (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_archive (RectifyCli *cli, int argc, char **argv, GError **error);

gboolean rectify_cli_import_units (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_import_equipment (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_import_operators (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_units (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_equipment (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_operators (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_hazards (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_inspections (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_export_documents (RectifyCli *cli, int argc, char **argv, GError **error);
gboolean rectify_cli_restore (RectifyCli *cli, int argc, char **argv, GError **error);

G_END_DECLS
