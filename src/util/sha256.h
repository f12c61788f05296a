// SHA-256 of a byte string as lower-case hex (OpenSSL's libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace congvan {

std::string sha256_hex(std::string_view bytes);

}  // namespace congvan
