# runner-design-t.R
#
# Golden numbers for t-based 95% confidence intervals and PSU counts on the
# runner fixture: scores runner-fixture.csv (a copy of
# tests/Avrr.Analytics.Tests/Reference/runner-fixture.csv) with rss-15 exactly
# as runner-design.R does, and for its four designs gives the mean, se, the
# design degrees of freedom degf(design), the t interval and the number of
# PSUs behind each group's estimate.
#
# Run from this folder:
#   Rscript runner-design-t.R
#
# Writes
#   runner-design-t-expected.csv  design,level,country,community,measure,n,
#                                 mean,se,df,ci_low_t,ci_high_t,psus,
#                                 df_domain,ci_low_domain,ci_high_domain
#   runner-design-t-notes.txt     versions, checks, degf, qt, zero SEs, warnings
#
# Designs (options(survey.lonely.psu = "adjust") for all), as in runner-design.R:
#   weights          svydesign(ids = ~1,   weights = ~weight, data = d)
#   clusters         svydesign(ids = ~psu, weights = ~weight, data = d)
#   strata           svydesign(ids = ~1,   strata = ~stratum, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
#
# Per design x level (all, country, country+community) x group x measure
# (composite, economic, social, psychosocial):
#   n                 surveys of the group with the measure present
#   mean, se          svymean(~m, design, na.rm = TRUE) (all),
#                     svyby(~m, ~g, design, svymean, na.rm = TRUE) (groups)
#   df                degf(design), of the whole design (not of the group)
#   ci_low_t, ci_high_t   confint(svymean or svyby object, df = degf(design)),
#                     checked to equal mean -/+ qt(0.975, df) se
#   psus              distinct PSUs among the group's surveys with the measure
#                     present: surveys (weights, strata), distinct psu labels
#                     (clusters: K1 of Dakar and of Thies is one PSU),
#                     distinct (stratum, psu) pairs (strata_clusters)
#   df_domain         the estimate's own degrees of freedom (the engine's
#                     default, --df domain; Korn & Graubard 1999): the PSUs
#                     of the group's surveys with the measure present minus
#                     the strata they lie in, at least 1:
#                     max(1, degf(subset(design, present))), checked against
#                     that count made by hand from the design columns
#   ci_low_domain, ci_high_domain   mean -/+ qt(0.975, df_domain) se (checked
#                     against confint(x, df = df_domain))
# Groups whose measure is missing in every survey are omitted (none here).
# Numbers are printed with %.17g; rows sorted by design, level, country,
# community, measure in C-locale byte order.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

in_file    <- "runner-fixture.csv"
out_file   <- "runner-design-t-expected.csv"
notes_file <- "runner-design-t-notes.txt"

d <- read.csv(in_file, colClasses = "character", na.strings = character(0),
              fileEncoding = "UTF-8", encoding = "UTF-8")
d$community <- enc2utf8(d$community)
d$weight <- as.numeric(d$weight)
stopifnot(nrow(d) == 43, !anyNA(d$weight))

# ---- scoring (copied from runner-design.R) ----------------------------------
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
measures <- c("composite", "economic", "social", "psychosocial")

# ---- estimation -------------------------------------------------------------
warn_log <- character(0)
collect <- function(expr) withCallingHandlers(expr, warning = function(w) {
  warn_log <<- c(warn_log, conditionMessage(w))
  invokeRestart("muffleWarning")
})

designs <- collect(list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~psu, weights = ~weight, data = d),
  strata = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
                              data = d, nest = TRUE)
))
row_id <- sprintf("row%02d", seq_len(nrow(d)))
unit <- list(
  weights = list(psu = row_id, stratum = rep("1", nrow(d))),
  clusters = list(psu = d$psu, stratum = rep("1", nrow(d))),
  strata = list(psu = row_id, stratum = d$stratum),
  strata_clusters = list(psu = paste(d$stratum, d$psu, sep = "/"), stratum = d$stratum)
)

# Hand computation of the linearised domain variance (as in panel-design.R).
hand_var <- function(z, u) {
  t <- tapply(z, u$psu, sum)
  st <- tapply(u$stratum, u$psu, function(s) s[1])
  v <- 0
  for (h in sort(unique(st))) {
    th <- t[st == h]; mh <- length(th)
    v <- v + if (mh > 1) mh / (mh - 1) * sum((th - mean(th))^2) else th^2
  }
  unname(v)
}

