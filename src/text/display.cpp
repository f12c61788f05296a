// ICU-backed word splitting, lower case and grapheme-aware wrapping.
#include "text/display.h"

#include <cstdint>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace congvan {
namespace {

bool is_word_char(UChar32 c) {
  if (c < 0) return false;
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

// Where each grapheme cluster starts when every code point is a cluster of
// its own: ASCII and Latin letters with precomposed Vietnamese ones
// (U+0000-U+02FF but CR, U+1E00-U+1EFF), dashes, quotes and ellipsis
// (U+2010-U+2027) and arrows (U+2190-U+21FF), which is every NFC Vietnamese
// text. Then no ICU break iterator is needed: a table of 40,000 rows prints
// in a second instead of six. Anything else (combining marks, CR LF, other
// scripts, bad UTF-8): false, and ICU decides.
// Bytes of the code point at text[i] when it is such a cluster; 0 when it
// is not (or is not valid UTF-8).
inline size_t simple_cluster_bytes(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return b == '\r' ? 0 : 1;
  uint32_t cp = 0;
  size_t len = 0;
  if ((b & 0xE0) == 0xC0) cp = b & 0x1F, len = 2;
  else if ((b & 0xF0) == 0xE0) cp = b & 0x0F, len = 3;
  else return 0;
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  const bool shortest = (len == 2 && cp >= 0x80) || (len == 3 && cp >= 0x800);
  const bool simple = cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
                      (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2190 && cp <= 0x21FF);
  return shortest && simple ? len : 0;
}

// Calls on_start(i) at each code point's offset while every code point is
// such a cluster; false as soon as one is not.
template <class OnStart>
bool each_simple_cluster(std::string_view text, OnStart on_start) {
  for (size_t i = 0; i < text.size();) {
    const size_t len = simple_cluster_bytes(text, i);
    if (len == 0) return false;
    on_start(i);
    i += len;
  }
  return true;
}

bool simple_cluster_starts(std::string_view text, std::vector<size_t>& starts) {
  starts.reserve(text.size());
  return each_simple_cluster(text, [&](size_t i) { starts.push_back(i); });
}

}  // namespace

std::vector<size_t> grapheme_starts(std::string_view text) {
  std::vector<size_t> starts;
  if (simple_cluster_starts(text, starts)) return starts;
  starts.clear();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), &utext_close);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status) || !it || !ut) {
    // No break data: fall back to code points.
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
      starts.push_back(static_cast<size_t>(i));
      UChar32 c;
      U8_NEXT(p, i, n, c);
    }
    return starts;
  }
  it->setText(ut.get(), status);
  for (int32_t at = it->first(); at != icu::BreakIterator::DONE && static_cast<size_t>(at) < text.size();
       at = it->next()) {
    starts.push_back(static_cast<size_t>(at));
  }
  return starts;
}

namespace {

bool is_space(std::string_view g) {
  if (g.size() == 1) {
    const char c = g[0];
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  }
  return g == "\xC2\xA0";
}

}  // namespace

std::vector<WordSpan> split_words(std::string_view text) {
  std::vector<WordSpan> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_word = false;
  size_t start = 0;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const bool word = is_word_char(c);
    if (word && !in_word) start = static_cast<size_t>(at);
    if (!word && in_word) out.push_back({start, static_cast<size_t>(at)});
    in_word = word;
  }
  if (in_word) out.push_back({start, text.size()});
  return out;
}

std::string lower_keep_marks(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale("vi"));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  std::string out;
  u.toUTF8String(out);
  return out;
}

int grapheme_count(std::string_view text) {
  // Printable ASCII (numbers, dates, symbols): a grapheme per byte.
  size_t ascii = 0;
  while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) - 0x20u < 0x5Fu) ++ascii;
  if (ascii == text.size()) return static_cast<int>(text.size());
  int simple = 0;
  if (each_simple_cluster(text, [&](size_t) { ++simple; })) return simple;
  return static_cast<int>(grapheme_starts(text).size());
}

size_t grapheme_prefix_bytes(std::string_view text, int width) {
  if (width <= 0) return 0;
  size_t at = 0;
  int taken = 0;
  // Code point by code point while each is a cluster of its own.
  while (at < text.size() && taken < width) {
    const size_t bytes = simple_cluster_bytes(text, at);
    if (bytes == 0) {
      const auto starts = grapheme_starts(text);
      return static_cast<size_t>(width) >= starts.size() ? text.size() : starts[static_cast<size_t>(width)];
    }
    at += bytes;
    ++taken;
  }
  // The next code point must start a cluster too (not a mark of the last).
  if (at < text.size() && simple_cluster_bytes(text, at) == 0) {
    const auto starts = grapheme_starts(text);
    return static_cast<size_t>(width) >= starts.size() ? text.size() : starts[static_cast<size_t>(width)];
  }
  return at;
}

