// Document numbers in OCR words repaired by their grammar (number / year /
// type-issuer), and the list of type abbreviations it knows.
#include "ocr/doc_number.h"

#include <vector>

#include "util/data_lines.h"
#include "util/utf8.h"

namespace congvan::ocr {
namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters of abbreviations: ASCII, Đ/đ (and the Ð/ð look-alikes), and the
// lower-case letters of mixed abbreviations (TTg, CTr, QyĐ).
bool is_abbreviation_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == 0x110 || c == 0x111 || c == 0xD0 ||
         c == 0xF0;
}

// Splits at `sep`, keeping empty parts.
std::vector<std::u32string> split(const std::u32string& s, char32_t sep) {
  std::vector<std::u32string> parts(1);
  for (char32_t c : s) {
    if (c == sep) parts.emplace_back();
    else parts.back().push_back(c);
  }
  return parts;
}

// A number group: 1-5 digits, some of them maybe letters read for digits.
// Repairs it in place; `real_digits` counts the digits as read.
bool repair_number(std::u32string& group, size_t max_size, int* real_digits, bool* fixed) {
  if (group.empty() || group.size() > max_size) return false;
  std::u32string out;
  for (char32_t c : group) {
    if (is_digit(c)) {
      ++*real_digits;
      out.push_back(c);
    } else if (char32_t d = digit_for_letter(c)) {
      out.push_back(d);
    } else {
      return false;
    }
  }
  if (out != group) *fixed = true;
  group = out;
  return true;
}

// One abbreviation group of a symbol ("UBND", "TTg", "QH13"): letters, then
// maybe digits. Ð becomes Đ.
bool repair_abbreviation(std::u32string& group) {
  if (group.empty() || !is_abbreviation_letter(group[0])) return false;
  bool digits = false;
  for (char32_t& c : group) {
    if (c == 0xD0) c = 0x110;
    if (c == 0xF0) c = 0x111;
    if (is_digit(c)) digits = true;
    else if (!is_abbreviation_letter(c) || digits) return false;
  }
  return true;
}

// A type abbreviation whose Đ lost its bar ("ND", "QD", "QyD"): the one
// variant with a D turned into Đ that is on the list.
void restore_type_bar(std::u32string& group, const DocTypeAbbreviations* types) {
  if (!types || types->contains(to_utf8(group))) return;
  std::u32string found;
  int hits = 0;
  for (size_t i = 0; i < group.size(); ++i) {
    if (group[i] != 'D') continue;
    std::u32string candidate = group;
    candidate[i] = 0x110;
    if (types->contains(to_utf8(candidate))) {
      found = candidate;
      ++hits;
    }
  }
  if (hits == 1) group = found;
}

bool opening_punct(char32_t c) { return c == '(' || c == '"' || c == U'“' || c == '['; }
bool closing_punct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '"' || c == U'”' || c == ']';
}

}  // namespace

char32_t digit_for_letter(char32_t c) {
  switch (c) {
    case 'O': case 'o': case 'D': case 'Q': case U'Ô': case U'ô': case U'Ơ': case U'ơ': return '0';
    case 'I': case 'l': case '|': case 'i': return '1';
    case 'Z': case 'z': return '2';
    case 'S': case 's': return '5';
    case 'B': return '8';
    case 'g': case 'q': return '9';
    default: return 0;
  }
}

Result<DocTypeAbbreviations> DocTypeAbbreviations::load(const std::string& path) {
  auto lines = read_data_lines(path, "the list of document type abbreviations");
  if (!lines) return lines.status();
  DocTypeAbbreviations list;
  for (const DataLine& line : *lines) {
    const std::string abbreviation = line.text.substr(0, line.text.find('\t'));
    std::u32string check = to_u32(abbreviation);
    if (!repair_abbreviation(check) || to_utf8(check) != abbreviation) {
      return Status::error(line.where + ": an abbreviation is letters (A-Z, Đ, lower-case inside) before a tab");
    }
    list.abbreviations_.insert(abbreviation);
  }
  return list;
}

bool DocTypeAbbreviations::contains(std::string_view abbreviation) const {
  return abbreviations_.count(std::string(abbreviation)) > 0;
}

std::optional<DocNumberFix> repair_document_number(std::string_view word, const DocTypeAbbreviations* types) {
  std::u32string w = to_u32(word);
  // What stands before the number ("Số:", "(") and after it (",", ")", ".").
  size_t a = 0;
  if (size_t colon = w.rfind(':'); colon != std::u32string::npos && colon + 1 < w.size()) a = colon + 1;
  while (a < w.size() && opening_punct(w[a])) ++a;
  size_t b = w.size();
  while (b > a && closing_punct(w[b - 1])) --b;
  if (b <= a) return std::nullopt;
  std::u32string core = w.substr(a, b - a);
  std::vector<std::u32string> slash = split(core, '/');
  if (slash.size() < 2 || slash.size() > 3) return std::nullopt;

  int real_digits = 0;
  bool fixed = false;
  std::u32string out;
  std::vector<std::u32string> symbol;
  size_t type_group = 0;  // index in `symbol` of the type abbreviation
  if (slash.size() == 2 && slash[0].find('-') != std::u32string::npos) {
    // Party form: number-type/body ("11-CT/TU").
    std::vector<std::u32string> head = split(slash[0], '-');
    if (head.size() != 2 || !repair_number(head[0], 5, &real_digits, &fixed)) return std::nullopt;
    out = head[0] + U"-";
    symbol = {head[1]};
    for (auto& g : split(slash[1], '-')) symbol.push_back(g);
    // Symbol groups joined: the type, then "/" before the body.
    for (auto& g : symbol) {
      if (!repair_abbreviation(g)) return std::nullopt;
    }
    restore_type_bar(symbol[0], types);
    out += symbol[0] + U"/";
    for (size_t i = 1; i < symbol.size(); ++i) out += (i > 1 ? U"-" : U"") + symbol[i];
    if (real_digits == 0 && !(types && types->contains(to_utf8(symbol[0])))) return std::nullopt;
  } else {
    std::u32string number = slash[0];
    if (!repair_number(number, 5, &real_digits, &fixed)) return std::nullopt;
    out = number + U"/";
    if (slash.size() == 3) {
      std::u32string year = slash[1];
      if (year.size() != 4 || !repair_number(year, 4, &real_digits, &fixed)) return std::nullopt;
      if (year < U"1945" || year > U"2099") return std::nullopt;
      out += year + U"/";
    }
    symbol = split(slash.back(), '-');
    for (auto& g : symbol) {
      if (!repair_abbreviation(g)) return std::nullopt;
    }
    restore_type_bar(symbol[type_group], types);
    for (size_t i = 0; i < symbol.size(); ++i) out += (i ? U"-" : U"") + symbol[i];
    // Without a digit as read, the symbol must look like one: a known type
    // first, or two or more groups in capitals ("UBND-VX").
    bool capitals = symbol.size() >= 2;
    for (const auto& g : symbol) capitals = capitals && g[0] >= 'A' && g[0] <= 'Z';
    if (real_digits == 0 && !capitals && !(types && types->contains(to_utf8(symbol[0])))) return std::nullopt;
  }
  DocNumberFix fix;
  fix.text = to_utf8(w.substr(0, a) + out + w.substr(b));
  fix.digits_fixed = fixed;
  return fix;
}

}  // namespace congvan::ocr
