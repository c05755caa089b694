// Drawing the decision graph: DOT through Boost.Graph's write_graphviz, and
// JSON for programs.
#include "triage/report.h"

#include <sstream>

// GCC 12 warns about an optional inside Boost's edge iterator that it cannot
// see initialised; the warning is in Boost's code, not ours.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <fmt/format.h>

#include "triage/json.h"

namespace triage {
namespace {

// One edge per distinct child of a node, with the cells that lead there.
struct Edge {
  DecisionGraph::Ref to;
  std::vector<int> cells;
};

std::vector<Edge> EdgesOf(const DecisionGraph& g, int node) {
  std::vector<Edge> edges;
  int fact = g.nodes()[node].fact;
  for (int c = 0; c < g.domain(fact).cell_count(); ++c) {
    DecisionGraph::Ref to = g.Child(node, c);
    auto it = std::find_if(edges.begin(), edges.end(), [&](const Edge& e) { return e.to == to; });
    if (it == edges.end()) {
      edges.push_back({to, {c}});
    } else {
      it->cells.push_back(c);
    }
  }
  return edges;
}

std::string DotEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

const char* RouteColour(int route) {
  static const char* kPalette[] = {"#f4cccc", "#fce5cd", "#cfe2f3", "#d9ead3",
                                   "#ead1dc", "#fff2cc", "#d0e0e3", "#d9d2e9"};
  return kPalette[route % 8];
}

std::string LeafLabel(const DecisionGraph& g, const Leaf& leaf, std::string_view lang) {
  const RuleSet& rs = g.rules();
  bool nl = lang == "nl";
  if (leaf.routes.empty()) return nl ? "geen route" : "no route";
  std::string label;
  for (size_t k = 0; k < leaf.routes.size(); ++k) {
    const Route& r = rs.routes[leaf.routes[k]];
    const std::string& text = r.label.Get(lang);
    label += fmt::format("{}{}", k ? "\n+ " : "", text.empty() ? r.name : text);
  }
  if (leaf.conflict) return label + (nl ? "\n(overlap)" : "\n(overlap)");
  if (leaf.rule >= 0) {
    return label + (nl ? "\nregel " : "\nrule ") + rs.rules[leaf.rule].id;
  }
  if (leaf.by_default) return label + (nl ? "\n(standaard)" : "\n(default)");
  return label;
}

}  // namespace

std::string GraphDot(const DecisionGraph& g, std::string_view lang) {
  const RuleSet& rs = g.rules();
  std::string language = lang.empty() ? rs.DefaultLanguage() : std::string(lang);
  size_t nodes = g.nodes().size();
  // Vertices: inner nodes first, then leaves.
  auto vertex_of = [&](DecisionGraph::Ref r) {
    return DecisionGraph::IsLeaf(r) ? nodes + static_cast<size_t>(DecisionGraph::LeafOf(r))
                                    : static_cast<size_t>(r);
  };
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                            boost::property<boost::edge_index_t, int>>;
  Graph bg(nodes + g.leaves().size());
  std::vector<std::string> edge_labels;
  for (size_t n = 0; n < nodes; ++n) {
    int fact = g.nodes()[n].fact;
    for (const Edge& e : EdgesOf(g, static_cast<int>(n))) {
      std::string label;
      for (size_t k = 0; k < e.cells.size(); ++k) {
        label += (k ? ", " : "") + g.domain(fact).Describe(e.cells[k]);
      }
      boost::add_edge(n, vertex_of(e.to), static_cast<int>(edge_labels.size()), bg);
      edge_labels.push_back(label);
    }
  }
  auto vertex_writer = [&](std::ostream& out, size_t v) {
    if (v < nodes) {
      const Fact& f = rs.facts[static_cast<size_t>(g.nodes()[v].fact)];
      const std::string& label = f.label.Get(language);
      out << fmt::format("[label=\"{}\", shape=box, style=rounded]",
                         DotEscape(label.empty() ? f.name : label + "\n(" + f.name + ")"));
      return;
    }
    const Leaf& leaf = g.leaves()[v - nodes];
    out << fmt::format("[label=\"{}\", shape=box, style=filled, fillcolor=\"{}\"]",
                       DotEscape(LeafLabel(g, leaf, language)),
                       leaf.routes.empty() ? "#eeeeee" : RouteColour(leaf.routes[0]));
  };
  auto edge_writer = [&](std::ostream& out, const Graph::edge_descriptor& e) {
    int index = boost::get(boost::edge_index, bg, e);
    out << fmt::format("[label=\"{}\"]", DotEscape(edge_labels[static_cast<size_t>(index)]));
  };
  auto graph_writer = [&](std::ostream& out) {
    out << "rankdir=TB;\nfontname=\"Helvetica\";\n"
           "node [fontname=\"Helvetica\", fontsize=11];\n"
           "edge [fontname=\"Helvetica\", fontsize=9];\n";
    out << fmt::format("label=\"{} {}\";\nlabelloc=t;\n",
                       DotEscape(rs.title.Get(language).empty() ? rs.id : rs.title.Get(language)),
                       DotEscape(rs.version));
  };
  std::ostringstream out;
  boost::write_graphviz(out, bg, vertex_writer, edge_writer, graph_writer);
  return out.str();
}

std::string GraphJson(const DecisionGraph& g) {
  const RuleSet& rs = g.rules();
  auto ref = [](DecisionGraph::Ref r) {
    return DecisionGraph::IsLeaf(r) ? fmt::format("\"leaf{}\"", DecisionGraph::LeafOf(r))
                                    : fmt::format("\"node{}\"", r);
  };
  std::string out = fmt::format(
      "{{\"ruleset\": {{\"id\": {}, \"version\": {}, \"sha256\": {}}}, "
      "\"hit_policy\": \"{}\", \"root\": {}, \"fact_order\": [",
      JsonString(rs.id), JsonString(rs.version), JsonString(rs.sha256), NameOf(rs.hit_policy),
      ref(g.root()));
  for (size_t k = 0; k < g.fact_order().size(); ++k) {
    out += (k ? ", " : "") + JsonString(rs.facts[g.fact_order()[k]].name);
  }
  out += "],\n \"nodes\": [";
  for (size_t n = 0; n < g.nodes().size(); ++n) {
    int fact = g.nodes()[n].fact;
    out += fmt::format("{}\n  {{\"id\": \"node{}\", \"fact\": {}, \"edges\": [", n ? "," : "", n,
                       JsonString(rs.facts[fact].name));
    std::vector<Edge> edges = EdgesOf(g, static_cast<int>(n));
    for (size_t k = 0; k < edges.size(); ++k) {
      out += fmt::format("{}{{\"to\": {}, \"values\": [", k ? ", " : "", ref(edges[k].to));
      for (size_t c = 0; c < edges[k].cells.size(); ++c) {
        out += (c ? ", " : "") + JsonString(g.domain(fact).Describe(edges[k].cells[c]));
      }
      out += "]}";
    }
    out += "]}";
  }
  out += "],\n \"leaves\": [";
  for (size_t l = 0; l < g.leaves().size(); ++l) {
    const Leaf& leaf = g.leaves()[l];
    out += fmt::format("{}\n  {{\"id\": \"leaf{}\", \"routes\": [", l ? "," : "", l);
    for (size_t k = 0; k < leaf.routes.size(); ++k) {
      out += (k ? ", " : "") + JsonString(rs.routes[leaf.routes[k]].name);
    }
    out += "], \"rule\": ";
    out += leaf.rule >= 0 ? JsonString(rs.rules[leaf.rule].id) : "null";
    out += ", \"rules\": [";
    for (size_t k = 0; k < leaf.rules.size(); ++k) {
      out += (k ? ", " : "") + JsonString(rs.rules[leaf.rules[k]].id);
    }
    out += fmt::format("], \"default\": {}, \"overlap\": {}}}", leaf.by_default ? "true" : "false",
                       leaf.conflict ? "true" : "false");
  }
  return out + "]}\n";
}

}  // namespace triage
