// Loading the whole rule set from models/ and fingerprinting it.
#include "extract/rules.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "util/sha256.h"

namespace congvan {

Result<std::shared_ptr<const Rules>> load_rules(const std::filesystem::path& models_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(models_dir, ec)) {
    return Status::error(models_dir.string() +
                         ": rules folder not found (set CONGVAN_MODELS or --models)");
  }
  auto rules = std::make_shared<Rules>();
  auto structure = load_structure_rules(models_dir);
  if (!structure) return structure.status();
  rules->structure = std::move(structure.value());
  auto phrases = load_phrase_rules(models_dir);
  if (!phrases) return phrases.status();
  rules->phrases = std::move(phrases.value());

  // Version: hash of every regular file's relative name and bytes, in order.
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(models_dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += std::filesystem::relative(f, models_dir).string();
    all.push_back('\0');
    all += ss.str();
    all.push_back('\0');
  }
  rules->version = "r-" + sha256_hex(all).substr(0, 12);
  return std::shared_ptr<const Rules>(std::move(rules));
}

const std::string& rules_version(const Rules& rules) { return rules.version; }

std::filesystem::path default_models_dir() {
  if (const char* env = std::getenv("CONGVAN_MODELS"); env && *env) return env;
  std::filesystem::path compiled = CONGVAN_MODELS_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(compiled, ec)) return compiled;
  // Installed layout: <prefix>/bin/congvan and <prefix>/share/congvan/models.
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    buf[n] = '\0';
    auto p = std::filesystem::path(buf).parent_path().parent_path() / "share/congvan/models";
    if (std::filesystem::is_directory(p, ec)) return p;
  }
  return compiled;
}

}  // namespace congvan
