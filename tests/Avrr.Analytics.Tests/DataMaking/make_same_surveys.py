"""Writes the "same surveys, different format" text fixtures and the XLSX from surveys.py.

Run with the system Python (which has openpyxl):  /usr/bin/python3 make_same_surveys.py
Output goes to ../Data. The Parquet file is written by make_parquet.mjs (DuckDB), the
LibreOffice copy of the workbook by make_binary.sh.
"""
import csv
import datetime
import io
import os

import openpyxl
import openpyxl.styles

from surveys import QUESTIONS, RECORD, SURVEYS, label, weight_text

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data")
QIDS = [q[0] for q in QUESTIONS]


def write_text(name, rows, delimiter, encoding, newline, bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(DATA, name), "wb") as f:
        f.write(data)


def plain_rows(answer=lambda scale, code: code, weight=lambda w: weight_text(w), count=lambda c: c):
    rows = [RECORD + QIDS]
    for rid, country, community, date, rnd, w, sex, answers in SURVEYS:
        row = [rid, country, community, date, rnd, weight(w), sex]
        for (qid, scale, _), code in zip(QUESTIONS, answers):
            row.append(count(code) if scale == "count0to3" and code not in ("", "dk", "refused", "na") else answer(scale, code))
        rows.append(row)
    return rows


# plain.csv: the ids as headers, codes, ',' separated, '.' decimals, UTF-8 without BOM, LF.
write_text("plain.csv", plain_rows(), ",", "utf-8", "\n")

# plain-tab.tsv: the same, tab separated (Excel's "Text (Tab delimited)").
write_text("plain-tab.tsv", plain_rows(), "\t", "utf-8", "\n")

# excel-unicode-text-utf16.txt: Excel's "Unicode Text": UTF-16 LE with BOM, tab separated, CRLF.
write_text("excel-unicode-text-utf16.txt", plain_rows(), "\t", "utf-16", "\r\n")   # 'utf-16' writes the BOM

# windows-1252-fr.csv: French labels (é, è, à, ’), ';' separated, ',' decimals, CRLF, saved as cp1252
# the way Excel (French Windows) saves "CSV (séparateur : point-virgule)".
write_text("windows-1252-fr.csv",
           plain_rows(answer=lambda s, c: label(s, c, "fr"), weight=lambda w: weight_text(w, ",")),
           ";", "cp1252", "\r\n")

# kobo-fr-semicolon-bom.csv: a KoboToolbox CSV export "labels (French)", group paths in headers (any depth),
# Kobo's bookkeeping columns, a personal-data column, ';' separated, UTF-8 with BOM, CRLF,
# decimal commas in weight (1,25) and income_sources (2,0), quoted fields with ';' and a line break.
kobo_record = ["grp_id/returnee_id", "grp_id/respondent_name", "grp_id/country", "grp_id/community",
               "grp_id/survey_date", "grp_id/round", "grp_id/weight", "grp_profile/sex"]
kobo_questions = [f"{path}/{qid}" for qid, _, path in QUESTIONS]
kobo_tail = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index"]
names = ["Diallo; Aminata", "Ndiaye Moussa", "Camara, Fatoumata", "Bah Ibrahima", "Traoré Awa",
         "Keïta Seydou", "Diallo; Aminata", "Kouassi Aya"]
rows = [["start", "end", "today"] + kobo_record + kobo_questions + kobo_tail]
for i, (rid, country, community, date, rnd, w, sex, answers) in enumerate(SURVEYS):
    start = f"{date}T09:{10 + i:02d}:05.481+00:00"
    end = f"{date}T09:{40 + i:02d}:51.002+00:00"
    row = [start, end, date, rid, names[i], country, community, date, rnd, weight_text(w, ","), sex]
    for (qid, scale, _), code in zip(QUESTIONS, answers):
        if scale == "count0to3" and code not in ("", "dk", "refused", "na"):
            row.append(code + ",0")
        else:
            text = label(scale, code, "fr")
            # Kobo keeps labels as typed; matching ignores case and accents.
            if i == 5 and qid == "feel_part_of_community":
                text = "TOUT A FAIT D'ACCORD"
            row.append(text)
    notes = "Entretien à domicile;\nreprise le lendemain" if i == 2 else ""
    row += [str(41207310 + i), f"3f1c2a6e-0b7d-4a51-9c3e-{i:012d}", f"{date}T10:02:17", "", notes,
            "submitted_via_web", "enqueteur_sen", "vQbN7pXz4e", "", str(i + 1)]
    rows.append(row)
write_text("kobo-fr-semicolon-bom.csv", rows, ";", "utf-8", "\r\n", bom=True)

# odk-en-comma.csv: an ODK Central CSV export: '-' group paths, English codes, ODK's bookkeeping columns
# (SubmissionDate, meta-instanceID, KEY, ...), a personal-data column (phone), survey_date with a time part
# for two surveys (the date is kept as written, not moved to UTC), a header in another case.
odk_record = ["grp_id-returnee_id", "grp_id-phone", "grp_id-country", "grp_id-community", "grp_id-survey_date",
              "grp_id-round", "grp_id-weight", "grp_profile-sex"]
odk_questions = [f"{path.replace('/', '-')}-{qid}" for qid, _, path in QUESTIONS]
odk_questions[QIDS.index("job_access")] = "grp_eco-grp_work-Job_Access"
odk_head = ["SubmissionDate", "start", "end", "today", "deviceid"]
odk_tail = ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
            "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
