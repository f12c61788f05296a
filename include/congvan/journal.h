// The inbox journal: the watcher's record of each file from the moment it is
// taken to the moment it has been moved out of the inbox.
//
// Contract (what makes kill -9 safe): an entry is written (taken) before the
// file's document is stored; once the document is committed, the entry gets
// its outcome and the exact destination (decided); only then is the file
// moved, and the entry marked moved. A restart finds every entry that is not
// moved and finishes it: a taken entry whose bytes are stored was committed
// by us (finish the move, it is not a duplicate); a decided entry is moved to
// its recorded destination. The journal lives in the Store's database
// (schema migration 2) and uses the Store's connection: like the Store, a
// Journal belongs to the one writer thread. Errors (disk full, read-only
// database) are Status values; the file then simply stays in the inbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "congvan/result.h"
#include "congvan/store.h"

namespace congvan {

enum class JournalOutcome { kAdded, kDuplicate, kFailed };

const char* to_string(JournalOutcome outcome);

struct JournalEntry {
  int64_t id = 0;
  std::string path;          // where the file was found in the inbox
  std::string sha256;        // of its bytes when taken
  bool decided = false;      // outcome and destination are known
  JournalOutcome outcome = JournalOutcome::kFailed;  // valid when decided
  std::string destination;   // where the file goes; empty: it stays (--keep)
  int64_t document_id = 0;   // the stored document (added) or the one repeated
  std::string message;       // the failure reason, or what it duplicates
};

class Journal {
 public:
  // The journal of `store`'s database; `store` must outlive the Journal.
  explicit Journal(Store& store);

  // Records that the file at `path` with these bytes is being ingested.
  // An unfinished entry for the same path with other bytes (the file was
  // replaced) is closed first. Returns the new entry's id.
  Result<int64_t> take(const std::string& path, const std::string& sha256);

  // Records the outcome and where the file must be moved.
  Status decide(int64_t id, JournalOutcome outcome, const std::string& destination,
                int64_t document_id, const std::string& message);

  // Records that the file is now at its destination (or was left in place).
  Status mark_moved(int64_t id);

  // The unfinished (not moved) entry for a path, if any.
  Result<std::optional<JournalEntry>> open_entry(const std::string& path);

  // True when the file at `path` with these bytes was already handled
  // (moved, or left in place with --keep).
  Result<bool> finished(const std::string& path, const std::string& sha256);

  // Every unfinished entry, oldest first: what a restart must finish.
  Result<std::vector<JournalEntry>> open_entries();

  // True when an unfinished entry is about to move a file to `destination`
  // (so that a new file is never given that name).
  Result<bool> destination_reserved(const std::string& destination);

 private:
  Store& store_;
};

}  // namespace congvan
