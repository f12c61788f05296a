// Plain-text tables for the terminal: columns fitted to the terminal width,
// Vietnamese text wrapped on grapheme boundaries (ICU, via src/text), and
// highlighted (overdue) rows coloured only when writing to a terminal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

struct TableColumn {
  std::string header;
  int width = 0;  // 0: take what is left of the terminal width
};

struct TableStyle {
  bool wrap = true;     // wrap long cells over several lines (else cut with "…")
  bool colour = false;  // colour highlighted rows (ANSI red); only on a terminal
  int max_lines = 3;    // a wrapped cell shows at most this many lines, the last ending "…"
};

// Renders rows under a header line, fitting `total_width` columns. Fixed
// columns shrink (to 6 at least) when the terminal is narrow; `highlight[i]`
// marks row i (overdue).
std::string render_table(const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, int total_width,
                         const std::vector<bool>& highlight = {}, TableStyle style = {});

// The text of row `row`, column `column` of a table; the view must stay
// valid until the next call (it may point into `scratch`).
using TableCells = std::function<std::string_view(size_t row, size_t column, std::string& scratch)>;

// The same, with the cells given one by one (no copy of the rows), for
// long listings; `highlight(i)` marks row i.
std::string render_table(const std::vector<TableColumn>& columns, size_t row_count,
                         const TableCells& cell, int total_width,
                         const std::function<bool(size_t)>& highlight, TableStyle style = {});

// A table written row by row, for a listing streamed from the store: the
// column widths follow from the columns and `total_width` alone, so each
// row is written as it comes, in the same text render_table gives.
class TableWriter {
 public:
  TableWriter(std::vector<TableColumn> columns, int total_width, TableStyle style = {});
  // Appends the header line.
  void header(std::string& out);
  // Appends one row; `cells` holds one text per column; `highlight`
  // colours it when the style colours.
  void row(const std::vector<std::string_view>& cells, bool highlight, std::string& out);

 private:
  void render(const std::vector<std::string_view>& cells, bool header, bool red, std::string& out);
  std::vector<TableColumn> columns_;
  std::vector<int> widths_;
  TableStyle style_;
  std::vector<std::vector<std::string>> lines_;  // each cell's lines, reused from row to row
  std::vector<std::vector<int>> line_widths_;    // their graphemes (for the padding)
};

// Cuts UTF-8 `text` to at most `width` graphemes, ending with "…" if cut.
std::string cut_to_width(const std::string& text, int width);

// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& text);

// The same, appended to `out` (no temporary string per field).
void append_csv_field(std::string& out, std::string_view text);

}  // namespace congvan
