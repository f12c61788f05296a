// Reading: from a file's bytes to its text, page by page.
//
// Plain text is decoded; a PDF's text layer is taken where it is real and
// other pages are rendered and OCR'd; images are OCR'd. A Reader owns the
// expensive engines (one Tesseract per Reader) and is NOT thread-safe: use
// one Reader per worker thread and reuse it across files.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/document_text.h"
#include "congvan/result.h"

namespace congvan {

enum class FileKind { kText, kPdf, kImage, kUnknown };

// Tesseract's OpenMP runtime reads OMP_THREAD_LIMIT once, when the program
// is loaded; without it each page spends several times the CPU on idle
// threads. Call first thing in main(): when the variable is unset it sets it
// to 1 and re-executes the program (argv unchanged); otherwise it returns.
// It also keeps big page buffers on the heap instead of mmap (see reader.cpp:
// two OCR threads in one process scale to 2x instead of 1.7x).
void limit_ocr_threads_or_reexec(char** argv);

// Sniffs the kind of a file from its first bytes (magic numbers), not its name.
FileKind sniff_file_kind(std::string_view bytes);

struct ReadOptions {
  std::string tessdata_dir;          // empty: Tesseract's default
  std::string language = "vie";      // Tesseract language
  int render_dpi = 300;              // PDF pages rendered for OCR at this resolution
  double low_confidence = 60.0;      // words under this confidence are flagged for review
  bool force_ocr = false;            // OCR every PDF page, even with a text layer
  std::vector<int> pages;            // 1-based pages to read (PDF, TIFF); empty: all
  bool correct_ocr = true;           // Vietnamese lexicon/grammar correction of OCR text
  bool preprocess = true;            // orientation, deskew, ink removal, background normalisation
  std::string lexicon_path;          // syllable list; empty: <models>/ocr/vi_syllables.txt
  bool split_columns = true;         // OCR: two-column zones (header, signature) as two blocks
  bool ocr_alternatives = true;      // OCR: Tesseract's per-symbol alternatives guide tone-mark correction
};

// A PDF read in two steps, so that its OCR pages can be shared among
// workers: Reader::start_pdf takes the text layers and lists the pages to
// OCR; Reader::ocr_pending_page OCRs one of them (any Reader may, each on its
// own thread, different pages at the same time: each touches only its own
// page and pending entry); Reader::finish_pdf puts the document together in
// page order.
struct PdfReading {
  struct Pending {
    size_t slot = 0;          // its place in `pages`
    int index = 0;            // 0-based page of the PDF
    std::string reason;       // why it is OCR'd
    bool done = false;        // read (or failed): set by ocr_pending_page
    bool unreadable = false;  // the page could not be rendered
    Status error;             // OCR failed (the whole document fails)
  };
  std::string name;             // for messages
  int page_count = 0;
  DocumentText text;            // every selected page in order; pending ones empty until read
  std::vector<Pending> pending;
};

class Reader {
 public:
  explicit Reader(ReadOptions options = {});
  ~Reader();
  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;

  // Reads one file's bytes. `name` is used in error messages only.
  // Errors are one line naming the file ("scan.pdf: encrypted PDF …").
  Result<DocumentText> read(std::string_view bytes, const std::string& name);

  // The PDF's text-layer pages, and the pages still to OCR (see PdfReading).
  Result<PdfReading> start_pdf(std::string_view bytes, const std::string& name);
  // OCRs `reading.pending[i]` from the same `bytes`.
  void ocr_pending_page(std::string_view bytes, PdfReading& reading, size_t i);
  // The document once every pending page is done: the first OCR error in
  // page order fails it; pages that could not be rendered become warnings.
  static Result<DocumentText> finish_pdf(PdfReading reading);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace congvan
