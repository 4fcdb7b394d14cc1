# Confidence sets for ranks (Mogstad, Romano, Shaikh and Wilhelm 2024, "Inference for ranks", Review of Economic
# Studies 91(1), section 3, the single-step construction), written from the paper and independently of the engine's
# C# (src/Avrr.Analytics/Inference/RankConfidence.cs), for Inference/RankConfidenceTests.cs.
#
# Estimates theta_hat with independent normal errors of standard deviations se; rank 1 = highest theta.
# For group j and a critical value c, with s_kj = sqrt(se_k^2 + se_j^2):
#   k surely above j when theta_hat_k - theta_hat_j - c s_kj > 0, surely below when theta_hat_k - theta_hat_j + c s_kj < 0;
#   the set is [1 + #above, p - #below].
# Marginal (one group): c_j = 95% quantile of max_{k != j} |Z_k - Z_j| / s_kj, computed here by R's integrate() of
#   P(max <= c) = E over Z_j of prod_k P(|Z_k - Z_j| <= c s_kj | Z_j), and uniroot().
# Joint (all groups): c = 95% quantile of the max over all pairs, from 400,000 seeded draws (no closed form).
#
# Run from this folder: Rscript rank-confidence.R   (writes rank-confidence-expected.csv)

theta <- c(A = 0.610, B = 0.604, C = 0.575, D = 0.552, E = 0.549, F = 0.470, G = 0.300, H = 0.296)
se    <- c(A = 0.010, B = 0.012, C = 0.011, D = 0.013, E = 0.009, F = 0.015, G = 0.020, H = 0.008)
p <- length(theta)

bounds <- function(j, c) {
  s <- sqrt(se^2 + se[j]^2)
  d <- theta - theta[j]
  above <- sum(d - c * s > 0 & seq_len(p) != j)
  below <- sum(d + c * s < 0 & seq_len(p) != j)
  c(1 + above, p - below)
}

marginal_c <- function(j) {
  others <- setdiff(seq_len(p), j)
  coverage <- function(c) integrate(function(z) sapply(z, function(zz) {
    s <- sqrt(se[others]^2 + se[j]^2)
    dnorm(zz) * prod(pnorm((se[j] * zz + c * s) / se[others]) - pnorm((se[j] * zz - c * s) / se[others]))
  }), -Inf, Inf, rel.tol = 1e-10)$value
  uniroot(function(c) coverage(c) - 0.95, c(0.5, 8), tol = 1e-10)$root
}

set.seed(20240126)
draws <- 400000
z <- matrix(rnorm(draws * p), draws, p) %*% diag(se)
m <- rep(0, draws)
for (j in 1:(p - 1)) for (k in (j + 1):p) m <- pmax(m, abs(z[, k] - z[, j]) / sqrt(se[j]^2 + se[k]^2))
joint_c <- unname(quantile(m, 0.95, type = 7))

rank <- sapply(seq_len(p), function(j) 1 + sum(theta > theta[j]))
rows <- list()
for (j in seq_len(p)) {
  mc <- marginal_c(j)
  mb <- bounds(j, mc)
  jb <- bounds(j, joint_c)
  # The fixture is chosen so that no comparison sits within 0.05 of a critical value: the C# joint value (other draws) gives the same sets.
  stopifnot(all(bounds(j, joint_c - 0.05) == jb), all(bounds(j, joint_c + 0.05) == jb))
  stopifnot(all(bounds(j, mc - 0.01) == mb), all(bounds(j, mc + 0.01) == mb))
  rows[[length(rows) + 1]] <- data.frame(group = names(theta)[j], estimate = theta[j], se = se[j], rank = rank[j], kind = "marginal",
                                         critical = sprintf("%.10f", mc), rank_lower = mb[1], rank_upper = mb[2])
  rows[[length(rows) + 1]] <- data.frame(group = names(theta)[j], estimate = theta[j], se = se[j], rank = rank[j], kind = "joint",
                                         critical = sprintf("%.10f", joint_c), rank_lower = jb[1], rank_upper = jb[2])
}
out <- do.call(rbind, rows)
write.csv(out, "rank-confidence-expected.csv", row.names = FALSE, quote = FALSE)
print(out)
