// Table-driven Vietnamese folding and first-letter capitalisation.
#include "extract/vi_fold.h"

#include <unordered_map>

#include "util/utf8.h"

namespace congvan {
namespace {

struct FoldTables {
  std::unordered_map<char32_t, char> base;        // any Vietnamese letter → ASCII base
  std::unordered_map<char32_t, char32_t> upper;   // lower → upper
  FoldTables() {
    // Lower-case letters by base, then the same in upper case, in one order.
    static const char* const kLower[] = {
        "aàáảãạăằắẳẵặâầấẩẫậ", "eèéẻẽẹêềếểễệ", "iìíỉĩị", "oòóỏõọôồốổỗộơờớởỡợ",
        "uùúủũụưừứửữự", "yỳýỷỹỵ", "dđ"};
    static const char* const kUpper[] = {
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "EÈÉẺẼẸÊỀẾỂỄỆ", "IÌÍỈĨỊ", "OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
        "UÙÚỦŨỤƯỪỨỬỮỰ", "YỲÝỶỸỴ", "DĐ"};
    for (int g = 0; g < 7; ++g) {
      std::string_view lo(kLower[g]), up(kUpper[g]);
      size_t i = 0, j = 0;
      while (i < lo.size() && j < up.size()) {
        char32_t l = next_code_point(lo, i), u = next_code_point(up, j);
        char b = static_cast<char>(lo[0]);
        base[l] = b;
        base[u] = b;
        upper[l] = u;
      }
    }
  }
};

const FoldTables& tables() {
  static const FoldTables kTables;
  return kTables;
}

}  // namespace

std::string fold_vi(std::string_view s) {
  const FoldTables& t = tables();
  std::string out;
  out.reserve(s.size());
  bool space = true;  // drop leading whitespace
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        if (!space) out.push_back(' ');
        space = true;
        continue;
      }
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      space = false;
      continue;
    }
    char32_t cp = next_code_point(s, i);
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks (NFD input)
    if (cp == 0xA0) {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    auto it = t.base.find(cp);
    if (it != t.base.end()) {
      out.push_back(it->second);
    } else {
      append_utf8(out, cp);
    }
    space = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string capitalize_first(std::string_view s) {
  if (s.empty()) return std::string(s);
  size_t i = 0;
  char32_t cp = next_code_point(s, i);
  std::string out;
  if (cp >= 'a' && cp <= 'z') {
    out.push_back(static_cast<char>(cp - 32));
  } else {
    auto it = tables().upper.find(cp);
    append_utf8(out, it != tables().upper.end() ? it->second : cp);
  }
  out.append(s.substr(i));
  return out;
}

}  // namespace congvan
