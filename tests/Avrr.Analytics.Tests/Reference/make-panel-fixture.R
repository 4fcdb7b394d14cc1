# make-panel-fixture.R
#
# Generates panel-fixture.csv: an rss-15 survey export with repeated surveys of
# the same returnees (same column layout as runner-fixture.csv: record
# columns, psu, stratum, then the 29 question ids), for the panel-change
# references of panel-design.R.
#
# Run from this folder:  Rscript make-panel-fixture.R
#
# 120 surveys of 60 returnees (R001..R060) in 3 countries and 7 communities:
#   45 panel returnees: 30 with 2 surveys (baseline, follow_up) and 15 with 3
#   (baseline, follow_up, follow_up2), dates strictly increasing by round;
#   15 returnees with a single baseline survey (not in the panel).
#
# Locations (a survey's psu and stratum come from the place it was taken):
#   code country community   psu  stratum
#   D1   SEN     Dakar       P01  S1
#   D2   SEN     Dakar       P02  S1
#   T3   SEN     Thies       P03  S2   <- every Thies panel returnee ends here
#   Z3   SEN     Ziguinchor  P03  S1   <- same psu label as Thies, other stratum
#   Z4   SEN     Ziguinchor  P04  S1
#   C5   GIN     Conakry     P05  S2
#   C6   GIN     Conakry     P06  S3
#   K7   GIN     Kindia      P07  S3
#   K8   GIN     Kindia      P08  S3
#   B9   MLI     Bamako      P09  S2
#   B10  MLI     Bamako      P10  S3
#   Y11  MLI     Kayes       P11  S4   <- the only S4 psu among LAST surveys
#   Y12  MLI     Kayes       P12  S4   <- only in first surveys / single surveys
#   (Thies is written Thi\u00e8s.)
#
# So among the 45 last surveys (the panel design) S4 has one PSU (P11): a
# lonely stratum, although the whole export has two S4 PSUs.  Thies and Kayes
# panel returnees each sit in a single PSU.
#
# Movers (first -> last): R006 B10 -> D2 (MLI -> SEN), R011 D1 -> T3,
# R017 D1 -> D1 -> Z4, R022 K7 -> C5, R023 Z4 -> C6 (SEN -> GIN),
# R024 C5 -> B9 -> C6 (away in the middle survey, back in Conakry),
# R043 B9 -> Y11 (S2 -> S4).  PSU changes without moving community: R002,
# R008, R020, R033, R039, R042, R044, R045.
#
# Scoring cases (forced answers, see the overrides below):
#   R029 last survey: every psychosocial answer "dk"  -> psychosocial and
#        composite change missing;
#   R035 first survey: economic indicators debt, employment, productive_assets
#        all "refused" (2 of 5 present < 0.6) -> economic and composite change
#        missing;
#   R025 last survey: every social answer "na" -> social and composite change
#        missing;
#   R045 last survey: every economic answer "refused" -> economic and composite
#        change missing;
#   R001 middle survey: every social answer "refused" (not used: change present);
#   R013 first survey: psychosocial indicators social_participation and
#        belonging all "dk" (3 of 5 present, exactly 0.6): scored.
#
# Row order: by returnee, surveys in date order, except R022, R029 and R033,
# whose surveys are written latest first (the panel must order by
# survey_date, not by file position).  No returnee has two surveys on the
# same date.
#
# Answers: each survey has a latent level p = plogis(psu effect + returnee
# effect + round effect (0, 0.35, 0.6) + noise); each question's choice is
# drawn from Binomial(choices - 1, p) on the scale ordered from worst to best.
# About 6% of answers are dk / refused / na.  Weights in [0.4, 3) with 3
# decimals, drawn per survey (they differ between a returnee's surveys).
# UTF-8, no BOM, LF.

set.seed(20261129)
out_file <- "panel-fixture.csv"

