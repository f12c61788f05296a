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
  std::string raw_text{};    // as Tesseract read it, when the correction changed it
  bool needs_review = false;  // a number/date read with low confidence or repaired
};

struct PageText {
  std::string text;  // NFC, normalised
  TextOrigin origin = TextOrigin::kPlainText;
  std::optional<double> confidence;  // mean word confidence when OCR'd
  std::string raw_text;              // OCR output before correction, if any
  std::vector<OcrWord> words;
  int width = 0, height = 0;    // page image size in pixels (OCR'd pages), word boxes use it
  int dpi = 0;                  // resolution the page was OCR'd at, 0 when not OCR'd
  int rotation = 0;             // degrees the page was turned to read upright (0/90/180/270)
  double skew_degrees = 0;      // skew corrected before OCR
  std::string ocr_reason{};     // why a PDF page was OCR'd ("signature box only", …), empty else
  bool needs_review = false;    // some word on the page needs_review
};

struct DocumentText {
  std::vector<PageText> pages;
  // 1-based page numbers that could not be read (damaged PDF pages, broken
  // TIFF frames); `pages` holds the others, in order. Empty when all read.
  std::vector<int> unreadable_pages{};
  // One-line notes for the user ("x.pdf: pages 3, 5 could not be read (damaged)").
  std::vector<std::string> warnings{};

  // The whole document: pages joined with '\f'.
  std::string joined() const;
  // Origin over all pages (kMixed when pages differ).
  TextOrigin origin() const;
  // Mean OCR confidence over OCR'd pages, nullopt when none was OCR'd.
  std::optional<double> ocr_confidence() const;
};

}  // namespace congvan
