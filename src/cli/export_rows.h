// Exports of a query's tasks and deadlines for the tools clerks use: CSV
// (UTF-8 with BOM for Excel), XLSX (one sheet, typed dates, filters, widths)
// and iCalendar (one VTODO per deadline with a stable UID).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "congvan/query.h"
#include "congvan/result.h"

namespace congvan {

// One task of the export with the phrases of its deadlines that matched.
struct ExportRow {
  TaskHit task;
  std::optional<std::string> doc_date;
  std::optional<std::string> issuer;
  std::vector<std::string> deadline_texts;  // as written, in order
};

// The header and cells of a task row, shared by CSV and XLSX.
const std::vector<std::string>& export_columns();

// The deadline phrases of a row, "; "-joined.
std::string deadline_phrases(const ExportRow& row);

// UTF-8 with a byte-order mark, CRLF line ends (RFC 4180).
std::string rows_to_csv(const std::vector<ExportRow>& rows);

// Writes one sheet "Nhiệm vụ" (tasks) to `path`.
Status rows_to_xlsx(const std::vector<ExportRow>& rows, const std::filesystem::path& path);

// A VCALENDAR with one VTODO per deadline that has a date (recurring ones on
// their next occurrence, with an RRULE). UID: document sha256, item and
// deadline position, so re-importing updates the same to-dos. `stamp` is
// DTSTAMP (UTC, 20240101T000000Z).
std::string deadlines_to_ics(const std::vector<DeadlineHit>& deadlines, const std::string& stamp);

}  // namespace congvan
