# audit.R
#
# Golden numbers for the audit of the composite index (OECD/JRC Handbook,
# COINr style): indicator statistics, correlations, Cronbach's alpha and PCA,
# computed on audit-fixture.csv.  See README.md for every column.
#
# Run from this folder (after make-audit-fixture.R):  Rscript audit.R
#
# Writes indicator-stats-expected.csv, correlations-expected.csv,
# reliability-expected.csv, alpha-if-dropped-expected.csv, pca-expected.csv,
# pca-loadings-expected.csv and audit-notes.txt.  Numbers with %.17g, rows
# sorted in C-locale byte order (order(..., method = "radix")).

suppressPackageStartupMessages({ library(psych); library(survey) })
options(survey.lonely.psu = "adjust")
set.seed(20261202)  # nothing below is random; set for the convention

scheme <- list(
  economic = c("econ_satisfaction", "food_security", "debt", "employment",
               "productive_assets"),
  social = c("housing", "education", "documentation_justice", "basic_services",
             "public_services"),
  psychosocial = c("social_participation", "belonging", "safety", "wellbeing",
                   "remigration"))
ind_cols <- paste0("indicator_", unlist(scheme, use.names = FALSE))
score_cols <- c("economic_score", "social_score", "psychosocial_score", "composite_score")
vars19 <- c(ind_cols, score_cols)
scopes <- c(lapply(scheme, function(ids) paste0("indicator_", ids)), list(all = ind_cols))

notes <- character(0)
note <- function(...) notes <<- c(notes, sprintf(...))
warns <- character(0)
catch <- function(label, expr) withCallingHandlers(expr, warning = function(w) {
  warns <<- c(warns, paste0(label, ": ", conditionMessage(w)))
  invokeRestart("muffleWarning")
})

# ---- read ------------------------------------------------------------------
raw <- read.csv("audit-fixture.csv", colClasses = "character",
                na.strings = character(0), fileEncoding = "UTF-8")
stopifnot(nrow(raw) == 400)
d <- raw
d$weight <- as.numeric(raw$weight)
for (col in vars19) {
  d[[col]] <- ifelse(raw[[col]] == "", NA_real_, as.numeric(raw[[col]]))
  # parsed doubles print back to the same text, so they are the doubles a
  # correctly rounded parser (C#) reads
  ok <- raw[[col]] == "" | sprintf("%.17g", d[[col]]) == raw[[col]]
  stopifnot(all(ok))
}

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
tf <- function(b) ifelse(b, "true", "false")
write_csv <- function(df, file, keys) {
  df <- df[do.call(order, c(unname(as.list(df[keys])), method = "radix")), , drop = FALSE]
  for (col in names(df)) if (is.double(df[[col]])) df[[col]] <- fmt(df[[col]])
  for (col in names(df)) if (is.integer(df[[col]])) df[[col]] <- sprintf("%d", df[[col]])
  for (col in names(df)) if (is.logical(df[[col]])) df[[col]] <- tf(df[[col]])
  lines <- c(paste(names(df), collapse = ","),
             do.call(paste, c(unname(as.list(df)), sep = ",")))
  con <- file(file, open = "wb")
  writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
  close(con)
  cat("wrote", file, ":", nrow(df), "rows\n")
}

# ---- 1. indicator statistics -------------------------------------------------
rows <- list()
groups <- c("", sort(unique(d$country), method = "radix"))
for (col in ind_cols) for (grp in groups) {
  sel <- if (grp == "") rep(TRUE, nrow(d)) else d$country == grp
  x <- d[[col]][sel]
  ds <- describe(x)          # type = 3, na.rm = TRUE
  rows[[length(rows) + 1]] <- data.frame(
    indicator = col, group = grp, n = as.integer(ds$n),
    missing_share = sum(is.na(x)) / length(x),
    mean = ds$mean, sd = ds$sd, min = ds$min, max = ds$max,
    skew = ds$skew, kurtosis = ds$kurtosis,
    outlier = abs(ds$skew) > 2 & ds$kurtosis > 3.5, stringsAsFactors = FALSE)
  # describe's type-3 formulas, by hand
  y <- x[!is.na(x)]; m <- length(y); s <- sd(y)
  stopifnot(abs(ds$skew - sum((y - mean(y))^3) / (m * s^3)) < 1e-12,
            abs(ds$kurtosis - (sum((y - mean(y))^4) / (m * s^4) - 3)) < 1e-12)
}
stats <- do.call(rbind, rows)
write_csv(stats, "indicator-stats-expected.csv", c("indicator", "group"))
note("indicator-stats: outlier flag true for: %s",
     paste(with(stats, paste0(indicator, "[", ifelse(group == "", "all", group), "]"))[stats$outlier],
           collapse = ", "))

