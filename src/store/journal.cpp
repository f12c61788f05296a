// The inbox journal (include/congvan/journal.h): the inbox_journal table of
// migration 2, read and written through the Store's one connection.
#include "congvan/journal.h"

#include <ctime>

#include "store/sqlite_handle.h"
#include "store/store_impl.h"

namespace congvan {
namespace {

JournalOutcome outcome_from(const std::string& s) {
  if (s == "added") return JournalOutcome::kAdded;
  if (s == "duplicate") return JournalOutcome::kDuplicate;
  return JournalOutcome::kFailed;
}

constexpr const char* kEntryColumns =
    "SELECT id, path, sha256, state, outcome, destination, document_id, message "
    "FROM inbox_journal ";

JournalEntry entry_from(const Statement& st) {
  JournalEntry e;
  e.id = st.integer(0);
  e.path = st.text(1);
  e.sha256 = st.text(2);
  e.decided = st.text(3) == "decided";
  e.outcome = outcome_from(st.opt_text(4).value_or(""));
  e.destination = st.opt_text(5).value_or("");
  e.document_id = st.opt_integer(6).value_or(0);
  e.message = st.opt_text(7).value_or("");
  return e;
}

}  // namespace

const char* to_string(JournalOutcome outcome) {
  switch (outcome) {
    case JournalOutcome::kAdded: return "added";
    case JournalOutcome::kDuplicate: return "duplicate";
    case JournalOutcome::kFailed: return "failed";
  }
  return "failed";
}

Journal::Journal(Store& store) : store_(store) {}

Result<int64_t> Journal::take(const std::string& path, const std::string& sha256) {
  sqlite3* db = StoreAccess::db(store_);
  const std::string now = now_utc_iso();
  // A replaced file: its old entry can never be finished, close it.
  auto close = Statement::prepare(db,
      "UPDATE inbox_journal SET state = 'moved', message = 'replaced by other bytes before it "
      "was moved', updated_at = ? WHERE path = ? AND state <> 'moved' AND sha256 <> ?");
  if (!close) return close.status();
  close->bind(1, now).bind(2, path).bind(3, sha256);
  if (Status s = close->run(); !s) return s;
  auto ins = Statement::prepare(db,
      "INSERT INTO inbox_journal (path, sha256, state, taken_at, updated_at) "
      "VALUES (?, ?, 'taken', ?, ?)");
  if (!ins) return ins.status();
  ins->bind(1, path).bind(2, sha256).bind(3, now).bind(4, now);
  if (Status s = ins->run(); !s) return s;
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db));
}

Status Journal::decide(int64_t id, JournalOutcome outcome, const std::string& destination,
                       int64_t document_id, const std::string& message) {
  auto st = Statement::prepare(StoreAccess::db(store_),
      "UPDATE inbox_journal SET state = 'decided', outcome = ?, destination = ?, "
      "document_id = ?, message = ?, updated_at = ? WHERE id = ?");
  if (!st) return st.status();
  st->bind(1, to_string(outcome)).bind(2, destination);
  if (document_id > 0) {
    st->bind(3, document_id);
  } else {
    st->bind_null(3);
  }
  st->bind(4, message).bind(5, now_utc_iso()).bind(6, id);
  return st->run();
}

Status Journal::mark_moved(int64_t id) {
  auto st = Statement::prepare(StoreAccess::db(store_),
      "UPDATE inbox_journal SET state = 'moved', updated_at = ? WHERE id = ?");
  if (!st) return st.status();
  st->bind(1, now_utc_iso()).bind(2, id);
  return st->run();
}

Result<std::optional<JournalEntry>> Journal::open_entry(const std::string& path) {
  auto st = Statement::prepare(StoreAccess::db(store_),
      std::string(kEntryColumns) + "WHERE path = ? AND state <> 'moved' ORDER BY id DESC LIMIT 1");
  if (!st) return st.status();
  st->bind(1, path);
  auto row = st->step();
  if (!row) return row.status();
  if (!*row) return std::optional<JournalEntry>();
  return std::optional<JournalEntry>(entry_from(*st));
}

Result<std::vector<JournalEntry>> Journal::open_entries() {
  auto st = Statement::prepare(StoreAccess::db(store_),
      std::string(kEntryColumns) + "WHERE state <> 'moved' ORDER BY id");
  if (!st) return st.status();
  std::vector<JournalEntry> out;
  while (true) {
    auto row = st->step();
    if (!row) return row.status();
    if (!*row) break;
    out.push_back(entry_from(*st));
  }
  return out;
}

Result<bool> Journal::finished(const std::string& path, const std::string& sha256) {
  auto st = Statement::prepare(StoreAccess::db(store_),
      "SELECT 1 FROM inbox_journal WHERE path = ? AND sha256 = ? AND state = 'moved' LIMIT 1");
  if (!st) return st.status();
  st->bind(1, path).bind(2, sha256);
  auto row = st->step();
  if (!row) return row.status();
  return *row;
}

Result<bool> Journal::destination_reserved(const std::string& destination) {
  auto st = Statement::prepare(StoreAccess::db(store_),
      "SELECT 1 FROM inbox_journal WHERE destination = ? AND state <> 'moved' LIMIT 1");
  if (!st) return st.status();
  st->bind(1, destination);
  auto row = st->step();
  if (!row) return row.status();
  return *row;
}

}  // namespace congvan
