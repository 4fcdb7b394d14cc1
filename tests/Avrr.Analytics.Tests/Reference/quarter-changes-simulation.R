# quarter-changes-simulation.R
#
# How often are quarter-to-quarter changes that are truly zero called
# significant, and are real ones still found? A simulation over many seeds of
# the engine's comparison vs_previous_quarter (docs/methodology.md,
# "Families and the false discovery rate") in the design the issue found
# wanting: strata = country, clusters = community, 2 to 6 communities per
# country, as in real programmes. Three rules, all on the same estimates:
#
#   old      the design's degrees of freedom (PSUs - strata of the whole
#            design, R's degf(design)), each test on its own: the engine
#            before issue 21, and R's / Stata's default
#   domain   each change's own degrees of freedom (the communities with a
#            survey in either quarter, minus their one stratum, at least 1:
#            degf of the contrast's subset), each test on its own
#            (the engine's --df domain --fdr none)
#   new      the domain degrees of freedom and Benjamini-Hochberg within each
#            family, a country's quarter changes of the composite (the
#            engine's default: --df domain --fdr bh)
#
# The estimate is the difference of the two quarters' weighted means of the
# country; its standard error the linearised contrast over the whole design
# (z_i = w_i (y_i - ybar_A)/W_A - w_i (y_i - ybar_B)/W_B, PSU totals, per
# stratum n_h/(n_h - 1) sum (t - tbar)^2), which is what the engine writes
# and comparisons.R checks against svycontrast; here it is checked against
# svycontrast(svyratio(..., covmat = TRUE)) and the domain df against
# degf(subset(design, either quarter)) on the first seeds, then computed by
# hand for speed.
#
# Exports (one per seed): 6 countries; each has 2 to 6 communities (uniform)
# and 6 quarters; a community has Poisson(18) surveys in a quarter (some have
# none), weights uniform on (0.5, 2). A survey's score is
#   y = 0.5 + country effect N(0, 0.05^2) + community effect N(0, 0.06^2)
#       + community-by-quarter effect N(0, 0.04^2) + survey noise N(0, 0.15^2)
# Scenario "null": no quarter effect at all, so every change's expected value
# is 0 (5 per country, 30 per export). Scenarios "step 0.12" and "step 0.25":
# the same, plus in each country a step of +0.12 (0.8 of the survey noise's
# SD; about 3 standard errors of a change) or +0.25 (about 6.5 standard
# errors, a clearly real change) from a quarter drawn at random (2 to 6) on:
# one real change per country, the other 4 null.
#
# Run from this folder:
#   Rscript quarter-changes-simulation.R
# Writes quarter-changes-simulation.csv (one row per scenario and rule: the
# changes, how many were called significant, the rate with its 95% Wilson
# interval, and for the null changes the share of exports and of country
# families with at least one), quarter-changes-simulation-by-df.csv (the real
# changes found, by the change's domain df: how power grows with the
# communities behind a change) and quarter-changes-simulation-notes.txt.
# Seeds 1..500 per scenario (set.seed(seed) per export); deterministic.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

seeds <- 1:500
check_seeds <- 1:3
scenarios <- c("null" = 0, "step 0.12" = 0.12, "step 0.25" = 0.25)

make_export <- function(seed, step) {
  real <- step > 0
  set.seed(seed)
  countries <- sprintf("C%d", 1:6)
  rows <- list()
  for (ci in seq_along(countries)) {
    k <- sample(2:6, 1)
    ce <- rnorm(1, 0, 0.05)
    change_from <- sample(2:6, 1)
    for (j in seq_len(k)) {
      ue <- rnorm(1, 0, 0.06)
      for (q in 1:6) {
        n <- rpois(1, 18)
        ve <- rnorm(1, 0, 0.04)
        if (n == 0) next
        y <- 0.5 + ce + ue + ve + rnorm(n, 0, 0.15) + if (real && q >= change_from) step else 0
        rows[[length(rows) + 1]] <- data.frame(country = countries[ci], community = sprintf("%s-K%d", countries[ci], j),
                                               quarter = q, weight = runif(n, 0.5, 2), y = y,
                                               real_from = if (real) change_from else NA_integer_)
      }
    }
  }
  do.call(rbind, rows)
}

