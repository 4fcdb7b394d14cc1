#!/usr/bin/python3
"""The rss-15 evaluation as an analyst would write it with pandas: the baseline `avrr run` is timed against.

    /usr/bin/python3 benchmarks/pandas/rss_job.py INPUT.csv OUTDIR [--scheme FILE]

Reads a Reintegration Sustainability Survey CSV export, validates and scores every row by the rules of
docs/methodology.md ("Scoring") with the scheme loaded from its JSON file (rss-15 by default), drops the rows the engine
would reject (docs/inputs.md, "Rejected rows"), and writes

    OUTDIR/returnee_scores.csv  one row per scored survey, scores with 6 decimals
    OUTDIR/aggregates.csv       weighted means of composite / economic / social / psychosocial
                                by country and by country+community

then prints the wall time of each step. pandas 1.5 and numpy only (Debian's /usr/bin/python3).

Everything is vectorised over rows. Columns with few distinct values (answers, dates, weights, countries)
are factorized and their distinct values decoded once, then looked up by code; so every answer is decoded
exactly as the engine does (codes, labels in any scheme language with case/spaces/accents ignored, counts
such as "2" or "2.0"), at the cost of one hash pass per column.
"""
import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import unicodedata  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

T_IMPORTED = time.perf_counter()

DEFAULT_SCHEME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                              "src", "Avrr.Analytics", "Schemes", "rss-15.json")
RECORD_COLUMNS = ["returnee_id", "country", "community", "survey_date", "round", "weight"]
REQUIRED_COLUMNS = ["returnee_id", "country", "survey_date"]
COVERAGE_SLACK = 1e-12   # shares are compared with this slack (3 of 5 equal weights pass a 0.6 rule)
FIELD_SPACE = " \t"      # what the engine trims around record fields
MEASURES = ["composite", "economic", "social", "psychosocial"]


# ----------------------------------------------------------------------------------------------------------
# The scheme
# ----------------------------------------------------------------------------------------------------------

def normalize_answer(text):
    """As the engine compares answers with codes and labels: trimmed, lower case, accents dropped, inner runs
    of spaces made one, typographic apostrophes straight."""
    out, pending = [], False
    for c in unicodedata.normalize("NFD", text.strip()):
        if unicodedata.category(c) == "Mn":
            continue
        if c.isspace():
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append("'" if c in "\u2019\u2018\u02bc" else c.lower())
    return "".join(out)


_COUNT = re.compile(r"([0-9]+)(?:[.,](0+))?")


def parse_count(key):
    """A whole number n >= 0 written with digits and an optional all-zero decimal part ("2", "2.0", "2,00")."""
    m = _COUNT.fullmatch(key)
    return int(m.group(1)) if m else None


class Scale:
    def __init__(self, spec, specials):
        self.id = spec["id"]
        self.count_max = spec["count"]["max"] if "count" in spec else None
        if self.count_max is not None:
            choices = [(str(n), n / self.count_max, {}) for n in range(self.count_max + 1)]
        else:
            choices = [(c["code"], float(c["score"]), c.get("labels", {})) for c in spec["choices"]]
        # Exact spellings first, then normalized ones; the first entry wins, in the engine's order
        # (each choice's code then its labels, then the special answers, which score as missing).
        self.exact, self.normalized = {}, {}
        for code, score, labels in choices:
            for text in [code, *labels.values()]:
                self.exact.setdefault(text, score)
                self.normalized.setdefault(normalize_answer(text), score)
        for code, labels in specials:
            for text in [code, *labels.values()]:
                self.exact.setdefault(text, np.nan)
                self.normalized.setdefault(normalize_answer(text), np.nan)

    def decode(self, text):
        """(score, valid) of one distinct answer: score NaN when missing; valid False when invalid."""
        if text == "":
            return np.nan, True
        if text in self.exact:
            return self.exact[text], True
        key = normalize_answer(text)
        if key == "":
            return np.nan, True
        if key in self.normalized:
            return self.normalized[key], True
        if self.count_max is not None:
            n = parse_count(key)
            if n is not None:
                return min(n, self.count_max) / self.count_max, True
        return np.nan, False


