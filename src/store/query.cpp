// Deadline, task and document queries with combinable filters, recurring
// occurrences, the clerk's follow-up (status, corrections, audit) and the
// per-lead report.
#include "congvan/query.h"

#include <algorithm>
#include <ctime>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <variant>

#include "congvan/calendar.h"
#include "congvan/text.h"
#include "store/query_hooks.h"
#include "store/sqlite_handle.h"
#include "store/store_impl.h"
#include "text/display.h"

namespace congvan {
namespace {

constexpr char kSep = '\x1f';  // between names in group_concat

// congvan_fold's memory: the few hundred body and issuer names a query folds
// again and again (sorting a million deadlines by lead), owned by the
// connection's function and freed with it.
using FoldCache = std::unordered_map<std::string, std::string>;

void sql_fold(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (!text) {
    sqlite3_result_null(ctx);
    return;
  }
  auto* cache = static_cast<FoldCache*>(sqlite3_user_data(ctx));
  std::string key(reinterpret_cast<const char*>(text),
                  static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  auto it = cache->find(key);
  if (it == cache->end()) {
    if (cache->size() > 100000) cache->clear();
    std::string folded = fold(key);
    it = cache->emplace(std::move(key), std::move(folded)).first;
  }
  sqlite3_result_text(ctx, it->second.c_str(), static_cast<int>(it->second.size()),
                      SQLITE_TRANSIENT);
}

// congvan_fold(text) for the issuer filter and the listing's lead order,
// and a page cache and memory map big enough that a query over a million
// tasks reads pages from memory rather than by one pread each (per
// connection, called when the store opens).
}  // namespace

void register_query_functions(sqlite3* db) {
  sqlite3_create_function_v2(db, "congvan_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             new FoldCache, sql_fold, nullptr, nullptr,
                             [](void* cache) { delete static_cast<FoldCache*>(cache); });
  exec(db, "PRAGMA cache_size = -65536");
  exec(db, "PRAGMA mmap_size = 1073741824");
}

namespace {

// The names of a group_concat(name, char(31)), into `out`, whose strings
// are reused (a listing splits a row's names into the same buffers).
void split_names_into(std::vector<std::string>& out, std::string_view joined) {
  size_t n = 0;
  for (size_t pos = 0; !joined.empty();) {
    const size_t next = joined.find(kSep, pos);
    const std::string_view part = joined.substr(pos, next == std::string_view::npos ? next : next - pos);
    if (n < out.size()) out[n].assign(part);
    else out.emplace_back(part);
    ++n;
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  out.resize(n);
}

std::vector<std::string> split_names(const std::string& joined) {
  std::vector<std::string> out;
  split_names_into(out, joined);
  return out;
}

std::optional<std::string> doc_number(const std::optional<std::string>& number,
                                      const std::optional<std::string>& symbol) {
  if (!number && !symbol) return std::nullopt;
  return number.value_or("") + "/" + symbol.value_or("");
}

// Values a listing reuses from row to row, written in place, so that a long
// listing copies each column into a buffer it already has rather than into
// a new string per row.
void assign_text(std::optional<std::string>& to, const Statement& st, int col) {
  if (st.is_null(col)) to.reset();
  else if (to) to->assign(st.view(col));
  else to.emplace(st.view(col));
}

void assign_int(std::optional<int>& to, const Statement& st, int col) {
  if (st.is_null(col)) to.reset();
  else to = static_cast<int>(st.integer(col));
}

void assign_doc_number(std::optional<std::string>& to, const Statement& st, int number, int symbol) {
  if (st.is_null(number) && st.is_null(symbol)) {
    to.reset();
    return;
  }
  if (!to) to.emplace();
  to->assign(st.view(number)).append("/").append(st.view(symbol));
}

std::string json_array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) < 0x20) continue;
      out += c;
    }
    out += '"';
  }
  return out + "]";
}

std::string json_ids(const std::vector<int64_t>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
}

using Param = std::variant<std::string, int64_t, std::monostate>;  // monostate: NULL

// WHERE clauses and their parameters, bound in order.
struct Where {
  std::string sql;
  std::vector<Param> params;
  void add(const std::string& clause) { sql += " AND " + clause; }
  void add(const std::string& clause, Param p) {
    add(clause);
    params.push_back(std::move(p));
  }
  void bind(Statement& st, int first = 1) const {
    int i = first;
    for (const auto& p : params) {
      if (const auto* s = std::get_if<std::string>(&p)) st.bind(i++, *s);
      else if (const auto* n = std::get_if<int64_t>(&p)) st.bind(i++, *n);
      else st.bind_null(i++);
    }
  }
};

const char* kLeadKey =
    "(SELECT congvan_fold(coalesce(a.canonical, a.name)) FROM assignees a WHERE a.task_id = t.id "
    "AND a.role = 'lead' ORDER BY a.position LIMIT 1)";

// The keys a body filter stands for: what was typed and the names the
// gazetteer gave for it.
std::vector<std::string> body_keys_of(const BodyFilter& body) {
  std::vector<std::string> keys = {body_key(body.text)};
  for (const auto& n : body.names) {
    std::string k = body_key(n);
    if (!k.empty()) keys.push_back(k);
  }
  return keys;
}

// The ids of those keys, and of the keys containing the typed one as whole
// words; parameters: the keys as a JSON array, then " typed key ".
const char* kKeyIds =
    "(SELECT id FROM body_keys WHERE key IN (SELECT value FROM json_each(?)) OR instr(' ' || key "
    "|| ' ', ?) > 0)";

// The columns the task filters test: of tasks t joined with documents d
// (find_tasks), or of the listing l (deadline_list, find_deadlines).
struct Columns {
  const char* status;
  const char* task;
  const char* document;
  const char* issuer;
  bool listing;
};
constexpr Columns kTaskColumns{"t.status", "t.id", "d.id", "d.issuer", false};
constexpr Columns kListColumns{"l.status", "l.task_id", "l.document_id", "l.issuer", true};

Status add_body_filter(Where& w, const BodyFilter& body, const char* role, const Columns& c) {
  const std::string key = body_key(body.text);
  if (key.empty()) return Status::error("'" + body.text + "' names no body");
  w.add(std::string(c.task) + " IN (SELECT tb.task_id FROM task_bodies tb WHERE tb.role = '" + role +
            "' AND tb.key_id IN " + kKeyIds + ")",
        json_array(body_keys_of(body)));
  w.params.push_back(" " + key + " ");
  return Status::ok();
}

// Filters on the task and its document (everything but dates and kinds).
// `skip_role`: that body filter is applied elsewhere (due_by_body);
// `issuer_drives`: the issuer's letters may be the way in (else the issuer
// is tested on each row another index gives).
Status task_filters(const QueryFilter& f, Where& w, const Columns& c = kTaskColumns,
                    const char* skip_role = nullptr, bool issuer_drives = true) {
  // Unary + keeps the planner off the status index: most tasks are open, so
  // the due-date index is the better way in.
  if (f.overdue || f.status == "open") w.add(std::string("+") + c.status + " = 'open'");
  else if (f.status == "done") w.add(std::string("+") + c.status + " = 'done'");
  else if (f.status != "all") return Status::error("status must be open, done or all, not '" + f.status + "'");
  if (f.doc) {
    // "3692", "3692/UBND-KSTTHC", "/UBND-NC", a file name or an id; each
    // branch an index lookup.
    const size_t slash = f.doc->find('/');
    std::optional<std::string> number, symbol;
    if (slash != std::string::npos) {
      if (slash > 0) number = f.doc->substr(0, slash);
      symbol = f.doc->substr(slash + 1);
    }
    w.add(std::string(c.document) + " IN (SELECT id FROM documents WHERE number = ? UNION ALL"
          " SELECT id FROM documents "
          "WHERE source = ? UNION ALL SELECT id FROM documents WHERE number IS ? AND symbol = ? "
          "UNION ALL SELECT id FROM documents WHERE CAST(id AS TEXT) = ? AND id = CAST(? AS INTEGER))");
    w.params.push_back(*f.doc);
    w.params.push_back(*f.doc);
    // Without a slash, the number/symbol branch must match nothing.
    w.params.push_back(number ? Param(*number) : slash == std::string::npos ? Param(std::string("\x01")) : Param(std::monostate{}));
    w.params.push_back(symbol ? Param(*symbol) : Param(std::string("\x01")));
    w.params.push_back(*f.doc);
    w.params.push_back(*f.doc);
  }
  if (f.issuer) {
    // Folding each distinct issuer once (documents_by_issuer) instead of each
    // row; LIMIT -1 keeps SQLite from pushing the fold into the DISTINCT
    // (one fold per letter).
    // The listing has no issuer index: its rows are reached through the
    // issuer's letters (deadline_list_by_document).
    const std::string issuers =
        " IN (SELECT issuer FROM (SELECT DISTINCT issuer FROM documents WHERE issuer IS NOT "
        "NULL LIMIT -1) WHERE instr(congvan_fold(issuer), ?) > 0)";
    if (!issuer_drives) w.add(std::string("+") + c.issuer + issuers, fold(*f.issuer));
    else if (c.listing) w.add(std::string(c.document) + " IN (SELECT id FROM documents WHERE issuer" + issuers + ")", fold(*f.issuer));
    else w.add(std::string(c.issuer) + issuers, fold(*f.issuer));
  }
  if (f.lead && !(skip_role && std::string(skip_role) == "lead")) {
    if (Status s = add_body_filter(w, *f.lead, "lead", c); !s) return s;
  }
  if (f.support && !(skip_role && std::string(skip_role) == "support")) {
    if (Status s = add_body_filter(w, *f.support, "support", c); !s) return s;
  }
  return Status::ok();
}

