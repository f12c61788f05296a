// Tests for src/parse: header, recipients, item tree, signer and appendix
// tables, on the sample letters and on hand-written variants.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

#include "congvan/text.h"
#include "parse/letter_parser.h"
#include "test_support.h"
#include "text/cleanup.h"

using namespace congvan;

namespace {

const StructureRules& structure_rules() {
  static const StructureRules rules = [] {
    auto r = load_structure_rules(test::source_dir() / "models");
    REQUIRE(r);
    return std::move(r.value());
  }();
  return rules;
}

LetterStructure parse_text(const std::string& text) {
  CleanupOptions options;
  options.is_stamp_line = [](std::string_view line) { return structure_rules().matches("stamp_line", line); };
  return parse_letter(structure_rules(), clean_letter_text(text, options));
}

LetterStructure parse_sample(const std::string& name) {
  auto text = decode_text(test::read_file(test::samples_dir() / name));
  REQUIRE(text);
  return parse_text(*text);
}

}  // namespace

TEST_CASE("dump the structure of a letter (CONGVAN_DUMP=path)", "[.dump]") {
  const char* path = std::getenv("CONGVAN_DUMP");
  REQUIRE(path);
  auto text = decode_text(test::read_file(path));
  REQUIRE(text);
  const LetterStructure s = parse_text(*text);
  const auto& h = s.header;
  auto o = [](const std::optional<std::string>& v) { return v ? *v : std::string("null"); };
  std::cout << "issuer=" << o(h.issuer) << "\ntype=" << o(h.doc_type) << "\nnumber=" << o(h.number)
            << "\nsymbol=" << o(h.symbol) << "\nplace=" << o(h.place) << "\ndate=" << o(h.date)
            << "\nsubject=" << o(h.subject) << "\nsigner=" << o(h.signer.name) << " | " << o(h.signer.title)
            << " | " << o(h.signer.authority) << "\n";
  for (const auto& r : h.recipients) std::cout << "recipient: " << r << "\n";
  for (const auto& b : s.blocks) {
    std::cout << "[" << static_cast<int>(b.kind) << " " << b.path << " lab=" << b.label << " par=" << b.parent
              << (b.heading ? " H" : "") << (b.before_items ? " PRE" : "") << (b.closing ? " CLOSE" : "") << " @"
              << b.start << "] " << b.text.text.substr(0, 90) << "\n";
  }
  std::cout << "body_end=" << s.body_end << "\n";
  for (const auto& a : s.appendices) {
    std::cout << "appendix columns: " << a.columns_text << "\n";
    for (const auto& r : a.rows) {
      std::cout << "  PL." << r.number << " task=" << r.task.text.substr(0, 60) << " | lead=" << r.lead
                << " | support=" << r.support << " | unit=" << r.unit << " | target=" << r.target << "\n";
    }
  }
}
