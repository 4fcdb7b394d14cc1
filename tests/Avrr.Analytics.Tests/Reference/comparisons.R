# comparisons.R
#
# Golden numbers for the engine's comparisons.csv (differences between domain
# means with linearised standard errors), computed with R's survey package on
# the whole export panel-fixture.csv, scored with rss-15 on its own (scoring
# code copied from panel-design.R / runner-design.R, independent of the engine).
# (and on runner-fixture.csv, for designs with lonely strata).
# The four kinds the engine writes, per measure (composite and each dimension):
#
#   vs_all               level country: each country - all countries (the
#                        all-country mean includes the country)
#   vs_parent            level country+community: each community - its country
#   vs_previous_quarter  level country+quarter: each quarter - the previous
#                        quarter that country has
#   weakest_dimension    level country: the country's lowest dimension mean -
#                        its second lowest (ranked by the means, ties to the
#                        first in scheme order), over the same surveys: two
#                        measures, so the covariance needs their cross-products
#
# Run from this folder:
#   Rscript comparisons.R
#   Rscript comparisons.R runner-fixture.csv comparisons-runner-expected.csv
#
# Writes
#   comparisons-expected.csv  design,level,country,community,quarter,measure,
#                             comparison,reference,estimate,se,df,ci_low,
#                             ci_high,ci_low_t,ci_high_t,n,n_reference,psus,
#                             psus_reference,psus_contrast,df_domain,
#                             ci_low_domain,ci_high_domain,p_value,family,
#                             family_size,p_adjusted,significant
#   comparisons-notes.txt     versions, degf, qt, the cross-checks, one-PSU
#                             sides, warnings
#
# Designs over all 120 surveys (options(survey.lonely.psu = "adjust")):
#   weights          svydesign(ids = ~1,   weights = ~weight, data = d)
#   clusters         svydesign(ids = ~psu, weights = ~weight, data = d)
#   strata           svydesign(ids = ~1,   strata = ~stratum, weights = ~weight, data = d)
#   strata_clusters  svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
# In panel-fixture.csv S4 has two PSUs (P11, P12): no lonely stratum; in
# runner-fixture.csv S3 (K6) and S4 (K7, one survey) are lonely.
#
# One route for every kind, as contrasts.R does for country_vs_all: the two
# means as ratio estimators with their joint covariance, then a linear contrast.
# For a side S (a group g and a measure m), with o_S = 1[row in g, m present]
# and y_S = o_S * m (0 where missing):
#   r <- svyratio(~yA + yB, ~oA + oB, design, covmat = TRUE)   # 4 ratios
#   svycontrast(r, list(diff = v))   # v: +1 on yA/oA, -1 on yB/oB, 0 on the cross ratios
# yA/oA and yB/oB are the two domain means (na.rm per measure, the design over
# every survey); covmat = TRUE takes their covariance from the joint influence
# functions, so the se is the design se of z_i = o_Ai w_i (m_Ai - mean_A)/W_A -
# o_Bi w_i (m_Bi - mean_B)/W_B (for weakest_dimension m_A and m_B are two
# dimensions of the same surveys).  Cross-checked against that z by hand (PSU
# totals, per stratum h/(h-1) sum (t - tbar)^2, a lonely stratum t^2).
#
# Columns: estimate, se from svycontrast; df = degf(design) of the whole
# design; ci_low, ci_high = confint() (normal); ci_low_t, ci_high_t =
# estimate -/+ qt(0.975, df) se (checked against confint(x, df = df)); n,
# n_reference = surveys of each side with its measure; psus, psus_reference
# = distinct PSUs among them (surveys when unclustered, psu labels for
# clusters, (stratum, psu) pairs for strata_clusters).  reference = "all",
# the country, the previous quarter, or the second-lowest dimension.  Empty
# text fields (community, quarter) where the level does not use them.
# The engine's default degrees of freedom and decisions (docs/methodology.md):
#   psus_contrast  distinct PSUs among the surveys of either side (with its
#                  measure): those the contrast's linearised values touch
#   df_domain      max(1, degf(subset(design, either side))), checked against
#                  psus_contrast minus the strata of those surveys
#   ci_low_domain, ci_high_domain   estimate -/+ qt(0.975, df_domain) se
#   p_value        2 * pt(-abs(estimate / se), df_domain); NA where a side
#                  lies in one PSU (the engine writes no se there)
#   family         the family of tests the difference is decided in:
#                  vs_all:<measure> (the countries), vs_parent:<measure>:
#                  country=<c> (the communities of one country),
#                  vs_previous_quarter:<measure>:country=<c> (a country's
#                  quarters), weakest_dimension (the countries)
#   family_size    the family's tests (p_value not NA), per design
#   p_adjusted     p.adjust(p_value, method = "BH") within the family
#   significant    p_adjusted < 0.05 (empty where there is no test)
# Numbers are printed with %.17g.  Rows sorted by design, level, country,
# community, quarter, comparison, measure in C-locale byte order.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