// The inclusive due window a filter asks for; nullopt bounds are open.
struct Window {
  std::optional<std::string> lo, hi;
  bool empty() const { return lo && hi && *lo > *hi; }
  bool contains(const std::string& d) const { return (!lo || d >= *lo) && (!hi || d <= *hi); }
};

Result<Window> window_of(const QueryFilter& f) {
  Window w;
  auto as_of = parse_iso_date(f.as_of);
  if (!as_of) return Status::error("as-of date '" + f.as_of + "' is not a date");
  auto tighten_lo = [&](const std::string& d) { if (!w.lo || d > *w.lo) w.lo = d; };
  auto tighten_hi = [&](const std::string& d) { if (!w.hi || d < *w.hi) w.hi = d; };
  if (f.due_after) tighten_lo(*f.due_after);
  if (f.due_before) tighten_hi(*f.due_before);
  if (f.within_days) {
    tighten_lo(f.as_of);
    tighten_hi(to_iso(add_days(*as_of, *f.within_days)));
  }
  if (f.overdue) tighten_hi(to_iso(add_days(*as_of, -1)));
  return w;
}

struct Candidate {
  int64_t deadline_id = 0;
  int64_t task_id = 0;
  int64_t document_id = 0;
  int64_t task_position = 0;
  int64_t deadline_position = 0;
  std::string lead_order;           // '0' + the first lead folded, '1' without a lead
  std::optional<std::string> due;   // effective
  std::vector<std::string> next;
  DeadlineHit hit;  // what find_deadlines returns
};

// Three-way comparison of optional dates or names, a missing one last.
int compare_last_missing(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
  if (!a) return 0;
  return a->compare(*b);
}

bool candidate_less(const Candidate& a, const Candidate& b, const std::string& sort) {
  auto doc_order = [](const Candidate& x) {
    return std::tuple(x.document_id, x.task_position, x.deadline_position);
  };
  if (sort == "doc") return doc_order(a) < doc_order(b);
  if (sort == "lead") {
    if (int c = a.lead_order.compare(b.lead_order); c != 0) return c < 0;
  }
  if (int c = compare_last_missing(a.due, b.due); c != 0) return c < 0;
  return doc_order(a) < doc_order(b);
}

// A date "YYYY-MM-DD" as the number YYYYMMDD (they order alike), or -1.
int32_t date_number(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return -1;
  int32_t n = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return -1;
    n = n * 10 + (iso[i] - '0');
  }
  return n;
}

// Orders `order` (indexes into `rows`) like a stable sort with
// candidate_less for the due and doc sorts, on small keys rather than
// through the rows; false (nothing done) for the lead sort or a due that is
// not an ISO date.
bool sort_by_due_keys(const std::deque<Candidate>& rows, const std::string& sort,
                      std::vector<size_t>& order) {
  if (sort != "due" && sort != "doc") return false;
  struct Key {
    int32_t due;  // YYYYMMDD; INT32_MAX: none (last)
    int64_t document_id, task_position, deadline_position;
    size_t index;  // the stable sort's tie-break
    bool operator<(const Key& o) const {
      return std::tie(due, document_id, task_position, deadline_position, index) <
             std::tie(o.due, o.document_id, o.task_position, o.deadline_position, o.index);
    }
  };
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Candidate& c = rows[i];
    int32_t due = 0;
    if (sort == "due") {
      due = c.due ? date_number(*c.due) : std::numeric_limits<int32_t>::max();
      if (due < 0) return false;
    }
    keys.push_back({due, c.document_id, c.task_position, c.deadline_position, i});
  }
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].index;
  return true;
}

// ORDER BY for a sort, of the listing's rows that are not recurring (their
// due key is the date, '~' when undated, so it orders like "undated last").
std::string order_sql(const std::string& sort) {
  const std::string doc = "l.document_id, l.task_position, l.deadline_position";
  if (sort == "doc") return " ORDER BY " + doc;
  if (sort == "lead") return " ORDER BY l.lead_order, l.due_key, " + doc;
  return " ORDER BY l.due_key, " + doc;
}

// The body filter answered from due_by_body: the deadlines of the tasks
// whose `role` body has one of the filter's keys, with a due key in
// [lo, hi] (a date; '' undated; 'r' recurring), one index range per key.
void add_due_range(Where& w, const BodyFilter& body, const char* role, const std::string& lo,
                   const std::string& hi) {
  w.add("l.deadline_id IN (SELECT deadline_id FROM due_by_body WHERE role = ? AND due >= ? AND "
        "due <= ? AND key_id IN " + std::string(kKeyIds) + ")");
  w.params.emplace_back(std::string(role));
  w.params.emplace_back(lo);
  w.params.emplace_back(hi);
  w.params.emplace_back(json_array(body_keys_of(body)));
  w.params.emplace_back(" " + body_key(body.text) + " ");
}

// The listing's key of a recurring deadline: 'r' + every + ':' + day (0: none).
std::string recurring_key(const std::string& every, int day) {
  return "r" + every + ":" + std::to_string(day);
}

// The rows found, in the order they were read (a deque: a row is never
// moved as more come), and the order the filter asks, cut to its limit.
struct Candidates {
  std::deque<Candidate> rows;
  std::vector<size_t> order;
  bool streamed = false;  // the rows went to the stream instead
};

// The answer's fields of a candidate that are computed, not read: copies
// into the hit's own buffers (a streamed listing reuses them).
void finish_hit(Candidate& c, const std::string& as_of) {
  DeadlineHit& h = c.hit;
  h.effective_due = c.due;
  h.next = c.next;
  h.overdue = h.status == "open" && h.effective_due && *h.effective_due < as_of;
}

