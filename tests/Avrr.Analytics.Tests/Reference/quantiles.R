# quantiles.R
#
# Golden reference quantiles (p25, median, p75) of `composite` from
# estimation-fixture.csv, for the whole sample and per country:
#   * weighted, by the engine's rule: R survey's
#       svyquantile(~m, design, c(0.25, 0.5, 0.75), qrule = "hf7", na.rm = TRUE)
#     with the weights-only design svydesign(ids = ~1, weights = ~weight),
#     per country through svyby(~m, ~country, design, svyquantile, ...);
#   * unweighted: quantile(x, c(0.25, 0.5, 0.75), type = 7), which is what
#     the hf7 rule gives when every weight is 1 (checked below).
#
# Two measures:
#   composite         the fixture's composite (continuous: no ties)
#   composite_tenths  floor(composite * 10) / 10, the composite cut down to
#                     tenths, so that many surveys share a value: the hf7
#                     rule then depends on the order of tied surveys (R's
#                     order() is stable: input order).  Computed the same way
#                     (IEEE double, floor) in the C# tests.
#
# Run from this folder (after make-estimation-fixture.R):
#   Rscript quantiles.R
#
# Writes quantiles-expected.csv with columns
#   level,country,measure,kind,p25,median,p75
# where
#   level    "all" (country empty) or "country"
#   kind     "weighted_hf7" or "unweighted"
# Rows with the measure missing are dropped together with their weight
# (na.rm = TRUE).  Numbers are printed with %.17g.

suppressPackageStartupMessages(library(survey))

in_file  <- "estimation-fixture.csv"
out_file <- "quantiles-expected.csv"

d <- read.csv(in_file, na.strings = "", fileEncoding = "UTF-8",
              encoding = "UTF-8", stringsAsFactors = FALSE,
              colClasses = c(row_id = "integer", country = "character",
                             community = "character", stratum = "character",
                             cluster = "character", weight = "numeric",
                             composite = "numeric", economic = "numeric",
                             social = "numeric", psychosocial = "numeric"))
stopifnot(nrow(d) == 120)
d$composite_tenths <- floor(d$composite * 10) / 10
d$one <- 1

probs <- c(0.25, 0.5, 0.75)
measures <- c("composite", "composite_tenths")
design <- svydesign(ids = ~1, weights = ~weight, data = d)
design_1 <- svydesign(ids = ~1, weights = ~one, data = d)

hf7 <- function(m, des) {
  f <- as.formula(paste0("~", m))
  unname(coef(svyquantile(f, des, probs, qrule = "hf7", na.rm = TRUE,
                          ci = FALSE)))
}

rows <- list()
add <- function(level, country, m, kind, q) {
  rows[[length(rows) + 1]] <<- data.frame(
    level = level, country = country, measure = m, kind = kind,
    p25 = q[1], median = q[2], p75 = q[3], stringsAsFactors = FALSE)
}

max_dev_unweighted <- 0   # hf7 with weights 1 vs quantile(type = 7)
max_dev_by <- 0           # svyby vs svyquantile on subset(design, country)
countries <- sort(unique(d$country), method = "radix")

for (m in measures) {
  x <- d[[m]]
  present <- !is.na(x)

  # ---- all ------------------------------------------------------------------
  qu <- unname(quantile(x[present], probs, type = 7))
  add("all", "", m, "unweighted", qu)
  add("all", "", m, "weighted_hf7", hf7(m, design))
  max_dev_unweighted <- max(max_dev_unweighted, abs(hf7(m, design_1) - qu))

  # ---- country (svyby) --------------------------------------------------------
  f <- as.formula(paste0("~", m))
  b <- svyby(f, ~country, design, svyquantile, quantiles = probs,
             qrule = "hf7", na.rm = TRUE)
  for (cc in countries) {
    sel <- d$country == cc
    qw <- unname(unlist(b[b$country == cc, paste0(m, ".", probs)]))
    stopifnot(length(qw) == 3)
    max_dev_by <- max(max_dev_by, abs(qw - hf7(m, subset(design, sel))))
    qu <- unname(quantile(x[present & sel], probs, type = 7))
    add("country", cc, m, "unweighted", qu)
    add("country", cc, m, "weighted_hf7", qw)
    max_dev_unweighted <- max(max_dev_unweighted,
                              abs(hf7(m, subset(design_1, sel)) - qu))
  }
}

res <- do.call(rbind, rows)
res <- res[order(res$level, res$country, res$measure, res$kind,
                 method = "radix"), ]
stopifnot(all(is.finite(as.matrix(res[, c("p25", "median", "p75")]))))
stopifnot(max_dev_unweighted < 1e-12, max_dev_by < 1e-12)

fmt <- function(x) sprintf("%.17g", x)
lines <- c("level,country,measure,kind,p25,median,p75",
           paste(res$level, res$country, res$measure, res$kind, fmt(res$p25),
                 fmt(res$median), fmt(res$p75), sep = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
cat(sprintf("survey %s; hf7 with weights 1 vs quantile(type = 7): max abs difference %.3g; svyby vs subset: %.3g\n",
            as.character(packageVersion("survey")), max_dev_unweighted, max_dev_by))
cat("wrote", out_file, ":", nrow(res), "rows\n")
cat(lines, sep = "\n")
