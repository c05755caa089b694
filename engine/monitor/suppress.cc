// Disclosure control, as statistics offices publish tables: small counts
// suppressed (primary), and more cells suppressed where a total would give
// a suppressed one away (secondary).
#include "triage/monitor.h"

#include <limits>

namespace triage {
namespace {

// One linear relation of the table: a total and the cells it sums, each a
// pointer into the grid of suppression flags.
struct Relation {
  bool* total;
  std::vector<bool*> cells;
  std::vector<std::int64_t> counts;  // of the cells, raw
};

// A relation with exactly one suppressed part (a cell, or the total) can be
// solved for it: suppress one more, the smallest non-zero cell shown, or
// the total when no cell is left. Returns whether anything changed.
bool Protect(Relation& r) {
  int suppressed = *r.total ? 1 : 0;
  for (bool* c : r.cells) suppressed += *c ? 1 : 0;
  if (suppressed != 1) return false;
  std::size_t best = r.cells.size();
  std::int64_t smallest = std::numeric_limits<std::int64_t>::max();
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    if (!*r.cells[i] && r.counts[i] > 0 && r.counts[i] < smallest) {
      smallest = r.counts[i];
      best = i;
    }
  }
  if (best < r.cells.size()) {
    *r.cells[best] = true;
  } else if (!*r.total) {
    *r.total = true;
  } else {
    return false;  // the total alone is suppressed and every cell is 0: nothing to hide
  }
  return true;
}

}  // namespace

MonitorTable Suppress(std::string key, std::string title, std::vector<std::string> rows,
                      const std::vector<std::vector<std::int64_t>>& counts, int min_cell,
                      std::optional<std::size_t> columns) {
  std::size_t periods = columns ? *columns : counts.empty() ? 0 : counts[0].size();
  for (const auto& row : counts) {
    TRIAGE_ASSERT(row.size() == periods, "every row has a count for every period");
  }
  std::vector<std::int64_t> row_total(rows.size()), period_total(periods);
  std::int64_t grand = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t p = 0; p < periods; ++p) {
      row_total[i] += counts[i][p];
      period_total[p] += counts[i][p];
      grand += counts[i][p];
    }
  }
  auto small = [&](std::int64_t n) { return n > 0 && n < min_cell; };
  // Flags as plain bools (vector<bool> has no addresses to point at).
  std::unique_ptr<bool[]> cell_flag(new bool[rows.size() * periods + 1]());
  std::unique_ptr<bool[]> row_flag(new bool[rows.size() + 1]());
  std::unique_ptr<bool[]> period_flag(new bool[periods + 1]());
  bool grand_flag = small(grand);
  auto cell = [&](std::size_t i, std::size_t p) -> bool& { return cell_flag[i * periods + p]; };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    row_flag[i] = small(row_total[i]);
    for (std::size_t p = 0; p < periods; ++p) cell(i, p) = small(counts[i][p]);
  }
  for (std::size_t p = 0; p < periods; ++p) period_flag[p] = small(period_total[p]);

  std::vector<Relation> relations;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Relation r{&row_flag[i], {}, {}};
    for (std::size_t p = 0; p < periods; ++p) {
      r.cells.push_back(&cell(i, p));
      r.counts.push_back(counts[i][p]);
    }
    relations.push_back(std::move(r));
  }
  for (std::size_t p = 0; p < periods; ++p) {
    Relation r{&period_flag[p], {}, {}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      r.cells.push_back(&cell(i, p));
      r.counts.push_back(counts[i][p]);
    }
    relations.push_back(std::move(r));
  }
  Relation by_row{&grand_flag, {}, {}}, by_period{&grand_flag, {}, {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    by_row.cells.push_back(&row_flag[i]);
    by_row.counts.push_back(row_total[i]);
  }
  for (std::size_t p = 0; p < periods; ++p) {
    by_period.cells.push_back(&period_flag[p]);
    by_period.counts.push_back(period_total[p]);
  }
  relations.push_back(std::move(by_row));
  relations.push_back(std::move(by_period));
  // Each round suppresses at least one more flag, of finitely many.
  for (bool changed = true; changed;) {
    changed = false;
    for (Relation& r : relations) changed = Protect(r) || changed;
  }

  auto shown = [&](std::int64_t n, bool suppressed) {
    return suppressed ? Shown{0, true, !small(n)} : Shown{n, false, false};
  };
  MonitorTable t;
  t.key = std::move(key);
  t.title = std::move(title);
  t.rows = std::move(rows);
  t.cells.resize(t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    for (std::size_t p = 0; p < periods; ++p) t.cells[i].push_back(shown(counts[i][p], cell(i, p)));
    t.row_totals.push_back(shown(row_total[i], row_flag[i]));
  }
  for (std::size_t p = 0; p < periods; ++p) {
    t.period_totals.push_back(shown(period_total[p], period_flag[p]));
  }
  t.total = shown(grand, grand_flag);
  return t;
}

}  // namespace triage
