"""The plain text of Markdown that maps read out (``render.common.markdown_text``): a text
without any Markdown is not parsed, and it must read the same as when it is."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from processkit.render.common import _MARKUP, markdown_text, parsed_text

#: Plain letters and spaces mostly, with now and then a character that makes Markdown.
_PLAIN = "abcåäö ÅÄÖ.,:;?()\u2013'\"\u00a0"  # with an en dash and a no-break space
_MARKDOWN = "\n\t\r-+=0123456789*_[]<>&!#~|\\`\x00"
texts = st.lists(
    st.one_of(
        st.text(alphabet=_PLAIN, min_size=1, max_size=12),
        st.sampled_from(["\n", "\n\n", "    ", "  ", "\n- ", "\r- ", "\n1. ", "\n---\n"]),
        st.sampled_from(list(_MARKDOWN)),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_a_text_reads_the_same_parsed_or_not(source: str) -> None:
    assert markdown_text.__wrapped__(source) == parsed_text(source)


def test_the_texts_tried_reach_both_ways() -> None:
    """Without this, the property above could hold by parsing every text."""
    plain = "Att barn och unga får stöd\ni rätt tid, av rätt person."
    assert _MARKUP.search(plain) is None
    read = "Att barn och unga får stöd i rätt tid, av rätt person."
    assert markdown_text.__wrapped__(plain) == read
    for marked, read in [
        ("Att *barn* får stöd", "Att barn får stöd"),
        ("Stöd\n- till barn\n- till unga", "Stöd till barn till unga"),
        ("    kod\n\nText", "Text"),
        ("Rubrik\n===\nText", "Rubrik Text"),
        ("1. Först\n2. Sedan", "Först Sedan"),
        ("Stöd\r- till barn", "Stöd till barn"),
        ("Hälso- och sjukvård &amp; omsorg", "Hälso- och sjukvård & omsorg"),
    ]:
        assert _MARKUP.search(marked) is not None, marked
        assert markdown_text.__wrapped__(marked) == read
