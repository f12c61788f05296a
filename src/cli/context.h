// Helpers the subcommands share: opening the store and loading the rules
// named by the global options, with errors printed once.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "congvan/rules.h"
#include "congvan/store.h"

namespace congvan {

// Opens the database named by --db / $CONGVAN_DB / the default; on failure
// prints the error and sets exit code 1.
std::optional<Store> open_store(CliContext& ctx);

// Loads the rules named by --models / $CONGVAN_MODELS / the default.
std::shared_ptr<const Rules> open_rules(CliContext& ctx);

// Prints "congvan: <message>" on stderr.
void print_error(const std::string& message);

// Width of the terminal on stdout, or $COLUMNS, or 120 when not a terminal.
int terminal_width();
bool stdout_is_terminal();

// Accepts 2024-12-31 or 31/12/2024 (also 31-12-2024, 31.12.2024); ISO out.
std::optional<std::string> parse_user_date(const std::string& text);

}  // namespace congvan
