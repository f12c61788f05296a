// Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI): detection and
// conversion to Unicode, with the mapping tables under models/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace congvan {

// Converts bytes in a recognised legacy Vietnamese encoding to UTF-8;
// nullopt when the bytes do not look like one.
std::optional<std::string> decode_legacy_vietnamese(std::string_view bytes);

}  // namespace congvan
