# Planted profiles for the choice of their number (docs/insights.md, "Returnee profiles"): 15 indicator
# scores in 0..1 (three dimensions of five indicators), k = 1 to 5 planted profiles, each with its own level
# of each dimension (drawn in 0.1..0.9 with every two profiles at least 0.25 apart in some dimension), plus
# Gaussian noise of sd 0.06, 0.14 or 0.22 per score, clipped to 0..1; 200 surveys, profiles drawn at random;
# two data sets of each (the column seed). Writes profiles-planted-fixture.csv (dataset, k, seed, noise,
# label, x1..x15, the scores to 3 decimals) and profiles-planted-expected.csv: per dataset, the adjusted
# Rand index of R's kmeans (nstart = 25) and of mclust (G = the true k) against the planted labels, and
# whether either reaches 0.9 (where the engine must reach 0.85 with the k it chooses).
suppressPackageStartupMessages(library(mclust))
set.seed(20261210)
rows <- list(); expected <- list(); id <- 0
for (k in 1:5) for (noise in c(0.06, 0.14, 0.22)) for (seed in 1:2) {
  id <- id + 1
  repeat {
    levels <- matrix(runif(k * 3, 0.1, 0.9), k, 3)
    ok <- TRUE
    if (k > 1) for (a in 1:(k - 1)) for (b in (a + 1):k) if (max(abs(levels[a, ] - levels[b, ])) < 0.25) ok <- FALSE
    if (ok) break
  }
  n <- 200
  label <- sample.int(k, n, replace = TRUE)
  x <- levels[label, rep(1:3, each = 5), drop = FALSE] + matrix(rnorm(n * 15, 0, noise), n, 15)
  x <- round(pmin(pmax(x, 0), 1), 3)
  colnames(x) <- paste0("x", 1:15)
  rows[[id]] <- data.frame(dataset = id, k = k, seed = seed, noise = noise, label = label, x)
  km <- if (k == 1) rep(1, n) else kmeans(x, k, nstart = 25, iter.max = 100)$cluster
  mc <- Mclust(x, G = k, verbose = FALSE)
  ari_km <- if (k == 1) NA else adjustedRandIndex(label, km)
  ari_mc <- if (k == 1 || is.null(mc)) NA else adjustedRandIndex(label, mc$classification)
  expected[[id]] <- data.frame(dataset = id, k = k, seed = seed, noise = noise,
    kmeans_ari = round(ari_km, 6), mclust_ari = round(ari_mc, 6),
    recoverable = k > 1 && max(c(ari_km, ari_mc), na.rm = TRUE) >= 0.9)
}
write.csv(do.call(rbind, rows), "profiles-planted-fixture.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, expected), "profiles-planted-expected.csv", row.names = FALSE, quote = FALSE, na = "")
cat(R.version.string, "mclust", as.character(packageVersion("mclust")), "\n")
print(do.call(rbind, expected))
