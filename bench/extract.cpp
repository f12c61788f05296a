// Extraction throughput: the sample letters' text extracted over and over on
// one core, in MB of letter text per second (the target is 2 MB/s or more).
// Usage: extract_bench [LETTERS_DIR] [SECONDS]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "congvan/extract.h"
#include "congvan/rules.h"
#include "congvan/text.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path dir = argc > 1 ? argv[1] : CONGVAN_SOURCE_DIR "/samples/letters";
  const double seconds = argc > 2 ? std::stod(argv[2]) : 5.0;
  auto rules = congvan::load_rules(congvan::default_models_dir());
  if (!rules) {
    std::fprintf(stderr, "%s\n", rules.message().c_str());
    return 1;
  }
  std::vector<congvan::DocumentText> letters;
  size_t bytes_per_round = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto text = congvan::decode_text(ss.str());
    if (!text) continue;
    congvan::DocumentText doc;
    doc.pages.push_back({});
    doc.pages[0].text = *text;
    bytes_per_round += text->size();
    letters.push_back(std::move(doc));
  }
  if (letters.empty()) {
    std::fprintf(stderr, "%s: no letters\n", dir.c_str());
    return 1;
  }
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  size_t rounds = 0, tasks = 0;
  double elapsed = 0;
  do {
    for (const auto& doc : letters) tasks += congvan::extract(**rules, doc).tasks.size();
    ++rounds;
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  } while (elapsed < seconds);
  const double mb = static_cast<double>(bytes_per_round * rounds) / 1e6;
  std::printf("letters: %zu (%zu bytes)  rounds: %zu  tasks: %zu\n", letters.size(),
              bytes_per_round, rounds, tasks);
  std::printf("extraction: %.2f MB in %.2f s = %.2f MB/s on one core (%.2f ms per letter)\n", mb,
              elapsed, mb / elapsed, elapsed * 1000.0 / static_cast<double>(rounds * letters.size()));
  return 0;
}