t_dev <- 0; hand_dev <- 0; domain_dev <- 0
rows <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  df <- degf(des)
  qt975 <- qt(0.975, df)
  for (m in measures) {
    f <- as.formula(paste0("~", m))
    x <- d[[m]]
    for (level in c("all", "country", "country+community")) {
      if (level == "all") {
        s <- collect(svymean(f, des, na.rm = TRUE))
        est <- unname(coef(s)); se <- unname(SE(s)); cit <- unname(confint(s, df = df))
        keys <- data.frame(country = "", community = "")
      } else {
        by_f <- if (level == "country") ~country else ~country + community
        b <- collect(svyby(f, by_f, des, svymean, na.rm = TRUE))
        est <- unname(coef(b)); se <- unname(SE(b)); cit <- unname(confint(b, df = df))
        keys <- data.frame(country = as.character(b$country),
                           community = if (level == "country") "" else as.character(b$community))
      }
      t_dev <- max(t_dev, abs(cit[, 1] - (est - qt975 * se)), abs(cit[, 2] - (est + qt975 * se)))
      for (i in seq_len(nrow(keys))) {
        sel <- rep(TRUE, nrow(d))
        if (level != "all") sel <- d$country == keys$country[i]
        if (level == "country+community") sel <- sel & d$community == keys$community[i]
        present <- sel & !is.na(x)
        n <- sum(present)
        if (n == 0) next
        W <- sum(d$weight[present]); ybar <- sum(d$weight[present] * x[present]) / W
        z <- ifelse(present, d$weight * (x - ybar) / W, 0)
        hand_dev <- max(hand_dev, abs(ybar - est[i]), abs(sqrt(hand_var(z, unit[[dn]])) - se[i]))
        # The domain rule: the group's PSUs with the measure minus their strata, at least 1.
        df_dom <- max(1, degf(subset(des, present)))
        stopifnot(df_dom == max(1, length(unique(unit[[dn]]$psu[present])) - length(unique(unit[[dn]]$stratum[present]))))
        cid <- unname(confint(if (level == "all") s else b, df = df_dom))[i, ]
        lo_d <- est[i] - qt(0.975, df_dom) * se[i]; hi_d <- est[i] + qt(0.975, df_dom) * se[i]
        domain_dev <- max(domain_dev, abs(cid[1] - lo_d), abs(cid[2] - hi_d))
        rows[[length(rows) + 1]] <- data.frame(
          design = dn, level = level, country = keys$country[i],
          community = keys$community[i], measure = m, n = n,
          mean = est[i], se = se[i], df = df, ci_low_t = cit[i, 1], ci_high_t = cit[i, 2],
          psus = length(unique(unit[[dn]]$psu[present])),
          df_domain = df_dom, ci_low_domain = lo_d, ci_high_domain = hi_d,
          stringsAsFactors = FALSE)
      }
    }
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$level, res$country, res$community, res$measure,
                 method = "radix"), ]
stopifnot(t_dev < 1e-12, hand_dev < 1e-12, domain_dev < 1e-12)

# Same mean and se as runner-design-expected.csv (next to this script: run it from this folder).
ref_dev <- NA_real_
for (ref in c("runner-design-expected.csv")) {
  if (file.exists(ref)) {
    r <- read.csv(ref, colClasses = "character", na.strings = character(0), encoding = "UTF-8")
    r$community <- enc2utf8(r$community)
    k1 <- paste(res$design, res$level, res$country, res$community, res$measure)
    k2 <- paste(r$design, r$level, r$country, r$community, r$measure)
    stopifnot(setequal(k1, k2))
    j <- match(k1, k2)
    ref_dev <- max(abs(res$mean - as.numeric(r$mean[j])), abs(res$se - as.numeric(r$se[j])),
                   abs(res$n - as.integer(r$n[j])))
    break
  }
}

fmt <- function(x) sprintf("%.17g", x)
out <- res
for (col in c("mean", "se", "ci_low_t", "ci_high_t", "ci_low_domain", "ci_high_domain")) out[[col]] <- fmt(out[[col]])
for (col in c("n", "df", "psus", "df_domain")) out[[col]] <- sprintf("%d", as.integer(out[[col]]))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

# ---- notes ------------------------------------------------------------------
tiny <- res[res$se < 1e-12, ]
dfs <- sapply(designs, degf)
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("options(survey.lonely.psu) = \"%s\"", getOption("survey.lonely.psu")),
  sprintf("degf: %s", paste(sprintf("%s = %d", names(dfs), dfs), collapse = ", ")),
  "  weights: 43 surveys - 1; clusters: 7 psu labels (K1..K7, K1 shared by Dakar and Thies) - 1;",
  "  strata: 43 surveys - 4 strata (the one-survey stratum S4 counts); strata_clusters: 8 (stratum, psu) PSUs - 4 strata",
  sprintf("qt(0.975, df): %s", paste(sprintf("df %d = %.17g", sort(unique(dfs)),
                                             qt(0.975, sort(unique(dfs)))), collapse = ", ")),
  sprintf("confint(x, df = degf(design)) == mean -/+ qt(0.975, df) * se: max abs difference over all %d rows = %.3g",
          nrow(res), t_dev),
  sprintf("hand linearisation (mean and se) vs survey: max abs difference = %.3g", hand_dev),
  sprintf("domain df: max(1, degf(subset(design, present))) == the hand count of PSUs - strata (checked); confint(x, df = df_domain) == mean -/+ qt(0.975, df_domain) * se: max abs difference = %.3g",
          domain_dev),
  sprintf("df_domain values: %s", paste(sort(unique(res$df_domain)), collapse = " ")),
  sprintf("n, mean, se vs runner-design-expected.csv: max abs difference = %.3g", ref_dev),
  sprintf("rows written to %s: %d", out_file, nrow(res)),
  sprintf("rows with se < 1e-12 (mathematically 0: one survey, or all in one PSU of a clustered design; compare se with an absolute tolerance): %d", nrow(tiny)),
  if (nrow(tiny) > 0) sprintf("  %s %s %s %s %s n=%d psus=%d se=%.3g", tiny$design,
                              tiny$level, tiny$country, tiny$community, tiny$measure,
                              tiny$n, tiny$psus, tiny$se),
  sprintf("warnings from R: %d", length(warn_log)),
  if (length(warn_log) > 0) paste0("  ", unique(warn_log))
)
con <- file(notes_file, open = "wb")
writeLines(enc2utf8(notes), con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
