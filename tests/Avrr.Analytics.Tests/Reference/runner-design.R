# runner-design.R
#
# Golden numbers for the whole runner: scores runner-fixture.csv with rss-15
# (written out below, independently of the engine) and estimates every
# statistic of aggregates.csv with R's survey package, for four designs, so
# that the C# test can run EvaluationRun on the same export (with --cluster psu
# and/or --strata stratum) and compare aggregates.csv to 1e-9.
#
# Run from this folder (after make-runner-fixture.R):
#   Rscript runner-design.R
#
# Writes runner-design-expected.csv with columns
#   design,level,country,community,measure,n_rows,n,weight_sum,mean,se,ci_low,
#   ci_high,n_eff,median,p25,p75,share_low,share_medium,share_high
#
# Scoring (docs/methodology.md, "Scoring"; rss-15: every weight 1, minDimensionCoverage
# 0.6, compositeRequires all, compositeFrom dimensions): question score from
# the scale; dk / refused / na missing; indicator = mean of answered
# questions; dimension = mean of present indicators when at least 60% of its
# indicators are present; composite = mean of the three dimensions when all
# three are present.  The sums are accumulated one term at a time in scheme
# order, in double precision, as the engine does, so that scores are the same
# doubles (R's sum() and mean() use extended precision, which could move a
# value by one unit in the last place and reorder ties in the quantiles).
#
# Designs (options(survey.lonely.psu = "adjust") for all):
#   weights          svydesign(ids = ~1,   weights = ~weight, data = d)
#   clusters         svydesign(ids = ~psu, weights = ~weight, data = d)
#   strata           svydesign(ids = ~1,   strata = ~stratum, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
# In `clusters` the two psu labelled K1 (Dakar in S1, Thies in S2) are one
# cluster; with nest = TRUE they are two PSUs.  S3 (one PSU, 9 surveys) and S4
# (one PSU, one survey) are lonely strata.
#
# Statistics per design x level (all, country, country+community) x group x
# measure (composite, economic, social, psychosocial):
#   n_rows, n, weight_sum   counted directly
#   mean, se                svymean(~m, design, na.rm = TRUE) for all,
#                           svyby(~m, ~g, design, svymean, na.rm = TRUE) for
#                           the groups (the design is always the whole export)
#   ci_low, ci_high         confint() (= mean -/+ qnorm(0.975) se, checked)
#   n_eff                   (sum w)^2 / sum w^2 over the n
#   median, p25, p75        svyquantile(~m, subset(design_w, group),
#                           c(0.25, 0.5, 0.75), qrule = "hf7", na.rm = TRUE)
#                           on the weights-only design (quantiles do not depend
#                           on clusters or strata); for a group with n = 1 the
#                           value itself (svyquantile cannot interpolate one
#                           point; quantile(x, type = 7) gives x)
#   share_low/medium/high   weighted shares of the n values: < 0.33, between,
#                           >= 0.66
# Groups whose measure is missing in every survey are omitted (none here).
# Numbers are printed with %.17g.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

in_file  <- "runner-fixture.csv"
out_file <- "runner-design-expected.csv"

d <- read.csv(in_file, colClasses = "character", na.strings = character(0),
              fileEncoding = "UTF-8", encoding = "UTF-8")
d$community <- enc2utf8(d$community)
d$weight <- as.numeric(d$weight)
stopifnot(nrow(d) == 43, !anyNA(d$weight))

# ---- scoring ----------------------------------------------------------------
sat5   <- c("1" = 0, "2" = 0.25, "3" = 0.5, "4" = 0.75, "5" = 1)
qual5  <- c(very_poor = 0, poor = 0.25, fair = 0.5, good = 0.75, very_good = 1)
agree5 <- c(strongly_disagree = 0, disagree = 0.25, neutral = 0.5, agree = 0.75,
            strongly_agree = 1)
never5 <- c(never = 1, rarely = 0.75, sometimes = 0.5, often = 0.25, very_often = 0)
often5 <- c(never = 0, rarely = 0.25, sometimes = 0.5, often = 0.75, very_often = 1)
yes2   <- c(yes = 1, no = 0)
no2    <- c(yes = 0, no = 1)
debt3  <- c(no_debt = 1, debt_below_spending = 0.5, debt_above_spending = 0)
count3 <- c("0" = 0, "1" = 1 / 3, "2" = 2 / 3, "3" = 1, "4" = 1, "5" = 1)  # min(n, 3) / 3

scheme <- list(
  economic = list(
    econ_satisfaction = list(econ_satisfaction = sat5),
    food_security = list(food_reduction_freq = never5),
    debt = list(can_borrow = yes2, borrow_freq = never5, debt_level = debt3),
    employment = list(currently_working = yes2, job_access = qual5),
    productive_assets = list(owns_productive_assets = yes2, income_sources = count3)),
  social = list(
    housing = list(housing_access = qual5, housing_standard = qual5),
    education = list(children_in_school = yes2),
    documentation_justice = list(has_id_documents = yes2, justice_access = qual5),
    basic_services = list(water_access = qual5, health_access = qual5, health_quality = qual5),
    public_services = list(public_services_access = qual5, social_protection = yes2)),
  psychosocial = list(
    social_participation = list(social_activities_freq = often5, support_network = yes2),
    belonging = list(feel_part_of_community = agree5, discrimination_freq = never5),
    safety = list(feels_safe = agree5, family_tension_freq = never5),
    wellbeing = list(distress_freq = never5, wants_psych_support = no2),
    remigration = list(able_to_stay = agree5, remigration_intent = no2))
)

