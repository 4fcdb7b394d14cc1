"""Writes the fixtures of malformed rows and refused files (../Data). Run: /usr/bin/python3 make_malformed.py

Each file is small and named for its case; the tests (Reading/RejectFixtureTests.cs, Reading/RefusedInputTests.cs)
say which rows and columns are expected to be rejected, from what is written here.
"""
import os
import random
import zipfile

from surveys import QUESTIONS, RECORD

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data")
QIDS = [q[0] for q in QUESTIONS]
HEADER = RECORD + QIDS                                      # returnee_id,...,sex, then the 29 questions
# A complete set of valid answers ("good" everywhere; composite 0.825/0.85/0.825 as S7 of surveys.py).
GOOD = ["4", "rarely", "yes", "rarely", "debt_below_spending", "yes", "good", "yes", "3",
        "good", "good", "yes", "yes", "good", "good", "good", "good", "good", "yes",
        "often", "yes", "agree", "rarely", "agree", "rarely", "rarely", "no", "agree", "no"]


def row(rid, country="SEN", community="Dakar", date="2026-07-14", rnd="baseline", weight="1", sex="female", **answers):
    values = list(GOOD)
    for qid, value in answers.items():
        values[QIDS.index(qid)] = value
    return [rid, country, community, date, rnd, weight, sex] + values


