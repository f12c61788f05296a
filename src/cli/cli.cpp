// The top of the command line: global options, subcommands, exit codes.
#include "congvan/cli.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/rules.h"
#include "congvan/store.h"

namespace congvan {

int run_cli(int argc, char** argv) {
  CLI::App app{"congvan: reads Vietnamese official letters (công văn, chỉ thị, kế hoạch) and "
               "keeps their tasks and deadlines queryable."};
  app.set_version_flag("--version", std::string("congvan ") + CONGVAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  CliContext ctx;
  app.add_option("--db", ctx.db_path,
                 "SQLite database (default: $CONGVAN_DB, else "
                 "$XDG_DATA_HOME/congvan/congvan.db or ~/.local/share/congvan/congvan.db)");
  app.add_option("--models", ctx.models_dir,
                 "Folder of extraction rules (default: $CONGVAN_MODELS, else the built-in models/)");
  app.add_flag("-q,--quiet", ctx.quiet, "No progress or summary lines on stderr");

  register_ingest_command(app, ctx);
  register_deadlines_command(app, ctx);
  register_export_command(app, ctx);
  register_extract_command(app, ctx);
  register_reextract_command(app, ctx);
  register_text_command(app, ctx);
  register_tasks_command(app, ctx);
  register_docs_command(app, ctx);
  register_show_command(app, ctx);
  register_search_command(app, ctx);
  register_followup_commands(app, ctx);
  register_report_command(app, ctx);
  register_watch_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return 1;
  }
  return ctx.exit_code;
}

}  // namespace congvan
