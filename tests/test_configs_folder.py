"""Every file the program keeps in ``Configs\\`` goes into the bundle, and the review lists exactly
what is packed (GBS_MARKET.md §2, §5).

The folder is laid out as the program writes it: ConfigsRepository's ``<Type>.json`` (Newtonsoft,
indented, CRLF, UTF-8 without a BOM), ``testing.json``, LayoutHelper's
``WindowOptions\\<Window>.json`` and the Excel import templates the import windows save as
``ExcelTemplates\\ImportToCatalog|ImportToWaybill\\<name>.json``; that folder lists whatever file
is put in it, so a shop owner's own workbook (a real .xlsx package) lies beside them. A copy of
DataBase.json under another name, a link out of the folder and a pipe complete the edge cases.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from collector.pipeline import Collection, CollectOptions
from collector.sources import PreviewContext, get
from collector.sources.configs import config_files, looks_like_text
from collector.sysroot import SystemRoot
from tests.conftest import DEMO_TODAY
from tests.test_collect import extract

DATA = Path("ProgramData/F-Lab/GBS.Market/6")
TOKEN = re.compile(r"\*\*\*secret-\d+\*\*\*")  # numbered in the order a run meets them


def newtonsoft(data: object) -> bytes:
    """JsonConvert.SerializeObject(…, Formatting.Indented) + File.WriteAllText."""
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\r\n").encode("utf-8")


def write_xlsx(path: Path) -> None:
    """The smallest real SpreadsheetML package: one sheet, one row."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.worksheet+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                   f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="Прайс" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship '
                   f'Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData><row r="1">'
                   '<c r="A1" t="inlineStr"><is><t>Молоко 3,2%</t></is></c></row></sheetData>'
                   '</worksheet>')


CATALOG_TEMPLATE = {  # ExcelDataViewModel.TemplateExcelFile, as the import window saves it
    "FirstNumRow": 2, "SelectedSheetNum": 0,
    "ValuesDataGoodList": [
        {"NameData": "Доп. штрих-коды", "NameDataInTemp": "Barcodes", "ColumnIndex": 3,
         "ColumnIndexText": "D", "IsChecked": False},
        {"NameData": "Описание", "NameDataInTemp": "Description", "ColumnIndex": 0,
         "ColumnIndexText": "A", "IsChecked": False}],
    "ColumnIndexName": 1, "ColumnNameIndexChar": "B", "ColumnIndexBarcode": 2,
    "ColumnBarcodeIndexChar": "C", "SelectedIfBarcodeEmpty": 0,
    "DefaultGroupUid": "00000000-0000-0000-0000-000000000000",
    "ExtraGroupUid": "00000000-0000-0000-0000-000000000000",
    "EmptyGroupUid": "00000000-0000-0000-0000-000000000000",
    "IsEnableGroup": False, "IsVisibilityGroup": 2, "ColumnGroup": 0,
    "ColumnGroupIndexChar": "", "IsGroupSet": True, "IsGroupSetIfNew": False,
    "IsGroupNextIfEmpty": False, "IsEmptyGroup": True, "IsNewGroupAdd": True,
}
WINDOW_OPTIONS = {  # LayoutHelper's WindowOptions.FileWindow
    "Option": {"Key": "FrmGoodsCatalog", "Height": 720.0, "Width": 1280.0,
               "IsOpenFullScreen": True},
    "DataGridList": [{"Name": "GoodsGrid", "ColumnOptions": [
        {"Name": "Name", "IsVisibility": True, "Position": 0, "Width": 320.0, "Type": 2}],
        "SortOrders": [{"Column": "Name", "Direction": 0}]}],
    "RowList": [], "ColumnDefinitionsList": [],
}


@pytest.fixture
def configs(demo) -> Path:
    """The demo's Configs (§5's settings) plus the rest of what the program keeps there."""
    cfg = demo.root / DATA / "Configs"
    (cfg / "testing.json").write_bytes(newtonsoft({"UseTestConfig": False}))
    (cfg / "WindowOptions").mkdir()
    (cfg / "WindowOptions" / "FrmGoodsCatalog.json").write_bytes(newtonsoft(WINDOW_OPTIONS))
    catalog = cfg / "ExcelTemplates" / "ImportToCatalog"
    (catalog / "Прайс Молочный комбинат.json").write_bytes(newtonsoft(CATALOG_TEMPLATE))
    write_xlsx(catalog / "Прайс Молочный комбинат.xlsx")  # the owner's workbook, kept there
    waybill = cfg / "ExcelTemplates" / "ImportToWaybill"
    (waybill / "Накладная поставщика.json").write_bytes(newtonsoft(
        {**CATALOG_TEMPLATE, "FirstNumRow": 5}))
    # a copy of DataBase.json under a name no text suffix marks: its content says it is JSON
    (cfg / "DataBase.json.bak").write_bytes((cfg / "DataBase.json").read_bytes())
    outside = demo.root.parent / "elsewhere.json"
    outside.write_text('{"Password": "outside-the-folder"}', encoding="utf-8")
    (cfg / "Ссылка.json").symlink_to(outside)
    os.mkfifo(cfg / "pipe.json")
    return cfg


