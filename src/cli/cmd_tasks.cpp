// `congvan tasks` and `congvan docs`: the matching tasks (with the ids that
// done/reopen/edit take) and the stored documents.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/query_options.h"
#include "cli/table.h"
#include "congvan/query_output.h"

namespace congvan {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

void register_tasks_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "table";
    QueryOptions query;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("tasks", "List tasks (one row per task, with its id)");
  cmd->add_option("--format", opts->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  add_query_options(cmd, opts->query, "open");
  cmd->callback([&ctx, opts] {
    auto filter = make_filter(opts->query, ctx);
    if (!filter) return;
    auto store = open_store(ctx);
    if (!store) return;
    auto rows = find_tasks(*store, *filter);
    if (!rows) {
      print_error(rows.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      json out = json::array();
      for (const auto& t : *rows) {
        out.push_back({{"id", t.task_id}, {"document", opt(t.doc_number)}, {"source", t.source},
                       {"item", t.item}, {"text", t.text}, {"lead", t.lead},
                       {"support", t.support}, {"status", t.status}, {"note", opt(t.note)},
                       {"first_due", opt(t.first_due)}, {"deadlines", t.deadline_count},
                       {"overdue", t.overdue}});
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (opts->format == "csv") {
      std::cout << "id,first_due,status,lead,support,task,document,source,item,note\n";
      for (const auto& t : *rows) {
        std::cout << t.task_id << ',' << csv_field(t.first_due.value_or("")) << ','
                  << csv_field(t.status) << ',' << csv_field(join_names(t.lead)) << ','
                  << csv_field(join_names(t.support)) << ',' << csv_field(t.text) << ','
                  << csv_field(t.doc_number.value_or("")) << ',' << csv_field(t.source) << ','
                  << csv_field(t.item) << ',' << csv_field(t.note.value_or("")) << "\n";
      }
      return;
    }
    std::cout << tasks_table(*rows, terminal_width(), stdout_is_terminal());
    if (!ctx.quiet) std::cerr << rows->size() << " tasks\n";
  });
}

void register_docs_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "table";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("docs", "List the stored documents");
  cmd->add_option("--format", opts->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, opts] {
    auto store = open_store(ctx);
    if (!store) return;
    auto docs = list_documents(*store);
    if (!docs) {
      print_error(docs.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      json out = json::array();
      for (const auto& d : *docs) {
        out.push_back({{"id", d.id}, {"source", d.source}, {"doc_type", opt(d.doc_type)},
                       {"document", opt(d.doc_number)}, {"date", opt(d.date)},
                       {"issuer", opt(d.issuer)}, {"subject", opt(d.subject)},
                       {"tasks", d.tasks}, {"open", d.open_tasks}});
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& d : *docs) {
      table.push_back({std::to_string(d.id), d.doc_number.value_or("-"), d.date.value_or("-"),
                       d.issuer.value_or("-"), d.subject ? (d.doc_type ? *d.doc_type + ": " : "") + *d.subject : d.source,
                       std::to_string(d.open_tasks) + "/" + std::to_string(d.tasks)});
    }
    std::cout << render_table({{"ID", 4}, {"NUMBER", 18}, {"DATE", 10}, {"ISSUER", 24},
                               {"SUBJECT", 0}, {"OPEN", 7}},
                              table, terminal_width(), {}, {true, false, 2});
    if (!ctx.quiet) std::cerr << docs->size() << " documents\n";
  });
}

}  // namespace congvan
