// `congvan text FILE`: prints the normalised text congvan reads from a file.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/context.h"
#include "congvan/reader.h"

namespace congvan {

void register_text_command(CLI::App& app, CliContext& ctx) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("text", "Print the text congvan reads from a file");
  cmd->add_option("file", *file, "A letter: text, PDF or image")->required();
  cmd->callback([&ctx, file] {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      print_error(*file + ": cannot open file");
      ctx.exit_code = 1;
      return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    Reader reader;
    auto text = reader.read(ss.str(), *file);
    if (!text) {
      print_error(text.message());
      ctx.exit_code = 1;
      return;
    }
    std::cout << text->joined();
  });
}

}  // namespace congvan