class Scheme:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        options = spec.get("options", {})
        self.min_dimension_coverage = float(options.get("minDimensionCoverage", 0.6))
        self.composite_requires = options.get("compositeRequires", "all")
        self.min_composite_coverage = float(options.get("minCompositeCoverage", 1.0))
        self.composite_from = options.get("compositeFrom", "dimensions")
        default_specials = [{"code": "dk"}, {"code": "refused"}, {"code": "na"}]
        specials = [(s["code"], s.get("labels", {})) for s in spec.get("missingAnswers", default_specials)]
        scales = {s["id"]: Scale(s, specials) for s in spec["scales"]}
        # dimensions: [(id, weight, [(indicator id, weight, composite weight, [(question id, scale, weight)])])]
        self.dimensions = []
        for d in spec["dimensions"]:
            indicators = []
            for i in d["indicators"]:
                questions = [(q["id"], scales[q["scale"]], float(q.get("weight", 1))) for q in i["questions"]]
                weight = float(i.get("weight", 1))
                indicators.append((i["id"], weight, float(i.get("compositeWeight", weight)), questions))
            self.dimensions.append((d["id"], float(d.get("weight", 1)), indicators))
        self.indicators = [i for _, _, inds in self.dimensions for i in inds]
        self.questions = [q for i in self.indicators for q in i[3]]


# ----------------------------------------------------------------------------------------------------------
# Vectorised helpers
# ----------------------------------------------------------------------------------------------------------

def factorize_trimmed(column):
    """Codes and distinct values of a text column after trimming spaces and tabs (values that only differ by
    surrounding spaces get one code). Trims the distinct values, not every row."""
    codes, uniques = pd.factorize(column, sort=False)
    trimmed = pd.Index(uniques).str.strip(FIELD_SPACE)
    merged, distinct = pd.factorize(trimmed, sort=False)
    return merged[codes], np.asarray(distinct, dtype=object)


def lookup(column, decode, dtype):
    """decode() applied to each distinct value of a column, spread back over the rows by code."""
    codes, uniques = pd.factorize(column, sort=False)
    table = np.array([decode(u) for u in uniques], dtype=dtype)
    return table[codes]


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def parse_date(text):
    """yyyy-mm-dd of an ISO 8601 date (optionally with a valid time part, whose date is kept as written), or ''."""
    text = text.strip(FIELD_SPACE)
    m = _ISO_DATE.match(text)
    if not m:
        return ""
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 1 or not 1 <= month <= 12:
        return ""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not 1 <= day <= _DAYS[month - 1] + (1 if month == 2 and leap else 0):
        return ""
    if len(text) > 10:
        if text[10] not in "T ":
            return ""
        try:
            pd.Timestamp(text)
        except (ValueError, OverflowError):
            return ""
    return text[:10]


_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def parse_weight(text):
    """The weight: 1 when empty; NaN when present but not a positive finite number ('.' or ',' decimals)."""
    text = text.strip(FIELD_SPACE)
    if text == "":
        return 1.0
    if "," in text:
        if "." in text or text.count(",") > 1:
            return np.nan
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return np.nan
    value = float(text)
    return value if np.isfinite(value) and value > 0 else np.nan


def weighted_mean_columns(scores, weights):
    """Σ w·s / Σ w over the present entries of each row, summed in column order as the engine does; with
    the total weight of the present entries."""
    total = np.zeros(len(scores[0]))
    weight = np.zeros(len(scores[0]))
    for s, w in zip(scores, weights):
        present = ~np.isnan(s)
        total += np.where(present, w * s, 0.0)
        weight += np.where(present, w, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight > 0, total / weight, np.nan), weight


# ----------------------------------------------------------------------------------------------------------
# The job
# ----------------------------------------------------------------------------------------------------------

