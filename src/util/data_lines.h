// Data files under models/ (word lists, tables): UTF-8 text read line by
// line, with a leading BOM and CR line ends dropped, blank lines and '#'
// comments skipped, and each line kept with "PATH:N" for error messages.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "congvan/result.h"

namespace congvan {

struct DataLine {
  std::string text;   // the line as written, without its line end
  std::string where;  // "PATH:N", N counted from 1 over every line
};

// The data lines of `path`; `what` names the file in the error when it cannot
// be opened ("the syllable lexicon": "PATH: cannot open the syllable lexicon").
Result<std::vector<DataLine>> read_data_lines(const std::filesystem::path& path, std::string_view what);

}  // namespace congvan
