# panel-design.R
#
# Golden numbers for panel change (first -> last survey of each returnee) in
# weights-only, clustered, stratified and stratified-clustered designs.
# Scores panel-fixture.csv with rss-15 on its own (scoring code copied from
# runner-design.R, independent of the engine), builds one row per panel
# returnee and estimates the mean change per group with R's survey package.
#
# Run from this folder (after make-panel-fixture.R):
#   Rscript panel-design.R
#
# Writes
#   panel-design-expected.csv  design,level,country,community,measure,
#                              returnees,mean_change,se,ci_low,ci_high,df,
#                              ci_low_t,ci_high_t,psus,df_domain,
#                              ci_low_domain,ci_high_domain,p_value,family,
#                              family_size,p_adjusted,significant
#   panel-design-notes.txt     versions, checks, zero SEs, warnings
#
# Scoring (docs/methodology.md, "Scoring"; rss-15: every weight 1, minDimensionCoverage
# 0.6, compositeRequires all, compositeFrom dimensions): question score from
# the scale; dk / refused / na missing; indicator = mean of answered
# questions; dimension = mean of present indicators when at least 60% of its
# indicators are present; composite = mean of the three dimensions when all
# three are present.  Sums accumulated one term at a time in scheme order, in
# double precision, as the engine does.
#
# Panel: a returnee with >= 2 surveys is a panel returnee.  Surveys ordered by
# survey_date, then input order (order(survey_date, row number)); first and
# last survey taken, those in between are not used.  For each measure
# (composite, economic, social, psychosocial): change = last - first, missing
# when the measure is missing in either survey.  The returnee gets the
# country, community, weight, psu and stratum of the LAST survey.
#
# Designs over the panel rows p (one row per panel returnee, 45 rows),
# options(survey.lonely.psu = "adjust"):
#   weights          svydesign(ids = ~1,   weights = ~weight, data = p)
#   clusters         svydesign(ids = ~psu, weights = ~weight, data = p)
#   strata           svydesign(ids = ~1,   strata = ~stratum, weights = ~weight, data = p)
#   strata_clusters  svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = p, nest = TRUE)
#
# Per design x level (all, country, country+community) x group x measure:
#   returnees     panel returnees of the group with the change present
#   mean_change, se   svymean(~m, design, na.rm = TRUE) (all) or
#                 svyby(~m, ~g, design, svymean, na.rm = TRUE) (groups), the
#                 design always over all panel rows
#   ci_low, ci_high   confint() (normal: mean -/+ qnorm(0.975) se, checked)
#   df            degf(design) (whole design, the same for every row)
#   ci_low_t, ci_high_t   mean -/+ qt(0.975, df) se (checked against
#                 confint(..., df = df))
#   psus          distinct PSUs among the group's returnees with the change
#                 present: returnees (weights, strata), distinct psu labels
#                 (clusters), distinct (stratum, psu) pairs (strata_clusters)
#   df_domain     the estimate's own degrees of freedom (the engine's default):
#                 max(1, degf(subset(design, present))), checked against the
#                 hand count of its PSUs minus their strata
#   ci_low_domain, ci_high_domain   mean -/+ qt(0.975, df_domain) se
#   p_value       the test of a zero mean change, 2 * pt(-abs(mean / se),
#                 df_domain); NA for a group in one PSU (no se in the engine)
#   family        change:<measure>:level=<level>: the groups of one level for
#                 one measure; family_size = its tests (p not NA)
#   p_adjusted    p.adjust(p_value, method = "BH") within the family
#   significant   p_adjusted < 0.05 (empty where there is no test)
# Groups with no returnee with the change present are omitted (none here).
# Numbers are printed with %.17g.  Rows sorted by design, level, country,
# community, measure in C-locale byte order.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

in_file    <- "panel-fixture.csv"
out_file   <- "panel-design-expected.csv"
notes_file <- "panel-design-notes.txt"

d <- read.csv(in_file, colClasses = "character", na.strings = character(0),
              fileEncoding = "UTF-8", encoding = "UTF-8")
d$community <- enc2utf8(d$community)
d$weight <- as.numeric(d$weight)
stopifnot(nrow(d) == 120, !anyNA(d$weight))

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
measures <- c("composite", "economic", "social", "psychosocial")

# ---- panel ------------------------------------------------------------------
d$row <- seq_len(nrow(d))
o <- order(d$returnee_id, d$survey_date, d$row, method = "radix")
ds <- d[o, ]
counts <- table(ds$returnee_id)
ids <- names(counts)[counts >= 2]
first_i <- match(ids, ds$returnee_id)
last_i <- first_i + as.integer(counts[ids]) - 1L
first <- ds[first_i, ]; last <- ds[last_i, ]
stopifnot(all(first$returnee_id == ids), all(last$returnee_id == ids),
          all(first$survey_date < last$survey_date))