question_score <- function(answers, scale) {
  s <- unname(scale[answers])                      # NA for dk / refused / na
  bad <- is.na(s) & !(answers %in% c("dk", "refused", "na", ""))
  stopifnot(!any(bad))
  s
}
# Weighted mean (all weights 1) over the present scores, accumulated in order.
running_mean <- function(scores) {
  total <- 0; count <- 0
  for (s in scores) {
    total <- total + ifelse(is.na(s), 0, s)
    count <- count + !is.na(s)
  }
  list(value = ifelse(count > 0, total / count, NA_real_), count = count)
}

dimension_scores <- list()
for (dim in names(scheme)) {
  indicators <- lapply(scheme[[dim]], function(qs)
    running_mean(lapply(names(qs), function(q) question_score(d[[q]], qs[[q]])))$value)
  m <- running_mean(indicators)
  covered <- m$count / length(indicators) >= 0.6 - 1e-12
  dimension_scores[[dim]] <- ifelse(covered, m$value, NA_real_)
}
comp <- running_mean(dimension_scores)
d$composite <- ifelse(comp$count == 3, comp$value, NA_real_)
d$economic <- dimension_scores$economic
d$social <- dimension_scores$social
d$psychosocial <- dimension_scores$psychosocial
stopifnot(is.na(d$composite[c(3, 24, 12)]), is.na(d$psychosocial[c(3, 24)]),
          is.na(d$economic[12]), !is.na(d$economic[30]))

# ---- estimation ---------------------------------------------------------------
measures <- c("composite", "economic", "social", "psychosocial")
designs <- list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~psu, weights = ~weight, data = d),
  strata = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
                              data = d, nest = TRUE)
)
design_w <- designs$weights
probs <- c(0.25, 0.5, 0.75)
z <- qnorm(0.975)
ci_dev <- 0

group_rows <- function(level) {
  if (level == "all") return(list(list(country = "", community = "", sel = rep(TRUE, nrow(d)))))
  keys <- unique(d[, if (level == "country") "country" else c("country", "community"), drop = FALSE])
  lapply(seq_len(nrow(keys)), function(i) {
    sel <- d$country == keys$country[i]
    community <- ""
    if (level != "country") { community <- keys$community[i]; sel <- sel & d$community == community }
    list(country = keys$country[i], community = community, sel = sel)
  })
}

rows <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  for (m in measures) {
    f <- as.formula(paste0("~", m))
    x <- d[[m]]
    for (level in c("all", "country", "country+community")) {
      if (level == "all") {
        s <- svymean(f, des, na.rm = TRUE)
        est <- unname(coef(s)); se <- unname(SE(s)); ci <- unname(confint(s))
        keys <- data.frame(country = "", community = "")
      } else {
        by_f <- if (level == "country") ~country else ~country + community
        b <- svyby(f, by_f, des, svymean, na.rm = TRUE)
        est <- unname(coef(b)); se <- unname(SE(b)); ci <- unname(confint(b))
        keys <- data.frame(country = as.character(b$country),
                           community = if (level == "country") "" else as.character(b$community))
      }
      ci_dev <- max(ci_dev, abs(ci[, 1] - (est - z * se)), abs(ci[, 2] - (est + z * se)))
      for (i in seq_len(nrow(keys))) {
        sel <- rep(TRUE, nrow(d))
        if (level != "all") sel <- d$country == keys$country[i]
        if (level == "country+community") sel <- sel & d$community == keys$community[i]
        present <- sel & !is.na(x)
        n <- sum(present)
        if (n == 0) next
        w <- d$weight[present]; v <- x[present]
        q <- if (n == 1) rep(v, 3) else
          unname(coef(svyquantile(f, subset(design_w, sel), probs, qrule = "hf7",
                                  na.rm = TRUE, ci = FALSE)))
        rows[[length(rows) + 1]] <- data.frame(
          design = dn, level = level, country = keys$country[i],
          community = keys$community[i], measure = m,
          n_rows = sum(sel), n = n, weight_sum = sum(w),
          mean = est[i], se = se[i], ci_low = ci[i, 1], ci_high = ci[i, 2],
          n_eff = sum(w)^2 / sum(w^2),
          median = q[2], p25 = q[1], p75 = q[3],
          share_low = sum(w[v < 0.33]) / sum(w),
          share_medium = sum(w[v >= 0.33 & v < 0.66]) / sum(w),
          share_high = sum(w[v >= 0.66]) / sum(w),
          stringsAsFactors = FALSE)
      }
    }
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$level, res$country, res$community, res$measure,
                 method = "radix"), ]
stopifnot(ci_dev < 1e-12)

fmt <- function(x) sprintf("%.17g", x)
num <- c("weight_sum", "mean", "se", "ci_low", "ci_high", "n_eff", "median",
         "p25", "p75", "share_low", "share_medium", "share_high")
out <- res
for (col in num) out[[col]] <- fmt(out[[col]])
out$n_rows <- sprintf("%d", as.integer(out$n_rows))
out$n <- sprintf("%d", as.integer(out$n))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
cat(sprintf("R %s, survey %s; confint() vs mean -/+ qnorm(0.975) se: %.3g\n",
            getRversion(), as.character(packageVersion("survey")), ci_dev))
cat("wrote", out_file, ":", nrow(res), "rows\n")
