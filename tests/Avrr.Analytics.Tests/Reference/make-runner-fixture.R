# make-runner-fixture.R
#
# Generates runner-fixture.csv: a small rss-15 survey export (record columns,
# two design columns and the 29 question ids) that the C# tests run through
# the whole runner (EvaluationRun) and that runner-design.R scores and
# estimates independently with R's survey package.
#
# Run from this folder:  Rscript make-runner-fixture.R
#
# Layout (fixed by hand; answers and weights are random, seeded):
#
#   country community   rows  psu (rows)      stratum
#   SEN     Dakar        10   K1 (5), K2 (5)  S1, S1
#   SEN     Thies         5   K1 (5)          S2   <- same psu label as Dakar's K1,
#                                                     another stratum: nest = TRUE
#   SEN     Ziguinchor    4   K3 (4)          S2
#   GIN     Conakry       8   K4 (8)          S1
#   GIN     Kindia        6   K5 (6)          S2
#   MLI     Bamako        9   K6 (9)          S3   <- S3 has one PSU (lonely PSU)
#   MLI     Kayes         1   K7 (1)          S4   <- S4 has one PSU of one survey
#                                                     (lonely also without clusters)
#   (Thies is written Thi\u00e8s.)
#
# Strata: S1 = K1, K2, K4; S2 = K1, K3, K5; S3 = K6; S4 = K7.
#
# Answers: each survey has a latent level p (logistic of a psu effect plus
# noise); each question's choice is drawn from Binomial(choices - 1, p) on the
# scale ordered from worst to best, so scores are correlated within a survey
# and within a psu. About 6% of answers are replaced by dk / refused / na.
# Built-in cases for the scoring rules (docs/methodology.md, "Scoring"):
#   * rows 3 and 24: every psychosocial answer "dk": psychosocial and composite
#     missing;
#   * row 12: economic indicators debt, employment, productive_assets all
#     missing (2 of 5 indicators present, 0.4 < 0.6): economic and composite
#     missing;
#   * row 30: economic indicators employment, productive_assets missing
#     (3 of 5 present, exactly the 0.6 threshold): economic scored;
#   * income_sources is a count 0..5 (scored min(n, 3) / 3).
#
# All surveys in 2025-Q1 (one quarter), one survey per returnee (no panel),
# weights in [0.4, 3) with 3 decimals.  UTF-8, no BOM, LF.

set.seed(20261128)
out_file <- "runner-fixture.csv"

layout <- data.frame(
  country   = c("SEN", "SEN", "SEN", "SEN", "GIN", "GIN", "MLI", "MLI"),
  community = c("Dakar", "Dakar", "Thi\u00e8s", "Ziguinchor", "Conakry",
                "Kindia", "Bamako", "Kayes"),
  psu       = c("K1", "K2", "K1", "K3", "K4", "K5", "K6", "K7"),
  stratum   = c("S1", "S1", "S2", "S2", "S1", "S2", "S3", "S4"),
  size      = c(5, 5, 5, 4, 8, 6, 9, 1),
  stringsAsFactors = FALSE
)
layout$community <- enc2utf8(layout$community)
layout$effect <- rnorm(nrow(layout), 0, 0.8)

idx <- rep(seq_len(nrow(layout)), times = layout$size)
n <- length(idx)
d <- data.frame(
  returnee_id = sprintf("R%03d", seq_len(n)),
  country     = layout$country[idx],
  community   = layout$community[idx],
  survey_date = format(as.Date("2025-01-01") + sample(0:89, n, replace = TRUE)),
  round       = "baseline",
  weight      = sprintf("%.3f", runif(n, 0.4, 3)),
  psu         = layout$psu[idx],
  stratum     = layout$stratum[idx],
  stringsAsFactors = FALSE
)
level <- plogis(layout$effect[idx] + rnorm(n, 0.2, 0.9))

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
  k <- rbinom(n, length(choices) - 1, level) + 1
  a <- choices[k]
  miss <- runif(n) < 0.06
  a[miss] <- sample(c("dk", "refused", "na"), sum(miss), replace = TRUE)
  d[[q]] <- a
}

psychosocial <- names(questions)[20:29]
d[c(3, 24), psychosocial] <- "dk"
d[12, c("can_borrow", "borrow_freq", "debt_level", "currently_working",
        "job_access", "owns_productive_assets", "income_sources")] <- "refused"
d[12, c("econ_satisfaction", "food_reduction_freq")] <- c("4", "rarely")
d[30, c("currently_working", "job_access", "owns_productive_assets",
        "income_sources")] <- "na"
d[30, c("econ_satisfaction", "food_reduction_freq", "can_borrow")] <- c("2", "often", "yes")

stopifnot(!any(grepl("[,\"]", as.matrix(d))))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(c(paste(names(d), collapse = ","),
                      apply(d, 1, paste, collapse = ","))), con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote", out_file, ":", n, "rows\n")
print(table(d$country, d$stratum))