# The export and the output file: panel-fixture.csv -> comparisons-expected.csv
# by default; runner-fixture.csv -> comparisons-runner-expected.csv as well
# (one quarter, so no vs_previous_quarter; lonely strata S3 and S4).
args <- commandArgs(trailingOnly = TRUE)
in_file    <- if (length(args) >= 1) args[1] else "panel-fixture.csv"
out_file   <- if (length(args) >= 2) args[2] else "comparisons-expected.csv"
notes_file <- sub("-expected\\.csv$", "-notes.txt", out_file)
stopifnot(notes_file != out_file)

d <- read.csv(in_file, colClasses = "character", na.strings = character(0),
              fileEncoding = "UTF-8", encoding = "UTF-8")
d$community <- enc2utf8(d$community)
d$weight <- as.numeric(d$weight)
stopifnot(nrow(d) > 0, !anyNA(d$weight))

# ---- scoring (copied from panel-design.R) -----------------------------------
sat5   <- c("1" = 0, "2" = 0.25, "3" = 0.5, "4" = 0.75, "5" = 1)
qual5  <- c(very_poor = 0, poor = 0.25, fair = 0.5, good = 0.75, very_good = 1)
agree5 <- c(strongly_disagree = 0, disagree = 0.25, neutral = 0.5, agree = 0.75,
            strongly_agree = 1)
never5 <- c(never = 1, rarely = 0.75, sometimes = 0.5, often = 0.25, very_often = 0)
often5 <- c(never = 0, rarely = 0.25, sometimes = 0.5, often = 0.75, very_often = 1)
yes2   <- c(yes = 1, no = 0)
no2    <- c(yes = 0, no = 1)
debt3  <- c(no_debt = 1, debt_below_spending = 0.5, debt_above_spending = 0)
count3 <- c("0" = 0, "1" = 1 / 3, "2" = 2 / 3, "3" = 1, "4" = 1, "5" = 1)  # min(n, 3) / 3

scheme <- list(
  economic = list(
    econ_satisfaction = list(econ_satisfaction = sat5),
    food_security = list(food_reduction_freq = never5),
    debt = list(can_borrow = yes2, borrow_freq = never5, debt_level = debt3),
    employment = list(currently_working = yes2, job_access = qual5),
    productive_assets = list(owns_productive_assets = yes2, income_sources = count3)),
  social = list(
    housing = list(housing_access = qual5, housing_standard = qual5),
    education = list(children_in_school = yes2),
    documentation_justice = list(has_id_documents = yes2, justice_access = qual5),
    basic_services = list(water_access = qual5, health_access = qual5, health_quality = qual5),
    public_services = list(public_services_access = qual5, social_protection = yes2)),
  psychosocial = list(
    social_participation = list(social_activities_freq = often5, support_network = yes2),
    belonging = list(feel_part_of_community = agree5, discrimination_freq = never5),
    safety = list(feels_safe = agree5, family_tension_freq = never5),
    wellbeing = list(distress_freq = never5, wants_psych_support = no2),
    remigration = list(able_to_stay = agree5, remigration_intent = no2))
)

question_score <- function(answers, scale) {
  s <- unname(scale[answers])                      # NA for dk / refused / na
  bad <- is.na(s) & !(answers %in% c("dk", "refused", "na", ""))
  stopifnot(!any(bad))
  s
}
# Weighted mean (all weights 1) over the present scores, accumulated in order.
running_mean <- function(scores) {
  total <- 0; count <- 0
  for (s in scores) {
    total <- total + ifelse(is.na(s), 0, s)
    count <- count + !is.na(s)
  }
  list(value = ifelse(count > 0, total / count, NA_real_), count = count)
}

