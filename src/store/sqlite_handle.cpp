// Statement helper over the SQLite C API.
#include "store/sqlite_handle.h"

#include <ctime>

namespace congvan {

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) {
    return Status::error(std::string("database error: ") + sqlite3_errmsg(db));
  }
  Statement s;
  s.stmt_.reset(raw);
  s.db_ = db;
  return s;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::error(std::string("database error: ") + sqlite3_errmsg(db_));
}

Status Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) {
      reset();
      return r.status();
    }
    if (!*r) break;
  }
  reset();
  return Status::ok();
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), col);
  return t ? std::string(reinterpret_cast<const char*>(t),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), col)))
           : std::string();
}
std::string_view Statement::view(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), col);
  return t ? std::string_view(reinterpret_cast<const char*>(t),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), col)))
           : std::string_view();
}
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
std::optional<std::string> Statement::opt_text(int col) const {
  if (sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL) return std::nullopt;
  return text(col);
}
int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
std::optional<int64_t> Statement::opt_integer(int col) const {
  if (sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL) return std::nullopt;
  return integer(col);
}
double Statement::real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
std::optional<double> Statement::opt_real(int col) const {
  if (sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL) return std::nullopt;
  return real(col);
}

std::string now_utc_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status exec(sqlite3* db, std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::error("database error: " + msg);
  }
  return Status::ok();
}

}  // namespace congvan
