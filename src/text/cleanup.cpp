// Letter text clean-up: physical lines with an offset map back to the
// original text, markdown/table/stamp/page-number removal, reflow helpers.
#include "text/cleanup.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace congvan {
namespace {

// A code point with the offset it had in the original text.
struct Cp {
  char32_t c;
  int64_t at;
};
using CpLine = std::vector<Cp>;

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2007 || c == 0x202F || c == 0x3000; }

bool is_dash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

void trim(CpLine& line) {
  size_t b = 0;
  while (b < line.size() && line[b].c == ' ') ++b;
  size_t e = line.size();
  while (e > b && line[e - 1].c == ' ') --e;
  line = CpLine(line.begin() + static_cast<std::ptrdiff_t>(b), line.begin() + static_cast<std::ptrdiff_t>(e));
}

std::u32string chars(const CpLine& line) {
  std::u32string s;
  for (const auto& cp : line) s.push_back(cp.c);
  return s;
}

TextLine make_line(const CpLine& cps, int page) {
  TextLine out;
  out.page = page;
  std::u32string s;
  for (const auto& cp : cps) {
    s.push_back(cp.c);
    out.origin.push_back(cp.at);
  }
  out.origin.push_back(cps.empty() ? 0 : cps.back().at + 1);
  out.text = to_utf8(s);
  return out;
}

// Removes markdown "**" markers; true when the line started with one.
bool strip_bold(CpLine& line) {
  bool started = false;
  CpLine out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i].c == '*' && i + 1 < line.size() && line[i + 1].c == '*') {
      if (out.empty() || std::all_of(out.begin(), out.end(), [](const Cp& c) { return c.c == ' '; })) {
        started = true;
      }
      ++i;
      continue;
    }
    out.push_back(line[i]);
  }
  line = std::move(out);
  return started;
}

