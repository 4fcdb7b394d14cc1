# contrasts.R
#
# Golden numbers for differences between domain means (contrasts) with
# linearised standard errors, computed with R's survey package from
# contrast-fixture.csv.
#
# Run from this folder (after make-contrast-fixture.R):
#   Rscript contrasts.R
#
# Writes
#   contrasts-expected.csv  design,kind,country,quarter,quarter_from,estimate,
#                           se,df,ci_low,ci_high,ci_low_t,ci_high_t
#   contrasts-notes.txt     versions, the R routes and their cross-checks,
#                           the svyby NA problem, degf, warnings
#
# Designs (over all 400 rows; options(survey.lonely.psu = "adjust")):
#   weights          svydesign(ids = ~1,       weights = ~weight, data = d)
#   clusters         svydesign(ids = ~cluster, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~cluster, strata = ~stratum,
#                              weights = ~weight, data = d, nest = TRUE)
# S4 has one cluster (C40, all of GMB): lonely stratum.
#
# Rows with y missing stay in the design with a zero contribution (domain
# estimation); every mean is over the rows with y present.  Helper columns:
#   o = 1[y present], y0 = y with NA -> 0, and for each country c
#   oc_<c> = 1[country c, y present], yc_<c> = oc_<c> * y0.
#
# kind = country_vs_all (quarter, quarter_from empty): for each country c,
#   estimate = ybar_c - ybar_all (ybar_all over all countries, c included).
#   R route (ratio estimators with their joint covariance, linear contrast):
#     r <- svyratio(~yc_<c> + y0, ~oc_<c> + o, design, covmat = TRUE)
#     svycontrast(r, list(diff = v))   # v: +1 on yc_<c>/oc_<c>, -1 on y0/o, 0 on
#                                      # the two cross ratios
#   yc_<c>/oc_<c> is ybar_c and y0/o is ybar_all; covmat = TRUE gives their
#   covariance from the joint influence functions (one svyrecvar call), so
#   the se is the design se of z_i = oc_i w_i (y_i - ybar_c)/W_c -
#   o_i w_i (y_i - ybar)/W.  Cross-checked (1) against that formula by hand
#   (PSU totals of z, per stratum m/(m-1) sum (t - tbar)^2, a lonely stratum
#   t^2) and (2) against the delta method on four totals:
#     t <- svytotal(~yc_<c> + oc_<c> + y0 + o, design)
#     svycontrast(t, quote(yc_<c>/oc_<c> - y0/o))
#   which is the same quantity mathematically but loses about 1e-12 relative
#   precision (the covariance of the totals is large and cancels down), so it
#   is the check, not the route.
#
# kind = quarter_change: for each country (and for all countries, country
#   empty) and each pair of consecutive quarters among the quarters it has,
#   estimate = ybar_{c,q} - ybar_{c,quarter_from}.  NER has no 2025-Q4, so its
#   only row is quarter_from 2025-Q3 -> quarter 2026-Q1.  R route:
#     dy <- subset(design, !is.na(y))
#     b  <- svyby(~y, ~country + quarter, dy, svymean, na.rm = TRUE, covmat = TRUE)
#     svycontrast(b, list(change = v))    # v: +1 at (c, q), -1 at (c, quarter_from)
#   (all countries: svyby(~y, ~quarter, dy, ...)).  The subset is needed
#   because in survey 4.1.1 svyby(..., na.rm = TRUE, covmat = TRUE) on the
#   full design fails when a domain has a missing y (see contrasts-notes.txt);
#   subset() keeps every stratum's PSU count, so the variance is the same
#   domain variance.  Cross-checked (1) by hand (z_i = domain influence of
#   (c, q) minus that of (c, quarter_from)) and (2) with the NA-free route
#   svyby(~y0, ~country + quarter, design, svyratio, denominator = ~o,
#   covmat = TRUE) on the full design.
#
# Columns: estimate, se from svycontrast; df = degf(design) (whole design);
#   ci_low, ci_high = confint() (normal, mean -/+ qnorm(0.975) se);
#   ci_low_t, ci_high_t = estimate -/+ qt(0.975, df) se (checked against
#   confint(..., df = df)).
# Numbers are printed with %.17g.  Rows sorted by design, kind, country,
# quarter, quarter_from in C-locale byte order.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

