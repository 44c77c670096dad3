"""The cheap pre-checks of the quotation and speaker rules skip only texts the full rule
would find nothing in: each is compared with the rule it guards on invented text."""

from __future__ import annotations

import random
from types import SimpleNamespace

from bot.config import load_lexicon
from bot.extract.people import extract_people
from bot.extract.quotes.context import QuoteContext, QuoteItem, clean_quote
from bot.extract.quotes.kinds import quote_kind, speech_in_sentence, term_marked
from bot.extract.quotes.patterns import patterns
from bot.extract.text import quote_spans, segment
from bot.models import Document


def test_the_document_end_check_keeps_every_text_a_document_noun_ends() -> None:
    # `document` ("the 2022 Harbor Board Communique to “…”") is searched only when a noun's
    # last word stands near the end: any text it matches must pass the check.
    pat = patterns(load_lexicon())
    pieces = [
        "the ",
        "The ",
        "2022 ",
        "Harbor ",
        "Board ",
        "Communique",
        "Communiqué",
        "Joint  Statement",
        "Action\nPlan",
        "Statement",
        "Plan",
        "Plans",
        " to ",
        " on",
        " ",
        "\n",
        ".",
        "!",
        ",",
        "“",
        "x" * 9,
        "adopted by the council ",
    ]
    rng = random.Random(11)
    found = 0
    for _ in range(4000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 18)))
        full = pat.document.search(head)
        check = pat.document_end.search(head, max(0, len(head) - pat.document_reach))
        if full:
            found += 1
            assert check, head
    assert found > 100  # the invented texts do reach the full rule


def test_a_document_noun_far_from_the_mark_is_ruled_out() -> None:
    pat = patterns(load_lexicon())
    head = "The Harbor Board Communique was read aloud for many hours, and then everyone left the "
    assert not pat.document.search(head)
    assert not pat.document_end.search(head, max(0, len(head) - pat.document_reach))
    near = "the 2022 Harbor Board Communique to "
    assert pat.document.search(near).group("org").strip() == "Harbor Board"
    assert pat.document_end.search(near, max(0, len(near) - pat.document_reach))


def test_the_term_check_keeps_every_text_a_term_marker_ends() -> None:
    # term_marked runs `term` only when the text's last visible character may end a marker
    # ("so-called", "titled"): the answer must be the full pattern's on any text.
    pat = patterns(load_lexicon())
    pieces = [
        "so-called",
        "SO CALLED",
        "titled",
        "known  as",
        "the\nslogan",
        "its",
        "Their",
        "ſo-called",
        "dubbed",
        "said",
        "a",
        " ",
        "\n",
        ",",
        "(",
        "x",
        "é",
    ]
    rng = random.Random(3)
    marked = 0
    for _ in range(4000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        body = head + "“A term”"
        ctx = SimpleNamespace(body=body, pat=pat)
        want = bool(pat.term.search(body[max(0, len(head) - 25) : len(head)]))
        assert term_marked(ctx, len(head)) == want, head  # type: ignore[arg-type]
        marked += want
    assert marked > 300  # the invented texts do reach the full pattern


def test_a_text_ending_in_a_verb_is_no_term_marker() -> None:
    pat = patterns(load_lexicon())
    for head, want in (("the plan, she said ", False), ("a so-called ", True), ("", False)):
        ctx = SimpleNamespace(body=head + "“plan”", pat=pat)
        assert term_marked(ctx, len(head)) is want  # type: ignore[arg-type]


def test_a_quote_kind_reads_the_sentence_only_where_it_changes_the_answer() -> None:
    # quote_kind reads speech_in_sentence only for a short unattributed quote, and the text
    # before the marks only when the quote is not plainly attributed: on invented paragraphs,
    # every kind must be the one given the sentence's answer up front.
    lexicon = load_lexicon()
    openers = ["Ana Paz said ", "The so-called ", "A plan titled ", "They called it ", "Talks ", ""]
    quoted = ["two-plus-two", "Stronger Together", "candid", "we will sign the deal today", "Oslo"]
    closers = [" talks resumed.", ", she said.", " was signed.", ".", " and more."]
    rng = random.Random(9)
    kinds = set()
    for _ in range(150):
        para = " ".join(
            rng.choice(openers) + "“" + rng.choice(quoted) + "”" + rng.choice(closers)
            for _ in range(rng.randint(1, 3))
        )
        text = "Ana Paz met Ravi Rao in Oslo.\n\n" + para
        doc = Document(id="t", title="t", path="t.txt", text=text, sha256="0")
        paragraphs = segment(text)
        ctx = QuoteContext(doc, paragraphs, extract_people(doc, paragraphs, lexicon), lexicon)
        for p in paragraphs:
            for span in quote_spans(text, p):
                for attributed in (False, True):
                    it = QuoteItem(span, p, clean_quote(span.text), attributed=attributed)
                    said = speech_in_sentence(ctx, it)
                    for speech in (False, True):
                        kind = quote_kind(ctx, it, speech)
                        assert kind == quote_kind(ctx, it, speech, said), (para, attributed)
                        kinds.add(kind)
    assert kinds == {"quote", "term", "title"}  # the invented quotes reach every answer
