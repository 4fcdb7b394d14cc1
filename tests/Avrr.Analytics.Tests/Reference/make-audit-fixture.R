# make-audit-fixture.R
#
# Generates audit-fixture.csv, the deterministic input for the composite-index
# audit reference numbers produced by audit.R.
#
# Run from this folder:  Rscript make-audit-fixture.R
#
# Layout (only the values are random, seeded with set.seed(20261201)):
#   400 rows; 4 countries (BFA, GIN, MLI, SEN), 10 clusters each
#   (BFA K01-K10, GIN K11-K20, MLI K21-K30, SEN K31-K40), cluster sizes 10 +/- d
#   (pairs +d/-d, so exactly 400 rows), each cluster in one of 4 strata
#   S1-S4 (10 clusters per stratum, strata cut across countries).
#   weight in [0.3, 4), 4 decimals, never an integer.
#
# Indicators (rss-15 ids, columns indicator_<id>), values k/12, k in 0..12:
#   one latent factor per dimension,
#     eta_dim = country effect + cluster effect + 0.5 * g + N(0, 0.85^2)
#   (g a common factor shared by the three dimensions), and per indicator
#     k = round(12 * plogis(b_j + lambda_j * eta_dim + N(0, 1)))
#   so indicators of one dimension correlate at r ~ 0.3-0.6.
#   PLANTS:
#     * indicator_education is pure noise: k drawn independently of every
#       other quantity (no latent, no cluster, no country);
#     * indicator_safety is a near copy of indicator_wellbeing: the same k
#       with about 8% of rows moved by +/- 1/12 (clamped to [0, 1]), r > 0.9;
#     * indicator_debt is heavily skewed (most rows "no debt" = 1, the rows
#       with the lowest latent + noise get 0..6/12), so that the outlier flag
#       |skew| > 2 & kurtosis > 3.5 of audit.R is true for it overall.
#   Missingness: 16 rows (4%) missing at random per indicator, independently;
#   plus forced cases of the coverage rule: rows 7 and 8 miss 3 of 5 economic
#   indicators (economic_score missing), row 9 misses exactly 2 of 5 social
#   indicators (3 of 5 = 0.6 present: social_score present).
#
# Scores (rss-15, equal weights, coverage 0.6, composite needs all three):
#   <dim>_score     = mean of the present indicators of the dimension when at
#                     least 3 of 5 are present, else missing
#   composite_score = mean of the three dimension scores when all three are
#                     present, else missing
#   Sums are accumulated one term at a time in scheme order, in double
#   precision (total <- total + x), then divided by the count, as a C# loop
#   does (R's sum()/mean() use extended precision).
#
# Output: UTF-8, no BOM, LF, ',' separator, '.' decimal, missing = empty field,
# numbers with %.17g (plain decimal: every value is 0 or >= 1/12).

set.seed(20261201)
out_file <- "audit-fixture.csv"

scheme <- list(
  economic = c("econ_satisfaction", "food_security", "debt", "employment",
               "productive_assets"),
  social = c("housing", "education", "documentation_justice", "basic_services",
             "public_services"),
  psychosocial = c("social_participation", "belonging", "safety", "wellbeing",
                   "remigration"))
ind_ids <- unlist(scheme, use.names = FALSE)

# ---- layout -----------------------------------------------------------------
countries <- c("BFA", "GIN", "MLI", "SEN")
n_cl <- 40
cl <- data.frame(cluster = sprintf("K%02d", 1:n_cl),
                 country = rep(countries, each = 10), stringsAsFactors = FALSE)
dev <- sample(-4:4, n_cl / 2, replace = TRUE)
cl$size <- 10 + as.vector(rbind(dev, -dev))
cl$stratum <- sample(rep(sprintf("S%d", 1:4), each = 10))
stopifnot(sum(cl$size) == 400, all(cl$size >= 6))

idx <- rep(seq_len(n_cl), times = cl$size)
n <- length(idx)
d <- data.frame(row_id = seq_len(n), country = cl$country[idx],
                cluster = cl$cluster[idx], stratum = cl$stratum[idx],
                stringsAsFactors = FALSE)
d$weight <- round(runif(n, 0.3, 3.9999), 4)
stopifnot(all(d$weight >= 0.3), all(d$weight < 4), all(d$weight != round(d$weight)))

# ---- latent factors -----------------------------------------------------------
g <- rnorm(n)
eta <- list()
for (dim in names(scheme)) {
  ceff <- setNames(rnorm(4, 0, 0.3), countries)
  keff <- rnorm(n_cl, 0, 0.4)
  eta[[dim]] <- unname(ceff[d$country]) + keff[idx] + 0.5 * g + rnorm(n, 0, 0.85)
}

