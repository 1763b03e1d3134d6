"""How well the context model and the learned channel tell real-word OCR errors from correct words.

    python bench/context_probe.py             # OverProof dataset 2, odd articles (never dataset 3)

On the held-out half of dataset 2 (the odd articles; the build script learns its check table
from the even ones), in aligned lines whose OCR and ground truth have the same number of
words, with the OCR's own (noisy) words as context, two either side:
- real-word errors: the printed word is itself a word (Zipf >= 2, as for
  ocr_misreadings.tsv) and the language model knows the true one; gain = LM score of the
  true word in context - LM score of the printed word - channel cost of printing it for
  the true word;
- correct words (a seeded sample of `--sample` of them): the best gain any known neighbour
  (Zipf >= 3, one learned confusion away) would have over the word itself.
A decision "change when the gain exceeds t" then fixes the first share and wrongly changes
the second: the trade-off a real-word threshold sets, before any real-word prior.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/context_probe.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dictionaries import build_channel as build
from normalizer.channel_table import load_channel_table
from normalizer.correction.channel import ChannelModel
from normalizer.language_model import load_language_model

THRESHOLDS = (0, 1, 2, 3, 4)
NEIGHBOUR_ZIPF = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the benchmark data folder (as for build_channel.py)")
    parser.add_argument("--sample", type=float, default=0.2, help="share of correct words")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    model, zipf = load_language_model(), build.zipf_frequencies()
    channel = ChannelModel(load_channel_table().as_confusions())
    draw = random.Random(args.seed)
    error_gains: list[float] = []
    correct_gains: list[float] = []
    correct_words = 0
    for article in build.read_articles(build.data_dir(args.data) / build.DATASET2)[1::2]:
        for raw_ocr, raw_truth in article.lines:
            ocr, truth = build.normalize(raw_ocr), build.normalize(raw_truth)
            printed, true = build.WORD.findall(ocr), build.WORD.findall(truth)
            if not build.alignable(ocr, truth) or len(printed) != len(true):
                continue
            for i, (word, intended) in enumerate(zip(printed, true, strict=True)):
                if not word.isalpha():
                    continue
                context, after = tuple(printed[max(0, i - 2):i]), printed[i + 1:i + 3]
                base = model.score([word, *after], context=context)

                def gain(candidate: str, cost: float, context=context, after=after,
                         base=base) -> float:
                    return model.score([candidate, *after], context=context) - base - cost
                if word != intended:
                    if (intended.isalpha() and zipf.get(word, 0) >= build.KNOWN_ZIPF
                            and model.knows(intended)):
                        error_gains.append(gain(intended, channel.cost(word, intended)))
                elif draw.random() < args.sample:
                    correct_words += 1
                    neighbours = [gain(v, cost) for v, cost in channel.variants(word, 1).items()
                                  if zipf.get(v, 0) >= NEIGHBOUR_ZIPF and model.knows(v)]
                    if neighbours:
                        correct_gains.append(max(neighbours))
    print(f"{len(error_gains)} real-word errors; {correct_words} correct words sampled, "
          f"{len(correct_gains)} with a known neighbour one learned confusion away")
    print("| change when gain > t | real-word errors fixed | correct words changed |")
    print("|---|---|---|")
    for t in THRESHOLDS:
        fixed = sum(g > t for g in error_gains) / len(error_gains)
        broken = sum(g > t for g in correct_gains) / correct_words
        print(f"| {t} | {fixed:.1%} | {broken:.2%} ({broken * 1000:.1f} per 1,000) |")


if __name__ == "__main__":
    main()
