"""Words mentioned, not used: their spelling is the point, and no edit may touch it.

- A lowercase word standing alone between quotation marks ('typing "teh" instead of
  "the"', 'the ":windo" command'), that wordfreq has seen: a spelling a text mentions is one
  people write, while one nobody writes is a word damaged inside its quotes ('the
  agreement's "suapback" mechanism').
- A word followed by an arrow to the very correction an edit would make: the text already
  names the fix ('fix typo occuring -> occurring', a changelog's line). Replacing it gives
  'occurring -> occurring'.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..model import Edit
from ..patterns import compile_regex
from ..tokens import quoted_alone

ARROW = compile_regex(r"[ \t]*(?:-{1,2}>|=>|[→⇒⟶])[ \t]*")
"""An arrow between two words, spaces or tabs around it."""


def mentioned(text: str, edit: Edit, lexicon: Lexicon) -> bool:
    """Whether the word `edit` would change is mentioned, not used (module docstring)."""
    if (edit.original.islower() and quoted_alone(text, edit.start, edit.end)
            and lexicon.frequency(edit.original) > 0):
        return True
    arrow = ARROW.match(text, edit.end)
    if arrow is None:
        return False
    after = text[arrow.end() : arrow.end() + len(edit.replacement) + 1]
    return (after[: len(edit.replacement)].casefold() == edit.replacement.casefold()
            and not after[len(edit.replacement) :].isalnum())
