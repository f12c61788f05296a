// Correction of Vietnamese OCR words: digits misread as letters in numbers
// and dates ("3O/4/2O24"), legacy look-alike letters (Ð→Đ), and tone marks
// that make a non-syllable where one tone gives a syllable of the lexicon.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan::ocr {

class DocTypeAbbreviations;
class ViLexicon;

struct WordFix {
  std::string text;        // the corrected word (== input when nothing changed)
  bool changed = false;
  bool number_fix = false;  // a digit/letter confusion in a number or date was repaired
};

// One alternative Tesseract proposed for a symbol, confidence 0..100.
struct SymbolChoice {
  std::string text;
  float confidence = 0;
};

// One recognised symbol (a letter with its marks, NFC) and the LSTM's
// alternatives for it, best first (the first is usually the symbol itself).
struct SymbolReading {
  std::string text;
  float confidence = 0;  // 0..100, as Tesseract gives it
  std::vector<SymbolChoice> choices;
};

// Corrects one OCR word. `lexicon` may be null (grammar fixes only);
// `doc_types` (may be null) lets a document number's type abbreviation get
// back the bar of its Đ ("ND-CP" → "NĐ-CP").
// `symbols` (may be null) are the word's symbols with Tesseract's
// alternatives: a tone or vowel mark is changed to an alternative Tesseract
// proposed when that gives a syllable of the lexicon (see the .cpp).
WordFix correct_ocr_word(std::string_view word, const ViLexicon* lexicon,
                         const std::vector<SymbolReading>* symbols = nullptr,
                         const DocTypeAbbreviations* doc_types = nullptr);

// True when correct_ocr_word may use the symbols' alternatives for `word`:
// a word of letters, not an ASCII acronym, that is not a syllable of the lexicon.
bool wants_alternatives(std::string_view word, const ViLexicon* lexicon);

// True when `word` ends in five digits that could be a year read with one
// digit too many ("20113.", "30/5/20113"): its symbols are worth keeping.
bool maybe_long_year(std::string_view word);

// A year read with one digit too many: "20113." after "năm" (`after_nam`),
// or the last group of a date ("30/5/20113"). The digit Tesseract was least
// sure of is dropped when that leaves a year 1945-2099 ("2013."). nullopt
// when the word is not such a year or `symbols` do not spell it.
std::optional<std::string> drop_extra_year_digit(std::string_view word, const std::vector<SymbolReading>& symbols,
                                                 bool after_nam);

// True when the word holds a digit (a number, date, or document number).
bool has_digit(std::string_view word);

}  // namespace congvan::ocr
