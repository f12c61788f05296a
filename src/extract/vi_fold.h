// Fast Vietnamese folding for matching inside the extractor: lower case,
// tone and vowel marks removed, đ → d. Agrees with congvan::fold on
// Vietnamese text but needs no ICU, so it can run per phrase.
#pragma once

#include <string>
#include <string_view>

namespace congvan {

// "Sở Tài chính" → "so tai chinh". Valid UTF-8 in; characters outside the
// Vietnamese alphabet are kept (ASCII lower-cased). Whitespace is collapsed.
std::string fold_vi(std::string_view utf8);

// Upper-cases the first letter of a UTF-8 string when it is a Vietnamese or
// ASCII lower-case letter ("các sở" → "Các sở").
std::string capitalize_first(std::string_view utf8);

}  // namespace congvan
