// Terminal tables and CSV quoting.
#include "cli/table.h"

#include "congvan/text.h"

namespace congvan {

std::string cut_to_width(const std::string& text, int width) {
  if (width <= 0) return "";
  std::string flat;
  for (char c : text) flat.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
  if (static_cast<int>(count_code_points(flat)) <= width) return flat;
  std::string out;
  int n = 0;
  for (size_t i = 0; i < flat.size();) {
    size_t len = 1;
    auto c = static_cast<unsigned char>(flat[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (n == width - 1) break;
    out.append(flat, i, len);
    i += len;
    ++n;
  }
  return out + "…";
}

std::string render_table(const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, int total_width) {
  std::vector<int> widths;
  int fixed = 0;
  for (const auto& c : columns) fixed += c.width + 2;
  for (const auto& c : columns) {
    widths.push_back(c.width > 0 ? c.width : std::max(20, total_width - fixed - 2));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < columns.size(); ++i) {
      std::string cell = cut_to_width(i < cells.size() ? cells[i] : "", widths[i]);
      out += cell;
      if (i + 1 < columns.size()) {
        out.append(static_cast<size_t>(widths[i] - static_cast<int>(count_code_points(cell)) + 2), ' ');
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

}  // namespace congvan