p <- data.frame(returnee_id = ids, country = last$country, community = last$community,
                weight = last$weight, psu = last$psu, stratum = last$stratum,
                surveys = as.integer(counts[ids]), stringsAsFactors = FALSE)
for (m in measures) p[[m]] <- last[[m]] - first[[m]]    # NA if either is NA
stopifnot(nrow(p) == 45)

# designed cases (see make-panel-fixture.R)
chg <- function(id, m) p[[m]][p$returnee_id == id]
stopifnot(is.na(chg("R029", "psychosocial")), is.na(chg("R029", "composite")),
          is.na(chg("R035", "economic")), is.na(chg("R035", "composite")),
          is.na(chg("R025", "social")), is.na(chg("R025", "composite")),
          is.na(chg("R045", "economic")), is.na(chg("R045", "composite")),
          !is.na(chg("R001", "social")), !is.na(chg("R013", "psychosocial")),
          p$community[p$returnee_id == "R024"] == "Conakry",
          p$country[p$returnee_id == "R006"] == "SEN",
          p$country[p$returnee_id == "R023"] == "GIN")
# The panel's S4 has one PSU (lonely); the whole export has two.
stopifnot(length(unique(p$psu[p$stratum == "S4"])) == 1,
          length(unique(d$psu[d$stratum == "S4"])) == 2)

# ---- estimation -------------------------------------------------------------
warn_log <- character(0)
collect <- function(expr) withCallingHandlers(expr, warning = function(w) {
  warn_log <<- c(warn_log, conditionMessage(w))
  invokeRestart("muffleWarning")
})

designs <- collect(list(
  weights = svydesign(ids = ~1, weights = ~weight, data = p),
  clusters = svydesign(ids = ~psu, weights = ~weight, data = p),
  strata = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = p),
  strata_clusters = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
                              data = p, nest = TRUE)
))
# PSU and stratum of each row as the engine sees them (for psus and the hand check)
unit <- list(
  weights = list(psu = p$returnee_id, stratum = rep("1", nrow(p))),
  clusters = list(psu = p$psu, stratum = rep("1", nrow(p))),
  strata = list(psu = p$returnee_id, stratum = p$stratum),
  strata_clusters = list(psu = paste(p$stratum, p$psu, sep = "/"), stratum = p$stratum)
)

# Hand computation of the linearised domain variance: z_i = w_i (y_i - ybar)/W
# for the domain's rows with y present, 0 otherwise; PSU totals t; per stratum
# m/(m-1) sum (t - tbar)^2 over its m PSUs (of the whole design); a stratum
# with one PSU (lonely, "adjust") contributes t^2.
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

z975 <- qnorm(0.975)
ci_dev <- 0; t_dev <- 0; hand_dev <- 0; domain_dev <- 0
rows <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  df <- degf(des)
  qt975 <- qt(0.975, df)
  for (m in measures) {
    f <- as.formula(paste0("~", m))
    x <- p[[m]]
    for (level in c("all", "country", "country+community")) {
      if (level == "all") {
        s <- collect(svymean(f, des, na.rm = TRUE))
        est <- unname(coef(s)); se <- unname(SE(s))
        ci <- unname(confint(s)); cit <- unname(confint(s, df = df))
        keys <- data.frame(country = "", community = "")
      } else {
        by_f <- if (level == "country") ~country else ~country + community
        b <- collect(svyby(f, by_f, des, svymean, na.rm = TRUE))
        est <- unname(coef(b)); se <- unname(SE(b))
        ci <- unname(confint(b)); cit <- unname(confint(b, df = df))
        keys <- data.frame(country = as.character(b$country),
                           community = if (level == "country") "" else as.character(b$community))
      }
      ci_dev <- max(ci_dev, abs(ci[, 1] - (est - z975 * se)), abs(ci[, 2] - (est + z975 * se)))
      lo_t <- est - qt975 * se; hi_t <- est + qt975 * se
      t_dev <- max(t_dev, abs(cit[, 1] - lo_t), abs(cit[, 2] - hi_t))
      for (i in seq_len(nrow(keys))) {
        sel <- rep(TRUE, nrow(p))
        if (level != "all") sel <- p$country == keys$country[i]
        if (level == "country+community") sel <- sel & p$community == keys$community[i]
        present <- sel & !is.na(x)
        n <- sum(present)
        if (n == 0) next
        W <- sum(p$weight[present]); ybar <- sum(p$weight[present] * x[present]) / W
        z <- ifelse(present, p$weight * (x - ybar) / W, 0)
        hand_dev <- max(hand_dev, abs(ybar - est[i]), abs(sqrt(hand_var(z, unit[[dn]])) - se[i]))
        psus <- length(unique(unit[[dn]]$psu[present]))
        df_dom <- max(1, degf(subset(des, present)))
        stopifnot(df_dom == max(1, psus - length(unique(unit[[dn]]$stratum[present]))))
        cid <- unname(confint(if (level == "all") s else b, df = df_dom))[i, ]
        lo_d <- est[i] - qt(0.975, df_dom) * se[i]; hi_d <- est[i] + qt(0.975, df_dom) * se[i]
        domain_dev <- max(domain_dev, abs(cid[1] - lo_d), abs(cid[2] - hi_d))
        rows[[length(rows) + 1]] <- data.frame(
          design = dn, level = level, country = keys$country[i],
          community = keys$community[i], measure = m, returnees = n,
          mean_change = est[i], se = se[i], ci_low = ci[i, 1], ci_high = ci[i, 2],
          df = df, ci_low_t = lo_t[i], ci_high_t = hi_t[i],
          psus = psus, df_domain = df_dom, ci_low_domain = lo_d, ci_high_domain = hi_d,
          p_value = if (psus < 2) NA_real_ else 2 * pt(-abs(est[i] / se[i]), df_dom),
          family = sprintf("change:%s:level=%s", m, level),
          stringsAsFactors = FALSE)
      }
    }
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$level, res$country, res$community, res$measure,
                 method = "radix"), ]
