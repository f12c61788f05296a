// The text read from one input file, page by page, before extraction.
//
// Produced by the reading stage (plain text, PDF text layer, OCR) and stored
// so that extraction can be re-run without reading the file again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace congvan {

enum class TextOrigin { kPlainText, kPdfText, kOcr, kMixed };

// "plain-text", "pdf-text", "ocr", "mixed" as in the export contract.
const char* to_string(TextOrigin origin);
std::optional<TextOrigin> text_origin_from_string(const std::string& s);

// A word as OCR saw it: its box in page pixels and its confidence (0-100).
struct OcrWord {
  std::string text;
  int x = 0, y = 0, width = 0, height = 0;
  float confidence = 0;
  int64_t start = -1;  // code-point offsets of the word in the page text, -1 unknown
  int64_t end = -1;
};

struct PageText {
  std::string text;  // NFC, normalised
  TextOrigin origin = TextOrigin::kPlainText;
  std::optional<double> confidence;  // mean word confidence when OCR'd
  std::string raw_text;              // OCR output before correction, if any
  std::vector<OcrWord> words;
};

struct DocumentText {
  std::vector<PageText> pages;

  // The whole document: pages joined with '\f'.
  std::string joined() const;
  // Origin over all pages (kMixed when pages differ).
  TextOrigin origin() const;
  // Mean OCR confidence over OCR'd pages, nullopt when none was OCR'd.
  std::optional<double> ocr_confidence() const;
};

}  // namespace congvan
