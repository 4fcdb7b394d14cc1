#!/usr/bin/python3
"""Checks rss_job.py's outputs against `avrr run --formats csv` on the same input.

    /usr/bin/python3 benchmarks/pandas/compare_with_avrr.py PANDAS_OUTDIR AVRR_OUTDIR

- row sets: the same (returnee_id, round) surveys, in the same order;
- scores: every indicator, dimension and composite column compared as the 6-decimal strings both write;
- means: aggregates.csv `mean` by level, group and measure, compared to 1e-9 (the engine withholds the
  statistics of cells with fewer than min-cell surveys; those are counted, not compared).
Exit 1 on any difference.
"""
import os
import sys

import numpy as np
import pandas as pd


def main():
    mine_dir, avrr_dir = sys.argv[1], sys.argv[2]
    read = dict(dtype=str, keep_default_na=False, na_filter=False)
    mine = pd.read_csv(os.path.join(mine_dir, "returnee_scores.csv"), **read)
    avrr = pd.read_csv(os.path.join(avrr_dir, "returnee_scores.csv"), **read)
    key = ["returnee_id", "round"]
    problems = 0

    print(f"rows: pandas {len(mine):,}, avrr {len(avrr):,}")
    both = mine.merge(avrr, on=key, how="outer", suffixes=("", "_avrr"), indicator=True)
    only = both["_merge"].value_counts()
    print(f"  only in pandas {only.get('left_only', 0):,}, only in avrr {only.get('right_only', 0):,}")
    problems += only.get("left_only", 0) + only.get("right_only", 0)
    same_order = len(mine) == len(avrr) and (mine[key].to_numpy() == avrr[key].to_numpy()).all()
    print(f"  same order: {same_order}")
    problems += not same_order

    both = both[both["_merge"] == "both"]
    score_columns = [c for c in mine.columns if c.startswith("indicator_") or c.endswith("_score")]
    for c in ["survey_date", "country", "community"] + score_columns:
        differ = both[c] != both[c + "_avrr"]
        if differ.any():
            problems += int(differ.sum())
            print(f"  {c}: {int(differ.sum())} rows differ, e.g.")
            print(both.loc[differ, key + [c, c + "_avrr"]].head(5).to_string(index=False))
    weight_differ = ~np.isclose(both["weight"].astype(float), both["weight_avrr"].astype(float), rtol=0, atol=5e-7)
    problems += int(weight_differ.sum())
    print(f"scores: {len(score_columns)} columns x {len(both):,} rows compared as strings; "
          f"{'all identical' if problems == 0 else 'differences above'}")

    mine_agg = pd.read_csv(os.path.join(mine_dir, "aggregates.csv"), keep_default_na=False, na_values=[""])
    avrr_agg = pd.read_csv(os.path.join(avrr_dir, "aggregates.csv"), keep_default_na=False, na_values=[""])
    avrr_agg = avrr_agg[avrr_agg["level"].isin(["country", "country+community"])]
    group = ["level", "country", "community", "measure"]
    agg = mine_agg.merge(avrr_agg[group + ["n", "mean", "suppressed"]], on=group, how="outer",
                         suffixes=("", "_avrr"), indicator=True)
    unmatched = int((agg["_merge"] != "both").sum())
    agg = agg[agg["_merge"] == "both"]
    suppressed = agg["suppressed"].astype(str).str.lower() == "true"
    compared = agg[~suppressed]
    diff = (compared["mean"] - compared["mean_avrr"]).abs()
    n_differ = int((compared["n"] != compared["n_avrr"]).sum())
    print(f"means: {len(compared)} cells compared ({int(suppressed.sum())} suppressed by the engine, "
          f"{unmatched} without a partner); max |difference| {diff.max():.3g}; n differs in {n_differ}")
    country = compared[(compared["level"] == "country") & (compared["measure"] == "composite")]
    print(country[["country", "n", "mean", "mean_avrr"]].to_string(index=False,
                                                                  float_format=lambda v: f"{v:.15f}"))
    problems += unmatched + n_differ + int((diff > 1e-9).sum())
    print("OK" if problems == 0 else f"{problems} differences")
    sys.exit(0 if problems == 0 else 1)


if __name__ == "__main__":
    main()
