"""A heading's topic context is its section: the paragraphs below it up to the next heading
(commitments/sentence_topics.context_texts), read in one pass however many headings there are.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.commitments.sentence_topics import context_texts
from bot.extract.text import segment


def _sections(paragraphs) -> dict[int, str]:
    """The rule written out: a body paragraph is its own context, a heading its section."""
    out = {}
    for i, p in enumerate(paragraphs):
        if not p.heading:
            out[p.number] = p.text
            continue
        below = []
        for nxt in paragraphs[i + 1 :]:
            if nxt.heading:
                break
            below.append(nxt.text)
        out[p.number] = "\n".join(below)
    return out


_PARAGRAPHS = st.sampled_from(
    ["Trade Ties", "Defence", "Kenya will open a port.", "Talks went well. Aid came.", "Energy"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARAGRAPHS, max_size=12))
def test_contexts_are_the_sections_below_headings(blocks: list[str]) -> None:
    paragraphs = segment("\n\n".join(blocks))
    assert context_texts(paragraphs) == _sections(paragraphs)


def test_a_heading_reads_its_section_only() -> None:
    paragraphs = segment("Trade Ties\n\nKenya will open a port.\n\nAid came.\n\nDefence\n\nEnergy")
    contexts = context_texts(paragraphs)
    assert [contexts[p.number] for p in paragraphs] == [
        "Kenya will open a port.\nAid came.",
        "Kenya will open a port.",
        "Aid came.",
        "",
        "",
    ]
