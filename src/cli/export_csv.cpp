// Task rows as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting.
#include "cli/export_rows.h"
#include "cli/query_options.h"
#include "cli/table.h"

namespace congvan {

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> kColumns = {
      "ID", "Số văn bản", "Ngày văn bản", "Cơ quan ban hành", "Mục", "Nhiệm vụ", "Chủ trì",
      "Phối hợp", "Hạn", "Thời hạn (nguyên văn)", "Trạng thái", "Ghi chú", "Tệp"};
  return kColumns;
}

std::string deadline_phrases(const ExportRow& r) { return join_names(r.deadline_texts); }

std::string rows_to_csv(const std::vector<ExportRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  line(export_columns());
  for (const auto& r : rows) {
    const TaskHit& t = r.task;
    line({std::to_string(t.task_id), t.doc_number.value_or(""), r.doc_date.value_or(""),
          r.issuer.value_or(""), t.item, t.text, join_names(t.lead), join_names(t.support),
          t.first_due.value_or(""), deadline_phrases(r), t.status, t.note.value_or(""), t.source});
  }
  return out;
}

}  // namespace congvan
