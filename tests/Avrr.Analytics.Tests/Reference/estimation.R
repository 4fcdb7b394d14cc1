# estimation.R
#
# Golden reference numbers for weighted domain means, standard errors and 95%
# confidence intervals, computed with R's `survey` package from
# estimation-fixture.csv.
#
# Run from this folder (after make-estimation-fixture.R):
#   Rscript estimation.R
#
# Writes:
#   estimation-expected.csv  design,level,country,community,measure,n,
#                            weight_sum,mean,se,ci_low,ci_high
#   estimation-notes.txt     qnorm(0.975), CI check, versions, warnings
#
# Designs (all built on the whole fixture; domains are estimated with svyby,
# i.e. proper domain estimation: rows outside the domain keep their place in
# the design with zero contribution, they are NOT dropped before computing
# the variance):
#   weights          svydesign(ids = ~1,       weights = ~weight, data = d)
#   clusters         svydesign(ids = ~cluster, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~cluster, strata = ~stratum,
#                              weights = ~weight, data = d, nest = TRUE)
#                    with options(survey.lonely.psu = "adjust")
#
# Levels:
#   all                svymean(~m, design, na.rm = TRUE) and confint() of it
#   country            svyby(~m, ~country, design, svymean, na.rm = TRUE)
#   country+community  svyby(~m, ~country + community, design, svymean,
#                            na.rm = TRUE)
#   and confint() of the svyby object (default level 0.95).
#
# na.rm = TRUE is applied measure by measure (one call per measure), so a row
# missing `social` still counts for `economic`.
#
# n          = number of rows in the group with the measure present
# weight_sum = sum of the weights of those rows (computed directly)
#
# Groups where the measure is missing in every row (Kayes/MLI for `social`)
# are OMITTED from estimation-expected.csv.  With survey 4.1.1 svyby does not
# error for such a group: it returns a meaningless mean 0 with se 0 (all the
# domain's weights are zero after na.rm), so we detect them with n == 0 and
# drop them.

suppressPackageStartupMessages(library(survey))

# Lonely PSU: stratum S4 has a single PSU (cluster C20).  With "adjust", a
# stratum with a single PSU contributes the square of its PSU total's
# deviation from zero, i.e. from the overall mean of the linearised values
# (which is zero), instead of from the stratum mean (which would give 0) --
# the conservative choice.  It must be set before the design is built.
options(survey.lonely.psu = "adjust")

in_file    <- "estimation-fixture.csv"
out_file   <- "estimation-expected.csv"
notes_file <- "estimation-notes.txt"

d <- read.csv(in_file, na.strings = "", fileEncoding = "UTF-8",
              encoding = "UTF-8", stringsAsFactors = FALSE,
              colClasses = c(row_id = "integer", country = "character",
                             community = "character", stratum = "character",
                             cluster = "character", weight = "numeric",
                             composite = "numeric", economic = "numeric",
                             social = "numeric", psychosocial = "numeric"))
d$community <- enc2utf8(d$community)
stopifnot(nrow(d) == 120, !anyNA(d$weight), !anyNA(d$country),
          !anyNA(d$community), !anyNA(d$cluster), !anyNA(d$stratum))

measures <- c("composite", "economic", "social", "psychosocial")

warn_log <- character(0)
collect <- function(expr) withCallingHandlers(expr, warning = function(w) {
  warn_log <<- c(warn_log, conditionMessage(w))
  invokeRestart("muffleWarning")
})

designs <- collect(list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~cluster, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~cluster, strata = ~stratum,
                              weights = ~weight, data = d, nest = TRUE)
))

z <- qnorm(0.975)
ci_dev <- 0          # max |confint - (mean -/+ z*se)| over all rows
sub_dev <- 0         # max |svyby - svymean(subset)| over all domain rows
rows <- list()

add_rows <- function(design_name, level, country, community, measure,
                     n, wsum, est, se, ci) {
  rows[[length(rows) + 1]] <<- data.frame(
    design = design_name, level = level, country = country,
    community = community, measure = measure, n = n, weight_sum = wsum,
    mean = est, se = se, ci_low = ci[, 1], ci_high = ci[, 2],
    stringsAsFactors = FALSE)
}

