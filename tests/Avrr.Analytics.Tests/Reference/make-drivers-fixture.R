# make-drivers-fixture.R
#
# Generates drivers-fixture.csv, the deterministic input for the survey-weighted
# linear model ("drivers") reference numbers produced by svyglm.R.
#
# Run from this folder:  Rscript make-drivers-fixture.R
#
# Layout (seeded with set.seed(20261209); only the values are random):
#   500 rows in 50 clusters D01-D50 (sizes 10 +/- d, pairs +d/-d, so exactly
#   500), nested in 5 strata: T1 12 clusters (D01-D12), T2 12 (D13-D24),
#   T3 13 (D25-D37), T4 12 (D38-D49), T5 1 (D50: the lonely stratum).
#   country is constant within a cluster (cluster -> country drawn at random,
#   D50 is SEN); sex, age_group, assistance_type and noise vary by row.
#   weight in [0.3, 4), 4 decimals, never an integer.
#
# Attributes (categories; byte order in brackets = R's
# sort(method = "radix") = C# string.CompareOrdinal):
#   sex              female, male                      [female < male]
#   age_group        18-24, 25-34, 35+                 [18-24 < 25-34 < 35+]
#   assistance_type  Business, cash, training, \u00e9cole (written "école")
#                    [Business < cash < training < école: capital B first,
#                     the accented e (UTF-8 C3 A9) last]
#   country          BFA, GIN, MLI, SEN
#   noise            alpha, beta, gamma (drawn independently of everything)
#
# Outcomes (0..1, clamped, so a few exact 0 / 1):
#   economic, social, psychosocial =
#     base + cluster effect + PLANTED effects + N(0, 0.12^2), then clamped,
#   with (the same for the three sub-measures up to a factor per measure)
#     assistance_type: Business +0.20, cash 0, training +0.10, école +0.05  (strong)
#     sex:             male +0.04                                            (small)
#     country:         GIN -0.03, MLI +0.02, SEN +0.04 (BFA 0)               (small)
#     age_group:       25-34 +0.02, 35+ -0.01                                (tiny)
#     noise:           none
#   composite = mean of the three when all present (term by term, in the order
#   economic, social, psychosocial), else missing.
#   Missingness: 15 rows (3%) drawn at random per sub-measure, plus every row
#   of cluster D07 (stratum T1) for social, so that for social / composite one
#   PSU has no row left (it still counts in svyglm's variance, not in its
#   df: see svyglm.R); composite is missing when any sub-measure is.  Row 500 (the lonely stratum) has every outcome
#   present.
#
# Seed choice: of the seeds tried (20261203, 20261205, 20261207, 20261208,
# 20261209), 20261209 is the first where no noise coefficient is significant
# at 5% (min p 0.36 over the 12 fits; 20261203 gave a spurious p = 0.009) and
# sex is significant in every fit, so the fixture shows what it plants.
#
# Output: UTF-8 (no BOM), LF, ',' separator, '.' decimal, missing = empty
# field, outcomes with %.17g (plain decimal: checked >= 1e-4 or 0).

set.seed(20261209)
out_file <- "drivers-fixture.csv"

n_cl <- 50
cl <- data.frame(cluster = sprintf("D%02d", 1:n_cl),
                 stratum = c(rep("T1", 12), rep("T2", 12), rep("T3", 13),
                             rep("T4", 12), "T5"), stringsAsFactors = FALSE)
dev <- sample(-4:4, n_cl / 2, replace = TRUE)
cl$size <- 10 + as.vector(rbind(dev, -dev))
cl$country <- c(sample(rep(c("BFA", "GIN", "MLI", "SEN"), length.out = n_cl - 1)), "SEN")
cl$effect <- rnorm(n_cl, 0, 0.06)
stopifnot(sum(cl$size) == 500, all(cl$size >= 6))

idx <- rep(seq_len(n_cl), times = cl$size)
n <- length(idx)
assist_levels <- c("Business", "cash", "training", "\u00e9cole")
d <- data.frame(
  row_id = seq_len(n),
  weight = round(runif(n, 0.3, 3.9999), 4),
  cluster = cl$cluster[idx], stratum = cl$stratum[idx],
  sex = sample(c("female", "male"), n, replace = TRUE, prob = c(0.45, 0.55)),
  age_group = sample(c("18-24", "25-34", "35+"), n, replace = TRUE, prob = c(0.3, 0.4, 0.3)),
  assistance_type = sample(assist_levels, n, replace = TRUE, prob = c(0.2, 0.35, 0.3, 0.15)),
  country = cl$country[idx],
  noise = sample(c("alpha", "beta", "gamma"), n, replace = TRUE),
  stringsAsFactors = FALSE)
d$assistance_type <- enc2utf8(d$assistance_type)
stopifnot(all(d$weight >= 0.3), all(d$weight < 4), all(d$weight != round(d$weight)))

eff_assist <- setNames(c(0.20, 0, 0.10, 0.05), assist_levels)
eff_sex <- c(female = 0, male = 0.04)
eff_country <- c(BFA = 0, GIN = -0.03, MLI = 0.02, SEN = 0.04)
eff_age <- c("18-24" = 0, "25-34" = 0.02, "35+" = -0.01)
lin <- unname(eff_assist[d$assistance_type] + eff_sex[d$sex] +
              eff_country[d$country] + eff_age[d$age_group]) + cl$effect[idx]

clamp <- function(x) pmin(1, pmax(0, x))
make <- function(base, scale) clamp(base + scale * lin + rnorm(n, 0, 0.12))
economic     <- make(0.35, 1.2)
social       <- make(0.50, 0.8)
psychosocial <- make(0.45, 1.0)
eligible <- 1:(n - 1)
economic[sample(eligible, 15)]     <- NA
social[d$cluster == "D07"]         <- NA   # a whole PSU without social
social[sample(eligible, 15)]       <- NA
psychosocial[sample(eligible, 15)] <- NA

total <- rep(0, n); count <- rep(0, n)
for (v in list(economic, social, psychosocial)) {
  total <- total + ifelse(is.na(v), 0, v)
  count <- count + !is.na(v)
}
d$composite <- ifelse(count == 3, total / count, NA_real_)
d$economic <- economic
d$social <- social
d$psychosocial <- psychosocial

# round-trip-safe plain decimals: push values below 1e-4 (but > 0) to 0
for (m in c("economic", "social", "psychosocial", "composite"))
  stopifnot(all(is.na(d[[m]]) | d[[m]] == 0 | d[[m]] >= 1e-4))

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
cols <- c("row_id", "weight", "cluster", "stratum", "composite", "economic",
          "social", "psychosocial", "sex", "age_group", "assistance_type",
          "country", "noise")
out <- d[, cols]
out$row_id <- sprintf("%d", d$row_id)
out$weight <- sprintf("%.4f", d$weight)
for (m in c("composite", "economic", "social", "psychosocial")) out[[m]] <- fmt(d[[m]])
lines <- c(paste(cols, collapse = ","), do.call(paste, c(unname(as.list(out)), sep = ",")))
stopifnot(!any(grepl("[eE]-", lines[-1])))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

cat("wrote", out_file, ":", n, "rows\n")
print(table(d$stratum)); print(table(cl$stratum))
for (v in c("sex", "age_group", "assistance_type", "country", "noise")) print(table(d[[v]]))
print(colSums(is.na(d[, c("composite", "economic", "social", "psychosocial")])))
print(colSums(d[, c("composite", "economic", "social", "psychosocial")] == 0, na.rm = TRUE))
print(colSums(d[, c("composite", "economic", "social", "psychosocial")] == 1, na.rm = TRUE))
