// `congvan deadlines`: the stored deadlines matching the query filters,
// soonest first, as a table, JSON or CSV.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/query_options.h"
#include "cli/table.h"

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
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& r : *rows) out.push_back(deadline_hit_to_json(r));
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (opts->format == "csv") {
      std::cout << "due,time,kind,lead,task,document,source,item,status,task_id,next,anchor,overdue\n";
      for (const auto& r : *rows) {
        const Deadline& d = r.deadline;
        std::cout << csv_field(r.effective_due.value_or("")) << ',' << csv_field(d.time.value_or(""))
                  << ',' << csv_field(d.kind) << ',' << csv_field(join_names(r.lead)) << ','
                  << csv_field(r.task_text) << ',' << csv_field(r.doc_number.value_or("")) << ','
                  << csv_field(r.source) << ',' << csv_field(r.item) << ',' << csv_field(r.status)
                  << ',' << r.task_id << ',' << csv_field(join_names(r.next, " ")) << ','
                  << csv_field(d.anchor.value_or("")) << ',' << (r.overdue ? "yes" : "") << "\n";
      }
      return;
    }
    std::vector<std::vector<std::string>> table;
    std::vector<bool> overdue;
    for (const auto& r : *rows) {
      table.push_back({std::to_string(r.task_id), due_label(r), r.deadline.kind,
                       join_names(r.lead), r.task_text, r.doc_number.value_or(r.source)});
      overdue.push_back(r.overdue);
    }
    std::cout << render_table({{"TASK", 6}, {"DUE", 16}, {"KIND", 14}, {"LEAD", 26}, {"WHAT", 0},
                               {"DOCUMENT", 20}},
                              table, terminal_width(), overdue, {true, stdout_is_terminal()});
    if (!ctx.quiet) std::cerr << rows->size() << " deadlines\n";
  });
}

}  // namespace congvan
