// `triage-docs`: writes what the command says of itself (manual.h) as man
// pages, docs/cli.md and the bash completion. The build runs it for the
// man pages and the completion it installs; a test compares docs/cli.md
// with what it writes.
#include <fstream>
#include <iostream>
#include <string>

#include "cli/manual.h"

namespace {

bool Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "triage-docs: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string what = argc == 3 ? argv[1] : "";
  if (what != "man" && what != "markdown" && what != "completion") {
    std::cerr << "usage: triage-docs man DIR | markdown FILE | completion FILE\n";
    return 2;
  }
  std::string where = argv[2];
  triage::cli::CommandDoc command = triage::cli::DescribeCommand();
  if (what == "markdown") return Write(where, triage::cli::MarkdownReference(command)) ? 0 : 2;
  if (what == "completion") return Write(where, triage::cli::BashCompletion(command)) ? 0 : 2;
  bool ok = Write(where + "/" + command.name + ".1", triage::cli::ManPage(command, nullptr));
  for (const triage::cli::VerbDoc& verb : command.verbs) {
    ok = Write(where + "/" + command.name + "-" + verb.name + ".1",
               triage::cli::ManPage(command, &verb)) &&
         ok;
  }
  return ok ? 0 : 2;
}
