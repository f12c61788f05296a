// The subcommands of the congvan CLI. Each lives in its own cmd_<name>.cpp
// and registers itself on the CLI11 app; cli.cpp calls every register_*.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace congvan {

// Options shared by all subcommands and the exit code the command sets.
struct CliContext {
  std::string db_path;      // --db, else $CONGVAN_DB, else default_database_path()
  std::string models_dir;   // --models, else default_models_dir()
  bool quiet = false;       // --quiet: no progress or summaries on stderr
  int exit_code = 0;        // 0 ok, 1 some inputs failed, 2 usage error
};

void register_ingest_command(CLI::App& app, CliContext& ctx);
void register_deadlines_command(CLI::App& app, CliContext& ctx);
void register_export_command(CLI::App& app, CliContext& ctx);
void register_extract_command(CLI::App& app, CliContext& ctx);
void register_reextract_command(CLI::App& app, CliContext& ctx);
void register_text_command(CLI::App& app, CliContext& ctx);
void register_tasks_command(CLI::App& app, CliContext& ctx);
void register_docs_command(CLI::App& app, CliContext& ctx);
void register_show_command(CLI::App& app, CliContext& ctx);
void register_search_command(CLI::App& app, CliContext& ctx);
void register_followup_commands(CLI::App& app, CliContext& ctx);  // done, reopen, edit, history
void register_report_command(CLI::App& app, CliContext& ctx);
void register_watch_command(CLI::App& app, CliContext& ctx);

}  // namespace congvan