// Drops a markdown heading marker ("## ") at the start of a trimmed line.
void strip_heading(CpLine& line) {
  size_t i = 0;
  while (i < line.size() && line[i].c == '#') ++i;
  if (i > 0 && i <= 6 && i < line.size() && line[i].c == ' ') {
    line.erase(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
}

// Decorative rules ("------", "______") become spaces.
void blank_rules(CpLine& line) {
  size_t i = 0;
  while (i < line.size()) {
    if (is_dash(line[i].c) || line[i].c == '_' || line[i].c == '=') {
      size_t j = i;
      while (j < line.size() && line[j].c == line[i].c) ++j;
      if (j - i >= 4) {
        for (size_t k = i; k < j; ++k) line[k].c = ' ';
      }
      i = j;
    } else {
      ++i;
    }
  }
}

// Splits a table cell before list dashes that open an entry: at the start of
// the cell or after ';' or ':' ("Nơi nhận: - Như trên; - Lưu: VT").
std::vector<CpLine> split_cell(const CpLine& cell) {
  std::vector<CpLine> parts;
  CpLine cur;
  for (size_t i = 0; i < cell.size(); ++i) {
    const char32_t c = cell[i].c;
    const bool bullet = (is_dash(c) || c == '+' || c == 0x2022) && i + 1 < cell.size() && cell[i + 1].c == ' ';
    if (bullet) {
      size_t k = cur.size();
      while (k > 0 && cur[k - 1].c == ' ') --k;
      const bool opens = k == 0 || cur[k - 1].c == ';' || cur[k - 1].c == ':';
      if (opens && k > 0) {
        parts.push_back(cur);
        cur.clear();
      }
    }
    cur.push_back(cell[i]);
  }
  parts.push_back(cur);
  return parts;
}

bool is_all_digits(const std::u32string& s) {
  if (s.empty() || s.size() > 3) return false;
  for (char32_t c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "2", "- 2 -", "Trang 2": a page number standing alone on its line.
std::optional<int> lone_page_number(std::u32string s) {
  while (!s.empty() && (is_dash(s.front()) || s.front() == ' ')) s.erase(0, 1);
  while (!s.empty() && (is_dash(s.back()) || s.back() == ' ')) s.pop_back();
  if (!is_all_digits(s)) return std::nullopt;
  int n = 0;
  for (char32_t c : s) n = n * 10 + static_cast<int>(c - '0');
  return n;
}

bool is_alnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }

}  // namespace

bool is_ocr_noise_line(std::u32string_view s) {
  // Noise from seals, signatures, stamps and specks that OCR reads as a line
  // of its own ("_.è", "—l~|", "F~L~|", "~a*n"): no two letters or digits in
  // a row, so no word and no number. Kept: markers made only of punctuation
  // ("-", "+", "./.", "…", "%", "≥") and item labels ("a)", "1.", "(2)").
  auto marker = [](char32_t c) {
    return is_dash(c) || c == '+' || c == '.' || c == '/' || c == ')' || c == '(' || c == ':' || c == ';' ||
           c == ',' || c == '%' || c == '<' || c == '>' || c == '=' || c == 0x2022 || c == 0x2026 ||
           c == 0x2030 || c == 0x2264 || c == 0x2265;
  };
  // A token is fine when it is markers only or a label: "(" X ")" / X "." / X ")" / X.
  auto fine_token = [&](std::u32string_view t) {
    size_t alnum = 0, at = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      if (is_alnum(t[i])) {
        ++alnum;
        at = i;
      } else if (!marker(t[i])) {
        return false;
      }
    }
    if (alnum == 0) return true;
    if (alnum > 1) return false;
    const std::u32string_view before = t.substr(0, at), after = t.substr(at + 1);
    return (before.empty() || before == U"(") && (after.empty() || after == U"." || after == U")");
  };
  bool any = false;
  size_t run = 0;
  for (char32_t c : s) {
    run = is_alnum(c) ? run + 1 : 0;
    if (run >= 2) return false;  // a word or a number
    any = any || c != ' ';
  }
  if (!any) return false;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i && !fine_token(s.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    uint8_t buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(buf, len, 4, static_cast<UChar32>(c), err);
    if (err) continue;
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

int64_t TextLine::origin_at_byte(size_t byte) const {
  size_t cp = 0;
  for (size_t i = 0; i < byte && i < text.size(); ++i) cp += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  if (cp >= origin.size()) return end();
  return origin[cp];
}

namespace {

// --- tables laid out with spaces -----------------------------------------

// A run of text between gaps of two or more spaces, with the column (in
// characters from the start of the physical line) where it starts and ends.
struct Piece {
  size_t begin = 0;  // byte range in the line's text
  size_t end = 0;
  int64_t col = 0;
  int64_t col_end = 0;
};

std::vector<Piece> pieces_of(const TextLine& line) {
  std::vector<Piece> out;
  if (line.origin.empty()) return out;
  const int64_t line_start = line.origin.front() - line.indent;
  size_t cp = 0;
  size_t i = 0;
  const std::string& t = line.text;
  auto col_at = [&](size_t k) { return k < line.origin.size() ? line.origin[k] - line_start : 0; };
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ') {
      ++i;
      ++cp;
    }
    if (i >= t.size()) break;
    Piece p;
    p.begin = i;
    p.col = col_at(cp);
    size_t last_cp = cp;
    while (i < t.size()) {
      if (t[i] == ' ' && i + 1 < t.size() && t[i + 1] == ' ') break;
      if (t[i] == ' ' && i + 1 == t.size()) break;
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) last_cp = cp++;
      ++i;
    }
    p.end = i;
    p.col_end = col_at(last_cp) + 1;
    out.push_back(p);
  }
  return out;
}

// "1", "12.", "3)"; or a group row's roman number ("II", "IV.") that
// titles the rows under it.
bool is_row_number(std::string_view text) {
  size_t roman = 0;
  while (roman < text.size() && (text[roman] == 'I' || text[roman] == 'V' || text[roman] == 'X')) ++roman;
  if (roman > 0 && roman <= 4 && (roman == text.size() || (roman + 1 == text.size() && text[roman] == '.'))) return true;
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 3) return false;
  return digits == text.size() || (digits + 1 == text.size() && (text[digits] == '.' || text[digits] == ')'));
}

