# calibration.R
#
# Golden reference numbers for calibrated designs (issue 27), computed with R's
# `survey` package from estimation-fixture.csv.
#
# Run from this folder:
#   Rscript calibration.R
#
# The fixture has no second calibration variable, so one is derived by a rule
# the tests repeat: sex = "F" when row_id is even, "M" when odd.
#
# Margins (population totals, chosen near the weighted sample totals so that
# bounds of 0.95..1.23 on the weight ratio bind for the linear method):
#   country: GIN 75, MLI 80, SEN 95          (written to calibration-margin-country.csv)
#   sex:     F 130, M 120                     (written to calibration-margin-sex.csv)
#
# Designs (options(survey.lonely.psu = "adjust"), as the engine):
#   weights          svydesign(ids = ~1, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE)
#
# Methods:
#   poststratify   postStratify(design, ~country, margin)
#   rake           calibrate(design, ~country + sex, totals, calfun = "raking")
#   linear         calibrate(design, ~country + sex, totals, calfun = "linear")
#   linear_bounded calibrate(design, ~country + sex, totals, calfun = "linear", bounds = c(0.95, 1.23))
#   (epsilon = 1e-13, maxit = 200, so that the totals are met to far below the tests' 1e-9)
#
# Estimates: svyby(~m, ~g, design, svymean, na.rm = TRUE) for the levels all
# (svymean), country and country+community, for the four measures; df is each
# estimate's own (docs/methodology.md, "Degrees of freedom"): the PSUs with a
# survey of the group that has the measure, minus the strata they lie in, at
# least 1 (calibration changes the weights, not the PSUs); ci = mean -+ qt(0.975, df) * se.
#
# Writes:
#   calibration-expected.csv          design,method,level,country,community,measure,n,mean,se,df,ci_low,ci_high
#   calibration-weights-expected.csv  row_id,sex,method,weight (the calibrated weights; they do not depend on the design)
#   calibration-contrasts-expected.csv  design,method,kind,country,measure,reference,estimate,se: differences on the
#                                     calibrated designs, by svycontrast(svyratio(~ya + yb, ~oa + ob, design, covmat = TRUE))
#                                     as comparisons.R: each country against all (vs_all), GIN against MLI (disjoint),
#                                     and economic against social within each country (two measures of one domain)
#   calibration-notes.txt             versions, the totals each method reaches, and R's rake() against calfun = "raking"

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

d <- read.csv("estimation-fixture.csv", na.strings = "", fileEncoding = "UTF-8",
              encoding = "UTF-8", stringsAsFactors = FALSE,
              colClasses = c(row_id = "integer", country = "character", community = "character",
                             stratum = "character", cluster = "character", weight = "numeric",
                             composite = "numeric", economic = "numeric", social = "numeric",
                             psychosocial = "numeric"))
d$sex <- ifelse(d$row_id %% 2 == 0, "F", "M")
d$country <- factor(d$country)
d$sex <- factor(d$sex)

country_totals <- c(GIN = 75, MLI = 80, SEN = 95)
sex_totals <- c(F = 130, M = 120)
write.csv(data.frame(country = names(country_totals), total = unname(country_totals)),
          "calibration-margin-country.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(sex = names(sex_totals), total = unname(sex_totals)),
          "calibration-margin-sex.csv", row.names = FALSE, quote = FALSE)

# calibrate()'s totals for ~country + sex: the intercept (the population), the
# countries but the first, the sexes but the first.
pop <- c(`(Intercept)` = sum(country_totals), countryMLI = 80, countrySEN = 95, sexM = 120)

designs <- list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d, nest = TRUE))

calibrated <- function(design, method) {
  switch(method,
    poststratify = postStratify(design, ~country,
                                data.frame(country = names(country_totals), Freq = unname(country_totals))),
    rake = calibrate(design, ~country + sex, pop, calfun = "raking", epsilon = 1e-13, maxit = 200),
    linear = calibrate(design, ~country + sex, pop, calfun = "linear", epsilon = 1e-13, maxit = 200),
    linear_bounded = calibrate(design, ~country + sex, pop, calfun = "linear", bounds = c(0.95, 1.23),
                               epsilon = 1e-13, maxit = 200))
}

methods <- c("poststratify", "rake", "linear", "linear_bounded")
measures <- c("composite", "economic", "social", "psychosocial")
fmt <- function(x) ifelse(is.na(x), "", formatC(x, digits = 17, format = "g"))