# The linearised contrast of two quarters of a country, over the whole design (strata = country).
contrast_by_hand <- function(d, country, qa, qb, clusters_per_stratum) {
  a <- d$country == country & d$quarter == qa
  b <- d$country == country & d$quarter == qb
  Wa <- sum(d$weight[a]); Wb <- sum(d$weight[b])
  ya <- sum(d$weight[a] * d$y[a]) / Wa; yb <- sum(d$weight[b] * d$y[b]) / Wb
  z <- ifelse(a, d$weight * (d$y - ya) / Wa, 0) - ifelse(b, d$weight * (d$y - yb) / Wb, 0)
  inc <- d$country == country
  # Only the country's stratum has non-zero PSU totals; its n_h is all its communities in the design.
  t <- tapply(z[inc], d$community[inc], sum)
  nh <- clusters_per_stratum[[country]]
  t <- c(t, rep(0, nh - length(t)))
  v <- nh / (nh - 1) * sum((t - mean(t))^2)
  either <- a | b
  list(estimate = ya - yb, se = sqrt(v), domain_df = max(1, length(unique(d$community[either])) - 1))
}

results <- list()
check_dev <- c(estimate = 0, se = 0, df = 0)
for (scenario in names(scenarios)) {
  for (seed in seeds) {
    d <- make_export(seed, scenarios[[scenario]])
    clusters <- tapply(d$community, d$country, function(x) length(unique(x)))
    design_df <- sum(clusters) - length(clusters)
    des <- if (seed %in% check_seeds) svydesign(ids = ~community, strata = ~country, weights = ~weight, data = d, nest = TRUE) else NULL
    if (!is.null(des)) stopifnot(degf(des) == design_df)
    for (country in sort(unique(d$country))) {
      qs <- sort(unique(d$quarter[d$country == country]))
      real_from <- d$real_from[d$country == country][1]
      for (i in seq_along(qs)[-1]) {
        r <- contrast_by_hand(d, country, qs[i], qs[i - 1], clusters)
        if (!is.null(des)) {
          # The same contrast by R's survey package, as comparisons.R takes it.
          des2 <- des
          des2$variables$oa <- as.numeric(d$country == country & d$quarter == qs[i]); des2$variables$ya <- des2$variables$oa * d$y
          des2$variables$ob <- as.numeric(d$country == country & d$quarter == qs[i - 1]); des2$variables$yb <- des2$variables$ob * d$y
          sr <- svyratio(~ya + yb, ~oa + ob, des2, covmat = TRUE)
          v <- setNames(numeric(4), names(coef(sr))); v["ya/oa"] <- 1; v["yb/ob"] <- -1
          s <- svycontrast(sr, list(diff = v))
          either <- d$country == country & d$quarter %in% c(qs[i], qs[i - 1])
          check_dev <- pmax(check_dev, c(abs(coef(s) - r$estimate), abs(SE(s) - r$se),
                                         abs(max(1, degf(subset(des, either))) - r$domain_df)))
        }
        tt <- r$estimate / r$se
        results[[length(results) + 1]] <- data.frame(
          scenario = scenario, seed = seed, country = country, quarter = qs[i],
          real = !is.na(real_from) && qs[i] >= real_from && qs[i - 1] < real_from,
          p_design = 2 * pt(-abs(tt), design_df), p_domain = 2 * pt(-abs(tt), r$domain_df),
          design_df = design_df, domain_df = r$domain_df)
      }
    }
  }
}
res <- do.call(rbind, results)
stopifnot(all(check_dev < 1e-12))
# A change is real when the step lies between its two quarters.
res$family <- paste(res$scenario, res$seed, res$country)
res$p_adjusted <- ave(res$p_domain, res$family, FUN = function(p) p.adjust(p, method = "BH"))
res$old <- res$p_design < 0.05
res$domain <- res$p_domain < 0.05
res$new <- res$p_adjusted < 0.05

