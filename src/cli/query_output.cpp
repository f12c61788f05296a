// The tables and CSV of `congvan deadlines` and `congvan tasks`
// (include/congvan/query_output.h).
#include "congvan/query_output.h"

#include "cli/query_options.h"
#include "cli/table.h"

namespace congvan {

namespace {

std::vector<TableColumn> deadline_columns() {
  return {{"TASK", 6}, {"DUE", 16}, {"KIND", 14}, {"LEAD", 26}, {"WHAT", 0}, {"DOCUMENT", 20}};
}

}  // namespace

struct DeadlinesTable::Impl {
  TableWriter table;
  std::string id, due, lead;  // the cells that are made, not read
  std::vector<std::string_view> cells = std::vector<std::string_view>(6);
};

DeadlinesTable::DeadlinesTable(int width, bool colour)
    : impl_(new Impl{TableWriter(deadline_columns(), width, {true, colour}), {}, {}, {}}) {}

DeadlinesTable::~DeadlinesTable() = default;

void DeadlinesTable::header(std::string& out) { impl_->table.header(out); }

void DeadlinesTable::row(const DeadlineHit& r, std::string& out) {
  Impl& t = *impl_;
  t.id = std::to_string(r.task_id);
  t.due = due_label(r);
  t.cells[0] = t.id;
  t.cells[1] = t.due;
  t.cells[2] = r.deadline.kind;
  t.cells[3] = r.lead.size() == 1 ? std::string_view(r.lead[0]) : std::string_view(t.lead = join_names(r.lead));
  t.cells[4] = r.task_text;
  t.cells[5] = r.doc_number ? std::string_view(*r.doc_number) : std::string_view(r.source);
  t.table.row(t.cells, r.overdue, out);
}

std::string deadlines_table(const std::vector<DeadlineHit>& rows, int width, bool colour) {
  DeadlinesTable table(width, colour);
  std::string out;
  out.reserve(160 * (rows.size() + 1));
  table.header(out);
  for (const auto& r : rows) table.row(r, out);
  return out;
}

void append_deadlines_csv_header(std::string& out) {
  out += "due,time,kind,lead,task,document,source,item,status,task_id,next,anchor,overdue\n";
}

void append_deadline_csv(const DeadlineHit& r, std::string& out) {
  auto field = [&](std::string_view text, char after = ',') {
    append_csv_field(out, text);
    out += after;
  };
  const Deadline& d = r.deadline;
  field(r.effective_due ? std::string_view(*r.effective_due) : std::string_view());
  field(d.time ? std::string_view(*d.time) : std::string_view());
  field(d.kind);
  field(r.lead.size() == 1 ? r.lead[0] : join_names(r.lead));
  field(r.task_text);
  field(r.doc_number ? std::string_view(*r.doc_number) : std::string_view());
  field(r.source);
  field(r.item);
  field(r.status);
  field(std::to_string(r.task_id));
  field(join_names(r.next, " "));
  field(d.anchor ? std::string_view(*d.anchor) : std::string_view());
  out += r.overdue ? "yes\n" : "\n";
}

std::string tasks_table(const std::vector<TaskHit>& rows, int width, bool colour) {
  return render_table(
      {{"ID", 6}, {"DUE", 10}, {"STATUS", 6}, {"LEAD", 26}, {"TASK", 0}, {"DOCUMENT ITEM", 24}},
      rows.size(),
      [&](size_t i, size_t c, std::string& scratch) -> std::string_view {
        const TaskHit& t = rows[i];
        switch (c) {
          case 0: return scratch = std::to_string(t.task_id);
          case 1: return t.first_due ? std::string_view(*t.first_due) : std::string_view("-");
          case 2: return t.status;
          case 3: return t.lead.size() == 1 ? std::string_view(t.lead[0]) : (scratch = join_names(t.lead));
          case 4: return t.text;
          default: return scratch = t.doc_number.value_or(t.source) + " " + t.item;
        }
      },
      width, [&](size_t i) { return rows[i].overdue; }, {true, colour});
}

}  // namespace congvan
