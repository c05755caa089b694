// Fact domains and their cells (compile.h: FactDomain), and the one
// definition of what a comparison means (ComparisonHolds).
#include "triage/compile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

namespace triage {
namespace {

constexpr std::int64_t kMinInt = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

void CollectComparisons(const Expr& e, int fact, std::vector<const Expr*>& out) {
  if ((e.kind == Expr::Kind::kCompare || e.kind == Expr::Kind::kIn ||
       e.kind == Expr::Kind::kBetween) &&
      e.target == Expr::Target::kFact && e.index == fact) {
    out.push_back(&e);
  }
  for (const auto& c : e.children) CollectComparisons(*c, fact, out);
}

template <typename T>
bool Ordered(Expr::Op op, const T& a, const T& b) {
  switch (op) {
    case Expr::Op::kEq:
      return a == b;
    case Expr::Op::kNe:
      return a != b;
    case Expr::Op::kLt:
      return a < b;
    case Expr::Op::kLe:
      return a <= b;
    case Expr::Op::kGt:
      return a > b;
    case Expr::Op::kGe:
      return a >= b;
  }
  TRIAGE_UNREACHABLE();
}

bool Equal(const Fact& fact, const Value& a, const Value& b) {
  switch (fact.type) {
    case FactType::kNumber:
      return a.d == b.d;
    case FactType::kString:
      return a.s == b.s;
    case FactType::kBool:
    case FactType::kInt:
    case FactType::kEnum:
    case FactType::kDate:
      return a.i == b.i;
  }
  TRIAGE_UNREACHABLE();
}

bool Compare(const Fact& fact, Expr::Op op, const Value& a, const Value& b) {
  switch (fact.type) {
    case FactType::kNumber:
      return Ordered(op, a.d, b.d);
    case FactType::kString:
      return Ordered(op, a.s, b.s);
    case FactType::kBool:
    case FactType::kInt:
    case FactType::kEnum:
    case FactType::kDate:
      return Ordered(op, a.i, b.i);
  }
  TRIAGE_UNREACHABLE();
}

std::string FormatNumber(double d) { return fmt::format("{}", d); }

// A finite number strictly between lo and hi (either may be infinite), or
// nullopt when there is none (adjacent doubles, or only infinities).
std::optional<double> NumberInside(double lo, double hi) {
  const double inf = std::numeric_limits<double>::infinity();
  double v = 0;
  if (lo == -inf && hi == inf) {
    v = 0;
  } else if (lo == -inf) {
    v = hi - 1;
    if (v >= hi) v = std::nextafter(hi, -inf);
  } else if (hi == inf) {
    v = lo + 1;
    if (v <= lo) v = std::nextafter(lo, inf);
  } else {
    v = lo / 2 + hi / 2;
    if (v <= lo || v >= hi) v = std::nextafter(lo, hi);
  }
  if (!std::isfinite(v) || v <= lo || v >= hi) return std::nullopt;
  return v;
}

}  // namespace

bool ComparisonHolds(const Expr& e, const Fact& fact, const Value& v) {
  switch (e.kind) {
    case Expr::Kind::kCompare:
      return Compare(fact, e.op, v, e.literals[0].value);
    case Expr::Kind::kIn: {
      bool found = std::any_of(e.literals.begin(), e.literals.end(),
                               [&](const Expr::Literal& l) { return Equal(fact, v, l.value); });
      return found != e.negated;
    }
    case Expr::Kind::kBetween:
      return Compare(fact, Expr::Op::kGe, v, e.literals[0].value) &&
             Compare(fact, Expr::Op::kLe, v, e.literals[1].value);
    case Expr::Kind::kOr:
    case Expr::Kind::kAnd:
    case Expr::Kind::kNot:
    case Expr::Kind::kImplies:
    case Expr::Kind::kName:
    case Expr::Kind::kBoolLiteral:
      break;
  }
  return false;
}

FactDomain FactDomain::Build(const RuleSet& rs, int fact_index) {
  const Fact& fact = rs.facts[fact_index];
  std::vector<const Expr*> comparisons;
  for (const Condition& c : rs.conditions) {
    if (c.expr) CollectComparisons(*c.expr, fact_index, comparisons);
  }
  for (const Rule& r : rs.rules) {
    if (r.when) CollectComparisons(*r.when, fact_index, comparisons);
  }
  for (const Guarantee& g : rs.guarantees) {
    if (g.that) CollectComparisons(*g.that, fact_index, comparisons);
  }
  // A cut c of an int or date fact means "a new cell starts at c".
  std::vector<std::int64_t> cuts;
  std::vector<double> points;
  std::vector<std::string> strings;
  auto after = [&](std::int64_t v) {
    if (v != kMaxInt) cuts.push_back(v + 1);
  };
  for (const Expr* e : comparisons) {
    const auto& lits = e->literals;
    for (const auto& l : lits) {
      points.push_back(l.value.d);
      strings.push_back(l.value.s);
    }
    if (e->kind == Expr::Kind::kBetween) {
      cuts.push_back(lits[0].value.i);
      after(lits[1].value.i);
      continue;
    }
    for (const auto& l : lits) {
      std::int64_t v = l.value.i;
      if (e->kind == Expr::Kind::kIn) {
        cuts.push_back(v);
        after(v);
        continue;
      }
      switch (e->op) {
        case Expr::Op::kEq:
        case Expr::Op::kNe:
          cuts.push_back(v);
          after(v);
          break;
        case Expr::Op::kLt:
        case Expr::Op::kGe:
          cuts.push_back(v);
          break;
        case Expr::Op::kLe:
        case Expr::Op::kGt:
          after(v);
          break;
      }
    }
  }
  return Make(fact, std::move(cuts), std::move(points), std::move(strings));
}

FactDomain FactDomain::Join(const Fact& fact, const FactDomain& a, const FactDomain& b) {
  TRIAGE_ASSERT(a.type_ == fact.type && b.type_ == fact.type,
                "both domains are of the fact's type");
  std::vector<std::int64_t> cuts = a.starts_;
  cuts.insert(cuts.end(), b.starts_.begin(), b.starts_.end());
  std::vector<double> points = a.points_;
  points.insert(points.end(), b.points_.begin(), b.points_.end());
  std::vector<std::string> strings = a.strings_;
  strings.insert(strings.end(), b.strings_.begin(), b.strings_.end());
  return Make(fact, std::move(cuts), std::move(points), std::move(strings));
}

FactDomain FactDomain::Make(const Fact& fact, std::vector<std::int64_t> cuts,
                            std::vector<double> points, std::vector<std::string> strings) {
  FactDomain d;
  d.fact_ = &fact;
  d.type_ = fact.type;
  switch (fact.type) {
    case FactType::kBool:
      d.cell_count_ = 2;
      return d;
    case FactType::kEnum:
      d.cell_count_ = static_cast<int>(fact.values.size());
      return d;
    case FactType::kString:
      d.strings_ = std::move(strings);
      std::sort(d.strings_.begin(), d.strings_.end());
      d.strings_.erase(std::unique(d.strings_.begin(), d.strings_.end()), d.strings_.end());
      d.cell_count_ = static_cast<int>(d.strings_.size()) + 1;
      return d;
    case FactType::kInt:
    case FactType::kDate: {
      if (fact.type == FactType::kDate) {
        d.lo_ = fact.min ? fact.min->i : *ParseDate("0000-01-01");
        d.hi_ = fact.max ? fact.max->i : *ParseDate("9999-12-31");
      } else {
        d.lo_ = fact.min ? fact.min->i : kMinInt;
        d.hi_ = fact.max ? fact.max->i : kMaxInt;
      }
      d.starts_.push_back(d.lo_);
      for (std::int64_t c : cuts) {
        if (c > d.lo_ && c <= d.hi_) d.starts_.push_back(c);
      }
      std::sort(d.starts_.begin(), d.starts_.end());
      d.starts_.erase(std::unique(d.starts_.begin(), d.starts_.end()), d.starts_.end());
      d.cell_count_ = static_cast<int>(d.starts_.size());
      // A small range with few cells: each value's cell looked up directly.
      // (Unsigned: the range of an unbounded int does not fit an int64.)
      std::uint64_t range = static_cast<std::uint64_t>(d.hi_) - static_cast<std::uint64_t>(d.lo_);
      if (range < static_cast<std::uint64_t>(kDirectCells) && d.cell_count_ <= 255) {
        d.direct_.resize(static_cast<size_t>(d.hi_ - d.lo_ + 1));
        for (std::int64_t v = d.lo_; v <= d.hi_; ++v) {
          d.direct_[static_cast<size_t>(v - d.lo_)] = static_cast<std::uint8_t>(
              std::upper_bound(d.starts_.begin(), d.starts_.end(), v) - d.starts_.begin() - 1);
        }
      }
      return d;
    }
    case FactType::kNumber: {
      const double inf = std::numeric_limits<double>::infinity();
      double lo = fact.min ? fact.min->d : -inf;
      double hi = fact.max ? fact.max->d : inf;
      d.points_ = std::move(points);
      if (fact.min) d.points_.push_back(lo);
      if (fact.max) d.points_.push_back(hi);
      std::sort(d.points_.begin(), d.points_.end());
      d.points_.erase(std::unique(d.points_.begin(), d.points_.end()), d.points_.end());
      size_t k = d.points_.size();
      for (size_t slot = 0; slot <= 2 * k; ++slot) {
        NumCell c;
        if (slot % 2 == 1) {
          double p = d.points_[slot / 2];
          c = {p, p, true};
        } else {
          size_t i = slot / 2;
          c = {i == 0 ? -inf : d.points_[i - 1], i == k ? inf : d.points_[i], false};
        }
        bool inside = c.point ? (c.lo >= lo && c.hi <= hi)
                              : (c.lo >= lo && c.hi <= hi && NumberInside(c.lo, c.hi).has_value());
        if (!inside) {
          d.num_cell_of_slot_.push_back(-1);
          continue;
        }
        d.num_cell_of_slot_.push_back(static_cast<int>(d.num_cells_.size()));
        d.num_cells_.push_back(c);
      }
      d.cell_count_ = static_cast<int>(d.num_cells_.size());
      return d;
    }
  }
  return d;
}

int FactDomain::CellOfOrdered(const Value& v) const {
  switch (type_) {
    case FactType::kBool:
    case FactType::kEnum:
      return static_cast<int>(v.i);
    case FactType::kInt:
    case FactType::kDate:
      if (!direct_.empty()) return direct_[static_cast<size_t>(v.i - lo_)];
      return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), v.i) -
                              starts_.begin() - 1);
    case FactType::kNumber: {
      size_t i = static_cast<size_t>(std::lower_bound(points_.begin(), points_.end(), v.d) -
                                     points_.begin());
      size_t slot = (i < points_.size() && points_[i] == v.d) ? 2 * i + 1 : 2 * i;
      return num_cell_of_slot_[slot];
    }
    case FactType::kString: {
      auto it = std::lower_bound(strings_.begin(), strings_.end(), v.s);
      if (it != strings_.end() && *it == v.s) {
        return static_cast<int>(it - strings_.begin());
      }
      return static_cast<int>(strings_.size());
    }
  }
  TRIAGE_UNREACHABLE();
}

