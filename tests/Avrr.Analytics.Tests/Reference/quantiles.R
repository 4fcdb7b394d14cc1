# quantiles.R
#
# Golden reference quantiles (R type 7) of `composite` from
# estimation-fixture.csv, per country and for the whole sample.
#
# Run from this folder (after make-estimation-fixture.R):
#   Rscript quantiles.R
#
# Writes quantiles-expected.csv with columns
#   level,country,kind,p25,median,p75,weight_rule
# where
#   level        "all" (country empty) or "country"
#   kind         "unweighted":      quantile(x, c(.25, .5, .75), type = 7)
#                "integer_weights": quantile(rep(x, w_int), c(.25, .5, .75),
#                                            type = 7)
#                                   with w_int = ceiling(weight) (1..4), i.e.
#                                   each row repeated w_int times (frequency
#                                   weights)
#   weight_rule  "ceiling(weight)" for kind integer_weights, empty for
#                kind unweighted
# x is `composite` with NA removed (rows with composite missing are dropped
# together with their weight).  Numbers are printed with %.17g.

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

probs <- c(0.25, 0.5, 0.75)
rows <- list()
add <- function(level, country, sel) {
  keep <- sel & !is.na(d$composite)
  x <- d$composite[keep]
  w_int <- as.integer(ceiling(d$weight[keep]))
  stopifnot(length(x) > 0, all(w_int >= 1L), all(w_int <= 4L))
  qu <- unname(quantile(x, probs, type = 7))
  qw <- unname(quantile(rep(x, w_int), probs, type = 7))
  rows[[length(rows) + 1]] <<- data.frame(
    level = level, country = country,
    kind = c("unweighted", "integer_weights"),
    p25 = c(qu[1], qw[1]), median = c(qu[2], qw[2]), p75 = c(qu[3], qw[3]),
    weight_rule = c("", "ceiling(weight)"), stringsAsFactors = FALSE)
}

add("all", "", rep(TRUE, nrow(d)))
for (cc in sort(unique(d$country), method = "radix"))
  add("country", cc, d$country == cc)

res <- do.call(rbind, rows)
res <- res[order(res$level, res$country, res$kind, method = "radix"), ]
stopifnot(all(is.finite(as.matrix(res[, c("p25", "median", "p75")]))))

fmt <- function(x) sprintf("%.17g", x)
lines <- c("level,country,kind,p25,median,p75,weight_rule",
           paste(res$level, res$country, res$kind, fmt(res$p25),
                 fmt(res$median), fmt(res$p75), res$weight_rule, sep = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote", out_file, ":", nrow(res), "rows\n")
cat(lines, sep = "\n")
