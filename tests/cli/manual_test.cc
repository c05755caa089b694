// What the command says of itself (cli/manual.h) agrees everywhere: every
// option a verb declares is in its --help, its man page, docs/cli.md and
// the bash completion; docs/cli.md is what triage-docs writes.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <fstream>

#include "cli/manual.h"
#include "sandbox.h"
#include "triage/version.h"

namespace {

using triage::cli::CommandDoc;
using triage::cli::OptionDoc;
using triage::cli::VerbDoc;
using triage::testing::Sandbox;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A name as the man page writes it: hyphens as \-.
std::string RoffName(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("cli: docs/cli.md is what triage-docs writes from the verbs' declarations") {
  std::string written = triage::cli::MarkdownReference(triage::cli::DescribeCommand());
  std::filesystem::path path = std::filesystem::path(TRIAGE_SOURCE_DIR) / "docs" / "cli.md";
  if (std::getenv("TRIAGE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << written;
  }
  INFO("run build/cli/triage-docs markdown docs/cli.md (or TRIAGE_UPDATE_GOLDEN=1) to update it");
  CHECK(triage::testing::ReadSourceFile("docs/cli.md") == written);
}

TEST_CASE(
    "cli: every option of every verb is in its --help, man page, docs/cli.md and completion") {
  CommandDoc command = triage::cli::DescribeCommand();
  REQUIRE(command.verbs.size() >= 8);
  std::string markdown = triage::cli::MarkdownReference(command);
  std::string completion = triage::cli::BashCompletion(command);
  std::string main_page = triage::cli::ManPage(command, nullptr);
  Sandbox box;
  for (const VerbDoc& verb : command.verbs) {
    INFO("verb " << verb.name);
    std::string help = box.Triage(verb.name + " --help").out;
    std::string page = triage::cli::ManPage(command, &verb);
    CHECK(Has(help, verb.summary));
    CHECK(Has(page, ".TH TRIAGE\\-" + Upper(verb.name) + " 1 "));
    CHECK(Has(main_page, "\\fBtriage\\-" + verb.name + "\\fR(1)"));
    CHECK(Has(markdown, "## `triage " + verb.name + "`"));
    CHECK(Has(completion, "    " + verb.name + ")\n"));
    for (const std::string& example : verb.examples) CHECK(Has(help, example));
    CHECK(Has(help, "Exit status: " + verb.exit_status));
    for (const OptionDoc& option : verb.options) {
      for (const std::string& name : option.names) {
        INFO("option " << name);
        CHECK(Has(help, name));
        CHECK(Has(page, RoffName(name)));
        CHECK(Has(markdown, name));
        if (!option.positional) CHECK(Has(completion, name));
      }
      for (const std::string& choice : option.choices) CHECK(Has(completion, choice));
    }
  }
}

TEST_CASE("cli: --version names triage's version and the rule language's") {
  Sandbox box;
  triage::testing::Run r = box.Triage("--version");
  CHECK(r.status == 0);
  CHECK(r.out == "triage " + std::string(triage::kVersion) + " (rule language version " +
                     std::to_string(triage::kRuleLanguageVersion) + ")\n");
}

TEST_CASE("cli: a man page's text cannot be read as roff requests") {
  CommandDoc command;
  command.name = "triage";
  command.about = "triage: about";
  command.version = "1";
  VerbDoc verb;
  verb.name = "x";
  verb.summary = "A summary";
  verb.notes = "first line\n.SH INJECTED\n'also\nback\\slash";
  command.verbs.push_back(verb);
  std::string page = triage::cli::ManPage(command, &command.verbs.front());
  CHECK_FALSE(Has(page, "\n.SH INJECTED"));
  CHECK(Has(page, "\n\\&.SH INJECTED"));
  CHECK(Has(page, "\n\\&'also"));
  CHECK(Has(page, "back\\eslash"));
}