// The deadlines matching `f` in the order it asks, limited to f.limit rows,
// or, with `task_limit`, to the rows of the first `task_limit` tasks (the
// caller truncates; rows tied on the last date are all kept). Every row
// comes from deadline_list (schema 6) alone. With `stream`, a listing
// without a limit may go to it row by row instead (then `streamed`).
Result<Candidates> deadline_candidates(sqlite3* db, const QueryFilter& f, int64_t task_limit = 0,
                                       const DeadlineSink* stream = nullptr,
                                       DeadlineFields fields = DeadlineFields::kAll) {
  if (f.sort != "due" && f.sort != "lead" && f.sort != "doc") {
    return Status::error("sort must be due, lead or doc, not '" + f.sort + "'");
  }
  auto window = window_of(f);
  if (!window) return window.status();
  const bool dated = f.has_date_filter();
  // A body filter goes through due_by_body (the lead's when both are given).
  const BodyFilter* by_body = f.lead ? &*f.lead : f.support ? &*f.support : nullptr;
  const char* body_role = f.lead ? "lead" : "support";
  if (by_body && body_key(by_body->text).empty()) {
    return Status::error("'" + by_body->text + "' names no body");
  }
  // Rows in due order with a limit: walking the due key and testing the
  // issuer of each row stops after a few thousand rows; otherwise the
  // issuer's letters are the way in.
  const bool walk_due = f.sort == "due" && (dated || f.limit > 0 || task_limit > 0);
  Where common;
  if (Status s = task_filters(f, common, kListColumns, by_body ? body_role : nullptr, !walk_due); !s) return s;
  // One kind: an equality, so that (kind, due key) is the way in.
  if (f.kinds.size() == 1) common.add("l.kind = ?", f.kinds.front());
  else if (!f.kinds.empty()) common.add("l.kind IN (SELECT value FROM json_each(?))", json_array(f.kinds));
  Candidates found;
  std::deque<Candidate>& out = found.rows;
  if (dated && window->empty()) return found;
  // The columns decode() reads; those nobody asked for are NULL (the lead
  // order unless sorting by lead; with kShown, what tables and CSV do not
  // show): fewer columns for SQLite to extract and for us to copy.
  const bool all = fields == DeadlineFields::kAll;
  const std::string select = std::string(
      "SELECT l.deadline_id, l.document_id, l.task_position, l.deadline_position, l.kind, l.due, "
      "l.every, l.day, ") + (f.sort == "lead" ? "l.lead_order" : "NULL") + ", l.task_id, l.source, " +
      (all ? "l.sha256" : "NULL") + ", l.number, l.symbol, " + (all ? "l.issuer" : "NULL") +
      ", l.item, l.task_text, l.status, l.time, l.count, l.unit, l.anchor, l.deadline_text, " +
      (all ? "l.needs_review" : "0") + ", l.leads, " + (all ? "l.supports" : "NULL") +
      " FROM deadline_list l WHERE 1";
  // The next dates of each (every, day) pair, computed once per query.
  std::map<std::pair<std::string, int>, std::vector<std::string>> next_of;
  // Reads rows into `out`, giving how many; with `stop` > 0 (rows come in
  // due order) stops once `stop` rows (or tasks, with task_limit) are in:
  // at once when `exact` (the rows come in the answer's own order, due then
  // letter), else when the date changes. `next` (when given) steps `st` to
  // its next row instead of st.step().
  // Where read() puts rows: into `out`, or, while the listing is streamed,
  // to `deliver` (one Candidate reused for every row, so no row allocates);
  // a failure while delivering ends the reading with `delivery`.
  std::function<void(Candidate&)> deliver;
  Status delivery = Status::ok();
  Candidate reused;
  // Decodes the row `st` is on into `c` (whose buffers it reuses); false
  // when the row is left out: a recurring deadline whose next date is
  // outside the window.
  auto decode = [&](Statement& st, Candidate& c) -> bool {
    DeadlineHit& h = c.hit;
    Deadline& x = h.deadline;
    x.kind.assign(st.view(4));
    assign_text(c.due, st, 5);
    assign_text(x.every, st, 6);
    assign_int(x.day, st, 7);
    if (x.kind == "recurring") {
      auto [it, added] = next_of.try_emplace({x.every.value_or(""), x.day.value_or(0)});
      if (added) it->second = next_occurrences(x, f.as_of, std::max(1, f.occurrences));
      c.next = it->second;
      if (!c.next.empty()) c.due = c.next.front();
      if (dated && (!c.due || !window->contains(*c.due))) return false;
    } else {
      c.next.clear();
    }
    c.deadline_id = st.integer(0);
    c.document_id = st.integer(1);
    c.task_position = st.integer(2);
    c.deadline_position = st.integer(3);
    if (f.sort == "lead") c.lead_order.assign(st.view(8));
    c.task_id = st.integer(9);
    // Every column of the answer comes with the row: no second visit.
    h.deadline_id = c.deadline_id;
    h.task_id = c.task_id;
    h.document_id = c.document_id;
    h.source.assign(st.view(10));
    h.sha256.assign(st.view(11));
    assign_doc_number(h.doc_number, st, 12, 13);
    assign_text(h.issuer, st, 14);
    h.item.assign(st.view(15));
    h.task_text.assign(st.view(16));
    h.status.assign(st.view(17));
    h.deadline_position = static_cast<int>(c.deadline_position);
    assign_text(x.due, st, 5);
    assign_text(x.time, st, 18);
    assign_int(x.count, st, 19);
    assign_text(x.unit, st, 20);
    assign_text(x.anchor, st, 21);
    x.text.assign(st.view(22));
    x.needs_review = st.integer(23) != 0;
    split_names_into(h.lead, st.view(24));
    split_names_into(h.support, st.view(25));
    return true;
  };
  // Reads rows into `out`, giving how many; with `stop` > 0 (rows come in
  // due order) stops once `stop` rows (or tasks, with task_limit) are in:
  // at once when `exact` (the rows come in the answer's own order, due then
  // letter), else when the date changes. `next` (when given) steps `st` to
  // its next row instead of st.step().
  auto read = [&](Statement& st, int64_t stop, const std::function<Result<bool>()>& next = nullptr,
                  bool exact = false) -> Result<size_t> {
    size_t rows = 0;
    std::set<int64_t> tasks;
    std::optional<std::optional<std::string>> last_due;
    for (;;) {
      auto s = next ? next() : st.step();
      if (!s) return s.status();
      if (!*s) break;
      Candidate fresh;
      Candidate& c = deliver ? reused : fresh;
      if (!decode(st, c)) continue;
      if (last_due && c.due != *last_due) break;
      if (task_limit > 0) tasks.insert(c.task_id);
      const int64_t have = task_limit > 0 ? static_cast<int64_t>(tasks.size())
                                          : static_cast<int64_t>(rows) + 1;
      const bool full = stop > 0 && !last_due && have >= stop;
      if (full) last_due = c.due;
      if (deliver) {
        deliver(c);
        if (!delivery) return delivery;
      } else {
        out.push_back(std::move(c));
      }
      ++rows;
      if (full && exact) break;
    }
    return rows;
  };
  // `limit`: a LIMIT clause; `stop`: rows come in the order of the due sort
  // (the listing's key), stop reading after `stop` rows or tasks, so the
  // key answers without sorting every row of the window.
  auto run = [&](const Where& w, const std::string& order, int64_t limit, int64_t stop = 0) -> Status {
    std::string sql = select + w.sql + order;
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    auto st = Statement::prepare(db, sql);
    if (!st) return st.status();
    w.bind(*st);
    auto rows = read(*st, stop, nullptr, true);
    return rows ? Status::ok() : rows.status();
  };
  const int64_t stop = task_limit > 0 ? task_limit : f.limit;
  // A body filter in due order: the body's dated deadlines in [lo, hi] by
  // date from due_by_body alone (no join, no sort of whole rows), then each
  // row fetched in that order until `stop` rows or tasks are in.
  auto run_body_by_due = [&](const Where& w, const std::string& lo, const std::string& hi) -> Status {
    auto keyed = Statement::prepare(db, std::string(
        "SELECT DISTINCT deadline_id, due FROM due_by_body WHERE role = ? AND due >= ? AND due "
        "<= ? AND key_id IN ") + kKeyIds + " ORDER BY due, deadline_id");
    if (!keyed) return keyed.status();
    keyed->bind(1, body_role).bind(2, lo).bind(3, hi).bind(4, json_array(body_keys_of(*by_body)))
        .bind(5, " " + body_key(by_body->text) + " ");
    std::vector<int64_t> ids;
    if (Status s = keyed->each_row([&] {
      ids.push_back(keyed->integer(0));
    }); !s) return s;
    auto st = Statement::prepare(db, select + w.sql + " AND l.deadline_id = ?");
    if (!st) return st.status();
    const int id_at = static_cast<int>(w.params.size()) + 1;
    size_t at = 0;
    auto next = [&]() -> Result<bool> {
      while (at < ids.size()) {
        st->reset();
        w.bind(*st);
        st->bind(id_at, ids[at++]);
        auto row = st->step();
        if (!row) return row.status();
        if (*row) return true;
      }
      return false;
    };
    auto rows = read(*st, stop, next);
    return rows ? Status::ok() : rows.status();
  };
  // The listing's rows (all but the recurring ones), in the answer's order.
  auto main_rows = [&]() -> Status {
    // Dated rows have a date as their due key, undated ones '~'.
    Where w = common;
    if (dated && by_body && f.sort == "due") {
      if (Status s = run_body_by_due(w, window->lo.value_or("0"), window->hi.value_or("9")); !s) return s;
    } else if (dated) {
      if (by_body) {
        add_due_range(w, *by_body, body_role, window->lo.value_or("0"), window->hi.value_or("9"));
      }
      w.add("l.due_key >= ?", window->lo.value_or("0"));
      w.add("l.due_key <= ?", window->hi.value_or("9"));
      if (f.sort == "due") {
        if (Status s = run(w, order_sql("due"), 0, stop); !s) return s;
      } else if (Status s = run(w, order_sql(f.sort), f.limit); !s) return s;
    } else if (f.sort == "due") {
      // Dated rows in key order, then the undated ones if room is left.
      if (by_body) {
        if (Status s = run_body_by_due(w, "0", "9"); !s) return s;
      } else {
        Where with_due = w;
        with_due.add("l.due_key >= '0' AND l.due_key <= '9'");
        if (Status s = run(with_due, order_sql("due"), 0, stop); !s) return s;
      }
      const int64_t left = f.limit > 0 ? f.limit - static_cast<int64_t>(out.size()) : 0;
      if (task_limit > 0 || f.limit == 0 || left > 0) {
        Where without = w;
        // With a letter or issuer filter, start from its rows rather than
        // from every undated deadline.
        if (by_body) add_due_range(without, *by_body, body_role, "", "");
        without.add(f.doc || f.issuer || by_body ? "+l.due_key = '~'" : "l.due_key = '~'");
        if (Status s = run(without, order_sql("doc"), task_limit > 0 ? 0 : left); !s) return s;
      }
    } else {
      if (by_body) add_due_range(w, *by_body, body_role, "", "9");
      w.add("+l.kind <> 'recurring'");
      if (Status s = run(w, order_sql(f.sort), f.limit); !s) return s;
    }
    return Status::ok();
  };
  // A recurring deadline's next date depends only on its (every, day) pair.
  struct Pair {
    std::string first, every;  // the next date; the period
    int day;
  };
  // A streamed listing in due order reads the pairs' rows as it goes: the
  // pairs in date order (pairs_to_stream), and for the pairs of one date a
  // cursor each, in letter order, merged. `stream_pairs` asks for it.
  bool stream_pairs = false;
  std::vector<Pair> pairs_to_stream;
  Where pair_where;
  std::string pair_sql;
  size_t pair_key_at = 0;
  // The recurring rows: the next occurrence is computed here, never overdue.
  auto recurring_rows = [&]() -> Status {
    const bool wants_recurring =
        !f.overdue && (f.kinds.empty() || std::count(f.kinds.begin(), f.kinds.end(), "recurring"));
    // With a selective filter (a body, a letter, an issuer without a limit)
    // one query over the few recurring rows it leaves beats one query per
    // (every, day) pair, each evaluating the filter again.
    const bool selective = by_body || f.doc || (f.issuer && !walk_due);
    if (wants_recurring && (selective || (!dated && !(f.sort == "due" && f.limit > 0)))) {
      Where w = common;
      if (by_body) add_due_range(w, *by_body, body_role, "r", "r");
      // Unary +: with a selective filter, start from its rows, not from every
      // recurring deadline.
      const bool lead_bound = f.sort == "lead" && f.limit > 0 && static_cast<int64_t>(out.size()) >= f.limit;
      w.add(selective || lead_bound ? "+l.kind = 'recurring'" : "l.kind = 'recurring'");
      // By lead with a limit: a recurring row after the last lead already in
      // cannot enter the first `limit` rows. The leads up to that one come
      // from the lead index alone, then each lead's recurring rows are one
      // range of it (lead, due key 'r…').
      std::vector<std::string> leads;
      if (lead_bound) {
        std::string last = out.front().lead_order;
        for (const auto& c : out) last = std::max(last, c.lead_order);
        auto distinct = Statement::prepare(db,
            "SELECT DISTINCT lead_order FROM deadline_list WHERE lead_order <= ? ORDER BY lead_order");
        if (!distinct) return distinct.status();
        distinct->bind(1, last);
        if (Status s = distinct->each_row([&] {
          leads.push_back(distinct->text(0));
        }); !s) return s;
        w.add("l.lead_order = ? AND l.due_key >= 'r' AND l.due_key < 's'", std::string());
      }
      std::string sql = select + w.sql + order_sql(f.sort == "due" ? "doc" : f.sort);
      if (f.limit > 0 && f.sort == "doc" && !dated) sql += " LIMIT " + std::to_string(f.limit);
      auto st = Statement::prepare(db, sql);
      if (!st) return st.status();
      if (!lead_bound) leads.emplace_back();  // one run, no lead parameter
      for (const std::string& lead : leads) {
        if (lead_bound) w.params.back() = lead;
        st->reset();
        w.bind(*st);
        auto rows = read(*st, 0);
        if (!rows) return rows.status();
      }
    } else if (wants_recurring) {
      // A recurring deadline's next date depends only on (every, day): take
      // the pairs whose date is in the window, soonest first, each one range
      // of the listing's key ('r' + every + ':' + day, in letter order), and
      // stop once `limit` rows are in hand.
      Where w = common;
      w.add("l.due_key = ?");
      const size_t key_at = w.params.size();
      w.params.emplace_back(std::string());
      // One pair's rows share their date: order them like the documents.
      std::string sql = select + w.sql + order_sql(f.sort == "due" ? "doc" : f.sort);
      if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
      auto st = Statement::prepare(db, sql);
      if (!st) return st.status();
      std::vector<Pair> pairs;
      for (const char* every : {"day", "week", "month", "quarter", "half_year", "year"}) {
        const int last = std::string(every) == "day" ? 0 : std::string(every) == "week" ? 7 : 31;
        for (int day = 0; day <= last; ++day) {
          Deadline d;
          d.kind = "recurring";
          d.every = every;
          if (day > 0) d.day = day;
          auto next = next_occurrences(d, f.as_of, 1);
          if (next.empty() || (dated && !window->contains(next.front()))) continue;
          pairs.push_back({next.front(), every, day});
        }
      }
      std::stable_sort(pairs.begin(), pairs.end(),
                       [](const Pair& a, const Pair& b) { return a.first < b.first; });
      if (stream_pairs) {
        // Streamed: the pairs are read as the listing's rows pass them.
        pairs_to_stream = std::move(pairs);
        pair_where = std::move(w);
        pair_sql = std::move(sql);
        pair_key_at = key_at;
        return Status::ok();
      }
      int64_t taken = 0;  // rows, or tasks with task_limit
      std::set<int64_t> tasks_taken;
      std::string last_first;
      for (const Pair& p : pairs) {
        // Rows of later dates cannot enter the first `limit` once enough are in.
        if (f.sort == "due" && stop > 0 && taken >= stop && p.first != last_first) break;
        w.params[key_at] = recurring_key(p.every, p.day);
        st->reset();
        w.bind(*st);
        auto rows = read(*st, 0);
        if (!rows) return rows.status();
        if (task_limit > 0) {
          for (size_t i = out.size() - *rows; i < out.size(); ++i) tasks_taken.insert(out[i].task_id);
          taken = static_cast<int64_t>(tasks_taken.size());
        } else {
          taken += static_cast<int64_t>(*rows);
        }
        last_first = p.first;
      }
    }
    return Status::ok();
  };
  // Sorted through an index: the rows themselves stay where they are.
  std::vector<size_t>& order = found.order;
  auto sort_rows = [&] {
    order.resize(out.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (!sort_by_due_keys(out, f.sort, order)) {
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return candidate_less(out[a], out[b], f.sort);
      });
    }
  };
  // A listing without a limit is streamed when `stream` is given: the
  // listing's rows, which come in the answer's order, go to `stream` as
  // they are read, each after the recurring rows that sort before it. The
  // recurring rows' dates are computed, so they are not in the key's order:
  // in due order they come from a cursor per (every, day) pair of the
  // current date, merged (next_streamed); otherwise (a selective filter, a
  // lead or letter sort) they are read and sorted first. (With a body
  // filter in due order the body's rows come by date alone, so that
  // listing is sorted here instead.)
  if (stream && task_limit == 0 && f.limit == 0 && !(by_body && f.sort == "due")) {
    stream_pairs = f.sort == "due";
    if (Status s = recurring_rows(); !s) return s;
    sort_rows();
    size_t next_sorted = 0;
    struct Cursor {
      std::optional<Statement> st;
      Candidate row;
      bool live = false;
    };
    std::vector<Cursor> cursors;
    size_t next_pair = 0;
    // Steps a cursor to its next row in the window.
    auto advance = [&](Cursor& k) -> Status {
      for (;;) {
        auto row = k.st->step();
        if (!row) return row.status();
        k.live = *row;
        if (!k.live || decode(*k.st, k.row)) return Status::ok();
      }
    };
    // The cursor holding the next streamed recurring row (nullptr: none
    // left): the smallest of the current date's cursors, or once they are
    // spent, those of the next date.
    auto next_streamed = [&]() -> Result<Cursor*> {
      for (;;) {
        Cursor* best = nullptr;
        for (auto& k : cursors) {
          if (k.live && (!best || candidate_less(k.row, best->row, f.sort))) best = &k;
        }
        if (best || next_pair >= pairs_to_stream.size()) return best;
        const std::string date = pairs_to_stream[next_pair].first;
        size_t n = 0;
        for (; next_pair < pairs_to_stream.size() && pairs_to_stream[next_pair].first == date; ++next_pair, ++n) {
          if (n == cursors.size()) {
            auto st = Statement::prepare(db, pair_sql);
            if (!st) return st.status();
            cursors.emplace_back().st.emplace(std::move(*st));
          }
          Cursor& k = cursors[n];
          const Pair& p = pairs_to_stream[next_pair];
          pair_where.params[pair_key_at] = recurring_key(p.every, p.day);
          k.st->reset();
          pair_where.bind(*k.st);
          if (Status s = advance(k); !s) return s;
        }
        for (; n < cursors.size(); ++n) cursors[n].live = false;
      }
    };
    auto pass = [&](Candidate& c) {
      finish_hit(c, f.as_of);
      (*stream)(c.hit);
    };
    // Passes the recurring rows that come before `c` (all that are left
    // when null): the sorted ones and the streamed ones, merged.
    auto pass_recurring = [&](const Candidate* c) -> Status {
      for (;;) {
        auto k = next_streamed();
        if (!k) return k.status();
        Candidate* sorted = next_sorted < order.size() ? &out[order[next_sorted]] : nullptr;
        Candidate* first = *k ? &(*k)->row : nullptr;
        if (sorted && (!first || candidate_less(*sorted, *first, f.sort))) first = sorted;
        if (!first || (c && !candidate_less(*first, *c, f.sort))) return Status::ok();
        pass(*first);
        if (first == sorted) ++next_sorted;
        else if (Status s = advance(**k); !s) return s;
      }
    };
    deliver = [&](Candidate& c) {
      delivery = pass_recurring(&c);
      if (delivery) pass(c);
    };
    const Status s = main_rows();
    deliver = nullptr;
    if (!s) return s;
    if (Status left = pass_recurring(nullptr); !left) return left;
    found.streamed = true;
    return found;
  }
  if (Status s = main_rows(); !s) return s;
  if (Status s = recurring_rows(); !s) return s;
  sort_rows();
  if (f.limit > 0 && static_cast<int64_t>(order.size()) > f.limit) order.resize(static_cast<size_t>(f.limit));
  return found;
}

