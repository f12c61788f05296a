// Legacy Vietnamese encodings TCVN3 (ABC) and VNI: tables from models/,
// detection by how many words decode to valid Vietnamese syllables.
#include "text/legacy_encoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "util/data_lines.h"

namespace congvan {
namespace {

// Windows-1252 punctuation that legacy documents use in 0x80-0x9F.
std::optional<std::string> cp1252_punctuation(unsigned char b) {
  switch (b) {
    case 0x91: return "\xE2\x80\x98";  // ‘
    case 0x92: return "\xE2\x80\x99";  // ’
    case 0x93: return "\xE2\x80\x9C";  // “
    case 0x94: return "\xE2\x80\x9D";  // ”
    case 0x95: return "\xE2\x80\xA2";  // •
    case 0x96: return "\xE2\x80\x93";  // –
    case 0x97: return "\xE2\x80\x94";  // —
    case 0x85: return "\xE2\x80\xA6";  // …
    default: return std::nullopt;
  }
}

// The Windows-1252 byte of a punctuation character, when it has one.
std::optional<unsigned char> cp1252_byte(const std::string& utf8) {
  for (unsigned b = 0x80; b < 0xA0; ++b) {
    if (cp1252_punctuation(static_cast<unsigned char>(b)) == utf8) return static_cast<unsigned char>(b);
  }
  return std::nullopt;
}

std::string latin1(unsigned char b) {
  std::string s;
  s.push_back(static_cast<char>(0xC0 | (b >> 6)));
  s.push_back(static_cast<char>(0x80 | (b & 0x3F)));
  return s;
}

// A Vietnamese syllable after folding: initial consonant, vowels, final.
bool valid_syllable(const std::string& w) {
  static constexpr std::array<const char*, 27> kInitials = {
      "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
      "k",   "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x",  ""};
  static constexpr std::array<const char*, 9> kFinals = {"ch", "ng", "nh", "c", "m", "n", "p", "t", ""};
  for (const char* ini : kInitials) {
    const std::string i(ini);
    if (w.compare(0, i.size(), i) != 0) continue;
    size_t k = i.size();
    size_t v = k;
    while (v < w.size() && std::string("aeiouy").find(w[v]) != std::string::npos) ++v;
    if (v == k || v - k > 3) continue;
    const std::string rest = w.substr(v);
    for (const char* fin : kFinals) {
      if (rest == fin) return true;
    }
  }
  return false;
}

struct Decoded {
  std::string text;
  size_t converted = 0;  // legacy sequences mapped
  size_t unmapped = 0;   // high bytes not in the table
};

Decoded decode_with(const LegacyTable& table, std::string_view bytes) {
  Decoded d;
  size_t i = 0;
  while (i < bytes.size()) {
    bool done = false;
    for (size_t len = std::min(table.longest, bytes.size() - i); len >= 1; --len) {
      auto it = table.to_unicode.find(std::string(bytes.substr(i, len)));
      if (it != table.to_unicode.end()) {
        d.text += it->second;
        ++d.converted;
        i += len;
        done = true;
        break;
      }
    }
    if (done) continue;
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      d.text.push_back(static_cast<char>(b));
    } else if (auto p = cp1252_punctuation(b)) {
      d.text += *p;
    } else {
      d.text += latin1(b);
      ++d.unmapped;
    }
    ++i;
  }
  return d;
}

// Share of words with a converted letter that are Vietnamese syllables.
std::pair<size_t, size_t> syllable_score(const std::string& text) {
  size_t valid = 0, words = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(static_cast<unsigned char>(text[i]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[i])))) ++i;
    size_t j = i;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[j])))) ++j;
    if (j > i) {
      const std::string word = text.substr(i, j - i);
      if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        ++words;
        const std::string f = fold(word);
        if (std::all_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; }) && valid_syllable(f)) ++valid;
      }
    }
    i = j;
  }
  return {valid, words};
}

Result<LegacyTable> load_table(const std::filesystem::path& path, const std::string& name) {
  auto lines = read_data_lines(path, "encoding table");
  if (!lines) return lines.status();
  LegacyTable table;
  table.name = name;
  for (const DataLine& data_line : *lines) {
    const std::string& line = data_line.text;
    const std::string& where = data_line.where;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      return Status::error(where + ": expected '<character><TAB><hex bytes>'");
    }
    const std::string character = line.substr(0, tab);
    std::string bytes;
    size_t k = 0;
    const std::string hex = line.substr(tab + 1);
    while (k < hex.size()) {
      if (hex[k] == ' ') {
        ++k;
        continue;
      }
      unsigned value = 0;
      if (k + 2 > hex.size() || std::sscanf(hex.substr(k, 2).c_str(), "%2x", &value) != 1) {
        return Status::error(where + ": bad hex byte in '" + hex + "'");
      }
      bytes.push_back(static_cast<char>(value));
      k += 2;
    }
    if (bytes.empty()) return Status::error(where + ": no bytes");
    if (table.to_unicode.count(bytes)) return Status::error(where + ": byte sequence listed twice");
    table.to_unicode[bytes] = character;
    table.from_unicode[character] = bytes;
    table.longest = std::max(table.longest, bytes.size());
  }
  return table;
}

// Legacy capital fonts (.VnTimeH, VNI-Helve) draw the bytes of lower-case
// letters as capitals: "CéNG HßA X· HéI" decodes to "CộNG HòA Xã HộI". On a
// line with such a word (two ASCII capitals, a lower-case Vietnamese letter,
// no ASCII lower case), every word without ASCII lower case is capitalised.
struct WordShape {
  int ascii_upper = 0, ascii_lower = 0;
  bool other_lower = false;
};

