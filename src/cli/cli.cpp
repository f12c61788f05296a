// The command line (being written).
#include "congvan/cli.h"

namespace congvan {
int run_cli(int, char**) { return 0; }
}  // namespace congvan
