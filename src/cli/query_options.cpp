// Query options shared by the listing commands, and their resolution.
#include "cli/query_options.h"

#include <cstdlib>
#include <ctime>
#include <set>

#include <fmt/format.h>

#include "cli/context.h"
#include "congvan/gazetteer.h"
#include "congvan/rules.h"

namespace congvan {
namespace {

// The bodies a user's name means: gazetteer matches and the old names of
// merged bodies now carried by them.
BodyFilter resolve_body(const std::string& text, const Gazetteer& gazetteer) {
  BodyFilter body;
  body.text = text;
  std::set<std::string> names;
  for (const auto& name : gazetteer.match(text)) {
    names.insert(name);
    for (const auto& old : gazetteer.predecessors(name)) names.insert(old);
  }
  body.names.assign(names.begin(), names.end());
  return body;
}

}  // namespace

void add_query_options(CLI::App* cmd, QueryOptions& o, const std::string& status) {
  o.status = status;
  cmd->add_option("--due-before", o.due_before,
                  "Only due on or before this date (2024-12-31 or 31/12/2024)");
  cmd->add_option("--due-after", o.due_after, "Only due on or after this date");
  cmd->add_option("--within", o.within, "Only due within N days from today (or --as-of)")
      ->check(CLI::Range(0, 36500));
  cmd->add_option("--as-of", o.as_of, "Take this date as today (default: today)");
  cmd->add_flag("--overdue", o.overdue, "Only open tasks whose due date has passed");
  cmd->add_option("--lead", o.lead,
                  "Led by this body (\"so tai chinh\", \"Sở TC\": case, diacritics and "
                  "abbreviations ignored)");
  cmd->add_option("--support", o.support, "Supported by this body (same matching as --lead)");
  cmd->add_option("--issuer", o.issuer, "Issued by a body whose name contains these words");
  cmd->add_option("--doc", o.doc, "Only this document: number (3692 or 3692/UBND-KSTTHC), file "
                                  "name or id");
  cmd->add_option("--kind", o.kinds,
                  "Deadline kinds: by_date, within_month, within_quarter, within_year, "
                  "relative, on_event, recurring (repeatable)")
      ->check(CLI::IsMember({"by_date", "within_month", "within_quarter", "within_year",
                             "relative", "on_event", "recurring"}));
  cmd->add_option("--status", o.status, "open, done or all")
      ->check(CLI::IsMember({"open", "done", "all"}))
      ->capture_default_str();
  cmd->add_option("--sort", o.sort, "due, lead or doc")
      ->check(CLI::IsMember({"due", "lead", "doc"}))
      ->capture_default_str();
  cmd->add_option("--limit", o.limit, "At most N rows")->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  cmd->add_option("--occurrences", o.occurrences,
                  "Recurring deadlines: how many next dates to show")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
}

std::string today_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string current_user() {
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v && *v) return v;
  }
  return "unknown";
}

std::string join_names(const std::vector<std::string>& names, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? sep : "") + names[i];
  return out;
}

std::optional<QueryFilter> make_filter(const QueryOptions& o, CliContext& ctx) {
  QueryFilter f;
  auto date = [&](const std::string& text, const char* option) -> std::optional<std::string> {
    auto d = parse_user_date(text);
    if (!d) {
      print_error(fmt::format("{} '{}' is not a date (use 2024-12-31 or 31/12/2024)", option, text));
      ctx.exit_code = 2;
    }
    return d;
  };
  if (!o.due_before.empty()) {
    f.due_before = date(o.due_before, "--due-before");
    if (!f.due_before) return std::nullopt;
  }
  if (!o.due_after.empty()) {
    f.due_after = date(o.due_after, "--due-after");
    if (!f.due_after) return std::nullopt;
  }
  if (o.as_of.empty()) {
    f.as_of = today_iso();
  } else {
    auto d = date(o.as_of, "--as-of");
    if (!d) return std::nullopt;
    f.as_of = *d;
  }
  if (o.within >= 0) f.within_days = o.within;
  f.overdue = o.overdue;
  f.kinds = o.kinds;
  f.status = o.status;
  f.sort = o.sort;
  f.limit = o.limit;
  f.occurrences = o.occurrences;
  if (!o.issuer.empty()) f.issuer = o.issuer;
  if (!o.doc.empty()) f.doc = o.doc;
  if (!o.lead.empty() || !o.support.empty()) {
    if (ctx.models_dir.empty()) ctx.models_dir = default_models_dir().string();
    const auto tsv = std::filesystem::path(ctx.models_dir) / "gazetteer.tsv";
    Gazetteer gazetteer;
    if (std::filesystem::exists(tsv)) {
      auto loaded = Gazetteer::load(tsv);
      if (!loaded) {
        print_error(loaded.message());
        ctx.exit_code = 1;
        return std::nullopt;
      }
      gazetteer = std::move(loaded.value());
    }
    for (auto [text, field] : {std::pair{&o.lead, &f.lead}, std::pair{&o.support, &f.support}}) {
      if (text->empty()) continue;
      if (body_key(*text).empty()) {
        print_error("'" + *text + "' names no body");
        ctx.exit_code = 2;
        return std::nullopt;
      }
      *field = resolve_body(*text, gazetteer);
    }
  }
  return f;
}

std::string due_label(const DeadlineHit& h) {
  const Deadline& d = h.deadline;
  if (d.kind == "recurring") {
    std::string out;
    for (const auto& n : h.next) out += (out.empty() ? "" : ", ") + n;
    return (out.empty() ? "every " + d.every.value_or("?") : out) + " ↻";
  }
  if (d.due) return *d.due + (d.time ? " " + *d.time : "");
  if (d.kind == "relative") {
    return fmt::format("{} {} after: {}", d.count.value_or(0), d.unit.value_or("?"),
                       d.anchor.value_or("?"));
  }
  if (d.kind == "on_event") return "when: " + d.anchor.value_or(d.text);
  return "-";
}

}  // namespace congvan
