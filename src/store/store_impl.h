// The inside of a Store, shared by the store's source files (store.cpp and
// the query, search and journal files) and by nothing outside src/store/.
#pragma once

#include "congvan/store.h"
#include "store/sqlite_handle.h"

namespace congvan {

struct Store::Impl {
  SqliteDb db;
  int version = 0;

  Status write_extraction(int64_t doc_id, const Extraction& ex);
  Status delete_extraction(int64_t doc_id);
  Result<Extraction> read_extraction(int64_t doc_id, Statement& doc_row, int first_col);
};

// Access to the connection for the other files of src/store/.
struct StoreAccess {
  static sqlite3* db(Store& store) { return store.impl_->db.get(); }
};

}  // namespace congvan