def quote(field):
    if any(c in field for c in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write(name, lines, newline="\n"):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write((line if isinstance(line, str) else ",".join(quote(x) for x in line)) + newline)


header = ",".join(HEADER)

# RFC 4180: separators, quotes and line breaks inside quoted fields. 'note' is an attribute column.
write("quoted-newlines.csv", [
    ",".join(HEADER + ["note"]),
    row("R201", community="Saint-Louis, quartier Nord") + ['first line\nsecond line, with a comma'],
    row("R202") + ['he said ""bonjour"", then left\r\nthird line'.replace('""', '"')],
    row("R203", can_borrow="maybe") + ["after two multi-line rows"],
])

# A row with too few fields (row 3), and one with too many (an unquoted comma in the community, row 3).
short = row("R212")
write("too-few-fields.csv", [header, row("R211"), ",".join(short[:-2]), row("R213")])
write("too-many-fields.csv", [header, row("R221"),
                              ",".join(row("R222", community="Saint-Louis, Nord")),   # not quoted: 37 fields
                              row("R223")])

# Refused files.
open(os.path.join(DATA, "empty.csv"), "wb").close()
write("header-only.csv", [header])
rng = random.Random(20260714)
garbage = bytes(rng.randrange(256) for _ in range(512))
garbage = garbage[:40] + b"\x00\x00" + garbage[42:]            # NUL bytes, whatever the seed gives
with open(os.path.join(DATA, "binary-garbage.csv"), "wb") as f:
    f.write(garbage)
missing = [("survey_dat" if h == "survey_date" else "income_source" if h == "income_sources" else h) for h in HEADER]
write("missing-required-column.csv", [",".join(missing), row("R231")])
write("two-headers-one-id.csv", [",".join(HEADER + ["grp_eco/econ_satisfaction"]), row("R241") + ["4"]])
write("not-a-workbook.xlsx", [header, row("R251")])                # a CSV saved under a workbook's name
write("unknown-format.json", ['{"returnee_id": "R252"}'])
with open(os.path.join(DATA, "truncated.parquet"), "wb") as f:
    f.write(b"PAR1" + bytes(rng.randrange(256) for _ in range(60)))   # a Parquet start, then nothing usable
with open(os.path.join(DATA, "old-excel.xls"), "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(56))             # the OLE2 signature of .xls
with zipfile.ZipFile(os.path.join(DATA, "kobo-attachments.zip"), "w") as z:
    z.writestr("photo.txt", "not a survey")

# One fixture per reject reason (RejectReason.cs). Rows 2.. are data rows; the comments give the expected rejects.
write("reject-missing-value.csv", [
    header,
    row("R301"),                          # row 2: valid
    row("R302", country=""),              # row 3: country empty
    row(""),                              # row 4: returnee_id empty
    row("R304", date=""),                 # row 5: survey_date empty
    row("R305", country="   "),           # row 6: country only spaces
])
write("reject-invalid-date.csv", [
    header,
    row("R311", date="2026-13-01"),                      # row 2: month 13
    row("R312", date="14/07/2026"),                      # row 3: not ISO 8601 (needs --date-format)
    row("R313", date="2026-02-30"),                      # row 4: no 30 February
    row("R314", date="2026-07-14T10:22:31.000+01:00"),   # row 5: valid, with a time part
    row("R315", date="2026-07-14T25:61:00"),             # row 6: not a time
    row("R316", date="2026-07-14 10:22"),                # row 7: valid, space before the time
])
write("reject-invalid-answer.csv", [
    header,
    row("R321", econ_satisfaction="6"),                  # row 2: not a satisfaction5 code
    row("R322"),                                         # row 3: valid
    row("R323", can_borrow="maybe", job_access="Very god"),   # row 4: two invalid answers
    row("R324", income_sources="2.5"),                   # row 5: a count must be whole
    row("R325", feel_part_of_community="Tout à fait d’accord", econ_satisfaction="Très satisfait"),  # row 6: valid labels
])
write("reject-invalid-weight.csv", [
    header,
    row("R331", weight="0"),            # row 2
    row("R332", weight="-1"),           # row 3
    row("R333", weight="n/a"),          # row 4
    row("R334", weight="1,234.5"),      # row 5: thousands separator refused
    row("R335", weight="1,25"),         # row 6: valid, decimal comma
    row("R336", weight="2.5"),          # row 7: valid
    row("R337", weight="1e999"),        # row 8: not finite
    row("R338", weight=""),             # row 9: valid, 1
])
write("reject-duplicate-survey.csv", [
    header,
    row("R341"),                                   # row 2: first baseline, kept
    row("R341", rnd="follow_up", date="2027-01-10"),   # row 3: another round, kept
    row("R341", date="2026-07-20"),                # row 4: baseline again -> duplicate of row 2
    row("R342"),                                   # row 5
    row(" R342 "),                                 # row 6: same id with spaces -> duplicate of row 5
])
write("reject-duplicate-survey-no-round.csv", [
    ",".join(h for h in HEADER if h != "round"),
    [x for i, x in enumerate(row("R351")) if i != 4],                               # row 2
    [x for i, x in enumerate(row("R351", date="2026-07-14T16:00:00")) if i != 4],  # row 3: same date -> duplicate
    [x for i, x in enumerate(row("R351", date="2026-10-02")) if i != 4],           # row 4: another date, kept
])
write("reject-field-count.csv", [header, row("R361"), ",".join(row("R362")[:10]), ",".join(row("R363") + ["extra"])])
write("reject-malformed-row.csv", [
    header,
    row("R371"),                                                # row 2
    row("R372"),                                                # row 3
    ",".join(row("R373")).replace(",Dakar,", ',"Dakar,', 1),    # row 4: a quote never closed
    row("R374"),                                                # swallowed by row 4's open quote
])
write("reject-missing-design-value.csv", [
    ",".join(HEADER + ["cluster_id", "stratum"]),
    row("R381") + ["C1", "S1"],        # row 2
    row("R382") + ["", "S1"],          # row 3: cluster empty
    row("R383") + ["C2", ""],          # row 4: stratum empty
    row("R384") + ["C2", "S2"],        # row 5
])
write("blank-rows.csv", [
    header,
    row("R391"),                       # row 2
    "," * (len(HEADER) - 1),           # row 3: every field empty
    "",                                # a blank line: not a row
    row("R393"),                       # row 4
])
write("several-reasons-one-row.csv", [
    header,
    row("R401"),                                                                  # row 2: valid
    row("R402", country="", date="2026-99-99", weight="-2", can_borrow="peut-être", feels_safe="7"),  # row 3: five problems
])
write("date-format-dmy.csv", [
    header,
    row("R411", date="14/07/2026"),     # row 2
    row("R412", date="01/10/2026"),     # row 3: 1 October
    row("R413", date="2026-07-14"),     # row 4: ISO, read beside dd/MM/yyyy
])
write("column-mapping.csv", [
    ",".join(["case_number"] + HEADER[1:5] + ["weight", "poids", "sex"] + QIDS),
    ["R421"] + row("R421")[1:5] + ["9", "1.5", "female"] + GOOD,
    ["R422"] + row("R422")[1:5] + ["9", "0.5", "male"] + GOOD,
])
# A NUL in a field rejects its row (one in 1,000 bytes or more, or one in the header, would make the file "not text").
write("reject-nul-byte.csv", [
    header,
    row("R431"),                       # row 2
    row("R432", sex="fe\0male"),       # row 3: a NUL inside sex
    row("R433"),                       # row 4
    row("R434"),                       # row 5
    row("R435"),                       # row 6
])
write("reject-key-too-long.csv", [
    header,
    row("R441"),                       # row 2
    row("R" + "4" * 1000),             # row 3: an id of 1,001 characters
    row("R443", rnd="b" * 1001),       # row 4: a round of 1,001 characters
    row("R" + "4" * 999),              # row 5: an id of 1,000 characters, the longest kept
])
write("reject-field-too-long.csv", [
    header,
    row("R451"),                                            # row 2
    row("R452", sex="x" * 32768),                           # row 3: an attribute of 32,768 characters, one too many
    row("R453", econ_satisfaction="5" * 40000),             # row 4: an answer of 40,000 characters
    row("R454", sex="y" * 32767),                           # row 5: 32,767 characters, the longest read
    row("R455", sex="\u00e9" * 20000),                      # row 6: 20,000 characters in 40,000 bytes: read
    row("R452", rnd="followup"),                            # row 7: R452's other survey, no duplicate of the rejected one
])
print("written")
