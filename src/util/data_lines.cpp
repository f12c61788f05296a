// Reading the line-based data files under models/ (see data_lines.h).
#include "util/data_lines.h"

#include <fstream>

namespace congvan {

Result<std::vector<DataLine>> read_data_lines(const std::filesystem::path& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.string() + ": cannot open " + std::string(what));
  std::vector<DataLine> lines;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    lines.push_back({line, path.string() + ":" + std::to_string(number)});
  }
  return lines;
}

}  // namespace congvan
