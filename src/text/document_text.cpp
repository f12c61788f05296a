// DocumentText helpers: joining pages, overall origin and OCR confidence.
#include "congvan/document_text.h"

namespace congvan {

const char* to_string(TextOrigin origin) {
  switch (origin) {
    case TextOrigin::kPlainText: return "plain-text";
    case TextOrigin::kPdfText: return "pdf-text";
    case TextOrigin::kOcr: return "ocr";
    case TextOrigin::kMixed: return "mixed";
  }
  return "plain-text";
}

std::optional<TextOrigin> text_origin_from_string(const std::string& s) {
  for (auto o : {TextOrigin::kPlainText, TextOrigin::kPdfText, TextOrigin::kOcr, TextOrigin::kMixed}) {
    if (s == to_string(o)) return o;
  }
  return std::nullopt;
}

std::string DocumentText::joined() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i) out.push_back('\f');
    out += pages[i].text;
  }
  return out;
}

TextOrigin DocumentText::origin() const {
  if (pages.empty()) return TextOrigin::kPlainText;
  TextOrigin first = pages[0].origin;
  for (const auto& p : pages) {
    if (p.origin != first) return TextOrigin::kMixed;
  }
  return first;
}

std::optional<double> DocumentText::ocr_confidence() const {
  double sum = 0;
  int n = 0;
  for (const auto& p : pages) {
    if (p.origin == TextOrigin::kOcr && p.confidence) {
      sum += *p.confidence;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace congvan
