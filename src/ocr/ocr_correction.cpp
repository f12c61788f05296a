// Word-level correction of Vietnamese OCR: number/date digit repair, look-alike
// letters, and lexicon-guided tone marks.
#include "ocr/ocr_correction.h"

#include <array>

#include "util/utf8.h"
#include "ocr/vi_lexicon.h"

namespace congvan::ocr {
namespace {

// Letters Tesseract reads in place of digits inside numbers.
char32_t digit_for(char32_t c) {
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

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Repairs letters inside the digit groups of a number/date: a group between
// separators (/ . - ,) that has a digit and whose letters all map to digits,
// with at least as many digits as letters.
bool fix_number_groups(std::u32string& w) {
  bool changed = false;
  size_t i = 0;
  while (i < w.size()) {
    size_t j = i;
    while (j < w.size() && w[j] != '/' && w[j] != '.' && w[j] != '-' && w[j] != ',' && w[j] != ':') ++j;
    int digits = 0, mappable = 0, other = 0;
    for (size_t k = i; k < j; ++k) {
      if (is_digit(w[k])) ++digits;
      else if (digit_for(w[k])) ++mappable;
      else ++other;
    }
    // A trailing ')' or '%' belongs to the group ("30%", "1)") but is not a letter.
    if (digits > 0 && mappable > 0 && digits >= mappable) {
      int trailing = 0;
      for (size_t k = i; k < j; ++k) trailing += (w[k] == '%' || w[k] == ')' || w[k] == ';');
      if (other == trailing) {
        for (size_t k = i; k < j; ++k) {
          if (!is_digit(w[k]) && digit_for(w[k])) {
            w[k] = digit_for(w[k]);
            changed = true;
          }
        }
      }
    }
    i = j + 1;
  }
  return changed;
}

// The five tones of a Vietnamese vowel as precomposed letters, toneless first:
// rows of {none, grave, acute, hook, tilde, dot}.
constexpr std::array<std::array<char32_t, 6>, 12> kToneRows = {{
    {U'a', U'à', U'á', U'ả', U'ã', U'ạ'},
    {U'ă', U'ằ', U'ắ', U'ẳ', U'ẵ', U'ặ'},
    {U'â', U'ầ', U'ấ', U'ẩ', U'ẫ', U'ậ'},
    {U'e', U'è', U'é', U'ẻ', U'ẽ', U'ẹ'},
    {U'ê', U'ề', U'ế', U'ể', U'ễ', U'ệ'},
    {U'i', U'ì', U'í', U'ỉ', U'ĩ', U'ị'},
    {U'o', U'ò', U'ó', U'ỏ', U'õ', U'ọ'},
    {U'ô', U'ồ', U'ố', U'ổ', U'ỗ', U'ộ'},
    {U'ơ', U'ờ', U'ớ', U'ở', U'ỡ', U'ợ'},
    {U'u', U'ù', U'ú', U'ủ', U'ũ', U'ụ'},
    {U'ư', U'ừ', U'ứ', U'ử', U'ữ', U'ự'},
    {U'y', U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'},
}};

// Finds the row and tone of a lower-case vowel; false for other letters.
bool find_tone(char32_t c, int* row, int* tone) {
  for (int r = 0; r < static_cast<int>(kToneRows.size()); ++r) {
    for (int t = 0; t < 6; ++t) {
      if (kToneRows[r][t] == c) {
        *row = r;
        *tone = t;
        return true;
      }
    }
  }
  return false;
}

char32_t to_upper_like(char32_t lower_c, char32_t original) {
  // Keep the case of the original letter: upper-case forms are the lower
  // ones minus 32 (Latin-1), minus 1 (Latin Extended/Vietnamese block).
  if (original == lower_c) return lower_c;
  if (lower_c < 0x80) return lower_c - 32;
  if (lower_c >= 0xE0 && lower_c <= 0xFE) return lower_c - 32;
  return lower_c - 1;
}

// When the word is not a syllable, tries every other tone on its vowels and
// keeps the only variant that is one (none or several: unchanged).
bool fix_tone(std::u32string& w, const ViLexicon& lexicon) {
  std::string utf8 = to_utf8(w);
  if (lexicon.contains(utf8)) return false;
  std::u32string lower = to_u32(lower_vietnamese(utf8));
  if (lower.size() != w.size()) return false;
  std::u32string found;
  int hits = 0;
  for (size_t k = 0; k < lower.size(); ++k) {
    int row = 0, tone = 0;
    if (!find_tone(lower[k], &row, &tone)) continue;
    for (int t = 0; t < 6; ++t) {
      if (t == tone) continue;
      std::u32string candidate = lower;
      candidate[k] = kToneRows[row][t];
      if (lexicon.contains(to_utf8(candidate))) {
        ++hits;
        found = candidate;
        found[k] = to_upper_like(kToneRows[row][t], w[k] == lower[k] ? kToneRows[row][t] : 0);
        for (size_t m = 0; m < w.size(); ++m) {
          if (m != k) found[m] = w[m];
        }
      }
    }
  }
  if (hits != 1) return false;
  w = found;
  return true;
}

}  // namespace

bool has_digit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

WordFix correct_ocr_word(std::string_view word, const ViLexicon* lexicon) {
  WordFix fix;
  std::u32string w = to_u32(word);
  // Icelandic eth is never Vietnamese: it is Đ/đ; "QĐÐ" (Đ read twice) is "QĐ".
  std::u32string cleaned;
  for (char32_t c : w) {
    if (c == 0xD0) c = 0x110;
    if (c == 0xF0) c = 0x111;
    if (c == 0x110 && !cleaned.empty() && cleaned.back() == 0x110) continue;
    cleaned.push_back(c);
  }
  if (cleaned != w) {
    w = cleaned;
    fix.changed = true;
  }
  bool digit = false;
  for (char32_t c : w) digit |= is_digit(c);
  if (digit && fix_number_groups(w)) {
    fix.changed = true;
    fix.number_fix = true;
  }
  // List labels: "ø)" is "g)".
  if (w.size() == 2 && w[0] == 0xF8 && w[1] == ')') {
    w[0] = 'g';
    fix.changed = true;
  }
  if (!digit && lexicon && !lexicon->empty()) {
    // Only the letters: strip leading/trailing punctuation around the syllable.
    size_t a = 0, b = w.size();
    auto punct = [](char32_t c) {
      return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
             c == '!' || c == '?' || c == U'“' || c == U'”';
    };
    while (a < b && punct(w[a])) ++a;
    while (b > a && punct(w[b - 1])) --b;
    if (b - a >= 2) {
      std::u32string core = w.substr(a, b - a);
      if (fix_tone(core, *lexicon)) {
        w = w.substr(0, a) + core + w.substr(b);
        fix.changed = true;
      }
    }
  }
  fix.text = fix.changed ? to_utf8(w) : std::string(word);
  return fix;
}

}  // namespace congvan::ocr