// Splits the tables laid out with spaces into cell lines (see
// CleanupOptions::is_table_header). `next_row` numbers their rows after
// the '|' tables'.
std::vector<TextLine> split_layout_tables(std::vector<TextLine> lines, const CleanupOptions& options, int next_row) {
  std::vector<TextLine> out;
  out.reserve(lines.size());
  size_t i = 0;
  while (i < lines.size()) {
    const TextLine& head = lines[i];
    const bool header = !head.from_table && options.is_table_header(head.text);
    const std::vector<Piece> hp = header ? pieces_of(head) : std::vector<Piece>{};
    if (hp.size() < 3) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    // Columns start where the header's cells start.
    std::vector<int64_t> cols;
    for (const auto& p : hp) cols.push_back(p.col);
    auto column_of = [&](int64_t col) {
      size_t c = 0;
      while (c + 1 < cols.size() && cols[c + 1] <= col + 2) ++c;
      return c;
    };
    struct Row {
      std::vector<TextLine> cells;
      bool any = false;
    };
    std::vector<Row> rows(1);
    rows[0].cells.resize(cols.size());
    auto add = [&](Row& row, const TextLine& line, const Piece& p) {
      TextLine part = slice_line(line, p.begin, p.end);
      TextLine& cell = row.cells[column_of(p.col)];
      if (cell.text.empty()) {
        part.blank_before = 0;
        cell = std::move(part);
      } else {
        append_line(cell, part);
      }
      row.any = true;
    };
    // Header cells written over two lines with "STT" on the lower one
    // ("Cơ quan / chủ trì"): the line right above joins the header when each
    // of its pieces stands inside one column.
    if (head.blank_before == 0 && !out.empty() && !out.back().from_table) {
      const TextLine& above = out.back();
      const std::vector<Piece> ap = pieces_of(above);
      bool fits = !ap.empty();
      for (const auto& p : ap) {
        const size_t c = column_of(p.col);
        fits = fits && c > 0 && (c + 1 >= cols.size() || p.col_end <= cols[c + 1] + 1);
      }
      if (fits) {
        for (const auto& p : ap) add(rows[0], above, p);
        out.pop_back();
      }
    }
    for (const auto& p : hp) add(rows[0], head, p);
    size_t k = i + 1;
    for (; k < lines.size(); ++k) {
      const TextLine& l = lines[k];
      if (l.from_table || l.blank_before > 1) break;
      const std::vector<Piece> lp = pieces_of(l);
      if (lp.empty()) break;
      const bool numbered = lp.front().col < cols[1] && is_row_number(l.text.substr(lp.front().begin, lp.front().end - lp.front().begin));
      // Prose under the table: text in the first column that is no row
      // number, or a piece running across a column's start.
      // After a blank line only a new row continues the table.
      bool prose = !numbered && (lp.front().col < cols[1] - 1 || l.blank_before > 0);
      for (const auto& p : lp) {
        const size_t c = column_of(p.col);
        if (c + 1 < cols.size() && p.col_end > cols[c + 1] + 1) prose = true;
      }
      if (prose) break;
      if (numbered) {
        rows.emplace_back();
        rows.back().cells.resize(cols.size());
      }
      for (const auto& p : lp) add(rows.back(), l, p);
    }
    if (rows.size() < 2) {  // a header without rows is no table
      out.push_back(std::move(lines[i++]));
      continue;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      bool first = true;
      for (size_t c = 0; c < rows[r].cells.size(); ++c) {
        TextLine& cell = rows[r].cells[c];
        if (cell.text.empty()) continue;
        cell.from_table = true;
        cell.table_row = next_row;
        cell.table_cell = static_cast<int>(c);
        cell.indent = 0;
        cell.blank_before = first && r == 0 ? head.blank_before : 0;
        first = false;
        out.push_back(std::move(cell));
      }
      ++next_row;
    }
    i = k;
  }
  return out;
}

}  // namespace

