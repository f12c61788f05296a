// Legacy Vietnamese encodings: recognises none yet (issue "Extraction quality").
#include "text/legacy_encoding.h"

namespace congvan {

std::optional<std::string> decode_legacy_vietnamese(std::string_view) { return std::nullopt; }

}  // namespace congvan
