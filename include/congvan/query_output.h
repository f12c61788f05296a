// How query results are shown: the terminal tables and CSV of `congvan
// deadlines` and `congvan tasks`. The commands print these; the benchmark
// (bench/queries.cpp) times them, so its figures are what a clerk waits for.
//
// Pure functions, thread-safe. Tables fit `width` columns and wrap on
// grapheme boundaries; `colour` marks overdue rows red (terminals only).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "congvan/query.h"

namespace congvan {

std::string deadlines_table(const std::vector<DeadlineHit>& rows, int width, bool colour);

// The same table written a row at a time, for a listing streamed by
// each_deadline: header() once, then row() for each deadline, each
// appending its lines to `out` (the caller writes `out` out as it grows).
class DeadlinesTable {
 public:
  DeadlinesTable(int width, bool colour);
  ~DeadlinesTable();
  DeadlinesTable(const DeadlinesTable&) = delete;
  DeadlinesTable& operator=(const DeadlinesTable&) = delete;
  void header(std::string& out);
  void row(const DeadlineHit& hit, std::string& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The CSV of `congvan deadlines`, a line at a time: the header line, then
// one line per deadline (RFC 4180 quoting, LF line ends).
void append_deadlines_csv_header(std::string& out);
void append_deadline_csv(const DeadlineHit& hit, std::string& out);

std::string tasks_table(const std::vector<TaskHit>& rows, int width, bool colour);

}  // namespace congvan