std::vector<TextLine> clean_letter_text(std::string_view original, const CleanupOptions& options) {
  const std::u32string all = to_u32(original);
  std::vector<TextLine> lines;
  int page = 1;
  int blanks = 0;
  int expected_page_number = 2;
  int table_rows = 0;
  CpLine raw;

  auto emit = [&](CpLine cps, int indent, bool table, bool bold, int row = -1, int cell = -1) {
    trim(cps);
    if (cps.empty()) {
      ++blanks;
      return;
    }
    if (is_ocr_noise_line(chars(cps))) return;  // neither text nor a paragraph break
    TextLine line = make_line(cps, page);
    if (options.is_stamp_line && options.is_stamp_line(line.text)) return;
    line.blank_before = blanks;
    line.indent = indent;
    line.from_table = table;
    line.bold = bold;
    line.table_row = row;
    line.table_cell = cell;
    blanks = 0;
    lines.push_back(std::move(line));
  };

  auto finish_line = [&]() {
    CpLine line;
    for (const Cp& cp : raw) {
      char32_t c = cp.c;
      if (c == '\r' || c == 0x200B || c == 0xFEFF || c == 0x00AD) continue;
      if (is_space(c) || c == '\v') c = ' ';
      if (c == 0x01A3) c = 0x01B0;  // ƣ → ư (legacy font glyph)
      if (c == 0x01A2) c = 0x01AF;  // Ƣ → Ư
      line.push_back({c, cp.at});
    }
    raw.clear();
    int indent = 0;
    while (static_cast<size_t>(indent) < line.size() && line[static_cast<size_t>(indent)].c == ' ') ++indent;
    trim(line);
    const bool bold = strip_bold(line);
    trim(line);
    strip_heading(line);
    if (!line.empty() && line.front().c == '|') {
      // A markdown table row: one line per cell, separator rows dropped.
      std::vector<CpLine> cells(1);
      for (size_t i = 1; i < line.size(); ++i) {
        if (line[i].c == '|') {
          cells.emplace_back();
        } else {
          cells.back().push_back(line[i]);
        }
      }
      // A separator row ("|---|:--|"), or one OCR misread ("|—l--|~-|").
      bool separator = true;
      for (const auto& cell : cells) {
        bool rule = true;
        for (const Cp& cp : cell) {
          if (!(cp.c == ' ' || cp.c == ':' || is_dash(cp.c))) rule = false;
        }
        if (!rule && !is_ocr_noise_line(chars(cell))) separator = false;
      }
      if (separator) return;
      if (!cells.empty() && cells.back().empty()) cells.pop_back();
      const int row = table_rows++;
      for (size_t k = 0; k < cells.size(); ++k) {
        auto& cell = cells[k];
        blank_rules(cell);
        trim(cell);
        if (cell.empty()) continue;
        for (auto& part : split_cell(cell)) emit(part, indent, true, bold, row, static_cast<int>(k));
      }
      return;
    }
    blank_rules(line);
    trim(line);
    if (auto n = lone_page_number(chars(line))) {
      if (*n == expected_page_number || (page > 1 && *n == page)) {
        expected_page_number = *n + 1;
        return;  // a page number: neither text nor a paragraph break
      }
    }
    emit(line, indent, false, bold);
  };

  for (size_t i = 0; i < all.size(); ++i) {
    const char32_t c = all[i];
    if (c == '\n' || c == '\f' || c == 0x2028 || c == 0x2029) {
      finish_line();
      if (c == '\f') ++page;
      continue;
    }
    raw.push_back({c, static_cast<int64_t>(i)});
  }
  finish_line();
  if (options.is_table_header) return split_layout_tables(std::move(lines), options, table_rows);
  return lines;
}

void append_line(TextLine& line, const TextLine& next) {
  if (next.text.empty()) return;
  if (line.text.empty()) {
    const int blank = line.blank_before;
    line = next;
    line.blank_before = blank;
    return;
  }
  const int64_t end = line.origin.back();
  line.origin.pop_back();
  bool glue = false;
  const std::u32string tail = to_u32(line.text.size() > 8 ? line.text.substr(line.text.size() - 8) : line.text);
  if (tail.size() >= 2 && (tail.back() == '-' || tail.back() == '/') && tail[tail.size() - 2] != ' ' &&
      (u_isupper(static_cast<UChar32>(tail[tail.size() - 2])) || u_isdigit(static_cast<UChar32>(tail[tail.size() - 2])))) {
    glue = true;  // "1085/QĐ-" + "TTg"
  }
  if (!glue) {
    line.text.push_back(' ');
    line.origin.push_back(end);
  }
  line.text += next.text;
  line.origin.insert(line.origin.end(), next.origin.begin(), next.origin.end());
}

void collapse_spaces(TextLine& line) {
  const std::u32string s = to_u32(line.text);
  std::u32string out;
  std::vector<int64_t> origin;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(s[i]);
    origin.push_back(i < line.origin.size() ? line.origin[i] : line.end());
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
    origin.pop_back();
  }
  origin.push_back(line.end());
  line.text = to_utf8(out);
  line.origin = std::move(origin);
}

TextLine slice_line(const TextLine& line, size_t begin, size_t end) {
  TextLine out;
  out.page = line.page;
  out.blank_before = line.blank_before;
  out.indent = line.indent;
  out.from_table = line.from_table;
  out.bold = line.bold;
  if (end > line.text.size()) end = line.text.size();
  if (begin > end) begin = end;
  while (begin < end && line.text[begin] == ' ') ++begin;
  while (end > begin && line.text[end - 1] == ' ') --end;
  size_t cp_begin = 0;
  for (size_t i = 0; i < begin; ++i) cp_begin += (static_cast<unsigned char>(line.text[i]) & 0xC0) != 0x80;
  size_t cp_count = 0;
  for (size_t i = begin; i < end; ++i) cp_count += (static_cast<unsigned char>(line.text[i]) & 0xC0) != 0x80;
  out.text = line.text.substr(begin, end - begin);
  for (size_t k = 0; k < cp_count && cp_begin + k < line.origin.size(); ++k) out.origin.push_back(line.origin[cp_begin + k]);
  const size_t last = cp_begin + cp_count;
  out.origin.push_back(cp_count == 0 ? line.origin_at_byte(begin)
                                     : (last < line.origin.size() ? line.origin[last - 1] + 1 : line.end()));
  return out;
}

}  // namespace congvan
