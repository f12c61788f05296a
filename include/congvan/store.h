// The SQLite store: documents, their text, tasks, assignees, deadlines,
// targets and references.
//
// One Store owns one connection (WAL mode). A Store is not thread-safe: one
// writer thread owns it. Every document is written in one transaction, and a
// document whose bytes (sha256) are already stored is not written again.
// Schema changes are versioned migrations on PRAGMA user_version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "congvan/document_text.h"
#include "congvan/letter.h"
#include "congvan/result.h"

namespace congvan {

// $CONGVAN_DB, else $XDG_DATA_HOME/congvan/congvan.db, else
// ~/.local/share/congvan/congvan.db.
std::filesystem::path default_database_path();

struct NewDocument {
  std::string source;  // file name as ingested, no directory
  std::string path;    // where it was read from ("inbox/a.pdf", "x.zip!/a.pdf")
  std::string sha256;  // of the file's bytes
  DocumentText text;
  Extraction extraction;
};

struct AddOutcome {
  int64_t document_id = 0;
  bool duplicate = false;  // the same bytes were already stored (nothing written)
  std::string duplicate_of;  // the stored document's path, when duplicate
};

struct DocumentRecord {
  int64_t id = 0;
  std::string source;
  std::string path;
  std::string sha256;
  int pages = 1;
  TextOrigin origin = TextOrigin::kPlainText;
  std::optional<double> ocr_confidence;
  std::string ingested_at;  // ISO 8601 UTC
  Extraction extraction;
};

// One deadline with the task and document it belongs to.
struct DeadlineRow {
  int64_t document_id = 0;
  int64_t task_id = 0;
  std::string source;
  std::optional<std::string> doc_number;  // "3692/UBND-KSTTHC" (number/symbol)
  std::string item;
  std::string task_text;
  std::string status;  // open, done
  std::vector<std::string> lead;
  Deadline deadline;
};

struct DeadlineQuery {
  std::optional<std::string> due_before;  // ISO date, inclusive
  std::optional<std::string> due_after;   // ISO date, inclusive
  bool dated_only = false;                // only deadlines with a due date
};

class Store {
 public:
  // Opens (creating if needed) and migrates the database at `path`.
  static Result<Store> open(const std::filesystem::path& path);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  int schema_version() const;

  // The stored document with these bytes, if any.
  Result<std::optional<int64_t>> find_by_sha256(const std::string& sha256);

  // Writes a document with its pages and extraction in one transaction; a
  // failure rolls everything back. Same bytes twice: nothing is written.
  Result<AddOutcome> add_document(const NewDocument& document);

  // Replaces a stored document's extraction (reextract), one transaction.
  Status replace_extraction(int64_t document_id, const Extraction& extraction);

  Result<std::vector<DocumentRecord>> load_documents();
  // The stored documents in id order, one at a time (an archive's export
  // never holds them all); stops at the first error `on_document` returns.
  Status each_document(const std::function<Status(const DocumentRecord&)>& on_document);
  Result<DocumentRecord> load_document(int64_t document_id);
  Result<DocumentText> load_text(int64_t document_id);

  Result<std::vector<DeadlineRow>> find_deadlines(const DeadlineQuery& query);

  // Counts of rows per table, for tests and `congvan docs --stats`.
  Result<int64_t> count_rows(const std::string& table);

 private:
  friend struct StoreAccess;
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan
