// The inside of a Store, shared by the store's source files (store.cpp and
// the query, search and journal files) and by nothing outside src/store/.
#pragma once

#include <map>
#include <string>

#include "congvan/store.h"
#include "store/sqlite_handle.h"

namespace congvan {

struct Store::Impl {
  SqliteDb db;
  int version = 0;

  // Writes the tasks of `ex`; a task whose item is in `ids` keeps that id
  // (reextract), the others get new ones (never a deleted task's id).
  Status write_extraction(int64_t doc_id, const Extraction& ex,
                          const std::map<std::string, int64_t>& ids = {});
  Status delete_extraction(int64_t doc_id);
  Result<Extraction> read_extraction(int64_t doc_id, Statement& doc_row, int first_col);
  Result<DocumentRecord> read_document(Statement& doc_row);
};

// Access to the connection for the other files of src/store/.
struct StoreAccess {
  static sqlite3* db(Store& store) { return store.impl_->db.get(); }
};

}  // namespace congvan
