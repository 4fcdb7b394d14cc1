# quantiles-run.R
#
# Golden quantiles of a whole run, from the run's own returnee_scores.csv: R's
#   svyquantile(~m, subset(design, group), c(0.25, 0.5, 0.75), qrule = "hf7",
#               na.rm = TRUE, ci = FALSE)
# with the weights-only design svydesign(ids = ~1, weights = ~weight) (the
# quantiles do not use clusters or strata), for every group of the levels all,
# country, country+community and country+quarter and the measures composite,
# economic, social, psychosocial.
#
# The input, sample-run-scores.csv, is the returnee_scores.csv of
#   avrr run data-samples/rss-sample.csv
# (2,970 scored surveys, in the file's order) cut to the columns the
# quantiles need: country, community, quarter, weight and the four scores.
# The C# test (Estimation/RunQuantileReferenceTests.cs) checks that the run
# still writes exactly these values.
#
# The CSV writes scores with 6 decimals.  Every rss-15 score is a multiple of
# 1/12960 (indicators are means of 1 to 3 question scores in quarters or
# thirds, dimensions means of 3 to 5 indicators, the composite the mean of
# 3 dimensions: 12960 = 4 * 3 * 3 * 60 * 3), and multiples of 1/12960 lie
# 7.7e-5 apart, so the 6-decimal text (at most 5e-7 away) gives the exact
# score back: x = round(text * 12960) / 12960, the correctly rounded double of
# the score (checked: every restored score is within 5.1e-7 of its text).
# Scores equal in exact arithmetic are then equal doubles, ties, as R sees
# them in the file; the engine, which computes them by different sums
# (0.6333333333333334 and 0.6333333333333333), must tie them too.
#
# Run from this folder:
#   Rscript quantiles-run.R
#
# Writes quantiles-run-expected.csv with columns
#   level,country,community,quarter,measure,n,p25,median,p75
# (text columns empty where the level does not use them; numbers %.17g; rows
# sorted by level, country, community, quarter, measure in C-locale order)
# and quantiles-run-notes.txt.

suppressPackageStartupMessages(library(survey))

in_file    <- "sample-run-scores.csv"
out_file   <- "quantiles-run-expected.csv"
notes_file <- "quantiles-run-notes.txt"

d <- read.csv(in_file, colClasses = "character", na.strings = character(0),
              fileEncoding = "UTF-8", encoding = "UTF-8")
d$community <- enc2utf8(d$community)
d$weight <- as.numeric(d$weight)
stopifnot(nrow(d) == 2970, !anyNA(d$weight))
measures <- c("composite", "economic", "social", "psychosocial")
restored_dev <- 0
for (m in measures) {
  text <- d[[paste0(m, "_score")]]
  x <- ifelse(text == "", NA_real_, as.numeric(text))
  r <- round(x * 12960) / 12960
  restored_dev <- max(restored_dev, abs(r - x), na.rm = TRUE)
  d[[m]] <- r
}
stopifnot(restored_dev < 5.1e-7)

design <- svydesign(ids = ~1, weights = ~weight, data = d)
probs <- c(0.25, 0.5, 0.75)
rows <- list()
groups <- list(
  all = list(keys = data.frame(country = "", community = "", quarter = ""), sel = function(k) rep(TRUE, nrow(d))),
  country = list(keys = unique(data.frame(country = d$country, community = "", quarter = "")),
                 sel = function(k) d$country == k$country),
  "country+community" = list(keys = unique(data.frame(country = d$country, community = d$community, quarter = "")),
                             sel = function(k) d$country == k$country & d$community == k$community),
  "country+quarter" = list(keys = unique(data.frame(country = d$country, community = "", quarter = d$quarter)),
                           sel = function(k) d$country == k$country & d$quarter == k$quarter)
)
ties <- 0
for (level in names(groups)) {
  keys <- groups[[level]]$keys
  for (i in seq_len(nrow(keys))) {
    k <- keys[i, ]
    sel <- groups[[level]]$sel(k)
    for (m in measures) {
      present <- sel & !is.na(d[[m]])
      n <- sum(present)
      if (n == 0) next
      q <- unname(coef(svyquantile(as.formula(paste0("~", m)), subset(design, present), probs,
                                   qrule = "hf7", na.rm = TRUE, ci = FALSE)))
      ties <- ties + (anyDuplicated(d[[m]][present]) > 0)
      rows[[length(rows) + 1]] <- data.frame(level = level, country = k$country, community = k$community,
                                             quarter = k$quarter, measure = m, n = n,
                                             p25 = q[1], median = q[2], p75 = q[3], stringsAsFactors = FALSE)
    }
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$level, res$country, res$community, res$quarter, res$measure, method = "radix"), ]

fmt <- function(x) sprintf("%.17g", x)
out <- res
for (col in c("p25", "median", "p75")) out[[col]] <- fmt(out[[col]])
out$n <- sprintf("%d", as.integer(out$n))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("surveys: %d", nrow(d)),
  sprintf("scores restored to multiples of 1/12960: max |restored - text| = %.3g (< 5.1e-7)", restored_dev),
  sprintf("rows written to %s: %d (%s)", out_file, nrow(res),
          paste(sprintf("%s %d", names(table(res$level)), table(res$level)), collapse = ", ")),
  sprintf("groups x measures with tied scores: %d", ties)
)
con <- file(notes_file, open = "wb")
writeLines(enc2utf8(notes), con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
