# svyglm.R
#
# Golden numbers for the survey-weighted linear model ("drivers" of the
# composite): svyglm(outcome ~ sex + age_group + assistance_type + country +
# noise, design) on drivers-fixture.csv, for 3 designs x 4 outcomes.
#
# Run from this folder (after make-drivers-fixture.R):  Rscript svyglm.R
#
# Writes svyglm-expected.csv and svyglm-notes.txt (see README.md).
#
# Designs (options(survey.lonely.psu = "adjust")):
#   weights          svydesign(ids = ~1,       weights = ~weight, data = d)
#   clusters         svydesign(ids = ~cluster, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight,
#                              data = d, nest = TRUE)
# Factors: factor(x, levels = sort(unique(x), method = "radix")) (C-locale byte
# order), so the reference level is the first in byte order; treatment
# contrasts (R's default contr.treatment).
# Rows with a missing outcome are dropped by svyglm (na.action = na.omit).

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
set.seed(20261204)  # nothing below is random; set for the convention

d <- read.csv("drivers-fixture.csv", colClasses = "character",
              na.strings = character(0), fileEncoding = "UTF-8", encoding = "UTF-8")
stopifnot(nrow(d) == 500)
d$weight <- as.numeric(d$weight)
outcomes <- c("composite", "economic", "social", "psychosocial")
for (m in outcomes) {
  raw <- d[[m]]
  d[[m]] <- ifelse(raw == "", NA_real_, as.numeric(raw))
  stopifnot(all(raw == "" | sprintf("%.17g", d[[m]]) == raw))  # round-trip
}
vars <- c("sex", "age_group", "assistance_type", "country", "noise")
for (v in vars) {
  x <- enc2utf8(d[[v]])
  d[[v]] <- factor(x, levels = sort(unique(x), method = "radix"))
}

designs <- list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~cluster, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight,
                              data = d, nest = TRUE))

notes <- character(0)
note <- function(...) notes <<- c(notes, sprintf(...))
warns <- character(0)

# Hand sandwich: beta by WLS; u_i = w_i x_i e_i for used rows; A = X'WX;
# PSU totals t_j of u within strata; V = A^-1 [sum_h m_h/(m_h-1) sum_j
# (t_j - tbar_h)(t_j - tbar_h)'] A^-1, lonely stratum: t_j t_j'.
# m_h = PSUs of stratum h in the *original* design (pad = TRUE) or PSUs with
# a used row (pad = FALSE); for ids = ~1 every row is a PSU.
hand_se <- function(m, dn, pad) {
  used <- !is.na(d[[m$outcome]])
  X <- model.matrix(m$fit)
  w <- d$weight[used]
  e <- d[[m$outcome]][used] - drop(X %*% coef(m$fit))
  A <- crossprod(X * w, X)
  U <- X * (w * e)
  psu <- switch(dn, weights = as.character(d$row_id), d$cluster)
  str <- switch(dn, strata_clusters = d$stratum, rep("all", nrow(d)))
  B <- matrix(0, ncol(X), ncol(X))
  for (h in unique(str)) {
    all_psu <- unique(psu[str == h])
    inh <- str[used] == h
    tt <- rowsum(U[inh, , drop = FALSE], psu[used][inh])
    if (pad && nrow(tt) < length(all_psu))
      tt <- rbind(tt, matrix(0, length(all_psu) - nrow(tt), ncol(X)))
    mh <- nrow(tt)
    if (mh > 1) {
      tc <- sweep(tt, 2, colMeans(tt))
      B <- B + mh / (mh - 1) * crossprod(tc)
    } else B <- B + crossprod(tt)
  }
  Ai <- solve(A)
  sqrt(diag(Ai %*% B %*% Ai))
}