# ---- 2. correlations -----------------------------------------------------------
wrank <- function(x, w) {
  # r_i = sum_{j: x_j < x_i} w_j + (sum_{j: x_j = x_i} w_j) / 2
  vapply(seq_along(x), function(i) sum(w[x < x[i]]) + sum(w[x == x[i]]) / 2, 0)
}
wpearson <- function(x, y, w) cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2]
rows <- list(); max_unit_dev <- 0
for (i in 1:(length(vars19) - 1)) for (j in (i + 1):length(vars19)) {
  a <- vars19[i]; b <- vars19[j]
  x <- d[[a]]; y <- d[[b]]
  cc <- !is.na(x) & !is.na(y)
  n <- sum(cc)
  xc <- x[cc]; yc <- y[cc]; wc <- d$weight[cc]
  r_p <- cor(x, y, use = "pairwise.complete.obs", method = "pearson")
  r_s <- cor(x, y, use = "pairwise.complete.obs", method = "spearman")
  rw_p <- wpearson(xc, yc, wc)
  rw_s <- wpearson(wrank(xc, wc), wrank(yc, wc), wc)
  # with unit weights the weighted formulas give the unweighted ones
  one <- rep(1, n)
  max_unit_dev <- max(max_unit_dev, abs(wpearson(xc, yc, one) - r_p),
                      abs(wpearson(wrank(xc, one), wrank(yc, one), one) - r_s))
  rows[[length(rows) + 1]] <- data.frame(
    a = a, b = b, method = c("pearson", "spearman", "pearson", "spearman"),
    weighted = c(FALSE, FALSE, TRUE, TRUE), n = as.integer(n),
    r = c(r_p, r_s, rw_p, rw_s), stringsAsFactors = FALSE)
}
cors <- do.call(rbind, rows)
write_csv(cors, "correlations-expected.csv", c("a", "b", "method", "weighted"))
note("correlations: unit-weight check (weighted formulas with w = 1 vs cor()): max |diff| = %.3g",
     max_unit_dev)
stopifnot(max_unit_dev < 1e-12)
if (requireNamespace("wCorr", quietly = TRUE)) {
  note("wCorr %s installed (not used for the file)", as.character(packageVersion("wCorr")))
} else note("wCorr: not installed (no Debian package r-cran-wcorr); not compared")

# ---- 3. reliability -------------------------------------------------------------
des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
rel <- list(); drop_rows <- list()
walpha <- function(items, dcc) {
  f <- as.formula(paste("~", paste(items, collapse = " + ")))
  svycralpha(f, dcc, na.rm = TRUE)
}
for (sc in names(scopes)) {
  items <- scopes[[sc]]
  x <- d[, items]
  cc <- complete.cases(x)
  xcc <- na.omit(x)
  a <- catch(paste0("psych::alpha(", sc, ")"), suppressMessages(psych::alpha(xcc)))
  dcc <- subset(des, cc)
  wa <- walpha(items, dcc)
  # weighted standardized alpha: psych's std.alpha formula,
  # K/(K-1) * (1 - K / sum(R)), on the weighted correlation matrix R
  # (cov.wt(..., cor = TRUE)); psych::alpha(R) itself is not used because R's
  # diagonal is 1 only to within 2e-16, so psych does not take it for a
  # correlation matrix.
  K <- length(items)
  wcv <- cov.wt(xcc, wt = d$weight[cc])$cov
  wcr <- cov.wt(xcc, wt = d$weight[cc], cor = TRUE)$cor
  wstd <- K / (K - 1) * (1 - K / sum(wcr))
  # cross-checks: raw alpha of the weighted covariance matrix; svycralpha on
  # the whole design with na.rm = TRUE
  wraw_cov <- K / (K - 1) * (1 - sum(diag(wcv)) / sum(wcv))
  wa_full <- walpha(items, des)
  note("reliability %s: n = %d; |svycralpha - K/(K-1)(1 - tr(C)/sum(C)) on cov.wt C| = %.3g; |svycralpha on whole design (na.rm) - on complete-case subset| = %.3g",
       sc, sum(cc), abs(wa - wraw_cov), abs(wa - wa_full))
  stopifnot(abs(a$total$std.alpha - K / (K - 1) * (1 - K / sum(cor(xcc)))) < 1e-12,
            abs(a$total$raw_alpha - K / (K - 1) * (1 - sum(diag(cov(xcc))) / sum(cov(xcc)))) < 1e-12)
  rel[[length(rel) + 1]] <- data.frame(
    scope = sc, weighted = c(FALSE, TRUE),
    alpha_raw = c(a$total$raw_alpha, unname(wa)),
    alpha_std = c(a$total$std.alpha, wstd), n = as.integer(sum(cc)),
    stringsAsFactors = FALSE)
  ad <- a$alpha.drop
  stopifnot(identical(rownames(ad), items))
  for (it in items) {
    rest <- setdiff(items, it)
    wd <- walpha(rest, dcc)
    wds <- (K - 1) / (K - 2) * (1 - (K - 1) / sum(wcr[rest, rest]))
    stopifnot(abs(ad[it, "std.alpha"] - (K - 1) / (K - 2) *
                  (1 - (K - 1) / sum(cor(xcc[, rest])))) < 1e-12)
    drop_rows[[length(drop_rows) + 1]] <- data.frame(
      scope = sc, indicator = it, weighted = c(FALSE, TRUE),
      alpha_raw = c(ad[it, "raw_alpha"], unname(wd)),
      alpha_std = c(ad[it, "std.alpha"], wds), n = as.integer(sum(cc)),
      stringsAsFactors = FALSE)
  }
}
write_csv(do.call(rbind, rel), "reliability-expected.csv", c("scope", "weighted"))
write_csv(do.call(rbind, drop_rows), "alpha-if-dropped-expected.csv",
          c("scope", "indicator", "weighted"))

