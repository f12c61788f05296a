// Reading the rule files under models/: "key = value" pattern files and
// tab-separated tables, with file and line kept for error messages.
//
// Pattern file format (*.rules): UTF-8; lines starting with '#' and blank
// lines are ignored; every other line is `key = value`, spaces around the
// first '=' trimmed. Keys may repeat (a list). Table format (*.tsv): UTF-8;
// '#' comment lines; fields separated by tabs.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "congvan/result.h"

namespace congvan {

struct RuleEntry {
  std::string file;  // path as given, for messages
  int line = 0;
  std::string key;
  std::string value;
  std::string where() const { return file + ":" + std::to_string(line); }
};

Result<std::vector<RuleEntry>> read_rule_file(const std::filesystem::path& path);

struct TableRow {
  std::string file;
  int line = 0;
  std::vector<std::string> fields;
  std::string where() const { return file + ":" + std::to_string(line); }
};

Result<std::vector<TableRow>> read_table_file(const std::filesystem::path& path);

// Compiles `pattern` as UTF-8 RE2 with logging off; a bad pattern is an error
// "<where>: bad pattern: <RE2's reason>".
Result<std::shared_ptr<const re2::RE2>> compile_pattern(const std::string& pattern,
                                                       const std::string& where,
                                                       bool case_sensitive = true);

}  // namespace congvan
