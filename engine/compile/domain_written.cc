// FactDomain::Written: a set of a fact's cells as the condition a rule file
// writes for it, so that reports speak the rule language rather than the
// cells' own notation (compile.h).
#include "triage/compile.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "triage/assert.h"

namespace triage {
namespace {

// "[a, b]".
std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return "[" + out + "]";
}

// `name == v` / `name in [...]`, or `!=` / `not in` for what is left out
// when that is shorter.
std::string Listed(std::string_view name, const std::vector<std::string>& in,
                   const std::vector<std::string>& out, bool out_is_complete) {
  if (in.size() == 1 && (in.size() <= out.size() || !out_is_complete)) {
    return fmt::format("{} == {}", name, in[0]);
  }
  if (!out_is_complete || in.size() <= out.size()) return fmt::format("{} in {}", name, List(in));
  if (out.size() == 1) return fmt::format("{} != {}", name, out[0]);
  return fmt::format("{} not in {}", name, List(out));
}

// Several alternatives: joined with "or", in brackets.
std::string AnyOf(const std::vector<std::string>& parts) {
  if (parts.size() == 1) return parts[0];
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " or ") + p;
  return "(" + out + ")";
}

}  // namespace

std::string FactDomain::Written(std::string_view name, const std::vector<bool>& cells) const {
  int allowed = static_cast<int>(std::count(cells.begin(), cells.end(), true));
  if (allowed == cell_count_) return "";
  auto on = [&](int c) { return cells[static_cast<size_t>(c)]; };
  switch (type_) {
    case FactType::kBool:
      return on(1) ? std::string(name) : fmt::format("not {}", name);
    case FactType::kEnum:
    case FactType::kString: {
      std::vector<std::string> in, out;
      bool other_allowed = false;
      for (int c = 0; c < cell_count_; ++c) {
        bool listed = type_ == FactType::kEnum || c < static_cast<int>(strings_.size());
        if (!listed) {
          other_allowed = on(c);
          continue;
        }
        std::string v = type_ == FactType::kEnum ? fact_->values[static_cast<size_t>(c)]
                                                 : fmt::format("'{}'", strings_[c]);
        (on(c) ? in : out).push_back(std::move(v));
      }
      if (type_ == FactType::kString && other_allowed) {
        // Any other text allowed: only what is left out can be listed.
        if (out.size() == 1) return fmt::format("{} != {}", name, out[0]);
        return fmt::format("{} not in {}", name, List(out));
      }
      return Listed(name, in, out, type_ == FactType::kEnum);
    }
    case FactType::kInt:
    case FactType::kDate: {
      auto show = [&](std::int64_t v) {
        return type_ == FactType::kDate ? FormatDate(v) : fmt::format("{}", v);
      };
      std::vector<std::string> parts;
      for (int c = 0; c < cell_count_; ++c) {
        if (!on(c)) continue;
        int last = c;
        while (last + 1 < cell_count_ && on(last + 1)) ++last;
        std::int64_t a = starts_[static_cast<size_t>(c)];
        std::int64_t b = last + 1 < cell_count_ ? starts_[static_cast<size_t>(last) + 1] - 1 : hi_;
        if (a == b) {
          parts.push_back(fmt::format("{} == {}", name, show(a)));
        } else if (a == lo_) {
          parts.push_back(fmt::format("{} <= {}", name, show(b)));
        } else if (b == hi_) {
          parts.push_back(fmt::format("{} >= {}", name, show(a)));
        } else {
          parts.push_back(fmt::format("{} between {} and {}", name, show(a), show(b)));
        }
        c = last;
      }
      return AnyOf(parts);
    }
    case FactType::kNumber: {
      std::vector<std::string> parts;
      for (int c = 0; c < cell_count_; ++c) {
        if (!on(c)) continue;
        int last = c;
        while (last + 1 < cell_count_ && on(last + 1)) ++last;
        const NumCell& low = num_cells_[static_cast<size_t>(c)];
        const NumCell& high = num_cells_[static_cast<size_t>(last)];
        c = last;
        if (&low == &high && low.point) {
          parts.push_back(fmt::format("{} == {}", name, low.lo));
          continue;
        }
        bool low_inf = low.lo == -std::numeric_limits<double>::infinity();
        bool high_inf = high.hi == std::numeric_limits<double>::infinity();
        std::string from =
            low_inf ? "" : fmt::format("{} {} {}", name, low.point ? ">=" : ">", low.lo);
        std::string to =
            high_inf ? "" : fmt::format("{} {} {}", name, high.point ? "<=" : "<", high.hi);
        parts.push_back(from.empty() ? to : to.empty() ? from : from + " and " + to);
      }
      return AnyOf(parts);
    }
  }
  TRIAGE_UNREACHABLE();
}

}  // namespace triage