rows <- list()
z <- qnorm(0.975)
max_ci_t_dev <- 0
for (dn in names(designs)) for (outcome in outcomes) {
  f <- as.formula(paste(outcome, "~", paste(vars, collapse = " + ")))
  fit <- withCallingHandlers(svyglm(f, design = designs[[dn]]), warning = function(w) {
    warns <<- c(warns, paste0(dn, "/", outcome, ": ", conditionMessage(w)))
    invokeRestart("muffleWarning")
  })
  cf <- summary(fit)$coefficients
  ci <- confint(fit)
  df <- fit$df.residual
  used <- !is.na(d[[outcome]])
  n_used <- sum(used)
  stopifnot(identical(rownames(cf), names(coef(fit))), identical(rownames(ci), names(coef(fit))))

  # df rule: degf(design after dropping the missing rows) + 1 - p
  psu <- switch(dn, weights = as.character(d$row_id), d$cluster)
  str <- switch(dn, strata_clusters = d$stratum, rep("all", nrow(d)))
  df_hand <- length(unique(psu[used])) - length(unique(str[used])) + 1 - nrow(cf)
  stopifnot(df == df_hand)

  se_pad <- hand_se(list(fit = fit, outcome = outcome), dn, TRUE)
  se_nopad <- hand_se(list(fit = fit, outcome = outcome), dn, FALSE)
  note("%s/%s: n = %d, p = %d, df.residual = %d; max rel |se - hand(original PSU counts)| = %.3g, hand(used PSU counts) = %.3g",
       dn, outcome, n_used, nrow(cf), as.integer(df),
       max(abs(cf[, 2] / se_pad - 1)), max(abs(cf[, 2] / se_nopad - 1)))

  q <- qt(0.975, df)
  ci_t <- cbind(cf[, 1] - q * cf[, 2], cf[, 1] + q * cf[, 2])
  max_ci_t_dev <- max(max_ci_t_dev, abs(ci - ci_t))

  # term / level from the coefficient names
  term <- character(0); level <- character(0)
  for (nm in rownames(cf)) {
    if (nm == "(Intercept)") { term <- c(term, nm); level <- c(level, ""); next }
    hit <- FALSE
    for (v in vars) for (lv in levels(d[[v]])[-1]) if (nm == paste0(v, lv)) {
      term <- c(term, v); level <- c(level, lv); hit <- TRUE
    }
    stopifnot(hit)
  }
  rows[[length(rows) + 1]] <- data.frame(
    design = dn, outcome = outcome, term = term, level = level,
    estimate = cf[, 1], se = cf[, 2], t = cf[, 3], p = cf[, 4],
    df = as.integer(df), ci_low = ci[, 1], ci_high = ci[, 2],
    ci_low_t = ci_t[, 1], ci_high_t = ci_t[, 2], n = as.integer(n_used),
    stringsAsFactors = FALSE, row.names = NULL)
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$outcome, res$term, res$level, method = "radix"), ]

note("confint(svyglm) uses the t quantile with df.residual (survey 4.1.1 confint.svyglm, method = \"Wald\", ddf = df.residual): max |confint - (est -/+ qt(0.975, df) se)| = %.3g", max_ci_t_dev)
note("qnorm(0.975) = %.17g (not used by confint here)", z)
note("reference levels: %s", paste(sapply(vars, function(v) paste0(v, "=", levels(d[[v]])[1])), collapse = ", "))
note("levels in byte order: %s", paste(sapply(vars, function(v) paste0(v, ": ", paste(levels(d[[v]]), collapse = " < "))), collapse = "; "))

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
out <- res
for (col in c("estimate", "se", "t", "p", "ci_low", "ci_high", "ci_low_t", "ci_high_t"))
  out[[col]] <- fmt(out[[col]])
out$df <- sprintf("%d", out$df); out$n <- sprintf("%d", out$n)
lines <- c(paste(names(out), collapse = ","), do.call(paste, c(unname(as.list(out)), sep = ",")))
con <- file("svyglm-expected.csv", open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote svyglm-expected.csv :", nrow(res), "rows\n")

con <- file("svyglm-notes.txt", open = "wb")
writeLines(enc2utf8(c(sprintf("%s; survey %s", R.version.string, as.character(packageVersion("survey"))),
                      notes, "warnings:", if (length(warns)) paste0("  ", warns) else "  (none)")),
           con, sep = "\n", useBytes = TRUE)
close(con)
cat(readLines("svyglm-notes.txt", encoding = "UTF-8"), sep = "\n")
