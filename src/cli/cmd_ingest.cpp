// `congvan ingest PATH...`: reads files and folders into the database.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/pipeline.h"

namespace congvan {

void register_ingest_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::vector<std::string> paths;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read letters (text, PDF, images; files or folders, recursively) into the database");
  cmd->add_option("paths", opts->paths, "Files or folders to ingest")->required();
  cmd->callback([&ctx, opts] {
    auto rules = open_rules(ctx);
    if (!rules) return;
    auto store = open_store(ctx);
    if (!store) return;
    std::vector<std::string> missing;
    auto inputs = collect_inputs(opts->paths, &missing);
    int failed = 0, added = 0, duplicates = 0, tasks = 0;
    for (const auto& m : missing) {
      print_error(m + ": no such file or folder");
      ++failed;
    }
    Ingestor ingestor(*store, rules);
    for (const auto& path : inputs) {
      IngestOutcome r = ingestor.ingest_file(path);
      switch (r.kind) {
        case IngestOutcome::Kind::kAdded:
          ++added;
          tasks += r.tasks;
          if (!ctx.quiet) {
            std::cerr << fmt::format("added      {} ({} tasks, {:.0f} ms)\n", r.path, r.tasks,
                                     r.milliseconds);
          }
          break;
        case IngestOutcome::Kind::kDuplicate:
          ++duplicates;
          if (!ctx.quiet) {
            std::cerr << fmt::format("duplicate  {} (same bytes as {})\n", r.path, r.duplicate_of);
          }
          break;
        case IngestOutcome::Kind::kFailed:
          ++failed;
          print_error(r.message);
          break;
      }
    }
    if (!ctx.quiet) {
      std::cerr << fmt::format("{} added ({} tasks), {} already stored, {} failed\n", added, tasks,
                               duplicates, failed);
    }
    if (failed > 0) ctx.exit_code = 1;
  });
}

}  // namespace congvan
