"""The program is called by its build's own name in what the CLI says and in request.txt: a
HiPos owner reads «HiPos», a vendor build's owner the vendor's ApplicationName (issue 18, 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collector.demo import DemoInfo
from tests.branding_support import partner_build, stray_gbs_market, vendor_build
from tests.test_collect import extract, run_cli

DAY = "2026-11-17"
BUILDS = {"partner": partner_build, "vendor": vendor_build}


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))


@pytest.mark.parametrize("build", sorted(BUILDS))
def test_detect_and_collect_name_the_build(build: str, demo: DemoInfo, tmp_path: Path) -> None:
    name = BUILDS[build](demo.root)

    res = run_cli("detect", "--root", str(demo.root), "--offline")
    assert res.returncode == 0, res.stderr
    text = res.stderr
    described = "партнёрская сборка GBS.Market" if build == "partner" \
        else "сборка GBS.Market для поставщика"
    assert f"{name} ({described}) — найдена" in text
    assert f"Поддержка {name}:" in text
    assert stray_gbs_market(text, name) == []
    data = json.loads(run_cli("detect", "--root", str(demo.root), "--offline", "--json").stdout)
    assert data["installation"]["name"] == name

    form = tmp_path / "form.json"
    form.write_text(json.dumps({"topic": "licensing", "questions": ["Не открывается касса"],
                                "contact": {"name": "Иван", "phone": "+7 900 123-45-67"}},
                               ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    res = run_cli("collect", "--root", str(demo.root), "--date", DAY, "--out", str(out),
                  "--form", str(form), "--no-db")
    assert res.returncode == 0, res.stderr
    assert name in res.stderr
    assert stray_gbs_market(res.stderr, name) == []
    [archive] = out.glob("*.7z")
    request = extract(archive, tmp_path / "x")["request.txt"].decode("utf-8")
    assert request.startswith(f"Обращение в службу поддержки {name}\n")
    assert f"В прошлый раз программа {name} закрылась не штатно" in request
    assert stray_gbs_market(request, name) == []


def test_the_request_names_the_program_in_its_advice(demo: DemoInfo) -> None:
    """The desk's rules in request.txt and the review: where to look, in the build's words."""
    from collector.installation import detect
    from collector.request import RequestContext, RequestForm, validate
    from collector.sysroot import SystemRoot

    name = partner_build(demo.root)
    inst = detect(SystemRoot.from_arg(str(demo.root))).installation
    ctx = RequestContext.from_installation(inst, gbs_id="6:12")
    ctx.version = None
    problems = validate(RequestForm(topic="licensing", questions=["Лицензия"]), ctx)
    texts = {p.code: p.message for p in problems}
    assert f"в окне лицензии программы {name}" in texts["gbs_id.invalid"]
    assert f"в программе {name}: Справка → О программе" in texts["version.unknown"]
    for text in texts.values():
        assert stray_gbs_market(text, name) == []