def test_config_files_takes_every_file_and_says_why_any_stays(demo, configs: Path) -> None:
    taken, left = config_files(configs)
    names = {f.arcname.removeprefix("config/"): f.text for f in taken}
    assert names == {
        "Cafe.json": True, "DataBase.json": True, "DataBase.json.bak": True,
        "Devices.json": True, "FilterOptions.json": True, "Integrations.json": True,
        "Settings.json": True, "testing.json": True,
        "WindowOptions/FrmGoodsCatalog.json": True,
        "ExcelTemplates/ImportToCatalog/Прайс Молочный комбинат.json": True,
        "ExcelTemplates/ImportToCatalog/Прайс Молочный комбинат.xlsx": False,
        "ExcelTemplates/ImportToWaybill/Накладная поставщика.json": True,
    }
    assert {f.name: str(f.reason) for f in left} == {
        "pipe.json": "это канал (FIFO), а не файл: чтение из него может не закончиться",
        "Ссылка.json": f"ссылка на {demo.root.parent / 'elsewhere.json'}",
    }


def test_the_review_lists_exactly_what_the_archive_holds(demo, configs: Path,
                                                         tmp_path: Path) -> None:
    root = SystemRoot.from_arg(demo.root)
    options = CollectOptions(problem_date=DEMO_TODAY, out_dir=tmp_path / "out",
                             include_database=False, check_updates=False)
    plan = Collection(root, options).plan()
    reviewed = {i.arcname: i for i in plan.group("configs")}
    assert any("Ссылка.json" in p and "не будет приложен" in p for p in plan.problems)
    assert any("pipe.json" in p for p in plan.problems)

    result = Collection(root, options).run()
    files = extract(result.paths[0], tmp_path / "x")
    packed = {name for name in files if name.startswith("config/")}
    assert packed == set(reviewed)
    assert sizes_match_for_binary(reviewed, files)
    workbook = configs / "ExcelTemplates/ImportToCatalog/Прайс Молочный комбинат.xlsx"
    assert files["config/ExcelTemplates/ImportToCatalog/Прайс Молочный комбинат.xlsx"] == \
        workbook.read_bytes()  # binary: as it is
    template = "config/ExcelTemplates/ImportToCatalog/Прайс Молочный комбинат.json"
    assert json.loads(files[template]) == CATALOG_TEMPLATE  # nothing secret in it
    db = json.loads(files["config/DataBase.json"])["Connection"]
    bak = json.loads(files["config/DataBase.json.bak"])["Connection"]
    assert db["Password"].startswith("***secret-") and bak["Password"] == db["Password"]
    assert b"outside-the-folder" not in b"".join(files.values())
    for secret in demo.secrets:
        assert not any(secret.encode() in data for data in files.values()), secret
    step = next(r for r in result.steps if r.name == "configs")
    assert step.status == "ok" and "Ссылка.json (ссылка на" in step.message
    assert "pipe.json (это канал (FIFO)" in step.message

    # what the review shows a person is what went in
    ctx = PreviewContext(root, options, gbs_id=demo.gbs_id)
    source = get("configs")
    for arcname in ("config/DataBase.json.bak", "config/Settings.json", template):
        shown = source.preview(reviewed[arcname], ctx)()
        assert TOKEN.sub("***", shown) == TOKEN.sub("***", files[arcname].decode("utf-8"))
    assert source.preview(reviewed[workbook_arc(workbook)], ctx) is None


def workbook_arc(path: Path) -> str:
    return "config/ExcelTemplates/ImportToCatalog/" + path.name


def sizes_match_for_binary(reviewed: dict, files: dict[str, bytes]) -> bool:
    """A file packed as it is has the size the review said."""
    return all(len(files[a]) == i.size for a, i in reviewed.items() if not i.text)


def test_text_is_told_from_binary_by_content() -> None:
    assert looks_like_text("Пароль=123\r\n".encode("cp1251"))
    assert looks_like_text("\ufeff{}".encode("utf-16"))
    assert looks_like_text(b"")
    assert not looks_like_text(b"PK\x03\x04\x14\x00\x06\x00")  # a zip: an .xlsx
    assert not looks_like_text(b"\x89PNG\r\n\x1a\n")
