// A PDF opened with Poppler: its pages' text layers and page images. The only
// module that includes Poppler; its interface has no Poppler types.
//
// One PdfDocument per worker thread: never share one across threads. Errors
// name no file; the caller adds it with Status::with_context.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/result.h"

namespace congvan::pdf {

// A rendered page: 32-bit native-endian 0xAARRGGBB pixels (colour, so that
// OCR can drop red seals and blue stamps), rows padded to `stride` bytes.
struct PageImage {
  int width = 0, height = 0, stride = 0;
  int dpi = 0;
  std::vector<uint8_t> pixels;  // height * stride bytes
};

// A page's text layer and what it covers.
struct TextLayer {
  std::string text;          // NFC, layout preserved (columns kept on their lines)
  int64_t characters = 0;    // non-space code points
  int boxes = 0;             // words Poppler found
  // Dark pixels (share of the page) outside the text boxes and inside them,
  // measured on a low-resolution render: a scan has ink no text box covers.
  double ink_outside_text = 0;
  double ink_inside_text = 0;
};

class PdfDocument {
 public:
  // Opens a PDF from its bytes (copied). An encrypted PDF opens only with an
  // empty user password: else "encrypted PDF, cannot read text".
  static Result<PdfDocument> open(std::string_view bytes);
  ~PdfDocument();
  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;

  int page_count() const;
  // The text layer of page `index` (0-based); an error when the page is damaged.
  Result<TextLayer> text_layer(int index) const;
  // Renders page `index` at `dpi` in colour for OCR.
  Result<PageImage> render(int index, int dpi) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan::pdf
