// Task rows as an XLSX workbook with libxlsxwriter: one sheet, a bold frozen
// header with filters, typed number and date cells, set column widths.
#include <memory>

#include <xlsxwriter.h>

#include "cli/export_rows.h"
#include "cli/query_options.h"
#include "congvan/calendar.h"

namespace congvan {

namespace {

// Owns a workbook until it is closed (closing writes the file).
struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookCloser>;

}  // namespace

Status rows_to_xlsx(const std::vector<ExportRow>& rows, const std::filesystem::path& path) {
  Workbook wb(workbook_new(path.c_str()));
  if (!wb) return Status::error(path.string() + ": cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "Nhiệm vụ");
  lxw_format* head = workbook_add_format(wb.get());
  format_set_bold(head);
  lxw_format* date = workbook_add_format(wb.get());
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* wrap = workbook_add_format(wb.get());
  format_set_text_wrap(wrap);
  if (!ws || !head || !date || !wrap) return Status::error(path.string() + ": out of memory");
  const auto& columns = export_columns();
  // ID, number, date, issuer, item, task, lead, support, due, phrase, status, note, file.
  const double widths[] = {7, 20, 12, 28, 7, 70, 30, 30, 12, 40, 10, 30, 30};
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(ws, c, c, widths[c], c == 5 ? wrap : nullptr);
    worksheet_write_string(ws, 0, c, columns[c].c_str(), head);
  }
  worksheet_freeze_panes(ws, 1, 0);
  auto write_date = [&](lxw_row_t row, lxw_col_t col, const std::optional<std::string>& iso) {
    auto d = iso ? parse_iso_date(*iso) : std::nullopt;
    if (d) {
      lxw_datetime dt = {d->year, d->month, d->day, 0, 0, 0.0};
      worksheet_write_datetime(ws, row, col, &dt, date);
    } else if (iso && !iso->empty()) {
      worksheet_write_string(ws, row, col, iso->c_str(), nullptr);  // a partial date: "2023"
    }
  };
  auto write_text = [&](lxw_row_t row, lxw_col_t col, const std::string& text) {
    if (!text.empty()) worksheet_write_string(ws, row, col, text.c_str(), nullptr);
  };
  lxw_row_t row = 1;
  for (const auto& r : rows) {
    const TaskHit& t = r.task;
    worksheet_write_number(ws, row, 0, static_cast<double>(t.task_id), nullptr);
    write_text(row, 1, t.doc_number.value_or(""));
    write_date(row, 2, r.doc_date);
    write_text(row, 3, r.issuer.value_or(""));
    write_text(row, 4, t.item);
    write_text(row, 5, t.text);
    write_text(row, 6, join_names(t.lead));
    write_text(row, 7, join_names(t.support));
    write_date(row, 8, t.first_due);
    write_text(row, 9, deadline_phrases(r));
    write_text(row, 10, t.status);
    write_text(row, 11, t.note.value_or(""));
    write_text(row, 12, t.source);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(columns.size() - 1));
  lxw_error err = workbook_close(wb.release());
  if (err != LXW_NO_ERROR) {
    return Status::error(path.string() + ": cannot write the workbook: " + lxw_strerror(err));
  }
  return Status::ok();
}

}  // namespace congvan