k <- list()
for (dim in names(scheme)) {
  for (id in scheme[[dim]]) {
    b <- rnorm(1, 0.3, 0.4)
    lambda <- runif(1, 0.7, 1.2)
    k[[id]] <- round(12 * plogis(b + lambda * eta[[dim]] + rnorm(n)))
  }
}
# PLANT: education is pure noise (independent of everything).
k$education <- sample(0:12, n, replace = TRUE,
                      prob = c(1, 1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1))
# PLANT: debt heavily skewed (no debt = 12 for most rows).
lat <- eta$economic + rnorm(n, 0, 0.5)
low <- lat <= sort(lat)[round(0.08 * n)]
k$debt <- ifelse(low, sample(0:6, n, replace = TRUE), 12)
# PLANT: safety a near copy of wellbeing.
moved <- runif(n) < 0.08
k$safety <- pmin(12, pmax(0, k$wellbeing + ifelse(moved, sample(c(-1, 1), n, TRUE), 0)))

ind <- lapply(k, function(v) v / 12)

# ---- missingness --------------------------------------------------------------
for (id in ind_ids) ind[[id]][sample(n, 16)] <- NA
for (r in 7:8) for (id in scheme$economic[1:3]) ind[[id]][r] <- NA
for (id in scheme$economic[4:5]) ind[[id]][7:8] <- k[[id]][7:8] / 12
for (id in scheme$social[1:2]) ind[[id]][9] <- NA
for (id in scheme$social[3:5]) ind[[id]][9] <- k[[id]][9] / 12

# ---- scores (term by term, scheme order) --------------------------------------
running_mean <- function(vals) {
  total <- rep(0, n); count <- rep(0, n)
  for (v in vals) {
    total <- total + ifelse(is.na(v), 0, v)
    count <- count + !is.na(v)
  }
  list(value = ifelse(count > 0, total / count, NA_real_), count = count)
}
dim_score <- list()
for (dim in names(scheme)) {
  m <- running_mean(ind[scheme[[dim]]])
  dim_score[[dim]] <- ifelse(m$count >= 3, m$value, NA_real_)
}
comp <- running_mean(dim_score)
composite <- ifelse(comp$count == 3, comp$value, NA_real_)

stopifnot(is.na(dim_score$economic[7:8]), !is.na(dim_score$social[9]))

for (id in ind_ids) d[[paste0("indicator_", id)]] <- ind[[id]]
for (dim in names(scheme)) d[[paste0(dim, "_score")]] <- dim_score[[dim]]
d$composite_score <- composite

# ---- checks -------------------------------------------------------------------
r_ws <- cor(d$indicator_safety, d$indicator_wellbeing, use = "complete.obs")
stopifnot(r_ws > 0.9)
vals <- unlist(d[, grep("indicator_|_score", names(d))])
stopifnot(all(is.na(vals) | (vals >= 0 & vals <= 1)), all(is.na(vals) | vals == 0 | vals >= 1e-4))

# ---- write --------------------------------------------------------------------
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
num_cols <- names(d)[-(1:5)]
out <- d
out$row_id <- sprintf("%d", d$row_id)
out$weight <- sprintf("%.4f", d$weight)
for (col in num_cols) out[[col]] <- fmt(d[[col]])
out <- out[, c("row_id", "country", "weight", "cluster", "stratum", num_cols)]
lines <- c(paste(names(out), collapse = ","), do.call(paste, c(unname(as.list(out)), sep = ",")))
stopifnot(!any(grepl("[eE]", sub("^([^,]*,){5}", "", lines[-1]))))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

cat("wrote", out_file, ":", n, "rows\n")
print(table(d$country, d$stratum))
cat("missing per column:\n"); print(colSums(is.na(d[, num_cols])))
cc <- cor(d[, paste0("indicator_", ind_ids)], use = "pairwise.complete.obs")
for (dim in names(scheme)) {
  s <- cc[paste0("indicator_", scheme[[dim]]), paste0("indicator_", scheme[[dim]])]
  cat(dim, "within-dimension r:", sprintf("%.2f", s[upper.tri(s)]), "\n")
}
cat(sprintf("r(safety, wellbeing) = %.4f\n", r_ws))
cat(sprintf("max |r(education, other)| = %.3f\n", max(abs(cc["indicator_education", -7]))))
