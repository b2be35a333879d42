"""Records for the access walk (tests/test_access.py): a mentor pair and an essay contest of the city office.

The contest is published down to the counties (they may read and enter it); its management, judging
and the entries themselves are not theirs.
"""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ideowork.learning.actions.youth import do_create_pair, do_record_meeting, do_save_contest, do_submit_essay

CITY_RECORD_PAGES = {"learning:pair_detail", "learning:pair_end", "learning:contest_edit", "learning:contest_judge",
                     "learning:contest_publish", "learning:entry_score", "learning:entry_file"}


def objects(org) -> dict:
    pair = do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5))
    do_record_meeting(org.cadre, pair, date=date(2026, 2, 1), topic="共读原著", notes="交流学习体会")
    now = timezone.now()
    contest = do_save_contest(org.staff, title="青春心向党征文", theme="学习新思想", opens_at=now - timedelta(days=1),
                              closes_at=now + timedelta(days=7), judges=[org.principal, org.deputy])
    entry = do_submit_essay(org.cadre, contest, title="我心向党", body="正文",
                            upload=SimpleUploadedFile("我心向党.txt", "青春向党".encode()))
    return {
        "learning:pair_detail": pair.pk, "learning:pair_end": pair.pk,
        "learning:contest_detail": contest.pk, "learning:contest_edit": contest.pk,
        "learning:essay_submit": contest.pk, "learning:contest_judge": contest.pk,
        "learning:contest_publish": contest.pk, "learning:entry_score": entry.pk, "learning:entry_file": entry.pk,
    }