std::string take_graphemes(std::string_view text, int width) {
  const auto starts = grapheme_starts(text);
  if (width < 0) width = 0;
  if (static_cast<size_t>(width) >= starts.size()) return std::string(text);
  return std::string(text.substr(0, starts[static_cast<size_t>(width)]));
}

std::vector<std::string> wrap_graphemes(std::string_view text, int width, int max_lines) {
  if (width < 1) width = 1;
  const auto starts = grapheme_starts(text);
  const size_t n = starts.size();
  auto cluster = [&](size_t k) {
    const size_t end = k + 1 < n ? starts[k + 1] : text.size();
    return text.substr(starts[k], end - starts[k]);
  };
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  // Ends a line; false once `max_lines` are full (more text follows: one
  // empty line stands for the rest).
  auto flush = [&] {
    lines.push_back(line);
    line.clear();
    used = 0;
    if (max_lines > 0 && lines.size() == static_cast<size_t>(max_lines)) {
      lines.emplace_back();
      return false;
    }
    return true;
  };
  // Words are runs of graphemes between white space.
  for (size_t k = 0; k < n;) {
    if (is_space(cluster(k))) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < n && !is_space(cluster(end))) ++end;
    const int len = static_cast<int>(end - k);
    const size_t to = end < n ? starts[end] : text.size();
    if (used > 0 && used + 1 + len <= width) {
      line += ' ';
      ++used;
    } else if (used > 0) {
      if (!flush()) return lines;
    }
    if (len <= width - used) {
      line.append(text.substr(starts[k], to - starts[k]));
      used += len;
    } else {
      // Wider than a line: cut on grapheme boundaries.
      for (size_t g = k; g < end; ++g) {
        if (used == width && !flush()) return lines;
        line.append(cluster(g));
        ++used;
      }
    }
    k = end;
  }
  if (used > 0 || lines.empty()) lines.push_back(line);
  return lines;
}

namespace {

// Whether the simple cluster of `bytes` bytes at text[i] is white space
// (as is_space: ASCII space, newline, tab, form feed, no-break space).
inline bool is_space_at(std::string_view text, size_t i, size_t bytes) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (bytes == 1) return b == ' ' || b == '\n' || b == '\t' || b == '\f' || b == '\v';
  return bytes == 2 && b == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xA0;
}

}  // namespace

void wrap_graphemes_into(std::string_view text, int width, int max_lines, std::vector<std::string>& lines,
                         std::vector<int>* widths) {
  // While every code point read is a cluster of its own (simple_cluster_bytes)
  // this is wrap_graphemes on code points, the lines written into
  // lines[0, done]; at the first one that is not, ICU decides. Text past
  // the last full line is never read (a mark there could only lengthen the
  // word that did not fit).
  auto by_icu = [&] {
    lines = wrap_graphemes(text, width, max_lines);
    if (!widths) return;
    widths->clear();
    for (const auto& l : lines) widths->push_back(grapheme_count(l));
  };
  if (widths) widths->clear();
  if (width < 1) width = 1;
  size_t done = 0;  // finished lines; lines[done] is the one being filled
  auto slot = [&](size_t k) -> std::string& {
    if (k == lines.size()) lines.emplace_back();
    return lines[k];
  };
  std::string* line = &slot(0);
  line->clear();
  int used = 0;
  // Ends a line; false once `max_lines` are full (the empty line started
  // stands for the rest).
  auto flush = [&] {
    if (widths) widths->push_back(used);
    ++done;
    line = &slot(done);
    line->clear();
    used = 0;
    return !(max_lines > 0 && done == static_cast<size_t>(max_lines));
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const size_t first = simple_cluster_bytes(text, i);
    if (first == 0) return by_icu();
    if (is_space_at(text, i, first)) {
      i += first;
      continue;
    }
    size_t end = i;
    int len = 0;
    for (size_t bytes = first; end < n; end += bytes, ++len) {
      const auto b = static_cast<unsigned char>(text[end]);
      if (b >= 0x21 && b < 0x80) {  // printable ASCII: the common case
        bytes = 1;
        continue;
      }
      bytes = simple_cluster_bytes(text, end);
      if (bytes == 0) return by_icu();
      if (is_space_at(text, end, bytes)) break;
    }
    if (used > 0 && used + 1 + len <= width) {
      *line += ' ';
      ++used;
    } else if (used > 0 && !flush()) {
      lines.resize(done + 1);
      if (widths) widths->push_back(0);
      return;
    }
    if (len <= width - used) {
      line->append(text.substr(i, end - i));
      used += len;
    } else {
      // Wider than a line: cut between code points.
      for (size_t g = i; g < end;) {
        if (used == width && !flush()) {
          lines.resize(done + 1);
          if (widths) widths->push_back(0);
          return;
        }
        const size_t bytes = simple_cluster_bytes(text, g);
        line->append(text.substr(g, bytes));
        g += bytes;
        ++used;
      }
    }
    i = end;
  }
  const bool last = used > 0 || done == 0;
  lines.resize(last ? done + 1 : done);
  if (widths && last) widths->push_back(used);
}

}  // namespace congvan