WordShape shape_of(const std::string& word) {
  WordShape w;
  for (char c : word) {
    w.ascii_upper += c >= 'A' && c <= 'Z';
    w.ascii_lower += c >= 'a' && c <= 'z';
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  for (int32_t k = 0; k < u.length(); ++k) {
    if (u.charAt(k) > 0x7F && u_islower(u.charAt(k))) w.other_lower = true;
  }
  return w;
}

std::string restore_capitals_line(const std::string& line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i <= line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string::npos) j = line.size();
    words.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  bool caps_font = false;
  for (const auto& w : words) {
    const WordShape s = shape_of(w);
    if (s.ascii_upper >= 2 && s.ascii_lower == 0 && s.other_lower) caps_font = true;
  }
  if (!caps_font) return line;
  // A word in capitals: a caps-font word, or one with no lower case at all.
  std::vector<int> caps(words.size(), 0);  // 0 no letters, 1 lower, 2 capitals
  for (size_t k = 0; k < words.size(); ++k) {
    const WordShape s = shape_of(words[k]);
    if (s.ascii_upper == 0 && s.ascii_lower == 0 && !s.other_lower) continue;
    caps[k] = (s.ascii_lower == 0 && (s.ascii_upper >= 2 || !s.other_lower)) ? 2 : 1;
  }
  auto neighbour_caps = [&](size_t k) {
    for (size_t l = k; l-- > 0;) {
      if (caps[l]) {
        if (caps[l] == 2) return true;
        break;
      }
    }
    for (size_t l = k + 1; l < words.size(); ++l) {
      if (caps[l]) return caps[l] == 2;
    }
    return false;
  };
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string w = words[k];
    const WordShape s = shape_of(w);
    const bool upper = s.ascii_lower == 0 && s.other_lower &&
                       (s.ascii_upper >= 2 || (s.ascii_upper == 1 && neighbour_caps(k)));
    if (upper) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
      u.toUpper(icu::Locale("vi"));
      w.clear();
      u.toUTF8String(w);
    }
    out += (k ? " " : "") + w;
  }
  return out;
}

// PDF text layers give TCVN3's "ư" (byte 0xAD, a soft hyphen in Latin-1)
// as "-": "Ch-ơng", "tr-ớc", "nh-". A hyphen after a lower-case letter and
// before a lower-case letter or a word end is "ư".
std::string restore_u_horn(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  for (int32_t k = 1; k < u.length(); ++k) {
    if (u.charAt(k) != '-' || !u_islower(u.charAt(k - 1))) continue;
    const UChar next = k + 1 < u.length() ? u.charAt(k + 1) : ' ';
    if (u_islower(next) || next == ' ' || next == ',' || next == '.' || next == ';' || next == ':' || next == ')' ||
        next == '\n') {
      u.setCharAt(k, 0x01B0);
    }
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string restore_capitals(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    out += restore_capitals_line(text.substr(i, j - i));
    if (j < text.size()) out.push_back('\n');
    i = j + 1;
  }
  return out;
}

}  // namespace

#ifndef CONGVAN_MODELS_DIR
#define CONGVAN_MODELS_DIR "models"
#endif

std::optional<std::string> decode_legacy_vietnamese(std::string_view bytes, const LegacyEncodings& encodings) {
  std::optional<std::string> best;
  size_t best_valid = 0;
  for (const auto& table : encodings.tables) {
    Decoded d = decode_with(table, bytes);
    if (table.name == "tcvn3") d.text = restore_u_horn(d.text);
    if (d.converted == 0 || d.unmapped * 50 > d.converted) continue;
    auto [valid, words] = syllable_score(d.text);
    if (words == 0 || valid * 10 < words * 8) continue;  // at least 80 % real syllables
    if (!best || valid > best_valid) {
      best = restore_capitals(d.text);
      best_valid = valid;
    }
  }
  return best;
}

std::optional<std::string> decode_legacy_vietnamese(std::string_view bytes) {
  std::filesystem::path dir = CONGVAN_MODELS_DIR;
  if (const char* env = std::getenv("CONGVAN_MODELS"); env && *env) dir = env;
  auto encodings = load_legacy_encodings(dir);
  if (!encodings) return std::nullopt;
  return decode_legacy_vietnamese(bytes, **encodings);
}

Result<std::shared_ptr<const LegacyEncodings>> load_legacy_encodings(const std::filesystem::path& models_dir) {
  auto enc = std::make_shared<LegacyEncodings>();
  for (const char* name : {"tcvn3", "vni"}) {
    auto table = load_table(models_dir / (std::string(name) + ".tsv"), name);
    if (!table) return table.status();
    enc->tables.push_back(std::move(table.value()));
  }
  return std::shared_ptr<const LegacyEncodings>(std::move(enc));
}

Result<std::string> encode_legacy(const LegacyEncodings& legacy, std::string_view encoding, std::string_view utf8) {
  const LegacyTable* table = nullptr;
  for (const auto& t : legacy.tables) {
    if (t.name == encoding) table = &t;
  }
  if (!table) return Status::error("unknown legacy encoding '" + std::string(encoding) + "'");
  const std::string nfc = to_nfc(utf8);
  std::string out;
  size_t i = 0;
  while (i < nfc.size()) {
    size_t len = 1;
    const auto b = static_cast<unsigned char>(nfc[i]);
    if (b >= 0xF0) len = 4;
    else if (b >= 0xE0) len = 3;
    else if (b >= 0xC0) len = 2;
    const std::string ch = nfc.substr(i, len);
    auto it = table->from_unicode.find(ch);
    if (it != table->from_unicode.end()) {
      out += it->second;
    } else if (auto b = cp1252_byte(ch)) {
      out.push_back(static_cast<char>(*b));
    } else {
      out += ch;
    }
    i += len;
  }
  return out;
}

}  // namespace congvan
