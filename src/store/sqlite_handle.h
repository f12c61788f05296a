// RAII owners of sqlite3 and sqlite3_stmt, and a small statement helper that
// binds parameters by position and reads columns.
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

  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
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

}  // namespace congvan
