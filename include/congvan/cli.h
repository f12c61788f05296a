// The command line: parses arguments, runs one subcommand, returns the exit
// code (0 ok, 1 some inputs failed, 2 usage error).
#pragma once

namespace congvan {

int run_cli(int argc, char** argv);

}  // namespace congvan
