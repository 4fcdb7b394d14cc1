"""Writes the fixtures shaped like real KoboToolbox / ODK exports (../Data). Run: /usr/bin/python3 make_field_exports.py

Each file is small and named for its case; the tests (Reading/KoboExportTests.cs, Reading/DateFormsTests.cs,
Runs/SubmissionKeysTests.cs, Runs/PeriodTests.cs, Runs/SpellingsAndRecodeTests.cs, Runs/InterviewCheckTests.cs)
say what is expected of each from what is written here, never from the engine's output.
Every survey answers GOOD (composite 0.825, as S7 of surveys.py) unless a row says otherwise.
"""
import csv
import io
import os
import zipfile

from surveys import QUESTIONS

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data")
QIDS = [q[0] for q in QUESTIONS]
GROUP = {q[0]: q[2] for q in QUESTIONS}
GOOD = ["4", "rarely", "yes", "rarely", "debt_below_spending", "yes", "good", "yes", "3",
        "good", "good", "yes", "yes", "good", "good", "good", "good", "good", "yes",
        "often", "yes", "agree", "rarely", "agree", "rarely", "rarely", "no", "agree", "no"]


def answers(**changes):
    values = list(GOOD)
    for qid, value in changes.items():
        values[QIDS.index(qid)] = value
    return values


def write_csv(name, header, rows, delimiter=",", quoting=csv.QUOTE_MINIMAL):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


# 1. A Kobo export "XML values and headers" of a form with two select_multiple questions whose options share
#    a name (autre), two free-text "other, specify" columns that share a name, the form's start/end, an
#    enumerator column, Kobo's bookkeeping and the returnee id under the form's own name (id_beneficiaire).
#    Kobo quotes every field and separates with ';'.
KOBO_HEADER = (["start", "end", "today", "deviceid", "grp_profile/id_beneficiaire", "grp_profile/country", "grp_profile/community",
                "grp_profile/survey_date", "grp_profile/round", "grp_profile/sex", "grp_profile/enumerator"]
               + [GROUP[q] + "/" + q for q in QIDS]
               + ["grp_eco/sources_revenu", "grp_eco/sources_revenu/agriculture", "grp_eco/sources_revenu/commerce", "grp_eco/sources_revenu/autre",
                  "grp_eco/autre_precision",
                  "grp_assist/assistance_recue", "grp_assist/assistance_recue/formation", "grp_assist/assistance_recue/autre",
                  "grp_assist/autre_precision",
                  "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"])


def kobo_row(rid, date, start, end, enumerator, sub_id, uuid, submitted, rnd="baseline", country="SEN", community="Dakar", sex="female",
             sources="agriculture commerce", assistance="formation", **changes):
    src = sources.split()
    ass = assistance.split()
    return ([start, end, date, "collect:abc123", rid, country, community, date, rnd, sex, enumerator]
            + answers(**changes)
            + [sources, "1" if "agriculture" in src else "0", "1" if "commerce" in src else "0", "1" if "autre" in src else "0",
               "vente de charbon" if "autre" in src else "",
               assistance, "1" if "formation" in ass else "0", "1" if "autre" in ass else "0", "",
               sub_id, uuid, submitted, "", "", "submitted_via_web", "", "vQ3aZ", "", sub_id[-1]])


KOBO_ROWS = [
    # row 2: R501, a 25-minute interview.
    kobo_row("R501", "2025-07-14", "2025-07-14T09:00:00.000+00:00", "2025-07-14T09:25:00.000+00:00", "enq_A",
             "101", "0b7f3a52-0001-4c1e-9d3a-1a2b3c4d5e01", "2025-07-14T09:30:11"),
    # row 3: R502, an invalid answer (can_borrow 'maybe'): rejected, with its _id, _uuid and _submission_time in rejects.csv.
    kobo_row("R502", "2025-07-14", "2025-07-14T10:00:00.000+00:00", "2025-07-14T10:20:00.000+00:00", "enq_A",
             "102", "0b7f3a52-0002-4c1e-9d3a-1a2b3c4d5e02", "2025-07-14T10:25:40", can_borrow="maybe", sources="autre"),
    # row 4: R503, a 3-minute interview (too short), by enq_B on 2025-07-15.
    kobo_row("R503", "2025-07-15", "2025-07-15T11:00:00.000+00:00", "2025-07-15T11:03:00.000+00:00", "enq_B",
             "103", "0b7f3a52-0003-4c1e-9d3a-1a2b3c4d5e03", "2025-07-15T11:05:00", assistance="formation autre"),
    # row 5: R504's baseline, first submission, econ_satisfaction 1 (composite differs from the correction below).
    kobo_row("R504", "2025-07-15", "2025-07-15T12:00:00.000+01:00", "2025-07-15T12:02:00.000+01:00", "enq_B",
             "104", "0b7f3a52-0004-4c1e-9d3a-1a2b3c4d5e04", "2025-07-16T08:00:00", econ_satisfaction="1"),
    # row 6: R505, 30 minutes.
    kobo_row("R505", "2025-07-16", "2025-07-16T09:00:00.000+00:00", "2025-07-16T09:30:00.000+00:00", "enq_A",
             "105", "0b7f3a52-0005-4c1e-9d3a-1a2b3c4d5e05", "2025-07-16T09:31:00", sex="male"),
    # row 7: R504's baseline sent again as a correction (econ_satisfaction 5), submitted later; a 4-minute interview by enq_B.
    kobo_row("R504", "2025-07-15", "2025-07-15T12:10:00.000+01:00", "2025-07-15T12:14:00.000+01:00", "enq_B",
             "106", "0b7f3a52-0006-4c1e-9d3a-1a2b3c4d5e06", "2025-07-17T14:00:00", econ_satisfaction="5"),
]
write_csv("kobo-select-multiple.csv", KOBO_HEADER, KOBO_ROWS, delimiter=";", quoting=csv.QUOTE_ALL)

