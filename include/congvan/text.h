// Text normalisation with ICU: decoding input bytes, NFC, and the
// diacritic-free folding used for search and name matching.
//
// All functions are pure and thread-safe. Errors name no file: the caller
// adds the file name with Status::with_context.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "congvan/result.h"

namespace congvan {

// Decodes a text file's bytes to UTF-8 NFC: UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM, and the legacy Vietnamese 8-bit encodings when
// recognised. Anything else (binary, Latin-1 …) is an error saying why.
Result<std::string> decode_text(std::string_view bytes);

// The legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI), loaded from
// their tables under models/ (tcvn3.tsv, vni.tsv). Immutable, shareable.
class LegacyEncodings;
Result<std::shared_ptr<const LegacyEncodings>> load_legacy_encodings(
    const std::filesystem::path& models_dir);

// decode_text that also recognises and converts TCVN3 and VNI text with
// `legacy` (nullptr: the tables are read from the default rules folder,
// $CONGVAN_MODELS else the built-in models/, when the bytes are not UTF-8).
Result<std::string> decode_text(std::string_view bytes, const LegacyEncodings* legacy);

// Writes UTF-8 text in a legacy encoding ("tcvn3" or "vni"), for tests and
// tools; characters the table lacks are written as they are.
Result<std::string> encode_legacy(const LegacyEncodings& legacy, std::string_view encoding,
                                  std::string_view utf8);

// Unicode NFC of valid UTF-8.
std::string to_nfc(std::string_view utf8);

// Lower case, diacritics removed, đ→d, whitespace collapsed: "Sở Tài chính"
// → "so tai chinh". For search and matching only, never for stored text.
std::string fold(std::string_view utf8);

// Number of code points in valid UTF-8.
size_t count_code_points(std::string_view utf8);

}  // namespace congvan
