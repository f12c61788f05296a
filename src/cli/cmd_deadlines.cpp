// `congvan deadlines`: the stored deadlines matching the query filters,
// soonest first, as a table, JSON or CSV.
#include <iostream>
#include <optional>
#include <string>

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
    // Rows are printed as the store reads them, through a buffer written
    // out every 64 KB: a week of forty thousand deadlines starts printing
    // at once and never sits whole in memory.
    std::string out;
    size_t count = 0;
    auto flush = [&](size_t at_least) {
      if (out.size() < at_least) return;
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    };
    DeadlineSink row;
    std::optional<DeadlinesTable> table;
    if (opts->format == "json") {
      // The array's text as dump(2) gives it, written an element at a time
      // (each element's own dump indented one level): no tree of every row.
      row = [&](const DeadlineHit& hit) {
        out += count == 0 ? "[\n  " : ",\n  ";
        append_json(out, deadline_hit_to_json(hit), 2);
        ++count;
        flush(1 << 16);
      };
    } else if (opts->format == "csv") {
      append_deadlines_csv_header(out);
      row = [&](const DeadlineHit& hit) {
        append_deadline_csv(hit, out);
        ++count;
        flush(1 << 16);
      };
    } else {
      table.emplace(terminal_width(), stdout_is_terminal());
      table->header(out);
      row = [&](const DeadlineHit& hit) {
        table->row(hit, out);
        ++count;
        flush(1 << 16);
      };
    }
    // The table and CSV show fewer fields than the JSON contract has.
    const auto fields = opts->format == "json" ? DeadlineFields::kAll : DeadlineFields::kShown;
    if (Status s = each_deadline(*store, *filter, row, fields); !s) {
      // What was printed stays printed; the error says why the rest is not.
      flush(0);
      std::cout.flush();
      print_error(s.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") out += count == 0 ? "[]\n" : "\n]\n";
    flush(0);
    if (opts->format == "table" && !ctx.quiet) std::cerr << count << " deadlines\n";
  });
}

}  // namespace congvan
