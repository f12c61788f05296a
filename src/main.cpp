// The congvan executable: everything is in the core library.
#include "congvan/cli.h"
#include "congvan/reader.h"

int main(int argc, char** argv) {
  congvan::limit_ocr_threads_or_reexec(argv);
  return congvan::run_cli(argc, argv);
}
