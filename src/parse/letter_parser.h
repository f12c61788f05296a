// The structure of an official letter: header fields, recipients, the body
// as a tree of labelled items, bullets and paragraphs, the signature block
// and appendix task tables.
//
// Works on the cleaned lines of src/text/cleanup.h, so every block keeps
// offsets into the original document text. Pure function, thread-safe; a
// letter with no recognisable parts gives an empty structure, never an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "congvan/letter.h"
#include "parse/structure_rules.h"
#include "text/cleanup.h"

namespace congvan {

enum class BlockKind { kRoman, kArabic, kLetter, kBullet, kParagraph };

// One item, bullet or unlabelled paragraph of the body, in reading order.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string label;        // "II", "1.2", "a"; the marker for bullets; empty for paragraphs
  std::string path;         // item path for roman/arabic/letter items: "II.2.b", "1.1", "3.đ"
  int parent = -1;          // index of the enclosing labelled block, -1 at top level
  TextLine text;            // reflowed text without its label, spaces collapsed
  int64_t start = 0;        // original offset where the block starts (label or first word)
  int page = 1;
  bool heading = false;     // a bold line, or a short item line that only names its subject
  bool section = false;      // a section title ("II. NỘI DUNG", a capital heading), not a body's name
  bool before_items = false;  // a paragraph before the first labelled item (lead-in)
  bool closing = false;     // a paragraph after the last item that closes the letter
  bool table_after = false;  // a task table of the body follows it (before the next block)
};

// One row of an appendix task table ("Phụ lục").
struct AppendixRow {
  int number = 0;           // from the Stt column
  TextLine task;            // "Tên nhiệm vụ" / "Nội dung"
  std::string lead;         // "Đơn vị chủ trì" cell
  std::string support;      // "Đơn vị phối hợp" cell
  std::string time;         // "Thời gian hoàn thành" cell
  std::string unit;         // "Đơn vị tính" cell
  std::string target;       // "Chỉ tiêu" / "Giao chỉ tiêu" cell
  std::vector<TextLine> other_cells;  // the rest (e.g. "Căn cứ thực hiện"), for references
  int64_t start = 0;
  int64_t end = 0;
  int page = 1;
};

struct Appendix {
  std::string columns_text;  // the column headings ("Thực hiện trong năm 2024" …)
  std::vector<AppendixRow> rows;
  std::vector<TextLine> texts;  // title and other lines, for references
};

struct LetterStructure {
  LetterHeader header;                 // every field but references
  std::vector<TextLine> header_texts;  // subject and other header text, for references
  std::vector<Block> blocks;
  int64_t body_end = 0;                // where "Nơi nhận"/the signature starts (original offset)
  int body_end_page = 1;
  int64_t attached_end = 0;            // end of a document issued with the letter (its items follow body_end)
  std::vector<Appendix> appendices;
  std::vector<std::string> copies_to;  // the "Nơi nhận" entries ("Như Điều 3", "Bộ Nội vụ", "Lưu: VT")
};

LetterStructure parse_letter(const StructureRules& rules, const std::vector<TextLine>& lines);

// Helpers shared with the extractor.
bool is_capitals(std::string_view text);        // letters mostly upper case
bool ends_sentence(std::string_view text);      // ends with . : ; ! ?
std::string trim_punctuation(std::string text);  // drops leading dashes and trailing ; . , :
bool starts_upper(std::string_view text);       // first letter (after quotes, brackets) is upper case

}  // namespace congvan