wilson <- function(k, n) {
  z <- qnorm(0.975); p <- k / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  c(centre - half, centre + half)
}
summary_rows <- list()
for (scenario in names(scenarios)) {
  for (rule in c("old", "domain", "new")) {
    s <- res[res$scenario == scenario, ]
    for (truth in c("zero", "real")) {
      part <- s[if (truth == "real") s$real else !s$real, ]
      if (nrow(part) == 0) next
      k <- sum(part[[rule]]); n <- nrow(part); ci <- wilson(k, n)
      any_export <- if (truth == "zero") mean(tapply(part[[rule]], part$seed, any)) else NA
      any_family <- if (truth == "zero") mean(tapply(part[[rule]], part$family, any)) else NA
      summary_rows[[length(summary_rows) + 1]] <- data.frame(
        scenario = scenario, rule = rule, truth = truth, changes = n, called_significant = k,
        rate = k / n, rate_low = ci[1], rate_high = ci[2],
        exports_with_one = any_export, families_with_one = any_family)
    }
  }
}
out <- do.call(rbind, summary_rows)
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.6f", x))
for (col in c("rate", "rate_low", "rate_high", "exports_with_one", "families_with_one")) out[[col]] <- fmt(out[[col]])
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file("quarter-changes-simulation.csv", open = "wb")
writeLines(lines, con, sep = "\n", useBytes = TRUE)
close(con)

# Power by the change's own degrees of freedom (its communities - 1).
by_df <- list()
for (scenario in names(scenarios)[-1]) for (rule in c("old", "domain", "new")) for (df in sort(unique(res$domain_df))) {
  part <- res[res$scenario == scenario & res$real & res$domain_df == df, ]
  if (nrow(part) == 0) next
  by_df[[length(by_df) + 1]] <- data.frame(scenario = scenario, rule = rule, domain_df = df, changes = nrow(part),
                                           found = sum(part[[rule]]), rate = sprintf("%.6f", mean(part[[rule]])))
}
by_df <- do.call(rbind, by_df)
lines <- c(paste(names(by_df), collapse = ","), apply(by_df, 1, paste, collapse = ","))
con <- file("quarter-changes-simulation-by-df.csv", open = "wb")
writeLines(lines, con, sep = "\n", useBytes = TRUE)
close(con)

null_rows <- res[res$scenario == "null", ]
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("seeds: %d per scenario; quarter changes: %d null in the null scenario; in each step scenario %d real and %d null",
          length(seeds), nrow(null_rows), sum(res$real & res$scenario == "step 0.12"), sum(res$scenario == "step 0.12" & !res$real)),
  sprintf("communities per country: 2 to 6 (mean %.2f); design df: %d to %d (median %g); domain df of a change: %d to %d (median %g)",
          mean(null_rows$domain_df + 1), min(null_rows$design_df), max(null_rows$design_df), median(null_rows$design_df),
          min(null_rows$domain_df), max(null_rows$domain_df), median(null_rows$domain_df)),
  sprintf("checked on seeds %s: hand contrast vs svycontrast(svyratio(covmat = TRUE)) and domain df vs degf(subset(design)): max abs differences %s",
          paste(range(check_seeds), collapse = "-"), paste(sprintf("%s %.3g", names(check_dev), check_dev), collapse = ", ")),
  "rates of changes called significant (95% Wilson interval):",
  sprintf("  %s scenario, %s rule, truly %s: %d of %d = %.4f (%.4f to %.4f)%s", out$scenario, out$rule, out$truth,
          out$called_significant, out$changes, as.numeric(out$rate), as.numeric(out$rate_low), as.numeric(out$rate_high),
          ifelse(out$exports_with_one == "", "", sprintf("; exports with at least one: %s, country families with at least one: %s",
                                                         out$exports_with_one, out$families_with_one))),
  "real changes found, by the change's domain df (communities - 1):",
  sprintf("  %s, %s rule, df %d: %d of %d = %s", by_df$scenario, by_df$rule, as.integer(by_df$domain_df), as.integer(by_df$found),
          as.integer(by_df$changes), by_df$rate)
)
con <- file("quarter-changes-simulation-notes.txt", open = "wb")
writeLines(notes, con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
