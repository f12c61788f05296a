// OCR of page images with Tesseract (Vietnamese model) after Leptonica
// pre-processing. The only module, with image_prep, that includes them.
//
// One OcrEngine per worker thread: it owns one TessBaseAPI, initialised on
// first use and reused for every page; it is not thread-safe. Errors name no
// file; the caller adds it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/document_text.h"
#include "congvan/result.h"

namespace congvan::ocr {

class DocTypeAbbreviations;
class ViLexicon;

struct OcrOptions {
  std::string tessdata_dir;      // empty: Tesseract's default
  std::string language = "vie";  // Tesseract language
  double low_confidence = 60.0;  // numbers/dates under this confidence need review
  bool preprocess = true;        // orientation, deskew, ink removal, background, borders
  bool correct = true;           // lexicon and grammar correction (needs a lexicon)
  bool split_columns = true;     // two-column zones (letter header, signature) as two blocks
  bool alternatives = true;      // ask Tesseract for per-symbol alternatives (tone-mark correction)
};

// The resolution OCR takes for an image file's first page: the file's when
// it can be believed (not 0 or 72, a page of 3-24 inches), else estimated
// from the height of its short letters (12-14 pt text), else from the page
// size. 0 when the image cannot be decoded. Thread-safe.
int image_resolution(std::string_view bytes);

// How the engine decided the orientation of a page (for tests and
// CONGVAN_OCR_TRACE). Leptonica's ascender count on a half-resolution copy
// settles most pages; when it is unsure, Tesseract's OSD model turns the page
// before it is read; when it calls the page upright (clearly or weakly), the
// page is read as it is and OSD runs only if that reading's mean word
// confidence is under 70 (the fallback: the count can be wrong on some
// typefaces and text, even when clear), the turned page then read again and
// kept when it reads more confidently (PageText::rotation says whether it was).
struct OrientationTrace {
  enum class Ascenders {
    kNotCounted,     // pre-processing off: the page is read as it is
    kUpright,        // the count is clear: read as it is; the first reading's confidence decides
    kLikelyUpright,  // leans upright but weakly: the same
    kUnsure,         // OSD before the reading
  };
  Ascenders ascenders = Ascenders::kNotCounted;
  bool osd_before = false;        // OSD ran before the reading (count unsure)
  double first_confidence = 0;    // mean word confidence of the first reading (0-100)
  bool osd_fallback = false;      // OSD ran after it (no OSD before, confidence under 70)
  int osd_rotation = -1;          // clockwise degrees OSD said to turn (0/90/180/270); -1 no OSD or no answer
};

class OcrEngine {
 public:
  // `lexicon` may be null (no lexicon correction), `doc_types` too (document
  // numbers repaired without restoring type abbreviations); both must outlive
  // the engine.
  explicit OcrEngine(OcrOptions options, const ViLexicon* lexicon = nullptr,
                     const DocTypeAbbreviations* doc_types = nullptr);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // OCRs one page image scanned or rendered at `dpi`: 8-bit gray, or 32-bit
  // native-endian 0xAARRGGBB when `argb32`; rows `stride` bytes apart.
  Result<PageText> read_raster(const uint8_t* pixels, int width, int height, int stride, int dpi, bool argb32);

  // OCRs an image file's pages (PNG, JPEG, TIFF incl. multi-page/G4, BMP,
  // PNM, WebP). `pages` (1-based) selects pages, empty for all; frames that
  // cannot be decoded are listed in `unreadable` (1-based).
  Result<std::vector<PageText>> read_image_file(std::string_view bytes, const std::vector<int>& pages,
                                                std::vector<int>* unreadable);

  // How the orientation of the last page read (by either call) was decided.
  const OrientationTrace& last_orientation() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan::ocr
