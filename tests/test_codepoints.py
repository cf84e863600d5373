"""``printable`` drops exactly the characters ``FORBIDDEN`` names, on texts shorter than
``_LONG`` (looked at with the pattern), on longer ones and on texts as long as a page (looked
at as their UTF-8 bytes); ``printable_utf8`` gives the same as UTF-8."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from processkit.codepoints import _LONG, FORBIDDEN, printable, printable_utf8

#: Every kind of character that matters: the forbidden ones of each range, their neighbours
#: that are allowed (NBSP, U+FDCF, U+FFFD, U+1FFFD), whitespace, Swedish letters, and the
#: characters whose UTF-8 shares bytes with the forbidden ones (U+00A0 to U+00BF, U+FFBF).
SPECIAL = [
    *"\x00\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x80\x9f\xa0\xbf\xc2",
    *"\ufdcf\ufdd0\ufdef\ufdf0\ufffd\ufffe\uffff\uffbf\ufeff",
    *"\U0001fffd\U0001fffe\U0001ffff\U0010fffe\U0010ffff\U0010fffd\U0001f600",
    *"åäöÅÄÖé§«»",
]
characters = st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8"))


def expected(text: str) -> str:
    return FORBIDDEN.sub("", text)


@settings(max_examples=300)
@given(st.text(characters, max_size=40))
def test_a_short_text_loses_exactly_the_forbidden_characters(text: str) -> None:
    assert printable(text) == expected(text)
    assert printable_utf8(text) == expected(text).encode("utf-8")


@settings(max_examples=300)
@given(st.text(characters, max_size=40), st.integers(0, 2))
def test_a_page_long_text_loses_exactly_the_forbidden_characters(text: str, where: int) -> None:
    filler = "Syftet är att ge stöd till den enskilde. " * 60  # as long as a page's text
    long_text = [text + filler, filler + text, filler[:1000] + text + filler][where]
    assert len(long_text) >= _LONG
    assert printable(long_text) == expected(long_text)
    assert printable_utf8(long_text) == expected(long_text).encode("utf-8")


def test_a_clean_page_is_returned_as_it_is() -> None:
    page = "<p>Beslut\u00a0om insats \u2013 §\u00a012</p>\n" * 500
    assert printable(page) is page


def test_each_forbidden_range_is_found_in_a_long_text() -> None:
    filler = "x" * 2048
    for bad in ["\x01", "\x7f", "\x85", "\ufdd5", "\ufffe", "\uffff", "\U0002ffff", "\U0010fffe"]:
        assert printable(filler + bad + filler) == filler + filler, repr(bad)
        assert printable_utf8(filler + bad + filler) == (filler + filler).encode(), repr(bad)
