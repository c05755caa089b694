#!/usr/bin/env bash
# Writes a synthetic year of N cases for the shipped rule set as JSON Lines:
# every fact of rules/lokale-driehoek.yaml, in date order, with case ids
# YEAR-00001, YEAR-00002, ... Drawn at random with a fixed seed, so the same
# N and YEAR give the same file (with the same awk: mawk on Debian).
# Everything is made up: the municipalities and the initiators' names are
# fictional.
#
# The skews are there so that a year looks like one:
# - twelve municipalities, a few large and many small; small ones have less
#   legal capacity of their own;
# - fewer reports in the summer holiday and in December;
# - most cases are Woo requests, objections/appeals and complaints; threats,
#   doxing and suspected false reports are rare;
# - about 70% of the cases come from initiators who appear once, 22% from
#   occasional initiators (a few cases each), and 8% from 24 persistent
#   ones (veelprocedeerders) with up to hundreds of procedures a year, each
#   against one municipality. For them procedures_12m is their running count
#   (plus what carries over from the year before), so it rises over the year.
#
# Usage: scripts/generate-year.sh N YEAR > cases.jsonl
set -euo pipefail
usage="usage: scripts/generate-year.sh N YEAR > cases.jsonl"
n=${1:?$usage}
year=${2:?$usage}
[[ $n =~ ^[0-9]+$ && $year =~ ^[0-9]{4}$ ]] || { echo "$usage" >&2; exit 2; }
awk -v n="$n" -v year="$year" '
# A draw from weights w[1..k] (any positive numbers).
function pick(w, k,    i, total, r) {
  total = 0
  for (i = 1; i <= k; i++) total += w[i]
  r = rand() * total
  for (i = 1; i < k; i++) { if (r < w[i]) return i; r -= w[i] }
  return k
}
function chance(p) { return rand() < p ? "true" : "false" }
# A name for index k of a tier: tier 2 "First Surname", tier 3 "First X. Surname".
function name2(k) { return first[k % nfirst + 1] " " last[int(k / nfirst) % nlast + 1] }
function name3(k) {
  return first[k % nfirst + 1] " " substr("ABCDEFGHIJKLMNOPRSTVWZ", int(k / nfirst) % 22 + 1, 1) \
         ". " last[int(k / (nfirst * 22)) % nlast + 1]
}
BEGIN {
  srand(20260101)

  # Municipalities (fictional): name, share of the cases, size class (1 large, 2 medium, 3 small).
  nmun = split("Maasbergen Lindenhaven Zuiderwaard Brakeldam Hoogmeer Groenekamp Veendijk Esdonk Duinmond Wilgenrode Kolkhorst Heidebroek", mun, " ")
  split("28 18 12 9 8 7 6 4 3 2.5 1.5 1", munw, " ")
  split("1 1 2 2 2 2 3 3 3 3 3 3", munsize, " ")
  # Legal capacity (voldoende beperkt geen) by size class.
  split("voldoende beperkt geen", cap, " ")
  split("80 17 3", capw1, " "); split("55 35 10", capw2, " "); split("25 45 30", capw3, " ")

  split("burgemeester wethouder raadslid ambtenaar", role, " ")
  split("10 25 25 40", rolew, " ")
  split("aangifte aansprakelijkstelling woo_verzoek bezwaar_beroep klacht tuchtklacht integriteitsmelding kort_geding", inst, " ")
  split("6 5 30 25 20 5 7 2", instw, " ")      # everyone
  split("2 1 50 30 10 3 4 0", instwp, " ")     # persistent initiators

  nfirst = split("Anna Bram Carla Daan Eva Femke Gert Hanna Iris Jeroen Karin Luuk Marieke Niels Olga Pieter Quinten Roos Sven Tessa Ulrike Vincent Willemijn Xander Yara Zeger Annemiek Bas Chantal Dennis Elif Floor Gijs Hatice Ivo Joost Kim Lars Mila Noor", first, " ")
  nlast = split("Aalbers Bakhuis Claassen Dijkstra Evers Frerichs Gerritsen Hofstede Idema Jorritsma Kamphuis Lubbers Mulder Nijboer Oosting Peeters Quint Rutgers Smeets Terpstra Uitdehaag Veenstra Wouters Yilmaz Zijlstra Achterberg Boomsma Coenen Drenth Elzinga Fokkema Groothuis Haring Jansma Klaassen Langeveld Meijerink Noordhuis Overbeek Postma Reinders Schuring Tijssen Ubbink Visscher Wijnands Brink Kroeze Hulshof Beukema Damen Hendriks Keizer Lammers Molenaar Nijland Otten Prins Rensink Stam", last, " ")

  # Persistent initiators (veelprocedeerders): name, weight, home municipality,
  # the role they aim at, and how many act with them.
  np = split("Harm Wolterink|Gerda Plasmeijer|Ruud Verhoeks|Ineke Brouwers|Kees Dijkhuizen|Marjolein Tenbrink|Bert Oosterhuis|Anouk de Ridder|Wim Brandsma|Sandra Kuipers|Theo van Lier|Yvonne Hagedoorn|Frank Meulenbelt|Petra Zwiers|Henk Scholtens|Lotte Verbeek|Johan Lammerts|Nicole Haverkamp|Arjen Stoop|Miriam Bakkenes|Dirk Wissink|Esther Roelofsen|Gijs Timmerman|Fatima Ouali", pname, "|")
  split("1 2 3 1 4 2 5 6 1 3 7 2 8 4 1 9 10 11 5 12 3 6 2 7", phome, " ")
  split("2 1 2 4 2 3 1 2 4 2 3 1 2 2 4 3 1 2 4 2 3 2 1 2", prole, " ")
  split("1 1 4 1 1 1 1 6 1 1 1 1 1 3 1 1 1 1 1 1 8 1 1 1", pgroup, " ")
  for (i = 1; i <= np; i++) pw[i] = 1 / i         # a few file most
  ptotal = 0; for (i = 1; i <= np; i++) ptotal += pw[i]

  # Occasional initiators: a pool of N/15 names, a few cases each.
  nocc = int(n / 15); if (nocc < 1) nocc = 1

  # The year: days of each month, and fewer reports in July, August, December.
  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  if (leap) mdays[2] = 29
  split("1.0 1.0 1.1 1.0 1.0 1.0 0.6 0.55 1.15 1.1 1.1 0.8", mweight, " ")
  ndays = 0
  for (m = 1; m <= 12; m++) for (d = 1; d <= mdays[m]; d++) { ndays++; dmon[ndays] = m; dday[ndays] = d }
  for (i = 0; i < n; i++) {
    do { d = int(rand() * ndays) + 1 } while (rand() * 1.15 > mweight[dmon[d]])
    perday[d]++
  }

  id = 0; oneoff = 0
  for (d = 1; d <= ndays; d++) for (c = 0; c < perday[d]; c++) {
    id++
    tier = rand()
    if (tier < 0.08) {                                    # persistent
      r = rand() * ptotal
      for (p = 1; p < np; p++) { if (r < pw[p]) break; r -= pw[p] }
      who = pname[p]
      m = phome[p]
      rl = rand() < 0.8 ? role[prole[p]] : role[pick(rolew, 4)]
      ins = inst[pick(instwp, 8)]
      count[who]++
      # What carries over from the year before thins out over the year.
      carry = int(n * 0.08 * pw[p] / ptotal * 0.6 * (1 - d / ndays))
      procs = count[who] + carry
      group = rand() < 0.85 ? pgroup[p] : pgroup[p] + 1
      threat = chance(0.03); doxing = chance(0.02)
      personal = chance(0.2); failed = chance(0.45)
    } else {
      m = pick(munw, nmun)
      rl = role[pick(rolew, 4)]
      ins = inst[pick(instw, 8)]
      if (tier < 0.30) {                                  # occasional, each in one municipality
        k = int(rand() * nocc)
        who = name2(k)
        if (!(k in home)) home[k] = m
        m = home[k]
        count[who]++
        procs = count[who]
      } else {                                            # once
        who = name3(oneoff++ * 7919)
        r = rand()
        procs = r < 0.7 ? 1 : r < 0.9 ? 2 + int(rand() * 2) : 4 + int(rand() * 6)
      }
      r = rand()
      group = r < 0.86 ? 1 : r < 0.96 ? 2 : r < 0.99 ? 3 + int(rand() * 3) : 6 + int(rand() * 35)
      threat = chance(0.012); doxing = chance(0.006)
      personal = chance(0.06); failed = chance(0.1)
    }
    if (munsize[m] == 1) lc = cap[pick(capw1, 3)]
    else if (munsize[m] == 2) lc = cap[pick(capw2, 3)]
    else lc = cap[pick(capw3, 3)]
    if (procs > 10000) procs = 10000                      # the bound of the fact
    falsereport = ins == "aangifte" ? chance(0.15) : "false"
    subversion = chance(0.015)
    printf "{\"case_id\": \"%d-%05d\", \"role\": \"%s\", \"instrument\": \"%s\", \"procedures_12m\": %d, \"initiators\": %d, \"explicit_threat\": %s, \"false_report_suspected\": %s, \"doxing\": %s, \"subversion_link\": %s, \"personal_life_affected\": %s, \"prior_dialogue_failed\": %s, \"legal_capacity\": \"%s\", \"municipality\": \"%s\", \"reported_on\": \"%d-%02d-%02d\", \"initiator_name\": \"%s\"}\n",
      year, id, rl, ins, procs, group, threat, falsereport, doxing, subversion, personal, failed,
      lc, mun[m], year, dmon[d], dday[d], who
  }
}'
