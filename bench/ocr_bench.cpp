// OCR benchmark: pages/s on 1 and 2 workers and character error rate (NFC,
// whitespace collapsed) of congvan, the tesseract command and OCRmyPDF, on
// the same page images in the same run. Inputs come from
// samples/render/render_letters.py: DIR/<variant>/<stem>.{png,jpg} and
// DIR/truth/<stem>.txt.
//
// Usage: ocr_bench DIR [--variants clean300,deg300,deg200] [--no-ocrmypdf]
//                      [--no-tesseract] [--workers2] [--rounds N] [--limit N] [--second lines|noalt|none]
// --rounds N (default 3) repeats the page list N times for the 1- and 2-worker
// runs: with nine pages of unequal size, two workers would otherwise wait on
// the last page, and the ratio would measure that tail, not throughput.
// The second congvan row is "lines" (split_columns off), "noalt" (without
// Tesseract's per-symbol alternatives) or "none".
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "congvan/reader.h"
#include "congvan/text.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::u32string normalised(const std::string& utf8) {
  std::string nfc = congvan::to_nfc(utf8);
  std::u32string out;
  bool space = true;
  for (size_t i = 0; i < nfc.size();) {
    unsigned char c = nfc[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < nfc.size(); ++k) cp = (cp << 6) | (nfc[i + k] & 0x3F);
    i += len;
    bool ws = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0;
    if (ws) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(cp);
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Levenshtein distance on code points.
size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct Page {
  fs::path image;
  std::string stem;
  std::u32string truth;         // truth/: layout order, header columns side by side
  std::u32string truth_blocks;  // truth_blocks/: two-column runs as left then right block
  int dpi = 300;
};

struct Outcome {
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // CPU time of the process and its children
  size_t errors = 0, errors_blocks = 0, chars = 0, chars_blocks = 0;
  int failures = 0;
  size_t pages = 0;
  void add_text(const std::string& text, const Page& page) {
    if (text.empty()) ++failures;
    std::u32string got = normalised(text);
    errors += edit_distance(got, page.truth);
    chars += page.truth.size();
    errors_blocks += edit_distance(got, page.truth_blocks);
    chars_blocks += page.truth_blocks.size();
    ++pages;
  }
};

double cpu_now() {
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return secs(self.ru_utime) + secs(self.ru_stime) + secs(children.ru_utime) + secs(children.ru_stime);
}

std::string run_capture(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

using ReadFn = std::function<std::string(const Page&)>;

// Times one read of one page, wall and CPU.
std::string timed(const ReadFn& read, const Page& page, Outcome& o) {
  double cpu0 = cpu_now();
  auto t0 = Clock::now();
  std::string text = read(page);
  o.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  o.cpu_seconds += cpu_now() - cpu0;
  o.add_text(text, page);
  return text;
}

// Runs readers made by `make` over all pages on `workers` threads: wall time.
Outcome run_parallel(const std::vector<Page>& pages, int workers, const std::function<ReadFn()>& make) {
  Outcome o;
  std::vector<std::string> texts(pages.size());
  std::vector<ReadFn> readers;
  for (int w = 0; w < workers; ++w) readers.push_back(make());
  // Warm-up outside the timing: each worker's engine initialised on a first page.
  for (int w = 0; w < workers; ++w) readers[w](pages[0]);
  std::atomic<size_t> next{0};
  double cpu0 = cpu_now();
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (size_t i; (i = next++) < pages.size();) texts[i] = readers[w](pages[i]);
    });
  }
  for (auto& t : threads) t.join();
  o.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  o.cpu_seconds = cpu_now() - cpu0;
  for (size_t i = 0; i < pages.size(); ++i) o.add_text(texts[i], pages[i]);
  return o;
}