Value FactDomain::Example(int cell) const {
  switch (type_) {
    case FactType::kBool:
    case FactType::kEnum:
      return Value::Int(cell);
    case FactType::kInt:
    case FactType::kDate: {
      std::int64_t a = starts_[cell];
      std::int64_t b = cell + 1 < cell_count_ ? starts_[cell + 1] - 1 : hi_;
      bool open_low = a == lo_ && !fact_->min;
      bool open_high = b == hi_ && !fact_->max;
      if (open_low && open_high) {
        return Value::Int(type_ == FactType::kDate ? *ParseDate("2026-01-01") : 0);
      }
      return Value::Int(open_low ? b : a);
    }
    case FactType::kNumber: {
      const NumCell& c = num_cells_[cell];
      if (c.point) return Value::Num(c.lo);
      return Value::Num(*NumberInside(c.lo, c.hi));
    }
    case FactType::kString: {
      if (cell < static_cast<int>(strings_.size())) {
        return Value::Str(strings_[cell]);
      }
      std::string other = "other";
      for (int n = 2; std::binary_search(strings_.begin(), strings_.end(), other); ++n) {
        other = fmt::format("other-{}", n);
      }
      return Value::Str(other);
    }
  }
  TRIAGE_UNREACHABLE();
}

std::string FactDomain::Describe(int cell) const { return DescribeRun(cell, cell); }

