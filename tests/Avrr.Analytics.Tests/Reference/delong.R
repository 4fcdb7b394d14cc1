# DeLong, DeLong and Clarke-Pearson (1988): the paired comparison of two correlated AUCs, written out from
# the paper's definitions (placement values by direct comparison of every positive with every negative,
# ties counting half), independent of the engine's mid-rank computation. Writes delong-fixture.csv (the
# cases: two scores with ties, and the outcome) and delong-expected.csv (the AUCs, the difference, its se
# and 95% interval). pROC is not needed; with it installed, roc.test(roc(y, a), roc(y, b), method = "delong",
# paired = TRUE) gives the same statistic (z = difference / se).
set.seed(20261208)
n <- 80
y <- rbinom(n, 1, 0.35)
a <- round(0.8 * y + rnorm(n), 1)            # rounded to make ties
b <- round(0.5 * y + 0.6 * a + rnorm(n), 1)
write.csv(data.frame(a = a, b = b, y = y), "delong-fixture.csv", row.names = FALSE, quote = FALSE)

psi <- function(x, z) ifelse(x > z, 1, ifelse(x == z, 0.5, 0))
delong_components <- function(s, y) {
  pos <- s[y == 1]; neg <- s[y == 0]
  v10 <- sapply(pos, function(x) mean(psi(x, neg)))
  v01 <- sapply(neg, function(z) mean(psi(pos, z)))
  list(auc = mean(v10), v10 = v10, v01 = v01)
}
ca <- delong_components(a, y); cb <- delong_components(b, y)
m <- sum(y == 1); k <- sum(y == 0)
s10 <- cov(cbind(ca$v10, cb$v10)); s01 <- cov(cbind(ca$v01, cb$v01))
var_diff <- (s10[1, 1] + s10[2, 2] - 2 * s10[1, 2]) / m + (s01[1, 1] + s01[2, 2] - 2 * s01[1, 2]) / k
d <- ca$auc - cb$auc; se <- sqrt(var_diff); z <- qnorm(0.975)
out <- data.frame(auc_a = ca$auc, auc_b = cb$auc, difference = d, se = se, ci_low = d - z * se, ci_high = d + z * se,
                  positives = m, negatives = k)
write.csv(format(out, digits = 15), "delong-expected.csv", row.names = FALSE, quote = FALSE)
print(out, digits = 15)
