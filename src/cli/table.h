// Plain-text tables for the terminal: fixed columns, the last one filling
// the width, cells cut with "…" on code-point boundaries.
#pragma once

#include <string>
#include <vector>

namespace congvan {

struct TableColumn {
  std::string header;
  int width = 0;  // 0: take what is left of the terminal width
};

// Renders rows under a header line, fitting `total_width` columns.
std::string render_table(const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, int total_width);

// Cuts UTF-8 `text` to at most `width` code points, ending with "…" if cut.
std::string cut_to_width(const std::string& text, int width);

// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& text);

}  // namespace congvan
