// Shared helpers for the tests: paths to samples, temporary folders, running
// the real binary.
#pragma once

#include <filesystem>
#include <string>

namespace congvan::test {

std::filesystem::path source_dir();   // the repository
std::filesystem::path samples_dir();  // samples/letters
std::string read_file(const std::filesystem::path& path);
// The bytes of a committed test scan: samples/scans/VARIANT/FILE.
std::string read_scan(const std::string& variant, const std::string& file);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// A fresh temporary folder removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the congvan binary with `args` (already shell-quoted as needed).
CommandResult run_congvan(const std::string& args, const std::string& env = "");

}  // namespace congvan::test