loc <- data.frame(
  code      = c("D1", "D2", "T3", "Z3", "Z4", "C5", "C6", "K7", "K8", "B9", "B10", "Y11", "Y12"),
  country   = c("SEN", "SEN", "SEN", "SEN", "SEN", "GIN", "GIN", "GIN", "GIN", "MLI", "MLI", "MLI", "MLI"),
  community = c("Dakar", "Dakar", "Thi\u00e8s", "Ziguinchor", "Ziguinchor", "Conakry", "Conakry",
                "Kindia", "Kindia", "Bamako", "Bamako", "Kayes", "Kayes"),
  psu       = c("P01", "P02", "P03", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12"),
  stratum   = c("S1", "S1", "S2", "S1", "S1", "S2", "S3", "S3", "S3", "S2", "S3", "S4", "S4"),
  stringsAsFactors = FALSE
)
loc$community <- enc2utf8(loc$community)
psu_effect <- setNames(rnorm(12, 0, 0.6), sprintf("P%02d", 1:12))

paths <- list(
  # Dakar (last survey)
  c("D1", "D1", "D1"), c("D1", "D2"), c("D2", "D2"), c("D1", "D1"), c("D2", "D2", "D2"),
  c("B10", "D2"), c("D1", "D1"), c("D2", "D1", "D1"), c("D2", "D2"),
  # Thies
  c("T3", "T3"), c("D1", "T3"), c("T3", "T3", "T3"), c("T3", "T3"), c("T3", "T3", "T3"),
  # Ziguinchor
  c("Z3", "Z3"), c("Z4", "Z4"), c("D1", "D1", "Z4"), c("Z3", "Z3", "Z3"), c("Z4", "Z4"),
  c("Z3", "Z4"),
  # Conakry
  c("C5", "C5"), c("K7", "C5"), c("Z4", "C6"), c("C5", "B9", "C6"), c("C6", "C6", "C6"),
  c("C5", "C5"), c("C6", "C6"), c("C5", "C5", "C5"),
  # Kindia
  c("K7", "K7"), c("K8", "K8"), c("K7", "K7", "K7"), c("K8", "K8"), c("K7", "K8", "K8"),
  c("K8", "K8"),
  # Bamako
  c("B9", "B9"), c("B10", "B10"), c("B9", "B9", "B9"), c("B10", "B10"), c("B9", "B10"),
  c("B10", "B10", "B10"), c("B9", "B9"),
  # Kayes
  c("Y12", "Y11"), c("B9", "Y11"), c("Y11", "Y12", "Y11"), c("Y12", "Y11"),
  # single surveys
  "D1", "D2", "D1", "T3", "Z3", "Z4", "C5", "C6", "C5", "K7", "K8", "B9", "B10", "Y12", "Y12"
)
stopifnot(length(paths) == 60, sum(lengths(paths)) == 120,
          sum(lengths(paths) == 2) == 30, sum(lengths(paths) == 3) == 15)

rounds <- c("baseline", "follow_up", "follow_up2")
reversed <- c("R022", "R029", "R033")
ret_effect <- rnorm(60, 0, 0.5)
round_effect <- c(0, 0.35, 0.6)

recs <- list()
for (r in seq_along(paths)) {
  id <- sprintf("R%03d", r)
  k <- length(paths[[r]])
  dates <- as.Date("2024-01-08") + sample(0:120, 1)
  if (k > 1) for (j in 2:k) dates[j] <- dates[j - 1] + sample(150:230, 1)
  li <- match(paths[[r]], loc$code)
  rec <- data.frame(
    returnee_id = id, country = loc$country[li], community = loc$community[li],
    survey_date = format(dates), round = rounds[seq_len(k)],
    weight = sprintf("%.3f", runif(k, 0.4, 3)), psu = loc$psu[li], stratum = loc$stratum[li],
    k = seq_len(k),
    level = plogis(psu_effect[loc$psu[li]] + ret_effect[r] + round_effect[seq_len(k)] +
                     rnorm(k, 0, 0.5)),
    stringsAsFactors = FALSE)
  if (id %in% reversed) rec <- rec[k:1, ]
  recs[[r]] <- rec
}
d <- do.call(rbind, recs)
rownames(d) <- NULL
n <- nrow(d)

# Questions in scheme order with their choices from worst to best.
sat5   <- c("1", "2", "3", "4", "5")
qual5  <- c("very_poor", "poor", "fair", "good", "very_good")
agree5 <- c("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree")
never5 <- c("very_often", "often", "sometimes", "rarely", "never")   # never is good
often5 <- c("never", "rarely", "sometimes", "often", "very_often")   # often is good
yes2   <- c("no", "yes")
no2    <- c("yes", "no")
debt3  <- c("debt_above_spending", "debt_below_spending", "no_debt")
count  <- c("0", "1", "2", "3", "4", "5")
questions <- list(
  econ_satisfaction = sat5, food_reduction_freq = never5, can_borrow = yes2,
  borrow_freq = never5, debt_level = debt3, currently_working = yes2,
  job_access = qual5, owns_productive_assets = yes2, income_sources = count,
  housing_access = qual5, housing_standard = qual5, children_in_school = yes2,
  has_id_documents = yes2, justice_access = qual5, water_access = qual5,
  health_access = qual5, health_quality = qual5, public_services_access = qual5,
  social_protection = yes2,
  social_activities_freq = often5, support_network = yes2,
  feel_part_of_community = agree5, discrimination_freq = never5,
  feels_safe = agree5, family_tension_freq = never5, distress_freq = never5,
  wants_psych_support = no2, able_to_stay = agree5, remigration_intent = no2
)
stopifnot(length(questions) == 29)

for (q in names(questions)) {
  choices <- questions[[q]]
  kk <- rbinom(n, length(choices) - 1, d$level) + 1
  a <- choices[kk]
  miss <- runif(n) < 0.06
  a[miss] <- sample(c("dk", "refused", "na"), sum(miss), replace = TRUE)
  d[[q]] <- a
}

economic     <- names(questions)[1:9]
social       <- names(questions)[10:19]
psychosocial <- names(questions)[20:29]
row_of <- function(id, which) {              # which: "first", "middle", "last"
  i <- which(d$returnee_id == id)
  i <- i[order(d$survey_date[i])]
  switch(which, first = i[1], middle = i[2], last = i[length(i)])
}
d[row_of("R029", "last"), psychosocial] <- "dk"
i <- row_of("R035", "first")
d[i, economic[3:9]] <- "refused"
d[i, economic[1:2]] <- c("3", "sometimes")
d[row_of("R025", "last"), social] <- "na"
d[row_of("R045", "last"), economic] <- "refused"
d[row_of("R001", "middle"), social] <- "refused"
i <- row_of("R013", "first")
d[i, psychosocial[1:4]] <- "dk"
d[i, psychosocial[c(5, 7, 9)]] <- c("agree", "rarely", "neutral")

d$k <- NULL
d$level <- NULL
stopifnot(!any(grepl("[,\"]", as.matrix(d))), nrow(d) == 120)
con <- file(out_file, open = "wb")
writeLines(enc2utf8(c(paste(names(d), collapse = ","),
                      apply(d, 1, paste, collapse = ","))), con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote", out_file, ":", n, "rows\n")
