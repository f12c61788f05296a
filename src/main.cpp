// The congvan executable: everything is in the core library.
#include "congvan/cli.h"

int main(int argc, char** argv) { return congvan::run_cli(argc, argv); }