for (dn in names(designs)) {
  des <- designs[[dn]]
  for (m in measures) {
    f <- as.formula(paste0("~", m))
    present <- !is.na(d[[m]])

    # ---- level: all ----------------------------------------------------
    s <- collect(svymean(f, des, na.rm = TRUE))
    ci <- collect(confint(s))
    est <- unname(coef(s)); se <- unname(SE(s))
    ci_dev <- max(ci_dev, abs(ci[, 1] - (est - z * se)),
                  abs(ci[, 2] - (est + z * se)))
    add_rows(dn, "all", "", "", m, sum(present), sum(d$weight[present]),
             est, se, unname(ci))

    # ---- levels: country, country+community ----------------------------
    for (lv in c("country", "country+community")) {
      by_vars <- if (lv == "country") "country" else c("country", "community")
      by_f <- as.formula(paste0("~", paste(by_vars, collapse = " + ")))
      b <- collect(svyby(f, by_f, des, svymean, na.rm = TRUE))
      ci <- collect(confint(b))
      est <- unname(coef(b)); se <- unname(SE(b))
      ci_dev <- max(ci_dev, abs(ci[, 1] - (est - z * se)),
                    abs(ci[, 2] - (est + z * se)))

      g_country <- as.character(b$country)
      g_comm <- if (lv == "country") rep("", nrow(b)) else as.character(b$community)
      n <- wsum <- numeric(nrow(b))
      for (i in seq_len(nrow(b))) {
        in_g <- d$country == g_country[i] &
          (lv == "country" | d$community == g_comm[i])
        n[i] <- sum(in_g & present)
        wsum[i] <- sum(d$weight[in_g & present])
        # cross-check: svyby == svymean on the subsetted design
        if (n[i] > 0) {
          ss <- collect(svymean(f, subset(des, in_g), na.rm = TRUE))
          sub_dev <- max(sub_dev, abs(coef(ss) - est[i]), abs(SE(ss) - se[i]))
        }
      }
      keep <- n > 0   # drop all-missing groups (see header)
      add_rows(dn, lv, g_country[keep], g_comm[keep], m, n[keep], wsum[keep],
               est[keep], se[keep], unname(ci)[keep, , drop = FALSE])
    }
  }
}

res <- do.call(rbind, rows)
res <- res[order(res$design, res$level, res$country, res$community,
                 res$measure, method = "radix"), ]

num_cols <- c("weight_sum", "mean", "se", "ci_low", "ci_high")
stopifnot(all(is.finite(as.matrix(res[, num_cols]))), all(res$n > 0))

fmt <- function(x) sprintf("%.17g", x)
lines <- c(
  "design,level,country,community,measure,n,weight_sum,mean,se,ci_low,ci_high",
  paste(res$design, res$level, res$country, res$community, res$measure,
        sprintf("%d", as.integer(res$n)), fmt(res$weight_sum), fmt(res$mean),
        fmt(res$se), fmt(res$ci_low), fmt(res$ci_high), sep = ",")
)
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

# ---- notes ----------------------------------------------------------------
tiny <- res[res$se < 1e-12, c("design", "level", "country", "community",
                              "measure", "se")]
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("options(survey.lonely.psu) = \"%s\"", getOption("survey.lonely.psu")),
  sprintf("qnorm(0.975) = %.17g", z),
  sprintf("confint() == mean -/+ qnorm(0.975) * se: max abs difference over all %d rows = %.3g",
          nrow(res), ci_dev),
  sprintf("svyby() == svymean(subset(design, group)): max abs difference (mean and se) = %.3g",
          sub_dev),
  sprintf("rows written to %s: %d", out_file, nrow(res)),
  "omitted (measure missing in every row of the group): social for MLI/Kayes in every design",
  sprintf("rows with se < 1e-12 (mathematically 0: the domain is a single row, or lies in a single PSU of a clustered design, so a non-zero printed se is floating-point noise; compare se with an absolute tolerance): %d",
          nrow(tiny)),
  if (nrow(tiny) > 0) sprintf("  %s %s %s %s %s se=%.3g", tiny$design, tiny$level,
                              tiny$country, tiny$community, tiny$measure, tiny$se),
  sprintf("warnings from R: %d", length(warn_log)),
  if (length(warn_log) > 0) paste0("  ", unique(warn_log))
)
con <- file(notes_file, open = "wb")
writeLines(enc2utf8(notes), con, sep = "\n", useBytes = TRUE)
close(con)

stopifnot(ci_dev < 1e-12, sub_dev < 1e-12)
cat(notes, sep = "\n")
