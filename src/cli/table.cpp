// Terminal tables (fitted, wrapped, coloured) and CSV quoting.
#include "cli/table.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "text/display.h"

namespace congvan {
namespace {

// Where each grapheme cluster of `text` starts, when every code point is a
// cluster of its own: ASCII and Latin letters with precomposed Vietnamese
// ones (U+0000–U+02FF but CR, U+1E00–U+1EFF), dashes, quotes and ellipsis
// (U+2010–U+2027) and arrows (U+2190–U+21FF). Then no ICU break iterator is
// needed, which is what makes a table of 40,000 rows print in a second;
// anything else (combining marks, CR LF, other scripts, bad UTF-8): nullopt.
std::optional<std::vector<size_t>> simple_clusters(std::string_view text) {
  std::vector<size_t> starts;
  starts.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    uint32_t cp = 0;
    size_t len = 0;
    if (b < 0x80) cp = b, len = 1;
    else if ((b & 0xE0) == 0xC0) cp = b & 0x1F, len = 2;
    else if ((b & 0xF0) == 0xE0) cp = b & 0x0F, len = 3;
    else return std::nullopt;
    if (i + len > text.size()) return std::nullopt;
    for (size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (c & 0x3F);
    }
    const bool shortest = len == 1 || (len == 2 && cp >= 0x80) || (len == 3 && cp >= 0x800);
    if (!shortest) return std::nullopt;
    const bool simple = (cp < 0x300 && cp != '\r') ||
                        (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
                        (cp >= 0x2190 && cp <= 0x21FF);
    if (!simple) return std::nullopt;
    starts.push_back(i);
    i += len;
  }
  return starts;
}

int count_graphemes(std::string_view text) {
  if (auto c = simple_clusters(text)) return static_cast<int>(c->size());
  return grapheme_count(text);
}

std::string first_graphemes(std::string_view text, int width) {
  auto c = simple_clusters(text);
  if (!c) return take_graphemes(text, width);
  if (width < 0) width = 0;
  if (static_cast<size_t>(width) >= c->size()) return std::string(text);
  return std::string(text.substr(0, (*c)[static_cast<size_t>(width)]));
}

// wrap_graphemes (text/display.h) on the clusters above; the same lines.
std::vector<std::string> wrap_cells(std::string_view text, int width) {
  auto c = simple_clusters(text);
  if (!c) return wrap_graphemes(text, width);
  if (width < 1) width = 1;
  const size_t n = c->size();
  auto cluster = [&](size_t k) {
    const size_t end = k + 1 < n ? (*c)[k + 1] : text.size();
    return text.substr((*c)[k], end - (*c)[k]);
  };
  auto is_space = [](std::string_view g) {
    return g == " " || g == "\n" || g == "\t" || g == "\f" || g == "\v" || g == "\xC2\xA0";
  };
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  auto flush = [&] {
    lines.push_back(line);
    line.clear();
    used = 0;
  };
  for (size_t k = 0; k < n;) {
    if (is_space(cluster(k))) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < n && !is_space(cluster(end))) ++end;
    const int len = static_cast<int>(end - k);
    const size_t from = (*c)[k];
    const size_t to = end < n ? (*c)[end] : text.size();
    if (used > 0 && used + 1 + len <= width) {
      line += ' ';
      ++used;
    } else if (used > 0) {
      flush();
    }
    if (len <= width - used) {
      line.append(text.substr(from, to - from));
      used += len;
    } else {
      // Wider than a line: cut on grapheme boundaries.
      for (size_t g = k; g < end; ++g) {
        if (used == width) flush();
        line.append(cluster(g));
        ++used;
      }
    }
    k = end;
  }
  if (used > 0 || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string cut_to_width(const std::string& text, int width) {
  if (width <= 0) return "";
  std::string flat;
  for (char c : text) flat.push_back(c == '\n' || c == '\t' || c == '\r' || c == '\f' ? ' ' : c);
  if (count_graphemes(flat) <= width) return flat;
  return first_graphemes(flat, width - 1) + "…";
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
      lines[i] = wrap ? wrap_cells(cell, widths[i])
                      : std::vector<std::string>{cut_to_width(cell, widths[i])};
      const size_t most = static_cast<size_t>(std::max(1, style.max_lines));
      if (lines[i].size() > most) {
        lines[i].resize(most);
        lines[i].back() = first_graphemes(lines[i].back(), widths[i] - 1) + "…";
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
          line.append(static_cast<size_t>(std::max(0, widths[i] - count_graphemes(part)) + kGap), ' ');
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