in_file    <- "contrast-fixture.csv"
out_file   <- "contrasts-expected.csv"
notes_file <- "contrasts-notes.txt"

d <- read.csv(in_file, na.strings = "", stringsAsFactors = FALSE,
              colClasses = c(row_id = "integer", country = "character",
                             quarter = "character", weight = "numeric",
                             cluster = "character", stratum = "character",
                             y = "numeric"))
stopifnot(nrow(d) == 400, !anyNA(d[, c("country", "quarter", "weight", "cluster", "stratum")]))

countries <- sort(unique(d$country), method = "radix")
quarters <- sort(unique(d$quarter), method = "radix")
d$o <- as.numeric(!is.na(d$y))
d$y0 <- ifelse(is.na(d$y), 0, d$y)
for (c in countries) {
  d[[paste0("oc_", c)]] <- as.numeric(d$country == c & !is.na(d$y))
  d[[paste0("yc_", c)]] <- d[[paste0("oc_", c)]] * d$y0
}

warn_log <- character(0)
collect <- function(expr) withCallingHandlers(expr, warning = function(w) {
  warn_log <<- c(warn_log, conditionMessage(w))
  invokeRestart("muffleWarning")
})

designs <- collect(list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~cluster, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight,
                              data = d, nest = TRUE)
))
unit <- list(
  weights = list(psu = sprintf("row%03d", d$row_id), stratum = rep("1", nrow(d))),
  clusters = list(psu = d$cluster, stratum = rep("1", nrow(d))),
  strata_clusters = list(psu = paste(d$stratum, d$cluster, sep = "/"), stratum = d$stratum)
)
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
# influence of a domain mean: w (y - ybar_D) / W_D on the domain's rows with y
infl <- function(sel) {
  s <- sel & !is.na(d$y)
  W <- sum(d$weight[s]); ybar <- sum(d$weight[s] * d$y[s]) / W
  list(mean = ybar, z = ifelse(s, d$weight * (d$y - ybar) / W, 0))
}

# The literal call on the full design, to record what survey 4.1.1 does.
literal <- tryCatch({
  svyby(~y, ~country + quarter, designs$clusters, svymean, na.rm = TRUE, covmat = TRUE)
  "no error"
}, error = function(e) paste("error:", conditionMessage(e)))

z975 <- qnorm(0.975)
dev <- c(a_est_direct = 0, a_se_hand = 0, a_est_route2 = 0, a_se_route2 = 0,
         b_est_direct = 0, b_se_hand = 0, b_est_route2 = 0, b_se_route2 = 0, ci = 0, ci_t = 0)
rel_dev <- 0         # relative se difference of the svytotal route
note_dev <- function(k, v) dev[k] <<- max(dev[k], abs(v))
rows <- list()
add <- function(dn, kind, country, quarter, quarter_from, s, df) {
  est <- unname(coef(s)); se <- unname(SE(s))
  ci <- unname(confint(s)); cit <- unname(confint(s, df = df))
  lo_t <- est - qt(0.975, df) * se; hi_t <- est + qt(0.975, df) * se
  note_dev("ci", c(ci[1] - (est - z975 * se), ci[2] - (est + z975 * se)))
  note_dev("ci_t", c(cit[1] - lo_t, cit[2] - hi_t))
  rows[[length(rows) + 1]] <<- data.frame(
    design = dn, kind = kind, country = country, quarter = quarter,
    quarter_from = quarter_from, estimate = est, se = se, df = df,
    ci_low = ci[1], ci_high = ci[2], ci_low_t = lo_t, ci_high_t = hi_t,
    stringsAsFactors = FALSE)
  c(est, se)
}