std::string FactDomain::DescribeRun(int first, int last) const {
  switch (type_) {
    case FactType::kBool:
    case FactType::kEnum:
    case FactType::kString: {
      std::string out;
      for (int c = first; c <= last; ++c) {
        if (c > first) out += " or ";
        if (type_ == FactType::kBool) {
          out += c ? "true" : "false";
        } else if (type_ == FactType::kEnum) {
          out += fact_->values[static_cast<size_t>(c)];
        } else if (c < static_cast<int>(strings_.size())) {
          out += fmt::format("'{}'", strings_[static_cast<size_t>(c)]);
        } else {
          out += "any other text";
        }
      }
      return out;
    }
    case FactType::kInt:
    case FactType::kDate: {
      std::int64_t a = starts_[first];
      std::int64_t b = last + 1 < cell_count_ ? starts_[last + 1] - 1 : hi_;
      auto show = [&](std::int64_t v) {
        return type_ == FactType::kDate ? FormatDate(v) : fmt::format("{}", v);
      };
      bool open_low = a == lo_ && !fact_->min;
      bool open_high = b == hi_ && !fact_->max;
      if (open_low && open_high) return "any";
      if (a == b) return show(a);
      if (open_low) return fmt::format("<= {}", show(b));
      if (open_high) return fmt::format(">= {}", show(a));
      return fmt::format("{}..{}", show(a), show(b));
    }
    case FactType::kNumber: {
      const NumCell& low = num_cells_[first];
      const NumCell& high = num_cells_[last];
      if (first == last && low.point) return FormatNumber(low.lo);
      bool low_inf = low.lo == -std::numeric_limits<double>::infinity();
      bool high_inf = high.hi == std::numeric_limits<double>::infinity();
      std::string from =
          low_inf ? "" : fmt::format("{} {}", low.point ? ">=" : ">", FormatNumber(low.lo));
      std::string to =
          high_inf ? "" : fmt::format("{} {}", high.point ? "<=" : "<", FormatNumber(high.hi));
      if (from.empty() && to.empty()) return "any";
      if (from.empty()) return to;
      if (to.empty()) return from;
      return from + " and " + to;
    }
  }
  TRIAGE_UNREACHABLE();
}

