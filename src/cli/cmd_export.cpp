// `congvan export`: the stored documents per the JSON contract, or the tasks
// of any query as CSV, XLSX or iCalendar (the same filters as `deadlines`).
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "cli/export_rows.h"
#include "cli/query_options.h"

namespace congvan {
namespace {

std::string utc_stamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

bool filtered(const QueryOptions& o) {
  return !o.due_before.empty() || !o.due_after.empty() || o.within >= 0 || o.overdue ||
         !o.lead.empty() || !o.support.empty() || !o.issuer.empty() || !o.doc.empty() ||
         !o.kinds.empty() || o.status != "all" || o.limit > 0;
}

// Where an export goes: stdout, or FILE, written as FILE.part and renamed
// to FILE once complete, so that a failed export never leaves a file that
// looks whole (nor overwrites a good one).
class ExportSink {
 public:
  explicit ExportSink(std::string path) : path_(std::move(path)) {}
  ~ExportSink() {
    if (file_.is_open()) {
      file_.close();
      std::error_code ec;
      std::filesystem::remove(part(), ec);
    }
  }
  Status open() {
    if (path_.empty()) return Status::ok();
    file_.open(part(), std::ios::binary | std::ios::trunc);
    return file_ ? Status::ok() : Status::error(path_ + ": cannot write (" + part() + ")");
  }
  // Writes `buffer` out and empties it once it holds `at_least` bytes.
  Status write(std::string& buffer, size_t at_least) {
    if (buffer.size() < at_least || buffer.empty()) return Status::ok();
    std::ostream& out = path_.empty() ? std::cout : file_;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    return out ? Status::ok() : Status::error((path_.empty() ? "stdout" : path_) + ": cannot write");
  }
  // Flushes; a file is closed and renamed to its name.
  Status close() {
    if (path_.empty()) {
      std::cout.flush();
      return std::cout ? Status::ok() : Status::error("stdout: cannot write");
    }
    file_.close();
    if (!file_) return Status::error(path_ + ": cannot write");
    std::error_code ec;
    std::filesystem::rename(part(), path_, ec);
    if (ec) return Status::error(path_ + ": cannot write (" + ec.message() + ")");
    return Status::ok();
  }

 private:
  std::string part() const { return path_ + ".part"; }
  std::string path_;
  std::ofstream file_;
};

// The contract's documents, a document at a time (an archive's export does
// not hold them all), keeping only the tasks the query matched when it is
// filtered.
Status export_json(Store& store, const QueryFilter& filter, bool is_filtered, ExportSink& sink) {
  std::string out;
  ExportJsonWriter writer(out);
  constexpr size_t kChunk = 1 << 16;
  if (!is_filtered) {
    if (Status s = store.each_document([&](const DocumentRecord& d) {
          writer.add(d);
          return sink.write(out, kChunk);
        });
        !s) {
      return s;
    }
  } else {
    auto tasks = find_tasks(store, filter);
    if (!tasks) return tasks.status();
    std::map<int64_t, std::set<int64_t>> wanted;  // document id → its matching task ids
    for (const auto& t : *tasks) wanted[t.document_id].insert(t.task_id);
    for (const auto& [id, task_ids] : wanted) {
      auto d = store.load_document(id);
      if (!d) return d.status();
      auto view = show_document(store, id);
      if (!view) return view.status();
      std::vector<Task> mine;
      for (size_t i = 0; i < view->tasks.size() && i < d->extraction.tasks.size(); ++i) {
        if (task_ids.count(view->tasks[i].task_id)) mine.push_back(d->extraction.tasks[i]);
      }
      if (mine.empty()) continue;
      d->extraction.tasks = std::move(mine);
      writer.add(*d);
      if (Status s = sink.write(out, kChunk); !s) return s;
    }
  }
  writer.end();
  out += "\n";
  return sink.write(out, 0);
}

Result<std::vector<ExportRow>> export_rows(Store& store, const QueryFilter& filter) {
  auto tasks = find_tasks(store, filter);
  if (!tasks) return tasks.status();
  QueryFilter all = filter;
  all.limit = 0;
  all.sort = "doc";
  // Only the phrases are exported: each deadline is read, not kept.
  std::map<int64_t, std::vector<std::string>> by_task;
  if (Status s = each_deadline(store, all, [&](const DeadlineHit& d) {
        by_task[d.task_id].push_back(d.deadline.text);
      }, DeadlineFields::kShown);
      !s) {
    return s;
  }
  auto docs = list_documents(store);
  if (!docs) return docs.status();
  std::map<int64_t, const DocumentSummary*> doc_of;
  for (const auto& d : *docs) doc_of[d.id] = &d;
  std::vector<ExportRow> rows;
  for (auto& t : *tasks) {
    ExportRow r;
    if (auto it = doc_of.find(t.document_id); it != doc_of.end()) {
      r.doc_date = it->second->date;
      r.issuer = it->second->issuer;
    }
    if (auto it = by_task.find(t.task_id); it != by_task.end()) r.deadline_texts = std::move(it->second);
    r.task = std::move(t);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

void register_export_command(CLI::App& app, CliContext& ctx) {
  struct Options {
    std::string format = "json";
    std::string output;
    QueryOptions query;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export documents (json, the contract) or a query's tasks (csv, xlsx, ics)");
  cmd->add_option("--format", opts->format, "json, csv, xlsx or ics")
      ->check(CLI::IsMember({"json", "csv", "xlsx", "ics"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Write to this file instead of stdout");
  add_query_options(cmd, opts->query, "all");
  cmd->callback([&ctx, opts] {
    if (opts->format == "xlsx" && opts->output.empty()) {
      print_error("--format xlsx needs -o FILE.xlsx");
      ctx.exit_code = 2;
      return;
    }
    auto filter = make_filter(opts->query, ctx);
    if (!filter) return;
    auto store = open_store(ctx);
    if (!store) return;
    auto fail = [&](const std::string& message) {
      print_error(message);
      ctx.exit_code = 1;
    };
    ExportSink sink(opts->format == "xlsx" ? std::string() : opts->output);
    if (Status s = sink.open(); !s) return fail(s.message());
    std::string text;
    if (opts->format == "json") {
      if (Status s = export_json(*store, *filter, filtered(opts->query), sink); !s) return fail(s.message());
    } else if (opts->format == "ics") {
      auto deadlines = find_deadlines(*store, *filter);
      if (!deadlines) return fail(deadlines.message());
      text = deadlines_to_ics(*deadlines, utc_stamp());
    } else {
      auto rows = export_rows(*store, *filter);
      if (!rows) return fail(rows.message());
      if (opts->format == "xlsx") {
        if (Status s = rows_to_xlsx(*rows, opts->output); !s) return fail(s.message());
        if (!ctx.quiet) std::cerr << rows->size() << " tasks written to " << opts->output << "\n";
        return;
      }
      text = rows_to_csv(*rows);
    }
    if (Status s = sink.write(text, 0); !s) return fail(s.message());
    if (Status s = sink.close(); !s) return fail(s.message());
  });
}

}  // namespace congvan
