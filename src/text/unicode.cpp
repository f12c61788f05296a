// ICU-backed NFC, folding and input decoding (UTF-8, UTF-16, legacy 8-bit).
#include <memory>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "congvan/text.h"
#include "text/legacy_encoding.h"

namespace congvan {
namespace {

bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Share of control characters other than tab, newline, CR and form feed.
bool looks_binary(std::string_view s) {
  size_t control = 0;
  for (unsigned char c : s) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ++control;
  }
  return control * 100 > s.size();  // more than 1 %
}

std::string from_unicode_string(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return from_unicode_string(out);
}

std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase();
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ Đ
    if (u_isUWhiteSpace(c)) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out.append(static_cast<UChar32>(' '));
    space = false;
    out.append(c);
  }
  return from_unicode_string(out);
}

size_t count_code_points(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

Result<std::string> decode_text(std::string_view bytes) { return decode_text(bytes, nullptr); }

Result<std::string> decode_text(std::string_view bytes, const LegacyEncodings* legacy_encodings) {
  if (bytes.empty()) return Status::error("empty file");
  // UTF-16 with a byte-order mark.
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    const bool le = static_cast<unsigned char>(bytes[0]) == 0xFF;
    if (bytes.size() % 2 != 0) return Status::error("truncated UTF-16 text (odd byte count)");
    icu::UnicodeString u;
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
      auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
      u.append(static_cast<char16_t>(le ? (a | (b << 8)) : ((a << 8) | b)));
    }
    std::string utf8 = from_unicode_string(u);
    if (looks_binary(utf8)) return Status::error("not a text file (control characters)");
    return to_nfc(utf8);
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.empty()) return Status::error("empty file");
  if (looks_binary(bytes)) return Status::error("not a text file (binary content)");
  if (valid_utf8(bytes)) return to_nfc(bytes);
  // Not UTF-8: maybe a legacy Vietnamese 8-bit encoding (TCVN3, VNI).
  auto legacy = legacy_encodings ? decode_legacy_vietnamese(bytes, *legacy_encodings)
                                 : decode_legacy_vietnamese(bytes);
  if (legacy) return to_nfc(*legacy);
  return Status::error(
      "not UTF-8 or UTF-16 text (wrong encoding?); save it as UTF-8 and try again");
}

}  // namespace congvan