dimension_scores <- list()
for (dim in names(scheme)) {
  indicators <- lapply(scheme[[dim]], function(qs)
    running_mean(lapply(names(qs), function(q) question_score(d[[q]], qs[[q]])))$value)
  m <- running_mean(indicators)
  covered <- m$count / length(indicators) >= 0.6 - 1e-12
  dimension_scores[[dim]] <- ifelse(covered, m$value, NA_real_)
}
comp <- running_mean(dimension_scores)
d$composite <- ifelse(comp$count == 3, comp$value, NA_real_)
d$economic <- dimension_scores$economic
d$social <- dimension_scores$social
d$psychosocial <- dimension_scores$psychosocial
dimensions <- c("economic", "social", "psychosocial")        # scheme order
measures <- c("composite", dimensions)
# The quarter of a survey as the engine writes it: 2025-Q3.
d$quarter <- sprintf("%s-Q%d", substr(d$survey_date, 1, 4),
                     (as.integer(substr(d$survey_date, 6, 7)) - 1) %/% 3 + 1)

# ---- designs ----------------------------------------------------------------
warn_log <- character(0)
collect <- function(expr) withCallingHandlers(expr, warning = function(w) {
  warn_log <<- c(warn_log, conditionMessage(w))
  invokeRestart("muffleWarning")
})

designs <- collect(list(
  weights = svydesign(ids = ~1, weights = ~weight, data = d),
  clusters = svydesign(ids = ~psu, weights = ~weight, data = d),
  strata = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d),
  strata_clusters = svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
                              data = d, nest = TRUE)
))
row_id <- sprintf("row%03d", seq_len(nrow(d)))
unit <- list(
  weights = list(psu = row_id, stratum = rep("1", nrow(d))),
  clusters = list(psu = d$psu, stratum = rep("1", nrow(d))),
  strata = list(psu = row_id, stratum = d$stratum),
  strata_clusters = list(psu = paste(d$stratum, d$psu, sep = "/"), stratum = d$stratum)
)
hand_var <- function(z, u) {
  t <- tapply(z, u$psu, sum)
  st <- tapply(u$stratum, u$psu, function(s) s[1])
  v <- 0
  for (h in sort(unique(st))) {
    th <- t[st == h]; mh <- length(th)
    v <- v + if (mh > 1) mh / (mh - 1) * sum((th - mean(th))^2) else th^2
  }
  unname(v)
}
# influence of a domain mean of measure m: w (m - mean)/W on the domain's rows with m
infl <- function(sel, m) {
  s <- sel & !is.na(d[[m]])
  W <- sum(d$weight[s]); ybar <- sum(d$weight[s] * d[[m]][s]) / W
  list(mean = ybar, z = ifelse(s, d$weight * (d[[m]] - ybar) / W, 0), present = s)
}

z975 <- qnorm(0.975)
dev <- c(est = 0, se_hand = 0, ci = 0, ci_t = 0, ci_domain = 0)
note_dev <- function(k, v) dev[k] <<- max(dev[k], abs(v))
rows <- list()

