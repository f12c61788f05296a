// Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI): detection and
// conversion to Unicode, with the mapping tables under models/ (tcvn3.tsv,
// vni.tsv: a Unicode character, a tab, its bytes in hex).
//
// A LegacyEncodings is immutable once loaded and safe to share.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/text.h"

namespace congvan {

struct LegacyTable {
  std::string name;                                 // "tcvn3", "vni"
  std::map<std::string, std::string> to_unicode;    // legacy bytes → UTF-8 character
  std::map<std::string, std::string> from_unicode;  // UTF-8 character → legacy bytes
  size_t longest = 1;                               // longest byte sequence
};

class LegacyEncodings {
 public:
  std::vector<LegacyTable> tables;
};

// Converts bytes in a recognised legacy Vietnamese encoding to UTF-8;
// nullopt when the bytes do not look like Vietnamese in any of the tables.
std::optional<std::string> decode_legacy_vietnamese(std::string_view bytes, const LegacyEncodings& encodings);

// The same with the tables read from the default rules folder
// ($CONGVAN_MODELS, else the built-in models/) on each call: for rare
// fallback paths that have no LegacyEncodings at hand.
std::optional<std::string> decode_legacy_vietnamese(std::string_view bytes);

}  // namespace congvan
