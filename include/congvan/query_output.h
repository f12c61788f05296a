// How query results are shown: the terminal tables and CSV of `congvan
// deadlines` and `congvan tasks`. The commands print these; the benchmark
// (bench/queries.cpp) times them, so its figures are what a clerk waits for.
//
// Pure functions, thread-safe. Tables fit `width` columns and wrap on
// grapheme boundaries; `colour` marks overdue rows red (terminals only).
#pragma once

#include <string>
#include <vector>

#include "congvan/query.h"

namespace congvan {

std::string deadlines_table(const std::vector<DeadlineHit>& rows, int width, bool colour);

// Header line then one line per deadline, RFC 4180 quoting, LF line ends.
std::string deadlines_csv(const std::vector<DeadlineHit>& rows);

std::string tasks_table(const std::vector<TaskHit>& rows, int width, bool colour);

}  // namespace congvan
