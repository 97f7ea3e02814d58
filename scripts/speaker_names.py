"""Check how speakers resolve on a folder of articles, where no gold says who they are.

PolNeAR marks sources but not who they resolve to, so this counts what a reader would spot:
person speakers whose name starts with a title, party or function word ("Republican Donald
Trump", "When Trump", "State Jon Husted": the name was cut badly), and pronoun sources
left unresolved, by pronoun.

    python scripts/speaker_names.py ../shared/data/polnear/train/text
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from newsclaims import Pipeline
from newsclaims.analyzers.entities.lexicon import STOP, TITLES, fold

#: First words no person's name starts with.
NOT_A_NAME = (
    STOP
    | TITLES
    | {"republican", "democrat", "democratic", "gop", "former", "vice", "state", "majority"}
    | {"minority", "house", "senate"}
)
PRONOUNS = ("he", "she", "they", "it", "i", "we")


def main(folder: str) -> None:
    pipeline = Pipeline(autoload=False, disable=("hedges",))
    names = bad = 0
    pronouns: Counter[tuple[str, bool]] = Counter()
    for path in sorted(Path(folder).iterdir()):
        analysis = pipeline.analyze(path.read_text(encoding="utf-8", errors="replace"))
        for s in analysis.statements:
            a = s.attribution
            if a is None or a.source is None or a.speaker is None:
                continue
            source = analysis.text_of(a.source).lower()
            if source in PRONOUNS:
                pronouns[(source, a.speaker.name.lower() != source)] += 1
            elif a.speaker.kind.value == "person" and " " in a.speaker.name:
                names += 1
                bad += fold(a.speaker.name.split()[0]) in NOT_A_NAME
    print(f"person speakers named in two words or more: {names:,}")
    print(f"  whose name starts with a title, party or function word: {bad:,}")
    for p in PRONOUNS:
        done, left = pronouns[(p, True)], pronouns[(p, False)]
        print(f"pronoun {p!r}: {done:,} resolved, {left:,} left as they are")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/speaker_names.py FOLDER")
    main(sys.argv[1])
