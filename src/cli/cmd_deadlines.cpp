// `congvan deadlines`: the stored deadlines, soonest first, as a table,
// JSON or CSV.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/table.h"

namespace congvan {
namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// What to show in the "due" column when a deadline has no date.
std::string due_label(const Deadline& d) {
  if (d.due) return *d.due + (d.time ? " " + *d.time : "");
  if (d.kind == "recurring") return "every " + d.every.value_or("?");
  if (d.kind == "relative") {
    return fmt::format("{} {}", d.count.value_or(0), d.unit.value_or("?"));
  }
  if (d.kind == "on_event") return "on event";
  return "-";
}

}  // namespace

void register_deadlines_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "table";
    std::string due_before, due_after;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("deadlines", "List deadlines, soonest first");
  cmd->add_option("--format", opts->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--due-before", opts->due_before, "Only due on or before this date (2024-12-31 or 31/12/2024)");
  cmd->add_option("--due-after", opts->due_after, "Only due on or after this date");
  cmd->callback([&ctx, opts] {
    DeadlineQuery q;
    for (auto [text, field] : {std::pair{&opts->due_before, &q.due_before},
                               std::pair{&opts->due_after, &q.due_after}}) {
      if (text->empty()) continue;
      auto d = parse_user_date(*text);
      if (!d) {
        print_error("'" + *text + "' is not a date (use 2024-12-31 or 31/12/2024)");
        ctx.exit_code = 2;
        return;
      }
      *field = *d;
    }
    auto store = open_store(ctx);
    if (!store) return;
    auto rows = store->find_deadlines(q);
    if (!rows) {
      print_error(rows.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& r : *rows) {
        nlohmann::ordered_json j = deadline_to_json(r.deadline);
        j["document"] = r.doc_number ? nlohmann::ordered_json(*r.doc_number) : nlohmann::ordered_json(nullptr);
        j["source"] = r.source;
        j["item"] = r.item;
        j["lead"] = r.lead;
        j["task"] = r.task_text;
        j["status"] = r.status;
        out.push_back(j);
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (opts->format == "csv") {
      std::cout << "due,time,kind,lead,task,document,source,item,status\n";
      for (const auto& r : *rows) {
        const Deadline& d = r.deadline;
        std::cout << csv_field(d.due.value_or("")) << ',' << csv_field(d.time.value_or("")) << ','
                  << csv_field(d.kind) << ',' << csv_field(join(r.lead, "; ")) << ','
                  << csv_field(r.task_text) << ',' << csv_field(r.doc_number.value_or("")) << ','
                  << csv_field(r.source) << ',' << csv_field(r.item) << ',' << csv_field(r.status)
                  << "\n";
      }
      return;
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& r : *rows) {
      table.push_back({due_label(r.deadline), r.deadline.kind, join(r.lead, "; "), r.task_text,
                       r.doc_number.value_or(r.source)});
    }
    std::cout << render_table({{"DUE", 16}, {"KIND", 14}, {"LEAD", 30}, {"TASK", 0}, {"DOCUMENT", 24}},
                              table, terminal_width());
    if (!ctx.quiet) std::cerr << rows->size() << " deadlines\n";
  });
}

}  // namespace congvan
