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

namespace {

// True when wrapping `text` to `width` gives `text` itself: it fits the
// line, with single spaces between words, none at the ends, and no other
// white space (tabs, newlines, no-break spaces).
bool fits_as_is(std::string_view text, int width) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  if (static_cast<int>(text.size()) > 4 * width && width >= 0) return false;  // cheap reject
  if (text.find("  ") != std::string_view::npos || text.find("\xC2\xA0") != std::string_view::npos) return false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
  }
  return grapheme_count(text) <= width;
}

// wrap_graphemes(text, width, most) for a table cell. A long text is first
// wrapped up to a space well past what `most` lines hold (an ASCII character
// before it, so the space starts a grapheme): when that prefix already
// overflows, the lines are those of the whole text (each word of the prefix
// is a whole word of the text), and the rest is never split into graphemes.
std::vector<std::string> wrap_cell(std::string_view text, int width, size_t most) {
  const size_t budget = (most + 1) * static_cast<size_t>(std::max(1, width)) * 2;
  if (text.size() > budget) {
    const size_t cut = text.rfind(' ', budget);
    if (cut != std::string_view::npos && cut > 0 && static_cast<unsigned char>(text[cut - 1]) < 0x80) {
      auto lines = wrap_graphemes(text.substr(0, cut), width, static_cast<int>(most));
      if (lines.size() > most) return lines;
    }
  }
  return wrap_graphemes(text, width, static_cast<int>(most));
}

}  // namespace

std::string render_table(const std::vector<TableColumn>& columns, size_t row_count,
                         const TableCells& cell, int total_width,
                         const std::function<bool(size_t)>& highlight, TableStyle style) {
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
  const size_t most = static_cast<size_t>(std::max(1, style.max_lines));
  // Each cell's lines, reused from row to row.
  std::vector<std::vector<std::string>> lines(columns.size());
  std::string out;
  out.reserve(160 * (row_count + 1));
  std::string scratch;
  // Appends one row (the header when `header`), its lines coloured when `red`.
  auto render_row = [&](size_t r, bool header, bool red) {
    const bool wrap = style.wrap && !header;
    size_t height = 1;
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string_view text = header ? std::string_view(columns[i].header) : cell(r, i, scratch);
      auto& cell_lines = lines[i];
      if (!wrap) {
        cell_lines.assign(1, cut_to_width(std::string(text), widths[i]));
      } else if (fits_as_is(text, widths[i])) {
        cell_lines.resize(1);
        cell_lines[0].assign(text);
      } else {
        cell_lines = wrap_cell(text, widths[i], most);
      }
      if (cell_lines.size() > most) {
        cell_lines.resize(most);
        cell_lines.back() = take_graphemes(cell_lines.back(), widths[i] - 1) + "…";
      }
      height = std::max(height, cell_lines.size());
    }
    for (size_t l = 0; l < height; ++l) {
      if (red) out += "\x1b[31m";
      const size_t start = out.size();
      for (size_t i = 0; i < columns.size(); ++i) {
        const std::string_view part = l < lines[i].size() ? std::string_view(lines[i][l]) : std::string_view();
        out += part;
        if (i + 1 < columns.size()) {
          out.append(static_cast<size_t>(std::max(0, widths[i] - grapheme_count(part)) + kGap), ' ');
        }
      }
      while (out.size() > start && out.back() == ' ') out.pop_back();
      out += red ? "\x1b[0m\n" : "\n";
    }
  };
  render_row(0, true, false);
  for (size_t r = 0; r < row_count; ++r) {
    render_row(r, false, style.colour && highlight && highlight(r));
  }
  return out;
}

std::string render_table(const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows, int total_width,
                         const std::vector<bool>& highlight, TableStyle style) {
  return render_table(
      columns, rows.size(),
      [&](size_t r, size_t c, std::string&) {
        return c < rows[r].size() ? std::string_view(rows[r][c]) : std::string_view();
      },
      total_width, [&](size_t r) { return r < highlight.size() && highlight[r]; }, style);
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += '"';
}

std::string csv_field(const std::string& text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

}  // namespace congvan
