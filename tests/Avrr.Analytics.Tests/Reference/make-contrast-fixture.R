# make-contrast-fixture.R
#
# Generates contrast-fixture.csv: 400 scored rows for the domain-contrast
# references of contrasts.R (country vs all countries, change between
# consecutive quarters).
#
# Run from this folder:  Rscript make-contrast-fixture.R
#
# Columns: row_id,country,quarter,weight,cluster,stratum,y
#
# Layout (fixed by hand; cluster sizes, quarters, weights and y are random,
# seeded):
#   country rows clusters       strata of the clusters
#   SEN     120  C01..C12       S1: C01-C04, S2: C05-C08, S3: C09-C12
#   GIN     100  C13..C22       S1: C13-C16, S2: C17-C19, S3: C20-C22
#   MLI     100  C23..C32       S1: C23-C26, S2: C27-C29, S3: C30-C32
#   NER      72  C33..C39       S1: C33-C34, S2: C35-C37, S3: C38-C39
#   GMB       8  C40            S4 (its only cluster: lonely stratum)
# 40 clusters, each in one stratum (nested); S1 14 clusters, S2 13, S3 12,
# S4 1.  Clusters hold 4 to 16 rows; 39 of the 40 clusters have rows in two
# or three quarters (repeated cross-sections of the same clusters).
#
# Quarters 2025-Q3, 2025-Q4, 2026-Q1; NER has no 2025-Q4 row (its quarters
# are 2025-Q3 and 2026-Q1).  GMB: 3 rows in 2025-Q3, 3 in 2025-Q4, 2 in
# 2026-Q1.
#
# weight: uniform in [0.3, 4], 4 decimals.
# y: plogis(country effect + quarter effect + MLI x 2026-Q1 + cluster effect +
# noise), 4 decimals, in [0, 1]; country effects SEN 0, GIN 0.5, MLI -0.4,
# NER 0.1, GMB 0.9; quarter effects 2025-Q3 0, 2025-Q4 0.35, 2026-Q1 0.15;
# MLI in 2026-Q1 +0.6.  20 y (5%) missing (empty field), never in GMB.
# UTF-8, no BOM, LF.

set.seed(20261130)
out_file <- "contrast-fixture.csv"

countries <- data.frame(
  country = c("SEN", "GIN", "MLI", "NER", "GMB"),
  rows    = c(120, 100, 100, 72, 8),
  first   = c(1, 13, 23, 33, 40),
  last    = c(12, 22, 32, 39, 40),
  effect  = c(0, 0.5, -0.4, 0.1, 0.9),
  stringsAsFactors = FALSE
)
clusters <- sprintf("C%02d", 1:40)
stratum_of <- c(rep("S1", 4), rep("S2", 4), rep("S3", 4),      # SEN
                rep("S1", 4), rep("S2", 3), rep("S3", 3),      # GIN
                rep("S1", 4), rep("S2", 3), rep("S3", 3),      # MLI
                rep("S1", 2), rep("S2", 3), rep("S3", 2),      # NER
                "S4")                                          # GMB
names(stratum_of) <- clusters
cluster_effect <- setNames(rnorm(40, 0, 0.3), clusters)
quarters <- c("2025-Q3", "2025-Q4", "2026-Q1")
quarter_effect <- c(0, 0.35, 0.15)

parts <- list()
for (k in seq_len(nrow(countries))) {
  cc <- countries[k, ]
  cl <- clusters[cc$first:cc$last]
  m <- length(cl)
  # cluster sizes: at least 4 rows each, the rest multinomial
  size <- if (m == 1) cc$rows else 4 + as.vector(rmultinom(1, cc$rows - 4 * m, runif(m, 0.5, 1.5)))
  cluster <- rep(cl, times = size)
  n <- length(cluster)
  q <- if (cc$country == "GMB") rep(quarters, c(3, 3, 2)) else
       if (cc$country == "NER") sample(quarters[c(1, 3)], n, replace = TRUE, prob = c(0.45, 0.55)) else
       sample(quarters, n, replace = TRUE, prob = c(0.3, 0.35, 0.35))
  qi <- match(q, quarters)
  eta <- cc$effect + quarter_effect[qi] + 0.6 * (cc$country == "MLI" & qi == 3) +
    cluster_effect[cluster] + rnorm(n, 0, 0.6)
  parts[[k]] <- data.frame(country = cc$country, quarter = q,
                           weight = sprintf("%.4f", runif(n, 0.3, 4)),
                           cluster = cluster, stratum = stratum_of[cluster],
                           y = sprintf("%.4f", plogis(eta)), stringsAsFactors = FALSE)
}
d <- do.call(rbind, parts)
n <- nrow(d)
stopifnot(n == 400)
# random row order (row_id is the file order), then 20 y (5%) missing outside GMB
d <- d[sample(n), ]
miss <- seq_len(n) %in% sample(which(d$country != "GMB"), 20)
d$y[miss] <- ""
d <- data.frame(row_id = sprintf("%d", seq_len(n)), d, stringsAsFactors = FALSE)
rownames(d) <- NULL

# every (country, quarter) cell present has at least 2 rows with y
cells <- table(d$country[d$y != ""], d$quarter[d$y != ""])
stopifnot(sum(cells == 0) == 1, cells["NER", "2025-Q4"] == 0,
          all(cells[cells > 0] >= 2))

con <- file(out_file, open = "wb")
writeLines(c(paste(names(d), collapse = ","), apply(d, 1, paste, collapse = ",")),
           con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote", out_file, ":", n, "rows;", sum(miss), "y missing\n")
print(table(d$country, d$quarter))
print(table(d$stratum))
print(range(table(d$cluster)))