void print(const std::string& variant, const std::string& tool, int workers, const Outcome& o) {
  size_t n = o.pages;
  std::printf(
      "%-9s %-20s workers=%d pages=%zu  wall %6.3f pages/s (%5.2f s/page)  cpu %5.2f s/page  "
      "CER %6.3f %% (layout truth) %6.3f %% (block truth)%s\n",
      variant.c_str(), tool.c_str(), workers, n, n / o.seconds, o.seconds / n, o.cpu_seconds / n,
      100.0 * o.errors / std::max<size_t>(1, o.chars), 100.0 * o.errors_blocks / std::max<size_t>(1, o.chars_blocks),
              o.failures ? (" failures=" + std::to_string(o.failures)).c_str() : "");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  congvan::limit_ocr_threads_or_reexec(argv);
  if (argc < 2) {
    std::cerr << "usage: ocr_bench DIR [--variants clean300,deg300,deg200] [--no-ocrmypdf] [--no-tesseract] "
                 "[--workers2] [--rounds N] [--limit N] [--second lines|noalt|none]\n";
    return 2;
  }
  fs::path dir = argv[1];
  std::vector<std::string> variants = {"clean300", "deg300", "deg200"};
  bool ocrmypdf = true, tesseract = true, workers2 = false;
  size_t limit = 1000;
  size_t rounds = 3;
  std::string second = "lines";
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-ocrmypdf") ocrmypdf = false;
    else if (a == "--no-tesseract") tesseract = false;
    else if (a == "--workers2") workers2 = true;
    else if (a == "--limit" && i + 1 < argc) limit = std::stoul(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc) rounds = std::max<size_t>(1, std::stoul(argv[++i]));
    else if (a == "--second" && i + 1 < argc) second = argv[++i];
    else if (a == "--variants" && i + 1 < argc) {
      variants.clear();
      std::stringstream ss(argv[++i]);
      for (std::string v; std::getline(ss, v, ',');) variants.push_back(v);
    }
  }
  fs::path tmp = fs::temp_directory_path() / ("ocr_bench_" + std::to_string(getpid()));
  fs::create_directories(tmp);
  for (const std::string& variant : variants) {
    std::vector<Page> pages;
    std::vector<fs::path> files;
    for (auto& e : fs::directory_iterator(dir / variant)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      if (pages.size() >= limit) break;
      if (f.extension() == ".tif") continue;  // multi-page letters: only single pages are compared
      Page p;
      p.image = f;
      p.stem = f.stem().string();
      p.truth = normalised(slurp(dir / "truth" / (p.stem + ".txt")));
      p.truth_blocks = normalised(slurp(dir / "truth_blocks" / (p.stem + ".txt")));
      p.dpi = variant.find("200") != std::string::npos ? 200 : 300;
      pages.push_back(std::move(p));
    }
    if (pages.empty()) continue;
    auto congvan_reader = [](bool split, bool alternatives = true) -> ReadFn {
      congvan::ReadOptions o;
      o.split_columns = split;
      o.ocr_alternatives = alternatives;
      auto reader = std::make_shared<congvan::Reader>(o);
      return [reader](const Page& p) {
        auto r = reader->read(slurp(p.image), p.image.string());
        return r ? r->joined() : std::string();
      };
    };
    ReadFn tess = [](const Page& p) {
      return run_capture("tesseract " + quote(p.image) + " - -l vie --psm 3 2>/dev/null");
    };
    ReadFn ocrm = [&tmp](const Page& p) {
      fs::path side = tmp / (p.stem + ".txt"), out = tmp / (p.stem + ".pdf");
      std::string cmd = "ocrmypdf -q -l vie --jobs 1 --image-dpi " + std::to_string(p.dpi) + " --sidecar " +
                        quote(side) + " " + quote(p.image) + " " + quote(out) + " >/dev/null 2>&1";
      if (std::system(cmd.c_str()) != 0) return std::string();
      std::string text = slurp(side);
      fs::remove(side);
      fs::remove(out);
      return text;
    };
    // One worker: the tools take turns page by page, so that the load of the
    // machine weighs on them alike. congvan's engine is initialised once per
    // worker (a first read outside the timing), the command pays it per page.
    ReadFn cv = congvan_reader(true);
    ReadFn cv_lines = second == "noalt" ? congvan_reader(true, false) : congvan_reader(false);
    const std::string second_name = second == "noalt" ? "congvan (no alts)" : "congvan (lines)";
    cv(pages[0]);
    if (second != "none") cv_lines(pages[0]);
    Outcome o_cv, o_lines, o_tess, o_ocrm;
    for (const Page& p : pages) {
      timed(cv, p, o_cv);
      if (second != "none") timed(cv_lines, p, o_lines);
      if (tesseract) timed(tess, p, o_tess);
      if (ocrmypdf) timed(ocrm, p, o_ocrm);
    }
    print(variant, "congvan", 1, o_cv);
    if (second != "none") print(variant, second_name, 1, o_lines);
    if (tesseract) print(variant, "tesseract", 1, o_tess);
    if (ocrmypdf) print(variant, "ocrmypdf --sidecar", 1, o_ocrm);
    if (workers2) {
      std::vector<Page> many;
      for (size_t r = 0; r < rounds; ++r) many.insert(many.end(), pages.begin(), pages.end());
      auto make_cv = [&] { return congvan_reader(true); };
      Outcome one = run_parallel(many, 1, make_cv);
      Outcome two = run_parallel(many, 2, make_cv);
      print(variant, "congvan", 1, one);
      print(variant, "congvan", 2, two);
      std::printf("%-9s congvan 2 workers / 1 worker: %.2fx\n", variant.c_str(), one.seconds / two.seconds);
      if (tesseract) {
        // The command's own scaling on the same pages: what the machine allows.
        Outcome t1 = run_parallel(many, 1, [&] { return tess; });
        Outcome t2 = run_parallel(many, 2, [&] { return tess; });
        print(variant, "tesseract", 1, t1);
        print(variant, "tesseract", 2, t2);
        std::printf("%-9s tesseract 2 workers / 1 worker: %.2fx\n", variant.c_str(), t1.seconds / t2.seconds);
      }
    }
  }
  fs::remove_all(tmp);
  return 0;
}
