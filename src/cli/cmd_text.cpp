// `congvan text FILE [--pages 1,3-4] [--json]`: prints the normalised text
// congvan reads from a file, or per page its origin, confidence and word boxes.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/reader.h"
#include "congvan/rules.h"

namespace congvan {
namespace {

// Parses "1,3-4" into {1, 3, 4}; nullopt on a malformed list.
std::optional<std::vector<int>> parse_pages(const std::string& spec) {
  std::vector<int> pages;
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t dash = item.find('-');
    try {
      size_t used = 0;
      if (dash == std::string::npos) {
        int p = std::stoi(item, &used);
        if (used != item.size() || p < 1) return std::nullopt;
        pages.push_back(p);
      } else {
        std::string a = item.substr(0, dash), b = item.substr(dash + 1);
        size_t ua = 0, ub = 0;
        int from = std::stoi(a, &ua), to = std::stoi(b, &ub);
        if (ua != a.size() || ub != b.size() || from < 1 || to < from || to - from > 10000) return std::nullopt;
        for (int p = from; p <= to; ++p) pages.push_back(p);
      }
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (pages.empty()) return std::nullopt;
  return pages;
}

nlohmann::json page_json(const PageText& p, int number) {
  nlohmann::json j;
  j["page"] = number;
  j["origin"] = to_string(p.origin);
  j["text"] = p.text;
  j["confidence"] = p.confidence ? nlohmann::json(*p.confidence) : nlohmann::json(nullptr);
  j["needs_review"] = p.needs_review;
  if (p.origin == TextOrigin::kOcr) {
    j["ocr_reason"] = p.ocr_reason;
    j["raw_text"] = p.raw_text;
    j["width"] = p.width;
    j["height"] = p.height;
    j["dpi"] = p.dpi;
    j["rotation"] = p.rotation;
    j["skew_degrees"] = p.skew_degrees;
    nlohmann::json words = nlohmann::json::array();
    for (const OcrWord& w : p.words) {
      nlohmann::json jw = {{"text", w.text},       {"box", {w.x, w.y, w.width, w.height}},
                           {"confidence", w.confidence}, {"start", w.start},
                           {"end", w.end}};
      if (!w.raw_text.empty()) jw["raw"] = w.raw_text;
      if (w.needs_review) jw["needs_review"] = true;
      words.push_back(std::move(jw));
    }
    j["words"] = std::move(words);
  }
  return j;
}

}  // namespace

void register_text_command(CLI::App& app, CliContext& ctx) {
  struct Args {
    std::string file;
    std::string pages;
    bool json = false;
    bool force_ocr = false;
    bool raw = false;
    int dpi = 300;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("text", "Print the text congvan reads from a file (text, PDF or image)");
  cmd->add_option("file", args->file, "A letter: text, PDF or image")->required();
  cmd->add_option("--pages", args->pages, "Pages to read, e.g. 1,3-4 (PDF and multi-page TIFF)");
  cmd->add_flag("--json", args->json, "Per page: origin, confidence, OCR word boxes and offsets");
  cmd->add_flag("--ocr", args->force_ocr, "OCR every PDF page, even one with a text layer");
  cmd->add_flag("--raw", args->raw, "Print OCR text before correction");
  cmd->add_option("--dpi", args->dpi, "Resolution PDF pages are rendered at for OCR")->check(CLI::Range(70, 600));
  cmd->callback([&ctx, args] {
    ReadOptions options;
    options.force_ocr = args->force_ocr;
    options.render_dpi = args->dpi;
    if (!args->pages.empty()) {
      auto pages = parse_pages(args->pages);
      if (!pages) {
        print_error("--pages: expected a list like 1,3-4, got '" + args->pages + "'");
        ctx.exit_code = 2;
        return;
      }
      options.pages = std::move(*pages);
    }
    std::string models = ctx.models_dir.empty() ? default_models_dir().string() : ctx.models_dir;
    options.lexicon_path = models + "/ocr/vi_syllables.txt";
    std::ifstream in(args->file, std::ios::binary);
    if (!in) {
      print_error(args->file + ": cannot open file");
      ctx.exit_code = 1;
      return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    Reader reader(options);
    auto text = reader.read(ss.str(), args->file);
    if (!text) {
      print_error(text.message());
      ctx.exit_code = 1;
      return;
    }
    for (const auto& w : text->warnings) {
      if (!ctx.quiet) print_error(w);
    }
    if (args->json) {
      nlohmann::json j;
      j["file"] = args->file;
      j["origin"] = to_string(text->origin());
      j["ocr_confidence"] = text->ocr_confidence() ? nlohmann::json(*text->ocr_confidence()) : nlohmann::json(nullptr);
      j["unreadable_pages"] = text->unreadable_pages;
      nlohmann::json pages = nlohmann::json::array();
      // Page numbers: the selected ones in order, skipping unreadable pages.
      std::vector<int> numbers = options.pages;
      if (numbers.empty()) {
        for (int n = 1; static_cast<size_t>(numbers.size()) < text->pages.size() + text->unreadable_pages.size(); ++n) numbers.push_back(n);
      }
      std::erase_if(numbers, [&](int n) {
        return std::find(text->unreadable_pages.begin(), text->unreadable_pages.end(), n) != text->unreadable_pages.end();
      });
      for (size_t i = 0; i < text->pages.size(); ++i) {
        pages.push_back(page_json(text->pages[i], i < numbers.size() ? numbers[i] : static_cast<int>(i) + 1));
      }
      j["pages"] = std::move(pages);
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (size_t i = 0; i < text->pages.size(); ++i) {
      if (i) std::cout << '\f';
      const PageText& p = text->pages[i];
      std::cout << (args->raw && !p.raw_text.empty() ? p.raw_text : p.text);
    }
    if (!text->pages.empty() && !text->pages.back().text.empty() && text->pages.back().text.back() != '\n') {
      std::cout << '\n';
    }
  });
}

}  // namespace congvan
