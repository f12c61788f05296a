// The Reader: sniffs a file's kind and hands it to the text, PDF or image
// reader; per PDF page, decides between the text layer and OCR. Holds the
// per-worker engines (one Tesseract, one lexicon).
#include "congvan/reader.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <malloc.h>
#include <unistd.h>

#include "congvan/text.h"
#include "ocr/doc_number.h"
#include "ocr/ocr_engine.h"
#include "util/utf8.h"
#include "ocr/vi_lexicon.h"
#include "pdf/pdf_document.h"
#include "text/legacy_encoding.h"

#ifndef CONGVAN_MODELS_DIR
#define CONGVAN_MODELS_DIR "models"
#endif

namespace congvan {

void limit_ocr_threads_or_reexec(char** argv) {
  // A page image is tens of megabytes (A4 colour at 300 dpi: 35 MB), and
  // Leptonica and Tesseract allocate and free several such buffers per page.
  // glibc serves them with mmap/munmap, and every munmap in a process with
  // two OCR threads stops the other core to flush its TLB: measured on
  // bench/ocr_bench (degraded 300 dpi, 36 pages), 2 workers gave 1.69x one
  // worker with mmap and 2.03x with the heap; one worker also spent 12 % less
  // CPU per page. So big blocks come from the heap and stay there (up to
  // 512 MB of free memory is kept for the next page rather than returned).
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed (no /proc): go on, slower.
}

FileKind sniff_file_kind(std::string_view b) {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return FileKind::kPdf;
  if (starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") || starts("II*\0") ||
      starts("MM\0*") || starts("BM") || starts("P1") || starts("P4") || starts("P2") ||
      starts("P5") || starts("P3") || starts("P6")) {
    // "BM"/"P1".."P6" are short magics: accept them only if the rest is not text.
    if (starts("BM") || (b.size() > 1 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6')) {
      if (b.size() < 16) return FileKind::kText;
      if (b[0] == 'P' && !(b[2] == '\n' || b[2] == ' ' || b[2] == '\r' || b[2] == '\t')) return FileKind::kText;
      if (b[0] == 'B') {
        // A BMP's header size field at offset 14 is 12, 40, 52, 56, 108 or 124.
        unsigned char hs = static_cast<unsigned char>(b[14]);
        if (!(hs == 12 || hs == 40 || hs == 52 || hs == 56 || hs == 108 || hs == 124) ||
            b[15] != 0) {
          return FileKind::kText;
        }
      }
    }
    return FileKind::kImage;
  }
  return FileKind::kText;
}

namespace {

// "3, 5" from {3, 5}.
std::string page_list(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
  return out;
}

// "page 4" or "pages 3, 5".
std::string pages_word(const std::vector<int>& pages) {
  return (pages.size() == 1 ? "page " : "pages ") + page_list(pages);
}

// Share of code points that are U+FFFD, private-use or control characters:
// glyphs the PDF's fonts do not map to Unicode.
double unmapped_share(const std::string& text) {
  int64_t total = 0, bad = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f') continue;
    ++total;
    if (cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) ++bad;
  }
  return total ? static_cast<double>(bad) / total : 0.0;
}

// Text from a legacy Vietnamese font (TCVN3, VNI) that Poppler gave as
// Latin-1 look-alikes, converted back to Unicode; nullopt when not possible.
std::optional<std::string> convert_legacy_font_text(const std::string& text) {
  std::string bytes;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp > 0xFF) return std::nullopt;
    bytes.push_back(static_cast<char>(cp));
  }
  auto converted = decode_legacy_vietnamese(bytes);
  if (!converted) return std::nullopt;
  return to_nfc(*converted);
}

// Words like "CộNG HòA": capitals around a lower-case Vietnamese letter, left
// by legacy capital fonts (.VnTimeH) whose bytes mean upper case but decode
// as lower case. Counts them.
int lost_capital_words(const std::string& text) {
  int count = 0;
  size_t i = 0;
  while (i < text.size()) {
    int upper = 0, lower_ascii = 0, lower_other = 0;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') {
      size_t start = i;
      char32_t cp = next_code_point(text, i);
      std::string one = text.substr(start, i - start);
      bool is_upper = ocr::lower_vietnamese(one) != one;
      if (is_upper) ++upper;
      else if (cp >= 'a' && cp <= 'z') ++lower_ascii;
      else if (cp >= 0xC0 && ocr::lower_vietnamese(one) == one) ++lower_other;
    }
    ++i;
    if (upper >= 2 && lower_other >= 1 && lower_ascii == 0) ++count;
  }
  return count;
}

}  // namespace

