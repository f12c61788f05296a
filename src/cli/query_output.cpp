// The tables and CSV of `congvan deadlines` and `congvan tasks`
// (include/congvan/query_output.h).
#include "congvan/query_output.h"

#include "cli/query_options.h"
#include "cli/table.h"

namespace congvan {

std::string deadlines_table(const std::vector<DeadlineHit>& rows, int width, bool colour) {
  std::vector<std::vector<std::string>> table;
  std::vector<bool> overdue;
  table.reserve(rows.size());
  overdue.reserve(rows.size());
  for (const auto& r : rows) {
    table.push_back({std::to_string(r.task_id), due_label(r), r.deadline.kind, join_names(r.lead),
                     r.task_text, r.doc_number.value_or(r.source)});
    overdue.push_back(r.overdue);
  }
  return render_table({{"TASK", 6}, {"DUE", 16}, {"KIND", 14}, {"LEAD", 26}, {"WHAT", 0},
                       {"DOCUMENT", 20}},
                      table, width, overdue, {true, colour});
}

std::string deadlines_csv(const std::vector<DeadlineHit>& rows) {
  std::string out = "due,time,kind,lead,task,document,source,item,status,task_id,next,anchor,overdue\n";
  for (const auto& r : rows) {
    const Deadline& d = r.deadline;
    out += csv_field(r.effective_due.value_or(""));
    out += ',' + csv_field(d.time.value_or(""));
    out += ',' + csv_field(d.kind);
    out += ',' + csv_field(join_names(r.lead));
    out += ',' + csv_field(r.task_text);
    out += ',' + csv_field(r.doc_number.value_or(""));
    out += ',' + csv_field(r.source);
    out += ',' + csv_field(r.item);
    out += ',' + csv_field(r.status);
    out += ',' + std::to_string(r.task_id);
    out += ',' + csv_field(join_names(r.next, " "));
    out += ',' + csv_field(d.anchor.value_or(""));
    out += ',';
    out += r.overdue ? "yes\n" : "\n";
  }
  return out;
}

std::string tasks_table(const std::vector<TaskHit>& rows, int width, bool colour) {
  std::vector<std::vector<std::string>> table;
  std::vector<bool> overdue;
  table.reserve(rows.size());
  overdue.reserve(rows.size());
  for (const auto& t : rows) {
    table.push_back({std::to_string(t.task_id), t.first_due.value_or("-"), t.status,
                     join_names(t.lead), t.text, t.doc_number.value_or(t.source) + " " + t.item});
    overdue.push_back(t.overdue);
  }
  return render_table({{"ID", 6}, {"DUE", 10}, {"STATUS", 6}, {"LEAD", 26}, {"TASK", 0},
                       {"DOCUMENT ITEM", 24}},
                      table, width, overdue, {true, colour});
}

}  // namespace congvan
