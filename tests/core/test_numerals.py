"""Chinese numerals as documents write them (core/numerals.py), shared by the parser and the proofreader."""

import pytest

from ideowork.core.numerals import cn_to_int, int_to_cn, number_to_int


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十四", 24), ("一百零五", 105), ("一百一十", 110),
    ("一百零十", 110), ("两万", 20000), ("二〇二六", 2026), ("三千零一十五", 3015),
])
def test_chinese_numerals_read_as_documents_write_them(text, value):
    assert cn_to_int(text) == value


def test_what_is_not_a_numeral_reads_as_none():
    assert cn_to_int("十月") is None and cn_to_int("") is None and number_to_int("12a") is None
    assert number_to_int("12") == 12


def test_numbers_written_back_read_the_same():
    assert all(cn_to_int(int_to_cn(n)) == n for n in range(1, 10000))
    assert (int_to_cn(12), int_to_cn(105), int_to_cn(110)) == ("十二", "一百零五", "一百一十")