rows = [odk_head + odk_record + odk_questions + odk_tail]
times = {0: "2026-07-14T10:22:31.000+01:00", 1: "2026-07-15T00:30:00.000+02:00"}
for i, (rid, country, community, date, rnd, w, sex, answers) in enumerate(SURVEYS):
    uuid = f"uuid:9b2d4e10-5f3a-4c6b-8e21-{i:012d}"
    row = [f"{date}T11:05:00.000Z", f"{date}T09:01:00.000+00:00", f"{date}T09:31:00.000+00:00", date,
           f"collect:Xy{i}Qa", rid, f"+22177000{i:04d}", country, community, times.get(i, date), rnd,
           weight_text(w), sex]
    row += answers
    row += [uuid, uuid, str(5 + i % 2), "enumerator", "0", "0", "", "approved" if i % 3 else "", "collect:Xy", "0", "2026071401"]
    rows.append(row)
write_text("odk-en-comma.csv", rows, ",", "utf-8", "\n")

# kobo-export.xlsx: a KoboToolbox XLSX export ("XML values and headers"): group paths, codes, numeric cells for
# the satisfaction codes, income_sources and weight, a real date cell for survey_date, datetime cells for start/end;
# a second sheet as Kobo writes for a repeat group.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "RSS retour 2026"
ws.append(["start", "end"] + kobo_record + kobo_questions + ["_id", "_uuid", "_submission_time", "_index"])
for i, (rid, country, community, date, rnd, w, sex, answers) in enumerate(SURVEYS):
    d = datetime.date.fromisoformat(date)
    row = [datetime.datetime(d.year, d.month, d.day, 9, 10 + i, 5), datetime.datetime(d.year, d.month, d.day, 9, 40 + i, 51),
           rid, names[i], country, community or None, datetime.datetime(d.year, d.month, d.day), rnd, w, sex]
    for (qid, scale, _), code in zip(QUESTIONS, answers):
        if scale in ("satisfaction5", "count0to3") and code.isdigit():
            row.append(int(code))
        else:
            row.append(code or None)
    row += [41207310 + i, f"3f1c2a6e-0b7d-4a51-9c3e-{i:012d}", datetime.datetime(d.year, d.month, d.day, 10, 2, 17), i + 1]
    ws.append(row)
for cell in ws["G"][1:]:            # grp_id/survey_date shown as a date
    cell.number_format = "yyyy-mm-dd"
for column in ("A", "B"):
    for cell in ws[column][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
repeat = wb.create_sheet("grp_children")
repeat.append(["child_age", "child_in_school", "_index", "_parent_table_name", "_parent_index"])
repeat.append([7, "yes", 1, "RSS retour 2026", 1])
repeat.append([12, "no", 2, "RSS retour 2026", 2])
wb.save(os.path.join(DATA, "kobo-export.xlsx"))

# xlsx-data-on-second-sheet.xlsx: a workbook whose first sheet is a note for people and whose second sheet holds the
# surveys (plain ids, codes as text): read with --sheet.
wb = openpyxl.Workbook()
readme = wb.active
readme.title = "Lisez-moi"
readme.append(["Export RSS, deuxième trimestre. Les données sont sur la feuille « données »."])
data = wb.create_sheet("données")
for row in plain_rows():
    data.append(row)
wb.save(os.path.join(DATA, "xlsx-data-on-second-sheet.xlsx"))

# xlsx-blank-and-extra-cells.xlsx: what people do to a sheet: a blank row between surveys, a value typed past the last
# column of the header, and formatted but empty cells below the data (Excel keeps them in the file).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Feuil1"
header = plain_rows()[0]
ws.append(header)
ws.append(plain_rows()[1])                         # row 2: R001, valid
ws.append([])                                      # row 3: blank
ws.append(plain_rows()[2] + ["oops"])              # row 4: R002 with a value past the header
ws.append(plain_rows()[3])                         # row 5: R003, valid
for r in range(6, 10):                             # rows 6-9: formatted, no value
    for c in range(1, 5):
        ws.cell(row=r, column=c).fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")
wb.save(os.path.join(DATA, "xlsx-blank-and-extra-cells.xlsx"))

# parquet-rows.sql: the rows for make_parquet.mjs (DuckDB), with typed columns.
def sql(v):
    if v is None or v == "":
        return "NULL"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + v.replace("'", "''") + "'"

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "parquet-rows.sql"), "w", encoding="utf-8") as f:
    columns = ["returnee_id VARCHAR", "country VARCHAR", "community VARCHAR", "survey_date DATE", "round VARCHAR",
               "weight DOUBLE", "sex VARCHAR"]
    for qid, scale, _ in QUESTIONS:
        columns.append(f"{qid} {'INTEGER' if scale in ('satisfaction5', 'count0to3') else 'VARCHAR'}")
    f.write("CREATE TABLE surveys (" + ", ".join(columns) + ");\n")
    for rid, country, community, date, rnd, w, sex, answers in SURVEYS:
        values = [sql(rid), sql(country), sql(community), f"DATE '{date}'", sql(rnd), sql(w), sql(sex)]
        for (qid, scale, _), code in zip(QUESTIONS, answers):
            if scale in ("satisfaction5", "count0to3"):
                values.append(code if code.isdigit() else "NULL")   # dk in a numeric column is a missing value
            else:
                values.append(sql(code))
        f.write("INSERT INTO surveys VALUES (" + ", ".join(values) + ");\n")
print("written")