# 2. The same form exported with labels for headers (Kobo's default "Labels" format): the question wording.
LABEL_HEADER = (["start", "end", "Identifiant du bénéficiaire", "Pays", "Communauté", "Date de l'entretien", "Tour", "Sexe",
                 "Dans quelle mesure êtes-vous satisfait(e) de votre situation économique actuelle ?",
                 "À quelle fréquence avez-vous réduit la quantité ou la qualité de la nourriture que vous mangez à cause de son coût ?"]
                + [f"Question {i} du formulaire de réintégration ?" for i in range(3, 30)] + ["_id", "_uuid"])
write_csv("kobo-labels-headers.csv", LABEL_HEADER,
          [["2025-07-14T09:00:00", "2025-07-14T09:25:00", "R601", "Sénégal", "Dakar", "2025-07-14", "baseline", "Femme"]
           + ["Satisfait"] * 29 + ["201", "c1"]], delimiter=";", quoting=csv.QUOTE_ALL)

# 3. A cumulative export over three quarters (2025-Q1 to Q3), one file as Kobo gives it every quarter.
PLAIN = ["returnee_id", "country", "community", "survey_date", "round", "weight", "sex"] + QIDS
CUMULATIVE = [
    ["R701", "SEN", "Dakar", "2025-01-20", "baseline", "1", "female"] + answers(),          # row 2: Q1
    ["R702", "SEN", "Dakar", "2025-02-11", "baseline", "1", "male"] + answers(),            # row 3: Q1
    ["R703", "GIN", "Conakry", "2025-05-02", "baseline", "1", "female"] + answers(),        # row 4: Q2
    ["R701", "SEN", "Dakar", "2025-07-21", "follow_up", "1", "female"] + answers(),         # row 5: Q3, R701's follow-up
    ["R704", "GIN", "Conakry", "2025-08-30", "baseline", "1", "male"] + answers(can_borrow="maybe"),   # row 6: Q3, rejected
    ["R705", "SEN", "Thiès", "2025-09-30", "baseline", "1", "female"] + answers(),          # row 7: Q3, last day
    ["R706", "SEN", "Thiès", "2025-10-01", "baseline", "1", "female"] + answers(),          # row 8: Q4, first day
]
write_csv("kobo-cumulative-quarters.csv", PLAIN, CUMULATIVE)

# 4. Dates in several forms: ISO, Kobo's ISO with time and zone, dd/MM/yyyy (read with the date format), and
#    a survey dated in 2099 (after any run's date).
write_csv("mixed-date-forms.csv", PLAIN, [
    ["R801", "SEN", "Dakar", "2025-07-14", "baseline", "1", "female"] + answers(),                      # row 2: ISO
    ["R802", "SEN", "Dakar", "2025-07-15T23:30:00.000-05:00", "baseline", "1", "female"] + answers(),   # row 3: Kobo, kept 15 July
    ["R803", "SEN", "Dakar", "16/07/2025", "baseline", "1", "female"] + answers(),                      # row 4: dd/MM/yyyy
    ["R804", "SEN", "Dakar", "2099-01-01", "baseline", "1", "female"] + answers(),                      # row 5: after the run's date
])
# 5. An Excel re-save: every date written day first; 13/07 and 31/07 show it is day first.
write_csv("dates-day-first.csv", PLAIN, [
    ["R811", "SEN", "Dakar", "13/07/2025", "baseline", "1", "female"] + answers(),
    ["R812", "SEN", "Dakar", "31/07/2025", "baseline", "1", "female"] + answers(),
    ["R813", "SEN", "Dakar", "05/08/2025", "baseline", "1", "female"] + answers(),
])
# 6. Spellings of one place: Senegal three ways, Dakar two ways.
write_csv("spellings-of-one-place.csv", PLAIN, [
    ["R901", "Senegal", "Dakar", "2025-07-14", "baseline", "1", "female"] + answers(),
    ["R902", "Sénégal", "Dakar", "2025-07-14", "baseline", "1", "female"] + answers(),
    ["R903", "sénégal", "dakar ", "2025-07-14", "baseline", "1", "female"] + answers(),
    ["R904", "Senegal", "DAKAR", "2025-07-14", "baseline", "1", "male"] + answers(),
    ["R905", "Guinée", "Conakry", "2025-07-14", "baseline", "1", "male"] + answers(),
])


# 7. An XLSX export whose survey_date cells are Excel serial numbers without a date style (45852 = 2025-07-14),
#    written by hand as the smallest OOXML package (inline strings), so that no spreadsheet library is involved.
def cell_ref(col, row):
    name = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        name = chr(65 + r) + name
    return f"{name}{row}"


def xlsx(name, rows):
    def cell(col, row, value):
        ref = cell_ref(col, row)
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, values in enumerate(rows, start=1):
        sheet.append(f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(values)) + "</row>")
    sheet.append("</sheetData></worksheet>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    with zipfile.ZipFile(os.path.join(DATA, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2025, 7, 14, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def numeric(values):
    return [int(v) if v.isdigit() else v for v in values]


xlsx("xlsx-serial-dates.xlsx", [
    PLAIN,
    ["R821", "SEN", "Dakar", 45852, "baseline", 1, "female"] + numeric(answers()),       # 45852: 2025-07-14
    ["R822", "SEN", "Dakar", 45853.4375, "baseline", 1, "female"] + numeric(answers()),  # 2025-07-15 10:30
    ["R823", "SEN", "Dakar", "2025-07-16", "baseline", 1, "female"] + numeric(answers()),  # a text date
])
