// RAII owners of sqlite3 and sqlite3_stmt, a small statement helper that
// binds parameters by position and reads columns, and transactions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "congvan/result.h"

namespace congvan {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

class Statement {
 public:
  Statement() = default;
  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Steps once: true while a row is available; errors become a Status.
  Result<bool> step();
  // Steps to completion (an INSERT/UPDATE/DELETE).
  Status run();
  void reset();
  // Steps through every row, calling on_row() at each (it reads the
  // columns); a failing step ends the walk and is returned.
  template <typename OnRow>
  Status each_row(OnRow on_row) {
    for (;;) {
      auto row = step();
      if (!row) return row.status();
      if (!*row) return Status::ok();
      on_row();
    }
  }

  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  // The column's text without a copy ("" for NULL), valid until the next
  // step or reset.
  std::string_view view(int col) const;
  bool is_null(int col) const;
  int64_t integer(int col) const;
  std::optional<int64_t> opt_integer(int col) const;
  double real(int col) const;
  std::optional<double> opt_real(int col) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  sqlite3* db_ = nullptr;
};

// Runs SQL without results (several statements allowed).
Status exec(sqlite3* db, std::string_view sql);

// The current time as ISO 8601 UTC ("2024-05-01T08:30:00Z").
std::string now_utc_iso();

// BEGIN IMMEDIATE … COMMIT; rolls back unless committed, so every error path
// leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) exec(db_, "ROLLBACK");
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status begin() {
    Status s = exec(db_, "BEGIN IMMEDIATE");
    open_ = s.is_ok();
    return s;
  }
  Status commit() {
    Status s = exec(db_, "COMMIT");
    if (s) open_ = false;
    return s;
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace congvan
