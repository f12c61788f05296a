// The query filters shared by `deadlines`, `tasks`, `report` and `export`:
// registering the options on a subcommand and turning them into a
// QueryFilter (user dates parsed, names resolved through the gazetteer).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "congvan/query.h"

namespace congvan {

struct QueryOptions {
  std::string due_before, due_after;  // user dates
  int within = -1;                    // --within N days; -1: not given
  std::string as_of;                  // --as-of DATE; empty: today
  bool overdue = false;
  std::string lead, support, issuer, doc;
  std::vector<std::string> kinds;
  std::string status;                 // open, done, all
  std::string sort = "due";
  int64_t limit = 0;
  int occurrences = 1;
};

// Adds --due-before … --limit to `cmd`; `status` is the default --status.
void add_query_options(CLI::App* cmd, QueryOptions& options, const std::string& status);

// The filter the options ask for; on a bad date or name prints the error,
// sets exit code 2 and returns nullopt.
std::optional<QueryFilter> make_filter(const QueryOptions& options, CliContext& ctx);

// Today's date (local time), ISO.
std::string today_iso();

// $USER, else $LOGNAME, else "unknown".
std::string current_user();

// "a; b; c".
std::string join_names(const std::vector<std::string>& names, const std::string& sep = "; ");

// What to show for a deadline's date: the due date (with time), a
// recurring deadline's next occurrence(s) with "↻", a relative one's count,
// unit and anchor, or the event.
std::string due_label(const DeadlineHit& hit);

}  // namespace congvan