struct Reader::Impl {
  ReadOptions options;
  std::optional<ocr::ViLexicon> lexicon;  // loaded on first use; empty when missing
  bool lexicon_tried = false;
  std::optional<ocr::DocTypeAbbreviations> doc_types;  // loaded with the engine; empty when missing
  std::unique_ptr<ocr::OcrEngine> engine;

  // models/ocr, or the folder of the syllable list given instead.
  std::string ocr_models_dir() const {
    if (options.lexicon_path.empty()) return std::string(CONGVAN_MODELS_DIR) + "/ocr";
    const size_t slash = options.lexicon_path.rfind('/');
    return slash == std::string::npos ? std::string(".") : options.lexicon_path.substr(0, slash);
  }

  const ocr::ViLexicon* get_lexicon() {
    if (!lexicon_tried) {
      lexicon_tried = true;
      std::string path = options.lexicon_path.empty() ? ocr_models_dir() + "/vi_syllables.txt"
                                                      : options.lexicon_path;
      auto loaded = ocr::ViLexicon::load(path);
      if (loaded) lexicon = std::move(loaded.value());
    }
    return lexicon ? &*lexicon : nullptr;
  }

  ocr::OcrEngine& get_engine() {
    if (!engine) {
      ocr::OcrOptions o;
      o.tessdata_dir = options.tessdata_dir;
      o.language = options.language;
      o.low_confidence = options.low_confidence;
      o.preprocess = options.preprocess;
      o.correct = options.correct_ocr;
      o.split_columns = options.split_columns;
      o.alternatives = options.ocr_alternatives && options.correct_ocr;
      if (auto loaded = ocr::DocTypeAbbreviations::load(ocr_models_dir() + "/doc_types.txt")) {
        doc_types = std::move(loaded.value());
      }
      engine = std::make_unique<ocr::OcrEngine>(o, options.correct_ocr ? get_lexicon() : nullptr,
                                                doc_types ? &*doc_types : nullptr);
    }
    return *engine;
  }

  bool wanted(int page_number) const {
    return options.pages.empty() ||
           std::find(options.pages.begin(), options.pages.end(), page_number) != options.pages.end();
  }

  // Why a page's text layer cannot be used as it is (empty: use it). May
  // replace the layer's text by its conversion from a legacy font.
  std::string ocr_reason(pdf::TextLayer& layer);

  Result<DocumentText> read_pdf(std::string_view bytes, const std::string& name);
  Result<PdfReading> start_pdf(std::string_view bytes, const std::string& name);
  void ocr_pending_page(std::string_view bytes, PdfReading& reading, size_t i);
  Result<DocumentText> read_image(std::string_view bytes, const std::string& name);
};

std::string Reader::Impl::ocr_reason(pdf::TextLayer& layer) {
  if (options.force_ocr) return "OCR forced";
  if (layer.characters == 0) return layer.ink_outside_text > 0.002 ? "no text layer" : "";
  if (unmapped_share(layer.text) > 0.02) return "unmapped glyphs in the text layer";
  if (const ocr::ViLexicon* lex = get_lexicon()) {
    int tokens = 0;
    double share = lex->syllable_share(layer.text, &tokens);
    if (tokens >= 15 && share < 0.6) {
      if (auto converted = convert_legacy_font_text(layer.text)) {
        int converted_tokens = 0;
        if (lex->syllable_share(*converted, &converted_tokens) >= 0.8 && converted_tokens >= 15 &&
            lost_capital_words(*converted) < 3) {
          layer.text = std::move(*converted);
          return "";
        }
      }
      return "legacy-font text (TCVN3/VNI) in the text layer";
    }
  }
  // A scan whose only text is a signature box or a stamp: most ink is outside
  // the text boxes. A born-digital page's seal and signature images are small
  // beside its text.
  if (layer.ink_outside_text > 0.01 && layer.ink_outside_text > 0.5 * layer.ink_inside_text) {
    return "text layer covers only part of the page (signature box or stamp)";
  }
  if (layer.characters < 300 && layer.ink_outside_text > 0.005) return "too little text for the page's ink";
  return "";
}

Result<PdfReading> Reader::Impl::start_pdf(std::string_view bytes, const std::string& name) {
  auto opened = pdf::PdfDocument::open(bytes);
  if (!opened) return opened.status().with_context(name);
  pdf::PdfDocument& doc = opened.value();
  PdfReading reading;
  reading.name = name;
  reading.page_count = doc.page_count();
  DocumentText& out = reading.text;
  for (int i = 0; i < doc.page_count(); ++i) {
    if (!wanted(i + 1)) continue;
    auto layer = doc.text_layer(i);
    if (!layer) {
      out.unreadable_pages.push_back(i + 1);
      continue;
    }
    std::string reason = ocr_reason(layer.value());
    PageText page;
    if (reason.empty()) {
      page.text = std::move(layer->text);
      page.origin = TextOrigin::kPdfText;
    } else {
      PdfReading::Pending pending;
      pending.slot = out.pages.size();
      pending.index = i;
      pending.reason = std::move(reason);
      reading.pending.push_back(std::move(pending));
    }
    out.pages.push_back(std::move(page));
  }
  return reading;
}

