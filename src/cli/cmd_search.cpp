// `congvan search QUERY`: full-text search over letters and tasks, with or
// without diacritics, exact mode, phrases and highlighted snippets.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/table.h"
#include "congvan/query.h"

namespace congvan {

void register_search_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::vector<std::string> words;
    bool exact = false;
    bool tasks_only = false;
    bool docs_only = false;
    int64_t limit = 20;
    std::string format = "text";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "search", "Full-text search: \"thu tuc hanh chinh\" finds \"thủ tục hành chính\"");
  cmd->add_option("QUERY", opts->words,
                  "Words (all must occur), \"a phrase\" in quotes, word* for a prefix")
      ->required();
  cmd->add_flag("--exact", opts->exact, "Diacritics must match too (case still ignored)");
  cmd->add_flag("--tasks", opts->tasks_only, "Only tasks");
  cmd->add_flag("--docs", opts->docs_only, "Only documents");
  cmd->add_option("--limit", opts->limit, "At most N tasks and N documents")->capture_default_str();
  cmd->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, opts] {
    std::string query;
    for (const auto& w : opts->words) {
      // A word given with spaces was quoted on the command line: a phrase.
      const bool phrase = w.find(' ') != std::string::npos && w.find('"') == std::string::npos;
      query += (query.empty() ? "" : " ") + (phrase ? "\"" + w + "\"" : w);
    }
    SearchOptions o;
    o.exact = opts->exact;
    o.tasks = !opts->docs_only;
    o.documents = !opts->tasks_only;
    o.limit = opts->limit;
    const bool colour = opts->format == "text" && stdout_is_terminal();
    o.mark_open = colour ? "\x1b[1;33m" : "[";
    o.mark_close = colour ? "\x1b[0m" : "]";
    auto store = open_store(ctx);
    if (!store) return;
    auto hits = search(*store, query, o);
    if (!hits) {
      print_error(hits.message());
      ctx.exit_code = 1;
      return;
    }
    if (opts->format == "json") {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& h : *hits) {
        nlohmann::ordered_json j;
        j["kind"] = h.kind;
        j["document_id"] = h.document_id;
        if (h.kind == "task") {
          j["task_id"] = h.task_id;
          j["item"] = h.item;
        }
        j["document"] = h.doc_number ? nlohmann::ordered_json(*h.doc_number) : nlohmann::ordered_json(nullptr);
        j["source"] = h.source;
        j["snippet"] = h.snippet;
        out.push_back(j);
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& h : *hits) {
      const std::string where = h.doc_number.value_or(h.source);
      if (h.kind == "task") {
        std::cout << fmt::format("task {} ({} item {}): {}\n", h.task_id, where, h.item, h.snippet);
      } else {
        std::cout << fmt::format("document {} ({}): {}\n", h.document_id, where, h.snippet);
      }
    }
    if (!ctx.quiet) std::cerr << hits->size() << " matches\n";
  });
}

}  // namespace congvan