stopifnot(ci_dev < 1e-12, t_dev < 1e-12, hand_dev < 1e-12, domain_dev < 1e-12)
# Benjamini-Hochberg within each family of each design (p.adjust leaves NA out of n).
key <- paste(res$design, res$family)
res$family_size <- ave(as.numeric(!is.na(res$p_value)), key, FUN = sum)
res$p_adjusted <- ave(res$p_value, key, FUN = function(p) p.adjust(p, method = "BH"))
res$significant <- ifelse(is.na(res$p_adjusted), "", ifelse(res$p_adjusted < 0.05, "true", "false"))

fmt <- function(x) sprintf("%.17g", x)
out <- res
for (col in c("mean_change", "se", "ci_low", "ci_high", "ci_low_t", "ci_high_t", "ci_low_domain", "ci_high_domain"))
  out[[col]] <- fmt(out[[col]])
for (col in c("p_value", "p_adjusted")) out[[col]] <- ifelse(is.na(out[[col]]), "", fmt(out[[col]]))
for (col in c("returnees", "df", "psus", "df_domain", "family_size")) out[[col]] <- sprintf("%d", as.integer(out[[col]]))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

# ---- notes ------------------------------------------------------------------
tiny <- res[res$se < 1e-12, ]
miss <- sapply(measures, function(m) paste(p$returnee_id[is.na(p[[m]])], collapse = " "))
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("options(survey.lonely.psu) = \"%s\"", getOption("survey.lonely.psu")),
  sprintf("surveys: %d, returnees: %d, panel returnees: %d (%d with 2 surveys, %d with 3)",
          nrow(d), length(counts), nrow(p), sum(p$surveys == 2), sum(p$surveys == 3)),
  sprintf("change missing for %s: %s", measures, ifelse(miss == "", "(none)", miss)),
  sprintf("degf: %s", paste(sprintf("%s = %d", names(designs), sapply(designs, degf)), collapse = ", ")),
  sprintf("qnorm(0.975) = %.17g", z975),
  sprintf("qt(0.975, df): %s", paste(sprintf("df %d = %.17g", sort(unique(res$df)),
                                             qt(0.975, sort(unique(res$df)))), collapse = ", ")),
  sprintf("confint() == mean -/+ qnorm(0.975) * se: max abs difference = %.3g", ci_dev),
  sprintf("confint(df = degf) == mean -/+ qt(0.975, df) * se: max abs difference = %.3g", t_dev),
  sprintf("hand linearisation (mean and se) vs survey: max abs difference = %.3g", hand_dev),
  sprintf("domain df == hand count (checked); confint(df = df_domain) == mean -/+ qt(0.975, df_domain) * se: max abs difference = %.3g", domain_dev),
  sprintf("tests of a zero change: %d, significant after BH within their families: %d (before: %d)",
          sum(!is.na(res$p_value)), sum(res$significant == "true"), sum(res$p_value < 0.05, na.rm = TRUE)),
  sprintf("rows written to %s: %d", out_file, nrow(res)),
  sprintf("rows with se < 1e-12 (mathematically 0: the group's returnees with the change lie in one PSU; compare se with an absolute tolerance): %d", nrow(tiny)),
  if (nrow(tiny) > 0) sprintf("  %s %s %s %s %s returnees=%d psus=%d se=%.3g", tiny$design,
                              tiny$level, tiny$country, tiny$community, tiny$measure,
                              tiny$returnees, tiny$psus, tiny$se),
  sprintf("warnings from R: %d", length(warn_log)),
  if (length(warn_log) > 0) paste0("  ", unique(warn_log))
)
con <- file(notes_file, open = "wb")
writeLines(enc2utf8(notes), con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