for (dn in names(designs)) {
  des <- designs[[dn]]
  df <- degf(des)

  # ---- (a) country_vs_all ---------------------------------------------------
  all_i <- infl(rep(TRUE, nrow(d)))
  for (c in countries) {
    yc <- paste0("yc_", c); oc <- paste0("oc_", c)
    # R route: the four ratios with their full covariance, linear contrast
    sr <- collect(svyratio(as.formula(paste("~", yc, "+ y0")),
                           as.formula(paste("~", oc, "+ o")), des, covmat = TRUE))
    cf <- coef(sr)
    v <- setNames(numeric(length(cf)), names(cf))
    v[paste0(yc, "/", oc)] <- 1; v["y0/o"] <- -1
    stopifnot(length(cf) == 4, sum(v != 0) == 2)
    s <- collect(svycontrast(sr, list(diff = v)))
    r <- add(dn, "country_vs_all", c, "", "", s, df)
    ci_ <- infl(d$country == c)
    note_dev("a_est_direct", r[1] - (ci_$mean - all_i$mean))
    note_dev("a_se_hand", r[2] - sqrt(hand_var(ci_$z - all_i$z, unit[[dn]])))
    # second R route: delta method on the four estimated totals
    t <- collect(svytotal(as.formula(paste("~", yc, "+", oc, "+ y0 + o")), des))
    expr <- substitute(a / b - y0 / o, list(a = as.name(yc), b = as.name(oc)))
    s2 <- collect(svycontrast(t, list(diff = expr)))
    note_dev("a_est_route2", coef(s2) - r[1])
    note_dev("a_se_route2", SE(s2) - r[2])
    rel_dev <- max(rel_dev, abs(SE(s2) - r[2]) / r[2])
  }

  # ---- (b) quarter_change ---------------------------------------------------
  dy <- subset(des, !is.na(y))
  for (lv in c("all", "country")) {
    if (lv == "all") {
      b <- collect(svyby(~y, ~quarter, dy, svymean, na.rm = TRUE, covmat = TRUE))
      b2 <- collect(svyby(~y0, ~quarter, des, svyratio, denominator = ~o, covmat = TRUE))
      bc <- rep("", nrow(b)); b2c <- rep("", nrow(b2))
    } else {
      b <- collect(svyby(~y, ~country + quarter, dy, svymean, na.rm = TRUE, covmat = TRUE))
      b2 <- collect(svyby(~y0, ~country + quarter, des, svyratio, denominator = ~o,
                          covmat = TRUE))
      bc <- as.character(b$country); b2c <- as.character(b2$country)
    }
    bq <- as.character(b$quarter); b2q <- as.character(b2$quarter)
    for (c in unique(bc)) {
      qs <- sort(bq[bc == c], method = "radix")
      if (length(qs) < 2) next
      for (k in 2:length(qs)) {
        v <- numeric(nrow(b))
        v[bc == c & bq == qs[k]] <- 1; v[bc == c & bq == qs[k - 1]] <- -1
        stopifnot(sum(v != 0) == 2)
        s <- collect(svycontrast(b, list(change = v)))
        r <- add(dn, "quarter_change", c, qs[k], qs[k - 1], s, df)
        in_c <- if (c == "") rep(TRUE, nrow(d)) else d$country == c
        a1 <- infl(in_c & d$quarter == qs[k]); a0 <- infl(in_c & d$quarter == qs[k - 1])
        note_dev("b_est_direct", r[1] - (a1$mean - a0$mean))
        note_dev("b_se_hand", r[2] - sqrt(hand_var(a1$z - a0$z, unit[[dn]])))
        v2 <- numeric(nrow(b2))
        v2[b2c == c & b2q == qs[k]] <- 1; v2[b2c == c & b2q == qs[k - 1]] <- -1
        s2 <- collect(svycontrast(b2, list(change = v2)))
        note_dev("b_est_route2", coef(s2) - r[1])
        note_dev("b_se_route2", SE(s2) - r[2])
      }
    }
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$kind, res$country, res$quarter, res$quarter_from,
                 method = "radix"), ]
stopifnot(all(dev < 1e-12), all(is.finite(as.matrix(res[, c("estimate", "se")]))))