const char* kNames =
    "(SELECT group_concat(name, char(31)) FROM (SELECT name FROM assignees a WHERE a.task_id = "
    "t.id AND a.role = ? ORDER BY a.position))";

std::string user_or_unknown(const std::string& user) { return user.empty() ? "unknown" : user; }

Status audit(sqlite3* db, int64_t doc, const std::string& item, const std::string& what,
             const std::optional<std::string>& old_value,
             const std::optional<std::string>& new_value, const std::string& at,
             const std::string& by) {
  auto st = Statement::prepare(db,
      "INSERT INTO audit(document_id, item, what, old_value, new_value, at, by) "
      "VALUES (?,?,?,?,?,?,?)");
  if (!st) return st.status();
  st->bind(1, doc).bind(2, item).bind(3, what).bind(4, old_value).bind(5, new_value).bind(6, at)
      .bind(7, user_or_unknown(by));
  return st->run();
}

struct TaskRef {
  int64_t document_id = 0;
  std::string item;
  std::string status;
  std::string text;
};

Result<TaskRef> load_task_ref(sqlite3* db, int64_t task_id) {
  auto st = Statement::prepare(db, "SELECT document_id, item, status, text FROM tasks WHERE id = ?");
  if (!st) return st.status();
  st->bind(1, task_id);
  auto row = st->step();
  if (!row) return row.status();
  if (!*row) {
    return Status::error("no task with id " + std::to_string(task_id) +
                         " (the ids are in the first column of `congvan tasks`)");
  }
  return TaskRef{st->integer(0), st->text(1), st->text(2), st->text(3)};
}

