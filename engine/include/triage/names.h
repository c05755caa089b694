// One table per name: an enum's spellings in one array, from which its
// parsing, its printing and its did-you-mean list all come (as LLVM's .def
// files do), so that a parser here and a printer there cannot drift apart.
//
// A type takes part by specialising NameTable with a `kNames` array:
//
//   template <> struct NameTable<HitPolicy> {
//     static constexpr std::array<Named<HitPolicy>, 4> kNames = {{
//         {HitPolicy::kFirst, "first"}, ...}};
//   };
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

template <typename E>
struct Named {
  E value;
  std::string_view name;
};

/// Specialised for each enum with names (model.h, report.h, ...).
template <typename E>
struct NameTable;

/// The name of `value` as users write it.
template <typename E>
std::string_view NameOf(E value) {
  for (const Named<E>& n : NameTable<E>::kNames) {
    if (n.value == value) return n.name;
  }
  return "?";
}

/// The value spelled `name`, or nullopt.
template <typename E>
std::optional<E> ValueNamed(std::string_view name) {
  for (const Named<E>& n : NameTable<E>::kNames) {
    if (n.name == name) return n.value;
  }
  return std::nullopt;
}

/// Every name, in table order: the candidates of a did-you-mean.
template <typename E>
std::vector<std::string> AllNames() {
  std::vector<std::string> names;
  for (const Named<E>& n : NameTable<E>::kNames) names.emplace_back(n.name);
  return names;
}

/// "a, b or c" (for "use a, b or c" in messages and help).
std::string JoinChoices(const std::vector<std::string>& names);

/// Every name of E as "a, b or c".
template <typename E>
std::string NameChoices() {
  return JoinChoices(AllNames<E>());
}

}  // namespace triage
