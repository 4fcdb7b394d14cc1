# make-estimation-fixture.R
#
# Generates estimation-fixture.csv, the deterministic input for the golden
# reference numbers produced by estimation.R and quantiles.R.
#
# Run from this folder:  Rscript make-estimation-fixture.R
#
# Layout (fixed by hand, only the values are random):
#   country SEN (50 rows): Dakar 24 (C01-C03: 8+9+7), Thies 5 (C04-C05: 3+2),
#                          Saint-Louis 12 (C06-C07: 6+6),
#                          Ziguinchor 9 (C08-C09: 4+5)
#   country GIN (30 rows): Conakry 25 (C10-C12: 7+10+8), Kindia 4 (C13-C14: 2+2),
#                          Labe 1 (C15: 1)
#   country MLI (40 rows): Bamako 22 (C16-C17: 10+12), Kayes 11 (C18-C19: 5+6),
#                          Segou 7 (C20: 7)
#   (Thies, Labe and Segou are written with their accents: Thi\u00e8s,
#    Lab\u00e9, S\u00e9gou.)
#
# Edge cases built in:
#   * clusters (PSUs) are nested in communities and in strata;
#   * stratum S4 contains exactly one cluster (C20, Segou, 7 rows): lonely PSU;
#   * Thies has exactly 5 rows, Kindia exactly 4, Labe exactly 1
#     (small-cell suppression tests at min-cell 5); Thies and Kindia span two
#     clusters each so their clustered SEs are not degenerate, while Labe and
#     Segou are single-PSU domains (their clustered SE is mathematically 0);
#   * `social` is missing for every row of Kayes (MLI);
#   * about 10% of each measure is missing at random elsewhere.  The three
#     small communities (Thies, Kindia, Labe) are kept fully observed so that
#     their n equals their row count for every measure;
#   * a few measures are exactly 0 or exactly 1 (boundaries of [0, 1]).
#
# Non-ASCII names are written with \u escapes so this script parses the same
# way in any locale; the CSV is written as UTF-8 (no BOM, LF line endings).

set.seed(20261127)

out_file <- "estimation-fixture.csv"

# ---- layout ---------------------------------------------------------------
layout <- data.frame(
  country = c(rep("SEN", 9), rep("GIN", 6), rep("MLI", 5)),
  community = c(
    rep("Dakar", 3), rep("Thi\u00e8s", 2), rep("Saint-Louis", 2),
    rep("Ziguinchor", 2),
    rep("Conakry", 3), rep("Kindia", 2), "Lab\u00e9",
    rep("Bamako", 2), rep("Kayes", 2), "S\u00e9gou"),
  cluster = sprintf("C%02d", 1:20),
  size = c(8, 9, 7, 3, 2, 6, 6, 4, 5,
           7, 10, 8, 2, 2, 1,
           10, 12, 5, 6, 7),
  stringsAsFactors = FALSE
)
layout$community <- enc2utf8(layout$community)
stopifnot(sum(layout$size) == 120)

# Strata: C20 alone in S4 (lonely PSU); C01-C19 spread over S1-S3 at random
# (strata cut across countries; every one of S1-S3 gets several clusters).
layout$stratum <- c(sample(rep(c("S1", "S2", "S3"), length.out = 19)), "S4")

# Cluster-level random effect so that clustering matters for the SEs.
layout$effect <- rnorm(20, mean = 0, sd = 0.6)

# ---- rows -----------------------------------------------------------------
idx <- rep(seq_len(nrow(layout)), times = layout$size)
d <- data.frame(
  row_id    = seq_along(idx),
  country   = layout$country[idx],
  community = layout$community[idx],
  stratum   = layout$stratum[idx],
  cluster   = layout$cluster[idx],
  stringsAsFactors = FALSE
)
n <- nrow(d)
eff <- layout$effect[idx]

# Positive, non-integer sampling weights in [0.3, 4), 4 decimals.
d$weight <- round(runif(n, min = 0.3, max = 3.9999), 4)
stopifnot(all(d$weight >= 0.3), all(d$weight < 4), all(d$weight != round(d$weight)))

# Sub-measures in (0, 1): logistic of a cluster effect plus row noise.
economic     <- plogis(rnorm(n, mean = -0.3 + eff, sd = 1.0))
social       <- plogis(rnorm(n, mean =  0.4 + eff, sd = 0.9))
psychosocial <- plogis(rnorm(n, mean =  0.1 + 0.5 * eff, sd = 1.1))

# A few exact boundary values.
economic[c(3, 57)]      <- 0
economic[c(88)]         <- 1
psychosocial[c(20)]     <- 0
psychosocial[c(41, 101)] <- 1

# Missingness.
small <- d$community %in% c("Thi\u00e8s", "Kindia", "Lab\u00e9")
kayes <- d$country == "MLI" & d$community == "Kayes"
eligible <- which(!small)                 # 110 rows
n_miss <- 12                              # ~10% of 120
economic[sample(eligible, n_miss)]     <- NA
psychosocial[sample(eligible, n_miss)] <- NA
social[kayes] <- NA                       # whole group missing
social[sample(setdiff(eligible, which(kayes)), n_miss)] <- NA

# Composite = mean of the available sub-measures, then its own random
# missingness on top.
comp <- rowMeans(cbind(economic, social, psychosocial), na.rm = TRUE)
comp[is.nan(comp)] <- NA
comp[sample(eligible, n_miss)] <- NA

d$composite    <- comp
d$economic     <- economic
d$social       <- social
d$psychosocial <- psychosocial

# ---- checks ---------------------------------------------------------------
for (m in c("composite", "economic", "social", "psychosocial")) {
  x <- d[[m]]
  stopifnot(all(is.na(x) | (x >= 0 & x <= 1)))
  # %.17g switches to exponent notation below 1e-4; keep it plain decimal.
  stopifnot(all(is.na(x) | x == 0 | x >= 1e-4))
}
stopifnot(all(!is.na(d$composite[small])), all(!is.na(d$economic[small])),
          all(!is.na(d$social[small])), all(!is.na(d$psychosocial[small])))
stopifnot(all(is.na(d$social[kayes])))
# each cluster in exactly one community and one stratum
stopifnot(all(tapply(paste(d$country, d$community), d$cluster,
                     function(v) length(unique(v))) == 1))
stopifnot(all(tapply(d$stratum, d$cluster, function(v) length(unique(v))) == 1))
stopifnot(length(unique(d$cluster[d$stratum == "S4"])) == 1,
          sum(d$stratum == "S4") >= 5)

# ---- write ----------------------------------------------------------------
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
fmt_w <- function(x) sprintf("%.4f", x)

lines <- c(
  "row_id,country,community,stratum,cluster,weight,composite,economic,social,psychosocial",
  paste(d$row_id, d$country, d$community, d$stratum, d$cluster,
        fmt_w(d$weight), fmt(d$composite), fmt(d$economic), fmt(d$social),
        fmt(d$psychosocial), sep = ",")
)
stopifnot(!any(grepl("[eE]", sub("^([^,]*,){5}", "", lines[-1]))))

con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

cat("wrote", out_file, ":", n, "rows\n")
print(table(d$country))
print(table(paste(d$country, d$community)))
print(table(d$stratum, useNA = "ifany"))
print(colSums(is.na(d[, c("composite", "economic", "social", "psychosocial")])))
