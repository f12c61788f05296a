// Test helpers: temporary folders, file I/O and running the real binary.
#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/wait.h>

namespace congvan::test {

std::filesystem::path source_dir() { return CONGVAN_SOURCE_DIR; }
std::filesystem::path samples_dir() { return source_dir() / "samples" / "letters"; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string read_scan(const std::string& variant, const std::string& file) {
  return read_file(source_dir() / "samples" / "scans" / variant / file);
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("congvan-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

CommandResult run_congvan(const std::string& args, const std::string& env) {
  TempDir tmp;
  std::string cmd = env + (env.empty() ? "" : " ") + std::string(CONGVAN_BINARY) + " " + args +
                    " >" + (tmp / "out").string() + " 2>" + (tmp / "err").string() + " </dev/null";
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

}  // namespace congvan::test