Status apply_correction(sqlite3* db, int64_t task_id, const std::string& field,
                        const std::string& value) {
  if (field == "text") {
    auto st = Statement::prepare(db, "UPDATE tasks SET text = ? WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, value).bind(2, task_id);
    return st->run();
  }
  if (field == "lead") {
    auto del = Statement::prepare(db, "DELETE FROM assignees WHERE task_id = ? AND role = 'lead'");
    if (!del) return del.status();
    del->bind(1, task_id);
    if (Status s = del->run(); !s) return s;
    auto ins = Statement::prepare(db,
        "INSERT INTO assignees(task_id, role, position, name, canonical) VALUES (?, 'lead', ?, ?, NULL)");
    if (!ins) return ins.status();
    int64_t pos = 0;
    for (const auto& name : split_names(value)) {
      ins->bind(1, task_id).bind(2, pos++).bind(3, name);
      if (Status s = ins->run(); !s) return s;
    }
    return Status::ok();
  }
  if (field == "due") {
    auto upd = Statement::prepare(db,
        "UPDATE deadlines SET due = ?1 WHERE id = (SELECT id FROM deadlines WHERE task_id = ?2 "
        "AND due IS NOT NULL ORDER BY position LIMIT 1)");
    if (!upd) return upd.status();
    upd->bind(1, value).bind(2, task_id);
    if (Status s = upd->run(); !s) return s;
    if (sqlite3_changes(db) > 0) return Status::ok();
    auto ins = Statement::prepare(db,
        "INSERT INTO deadlines(task_id, position, kind, due, text) VALUES (?1, (SELECT "
        "coalesce(max(position) + 1, 0) FROM deadlines WHERE task_id = ?1), 'by_date', ?2, ?3)");
    if (!ins) return ins.status();
    ins->bind(1, task_id).bind(2, value).bind(3, "hạn sửa tay: " + value);
    return ins->run();
  }
  return Status::error("cannot correct field '" + field + "'");
}

Result<std::optional<std::string>> first_due(sqlite3* db, int64_t task_id) {
  auto st = Statement::prepare(db,
      "SELECT due FROM deadlines WHERE task_id = ? AND due IS NOT NULL ORDER BY position LIMIT 1");
  if (!st) return st.status();
  st->bind(1, task_id);
  auto row = st->step();
  if (!row) return row.status();
  if (!*row) return std::optional<std::string>();
  return st->opt_text(0);
}

Result<std::vector<std::string>> lead_names(sqlite3* db, int64_t task_id) {
  auto st = Statement::prepare(db,
      "SELECT name FROM assignees WHERE task_id = ? AND role = 'lead' ORDER BY position");
  if (!st) return st.status();
  st->bind(1, task_id);
  std::vector<std::string> out;
  if (Status s = st->each_row([&] {
    out.push_back(st->text(0));
  }); !s) return s;
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

std::string body_key(std::string_view name) {
  std::string out;
  for (const WordSpan& w : split_words(name)) {
    std::string f = fold(name.substr(w.start, w.end - w.start));
    if (f.empty() || f == "va") continue;
    if (!out.empty()) out += ' ';
    out += f;
  }
  return out;
}

std::vector<std::string> next_occurrences(const Deadline& d, const std::string& as_of_iso,
                                          int count) {
  std::vector<std::string> out;
  auto as_of = parse_iso_date(as_of_iso);
  if (!as_of || d.kind != "recurring" || !d.every || count < 1) return out;
  const std::string& every = *d.every;
  if (every == "day") {
    for (int i = 0; i < count; ++i) out.push_back(to_iso(add_days(*as_of, i)));
    return out;
  }
  if (every == "week") {
    const int want = d.day && *d.day >= 1 && *d.day <= 7 ? *d.day : 5;  // Friday by default
    const int shift = (want - iso_weekday(*as_of) + 7) % 7;
    for (int i = 0; i < count; ++i) out.push_back(to_iso(add_days(*as_of, shift + 7 * i)));
    return out;
  }
  int period = 0;
  if (every == "month") period = 1;
  else if (every == "quarter") period = 3;
  else if (every == "half_year") period = 6;
  else if (every == "year") period = 12;
  else return out;
  int year = as_of->year;
  int month = ((as_of->month + period - 1) / period) * period;
  for (int guard = 0; static_cast<int>(out.size()) < count && guard < 100; ++guard) {
    const int last = days_in_month(year, month);
    const int day = d.day && *d.day >= 1 ? std::min(*d.day, last) : last;
    const Date candidate{year, month, day};
    if (candidate >= *as_of) out.push_back(to_iso(candidate));
    month += period;
    if (month > 12) {
      month -= 12;
      ++year;
    }
  }
  return out;
}

Result<std::vector<DeadlineHit>> find_deadlines(Store& store, const QueryFilter& f) {
  sqlite3* db = StoreAccess::db(store);
  auto candidates = deadline_candidates(db, f);
  if (!candidates) return candidates.status();
  std::vector<DeadlineHit> out;
  out.reserve(candidates->order.size());
  for (size_t i : candidates->order) {
    Candidate& c = candidates->rows[i];
    DeadlineHit& h = out.emplace_back(std::move(c.hit));
    h.effective_due = std::move(c.due);
    h.next = std::move(c.next);
    h.overdue = h.status == "open" && h.effective_due && *h.effective_due < f.as_of;
  }
  return out;
}

Status each_deadline(Store& store, const QueryFilter& f, const DeadlineSink& row, DeadlineFields fields) {
  auto candidates = deadline_candidates(StoreAccess::db(store), f, 0, &row, fields);
  if (!candidates) return candidates.status();
  if (candidates->streamed) return Status::ok();
  for (size_t i : candidates->order) {
    Candidate& c = candidates->rows[i];
    finish_hit(c, f.as_of);
    row(c.hit);
  }
  return Status::ok();
}

Result<std::vector<TaskHit>> find_tasks(Store& store, const QueryFilter& f) {
  sqlite3* db = StoreAccess::db(store);
  std::vector<int64_t> ids;
  auto read_ids = [&](Statement& st) -> Status {
    for (;;) {
      auto row = st.step();
      if (!row) return row.status();
      if (!*row) return Status::ok();
      ids.push_back(st.integer(0));
    }
  };
  const BodyFilter* by_body = f.lead ? &*f.lead : f.support ? &*f.support : nullptr;
  const char* body_role = f.lead ? "lead" : "support";
  if (f.has_date_filter() || !f.kinds.empty()) {
    // The tasks of the matching deadlines, in the deadlines' order; only the
    // rows of the first `limit` tasks are read.
    QueryFilter all = f;
    all.limit = 0;
    auto candidates = deadline_candidates(db, all, f.limit);
    if (!candidates) return candidates.status();
    std::set<int64_t> seen;
    for (size_t i : candidates->order) {
      const int64_t task = candidates->rows[i].task_id;
      if (seen.insert(task).second) ids.push_back(task);
    }
    if (f.limit > 0 && static_cast<int64_t>(ids.size()) > f.limit) ids.resize(f.limit);
  } else if (f.sort == "due" && by_body) {
    // A body's tasks by their first due date straight from due_by_body (one
    // index range per key), then those without a dated deadline.
    if (body_key(by_body->text).empty()) return Status::error("'" + by_body->text + "' names no body");
    const std::string dated_of_body =
        std::string("SELECT task_id, min(due) AS first FROM due_by_body WHERE role = ? AND due >= "
                    "'0' AND due <= '9' AND key_id IN ") + kKeyIds + " GROUP BY task_id";
    Where w;
    w.params = {std::string(body_role), json_array(body_keys_of(*by_body)),
                " " + body_key(by_body->text) + " "};
    if (Status s = task_filters(f, w, kTaskColumns, body_role); !s) return s;
    std::string sql = "SELECT t.id FROM (" + dated_of_body + ") m JOIN tasks t ON t.id = m.task_id "
                      "JOIN documents d ON d.id = t.document_id WHERE 1" + w.sql +
                      " ORDER BY m.first, d.id, t.position";
    if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
    auto st = Statement::prepare(db, sql);
    if (!st) return st.status();
    w.bind(*st);
    if (Status s = read_ids(*st); !s) return s;
    const int64_t left = f.limit - static_cast<int64_t>(ids.size());
    if (f.limit == 0 || left > 0) {
      Where u;
      if (Status s = task_filters(f, u); !s) return s;
      u.add("t.id NOT IN (SELECT task_id FROM (" + dated_of_body + "))");
      u.params.emplace_back(std::string(body_role));
      u.params.emplace_back(json_array(body_keys_of(*by_body)));
      u.params.emplace_back(" " + body_key(by_body->text) + " ");
      std::string rest = "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id WHERE 1" +
                         u.sql + " ORDER BY d.id, t.position";
      if (f.limit > 0) rest += " LIMIT " + std::to_string(left);
      auto more = Statement::prepare(db, rest);
      if (!more) return more.status();
      u.bind(*more);
      if (Status s = read_ids(*more); !s) return s;
    }
  } else if (f.sort == "due" && f.limit > 0 && !f.doc) {
    // A task's first due is the date of its first deadline in the due
    // index: walk it, keep the first `limit` tasks (and those tied with the
    // last), then the tasks without a dated deadline if room is left.
    Where w;
    if (Status s = task_filters(f, w, kTaskColumns, nullptr, false); !s) return s;
    auto st = Statement::prepare(db,
        "SELECT x.task_id, x.due, d.id, t.position FROM deadlines x JOIN tasks t ON t.id = "
        "x.task_id JOIN documents d ON d.id = t.document_id WHERE x.due IS NOT NULL" + w.sql +
        " ORDER BY x.due");
    if (!st) return st.status();
    w.bind(*st);
    struct First {
      std::string due;
      int64_t document_id, position, task_id;
    };
    std::vector<First> firsts;
    std::set<int64_t> seen;
    std::optional<std::string> boundary;
    for (;;) {
      auto row = st->step();
      if (!row) return row.status();
      if (!*row) break;
      std::string due = st->text(1);
      if (boundary && due != *boundary) break;
      if (!seen.insert(st->integer(0)).second) continue;
      firsts.push_back({due, st->integer(2), st->integer(3), st->integer(0)});
      if (!boundary && static_cast<int64_t>(firsts.size()) >= f.limit) boundary = due;
    }
    std::sort(firsts.begin(), firsts.end(), [](const First& a, const First& b) {
      return std::tie(a.due, a.document_id, a.position) < std::tie(b.due, b.document_id, b.position);
    });
    for (const auto& x : firsts) {
      if (static_cast<int64_t>(ids.size()) >= f.limit) break;
      ids.push_back(x.task_id);
    }
    const int64_t left = f.limit - static_cast<int64_t>(ids.size());
    if (left > 0) {
      Where u;
      if (Status s = task_filters(f, u); !s) return s;
      auto rest = Statement::prepare(db,
          "SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id WHERE NOT EXISTS "
          "(SELECT 1 FROM deadlines x WHERE x.task_id = t.id AND x.due IS NOT NULL)" + u.sql +
          " ORDER BY d.id, t.position LIMIT " + std::to_string(left));
      if (!rest) return rest.status();
      u.bind(*rest);
      if (Status s = read_ids(*rest); !s) return s;
    }
  } else {
    Where w;
    if (Status s = task_filters(f, w); !s) return s;
    std::string order;
    if (f.sort == "doc") order = " ORDER BY d.id, t.position";
    else if (f.sort == "lead") order = std::string(" ORDER BY ") + kLeadKey + " IS NULL, " + kLeadKey + ", d.id, t.position";
    else if (f.sort == "due") order = " ORDER BY first_due IS NULL, first_due, d.id, t.position";
    else return Status::error("sort must be due, lead or doc, not '" + f.sort + "'");
    std::string sql =
        "SELECT t.id, (SELECT min(due) FROM deadlines x WHERE x.task_id = t.id) AS first_due "
        "FROM tasks t JOIN documents d ON d.id = t.document_id WHERE 1" + w.sql + order;
    if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
    auto st = Statement::prepare(db, sql);
    if (!st) return st.status();
    w.bind(*st);
    if (Status s = read_ids(*st); !s) return s;
  }
  auto st = Statement::prepare(db, std::string(
      "SELECT t.id, d.id, d.source, d.number, d.symbol, t.item, t.text, t.status, f.note, ") +
      kNames + ", " + kNames +
      ", (SELECT count(*) FROM deadlines x WHERE x.task_id = t.id), (SELECT min(due) FROM "
      "deadlines x WHERE x.task_id = t.id) FROM tasks t JOIN documents d ON d.id = t.document_id "
      "LEFT JOIN task_followup f ON f.document_id = t.document_id AND f.item = t.item "
      "WHERE t.id IN (SELECT value FROM json_each(?))");
  if (!st) return st.status();
  st->bind(1, "lead").bind(2, "support").bind(3, json_ids(ids));
  std::map<int64_t, TaskHit> by_id;
  if (Status s = st->each_row([&] {
    TaskHit h;
    h.task_id = st->integer(0);
    h.document_id = st->integer(1);
    h.source = st->text(2);
    h.doc_number = doc_number(st->opt_text(3), st->opt_text(4));
    h.item = st->text(5);
    h.text = st->text(6);
    h.status = st->text(7);
    h.note = st->opt_text(8);
    h.lead = split_names(st->text(9));
    h.support = split_names(st->text(10));
    h.deadline_count = static_cast<int>(st->integer(11));
    h.first_due = st->opt_text(12);
    by_id.emplace(h.task_id, std::move(h));
  }); !s) return s;
  // Recurring deadlines count with their next occurrence.
  auto rec = Statement::prepare(db,
      "SELECT task_id, every, day FROM deadlines WHERE +kind = 'recurring' AND task_id IN "
      "(SELECT value FROM json_each(?))");
  if (!rec) return rec.status();
  rec->bind(1, json_ids(ids));
  for (;;) {
    auto row = rec->step();
    if (!row) return row.status();
    if (!*row) break;
    Deadline d;
    d.kind = "recurring";
    d.every = rec->opt_text(1);
    if (auto v = rec->opt_integer(2)) d.day = static_cast<int>(*v);
    auto next = next_occurrences(d, f.as_of, 1);
    auto it = by_id.find(rec->integer(0));
    if (next.empty() || it == by_id.end()) continue;
    if (!it->second.first_due || next[0] < *it->second.first_due) it->second.first_due = next[0];
  }
  std::vector<TaskHit> out;
  for (int64_t id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    TaskHit h = std::move(it->second);
    h.overdue = h.status == "open" && h.first_due && *h.first_due < f.as_of;
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<DocumentSummary>> list_documents(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  auto st = Statement::prepare(db,
      "SELECT d.id, d.source, d.doc_type, d.number, d.symbol, d.date, d.issuer, d.subject, "
      "(SELECT count(*) FROM tasks t WHERE t.document_id = d.id), (SELECT count(*) FROM tasks t "
      "WHERE t.document_id = d.id AND t.status = 'open') FROM documents d ORDER BY d.id");
  if (!st) return st.status();
  std::vector<DocumentSummary> out;
  if (Status s = st->each_row([&] {
    DocumentSummary s;
    s.id = st->integer(0);
    s.source = st->text(1);
    s.doc_type = st->opt_text(2);
    s.doc_number = doc_number(st->opt_text(3), st->opt_text(4));
    s.date = st->opt_text(5);
    s.issuer = st->opt_text(6);
    s.subject = st->opt_text(7);
    s.tasks = static_cast<int>(st->integer(8));
    s.open_tasks = static_cast<int>(st->integer(9));
    out.push_back(std::move(s));
  }); !s) return s;
  return out;
}

Result<int64_t> resolve_document(Store& store, const std::string& ref) {
  sqlite3* db = StoreAccess::db(store);
  // Each branch one index lookup (number, source), not a scan of every
  // letter: "3692", "3692/UBND-KSTTHC", "/UBND-NC" or the file name.
  auto st = Statement::prepare(db,
      "SELECT id, source FROM documents WHERE number = ?1 UNION SELECT id, source FROM documents "
      "WHERE source = ?1 UNION SELECT id, source FROM documents WHERE number = ?2 AND "
      "coalesce(symbol, '') = ?3 UNION SELECT id, source FROM documents WHERE ?2 = '' AND number "
      "IS NULL AND coalesce(symbol, '') = ?3 ORDER BY id");
  if (!st) return st.status();
  const size_t slash = ref.find('/');
  st->bind(1, ref);
  if (slash == std::string::npos) st->bind_null(2).bind(3, "");
  else st->bind(2, ref.substr(0, slash)).bind(3, ref.substr(slash + 1));
  std::vector<std::pair<int64_t, std::string>> found;
  if (Status s = st->each_row([&] {
    found.emplace_back(st->integer(0), st->text(1));
  }); !s) return s;
  if (found.empty() && !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
    auto by_id = Statement::prepare(db, "SELECT id, source FROM documents WHERE id = ?");
    if (!by_id) return by_id.status();
    by_id->bind(1, static_cast<int64_t>(std::stoll(ref)));
    auto row = by_id->step();
    if (!row) return row.status();
    if (*row) found.emplace_back(by_id->integer(0), by_id->text(1));
  }
  if (found.empty()) {
    return Status::error("no document '" + ref + "' (give its id, number or file name; see "
                         "`congvan docs`)");
  }
  if (found.size() > 1) {
    std::string which;
    for (const auto& [id, source] : found) {
      which += (which.empty() ? "" : ", ") + std::to_string(id) + " (" + source + ")";
    }
    return Status::error("'" + ref + "' names several documents: " + which + "; give the id");
  }
  return found.front().first;
}

Result<DocumentView> show_document(Store& store, int64_t document_id) {
  auto record = store.load_document(document_id);
  if (!record) return record.status();
  DocumentView view;
  view.record = std::move(record.value());
  auto st = Statement::prepare(StoreAccess::db(store),
      "SELECT t.id, t.status, f.note, (SELECT group_concat(field, char(31)) FROM (SELECT field "
      "FROM corrections c WHERE c.document_id = t.document_id AND c.item = t.item ORDER BY "
      "field)) FROM tasks t LEFT JOIN task_followup f ON f.document_id = t.document_id AND "
      "f.item = t.item WHERE t.document_id = ? ORDER BY t.position");
  if (!st) return st.status();
  st->bind(1, document_id);
  if (Status s = st->each_row([&] {
    view.tasks.push_back({st->integer(0), st->text(1), st->opt_text(2),
                          split_names(st->opt_text(3).value_or(""))});
  }); !s) return s;
  return view;
}

Status set_task_status(Store& store, int64_t task_id, const std::string& status,
                       const std::optional<std::string>& note, const std::string& user) {
  if (status != "open" && status != "done") return Status::error("status must be open or done");
  sqlite3* db = StoreAccess::db(store);
  Transaction tx(db);
  if (Status s = tx.begin(); !s) return s;
  auto task = load_task_ref(db, task_id);
  if (!task) return task.status();
  auto old = Statement::prepare(db, "SELECT note FROM task_followup WHERE document_id = ? AND item = ?");
  if (!old) return old.status();
  old->bind(1, task->document_id).bind(2, task->item);
  auto row = old->step();
  if (!row) return row.status();
  std::optional<std::string> old_note = *row ? old->opt_text(0) : std::nullopt;
  const std::optional<std::string> new_note = note ? note : old_note;
  const std::string at = now_utc_iso();
  auto up = Statement::prepare(db,
      "INSERT INTO task_followup(document_id, item, status, note, updated_at, updated_by) "
      "VALUES (?1,?2,?3,?4,?5,?6) ON CONFLICT(document_id, item) DO UPDATE SET status = ?3, "
      "note = ?4, updated_at = ?5, updated_by = ?6");
  if (!up) return up.status();
  up->bind(1, task->document_id).bind(2, task->item).bind(3, status).bind(4, new_note)
      .bind(5, at).bind(6, user_or_unknown(user));
  if (Status s = up->run(); !s) return s;
  auto set = Statement::prepare(db, "UPDATE tasks SET status = ? WHERE id = ?");
  if (!set) return set.status();
  set->bind(1, status).bind(2, task_id);
  if (Status s = set->run(); !s) return s;
  // The report's counts follow (triggers on lead_tasks).
  auto counted = Statement::prepare(db, "UPDATE lead_tasks SET status = ? WHERE task_id = ?");
  if (!counted) return counted.status();
  counted->bind(1, status).bind(2, task_id);
  if (Status s = counted->run(); !s) return s;
  // And the listing (deadline_list).
  auto listed = Statement::prepare(db,
      "UPDATE deadline_list SET status = ? WHERE document_id = ? AND task_id = ?");
  if (!listed) return listed.status();
  listed->bind(1, status).bind(2, task->document_id).bind(3, task_id);
  if (Status s = listed->run(); !s) return s;
  if (task->status != status) {
    if (Status s = audit(db, task->document_id, task->item, "status", task->status, status, at, user); !s) return s;
  }
  if (new_note != old_note) {
    if (Status s = audit(db, task->document_id, task->item, "note", old_note, new_note, at, user); !s) return s;
  }
  return tx.commit();
}

Status correct_task(Store& store, int64_t task_id, const Correction& c, const std::string& user) {
  sqlite3* db = StoreAccess::db(store);
  Transaction tx(db);
  if (Status s = tx.begin(); !s) return s;
  auto task = load_task_ref(db, task_id);
  if (!task) return task.status();
  if (c.due && !parse_iso_date(*c.due)) return Status::error("'" + *c.due + "' is not a date");
  if (c.lead && c.lead->empty()) return Status::error("give at least one lead body");
  if (c.text && c.text->empty()) return Status::error("the task text cannot be empty");
  const std::string at = now_utc_iso();
  auto save = Statement::prepare(db,
      "INSERT INTO corrections(document_id, item, field, value, updated_at, updated_by) VALUES "
      "(?1,?2,?3,?4,?5,?6) ON CONFLICT(document_id, item, field) DO UPDATE SET value = ?4, "
      "updated_at = ?5, updated_by = ?6");
  if (!save) return save.status();
  auto record = [&](const std::string& field, const std::optional<std::string>& old_value,
                    const std::string& stored, const std::string& shown) -> Status {
    save->bind(1, task->document_id).bind(2, task->item).bind(3, field).bind(4, stored)
        .bind(5, at).bind(6, user_or_unknown(user));
    if (Status s = save->run(); !s) return s;
    if (Status s = apply_correction(db, task_id, field, stored); !s) return s;
    return audit(db, task->document_id, task->item, field, old_value, shown, at, user);
  };
  if (c.text) {
    if (Status s = record("text", task->text, *c.text, *c.text); !s) return s;
  }
  if (c.lead) {
    auto old = lead_names(db, task_id);
    if (!old) return old.status();
    std::string stored;
    for (size_t i = 0; i < c.lead->size(); ++i) stored += (i ? std::string(1, kSep) : "") + (*c.lead)[i];
    if (Status s = record("lead", join(*old, "; "), stored, join(*c.lead, "; ")); !s) return s;
  }
  if (c.due) {
    auto old = first_due(db, task_id);
    if (!old) return old.status();
    if (Status s = record("due", *old, *c.due, *c.due); !s) return s;
  }
  if (Status s = index_document(db, task->document_id); !s) return s;
  return tx.commit();
}

Status reapply_followup(sqlite3* db, int64_t document_id) {
  auto status = Statement::prepare(db,
      "UPDATE tasks SET status = (SELECT f.status FROM task_followup f WHERE f.document_id = "
      "tasks.document_id AND f.item = tasks.item) WHERE document_id = ?1 AND item IN (SELECT "
      "item FROM task_followup WHERE document_id = ?1)");
  if (!status) return status.status();
  status->bind(1, document_id);
  if (Status s = status->run(); !s) return s;
  auto fixes = Statement::prepare(db,
      "SELECT t.id, c.field, c.value FROM corrections c JOIN tasks t ON t.document_id = "
      "c.document_id AND t.item = c.item WHERE c.document_id = ? ORDER BY t.id, c.field");
  if (!fixes) return fixes.status();
  fixes->bind(1, document_id);
  std::vector<std::tuple<int64_t, std::string, std::string>> todo;
  if (Status s = fixes->each_row([&] {
    todo.emplace_back(fixes->integer(0), fixes->text(1), fixes->text(2));
  }); !s) return s;
  for (const auto& [task_id, field, value] : todo) {
    if (Status s = apply_correction(db, task_id, field, value); !s) return s;
  }
  return Status::ok();
}

Result<std::vector<AuditEntry>> task_audit(Store& store, int64_t task_id) {
  sqlite3* db = StoreAccess::db(store);
  auto task = load_task_ref(db, task_id);
  if (!task) return task.status();
  auto st = Statement::prepare(db,
      "SELECT id, document_id, item, what, old_value, new_value, at, by FROM audit WHERE "
      "document_id = ? AND item = ? ORDER BY id");
  if (!st) return st.status();
  st->bind(1, task->document_id).bind(2, task->item);
  std::vector<AuditEntry> out;
  if (Status s = st->each_row([&] {
    out.push_back({st->integer(0), st->integer(1), st->text(2), st->text(3), st->opt_text(4),
                   st->opt_text(5), st->text(6), st->text(7)});
  }); !s) return s;
  return out;
}

Result<std::vector<LeadCounts>> lead_report(Store& store, const std::string& as_of, int days) {
  sqlite3* db = StoreAccess::db(store);
  auto day = parse_iso_date(as_of);
  if (!day) return Status::error("as-of date '" + as_of + "' is not a date");
  const std::string until = to_iso(add_days(*day, days));
  std::map<std::string, LeadCounts> by_lead;
  // Open and overdue: sums over lead_due_counts, the open tasks per (lead,
  // first dated due), kept by triggers as tasks are written and closed.
  auto counts = Statement::prepare(db,
      "SELECT lead, sum(open), sum(CASE WHEN first_due <> '' AND first_due < ?1 THEN open ELSE 0 "
      "END) FROM lead_due_counts GROUP BY lead HAVING sum(open) > 0");
  if (!counts) return counts.status();
  counts->bind(1, as_of);
  if (Status s = counts->each_row([&] {
    LeadCounts& c = by_lead[counts->text(0)];
    c.lead = counts->text(0);
    c.open = counts->integer(1);
    c.overdue = counts->integer(2);
  }); !s) return s;
  // Due soon: the open tasks with a dated deadline in the window (A) or a
  // recurring one whose next date is in it (B): |A| + |B| - |A and B|.
  // A recurring date depends only on (every, day): whether a task's pairs
  // ("month:20;week:5") fall in the window is decided once per distinct set.
  std::map<std::string, bool> pairs_soon;
  auto recurring_soon = [&](const std::string& pairs) {
    auto [it, added] = pairs_soon.emplace(pairs, false);
    if (!added) return it->second;
    size_t pos = 0;
    while (pos < pairs.size() && !it->second) {
      size_t end = pairs.find(';', pos);
      if (end == std::string::npos) end = pairs.size();
      const std::string pair = pairs.substr(pos, end - pos);
      pos = end + 1;
      const size_t colon = pair.find(':');
      if (colon == std::string::npos) continue;
      Deadline x;
      x.kind = "recurring";
      x.every = pair.substr(0, colon);
      const int d = std::atoi(pair.c_str() + colon + 1);
      if (d > 0) x.day = d;
      auto next = next_occurrences(x, as_of, 1);
      if (!next.empty() && next[0] <= until) it->second = true;
    }
    return it->second;
  };
  auto recurring = Statement::prepare(db,
      "SELECT lead, recurring, open FROM lead_recurring_counts WHERE open > 0");
  if (!recurring) return recurring.status();
  for (;;) {
    auto row = recurring->step();
    if (!row) return row.status();
    if (!*row) break;
    if (!recurring_soon(recurring->text(1))) continue;
    auto it = by_lead.find(recurring->text(0));
    if (it != by_lead.end()) it->second.due_soon += recurring->integer(2);
  }
  auto dated = Statement::prepare(db,
      "SELECT lead, recurring FROM lead_tasks WHERE status = 'open' AND task_id IN (SELECT "
      "task_id FROM deadlines WHERE due >= ?1 AND due <= ?2)");
  if (!dated) return dated.status();
  dated->bind(1, as_of).bind(2, until);
  for (;;) {
    auto row = dated->step();
    if (!row) return row.status();
    if (!*row) break;
    const std::string pairs = dated->text(1);
    if (!pairs.empty() && recurring_soon(pairs)) continue;  // counted in B
    auto it = by_lead.find(dated->text(0));
    if (it != by_lead.end()) ++it->second.due_soon;
  }
  std::vector<LeadCounts> out;
  for (auto& [name, c] : by_lead) out.push_back(c);
  std::stable_sort(out.begin(), out.end(), [](const LeadCounts& a, const LeadCounts& b) {
    return std::tuple(-a.overdue, -a.due_soon, -a.open) < std::tuple(-b.overdue, -b.due_soon, -b.open);
  });
  return out;
}

}  // namespace congvan
