// ICU-backed word splitting, lower case and grapheme-aware wrapping.
#include "text/display.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace congvan {
namespace {

bool is_word_char(UChar32 c) {
  if (c < 0) return false;
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

// The grapheme clusters of `text` as UTF-8 strings.
std::vector<std::string> graphemes(std::string_view text) {
  std::vector<std::string> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status) || !it) {
    // No break data: fall back to code points.
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      std::string s;
      icu::UnicodeString(c).toUTF8String(s);
      out.push_back(std::move(s));
      i += U16_LENGTH(c);
    }
    return out;
  }
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string s;
    u.tempSubStringBetween(start, end).toUTF8String(s);
    out.push_back(std::move(s));
  }
  return out;
}

bool is_space(const std::string& g) {
  return g == " " || g == "\n" || g == "\t" || g == "\r" || g == "\f" || g == "\v" ||
         g == "\xC2\xA0";
}

}  // namespace

std::vector<WordSpan> split_words(std::string_view text) {
  std::vector<WordSpan> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_word = false;
  size_t start = 0;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const bool word = is_word_char(c);
    if (word && !in_word) start = static_cast<size_t>(at);
    if (!word && in_word) out.push_back({start, static_cast<size_t>(at)});
    in_word = word;
  }
  if (in_word) out.push_back({start, text.size()});
  return out;
}

std::string lower_keep_marks(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale("vi"));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  std::string out;
  u.toUTF8String(out);
  return out;
}

int grapheme_count(std::string_view text) { return static_cast<int>(graphemes(text).size()); }

std::string take_graphemes(std::string_view text, int width) {
  std::string out;
  int n = 0;
  for (const auto& g : graphemes(text)) {
    if (n++ >= width) break;
    out += g;
  }
  return out;
}

std::vector<std::string> wrap_graphemes(std::string_view text, int width) {
  if (width < 1) width = 1;
  // Words as lists of graphemes, split on white space.
  std::vector<std::vector<std::string>> words(1);
  for (auto& g : graphemes(text)) {
    if (is_space(g)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back().push_back(std::move(g));
    }
  }
  if (words.back().empty()) words.pop_back();
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  auto flush = [&] {
    lines.push_back(line);
    line.clear();
    used = 0;
  };
  for (const auto& w : words) {
    const int len = static_cast<int>(w.size());
    if (used > 0 && used + 1 + len <= width) {
      line += ' ';
      ++used;
    } else if (used > 0) {
      flush();
    }
    if (len <= width - used) {
      for (const auto& g : w) line += g;
      used += len;
      continue;
    }
    // Wider than a line: cut on grapheme boundaries.
    for (const auto& g : w) {
      if (used == width) flush();
      line += g;
      ++used;
    }
  }
  if (used > 0 || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace congvan
