"""In a real browser: an organiser imports questions and runs a random-rule exam; a cadre takes it."""

import io

import openpyxl
import pytest

from ideowork.learning.imports.questions import COLUMNS, build_template
from ideowork.learning.models import Answer, Attempt, Exam, Question
from tests.conftest import screenshot

from .browser import fill_in, save_form

pytestmark = pytest.mark.browser
HEADERS = [title for _, title, _ in COLUMNS]


def question_file(tmp_path, name, rows) -> str:
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    sheet = book["试题"]
    sheet.delete_rows(2, sheet.max_row)
    for values in rows:
        sheet.append([values.get(h, "") for h in HEADERS])
    path = tmp_path / name
    book.save(path)
    return str(path)


def bank_rows():
    rows = []
    for n in range(1, 5):
        rows.append({"题型": "单选题", "题干": f"第{n}道单选题：意识形态工作的根本是（  ）。", "选项A": "坚持党的领导",
                     "选项B": "发展经济", "选项C": "对外交流", "答案": "A", "分类": "责任制", "难度": "中等",
                     "解析": f"单选题{n}的解析"})
        rows.append({"题型": "判断题", "题干": f"第{n}道判断题：网络阵地也是意识形态阵地。", "答案": "对",
                     "分类": "责任制", "难度": "容易", "解析": f"判断题{n}的解析"})
    rows.append({"题型": "简答题", "题干": "简述如何落实意识形态工作责任制。", "答案": "压实责任，健全机制。",
                 "分类": "责任制", "难度": "较难"})
    return rows


def test_organiser_imports_builds_and_publishes_a_random_exam(org, page_as, tmp_path):
    page = page_as(org.staff)
    page.goto("/learning/questions/import/")
    screenshot(page, "learning-question-import")
    broken = question_file(tmp_path, "有错的试题.xlsx", [*bank_rows(), {"题型": "单选题", "题干": "答案错了", "选项A": "甲",
                                                                  "选项B": "乙", "答案": "D"}])
    page.set_input_files("#id_file", broken)
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_selector("[data-testid=import-errors]")
    assert "第11行：答案“D”不是已填写的选项" in page.inner_text("[data-testid=import-errors]")
    screenshot(page, "learning-question-import-errors")
    assert not Question.objects.exists()

    page.set_input_files("#id_file", question_file(tmp_path, "试题.xlsx", bank_rows()))
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_selector("[data-testid=import-summary]")
    assert Question.objects.count() == 9
    screenshot(page, "learning-question-import-result")
    page.goto("/learning/questions/")
    screenshot(page, "learning-question-list")
    page.goto("/learning/questions/new/")
    screenshot(page, "learning-question-form")

    page.goto("/learning/exams/new/")
    page.fill("#id_title", "第一季度理论学习测试")
    page.select_option("#id_mode", "random")
    fill_in(page, opens_at="2026-01-01T08:00", closes_at="2030-12-31T18:00", time_limit_minutes="30")
    save_form(page, "learning-exam-form", "考试设置已保存")
    page.select_option("select[name=kind]", "single")
    page.fill("input[name=count]", "3")
    page.fill("input[name=score]", "20")
    page.locator(".rule-form button[type=submit]").click()
    page.wait_for_selector("text=已添加抽题规则")
    page.select_option("select[name=kind]", "judge")
    page.fill("input[name=count]", "2")
    page.fill("input[name=score]", "10")
    page.locator(".rule-form button[type=submit]").click()
    page.select_option("select[name=kind]", "short")
    page.fill("input[name=count]", "1")
    page.fill("input[name=score]", "20")
    page.locator(".rule-form button[type=submit]").click()
    page.wait_for_selector("td:has-text('简答题')")
    screenshot(page, "learning-exam-setup")
    page.once("dialog", lambda d: d.accept())
    page.click("button:has-text('发布考试')")
    page.wait_for_selector("text=考试已发布")
    exam = Exam.objects.get()
    assert exam.status == "published" and exam.rules.count() == 3


