// The Vietnamese syllable lexicon (models/ocr/vi_syllables.txt): tells a
// real syllable from OCR or legacy-font garbage. Immutable once loaded.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "congvan/result.h"

namespace congvan::ocr {

// Lower-cases Vietnamese letters (ASCII, Latin-1, Latin Extended, U+1EA0..)
// in UTF-8; other characters are kept as they are.
std::string lower_vietnamese(std::string_view utf8);

class ViLexicon {
 public:
  // Loads one NFC syllable per line ('#' starts a comment). Errors name the file.
  static Result<ViLexicon> load(const std::string& path);
  ViLexicon() = default;

  // True when `word` (any case, NFC) is a Vietnamese syllable of the list.
  bool contains(std::string_view word) const;
  size_t size() const { return syllables_.size(); }
  bool empty() const { return syllables_.empty(); }

  // Share of the alphabetic tokens of `text` that are syllables of the list,
  // and their count (tokens of 2+ letters containing a non-ASCII letter or
  // all lower case; ASCII acronyms are skipped). 1.0 when there are none.
  double syllable_share(std::string_view text, int* tokens = nullptr) const;

 private:
  std::unordered_set<std::string> syllables_;
};

}  // namespace congvan::ocr
