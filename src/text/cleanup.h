// Clean-up of a letter's text before its structure is parsed: legacy glyphs,
// markdown markers, '|' tables split into cells, signature-stamp lines, lone
// page numbers and OCR noise lines removed, and helpers to reflow hard-wrapped
// lines.
//
// Every cleaned line keeps, for each of its code points, the code-point
// offset of that character in the ORIGINAL text (pages joined by '\f'), so
// spans can always point back into the document as stored. Pure functions,
// thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

// One physical line (or one table cell) after clean-up, or a reflowed
// paragraph built from several of them.
struct TextLine {
  std::string text;              // UTF-8 NFC, trimmed, markdown markers removed
  std::vector<int64_t> origin;   // per code point of `text`: offset in the original; plus one end entry
  int page = 1;                  // 1-based page of the first character
  int blank_before = 0;          // blank lines between this line and the previous one
  int indent = 0;                // leading spaces in the original line
  bool from_table = false;       // a cell of a '|' table
  int table_row = -1;            // for table cells: row number in the document (0-based)
  int table_cell = -1;           // for table cells: column index in its row
  bool bold = false;             // started with a markdown "**"

  int64_t start() const { return origin.empty() ? 0 : origin.front(); }
  int64_t end() const { return origin.empty() ? 0 : origin.back(); }
  // Original offset of the code point that starts at byte `byte` of `text`.
  int64_t origin_at_byte(size_t byte) const;
};

struct CleanupOptions {
  // True for a line that belongs to a digital-signature stamp ("Ký bởi: …",
  // "… +07:00", the publishing office's name and e-mail). Lines it accepts
  // are dropped; an empty function drops nothing.
  std::function<bool(std::string_view line)> is_stamp_line;
  // True for the first line of a table's header row ("STT  Nội dung …").
  // A table laid out with spaces (pdftotext -layout, a typed letter) that
  // starts with such a line is split into cells like a '|' table: columns
  // from the header, a row per number in the first column, wrapped lines
  // joined into their cells. An empty function splits nothing.
  std::function<bool(std::string_view line)> is_table_header;
};

// Splits the document into cleaned lines. Blank lines, stamp lines, table
// separator rows and lone page numbers are dropped (counted in
// `blank_before` of the next line where they stood between two lines).
std::vector<TextLine> clean_letter_text(std::string_view original, const CleanupOptions& options);

// True for a line that OCR made out of a seal, a signature or specks: no two
// letters or digits in a row ("_.è", "—l~|", "F~L~|"), and not a list or end
// marker ("-", "./.") or an item label ("a)", "1."). Such lines are dropped.
bool is_ocr_noise_line(std::u32string_view line);

// Appends `next` to `line` as a reflowed continuation: one space between
// them, none after a hyphen or slash that ends a document number ("QĐ-" +
// "TTg"). Keeps the offset map.
void append_line(TextLine& line, const TextLine& next);

// Collapses runs of spaces into one, keeping the offset map.
void collapse_spaces(TextLine& line);

// The part of `line` between bytes [begin, end), trimmed, as its own line.
TextLine slice_line(const TextLine& line, size_t begin, size_t end);

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

}  // namespace congvan
