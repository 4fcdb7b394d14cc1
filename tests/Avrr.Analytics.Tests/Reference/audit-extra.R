# audit-extra.R
#
# Golden numbers for the parts of the audit that audit.R does not cover, on
# audit-fixture.csv (the same fixture and reading as audit.R): the principal
# components of the three dimension scores, the data-derived weights (squared
# first-component loadings, scaled to unity, per group of the tree), the
# effective weights (correlation with the composite, normalised over the nodes
# of a level) and each indicator's correlation with the rest of its scope
# (psych::alpha's r.drop). See README.md, "audit-extra.R".
#
# Run from this folder:  Rscript audit-extra.R
# Writes pca-dimensions-expected.csv, pca-dimensions-loadings-expected.csv,
# weights-expected.csv and r-drop-expected.csv.  Numbers with %.17g; nothing
# is random.

suppressPackageStartupMessages(library(psych))

scheme <- list(
  economic = c("econ_satisfaction", "food_security", "debt", "employment",
               "productive_assets"),
  social = c("housing", "education", "documentation_justice", "basic_services",
             "public_services"),
  psychosocial = c("social_participation", "belonging", "safety", "wellbeing",
                   "remigration"))
dims <- names(scheme)

raw <- read.csv("audit-fixture.csv", colClasses = "character",
                na.strings = character(0), fileEncoding = "UTF-8")
num <- function(col) ifelse(raw[[col]] == "", NA_real_, as.numeric(raw[[col]]))
ind <- function(id) num(paste0("indicator_", id))
dim_score <- function(id) num(paste0(id, "_score"))
composite <- num("composite_score")

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_lines <- function(df, file) {
  for (col in names(df)) if (is.double(df[[col]])) df[[col]] <- fmt(df[[col]])
  lines <- c(paste(names(df), collapse = ","), do.call(paste, c(unname(as.list(df)), sep = ",")))
  con <- file(file, open = "wb"); writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE); close(con)
  cat("wrote", file, ":", nrow(df), "rows\n")
}

# ---- principal components of the dimension scores (complete cases) -------------
x <- na.omit(data.frame(economic = dim_score("economic"), social = dim_score("social"),
                        psychosocial = dim_score("psychosocial")))
p <- prcomp(x, scale. = TRUE)
ev <- p$sdev^2
write_lines(data.frame(scope = "dimensions", component = seq_along(ev), n = nrow(x), eigenvalue = ev,
                       explained = ev / sum(ev), cumulative = cumsum(ev / sum(ev))),
            "pca-dimensions-expected.csv")
rows <- list()
for (k in seq_along(ev)) {
  v <- p$rotation[, k]
  if (sum(v) < 0) v <- -v   # sign rule: a component's loadings sum to >= 0
  rows[[k]] <- data.frame(scope = "dimensions", component = k, indicator = names(v), loading = unname(v))
}
write_lines(do.call(rbind, rows), "pca-dimensions-loadings-expected.csv")

# ---- derived weights: squared first-component loadings, scaled to unity ---------
squared_pc1 <- function(m) { v <- prcomp(na.omit(m), scale. = TRUE)$rotation[, 1]; v^2 / sum(v^2) }
w_dim <- squared_pc1(x)
w_ind <- lapply(scheme, function(ids) squared_pc1(sapply(ids, ind)))

# ---- effective weights: r(node, composite) / sum over the nodes of its level -----
r_with <- function(v) cor(v, composite, use = "pairwise.complete.obs")
r_dim <- sapply(dims, function(id) r_with(dim_score(id)))
r_ind <- sapply(unlist(scheme), function(id) r_with(ind(id)))
names(r_ind) <- unlist(scheme)

out <- list()
for (d in dims) {
  out[[length(out) + 1]] <- data.frame(node = d, kind = "dimension", parent = "composite",
    nominal = 1 / 3, effective = r_dim[[d]] / sum(r_dim), derived = w_dim[[d]],
    nominal_in_parent = 1 / 3, derived_in_parent = w_dim[[d]], correlation_with_composite = r_dim[[d]])
  for (i in scheme[[d]]) {
    wi <- w_ind[[d]][[i]]
    out[[length(out) + 1]] <- data.frame(node = i, kind = "indicator", parent = d,
      nominal = 1 / 15, effective = r_ind[[i]] / sum(r_ind), derived = w_dim[[d]] * wi,
      nominal_in_parent = 1 / 5, derived_in_parent = wi, correlation_with_composite = r_ind[[i]])
  }
}
write_lines(do.call(rbind, out), "weights-expected.csv")

# ---- item-rest correlation: psych::alpha's r.drop, and its weighted analogue ----
w_all <- as.numeric(raw$weight)
scopes <- c(scheme, list(all = unlist(scheme, use.names = FALSE)))
rows <- list()
for (sc in names(scopes)) {
  ids <- scopes[[sc]]
  m <- sapply(ids, ind)
  cc <- complete.cases(m)
  xcc <- m[cc, , drop = FALSE]
  a <- suppressMessages(suppressWarnings(psych::alpha(as.data.frame(xcc))))
  C <- cov.wt(xcc, wt = w_all[cc])$cov
  for (k in seq_along(ids)) {
    rest <- setdiff(seq_along(ids), k)
    # weighted: corr(x_k, sum of the others) from the weighted covariance matrix
    wr <- sum(C[k, rest]) / sqrt(C[k, k] * sum(C[rest, rest]))
    rows[[length(rows) + 1]] <- data.frame(scope = sc, indicator = ids[k], weighted = c("false", "true"),
      r_drop = c(a$item.stats[k, "r.drop"], wr), n = sum(cc))
  }
}
write_lines(do.call(rbind, rows), "r-drop-expected.csv")
