// Correction of Vietnamese OCR words: digits misread as letters in numbers
// and dates ("3O/4/2O24"), legacy look-alike letters (Ð→Đ), and tone marks
// that make a non-syllable where one tone gives a syllable of the lexicon.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace congvan::ocr {

class ViLexicon;

struct WordFix {
  std::string text;        // the corrected word (== input when nothing changed)
  bool changed = false;
  bool number_fix = false;  // a digit/letter confusion in a number or date was repaired
};

// Corrects one OCR word. `lexicon` may be null (grammar fixes only).
WordFix correct_ocr_word(std::string_view word, const ViLexicon* lexicon);

// True when the word holds a digit (a number, date, or document number).
bool has_digit(std::string_view word);

}  // namespace congvan::ocr