# The difference mean(m_a in sel_a) - mean(m_b in sel_b) by the svyratio route.
contrast <- function(dn, level, country, community, quarter, measure, comparison, reference,
                     sel_a, m_a, sel_b, m_b, family) {
  des <- designs[[dn]]
  df <- degf(des)
  oa <- as.numeric(sel_a & !is.na(d[[m_a]])); ya <- oa * ifelse(is.na(d[[m_a]]), 0, d[[m_a]])
  ob <- as.numeric(sel_b & !is.na(d[[m_b]])); yb <- ob * ifelse(is.na(d[[m_b]]), 0, d[[m_b]])
  # The helper columns go straight into the design's variables (same rows, same order as d).
  des2 <- des
  des2$variables$ya <- ya; des2$variables$oa <- oa
  des2$variables$yb <- yb; des2$variables$ob <- ob
  r <- collect(svyratio(~ya + yb, ~oa + ob, des2, covmat = TRUE))
  cf <- coef(r)
  v <- setNames(numeric(length(cf)), names(cf))
  v["ya/oa"] <- 1; v["yb/ob"] <- -1
  stopifnot(length(cf) == 4, sum(v != 0) == 2)
  s <- collect(svycontrast(r, list(diff = v)))
  est <- unname(coef(s)); se <- unname(SE(s))
  ci <- unname(confint(s)); cit <- unname(confint(s, df = df))
  lo_t <- est - qt(0.975, df) * se; hi_t <- est + qt(0.975, df) * se
  note_dev("ci", c(ci[1] - (est - z975 * se), ci[2] - (est + z975 * se)))
  note_dev("ci_t", c(cit[1] - lo_t, cit[2] - hi_t))
  a <- infl(sel_a, m_a); b <- infl(sel_b, m_b)
  note_dev("est", est - (a$mean - b$mean))
  note_dev("se_hand", se - sqrt(hand_var(a$z - b$z, unit[[dn]])))
  # The domain rule over both sides: the PSUs of either side's surveys minus their strata, at least 1.
  either <- a$present | b$present
  psus_contrast <- length(unique(unit[[dn]]$psu[either]))
  df_dom <- max(1, degf(subset(des, either)))
  stopifnot(df_dom == max(1, psus_contrast - length(unique(unit[[dn]]$stratum[either]))))
  lo_d <- est - qt(0.975, df_dom) * se; hi_d <- est + qt(0.975, df_dom) * se
  note_dev("ci_domain", unname(confint(s, df = df_dom)) - c(lo_d, hi_d))
  psus <- length(unique(unit[[dn]]$psu[a$present])); psus_reference <- length(unique(unit[[dn]]$psu[b$present]))
  rows[[length(rows) + 1]] <<- data.frame(
    design = dn, level = level, country = country, community = community, quarter = quarter,
    measure = measure, comparison = comparison, reference = reference,
    estimate = est, se = se, df = df, ci_low = ci[1], ci_high = ci[2],
    ci_low_t = lo_t, ci_high_t = hi_t, n = sum(a$present), n_reference = sum(b$present),
    psus = psus, psus_reference = psus_reference,
    psus_contrast = psus_contrast, df_domain = df_dom, ci_low_domain = lo_d, ci_high_domain = hi_d,
    p_value = if (psus < 2 || psus_reference < 2) NA_real_ else 2 * pt(-abs(est / se), df_dom),
    family = family,
    stringsAsFactors = FALSE)
}

countries <- sort(unique(d$country), method = "radix")
all_rows <- rep(TRUE, nrow(d))
for (dn in names(designs)) {
  for (c in countries) {
    in_c <- d$country == c
    # vs_all
    for (m in measures)
      contrast(dn, "country", c, "", "", m, "vs_all", "all", in_c, m, all_rows, m, paste0("vs_all:", m))
    # weakest_dimension: rank the dimension means of the country (ties: scheme order)
    means <- sapply(dimensions, function(m) infl(in_c, m)$mean)
    ranked <- dimensions[order(means, seq_along(dimensions))]
    contrast(dn, "country", c, "", "", ranked[1], "weakest_dimension", ranked[2],
             in_c, ranked[1], in_c, ranked[2], "weakest_dimension")
    # vs_parent
    for (k in sort(unique(d$community[in_c]), method = "radix"))
      for (m in measures)
        contrast(dn, "country+community", c, k, "", m, "vs_parent", c, in_c & d$community == k, m, in_c, m,
                 sprintf("vs_parent:%s:country=%s", m, c))
    # vs_previous_quarter: consecutive quarters among those the country has
    qs <- sort(unique(d$quarter[in_c]), method = "radix")
    for (i in seq_along(qs)[-1])
      for (m in measures)
        contrast(dn, "country+quarter", c, "", qs[i], m, "vs_previous_quarter", qs[i - 1],
                 in_c & d$quarter == qs[i], m, in_c & d$quarter == qs[i - 1], m,
                 sprintf("vs_previous_quarter:%s:country=%s", m, c))
  }
}
res <- do.call(rbind, rows)
res <- res[order(res$design, res$level, res$country, res$community, res$quarter,
                 res$comparison, res$measure, method = "radix"), ]
