// `congvan deadlines`: the stored deadlines matching the query filters,
// soonest first, as a table, JSON or CSV.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/query_options.h"
#include "cli/table.h"
#include "congvan/query_output.h"

namespace congvan {

void register_deadlines_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "table";
    QueryOptions query;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("deadlines", "List deadlines, soonest first, with filters that combine");
  cmd->add_option("--format", opts->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  add_query_options(cmd, opts->query, "open");
  cmd->callback([&ctx, opts] {
    auto filter = make_filter(opts->query, ctx);
    if (!filter) return;
    auto store = open_store(ctx);
    if (!store) return;
    auto rows = find_deadlines(*store, *filter);
    if (!rows) {
      print_error(rows.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      // The array's text as dump(2) gives it, written an element at a time
      // (each element's own dump indented one level): no tree of every row.
      if (rows->empty()) {
        std::cout << "[]\n";
        return;
      }
      std::string out = "[\n";
      for (size_t i = 0; i < rows->size(); ++i) {
        const std::string one = deadline_hit_to_json((*rows)[i]).dump(2);
        out += "  ";
        for (char c : one) {
          out += c;
          if (c == '\n') out += "  ";
        }
        out += i + 1 < rows->size() ? ",\n" : "\n";
      }
      std::cout << out << "]\n";
      return;
    }
    if (opts->format == "csv") {
      std::cout << deadlines_csv(*rows);
      return;
    }
    std::cout << deadlines_table(*rows, terminal_width(), stdout_is_terminal());
    if (!ctx.quiet) std::cerr << rows->size() << " deadlines\n";
  });
}

}  // namespace congvan
