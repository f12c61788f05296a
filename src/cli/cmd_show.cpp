// `congvan show DOC`: a document's header fields and every task with its
// id, status, lead, support, deadlines, targets and where it stands.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/query_options.h"
#include "text/display.h"

namespace congvan {
namespace {

std::string deadline_line(const Deadline& d) {
  std::string out = d.kind;
  if (d.due) out += " " + *d.due;
  if (d.time) out += " " + *d.time;
  if (d.kind == "relative") {
    out += fmt::format(" {} {}", d.count.value_or(0), d.unit.value_or("?"));
  }
  if (d.anchor) out += " (after: " + *d.anchor + ")";
  if (d.every) out += " every " + *d.every + (d.day ? " day " + std::to_string(*d.day) : "");
  out += ": \"" + d.text + "\"";
  if (d.needs_review) out += " [check: low OCR confidence]";
  return out;
}

std::string wrapped(const std::string& label, const std::string& text, int width) {
  const std::string pad(grapheme_count(label), ' ');
  std::string out;
  bool first = true;
  for (const auto& line : wrap_graphemes(text, std::max(20, width - grapheme_count(label)))) {
    out += (first ? label : pad) + line + "\n";
    first = false;
  }
  return out;
}

}  // namespace

void register_show_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string doc;
    std::string format = "text";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("show", "Show a document: header, tasks, deadlines, targets");
  cmd->add_option("DOC", opts->doc, "Document id, number (3692 or 3692/UBND-KSTTHC) or file name")
      ->required();
  cmd->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, opts] {
    auto store = open_store(ctx);
    if (!store) return;
    auto id = resolve_document(*store, opts->doc);
    if (!id) {
      print_error(id.message());
      ctx.exit_code = 1;
      return;
    }
    auto view = show_document(*store, *id);
    if (!view) {
      print_error(view.message());
      ctx.exit_code = 1;
      return;
    }
    const DocumentRecord& r = view->record;
    const auto& tasks = r.extraction.tasks;
    if (opts->format == "json") {
      nlohmann::ordered_json j = document_to_json(r);
      j["id"] = r.id;
      for (size_t i = 0; i < tasks.size() && i < view->tasks.size(); ++i) {
        auto& t = j["tasks"][i];
        t["id"] = view->tasks[i].task_id;
        t["status"] = view->tasks[i].status;
        t["note"] = view->tasks[i].note ? nlohmann::ordered_json(*view->tasks[i].note) : nlohmann::ordered_json(nullptr);
        t["corrected"] = view->tasks[i].corrected;
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    const int width = terminal_width();
    const LetterHeader& h = r.extraction.header;
    auto field = [&](const char* label, const std::optional<std::string>& v) {
      std::cout << wrapped(fmt::format("{:<11}", label), v.value_or("-"), width);
    };
    std::cout << "Document " << r.id << ": " << r.source << " (" << r.pages << " page"
              << (r.pages == 1 ? "" : "s") << ", " << to_string(r.origin) << ")\n";
    field("Issuer", h.issuer);
    field("Type", h.doc_type);
    std::optional<std::string> number;
    if (h.number || h.symbol) number = h.number.value_or("") + "/" + h.symbol.value_or("");
    field("Number", number);
    field("Place", h.place);
    field("Date", h.date);
    field("Subject", h.subject);
    if (!h.recipients.empty()) field("Recipients", join_names(h.recipients));
    field("Signer", h.signer.name ? std::optional<std::string>(
                                        join_names({h.signer.authority.value_or(""),
                                                    h.signer.title.value_or(""), *h.signer.name}, " ")) : std::nullopt);
    for (const auto& ref : r.extraction.references) {
      std::cout << wrapped("Cites      ", ref.type + " " + ref.number +
                                             (ref.date ? " (" + *ref.date + ")" : "") +
                                             (ref.issuer ? ", " + *ref.issuer : ""), width);
    }
    std::cout << "\n" << tasks.size() << " tasks\n";
    for (size_t i = 0; i < tasks.size(); ++i) {
      const Task& t = tasks[i];
      const TaskState* s = i < view->tasks.size() ? &view->tasks[i] : nullptr;
      std::cout << "\n"
                << wrapped(fmt::format("[{}] {} ({}) ", s ? s->task_id : 0, t.item,
                                       s ? s->status : "open"),
                           t.text, width);
      auto names = [](const std::vector<Assignee>& people) {
        std::vector<std::string> out;
        for (const auto& p : people) {
          out.push_back(p.canonical && *p.canonical != p.name ? p.name + " = " + *p.canonical : p.name);
        }
        return join_names(out);
      };
      std::cout << wrapped("    lead:     ", t.lead.empty() ? "-" : names(t.lead), width);
      if (!t.support.empty()) std::cout << wrapped("    support:  ", names(t.support), width);
      for (const auto& d : t.deadlines) std::cout << wrapped("    deadline: ", deadline_line(d), width);
      for (const auto& x : t.targets) {
        std::cout << wrapped("    target:   ", fmt::format("{} {} {}: \"{}\"", x.comparator,
                                                            x.value, x.unit, x.text), width);
      }
      std::cout << fmt::format("    where:    page {}, characters {}-{}\n", t.span.page,
                               t.span.start, t.span.end);
      if (s && s->note) std::cout << wrapped("    note:     ", *s->note, width);
      if (s && !s->corrected.empty()) {
        std::cout << "    corrected by hand: " << join_names(s->corrected, ", ") << "\n";
      }
    }
  });
}

}  // namespace congvan
