// `congvan export --format json`: every stored document per the contract.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"

namespace congvan {

void register_export_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "json";
    std::string output;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("export", "Export stored documents and their tasks");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of stdout");
  cmd->callback([&ctx, opts] {
    auto store = open_store(ctx);
    if (!store) return;
    auto docs = store->load_documents();
    if (!docs) {
      print_error(docs.message());
      ctx.exit_code = 1;
      return;
    }
    const std::string text = export_to_json(*docs).dump(2) + "\n";
    if (opts->output.empty()) {
      std::cout << text;
      return;
    }
    std::ofstream out(opts->output, std::ios::binary);
    out << text;
    if (!out) {
      print_error(opts->output + ": cannot write");
      ctx.exit_code = 1;
    }
  });
}

}  // namespace congvan
