// Small helpers shared by the phrase extractors: iterating RE2 matches over
// a text, claimed spans, trimming and number parsing.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace congvan::match {

using Groups = std::vector<re2::StringPiece>;

// Calls fn(groups) for every non-overlapping match of `re` in `text`.
template <typename F>
void for_each(const re2::RE2& re, std::string_view text, F&& fn) {
  const int n = re.NumberOfCapturingGroups() + 1;
  Groups g(static_cast<size_t>(n));
  const re2::StringPiece whole(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(whole, pos, text.size(), re2::RE2::UNANCHORED, g.data(), n)) break;
    fn(g);
    size_t end = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
    if (end > pos) {
      pos = end;
    } else {
      ++pos;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
}

// Offsets of a group inside `text`; {npos, npos} when it did not take part.
struct Range {
  size_t begin = std::string_view::npos;
  size_t end = std::string_view::npos;
  bool empty() const { return begin == std::string_view::npos; }
};

inline Range range_of(const Groups& g, int index, std::string_view text) {
  if (index < 0 || static_cast<size_t>(index) >= g.size() || g[index].data() == nullptr) return {};
  size_t b = static_cast<size_t>(g[index].data() - text.data());
  return {b, b + g[index].size()};
}

inline std::string_view group(const Groups& g, int index) {
  if (index < 0 || static_cast<size_t>(index) >= g.size() || g[index].data() == nullptr) return {};
  return std::string_view(g[index].data(), g[index].size());
}

// Spans already used by an earlier rule.
class Claims {
 public:
  bool overlaps(Range r) const {
    for (const auto& c : spans_) {
      if (r.begin < c.end && c.begin < r.end) return true;
    }
    return false;
  }
  void add(Range r) { spans_.push_back(r); }

 private:
  std::vector<Range> spans_;
};

inline bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Trims ASCII whitespace, NBSP and the punctuation in `extra` at both ends.
inline std::string_view trim(std::string_view s, std::string_view extra = "") {
  auto strip_front = [&](std::string_view& t) {
    if (t.empty()) return false;
    if (is_space_byte(t.front()) || extra.find(t.front()) != std::string_view::npos) {
      t.remove_prefix(1);
      return true;
    }
    if (t.size() >= 2 && t[0] == '\xC2' && t[1] == '\xA0') {
      t.remove_prefix(2);
      return true;
    }
    return false;
  };
  auto strip_back = [&](std::string_view& t) {
    if (t.empty()) return false;
    if (is_space_byte(t.back()) || extra.find(t.back()) != std::string_view::npos) {
      t.remove_suffix(1);
      return true;
    }
    if (t.size() >= 2 && t[t.size() - 2] == '\xC2' && t.back() == '\xA0') {
      t.remove_suffix(2);
      return true;
    }
    return false;
  };
  while (strip_front(s)) {
  }
  while (strip_back(s)) {
  }
  return s;
}

// Collapses runs of whitespace (and NBSP) to one space.
inline std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool ws = is_space_byte(s[i]);
    if (!ws && s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ws = true;
      ++i;
    }
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

// The integers in `s`, in order ("15 tháng 12 năm 2023" → 15, 12, 2023).
inline std::vector<int> integers(std::string_view s) {
  std::vector<int> out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] >= '0' && s[i] <= '9') {
      long v = 0;
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 9) v = v * 10 + (s[j++] - '0');
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      out.push_back(static_cast<int>(v));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// A number in Vietnamese format: "." groups thousands, "," marks decimals
// ("1.200" → 1200, "2,5" → 2.5). A lone "." not followed by exactly three
// digits is read as a decimal point ("1.5" → 1.5).
inline std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string digits;
  const bool has_comma = s.find(',') != std::string_view::npos;
  bool thousands_dots = !has_comma;
  if (!has_comma) {
    // Every "." group must have exactly three digits to be thousands.
    size_t prev = s.find('.');
    while (prev != std::string_view::npos) {
      size_t next = s.find('.', prev + 1);
      size_t len = (next == std::string_view::npos ? s.size() : next) - prev - 1;
      if (len != 3) thousands_dots = false;
      prev = next;
    }
  }
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == ',') {
      digits.push_back('.');
    } else if (c == '.') {
      if (has_comma || thousands_dots) continue;
      digits.push_back('.');
    } else {
      return std::nullopt;
    }
  }
  try {
    return std::stod(digits);
  } catch (...) {
    return std::nullopt;
  }
}

// Roman numeral I-IV or a digit 1-4 → quarter number, 0 when neither.
// False when a document number carries a year ("01/2011/TT-BNV") that an
// ISO date ("2025-10-02") does not share: a date written after another
// document of a list is not this one's. The serial number before the first
// '/' is no year ("2003/UBDT-VPCTMTQG").
inline bool date_fits_number(std::string_view iso_date, std::string_view number) {
  std::string_view year;
  for (size_t i = 1; i + 4 <= number.size(); ++i) {
    if (number[i - 1] != '/') continue;
    size_t k = i;
    while (k < number.size() && number[k] >= '0' && number[k] <= '9') ++k;
    if (k - i == 4 && (number.substr(i, 2) == "19" || number.substr(i, 2) == "20")) year = number.substr(i, 4);
  }
  return year.empty() || iso_date.substr(0, 4) == year;
}

inline int quarter_number(std::string_view s) {
  std::string u;
  for (char c : s) {
    if (c == 'i' || c == 'I') u.push_back('I');
    else if (c == 'v' || c == 'V') u.push_back('V');
    else if (c >= '1' && c <= '4' && u.empty()) return c - '0';
    else break;
  }
  if (u == "I") return 1;
  if (u == "II") return 2;
  if (u == "III") return 3;
  if (u == "IV") return 4;
  return 0;
}

}  // namespace congvan::match
