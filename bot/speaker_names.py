"""Who a quote's speaker text names, kept between merges (bot.merge_cache).

A quote's speaker is a person's id, or a text: a body ("the harbour board"), or a name a
correction set ("Lena Holm"). `PeopleLookup.speaker_id` reads such a text as the person whose
name or alias it is, else the only person of that name, else the text itself; it needs every
person indexed, so a reload would index every person again. `SpeakerNames` keeps the index and
each answer, and updates them for the people who came or went.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.models import Person
from bot.people_names import name_key, same_tokens


def _ends(tokens: tuple[str, ...]) -> set[str]:
    return {tokens[0], tokens[-1]} if tokens else set()


class SpeakerNames:
    """`PeopleLookup.speaker_id` kept between merges: each text's answer is kept until a person
    who could change it comes or goes (one with that id, name or alias, or a first or last name
    word in common), so a reload looks up again only the names its changed people touch.

    Unchanged people keep their order between merges, so "the first person going by a name" is
    still the first among the same people. Example: a quote of "the harbour board" keeps its
    speaker text across reloads that add no one named "harbour board".
    """

    def __init__(self) -> None:
        self._people: dict[int, Person] = {}  # id(person) → person, of the last merge
        self._list: Sequence[Person] = ()
        self._places: dict[int, int] | None = None  # id(person) → place, worked out on demand
        self._ids: dict[str, int] = {}  # person id → how many people have it
        self._folded: dict[str, set[int]] = {}  # folded name or alias → people
        self._words: dict[tuple[str, str], set[int]] = {}  # (kind, first/last word) → people
        self._answers: dict[str, str] = {}
        self._readers: dict[tuple[str, str], set[str]] = {}  # what an answer depends on → texts
        self.gone: list[Person] = []
        self.new: list[Person] = []

    def update(
        self,
        people: Sequence[Person],
        changes: tuple[list[Person], list[Person]] | None = None,
    ) -> set[str]:
        """Take this merge's people; the texts whose answer changed are returned.

        `changes` is (the people gone, the people new) since the last update, when the caller
        knows them (bot.people_roster): else every person is compared by identity. Each answer
        that a person who came or went could change is looked up again and compared: a person
        merged anew with the same id and names leaves its texts' answers as they were, so the
        quotes naming it need not be named again.
        """
        if changes is None:
            now = dict(zip(map(id, people), people, strict=True))
            gone = [self._people[k] for k in self._people.keys() - now.keys()]
            new = [now[k] for k in now.keys() - self._people.keys()]
        else:
            gone, new = changes
            now = self._people
            for person in gone:
                del now[id(person)]
            now.update(zip(map(id, new), new, strict=True))
        texts: set[str] = set()
        for person, sign in itertools.chain(((p, -1) for p in gone), ((p, 1) for p in new)):
            self._ids[person.id] = self._ids.get(person.id, 0) + sign
            if not self._ids[person.id]:
                del self._ids[person.id]
            for key, table, entry in self._keys(person):
                if table is None:
                    pass
                elif sign > 0:
                    table.setdefault(entry, set()).add(id(person))
                else:
                    table[entry].discard(id(person))
                    if not table[entry]:
                        del table[entry]
                texts |= self._readers.pop(key, set())
        was = {text: self._answers.pop(text) for text in texts if text in self._answers}
        self._people, self._list, self._places = now, people, None
        self.gone, self.new = gone, new  # the people only the last merge or this one has
        if len(self._answers) > 2 * len(people) + 1000:  # texts of documents long gone
            stale = set(self._answers) | set(was)
            self._answers, self._readers = {}, {}
            return stale
        return {text for text, answer in was.items() if self.speaker_id(text) != answer}

    def _keys(self, person: Person) -> list[tuple[tuple[str, str], dict | None, object]]:
        """(what answers it touches, the index, the entry) for each way a text finds the person."""
        out: list[tuple[tuple[str, str], dict | None, object]] = [(("id", person.id), None, None)]
        for folded in {name_key(n).folded for n in (person.name, *person.aliases)}:
            out.append((("folded", folded), self._folded, folded))
        tokens = name_key(person.name).tokens
        if tokens:
            kinds = ("single",) if len(tokens) == 1 else ("first", "last")
            for kind, word in zip(kinds, (tokens[0], tokens[-1]), strict=False):
                out.append((("word", word), self._words, (kind, word)))
        return out

    def speaker_id(self, text: str) -> str:
        """`PeopleLookup(people).speaker_id(text)` for an id that is no person's: the person
        whose name or alias this is, else the only same-name one, else the text; a person's
        id gives itself."""
        found = self._answers.get(text)
        if found is not None:
            return found
        if text in self._ids:
            found, keys = text, [("id", text)]
        else:
            key = name_key(text)
            keys = [("id", text), ("folded", key.folded)]
            keys += [("word", w) for w in _ends(key.tokens)]
            found = self._find(key.folded, key.tokens) or text
        self._answers[text] = found
        for k in keys:
            self._readers.setdefault(k, set()).add(text)
        return found

    def _find(self, folded: str, tokens: tuple[str, ...]) -> str | None:
        hits = self._folded.get(folded)
        if hits:
            first = next(iter(hits)) if len(hits) == 1 else min(hits, key=self._place)
            return self._people[first].id
        if not tokens:
            return None
        words = self._words
        if len(tokens) == 1:
            near = words.get(("first", tokens[0]), set()) | words.get(("last", tokens[0]), set())
            near |= words.get(("single", tokens[0]), set())
        else:
            near = words.get(("first", tokens[0]), set()) & words.get(("last", tokens[-1]), set())
            near |= words.get(("single", tokens[0]), set())
            near |= words.get(("single", tokens[-1]), set())
        same = [k for k in near if same_tokens(name_key(self._people[k].name).tokens, tokens)]
        return self._people[same[0]].id if len(same) == 1 else None

    def _place(self, key: int) -> int:
        if self._places is None:
            self._places = {id(p): i for i, p in enumerate(self._list)}
        return self._places[key]
