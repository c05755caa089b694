// The shape of the code, checked: the engine's folders form layers (no
// folder includes one that includes it back), each source file includes its
// own header first, and the CLI uses only the engine's public headers.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

struct Source {
  std::string path;                   ///< relative to the source tree
  std::vector<std::string> includes;  ///< "..." includes, in order
};

std::vector<Source> Sources(const std::string& folder) {
  std::vector<Source> out;
  fs::path root = fs::path(TRIAGE_SOURCE_DIR);
  for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
    std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    Source s;
    s.path = fs::relative(entry.path(), root).string();
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      const std::string directive = "#include \"";
      if (line.rfind(directive, 0) != 0) continue;
      std::size_t end = line.find('"', directive.size());
      if (end != std::string::npos) {
        s.includes.push_back(line.substr(directive.size(), end - directive.size()));
      }
    }
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(),
            [](const Source& a, const Source& b) { return a.path < b.path; });
  return out;
}

// engine/compile/mdd.cc -> "compile"; engine/include/triage/x.h -> "".
std::string FolderOf(const std::string& path) {
  fs::path p(path);
  auto it = p.begin();
  ++it;  // engine
  std::string folder = it->string();
  return folder == "include" ? "" : folder;
}

// The folder each public header belongs to: that of the source files that
// include it first, as their own header.
std::map<std::string, std::string> Owners(const std::vector<Source>& sources) {
  std::map<std::string, std::string> owners;
  for (const Source& s : sources) {
    if (s.path.size() < 3 || s.path.substr(s.path.size() - 3) != ".cc" || s.includes.empty()) {
      continue;
    }
    const std::string& first = s.includes.front();
    if (first.rfind("triage/", 0) != 0) continue;
    std::string folder = FolderOf(s.path);
    INFO(first << " is the own header of files in " << owners[first] << " and " << folder);
    CHECK((owners[first].empty() || owners[first] == folder));
    owners[first] = folder;
  }
  return owners;
}

// A cycle in `edges` as "a -> b -> a", or "".
std::string FindCycle(const std::map<std::string, std::set<std::string>>& edges) {
  std::map<std::string, int> state;  // 1 on the path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& n) {
    state[n] = 1;
    path.push_back(n);
    auto it = edges.find(n);
    if (it != edges.end()) {
      for (const std::string& next : it->second) {
        if (state[next] == 1) {
          auto from = std::find(path.begin(), path.end(), next);
          for (auto k = from; k != path.end(); ++k) cycle += *k + " -> ";
          cycle += next;
          return true;
        }
        if (state[next] == 0 && visit(next)) return true;
      }
    }
    path.pop_back();
    state[n] = 2;
    return false;
  };
  for (const auto& [n, _] : edges) {
    if (state[n] == 0 && visit(n)) return cycle;
  }
  return "";
}

}  // namespace

TEST_CASE("structure: the engine's folders form layers") {
  std::vector<Source> sources = Sources("engine");
  std::map<std::string, std::string> owners = Owners(sources);
  std::map<std::string, std::set<std::string>> edges;
  for (const Source& s : sources) {
    std::string from = FolderOf(s.path);
    if (from.empty()) from = owners["triage/" + fs::path(s.path).filename().string()];
    INFO(s.path);
    REQUIRE(!from.empty());  // every public header is some folder's own
    for (const std::string& inc : s.includes) {
      std::string to = inc.rfind("triage/", 0) == 0 ? owners[inc] : inc.substr(0, inc.find('/'));
      INFO(s.path << " includes " << inc);
      REQUIRE(!to.empty());
      if (to != from) edges[from].insert(to);
    }
  }
  // The ground floor uses nothing; the pipeline is used by nothing.
  CHECK(edges["model"].empty());
  for (const auto& [from, to] : edges) CHECK(to.count("pipeline") == 0);
  std::string cycle = FindCycle(edges);
  INFO("folders that include each other: " << cycle);
  CHECK(cycle.empty());
}

TEST_CASE("structure: each source file includes its own header first") {
  fs::path root(TRIAGE_SOURCE_DIR);
  for (const char* folder : {"engine", "cli"}) {
    for (const Source& s : Sources(folder)) {
      fs::path p(s.path);
      if (p.extension() != ".cc") continue;
      std::string stem = p.stem().string();
      // Its own header is the one with its name: engine/compile/mdd.cc's is
      // "compile/mdd.h", engine/model/json.cc's "triage/json.h",
      // cli/io.cc's "cli/io.h".
      std::vector<std::pair<std::string, fs::path>> own;  // as included, where it is
      if (std::string(folder) == "cli") {
        own.emplace_back("cli/" + stem + ".h", root / "cli" / (stem + ".h"));
      } else {
        std::string sub = FolderOf(s.path);
        own.emplace_back(sub + "/" + stem + ".h", root / "engine" / sub / (stem + ".h"));
        own.emplace_back("triage/" + stem + ".h",
                         root / "engine" / "include" / "triage" / (stem + ".h"));
      }
      for (const auto& [header, where] : own) {
        if (!fs::exists(where)) continue;
        INFO(s.path << " implements " << header);
        REQUIRE(!s.includes.empty());
        CHECK(s.includes.front() == header);
      }
    }
  }
}

TEST_CASE("structure: the CLI uses only the engine's public headers") {
  for (const Source& s : Sources("cli")) {
    for (const std::string& inc : s.includes) {
      INFO(s.path << " includes " << inc);
      CHECK((inc.rfind("triage/", 0) == 0 || inc.rfind("cli/", 0) == 0));
    }
  }
}
