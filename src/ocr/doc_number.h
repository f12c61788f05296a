// Grammar repair of document numbers in OCR words: "3O/2O2O/NÐ-CP" →
// "30/2020/NĐ-CP", "0l/2023/TT-BTC" → "01/2023/TT-BTC", "15/QD-BNV" →
// "15/QĐ-BNV". A document number is number / [year /] symbol, the symbol
// being abbreviations joined by '-' whose first, in documents with a type
// name, is the type (models/ocr/doc_types.txt); Party documents write
// number-type/body ("11-CT/TU"). See shared/spec/letter-format.md §2, §4.
// Pure functions and an immutable list: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "congvan/result.h"

namespace congvan::ocr {

// The type abbreviations of document symbols (NĐ, TT, QĐ, KH …).
class DocTypeAbbreviations {
 public:
  // Loads "ABBR<TAB>type name" lines ('#' starts a comment). Errors name the
  // file and line.
  static Result<DocTypeAbbreviations> load(const std::string& path);
  DocTypeAbbreviations() = default;

  // True when `abbreviation` (exact case, NFC) is on the list.
  bool contains(std::string_view abbreviation) const;
  size_t size() const { return abbreviations_.size(); }

 private:
  std::unordered_set<std::string> abbreviations_;
};

// The digit an OCR engine reads as this letter inside a number ('O' → '0',
// 'l' → '1' …), or 0 when the letter is not one of them.
char32_t digit_for_letter(char32_t c);

struct DocNumberFix {
  std::string text;          // the word with its document number repaired
  bool digits_fixed = false;  // a letter in the number or year became a digit
};

// When `word` (NFC, maybe with "Số:" before it or punctuation around it) has
// the shape of a document number, returns it repaired by the grammar: letters
// read for digits in the number and the year become digits, Ð (U+00D0)
// becomes Đ, and a type abbreviation that lost the bar of its Đ gets it back
// when `types` (may be null) lists the result. nullopt when the word is not a
// document number; the text is unchanged when nothing needed repair.
std::optional<DocNumberFix> repair_document_number(std::string_view word, const DocTypeAbbreviations* types);

}  // namespace congvan::ocr