def take_exam(page, exam):
    page.goto(f"/learning/exams/{exam.pk}/")
    screenshot(page, "learning-exam-detail-cadre")
    page.click("[data-testid=start]")
    page.wait_for_selector("[data-testid=countdown]")
    page.wait_for_function("document.querySelector('[data-testid=countdown]').textContent.includes(':')")


def test_cadre_takes_the_exam_resumes_after_reload_and_is_graded(org, page_as, tmp_path):
    from decimal import Decimal

    from .access_exams import make_bank, make_exam

    make_bank(org.staff, org.city, copies=2)
    exam = make_exam(org.staff, org.city, mode="random", rules=[
        {"kind": "single", "count": 2, "score": Decimal(20)}, {"kind": "judge", "count": 2, "score": Decimal(20)},
        {"kind": "short", "count": 1, "score": Decimal(20)}])
    page = page_as(org.cadre)
    page.goto("/learning/exams/")
    screenshot(page, "learning-exam-list-cadre")
    take_exam(page, exam)
    html = page.content()
    attempt = Attempt.objects.get(exam=exam, user=org.cadre)
    for item in attempt.paper.select_related("question"):
        assert item.question.explanation not in html
    order = [b.get_attribute("data-question") for b in page.locator("[data-testid=question]").all()]
    boxes = page.locator("[data-testid=question]")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        kind = box.get_attribute("data-kind")
        if kind == "short":
            box.locator("textarea").fill("加强组织领导，压实工作责任。")
        else:
            box.locator("input").first.check()
        box.locator(".exam-q-saved.ok").wait_for()
    screenshot(page, "learning-exam-take")
    assert Answer.objects.filter(attempt=attempt).count() == 5

    page.reload()  # a lost connection or a reload: same paper, same order, answers kept
    page.wait_for_selector("[data-testid=countdown]")
    assert [b.get_attribute("data-question") for b in page.locator("[data-testid=question]").all()] == order
    assert page.locator("input:checked").count() == 4
    assert page.input_value("textarea") == "加强组织领导，压实工作责任。"
    assert page.inner_text("#answered-count") == "5"

    page.once("dialog", lambda d: d.accept())
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("[data-testid=score]")
    assert "简答题待阅卷" in page.inner_text("main")
    screenshot(page, "learning-exam-result")

    # The organiser signs in on the same test client, which ends the cadre's session.
    admin = page_as(org.staff)
    admin.goto(f"/learning/exams/{exam.pk}/grading/")
    admin.wait_for_selector("[data-testid=grade-card]")
    screenshot(admin, "learning-exam-grading")
    admin.fill("[data-testid=grade-card] input[name$=score]", "18")
    admin.fill("[data-testid=grade-card] input[name$=comment]", "要点齐全")
    admin.locator("[data-testid=grade-card] button[type=submit]").click()
    admin.wait_for_selector("text=没有待阅的简答题")
    attempt.refresh_from_db()
    assert attempt.status == "graded"

    admin.goto(f"/learning/exams/{exam.pk}/results/")
    admin.wait_for_selector("[data-testid=people-table]")
    assert "孙干部" in admin.inner_text("[data-testid=people-table]")
    screenshot(admin, "learning-exam-results")
    with admin.expect_download() as download:
        admin.click("a:has-text('导出Excel') >> nth=0")
    book = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    assert any("孙干部" in str(c) for row in book.active.iter_rows(values_only=True) for c in row)
    admin.goto(f"/learning/exams/{exam.pk}/")
    screenshot(admin, "learning-exam-detail-admin")
    admin.goto(f"/learning/exams/attempts/{attempt.pk}/result/")
    assert str(attempt.score) in admin.inner_text("[data-testid=score]")
    assert "要点齐全" in admin.inner_text("main")