# ---- 4. PCA ---------------------------------------------------------------------
pca_rows <- list(); load_rows <- list()
for (sc in names(scopes)) {
  items <- scopes[[sc]]
  xcc <- na.omit(d[, items])
  p <- prcomp(xcc, scale. = TRUE)
  ev <- p$sdev^2
  expl <- ev / sum(ev)
  comp <- sprintf("PC%02d", seq_along(ev))
  pca_rows[[length(pca_rows) + 1]] <- data.frame(
    scope = sc, component = comp, n = as.integer(nrow(xcc)), eigenvalue = ev,
    explained = expl, cumulative = cumsum(expl), stringsAsFactors = FALSE)
  rot <- p$rotation
  stopifnot(identical(rownames(rot), items))
  for (k in seq_along(ev)) {
    v <- rot[, k]
    if (sum(v) < 0) v <- -v
    load_rows[[length(load_rows) + 1]] <- data.frame(
      scope = sc, component = comp[k], indicator = items, loading = unname(v),
      stringsAsFactors = FALSE)
  }
  gaps <- -diff(ev) / ev[-length(ev)]
  note("pca %s: n = %d; min relative eigen gap (l_k - l_k+1)/l_k = %.3g (after %s); min |sum of loadings| = %.3g",
       sc, nrow(xcc), min(gaps), comp[which.min(gaps)], min(abs(colSums(rot))))
}
write_csv(do.call(rbind, pca_rows), "pca-expected.csv", c("scope", "component"))
write_csv(do.call(rbind, load_rows), "pca-loadings-expected.csv",
          c("scope", "component", "indicator"))

# ---- how psych::alpha treats a negatively keyed item (notes only) ---------------
xs <- na.omit(d[, scopes$social]); xr <- xs
xr$indicator_housing <- 1 - xr$indicator_housing
invisible(capture.output(a0 <- suppressMessages(suppressWarnings(psych::alpha(xr)))))
a1 <- suppressMessages(suppressWarnings(psych::alpha(xr, check.keys = TRUE)))
a2 <- suppressMessages(psych::alpha(xs))
note("psych::alpha, social with housing reversed (1 - x): check.keys = FALSE (default) keeps it as is and only warns: raw %.6f std %.6f; check.keys = TRUE reverses it (max + min - x) and labels it '%s': raw %.6f std %.6f = original data raw %.6f std %.6f",
     a0$total$raw_alpha, a0$total$std.alpha, rownames(a1$alpha.drop)[1],
     a1$total$raw_alpha, a1$total$std.alpha, a2$total$raw_alpha, a2$total$std.alpha)

# ---- notes ----------------------------------------------------------------------
hdr <- c(sprintf("%s; psych %s; survey %s", R.version.string,
                 as.character(packageVersion("psych")), as.character(packageVersion("survey"))),
         sprintf("BLAS %s; LAPACK %s", extSoftVersion()[["BLAS"]], La_library()))
con <- file("audit-notes.txt", open = "wb")
writeLines(c(hdr, notes, "warnings:", if (length(warns)) paste0("  ", warns) else "  (none)"),
           con, sep = "\n", useBytes = TRUE)
close(con)
cat(readLines("audit-notes.txt"), sep = "\n")
