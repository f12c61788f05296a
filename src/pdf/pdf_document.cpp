// PdfDocument: Poppler cpp behind RAII owners; text layers with layout, word
// boxes and an ink measure, and gray8 renders for OCR.
#include "pdf/pdf_document.h"

#include <algorithm>
#include <cstring>
#include <mutex>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "congvan/text.h"

namespace congvan::pdf {
namespace {

// Poppler reports syntax errors of damaged files through one process-wide
// callback: count them per thread (a document is used by one thread only), so
// that a page whose drawing failed can be told from a blank page.
thread_local int t_poppler_errors = 0;
void count_poppler_errors(const std::string&, void*) { ++t_poppler_errors; }

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Resolution of the render used to measure ink: enough to see text lines.
constexpr double kInkDpi = 40.0;
constexpr int kInkThreshold = 160;

}  // namespace

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> document;
};

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::~PdfDocument() = default;
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;

Result<PdfDocument> PdfDocument::open(std::string_view bytes) {
  static std::once_flag quiet_once;
  std::call_once(quiet_once, [] { poppler::set_debug_error_function(count_poppler_errors, nullptr); });
  poppler::byte_array data(bytes.begin(), bytes.end());
  auto impl = std::make_unique<Impl>();
  impl->document.reset(poppler::document::load_from_data(&data));
  if (!impl->document) {
    // Poppler refuses encrypted files it cannot open as well as broken ones:
    // tell them apart by the /Encrypt entry of the trailer.
    if (bytes.find("/Encrypt") != std::string_view::npos) {
      return Status::error("encrypted PDF, cannot read text (a password is needed to open it)");
    }
    return Status::error("damaged PDF, no page can be read");
  }
  if (impl->document->is_locked()) {
    return Status::error("encrypted PDF, cannot read text (a password is needed to open it)");
  }
  if (impl->document->pages() <= 0) return Status::error("damaged PDF, no page can be read");
  return PdfDocument(std::move(impl));
}

int PdfDocument::page_count() const { return impl_->document->pages(); }

Result<TextLayer> PdfDocument::text_layer(int index) const {
  t_poppler_errors = 0;
  std::unique_ptr<poppler::page> page(impl_->document->create_page(index));
  if (!page) return Status::error("page " + std::to_string(index + 1) + " is damaged");
  TextLayer layer;
  poppler::rectf rect = page->page_rect(poppler::media_box);
  layer.text = to_nfc(utf8(page->text(rect, poppler::page::physical_layout)));
  for (size_t i = 0; i < layer.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(layer.text[i]);
    if ((c & 0xC0) != 0x80 && !(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f')) {
      ++layer.characters;
    }
  }
  std::vector<poppler::text_box> boxes = page->text_list();
  layer.boxes = static_cast<int>(boxes.size());

  // Ink: render small, then count dark pixels inside and outside the word boxes.
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image image = renderer.render_page(page.get(), kInkDpi, kInkDpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::error("page " + std::to_string(index + 1) + " is damaged (cannot be drawn)");
  }
  const int w = image.width(), h = image.height(), stride = image.bytes_per_row();
  std::vector<uint8_t> covered(static_cast<size_t>(w) * h, 0);
  const double scale = kInkDpi / 72.0;
  // Text boxes are in points from the top-left of the (unrotated) page.
  const bool turned = page->orientation() == poppler::page::landscape ||
                      page->orientation() == poppler::page::seascape;
  for (const auto& box : boxes) {
    poppler::rectf b = box.bbox();
    int margin = 2;
    int x0 = static_cast<int>(b.left() * scale) - margin, x1 = static_cast<int>(b.right() * scale) + margin;
    int y0 = static_cast<int>(b.top() * scale) - margin, y1 = static_cast<int>(b.bottom() * scale) + margin;
    if (turned) continue;  // boxes do not match the rotated render; count all ink as outside
    x0 = std::max(x0, 0), y0 = std::max(y0, 0), x1 = std::min(x1, w - 1), y1 = std::min(y1, h - 1);
    for (int y = y0; y <= y1; ++y) std::memset(&covered[static_cast<size_t>(y) * w + x0], 1, std::max(0, x1 - x0 + 1));
  }
  const auto* pixels = reinterpret_cast<const uint8_t*>(image.const_data());
  int64_t inside = 0, outside = 0;
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = pixels + static_cast<size_t>(y) * stride;
    for (int x = 0; x < w; ++x) {
      if (row[x] < kInkThreshold) (covered[static_cast<size_t>(y) * w + x] ? inside : outside)++;
    }
  }
  double area = static_cast<double>(w) * h;
  layer.ink_inside_text = inside / area;
  layer.ink_outside_text = outside / area;
  // Errors and nothing on the page: its content could not be read.
  if (t_poppler_errors > 0 && layer.characters == 0 && inside + outside == 0) {
    return Status::error("page " + std::to_string(index + 1) + " is damaged (its content cannot be read)");
  }
  return layer;
}

Result<PageImage> PdfDocument::render(int index, int dpi) const {
  std::unique_ptr<poppler::page> page(impl_->document->create_page(index));
  if (!page) return Status::error("page " + std::to_string(index + 1) + " is damaged");
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::error("page " + std::to_string(index + 1) + " is damaged (cannot be drawn)");
  }
  PageImage out;
  out.width = image.width();
  out.height = image.height();
  out.stride = image.bytes_per_row();
  out.dpi = dpi;
  const char* data = image.const_data();
  out.pixels.assign(reinterpret_cast<const uint8_t*>(data),
                    reinterpret_cast<const uint8_t*>(data) + static_cast<size_t>(out.stride) * out.height);
  return out;
}

}  // namespace congvan::pdf
