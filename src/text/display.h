// Vietnamese text for display and matching: words with their byte offsets,
// lower case with diacritics kept, grapheme counting and wrapping on grapheme
// (and preferably word) boundaries with ICU BreakIterator.
//
// Pure functions, thread-safe; invalid UTF-8 is treated byte by byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

// A run of letters, digits and combining marks: text[start, end).
struct WordSpan {
  size_t start = 0;
  size_t end = 0;
};

// The words of `text` in order (what FTS5's unicode61 tokenizer calls tokens).
std::vector<WordSpan> split_words(std::string_view text);

// Lower case keeping diacritics, NFC: "Thủ Tục" → "thủ tục".
std::string lower_keep_marks(std::string_view text);

// Byte offsets in `text` where its grapheme clusters start, as ICU's
// character break iterator finds them (text whose code points are each a
// cluster, like all NFC Vietnamese, is split without ICU, with the same result).
std::vector<size_t> grapheme_starts(std::string_view text);

// Number of user-perceived characters (grapheme clusters).
int grapheme_count(std::string_view text);

// Lines of at most `width` graphemes: breaks at spaces where it can, inside a
// word only when the word alone is wider than a line; never inside a
// grapheme. Newlines and tabs count as spaces. Empty text gives one "" line.
// With `max_lines` > 0, stops once that many lines are full and more text
// follows, giving one more (empty) line for the rest: what a table that
// shows `max_lines` lines of a cell needs, without wrapping all of it.
std::vector<std::string> wrap_graphemes(std::string_view text, int width, int max_lines = 0);

// The same lines written into `lines`, whose strings are reused (a table
// wraps its cells row after row into the same buffers); with `widths`,
// also each line's graphemes.
void wrap_graphemes_into(std::string_view text, int width, int max_lines, std::vector<std::string>& lines,
                         std::vector<int>* widths = nullptr);

// The first `width` graphemes of `text` (no ellipsis).
std::string take_graphemes(std::string_view text, int width);

// How many bytes of `text` its first `width` graphemes take.
size_t grapheme_prefix_bytes(std::string_view text, int width);

}  // namespace congvan
