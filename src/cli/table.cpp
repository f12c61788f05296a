// Terminal tables (fitted, wrapped, coloured) and CSV quoting.
#include "cli/table.h"

#include <algorithm>
#include <string_view>

#include "text/display.h"

namespace congvan {

std::string cut_to_width(const std::string& text, int width) {
  if (width <= 0) return "";
  std::string flat;
  for (char c : text) flat.push_back(c == '\n' || c == '\t' || c == '\r' || c == '\f' ? ' ' : c);
  if (grapheme_count(flat) <= width) return flat;
  return take_graphemes(flat, width - 1) + "…";
}

std::string render_table(const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, int total_width,
                         const std::vector<bool>& highlight, TableStyle style) {
  constexpr int kGap = 2;
  constexpr int kMinFixed = 6;
  constexpr int kMinFlex = 20;
  std::vector<int> widths;
  int fixed = 0;
  int flex_columns = 0;
  for (const auto& c : columns) {
    fixed += c.width + kGap;
    if (c.width == 0) ++flex_columns;
  }
  // Too narrow: shrink the fixed columns, widest first.
  int excess = fixed + flex_columns * kMinFlex - total_width;
  std::vector<int> fixed_widths;
  for (const auto& c : columns) fixed_widths.push_back(c.width);
  while (excess > 0) {
    auto widest = std::max_element(fixed_widths.begin(), fixed_widths.end());
    if (*widest <= kMinFixed) break;
    --*widest;
    --excess;
    --fixed;
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].width > 0) {
      widths.push_back(fixed_widths[i]);
    } else {
      const int left = total_width - fixed - kGap * (flex_columns - 1);
      widths.push_back(std::max(kMinFlex, left / std::max(1, flex_columns)));
    }
  }
  auto render_row = [&](const std::vector<std::string>& cells, bool wrap) {
    std::vector<std::vector<std::string>> lines(columns.size());
    size_t height = 1;
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string cell = i < cells.size() ? cells[i] : "";
      lines[i] = wrap ? wrap_graphemes(cell, widths[i])
                      : std::vector<std::string>{cut_to_width(cell, widths[i])};
      const size_t most = static_cast<size_t>(std::max(1, style.max_lines));
      if (lines[i].size() > most) {
        lines[i].resize(most);
        lines[i].back() = take_graphemes(lines[i].back(), widths[i] - 1) + "…";
      }
      height = std::max(height, lines[i].size());
    }
    std::string out;
    for (size_t l = 0; l < height; ++l) {
      std::string line;
      for (size_t i = 0; i < columns.size(); ++i) {
        const std::string part = l < lines[i].size() ? lines[i][l] : "";
        line += part;
        if (i + 1 < columns.size()) {
          line.append(static_cast<size_t>(std::max(0, widths[i] - grapheme_count(part)) + kGap), ' ');
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  };
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  std::string out = render_row(header, false);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string text = render_row(rows[r], style.wrap);
    if (style.colour && r < highlight.size() && highlight[r]) {
      std::string coloured;
      size_t pos = 0;
      while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        coloured += "\x1b[31m" + text.substr(pos, nl - pos) + "\x1b[0m\n";
        pos = nl + 1;
      }
      text = coloured;
    }
    out += text;
  }
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
