// `congvan report`: per lead body, open tasks, those due this week and the
// overdue ones; then the overdue list.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/query_options.h"
#include "cli/table.h"

namespace congvan {

void register_report_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string as_of;
    int days = 7;
    std::string format = "table";
    int64_t limit = 50;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("report", "Open, due-this-week and overdue tasks per lead body, and the overdue list");
  cmd->add_option("--as-of", opts->as_of, "Take this date as today (default: today)");
  cmd->add_option("--days", opts->days, "\"Due soon\" means within this many days")
      ->check(CLI::Range(0, 3650))
      ->capture_default_str();
  cmd->add_option("--limit", opts->limit,
                  "At most N rows in the overdue list, the longest overdue first (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--format", opts->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, opts] {
    QueryOptions q;
    q.status = "open";
    q.as_of = opts->as_of;
    q.overdue = true;
    q.limit = opts->limit;
    auto filter = make_filter(q, ctx);
    if (!filter) return;
    auto store = open_store(ctx);
    if (!store) return;
    auto counts = lead_report(*store, filter->as_of, opts->days);
    if (!counts) {
      print_error(counts.message());
      ctx.exit_code = 1;
      return;
    }
    auto overdue = find_deadlines(*store, *filter);
    if (!overdue) {
      print_error(overdue.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      nlohmann::ordered_json j;
      j["as_of"] = filter->as_of;
      j["days"] = opts->days;
      j["leads"] = nlohmann::ordered_json::array();
      for (const auto& c : *counts) {
        j["leads"].push_back({{"lead", c.lead}, {"open", c.open}, {"due_soon", c.due_soon},
                              {"overdue", c.overdue}});
      }
      j["overdue"] = nlohmann::ordered_json::array();
      for (const auto& h : *overdue) j["overdue"].push_back(deadline_hit_to_json(h));
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("As of {}: per lead body (due soon = within {} days)\n\n",
                             filter->as_of, opts->days);
    std::vector<std::vector<std::string>> table;
    std::vector<bool> late;
    for (const auto& c : *counts) {
      table.push_back({c.lead, std::to_string(c.open), std::to_string(c.due_soon),
                       std::to_string(c.overdue)});
      late.push_back(c.overdue > 0);
    }
    const bool colour = stdout_is_terminal();
    std::cout << render_table({{"LEAD", 0}, {"OPEN", 6}, {"DUE SOON", 8}, {"OVERDUE", 7}}, table,
                              std::min(terminal_width(), 100), late, {true, colour});
    std::cout << fmt::format("\nOverdue ({}{})\n\n",
                             opts->limit > 0 && static_cast<int64_t>(overdue->size()) == opts->limit
                                 ? "the first " : "",
                             overdue->size());
    table.clear();
    for (const auto& h : *overdue) {
      table.push_back({std::to_string(h.task_id), h.effective_due.value_or("-"),
                       join_names(h.lead), h.task_text, h.doc_number.value_or(h.source)});
    }
    std::cout << render_table({{"TASK", 6}, {"DUE", 10}, {"LEAD", 26}, {"WHAT", 0}, {"DOCUMENT", 20}},
                              table, terminal_width(), std::vector<bool>(table.size(), true),
                              {true, colour});
    if (opts->limit > 0 && static_cast<int64_t>(overdue->size()) == opts->limit) {
      std::cout << fmt::format("\nThe {} longest overdue are listed; all of them: congvan "
                               "deadlines --overdue{}\n",
                               opts->limit, opts->as_of.empty() ? "" : " --as-of " + opts->as_of);
    }
  });
}

}  // namespace congvan
