// Finding what is due: deadline and task queries with combinable filters,
// documents, full-text search, and the clerk's follow-up (done, reopen,
// corrections with an audit trail) over a Store.
//
// Free functions over a Store; like the Store they are not thread-safe. Every
// failure is a Status a clerk can act on. Names are matched through keys
// (body_key: folded, punctuation dropped), so "so tai chinh", "SỞ TÀI CHÍNH"
// and, once the CLI has asked the gazetteer, "Sở TC" find the same tasks.
// Statuses and corrections are keyed by (document, item) and survive
// `reextract`.
#pragma once

#include <cstdint>
#include <map>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/letter.h"
#include "congvan/result.h"
#include "congvan/store.h"

namespace congvan {

// The matching key of a body's name: congvan::fold, punctuation and the word
// "và" dropped, spaces collapsed ("Sở TT&TT" → "so tt tt").
std::string body_key(std::string_view name);

// Who a filter means: what the user typed and the canonical names it stands
// for (from the gazetteer: exact name, alias, or predecessors of a merged
// body). A task matches when one of its bodies has one of these keys, or a
// key containing `text`'s key as whole words.
struct BodyFilter {
  std::string text;                // "so tai chinh", "Sở TC"
  std::vector<std::string> names;  // canonical names it means (may be empty)
};

struct QueryFilter {
  std::optional<std::string> due_before;  // ISO date, inclusive
  std::optional<std::string> due_after;   // ISO date, inclusive
  std::optional<int> within_days;         // due in [as_of, as_of + N]
  std::string as_of;                      // ISO date "today" (required; the CLI fills it)
  bool overdue = false;                   // due < as_of and task open
  std::optional<BodyFilter> lead;
  std::optional<BodyFilter> support;
  std::optional<std::string> issuer;      // words of the issuer, diacritic-free
  std::optional<std::string> doc;         // "3692", "3692/UBND-KSTTHC", source file or id
  std::vector<std::string> kinds;         // empty: every kind
  std::string status = "open";            // open, done, all
  std::string sort = "due";               // due, lead, doc
  int64_t limit = 0;                      // 0: no limit
  int occurrences = 1;                    // recurring: how many next dates to list
  // True when a date bound (before/after/within/overdue) is set.
  bool has_date_filter() const {
    return due_before || due_after || within_days || overdue;
  }
};

// One deadline that matched, with its task and document.
struct DeadlineHit {
  int64_t deadline_id = 0;
  int64_t task_id = 0;
  int64_t document_id = 0;
  std::string source;
  std::string sha256;
  std::optional<std::string> doc_number;  // "3692/UBND-KSTTHC"
  std::optional<std::string> issuer;
  std::string item;
  int deadline_position = 0;
  std::string task_text;
  std::string status;  // open, done
  std::vector<std::string> lead;     // canonical when known, else as written
  std::vector<std::string> support;
  Deadline deadline;
  // The date the deadline falls due: `due`, or for a recurring deadline its
  // next occurrence on or after as_of. Null when it cannot be computed.
  std::optional<std::string> effective_due;
  std::vector<std::string> next;  // recurring: the next `occurrences` dates
  bool overdue = false;           // open and effective_due < as_of
};

// One task that matched.
struct TaskHit {
  int64_t task_id = 0;
  int64_t document_id = 0;
  std::string source;
  std::optional<std::string> doc_number;
  std::string item;
  std::string text;
  std::string status;
  std::optional<std::string> note;  // the done note
  std::vector<std::string> lead;
  std::vector<std::string> support;
  std::optional<std::string> first_due;  // earliest effective due of its deadlines
  int deadline_count = 0;
  bool overdue = false;
};

struct DocumentSummary {
  int64_t id = 0;
  std::string source;
  std::optional<std::string> doc_type;
  std::optional<std::string> doc_number;
  std::optional<std::string> date;
  std::optional<std::string> issuer;
  std::optional<std::string> subject;
  int tasks = 0;
  int open_tasks = 0;
};

// A task's follow-up state as shown by `show`.
struct TaskState {
  int64_t task_id = 0;
  std::string status;
  std::optional<std::string> note;
  std::vector<std::string> corrected;  // fields corrected by hand: lead, due, text
};

struct DocumentView {
  DocumentRecord record;
  std::vector<TaskState> tasks;  // parallel to record.extraction.tasks
};

// Deadlines matching `filter`, sorted and limited as it asks.
Result<std::vector<DeadlineHit>> find_deadlines(Store& store, const QueryFilter& filter);

// Receives one deadline of a listing. The hit is valid only during the
// call (a streamed listing reuses it for the next row): copy what you keep.
using DeadlineSink = std::function<void(const DeadlineHit&)>;

// The same rows in the same order, passed to `row` one by one. A listing
// without a limit (a week, a lead sort of every deadline) is passed on as
// SQLite reads it, so neither its time to first row nor its memory grows
// with the whole answer; the command line prints through this.
//
// `fields`: kShown reads only what the deadlines table and CSV show: the
// hit's sha256 is then empty, its issuer null, its support names empty and
// needs_review false (a week's table is read 9 % faster).
enum class DeadlineFields { kAll, kShown };
Status each_deadline(Store& store, const QueryFilter& filter, const DeadlineSink& row,
                     DeadlineFields fields = DeadlineFields::kAll);

// Tasks matching `filter`: with a date bound, the tasks of the matching
// deadlines; without, every task passing the other filters.
Result<std::vector<TaskHit>> find_tasks(Store& store, const QueryFilter& filter);

Result<std::vector<DocumentSummary>> list_documents(Store& store);

// The document named by `ref`: its id, its number ("3692" or
// "3692/UBND-KSTTHC") or its source file name. Ambiguous or unknown: error.
Result<int64_t> resolve_document(Store& store, const std::string& ref);
Result<DocumentView> show_document(Store& store, int64_t document_id);

// The next `count` dates on or after `as_of` of a recurring deadline (every
// day/week/month/quarter/half_year/year, optional day). A monthly deadline
// without a day falls on the month's last day; quarterly, half-yearly and
// yearly ones on the period's last day, or on `day` of its last month.
std::vector<std::string> next_occurrences(const Deadline& deadline, const std::string& as_of,
                                          int count);

// Follow-up. `user` is who did it ($USER). Every change leaves audit rows.
Status set_task_status(Store& store, int64_t task_id, const std::string& status,
                       const std::optional<std::string>& note, const std::string& user);

struct Correction {
  std::optional<std::vector<std::string>> lead;  // replaces the lead bodies
  std::optional<std::string> due;                 // ISO date: the first dated deadline
  std::optional<std::string> text;                // the task's text
};
Status correct_task(Store& store, int64_t task_id, const Correction& correction,
                    const std::string& user);

struct AuditEntry {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string item;
  std::string what;  // status, note, lead, due, text
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::string at;
  std::string by;
};
Result<std::vector<AuditEntry>> task_audit(Store& store, int64_t task_id);

// Report: per lead body, open tasks, tasks due within [as_of, as_of+days]
// and overdue tasks (open, a due date before as_of).
struct LeadCounts {
  std::string lead;
  int64_t open = 0;
  int64_t due_soon = 0;
  int64_t overdue = 0;
};
Result<std::vector<LeadCounts>> lead_report(Store& store, const std::string& as_of, int days);

// Full-text search over letters (subject, header, text) and tasks (text,
// bodies), diacritic- and case-insensitive. `query`: words (all must occur),
// "quoted phrases", and word* prefixes. `exact`: the words must also occur
// with the same diacritics (case still ignored). Hits come newest first
// (the most recently stored tasks, then documents), at most `limit` of each.
struct SearchOptions {
  bool exact = false;
  bool tasks = true;
  bool documents = true;
  int64_t limit = 20;
  std::string mark_open = "[";   // around matched words in snippets
  std::string mark_close = "]";
};
struct SearchHit {
  std::string kind;  // "task" or "document"
  int64_t document_id = 0;
  int64_t task_id = 0;  // 0 for a document
  std::string source;
  std::optional<std::string> doc_number;
  std::string item;     // tasks only
  std::string snippet;  // original text around the matches, matches marked
  double rank = 0;      // bm25 of the hit, lower is a better match
};
Result<std::vector<SearchHit>> search(Store& store, const std::string& query,
                                      const SearchOptions& options);

// Rebuilds the search index and name keys of every document (after an
// upgrade, or for the benchmark after bulk loading).
Status rebuild_indexes(Store& store);

}  // namespace congvan
