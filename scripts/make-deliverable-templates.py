#!/usr/bin/env python3
"""Writes the deliverable templates reps download from a stage (templates/deliverables/).
Plain Office Open XML written by hand, so no third-party library is needed. Run after changing the headings."""
import os, zipfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "templates", "deliverables")

def xlsx(path, title, rows):
    cells = []
    for r, row in enumerate([[title], []] + rows, start=1):
        cs = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for i, v in enumerate(row))
        cells.append(f'<row r="{r}">{cs}</row>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="34" customWidth="1"/><col min="2" max="5" width="18" customWidth="1"/></cols><sheetData>' + "".join(cells) + "</sheetData></worksheet>",
    }
    write(path, files)

def docx(path, title, paragraphs):
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(p)}</w:t></w:r></w:p>" for p in [title] + paragraphs)
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>",
    }
    write(path, files)

def write(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # fixed time: byte-stable output
            z.writestr(info, text, zipfile.ZIP_DEFLATED)

os.makedirs(OUT, exist_ok=True)
xlsx(os.path.join(OUT, "needs-analysis-report.xlsx"), "需求分析报告 Needs-analysis report", [
    ["1 用电负荷 Electricity load profile", "峰值 Peak (kW)", "谷值 Valley (kW)", "年用电量 Annual (MWh)", "典型日曲线 Typical day"],
    ["", "", "", "", ""],
    ["2 现有设备情况 Existing equipment", "型号 Model", "容量 Capacity", "投运年份 In service since", "状况 Condition"],
    ["", "", "", "", ""],
    ["3 未来三年需求预测 3-year demand forecast", "第1年 Year 1", "第2年 Year 2", "第3年 Year 3", "依据 Basis"],
    ["", "", "", "", ""],
])
docx(os.path.join(OUT, "site-survey-record.docx"), "现场勘查记录 Site survey record", [
    "勘查日期 Survey date:", "参加人员 Attendees:", "并网/接入点 Grid connection point:",
    "变配电设施 Substations and switchgear:", "施工条件 Site conditions:", "安全检查 Safety checks:", "照片清单 Photos:",
])