def read(path):
    # Every column as text, nothing guessed as NA ("na" and "n/a" are answers or errors to see, not NaN).
    return pd.read_csv(path, sep=",", dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")


def score(df, scheme):
    """Validates the rows (docs/inputs.md, "Rejected rows") and scores the accepted ones (docs/methodology.md, "Scoring"). Returns the scores table and
    the number of rows dropped for each reason (a row may have several)."""
    missing = [c for c in REQUIRED_COLUMNS + [q[0] for q in scheme.questions] if c not in df.columns]
    if missing:
        sys.exit(f"{', '.join(missing)}: missing from the header")
    n = len(df)
    empty = pd.Series("", index=df.index, dtype=object)

    id_codes, id_values = factorize_trimmed(df["returnee_id"])
    round_codes, round_values = factorize_trimmed(df["round"] if "round" in df else empty)
    country_codes, country_values = factorize_trimmed(df["country"])
    community_codes, community_values = factorize_trimmed(df["community"] if "community" in df else empty)
    date_text = lookup(df["survey_date"], parse_date, object)
    weight = lookup(df["weight"] if "weight" in df else empty, parse_weight, np.float64)

    id_ok = (id_values != "")[id_codes]
    country_ok = (country_values != "")[country_codes]
    date_ok = date_text != ""
    weight_ok = ~np.isnan(weight)

    # The same survey (returnee_id + round; + survey_date without a round column) seen earlier in the file:
    # decided on every row with an id, whatever else is wrong with either row, the first one kept.
    second = round_codes if "round" in df else pd.factorize(date_text)[0]
    key = pd.Series(id_codes.astype(np.int64) * (int(second.max(initial=0)) + 1) + second)
    has_key = id_ok if "round" in df else id_ok & date_ok
    duplicate = np.zeros(n, dtype=bool)
    duplicate[has_key] = key[has_key].duplicated(keep="first").to_numpy()

    # Answers: a score per question (NaN when missing), and whether the row holds an invalid answer.
    answer_ok = np.ones(n, dtype=bool)
    question_scores = {}
    for qid, scale, _ in scheme.questions:
        codes, uniques = pd.factorize(df[qid], sort=False)
        decoded = [scale.decode(u) for u in uniques]
        question_scores[qid] = np.array([s for s, _ in decoded], dtype=np.float64)[codes]
        answer_ok &= np.array([v for _, v in decoded], dtype=bool)[codes]

    keep = id_ok & country_ok & date_ok & weight_ok & answer_ok & ~duplicate
    dropped = {"missing returnee_id": int((~id_ok).sum()), "missing country": int((~country_ok).sum()),
               "missing/invalid survey_date": int((~date_ok).sum()), "invalid weight": int((~weight_ok).sum()),
               "invalid answer": int((~answer_ok).sum()), "duplicate survey": int(duplicate.sum()),
               "rows dropped": int((~keep).sum())}

    # Scores of the kept rows: question → indicator → dimension → composite.
    out = pd.DataFrame({
        "returnee_id": id_values[id_codes[keep]],
        "round": round_values[round_codes[keep]],
        "survey_date": date_text[keep],
        "country": country_values[country_codes[keep]],
        "community": np.where(community_values == "", "(unknown)", community_values)[community_codes[keep]],
        "weight": weight[keep],
    })
    indicator_scores = {}
    for iid, _, _, questions in scheme.indicators:
        indicator_scores[iid], _ = weighted_mean_columns([question_scores[q][keep] for q, _, _ in questions],
                                                         [w for _, _, w in questions])
    dimension_scores = {}
    for did, _, indicators in scheme.dimensions:
        s, covered_weight = weighted_mean_columns([indicator_scores[i[0]] for i in indicators], [i[1] for i in indicators])
        share = covered_weight / sum(i[1] for i in indicators)
        dimension_scores[did] = np.where((covered_weight > 0) & (share >= scheme.min_dimension_coverage - COVERAGE_SLACK), s, np.nan)
    dims = [dimension_scores[d[0]] for d in scheme.dimensions]
    dim_weights = [d[1] for d in scheme.dimensions]
    if scheme.composite_from == "indicators":
        composite, _ = weighted_mean_columns([indicator_scores[i[0]] for i in scheme.indicators], [i[2] for i in scheme.indicators])
    else:
        composite, _ = weighted_mean_columns(dims, dim_weights)
    present = np.column_stack([~np.isnan(d) for d in dims])
    if scheme.composite_requires == "all":
        allowed = present.all(axis=1)
    else:
        allowed = present.any(axis=1) & (present @ np.array(dim_weights) / sum(dim_weights)
                                         >= scheme.min_composite_coverage - COVERAGE_SLACK)
    for iid in indicator_scores:
        out["indicator_" + iid] = indicator_scores[iid]
    for did in dimension_scores:
        out[did + "_score"] = dimension_scores[did]
    out["composite_score"] = np.where(allowed, composite, np.nan)
    return out, dropped


def aggregate(scores):
    """Weighted means (Σ w·m / Σ w over the surveys whose m is present) by country and by country+community."""
    columns = {m: ("composite_score" if m == "composite" else m + "_score") for m in MEASURES}
    w = scores["weight"].to_numpy()
    parts = {"country": scores["country"], "community": scores["community"], "n_rows": 1}
    for m, c in columns.items():
        s = scores[c].to_numpy()
        present = ~np.isnan(s)
        parts[m + ".n"] = present.astype(np.int64)
        parts[m + ".w"] = np.where(present, w, 0.0)
        parts[m + ".ws"] = np.where(present, w * s, 0.0)
    sums = pd.DataFrame(parts)
    tables = []
    for level, keys in [("country", ["country"]), ("country+community", ["country", "community"])]:
        g = sums.drop(columns=[c for c in ["country", "community"] if c not in keys]).groupby(keys, sort=True).sum()
        for m in MEASURES:
            t = pd.DataFrame({"n_rows": g["n_rows"], "n": g[m + ".n"], "weight_sum": g[m + ".w"]}, index=g.index)
            t["mean"] = (g[m + ".ws"] / g[m + ".w"]).where(g[m + ".w"] > 0)
            t = t.reset_index()
            t.insert(0, "level", level)
            t.insert(len(keys) + 1, "measure", m)
            tables.append(t)
    result = pd.concat(tables, ignore_index=True)
    result["community"] = result["community"].fillna("")
    return result[["level", "country", "community", "measure", "n_rows", "n", "weight_sum", "mean"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("outdir")
    parser.add_argument("--scheme", default=DEFAULT_SCHEME)
    args = parser.parse_args()
    scheme = Scheme(args.scheme)
    os.makedirs(args.outdir, exist_ok=True)
    times = {"import": T_IMPORTED - T_START}

    t = time.perf_counter()
    df = read(args.input)
    times["read"] = time.perf_counter() - t

    t = time.perf_counter()
    scores, dropped = score(df, scheme)
    rows_read = len(df)
    del df
    times["score"] = time.perf_counter() - t

    t = time.perf_counter()
    aggregates = aggregate(scores)
    times["aggregate"] = time.perf_counter() - t

    t = time.perf_counter()
    scores.to_csv(os.path.join(args.outdir, "returnee_scores.csv"), index=False, float_format="%.6f")
    aggregates.to_csv(os.path.join(args.outdir, "aggregates.csv"), index=False, float_format="%.17g")
    times["write"] = time.perf_counter() - t

    total = time.perf_counter() - T_START
    print(f"rows read {rows_read:,}, scored {len(scores):,}, dropped {rows_read - len(scores):,}")
    print("  drop reasons (a row may have several): "
          + ", ".join(f"{k} {v:,}" for k, v in dropped.items() if k != "rows dropped"))
    for step, seconds in times.items():
        print(f"{step:>10}: {seconds:8.3f} s")
    print(f"{'total':>10}: {total:8.3f} s  (wall, process start to end of writing)")


if __name__ == "__main__":
    main()
