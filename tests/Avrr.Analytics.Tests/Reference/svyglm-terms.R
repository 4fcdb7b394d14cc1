# svyglm-terms.R
#
# Golden numbers for the per-term test of the survey-weighted linear model
# ("drivers"): survey::regTermTest(m, ~term) with its default method "Wald",
# for every term of the models of svyglm.R (3 designs x 4 outcomes x 5 terms).
#
# Run from this folder (after make-drivers-fixture.R):  Rscript svyglm-terms.R
#
# Writes svyglm-terms-expected.csv: design,outcome,term,df,ddf,f,p
#   F  = beta' V^-1 beta / df  (beta, V: the term's coefficients and their
#        block of vcov(m); df = the term's number of coefficients)
#   p  = pf(F, df, ddf, lower.tail = FALSE), ddf = m$df.residual
# The models, designs and factor coding are those of svyglm.R.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

d <- read.csv("drivers-fixture.csv", colClasses = "character",
              na.strings = character(0), fileEncoding = "UTF-8", encoding = "UTF-8")
d$weight <- as.numeric(d$weight)
outcomes <- c("composite", "economic", "social", "psychosocial")
for (m in outcomes) d[[m]] <- ifelse(d[[m]] == "", NA_real_, as.numeric(d[[m]]))
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

rows <- list()
for (dn in names(designs)) for (outcome in outcomes) {
  f <- as.formula(paste(outcome, "~", paste(vars, collapse = " + ")))
  fit <- svyglm(f, design = designs[[dn]])
  for (v in vars) {
    tt <- regTermTest(fit, as.formula(paste("~", v)))
    rows[[length(rows) + 1]] <- data.frame(design = dn, outcome = outcome, term = v,
      df = as.integer(tt$df), ddf = as.integer(tt$ddf), f = as.numeric(tt$Ftest),
      p = as.numeric(tt$p), stringsAsFactors = FALSE)
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$outcome, res$term, method = "radix"), ]
fmt <- function(x) sprintf("%.17g", x)
lines <- c("design,outcome,term,df,ddf,f,p",
           paste(res$design, res$outcome, res$term, res$df, res$ddf, fmt(res$f), fmt(res$p), sep = ","))
con <- file("svyglm-terms-expected.csv", open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
cat("wrote svyglm-terms-expected.csv :", nrow(res), "rows\n")
