# calibration-runner.R
#
# Golden numbers for a calibrated run through the whole runner (issue 27): runner-fixture.csv scored
# in R by the scoring block of runner-design.R (read from that file and run as is, so that both
# score alike), then raked to two margins, and every aggregate of the levels all, country and
# country+community estimated as the engine writes it.
#
# Run from this folder:
#   Rscript calibration-runner.R
#
# Margins (the test writes the same files for --calibrate):
#   country: SEN 40, GIN 30.5, MLI 20         stratum: S1 38.5, S2 32, S3 15, S4 5
# Designs: weights (ids = ~1) and strata_clusters (ids = ~psu, strata = ~stratum, nest = TRUE),
#   options(survey.lonely.psu = "adjust"); calibrate(calfun = "raking", epsilon = 1e-13).
# Estimates: svymean(subset(design, group), na.rm = TRUE) per group and measure; df = the group's
#   PSUs with the measure minus their strata, at least 1; ci = mean -+ qt(0.975, df) * se.
#
# Writes calibration-runner-expected.csv:
#   design,level,country,community,measure,n,psus,mean,se,df,ci_low,ci_high

lines <- readLines("runner-design.R")
eval(parse(text = lines[1:(grep("^# ---- estimation", lines) - 1)]))   # options, d, the scores

country_totals <- c(GIN = 30.5, MLI = 20, SEN = 40)
stratum_totals <- c(S1 = 38.5, S2 = 32, S3 = 15, S4 = 5)
d$country <- factor(d$country, levels = names(country_totals))
d$stratum <- factor(d$stratum, levels = names(stratum_totals))
pop <- c(`(Intercept)` = sum(country_totals), countryMLI = 20, countrySEN = 40, stratumS2 = 32, stratumS3 = 15, stratumS4 = 5)

designs <- list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE))
fmt <- function(x) ifelse(is.na(x), "", formatC(x, digits = 17, format = "g"))
measures <- c("composite", "economic", "social", "psychosocial")
rows <- list()
for (dn in names(designs)) {
  cd <- calibrate(designs[[dn]], ~country + stratum, pop, calfun = "raking", epsilon = 1e-13, maxit = 200)
  stopifnot(abs(tapply(weights(cd), d$country, sum) - country_totals) < 1e-9,
            abs(tapply(weights(cd), d$stratum, sum) - stratum_totals) < 1e-9)
  groups <- list(list("all", "", "", rep(TRUE, nrow(d))))
  for (cn in sort(unique(as.character(d$country)))) groups[[length(groups) + 1]] <- list("country", cn, "", d$country == cn)
  cc <- unique(d[, c("country", "community")])
  cc <- cc[order(as.character(cc$country), cc$community), ]
  for (i in seq_len(nrow(cc)))
    groups[[length(groups) + 1]] <- list("country+community", as.character(cc$country[i]), cc$community[i],
                                         d$country == cc$country[i] & d$community == cc$community[i])
  for (g in groups) for (m in measures) {
    inside <- g[[4]] & !is.na(d[[m]])
    if (!any(inside)) next
    s <- svymean(as.formula(paste0("~", m)), subset(cd, g[[4]]), na.rm = TRUE)
    psus <- if (dn == "weights") sum(inside) else nrow(unique(d[inside, c("stratum", "psu")]))
    strata <- if (dn == "weights") 1 else length(unique(d$stratum[inside]))
    df <- max(1, psus - strata)
    est <- coef(s)[[1]]; se <- SE(s)[[1]]
    rows[[length(rows) + 1]] <- data.frame(design = dn, level = g[[1]], country = g[[2]], community = g[[3]], measure = m,
      n = sum(inside), psus = psus, mean = fmt(est), se = fmt(se), df = df,
      ci_low = fmt(est - qt(0.975, df) * se), ci_high = fmt(est + qt(0.975, df) * se))
  }
}
write.csv(do.call(rbind, rows), "calibration-runner-expected.csv", row.names = FALSE, quote = TRUE, na = "", fileEncoding = "UTF-8")
