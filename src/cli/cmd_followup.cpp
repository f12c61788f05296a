// `congvan done TASK`, `reopen TASK`, `edit TASK` and `history TASK`: the
// clerk's follow-up, kept with an audit trail and surviving reextract.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/query_options.h"
#include "congvan/gazetteer.h"

namespace congvan {
namespace {

bool report(const Status& s, CliContext& ctx) {
  if (s) return true;
  print_error(s.message());
  ctx.exit_code = 1;
  return false;
}

}  // namespace

void register_followup_commands(CLI::App& app, CliContext& ctx) {
  struct Options {
    int64_t task = 0;
    std::string note;
    std::vector<std::string> lead;
    std::string due, text;
  };
  auto done = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("done", "Mark a task done (id from `congvan tasks`)");
  cmd->add_option("TASK", done->task, "Task id")->required();
  cmd->add_option("--note", done->note, "What was done (kept with the task)");
  cmd->callback([&ctx, done] {
    auto store = open_store(ctx);
    if (!store) return;
    std::optional<std::string> note;
    if (!done->note.empty()) note = done->note;
    if (report(set_task_status(*store, done->task, "done", note, current_user()), ctx) && !ctx.quiet) {
      std::cerr << "task " << done->task << " done\n";
    }
  });

  auto reopen = std::make_shared<Options>();
  cmd = app.add_subcommand("reopen", "Reopen a task marked done");
  cmd->add_option("TASK", reopen->task, "Task id")->required();
  cmd->callback([&ctx, reopen] {
    auto store = open_store(ctx);
    if (!store) return;
    if (report(set_task_status(*store, reopen->task, "open", std::nullopt, current_user()), ctx) &&
        !ctx.quiet) {
      std::cerr << "task " << reopen->task << " open again\n";
    }
  });

  auto edit = std::make_shared<Options>();
  cmd = app.add_subcommand("edit", "Correct a task's lead, due date or text (kept across reextract)");
  cmd->add_option("TASK", edit->task, "Task id")->required();
  cmd->add_option("--lead", edit->lead, "Lead body (repeat for several)");
  cmd->add_option("--due", edit->due, "Due date of its first dated deadline (2024-12-31 or 31/12/2024)");
  cmd->add_option("--text", edit->text, "The task's text");
  cmd->callback([&ctx, edit] {
    Correction c;
    if (!edit->due.empty()) {
      c.due = parse_user_date(edit->due);
      if (!c.due) {
        print_error("--due '" + edit->due + "' is not a date (use 2024-12-31 or 31/12/2024)");
        ctx.exit_code = 2;
        return;
      }
    }
    if (!edit->lead.empty()) c.lead = edit->lead;
    if (!edit->text.empty()) c.text = edit->text;
    if (!c.due && !c.lead && !c.text) {
      print_error("nothing to change: give --lead, --due or --text");
      ctx.exit_code = 2;
      return;
    }
    auto store = open_store(ctx);
    if (!store) return;
    if (report(correct_task(*store, edit->task, c, current_user()), ctx) && !ctx.quiet) {
      std::cerr << "task " << edit->task << " corrected\n";
    }
  });

  auto history = std::make_shared<Options>();
  cmd = app.add_subcommand("history", "Show a task's audit trail");
  cmd->add_option("TASK", history->task, "Task id")->required();
  cmd->callback([&ctx, history] {
    auto store = open_store(ctx);
    if (!store) return;
    auto rows = task_audit(*store, history->task);
    if (!rows) {
      print_error(rows.message());
      ctx.exit_code = 1;
      return;
    }
    for (const auto& a : *rows) {
      std::cout << fmt::format("{}  {}  {}: {} → {}\n", a.at, a.by, a.what,
                               a.old_value.value_or("-"), a.new_value.value_or("-"));
    }
  });
}

}  // namespace congvan
