// Reading "key = value" rule files and TSV tables from models/.
#include "extract/rules_file.h"

#include <fstream>
#include <sstream>

namespace congvan {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

Result<std::vector<std::string>> read_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.string() + ": cannot open rule file");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  if (!lines.empty() && lines[0].rfind("\xEF\xBB\xBF", 0) == 0) lines[0].erase(0, 3);
  return lines;
}

}  // namespace

Result<std::vector<RuleEntry>> read_rule_file(const std::filesystem::path& path) {
  auto lines = read_lines(path);
  if (!lines) return lines.status();
  std::vector<RuleEntry> entries;
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string t = trim((*lines)[i]);
    if (t.empty() || t[0] == '#') continue;
    size_t eq = t.find('=');
    RuleEntry e{path.string(), static_cast<int>(i + 1), "", ""};
    if (eq == std::string::npos || eq == 0) {
      return Status::error(e.where() + ": expected 'key = value'");
    }
    e.key = trim(t.substr(0, eq));
    e.value = trim(t.substr(eq + 1));
    entries.push_back(std::move(e));
  }
  return entries;
}

Result<std::vector<TableRow>> read_table_file(const std::filesystem::path& path) {
  auto lines = read_lines(path);
  if (!lines) return lines.status();
  std::vector<TableRow> rows;
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string& l = (*lines)[i];
    if (trim(l).empty() || trim(l)[0] == '#') continue;
    TableRow row{path.string(), static_cast<int>(i + 1), {}};
    std::stringstream ss(l);
    std::string field;
    while (std::getline(ss, field, '\t')) row.fields.push_back(trim(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::shared_ptr<const re2::RE2>> compile_pattern(const std::string& pattern,
                                                       const std::string& where,
                                                       bool case_sensitive) {
  re2::RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(re2::RE2::Options::EncodingUTF8);
  opts.set_case_sensitive(case_sensitive);
  auto re = std::make_shared<const re2::RE2>(pattern, opts);
  if (!re->ok()) return Status::error(where + ": bad pattern: " + re->error());
  return std::shared_ptr<const re2::RE2>(re);
}

}  // namespace congvan
