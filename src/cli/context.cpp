// Shared CLI helpers: store and rules opening, terminal size, user dates.
#include "cli/context.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <re2/re2.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace congvan {

void print_error(const std::string& message) { std::cerr << "congvan: " << message << "\n"; }

std::optional<Store> open_store(CliContext& ctx) {
  if (ctx.db_path.empty()) ctx.db_path = default_database_path().string();
  auto store = Store::open(ctx.db_path);
  if (!store) {
    print_error(store.message());
    ctx.exit_code = 1;
    return std::nullopt;
  }
  return std::move(store.value());
}

std::shared_ptr<const Rules> open_rules(CliContext& ctx) {
  if (ctx.models_dir.empty()) ctx.models_dir = default_models_dir().string();
  auto rules = load_rules(ctx.models_dir);
  if (!rules) {
    print_error(rules.message());
    ctx.exit_code = 1;
    return nullptr;
  }
  return rules.value();
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

int terminal_width() {
  winsize ws{};
  if (stdout_is_terminal() && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  if (const char* c = std::getenv("COLUMNS"); c && std::atoi(c) > 0) return std::atoi(c);
  return 120;
}

std::optional<std::string> parse_user_date(const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (RE2::FullMatch(text, R"((\d{4})-(\d{1,2})-(\d{1,2}))", &y, &m, &d) ||
      RE2::FullMatch(text, R"((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}))", &d, &m, &y)) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return std::nullopt;
    return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  }
  return std::nullopt;
}

}  // namespace congvan