std::string FactDomain::Describe(const std::vector<bool>& cells) const {
  int allowed = static_cast<int>(std::count(cells.begin(), cells.end(), true));
  if (allowed == cell_count_) return "any";
  bool ordered = type_ == FactType::kInt || type_ == FactType::kDate || type_ == FactType::kNumber;
  if (type_ == FactType::kEnum && allowed > 1 && allowed > cell_count_ / 2) {
    // Most values allowed: name the few that are not.
    std::vector<bool> rest(cells.size());
    for (size_t c = 0; c < cells.size(); ++c) rest[c] = !cells[c];
    return "anything but " + Describe(rest);
  }
  std::string out;
  for (int c = 0; c < cell_count_; ++c) {
    if (!cells[static_cast<size_t>(c)]) continue;
    int last = c;
    if (ordered) {
      while (last + 1 < cell_count_ && cells[static_cast<size_t>(last + 1)]) ++last;
    }
    if (!out.empty()) out += " or ";
    out += DescribeRun(c, last);
    c = last;
  }
  return out;
}

std::vector<bool> FactDomain::Holds(const Expr& e) const {
  std::vector<bool> out(static_cast<size_t>(cell_count_));
  for (int c = 0; c < cell_count_; ++c) {
    out[static_cast<size_t>(c)] = ComparisonHolds(e, *fact_, Example(c));
  }
  return out;
}

}  // namespace triage
