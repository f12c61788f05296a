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

// The graphemes of `text` when wrapping it to `width` gives `text` itself:
// it fits the line, with single spaces between words, none at the ends,
// and no other white space (tabs, newlines, no-break spaces); else -1.
int fits_as_is(std::string_view text, int width) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return -1;
  if (static_cast<int>(text.size()) > 4 * width && width >= 0) return -1;  // cheap reject
  if (text.find("  ") != std::string_view::npos || text.find("\xC2\xA0") != std::string_view::npos) return -1;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) return -1;
  }
  const int count = grapheme_count(text);
  return count <= width ? count : -1;
}

// wrap_graphemes(text, width, most) for a table cell, into `lines`. A long
// text is first wrapped up to a space well past what `most` lines hold (an
// ASCII character before it, so the space starts a grapheme): when that
// prefix already overflows, the lines are those of the whole text (each
// word of the prefix is a whole word of the text), and the rest is never
// split into graphemes.
void wrap_cell(std::string_view text, int width, size_t most, std::vector<std::string>& lines,
               std::vector<int>& widths) {
  const size_t budget = (most + 1) * static_cast<size_t>(std::max(1, width)) * 2;
  if (text.size() > budget) {
    const size_t cut = text.rfind(' ', budget);
    if (cut != std::string_view::npos && cut > 0 && static_cast<unsigned char>(text[cut - 1]) < 0x80) {
      wrap_graphemes_into(text.substr(0, cut), width, static_cast<int>(most), lines, &widths);
      if (lines.size() > most) return;
    }
  }
  wrap_graphemes_into(text, width, static_cast<int>(most), lines, &widths);
}

}  // namespace

TableWriter::TableWriter(std::vector<TableColumn> columns, int total_width, TableStyle style)
    : columns_(std::move(columns)), style_(style), lines_(columns_.size()), line_widths_(columns_.size()) {
  constexpr int kGap = 2;
  constexpr int kMinFixed = 6;
  constexpr int kMinFlex = 20;
  int fixed = 0;
  int flex_columns = 0;
  for (const auto& c : columns_) {
    fixed += c.width + kGap;
    if (c.width == 0) ++flex_columns;
  }
  // Too narrow: shrink the fixed columns, widest first.
  int excess = fixed + flex_columns * kMinFlex - total_width;
  std::vector<int> fixed_widths;
  for (const auto& c : columns_) fixed_widths.push_back(c.width);
  while (excess > 0) {
    auto widest = std::max_element(fixed_widths.begin(), fixed_widths.end());
    if (*widest <= kMinFixed) break;
    --*widest;
    --excess;
    --fixed;
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].width > 0) {
      widths_.push_back(fixed_widths[i]);
    } else {
      const int left = total_width - fixed - kGap * (flex_columns - 1);
      widths_.push_back(std::max(kMinFlex, left / std::max(1, flex_columns)));
    }
  }
}

void TableWriter::header(std::string& out) {
  std::vector<std::string_view> names;
  for (const auto& c : columns_) names.emplace_back(c.header);
  render(names, true, false, out);
}

void TableWriter::row(const std::vector<std::string_view>& cells, bool highlight, std::string& out) {
  render(cells, false, style_.colour && highlight, out);
}

// Appends one row (the header when `header`), its lines coloured when `red`.
void TableWriter::render(const std::vector<std::string_view>& cells, bool header, bool red,
                         std::string& out) {
  constexpr int kGap = 2;
  const size_t most = static_cast<size_t>(std::max(1, style_.max_lines));
  const bool wrap = style_.wrap && !header;
  size_t height = 1;
  for (size_t i = 0; i < columns_.size(); ++i) {
    const std::string_view text = i < cells.size() ? cells[i] : std::string_view();
    auto& cell_lines = lines_[i];
    auto& cell_widths = line_widths_[i];
    cell_widths.clear();
    int fits = -1;
    if (!wrap) {
      cell_lines.assign(1, cut_to_width(std::string(text), widths_[i]));
    } else if ((fits = fits_as_is(text, widths_[i])) >= 0) {
      cell_lines.resize(1);
      cell_lines[0].assign(text);
      cell_widths.push_back(fits);
    } else {
      wrap_cell(text, widths_[i], most, cell_lines, cell_widths);
    }
    if (cell_lines.size() > most) {
      // The last line shown ends with "…" (one grapheme) in place of the rest.
      const int keep = std::max(0, widths_[i] - 1);
      cell_lines.resize(most);
      cell_lines.back().resize(grapheme_prefix_bytes(cell_lines.back(), keep));
      cell_lines.back() += "…";
      if (cell_widths.size() >= most) {
        cell_widths.resize(most);
        cell_widths.back() = std::min(cell_widths.back(), keep) + 1;
      }
    }
    // The last column is not padded: its widths are never needed.
    if (cell_widths.empty() && i + 1 < columns_.size()) {
      for (const auto& l : cell_lines) cell_widths.push_back(grapheme_count(l));
    }
    height = std::max(height, cell_lines.size());
  }
  for (size_t l = 0; l < height; ++l) {
    if (red) out += "\x1b[31m";
    const size_t start = out.size();
    for (size_t i = 0; i < columns_.size(); ++i) {
      const std::string_view part = l < lines_[i].size() ? std::string_view(lines_[i][l]) : std::string_view();
      out += part;
      if (i + 1 < columns_.size()) {
        const int shown = l < line_widths_[i].size() ? line_widths_[i][l] : 0;
        out.append(static_cast<size_t>(std::max(0, widths_[i] - shown) + kGap), ' ');
      }
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += red ? "\x1b[0m\n" : "\n";
  }
}

std::string render_table(const std::vector<TableColumn>& columns, size_t row_count,
                         const TableCells& cell, int total_width,
                         const std::function<bool(size_t)>& highlight, TableStyle style) {
  TableWriter table(columns, total_width, style);
  std::string out;
  out.reserve(160 * (row_count + 1));
  table.header(out);
  std::vector<std::string> scratch(columns.size());
  std::vector<std::string_view> cells(columns.size());
  for (size_t r = 0; r < row_count; ++r) {
    for (size_t i = 0; i < columns.size(); ++i) cells[i] = cell(r, i, scratch[i]);
    table.row(cells, highlight && highlight(r), out);
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