rows <- list()
weights_out <- list()
notes <- c(R.version.string, paste("survey", packageVersion("survey")))
for (dn in names(designs)) {
  for (method in methods) {
    cd <- calibrated(designs[[dn]], method)
    w <- weights(cd)
    if (dn == "weights") {
      weights_out[[method]] <- data.frame(row_id = d$row_id, sex = d$sex, method = method, weight = fmt(w))
      notes <- c(notes, sprintf("%s: country totals %s; sex totals %s; g from %.6f to %.6f", method,
        paste(fmt(tapply(w, d$country, sum)), collapse = " "), paste(fmt(tapply(w, d$sex, sum)), collapse = " "),
        min(w / d$weight), max(w / d$weight)))
    }
    for (m in measures) {
      f <- as.formula(paste0("~", m))
      present <- !is.na(d[[m]])
      one <- function(level, country, community, inside, est, se) {
        sub <- d[inside & present, ]
        psus <- if (dn == "weights") nrow(sub) else nrow(unique(sub[, c("stratum", "cluster")]))
        strata <- if (dn == "weights") 1 else length(unique(sub$stratum))
        df <- max(1, psus - strata)
        q <- qt(0.975, df)
        data.frame(design = dn, method = method, level = level, country = country, community = community,
                   measure = m, n = nrow(sub), mean = fmt(est), se = fmt(se), df = df,
                   ci_low = fmt(est - q * se), ci_high = fmt(est + q * se))
      }
      a <- svymean(f, cd, na.rm = TRUE)
      rows[[length(rows) + 1]] <- one("all", "", "", rep(TRUE, nrow(d)), coef(a)[[1]], SE(a)[[1]])
      b <- svyby(f, ~country, cd, svymean, na.rm = TRUE)
      for (i in seq_len(nrow(b))) {
        cn <- as.character(b$country[i])
        rows[[length(rows) + 1]] <- one("country", cn, "", d$country == cn, b[i, m], SE(b)[i])
      }
      # svyby stops on the one group without the measure (Kayes, social: a NaN mean), so each
      # group is its own svymean on subset() (the same domain estimate: subset keeps a calibrated
      # design's rows with weight 0); the notes check the two agree where svyby works.
      groups <- unique(d[, c("country", "community")])
      groups <- groups[order(as.character(groups$country), groups$community), ]
      for (i in seq_len(nrow(groups))) {
        cn <- as.character(groups$country[i]); cm <- groups$community[i]
        inside <- d$country == cn & d$community == cm
        if (sum(inside & present) == 0) next     # a group without the measure
        s <- svymean(f, subset(cd, country == cn & community == cm), na.rm = TRUE)
        rows[[length(rows) + 1]] <- one("country+community", cn, cm, inside, coef(s)[[1]], SE(s)[[1]])
      }
    }
  }
}
# Differences on the calibrated designs, by the svyratio route of comparisons.R.
contrast <- function(cd, sel_a, m_a, sel_b, m_b) {
  oa <- as.numeric(sel_a & !is.na(d[[m_a]])); ya <- oa * ifelse(is.na(d[[m_a]]), 0, d[[m_a]])
  ob <- as.numeric(sel_b & !is.na(d[[m_b]])); yb <- ob * ifelse(is.na(d[[m_b]]), 0, d[[m_b]])
  cd$variables$ya <- ya; cd$variables$oa <- oa; cd$variables$yb <- yb; cd$variables$ob <- ob
  r <- svyratio(~ya + yb, ~oa + ob, cd, covmat = TRUE)
  cf <- coef(r)
  v <- setNames(numeric(length(cf)), names(cf))
  v["ya/oa"] <- 1; v["yb/ob"] <- -1
  s <- svycontrast(r, list(diff = v))
  c(unname(coef(s)), unname(SE(s)))
}
contrast_rows <- list()
for (dn in names(designs)) {
  for (method in methods) {
    cd <- calibrated(designs[[dn]], method)
    add <- function(kind, country, m, ref, x) contrast_rows[[length(contrast_rows) + 1]] <<-
      data.frame(design = dn, method = method, kind = kind, country = country, measure = m, reference = ref,
                 estimate = fmt(x[1]), se = fmt(x[2]))
    for (cn in levels(d$country))
      for (m in measures) add("vs_all", cn, m, m, contrast(cd, d$country == cn, m, rep(TRUE, nrow(d)), m))
    for (m in measures) add("disjoint", "GIN", m, m, contrast(cd, d$country == "GIN", m, d$country == "MLI", m))
    for (cn in levels(d$country))
      add("two_measures", cn, "economic", "social", contrast(cd, d$country == cn, "economic", d$country == cn, "social"))
  }
}
write.csv(do.call(rbind, contrast_rows), "calibration-contrasts-expected.csv", row.names = FALSE, quote = TRUE, na = "")

out <- do.call(rbind, rows)
write.csv(out, "calibration-expected.csv", row.names = FALSE, quote = TRUE, na = "")
write.csv(do.call(rbind, weights_out), "calibration-weights-expected.csv", row.names = FALSE, quote = FALSE)

# R's rake() (iterative post-stratification, whose variance residualises margin by margin
# for 10 sweeps) against calibrate(calfun = "raking"), which the engine follows.
r1 <- rake(designs$strata_clusters, list(~country, ~sex),
           list(data.frame(country = names(country_totals), Freq = unname(country_totals)),
                data.frame(sex = names(sex_totals), Freq = unname(sex_totals))),
           control = list(maxit = 200, epsilon = 1e-13))
r2 <- calibrated(designs$strata_clusters, "rake")
notes <- c(notes,
  sprintf("rake() vs calfun = 'raking', strata_clusters: largest weight difference %.3g",
          max(abs(weights(r1) - weights(r2)))),
  sprintf("  composite by country: se of rake() %s; of calfun = 'raking' %s",
          paste(fmt(SE(svyby(~composite, ~country, r1, svymean, na.rm = TRUE))), collapse = " "),
          paste(fmt(SE(svyby(~composite, ~country, r2, svymean, na.rm = TRUE))), collapse = " ")))
s1 <- svyby(~composite, ~country + community, r2, svymean, na.rm = TRUE)
s2 <- sapply(seq_len(nrow(s1)), function(i) SE(svymean(~composite,
  subset(r2, country == s1$country[i] & community == s1$community[i]), na.rm = TRUE))[[1]])
notes <- c(notes, sprintf("svyby against svymean(subset()) by country+community, composite, rake, strata_clusters: largest se difference %.3g",
  max(abs(SE(s1) - s2))))
writeLines(notes, "calibration-notes.txt")