stopifnot(all(dev < 1e-12), all(is.finite(as.matrix(res[, c("estimate", "se")]))))
# Benjamini-Hochberg within each family of each design (p.adjust leaves NA out of n).
key <- paste(res$design, res$family)
res$family_size <- ave(as.numeric(!is.na(res$p_value)), key, FUN = sum)
res$p_adjusted <- ave(res$p_value, key, FUN = function(p) p.adjust(p, method = "BH"))
res$significant <- ifelse(is.na(res$p_adjusted), "", ifelse(res$p_adjusted < 0.05, "true", "false"))

fmt <- function(x) sprintf("%.17g", x)
out <- res
for (col in c("estimate", "se", "ci_low", "ci_high", "ci_low_t", "ci_high_t", "ci_low_domain", "ci_high_domain"))
  out[[col]] <- fmt(out[[col]])
for (col in c("p_value", "p_adjusted")) out[[col]] <- ifelse(is.na(out[[col]]), "", fmt(out[[col]]))
for (col in c("df", "n", "n_reference", "psus", "psus_reference", "psus_contrast", "df_domain", "family_size"))
  out[[col]] <- sprintf("%d", as.integer(out[[col]]))
lines <- c(paste(names(out), collapse = ","), apply(out, 1, paste, collapse = ","))
con <- file(out_file, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

# ---- notes ------------------------------------------------------------------
dfs <- sapply(designs, degf)
lonely <- res[res$psus < 2 | res$psus_reference < 2, ]
notes <- c(
  sprintf("R version: %s", R.version.string),
  sprintf("survey version: %s", as.character(packageVersion("survey"))),
  sprintf("options(survey.lonely.psu) = \"%s\"", getOption("survey.lonely.psu")),
  sprintf("surveys: %d; quarters: %s", nrow(d), paste(sort(unique(d$quarter)), collapse = " ")),
  sprintf("degf: %s", paste(sprintf("%s = %d", names(dfs), dfs), collapse = ", ")),
  sprintf("qnorm(0.975) = %.17g", z975),
  sprintf("qt(0.975, df): %s", paste(sprintf("df %d = %.17g", sort(unique(dfs)),
                                             qt(0.975, sort(unique(dfs)))), collapse = ", ")),
  "route: svycontrast(svyratio(~ya + yb, ~oa + ob, design, covmat = TRUE), +1 on ya/oa, -1 on yb/ob)",
  sprintf("  estimate vs direct weighted means: max abs difference = %.3g", dev["est"]),
  sprintf("  se vs hand linearisation (z = z_a - z_b; PSU totals; lonely stratum t^2): max abs difference = %.3g",
          dev["se_hand"]),
  sprintf("confint() == estimate -/+ qnorm(0.975) se: max abs difference = %.3g", dev["ci"]),
  sprintf("confint(df = degf) == estimate -/+ qt(0.975, df) se: max abs difference = %.3g", dev["ci_t"]),
  sprintf("domain df == psus_contrast - strata (checked); confint(df = df_domain) == estimate -/+ qt(0.975, df_domain) se: max abs difference = %.3g",
          dev["ci_domain"]),
  sprintf("tests: %d; significant by the interval with the design's df: %d, with the domain df: %d, after BH within families: %d",
          sum(!is.na(res$p_value)), sum(!is.na(res$p_value) & (res$ci_low_t > 0 | res$ci_high_t < 0)),
          sum(res$p_value < 0.05, na.rm = TRUE), sum(res$significant == "true")),
  sprintf("rows written to %s: %d (%s)", out_file, nrow(res),
          paste(sprintf("%s %d", names(table(res$comparison)), table(res$comparison)), collapse = ", ")),
  sprintf("weakest dimension per design and country: %s",
          paste(unique(with(res[res$comparison == "weakest_dimension", ],
                            sprintf("%s %s - %s", country, measure, reference))), collapse = "; ")),
  sprintf("rows where a side lies in one PSU (the engine writes no se there; R's se ignores that side's variance): %d",
          nrow(lonely)),
  with(lonely, sprintf("  %s %s %s %s %s %s %s psus=%d psus_reference=%d se=%.3g", design, level, country,
                       community, quarter, measure, comparison, psus, psus_reference, se)),
  sprintf("warnings from R: %d", length(warn_log)),
  if (length(warn_log) > 0) paste0("  ", unique(warn_log))
)
con <- file(notes_file, open = "wb")
writeLines(enc2utf8(notes), con, sep = "\n", useBytes = TRUE)
close(con)
cat(notes, sep = "\n")
