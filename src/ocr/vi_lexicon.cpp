// Loading and querying the Vietnamese syllable lexicon; Vietnamese
// lower-casing without ICU (the letters are a small closed set).
#include "ocr/vi_lexicon.h"

#include "util/data_lines.h"
#include "util/utf8.h"

namespace congvan::ocr {
namespace {

char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168 || cp == 0x1A0) return cp + 1;
  if (cp == 0x1AF) return 0x1B0;
  if (cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0) return cp + 1;
  return cp;
}

bool is_letter(char32_t cp) {
  cp = lower(cp);
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         cp == 0x103 || cp == 0x111 || cp == 0x129 || cp == 0x169 || cp == 0x1A1 ||
         cp == 0x1B0 || (cp >= 0x1EA0 && cp <= 0x1EF9);
}

}  // namespace

std::string lower_vietnamese(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) append_utf8(out, lower(next_code_point(utf8, i)));
  return out;
}

Result<ViLexicon> ViLexicon::load(const std::string& path) {
  auto lines = read_data_lines(path, "the syllable lexicon");
  if (!lines) return lines.status();
  ViLexicon lex;
  for (const DataLine& line : *lines) {
    if (line.text.find(' ') != std::string::npos || line.text.find('\t') != std::string::npos) {
      return Status::error(line.where + ": a syllable must not contain spaces");
    }
    lex.syllables_.insert(lower_vietnamese(line.text));
  }
  if (lex.syllables_.empty()) return Status::error(path + ": the syllable lexicon is empty");
  return lex;
}

bool ViLexicon::contains(std::string_view word) const {
  return syllables_.count(lower_vietnamese(word)) > 0;
}

double ViLexicon::syllable_share(std::string_view text, int* tokens) const {
  int total = 0, known = 0;
  size_t i = 0;
  while (i < text.size()) {
    // Collect one token of letters.
    std::string token;
    bool non_ascii = false, has_lower = false, has_other = false;
    size_t start = i;
    while (i < text.size()) {
      size_t before = i;
      char32_t cp = next_code_point(text, i);
      bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f';
      if (space) break;
      if (is_letter(cp)) {
        if (cp >= 0x80) non_ascii = true;
        if (lower(cp) == cp) has_lower = true;
      } else if (!(cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == ')' || cp == '(' ||
                   cp == '"' || cp == '!' || cp == '?')) {
        has_other = true;
      }
      if (is_letter(cp) || has_other) token.append(text.substr(before, i - before));
    }
    if (i == start) ++i;  // a separator
    if (token.empty() || has_other) {
      if (has_other && non_ascii) ++total;  // letters glued to symbols: legacy-font garbage
      continue;
    }
    size_t cps = 0;
    for (size_t k = 0; k < token.size(); ++k) cps += (static_cast<unsigned char>(token[k]) & 0xC0) != 0x80;
    if (cps < 2 || (!non_ascii && !has_lower)) continue;  // single letters, acronyms
    ++total;
    if (contains(token)) ++known;
  }
  if (tokens) *tokens = total;
  return total == 0 ? 1.0 : static_cast<double>(known) / total;
}

}  // namespace congvan::ocr