fmt <- function(x) sprintf("%.17g", x)
out <- res
for (col in c("estimate", "se", "ci_low", "ci_high", "ci_low_t", "ci_high_t"))
  out[[col]] <- fmt(out[[col]])
out$df <- sprintf("%d", as.integer(out$df))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(lines, con, sep = "\n", useBytes = TRUE)
close(con)

# ---- notes ------------------------------------------------------------------
dfs <- sapply(designs, degf)
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("options(survey.lonely.psu) = \"%s\"", getOption("survey.lonely.psu")),
  sprintf("rows: %d, y missing: %d", nrow(d), sum(is.na(d$y))),
  sprintf("degf: %s", paste(sprintf("%s = %d", names(dfs), dfs), collapse = ", ")),
  "  (weights: 400 rows - 1, rows with y missing included; clusters: 40 - 1; strata_clusters: 40 clusters - 4 strata)",
  sprintf("qnorm(0.975) = %.17g", z975),
  sprintf("qt(0.975, df): %s", paste(sprintf("df %d = %.17g", sort(unique(dfs)),
                                             qt(0.975, sort(unique(dfs)))), collapse = ", ")),
  "country_vs_all route: svycontrast(svyratio(~yc_<c> + y0, ~oc_<c> + o, design, covmat = TRUE), +1 on yc_<c>/oc_<c>, -1 on y0/o)",
  sprintf("  estimate vs direct weighted means: max abs difference = %.3g", dev["a_est_direct"]),
  sprintf("  se vs hand linearisation (z = oc w (y - ybar_c)/W_c - o w (y - ybar)/W; PSU totals; lonely stratum t^2): max abs difference = %.3g",
          dev["a_se_hand"]),
  sprintf("  second route svycontrast(svytotal(~yc_<c> + oc_<c> + y0 + o, design), quote(yc_<c>/oc_<c> - y0/o)): max abs difference estimate = %.3g, se = %.3g (relative se %.3g: the totals' covariance is large and the delta method cancels it down)",
          dev["a_est_route2"], dev["a_se_route2"], rel_dev),
  "quarter_change route: svycontrast(svyby(~y, ~country + quarter, subset(design, !is.na(y)), svymean, na.rm = TRUE, covmat = TRUE), +1/-1 vector)",
  sprintf("  estimate vs direct weighted means: max abs difference = %.3g", dev["b_est_direct"]),
  sprintf("  se vs hand linearisation (z = influence of (c, q) - influence of (c, quarter_from)): max abs difference = %.3g",
          dev["b_se_hand"]),
  sprintf("  second route svycontrast(svyby(~y0, ~country + quarter, design, svyratio, denominator = ~o, covmat = TRUE), +1/-1): max abs difference estimate = %.3g, se = %.3g",
          dev["b_est_route2"], dev["b_se_route2"]),
  sprintf("confint() == estimate -/+ qnorm(0.975) se: max abs difference = %.3g", dev["ci"]),
  sprintf("confint(df = degf) == estimate -/+ qt(0.975, df) se: max abs difference = %.3g", dev["ci_t"]),
  sprintf("svyby(~y, ~country + quarter, full clusters design, svymean, na.rm = TRUE, covmat = TRUE) in survey %s: %s",
          as.character(packageVersion("survey")), literal),
  sprintf("rows written to %s: %d (%d country_vs_all, %d quarter_change)", out_file, nrow(res),
          sum(res$kind == "country_vs_all"), sum(res$kind == "quarter_change")),
  sprintf("rows with se < 1e-12 (mathematically 0: both quarters of GMB lie in its single cluster C40, so every PSU total of z is 0; compare se with an absolute tolerance): %d",
          sum(res$se < 1e-12)),
  with(res[res$se < 1e-12, ], sprintf("  %s %s %s %s-%s se=%.3g", design, kind, country, quarter,
                                      quarter_from, se)),
  sprintf("warnings from R: %d", length(warn_log)),
  if (length(warn_log) > 0) paste0("  ", unique(warn_log))
)
con <- file(notes_file, open = "wb")
writeLines(notes, con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