void Reader::Impl::ocr_pending_page(std::string_view bytes, PdfReading& reading, size_t i) {
  PdfReading::Pending& p = reading.pending.at(i);
  p.done = true;
  auto opened = pdf::PdfDocument::open(bytes);
  if (!opened) {
    p.error = opened.status().with_context(reading.name);
    return;
  }
  auto image = opened->render(p.index, options.render_dpi);
  if (!image) {
    p.unreadable = true;
    return;
  }
  auto page = get_engine().read_raster(image->pixels.data(), image->width, image->height, image->stride,
                                        image->dpi, /*argb32=*/true);
  if (!page) {
    p.error = page.status().with_context(reading.name + " page " + std::to_string(p.index + 1));
    return;
  }
  page->ocr_reason = p.reason;
  reading.text.pages[p.slot] = std::move(page.value());
}

Result<DocumentText> Reader::Impl::read_pdf(std::string_view bytes, const std::string& name) {
  auto reading = start_pdf(bytes, name);
  if (!reading) return reading.status();
  for (size_t i = 0; i < reading->pending.size(); ++i) {
    ocr_pending_page(bytes, reading.value(), i);
    if (!reading->pending[i].error.is_ok()) return reading->pending[i].error;
  }
  return Reader::finish_pdf(std::move(reading.value()));
}

Result<DocumentText> Reader::finish_pdf(PdfReading reading) {
  DocumentText& out = reading.text;
  std::vector<bool> drop(out.pages.size(), false);
  for (const PdfReading::Pending& p : reading.pending) {
    if (!p.done) return Status::error(reading.name + ": page " + std::to_string(p.index + 1) + " was not read");
    if (!p.error.is_ok()) return p.error;
    if (p.unreadable) {
      drop[p.slot] = true;
      out.unreadable_pages.push_back(p.index + 1);
    }
  }
  std::vector<PageText> kept;
  for (size_t i = 0; i < out.pages.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(out.pages[i]));
  }
  out.pages = std::move(kept);
  std::sort(out.unreadable_pages.begin(), out.unreadable_pages.end());
  const std::string& name = reading.name;
  if (!out.unreadable_pages.empty()) {
    if (out.pages.empty()) {
      return Status::error(name + ": damaged PDF, no page can be read (pages " + page_list(out.unreadable_pages) + ")");
    }
    out.warnings.push_back(name + ": " + pages_word(out.unreadable_pages) + " could not be read (damaged)");
  }
  if (out.pages.empty()) {
    return Status::error(name + ": no page selected (the PDF has " + std::to_string(reading.page_count) + ")");
  }
  return std::move(out);
}

Result<DocumentText> Reader::Impl::read_image(std::string_view bytes, const std::string& name) {
  DocumentText out;
  auto pages = get_engine().read_image_file(bytes, options.pages, &out.unreadable_pages);
  if (!pages) return pages.status().with_context(name);
  out.pages = std::move(pages.value());
  if (!out.unreadable_pages.empty()) {
    if (out.pages.empty()) return Status::error(name + ": damaged image, no page can be read");
    out.warnings.push_back(name + ": " + pages_word(out.unreadable_pages) + " could not be read (damaged)");
  }
  if (out.pages.empty()) return Status::error(name + ": no page selected");
  return out;
}

Reader::Reader(ReadOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}
Reader::~Reader() = default;
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;

Result<PdfReading> Reader::start_pdf(std::string_view bytes, const std::string& name) {
  return impl_->start_pdf(bytes, name);
}

void Reader::ocr_pending_page(std::string_view bytes, PdfReading& reading, size_t i) {
  impl_->ocr_pending_page(bytes, reading, i);
}

Result<DocumentText> Reader::read(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return Status::error(name + ": empty file (0 bytes)");
  switch (sniff_file_kind(bytes)) {
    case FileKind::kPdf:
      return impl_->read_pdf(bytes, name);
    case FileKind::kImage:
      return impl_->read_image(bytes, name);
    case FileKind::kText:
    case FileKind::kUnknown:
      break;
  }
  auto text = decode_text(bytes);
  if (!text) return text.status().with_context(name);
  DocumentText doc;
  PageText page;
  page.text = std::move(text.value());
  page.origin = TextOrigin::kPlainText;
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace congvan
