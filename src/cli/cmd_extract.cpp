// `congvan extract FILE` and `congvan reextract`: extraction without storing,
// and re-running extraction over stored text after the rules change.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/export_json.h"
#include "congvan/extract.h"
#include "congvan/reader.h"
#include "util/sha256.h"

namespace congvan {

void register_extract_command(CLI::App& app, CliContext& ctx) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Print one letter's extraction as JSON (the export shape) without storing it");
  cmd->add_option("file", *file, "A letter: text, PDF or image")->required();
  cmd->callback([&ctx, file] {
    auto rules = open_rules(ctx);
    if (!rules) return;
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      print_error(*file + ": cannot open file");
      ctx.exit_code = 1;
      return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    Reader reader;
    auto text = reader.read(bytes, *file);
    if (!text) {
      print_error(text.message());
      ctx.exit_code = 1;
      return;
    }
    DocumentRecord record;
    record.source = std::filesystem::path(*file).filename().string();
    record.path = *file;
    record.sha256 = sha256_hex(bytes);
    record.pages = static_cast<int>(text->pages.size());
    record.origin = text->origin();
    record.ocr_confidence = text->ocr_confidence();
    record.extraction = extract(*rules, *text);
    std::cout << export_to_json({record}).dump(2) << "\n";
  });
}

void register_reextract_command(CLI::App& app, CliContext& ctx) {
  auto all = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "reextract", "Re-run extraction over stored text after the rules changed (no re-OCR)");
  cmd->add_flag("--all", *all, "Also documents already extracted with the current rules");
  cmd->callback([&ctx, all] {
    auto rules = open_rules(ctx);
    if (!rules) return;
    auto store = open_store(ctx);
    if (!store) return;
    auto docs = store->load_documents();
    if (!docs) {
      print_error(docs.message());
      ctx.exit_code = 1;
      return;
    }
    int changed = 0, unchanged = 0;
    for (const auto& d : *docs) {
      if (!*all && d.extraction.rules_version == rules_version(*rules)) {
        ++unchanged;
        continue;
      }
      auto text = store->load_text(d.id);
      Status s = text ? store->replace_extraction(d.id, extract(*rules, *text)) : text.status();
      if (!s) {
        print_error(d.path + ": " + s.message());
        ctx.exit_code = 1;
        continue;
      }
      ++changed;
    }
    if (!ctx.quiet) {
      std::cerr << fmt::format("{} documents re-extracted with rules {}, {} already current\n",
                               changed, rules_version(*rules), unchanged);
    }
  });
}

}  // namespace congvan
