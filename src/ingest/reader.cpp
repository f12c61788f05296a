// The Reader: sniffs a file's kind and hands it to the text, PDF or image
// reader. Holds the per-worker engines.
#include "congvan/reader.h"

#include "congvan/text.h"

namespace congvan {

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

struct Reader::Impl {
  ReadOptions options;
};

Reader::Reader(ReadOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}
Reader::~Reader() = default;
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;

Result<DocumentText> Reader::read(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return Status::error(name + ": empty file (0 bytes)");
  switch (sniff_file_kind(bytes)) {
    case FileKind::kPdf:
      return Status::error(name + ": PDF reading is not available in this build");
    case FileKind::kImage:
      return Status::error(name + ": image reading is not available in this build");
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
