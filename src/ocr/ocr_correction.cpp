// Word-level correction of Vietnamese OCR: number/date digit repair, look-alike
// letters, and lexicon-guided tone marks.
#include "ocr/ocr_correction.h"

#include <array>

#include "util/utf8.h"
#include "ocr/doc_number.h"
#include "ocr/vi_lexicon.h"

namespace congvan::ocr {
namespace {

// Letters Tesseract reads in place of digits inside numbers.
char32_t digit_for(char32_t c) { return digit_for_letter(c); }

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

// Punctuation around a syllable.
bool is_word_punct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '!' ||
         c == '?' || c == U'“' || c == U'”';
}

// A letter of Vietnamese text (ASCII, Latin-1, Latin Extended, U+1EA0..).
bool is_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x1B0 && c != 0xD7 && c != 0xF7) ||
         (c >= 0x1EA0 && c <= 0x1EF9);
}

bool is_lower_letter(char32_t c) {
  std::string one;
  append_utf8(one, c);
  return is_letter(c) && lower_vietnamese(one) == one;
}

// A word with a lower-case or a Vietnamese letter in w[a, b): not an ASCII
// acronym ("UBND", "TTHC"), which no alternative makes a syllable of.
bool wordlike(const std::u32string& w, size_t a, size_t b) {
  for (size_t k = a; k < b; ++k) {
    if (is_lower_letter(w[k]) || (w[k] >= 0x80 && is_letter(w[k]))) return true;
  }
  return false;
}

// Smallest confidence (0..100) of an alternative worth taking: Tesseract
// lists symbols it gave no weight as alternatives too.
constexpr float kMinAlternative = 1.0f;

// A word that is not a syllable: the syllable made by one of the
// alternatives Tesseract proposed for one of its symbols, the most confident
// one. `w[a, b)` is the word without its punctuation; `symbols` spell `w`.
// ASCII acronyms (no lower-case or Vietnamese letter) are left alone.
bool pick_alternative(std::u32string& w, size_t a, size_t b, const std::vector<SymbolReading>& symbols,
                      const ViLexicon& lexicon) {
  if (!wordlike(w, a, b)) return false;
  std::vector<std::u32string> spelled;
  std::u32string joined;
  for (const SymbolReading& s : symbols) {
    spelled.push_back(to_u32(s.text));
    joined += spelled.back();
  }
  if (joined != w) return false;
  std::u32string best;
  float best_confidence = kMinAlternative;
  size_t at = 0;
  for (size_t i = 0; i < symbols.size(); at += spelled[i].size(), ++i) {
    if (spelled[i].size() != 1 || at < a || at >= b) continue;
    const char32_t was = spelled[i][0];
    for (const SymbolChoice& choice : symbols[i].choices) {
      std::u32string alt = to_u32(choice.text);
      if (alt.size() != 1 || alt[0] == was || !is_letter(alt[0]) || choice.confidence < best_confidence) continue;
      if (is_letter(was) && is_lower_letter(was) != is_lower_letter(alt[0])) continue;
      std::u32string candidate = w;
      candidate[at] = alt[0];
      if (!lexicon.contains(to_utf8(candidate.substr(a, b - a)))) continue;
      best = candidate;
      best_confidence = choice.confidence;
    }
  }
  if (best.empty()) return false;
  w = best;
  return true;
}

}  // namespace

bool wants_alternatives(std::string_view word, const ViLexicon* lexicon) {
  if (!lexicon || lexicon->empty() || has_digit(word)) return false;
  std::u32string w = to_u32(word);
  size_t a = 0, b = w.size();
  while (a < b && is_word_punct(w[a])) ++a;
  while (b > a && is_word_punct(w[b - 1])) --b;
  return b - a >= 2 && wordlike(w, a, b) && !lexicon->contains(to_utf8(w.substr(a, b - a)));
}

namespace {

// The five digits at the end of `w` (before punctuation), and where they
// start; false when there are not exactly five there.
bool five_digit_tail(const std::u32string& w, size_t* start, size_t* end) {
  size_t b = w.size();
  while (b > 0 && is_word_punct(w[b - 1])) --b;
  size_t a = b;
  while (a > 0 && is_digit(w[a - 1])) --a;
  if (b - a != 5 || (w[a] != '1' && w[a] != '2')) return false;
  *start = a;
  *end = b;
  return true;
}

}  // namespace

bool maybe_long_year(std::string_view word) {
  size_t a = 0, b = 0;
  return five_digit_tail(to_u32(word), &a, &b);
}

std::optional<std::string> drop_extra_year_digit(std::string_view word, const std::vector<SymbolReading>& symbols,
                                                 bool after_nam) {
  const std::u32string w = to_u32(word);
  size_t a = 0, b = 0;
  if (!five_digit_tail(w, &a, &b)) return std::nullopt;
  // Alone after "năm", or the last group of a date (digits and separators before it).
  bool date = a > 0 && (w[a - 1] == '/' || w[a - 1] == '-' || w[a - 1] == '.');
  for (size_t k = 0; date && k + 1 < a; ++k) date = is_digit(w[k]) || w[k] == '/' || w[k] == '-' || w[k] == '.';
  size_t lead = 0;
  while (lead < a && is_word_punct(w[lead])) ++lead;
  if (!(after_nam && lead == a) && !date) return std::nullopt;
  // The symbols must spell the word, one code point each.
  if (symbols.size() != w.size()) return std::nullopt;
  for (size_t k = 0; k < w.size(); ++k) {
    if (to_u32(symbols[k].text) != std::u32string(1, w[k])) return std::nullopt;
  }
  size_t drop = b;
  for (size_t k = a; k < b; ++k) {
    std::u32string year = w.substr(a, k - a) + w.substr(k + 1, b - k - 1);
    if (year < U"1945" || year > U"2099") continue;
    if (drop == b || symbols[k].confidence < symbols[drop].confidence) drop = k;
  }
  if (drop == b) return std::nullopt;
  return to_utf8(w.substr(0, drop) + w.substr(drop + 1));
}

bool has_digit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

WordFix correct_ocr_word(std::string_view word, const ViLexicon* lexicon,
                         const std::vector<SymbolReading>* symbols, const DocTypeAbbreviations* doc_types) {
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
  // A document number ("3O/2O2O/NĐ-CP") by its grammar; other numbers and
  // dates group by group.
  if (auto number = repair_document_number(to_utf8(w), doc_types)) {
    if (number->text != to_utf8(w)) {
      w = to_u32(number->text);
      fix.changed = true;
    }
    fix.number_fix = number->digits_fixed;
    digit = true;
  } else if (digit && fix_number_groups(w)) {
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
    while (a < b && is_word_punct(w[a])) ++a;
    while (b > a && is_word_punct(w[b - 1])) --b;
    if (b - a >= 2 && symbols && !lexicon->contains(to_utf8(w.substr(a, b - a))) &&
        pick_alternative(w, a, b, *symbols, *lexicon)) {
      fix.changed = true;
    } else if (b - a >= 2) {
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
