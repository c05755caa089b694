// The audit report's own words in English and Dutch (words.h: AuditWords).
#include "triage/words.h"

namespace triage {
namespace {

constexpr AuditWords kEnglish = {
    .lang = "en",
    .dry_run = "Dry run: nothing was written but this report.",
    .title = "Dry-run audit",
    .candidate = "candidate",
    .baseline = "baseline",
    .corpus = "corpus",
    .changed = "changed",
    .version = "version",
    .recorded_side = "the route recorded in field '{}' of each case",
    .corpus_line = "{}: {}, {} invalid",
    .changed_line = "{} of {} decisions ({})",
    .one_case = "case",
    .many_cases = "cases",
    .one_region = "region",
    .many_regions = "regions",
    .undetermined = "undetermined",
    .unrouted = "unrouted",
    .invalid = "invalid",
    .not_recorded = "(not recorded)",
    .not_a_route_name = "(not a route name)",
    .unknown = "unknown",
    .default_rule = "default",
    .rule = "rule",
    .yes = "true",
    .no = "false",
    .same_version =
        "warning: candidate and baseline carry the same version '{}': give the candidate a "
        "version of its own, or its decisions cannot be told from the baseline's",
    .schema_heading = "Facts changed between the versions",
    .added = "fact '{}' added",
    .removed = "fact '{}' removed",
    .renamed = "fact '{}' removed and '{}' added, of the same type and values: perhaps renamed",
    .retyped = "fact '{}' is {} in the baseline and {} in the candidate",
    .schema_cases =
        "because of it the candidate finds {} of the corpus invalid and {} undetermined",
    .transitions_heading = "Transitions (rows: baseline, columns: candidate)",
    .transitions_note =
        "Rows: the baseline's decision; columns: the candidate's. Off the diagonal: changed.",
    .corner = "baseline \\ candidate",
    .changed_heading = "Changed decisions",
    .no_changes = "none: every case is decided as before",
    .attention = "needs attention",
    .attention_down = "needs attention: to a later route in the order",
    .attention_lost = "needs attention: no longer decided",
    .rule_before = "rule before",
    .rule_after = "rule after",
    .made_difference = "what made the difference",
    .and_more = "... and {} more",
    .fact = "fact",
    .value = "value",
    .rules_heading = "Rules",
    .every_rule_reached = "every rule of the candidate decides some case of the corpus",
    .no_case_reaches = "no case of the corpus reaches:",
    .cases_before = "cases before",
    .cases_after = "cases after",
    .new_rule = "new rule",
    .removed_rule = "removed rule",
    .more_often = "{} decides more often: from {} to {} cases",
    .less_often = "{} decides less often: from {} to {} cases",
    .same_often = "{} decides {}, as before",
    .decides = "{} decides {}",
    .default_row = "default ({})",
    .invalid_heading = "Invalid cases: {}",
    .regions_heading = "What the corpus does not show: where the two versions decide differently",
    .regions_heading_short = "What the corpus does not show",
    .regions_note =
        "From the two decision graphs: every region of the case space where the versions decide "
        "differently, whether or not a case of the corpus falls there.",
    .group_line = "{} -> {} (rule {} -> {}): {} {}, {} of the corpus",
    .in_all = "in all of them",
    .differ_in = "they differ in",
    .when = "when",
    .every_case = "every case",
    .example = "example",
    .corpus_here_one = "{} of the corpus falls here",
    .corpus_here_many = "{} of the corpus fall here",
    .corpus_here_none = "no case of the corpus falls here",
    .decision = "decision",
    .example_case = "example case",
    .none = "none",
    .not_compared = "not compared: {}",
    .nowhere = "nowhere: the two versions decide every case the same way",
    .incomplete = "the comparison ran out of its budget: the regions above are some, not all",
    .outside_one =
        "{} changed case of the corpus is in no region: an unknown fact, or invalid on one side "
        "(the regions are of cases with every fact known)",
    .outside_many =
        "{} changed cases of the corpus are in no region: an unknown fact, or invalid on one "
        "side (the regions are of cases with every fact known)",
    .note = "note: {}",
    .card_cases = "cases",
    .card_changed = "changed decisions ({})",
    .card_invalid = "invalid cases",
    .card_regions = "regions decided differently",
};

constexpr AuditWords kDutch = {
    .lang = "nl",
    .dry_run = "Proefdraai: er is niets geschreven behalve dit rapport.",
    .title = "Proefdraai-audit",
    .candidate = "kandidaat",
    .baseline = "basis",
    .corpus = "corpus",
    .changed = "gewijzigd",
    .version = "versie",
    .recorded_side = "de route die in veld '{}' van elke zaak is vastgelegd",
    .corpus_line = "{}: {}, {} ongeldig",
    .changed_line = "{} van {} beslissingen ({})",
    .one_case = "zaak",
    .many_cases = "zaken",
    .one_region = "gebied",
    .many_regions = "gebieden",
    .undetermined = "nog niet te bepalen",
    .unrouted = "zonder route",
    .invalid = "ongeldig",
    .not_recorded = "(niet vastgelegd)",
    .not_a_route_name = "(geen routenaam)",
    .unknown = "onbekend",
    .default_rule = "standaard",
    .rule = "regel",
    .yes = "ja",
    .no = "nee",
    .same_version =
        "waarschuwing: kandidaat en basis hebben dezelfde versie '{}': geef de kandidaat een "
        "eigen versie, anders zijn zijn beslissingen niet van die van de basis te onderscheiden",
    .schema_heading = "Feiten gewijzigd tussen de versies",
    .added = "feit '{}' toegevoegd",
    .removed = "feit '{}' vervallen",
    .renamed =
        "feit '{}' vervallen en '{}' toegevoegd, van hetzelfde type en dezelfde waarden: "
        "misschien hernoemd",
    .retyped = "feit '{}' is {} in de basis en {} in de kandidaat",
    .schema_cases =
        "daardoor vindt de kandidaat {} uit het corpus ongeldig en {} nog niet te bepalen",
    .transitions_heading = "Overgangen (rijen: basis, kolommen: kandidaat)",
    .transitions_note =
        "Rijen: de beslissing van de basis; kolommen: die van de kandidaat. Buiten de diagonaal: "
        "gewijzigd.",
    .corner = "basis \\ kandidaat",
    .changed_heading = "Gewijzigde beslissingen",
    .no_changes = "geen: elke zaak wordt beslist als voorheen",
    .attention = "vraagt aandacht",
    .attention_down = "vraagt aandacht: naar een latere route in de volgorde",
    .attention_lost = "vraagt aandacht: niet meer beslist",
    .rule_before = "regel voor",
    .rule_after = "regel na",
    .made_difference = "wat het verschil maakte",
    .and_more = "... en nog {}",
    .fact = "feit",
    .value = "waarde",
    .rules_heading = "Regels",
    .every_rule_reached = "elke regel van de kandidaat beslist een zaak uit het corpus",
    .no_case_reaches = "geen zaak uit het corpus bereikt:",
    .cases_before = "zaken voor",
    .cases_after = "zaken na",
    .new_rule = "nieuwe regel",
    .removed_rule = "vervallen regel",
    .more_often = "{} beslist vaker: van {} naar {} zaken",
    .less_often = "{} beslist minder vaak: van {} naar {} zaken",
    .same_often = "{} beslist {}, als voorheen",
    .decides = "{} beslist {}",
    .default_row = "standaardroute ({})",
    .invalid_heading = "Ongeldige zaken: {}",
    .regions_heading = "Wat het corpus niet laat zien: waar de twee versies verschillend beslissen",
    .regions_heading_short = "Wat het corpus niet laat zien",
    .regions_note =
        "Uit de twee beslisgrafen: elk gebied van de mogelijke zaken waar de versies verschillend "
        "beslissen, of er nu een zaak uit het corpus in valt of niet.",
    .group_line = "{} -> {} (regel {} -> {}): {} {}, {} uit het corpus",
    .in_all = "in alle",
    .differ_in = "ze verschillen in",
    .when = "als",
    .every_case = "elke zaak",
    .example = "voorbeeld",
    .corpus_here_one = "{} uit het corpus valt hier",
    .corpus_here_many = "{} uit het corpus vallen hier",
    .corpus_here_none = "geen zaak uit het corpus valt hier",
    .decision = "beslissing",
    .example_case = "voorbeeldzaak",
    .none = "geen",
    .not_compared = "niet vergeleken: {}",
    .nowhere = "nergens: de twee versies beslissen elke zaak hetzelfde",
    .incomplete =
        "de vergelijking kwam aan haar grens: de gebieden hierboven zijn er enkele, niet alle",
    .outside_one =
        "{} gewijzigde zaak uit het corpus valt in geen gebied: een onbekend feit, of ongeldig "
        "aan één kant (de gebieden zijn van zaken waarvan elk feit bekend is)",
    .outside_many =
        "{} gewijzigde zaken uit het corpus vallen in geen gebied: een onbekend feit, of "
        "ongeldig aan één kant (de gebieden zijn van zaken waarvan elk feit bekend is)",
    .note = "let op: {}",
    .card_cases = "zaken",
    .card_changed = "gewijzigde beslissingen ({})",
    .card_invalid = "ongeldige zaken",
    .card_regions = "gebieden verschillend beslist",
};

}  // namespace

const AuditWords& AuditWordsIn(std::string_view lang) { return lang == "nl" ? kDutch : kEnglish; }

}  // namespace triage
