"""Issue #12's classes that failed on probes: a brand used alone, a tournament's champion, a government's acts
without a speech verb ("jailed", "scrapped", "debts owed to X", "rely on X", "X on Friday rejected"), a team
named by its city alone in results copy, an exchange's shares, indices and listings in lower case, with
their literal counterparts; sentences written for these tests (not in training.tsv, calibration.tsv or the
sentence files). The development sentences of these classes (tests/nlp/dev2_sentences.tsv,
sport_dev_sentences.tsv, sport2_, sport4_, sport5_ and sport6_dev_sentences.tsv) are held to floors; the held-out
sets (heldout2_sentences.tsv, sport_heldout_sentences.tsv and the sport2_, sport4_, sport5_ and sport6_ held-out
files) are read only for the report; so is the sport block in German, French, Spanish, Italian and Portuguese
(tests/nlp/data/multilingual_sport_dev.tsv held to a floor, multilingual_sport_heldout.tsv for the report).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlp.cues import CUE_LANGS, CUES_FILE, cues_for
from nlp.evaluate import score_sentence_file
from nlp.features import _scoreline
from nlp.pipeline import tag_docs
from tests.nlp.conftest import only
from tests.nlp.multilingual_figures import figures

HERE = Path(__file__).parent

CASES = [
    # a brand used alone, as the subject or object of business verbs
    ("Tsingtao cut its dividend after a weak summer.", "Tsingtao", "ORG_PART"),
    ("Tsingtao beer is still brewed in Qingdao.", "Qingdao", "LITERAL"),
    # a tournament's champion and the tournament
    ("The reigning Shenzhen champion was beaten in the first round.", "Shenzhen", "ORG_PART"),
    ("She is a former Guangzhou Open winner.", "Guangzhou", "ORG_PART"),
    ("The tour stops in Shenzhen for a week each January.", "Shenzhen", "LITERAL"),
    # acts of a government without a speech verb
    ("Hong Kong sentenced three editors to prison.", "Hong Kong", "METONYMIC"),
    ("Guangzhou scrapped its limit on car licences.", "Guangzhou", "METONYMIC"),
    ("Debts owed to Beijing have doubled in a decade.", "Beijing", "METONYMIC"),
    ("Small nations that rely on Beijing for aid stayed silent.", "Beijing", "METONYMIC"),
    ("Macau on Tuesday rejected the criticism.", "Macau", "METONYMIC"),
    # the literal counterparts
    ("Guangzhou has a population of almost 19 million.", "Guangzhou", "LITERAL"),
    ("The Hangzhou city government planted a million trees.", "Hangzhou", "LITERAL"),
    # a team in results copy: a score or a result line
    ("Yantai 3 Weifang 0.", "Weifang", "ORG_PART"),
    ("Dongguan came from behind to beat Foshan 3-2 in extra time.", "Foshan", "ORG_PART"),
    # share classes and indices
    ("Shenzhen A shares outperformed the region.", "Shenzhen", "ORG_PART"),
    ("The Shanghai composite index ended the day flat.", "Shanghai", "ORG_PART"),
    # the place in the same copy
    ("The 3-2 win was played in Foshan in heavy rain.", "Foshan", "LITERAL"),
    ("Brokers in Shenzhen expect the index to recover.", "Shenzhen", "LITERAL"),
    # a team as the possessor of a result, "the X side", before a player's role, as the opponent or the receiver
    # of a result, in a transfer; a listing joined by a hyphen
    ("Jinan's 2-0 defeat at Yantai was their fourth in a row.", "Jinan", "ORG_PART"),
    ("The Weifang side were two goals down at half-time.", "Weifang", "ORG_PART"),
    ("Zibo coach Wang blamed the referee for the 1-2 defeat.", "Zibo", "ORG_PART"),
    ("Yantai came from behind against Zibo to win the derby 3-1.", "Zibo", "ORG_PART"),
    ("An own goal handed Weifang a 1-0 win in the league.", "Weifang", "ORG_PART"),
    ("The striker joined Jinan from Tianjin last season after a loan spell.", "Jinan", "ORG_PART"),
    ("The Shenzhen-listed drone maker raised its forecast.", "Shenzhen", "ORG_PART"),
    # their counterparts: a side of a place, a city named beside another in match copy, the place after "in"
    ("Queues formed on the Shenzhen side of the border crossing.", "Shenzhen", "LITERAL"),
    ("The squad trained in Jinan before the league match at Yantai.", "Jinan", "LITERAL"),
    # a side referred back to in the plural; people of the place with their own
    ("Baoding sacked their coach after the cup exit.", "Baoding", "ORG_PART"),
    ("Workers in Baoding lost their jobs when the mill closed.", "Baoding", "LITERAL"),
    # an exchange's goods with a price's move (sport5 round), and goods from the city
    ("Dalian soymeal rose to a three-week high in early trade.", "Dalian", "ORG_PART"),
    ("Zhengzhou sugar eased for a second session.", "Zhengzhou", "ORG_PART"),
    ("Zhengzhou apples are sold in markets across Henan.", "Zhengzhou", "LITERAL"),
    # midfield as a word of sport beside a side's structure
    ("Weifang lost control of midfield and conceded two goals.", "Weifang", "ORG_PART"),
    # a side referred back to in the plural further into the verb's object; its owners (sport6 round)
    ("Yantai confirmed the exit of their head coach on Friday.", "Yantai", "ORG_PART"),
    ("Weifang's owners sold the club to a property firm.", "Weifang", "ORG_PART"),
    ("Farmers near Yantai said the drought had cut their harvest by half.", "Yantai", "LITERAL"),
]


@pytest.mark.parametrize(("text", "surface", "label"), CASES)
def test_label_in_context(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


def test_english_cue_words_are_words_not_booleans() -> None:
    """YAML reads a bare ``on`` as true: quoted, "X on Friday said" and "rely on X" read it."""
    cues = cues_for("en")
    assert "on" in cues["relation_preps"] and "on" in cues["aux_skip"]
    assert not any({"true", "false"} & values for values in cues.values())


@pytest.mark.parametrize("lang", CUE_LANGS)
def test_no_cue_word_of_any_language_is_a_boolean(lang: str) -> None:
    """Spanish and Portuguese "no" (not; in the) were read as false; ``attached``, ``lower_heads``,
    ``quoted_names``, ``angle_titles``, ``han_glosses``, ``capitalised_nouns`` and ``unspaced`` are flags, not word
    lists."""
    flags = {"attached", "lower_heads", "quoted_names", "angle_titles", "han_glosses", "capitalised_nouns", "unspaced"}
    assert not any({"true", "false"} & values for name, values in cues_for(lang).items() if name not in flags)


def test_no_cue_list_names_a_word_twice() -> None:
    """The loader makes every list a set, so a word written twice changes nothing and leaves two places that seem to
    explain it: each list of the cue file names each word once."""
    def lists(node: object, path: str) -> list[tuple[str, list]]:
        if isinstance(node, dict):
            return [pair for key, value in node.items() for pair in lists(value, f"{path}.{key}")]
        return [(path, node)] if isinstance(node, list) else []

    raw = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    repeated = {path: sorted({str(w) for w in words if words.count(w) > 1}) for path, words in lists(raw, "cues")}
    assert {path: words for path, words in repeated.items() if words} == {}


def test_development_sentences_of_the_classes() -> None:
    scores = score_sentence_file(HERE / "dev2_sentences.tsv")
    per_label = scores["per_label"]
    assert scores["label_accuracy"] >= 0.90 and scores["linking_accuracy"] >= 0.93, scores
    assert per_label["METONYMIC"]["f1"] >= 0.85 and per_label["ORG_PART"]["f1"] >= 0.90, per_label


@pytest.mark.parametrize(("before", "after", "score"), [
    (["beat"], ["3", "-", "2"], 2),  # a score after the name
    (["yantai", "3"], ["0", "."], 2),  # the name between a result line's goals
    ([], ["2", "chongqing", "2"], 2),
    (["in"], ["in", "2019", "-", "20"], 0),  # a year and a season are no score
    (["gewann"], ["mit", "2", ":", "1"], 2),  # German writes the score with a colon
    (["um"], ["10", ":", "30", "uhr"], 0),  # a time is no score
    (["voted"], ["for", "the", "plan"], 0),
    (["guards", "combined", "in", "a"], ["118", "-", "110", "win"], 2),  # a basketball score before a result
    (["between"], ["and", "300", "-", "400", "people"], 0),  # a range of three-digit numbers is no score
    ([], ["v", "shanghai", ",", "kick", "-", "off"], 2),  # a British fixture
    (["beijing", "v"], [",", "kick", "-", "off"], 2),
])
def test_a_score_around_the_name_is_sport(before: list[str], after: list[str], score: int) -> None:
    assert _scoreline(before, after, cues_for("en")) == score


# sport4's floor is lower: the parse's PERSON guess on a current city name with no word of a person or of sport
# beside it is dropped (nlp.features.model_reading), which costs two of its one-sentence teams and reads three real
# mentions right in real English text (docs/tagger.md, "Hard cases in real English news")
@pytest.mark.parametrize(("name", "floor"), [("sport_dev_sentences.tsv", 0.95), ("sport2_dev_sentences.tsv", 0.95),
                                                  ("sport4_dev_sentences.tsv", 0.89), ("sport5_dev_sentences.tsv", 0.95),
                                                  ("sport6_dev_sentences.tsv", 0.9)])
def test_development_sentences_of_sports_and_markets(name: str, floor: float) -> None:
    scores = score_sentence_file(HERE / name)
    assert scores["label_accuracy"] >= floor and scores["per_label"]["ORG_PART"]["f1"] >= floor, scores


# Match copy in the Latin-script registry languages (cues sport_words, match_verbs, sport_roles, team_before,
# team_articles): the team, and the place and the government in the same copy; written for these tests.
MATCH_COPY = [
    ("it", "Il Tianjin ha espugnato il campo della capolista con un gol del centrocampista.", "Tianjin", "ORG_PART"),
    ("es", "El capitán del Wuhan renovó su contrato tras la última jornada de liga.", "Wuhan", "ORG_PART"),
    ("de", "Der Torhüter von Shenzhen parierte im Pokalspiel zwei Elfmeter.", "Shenzhen", "ORG_PART"),
    ("pt", "O treinador do Xangai foi despedido após a derrota no dérbi.", "Xangai", "ORG_PART"),
    ("pt", "Os adeptos festejaram em Dalian depois do golo do avançado.", "Dalian", "LITERAL"),
    ("fr", "Le match de championnat s'est joué à Chengdu devant 40 000 supporters.", "Chengdu", "LITERAL"),
    ("fr", "Pékin a battu un record de chaleur cet été.", "Pékin", "LITERAL"),
    ("es", "El Pekín de los años ochenta era una ciudad de bicicletas.", "Pekín", "LITERAL"),
    ("it", "Il governo di Pechino ha annunciato nuovi dazi sulle auto europee.", "Pechino", "LITERAL"),
    ("nl", "De keeper van Shenzhen hield zijn doel schoon in de bekerwedstrijd tegen de koploper.", "Shenzhen",
     "ORG_PART"),
    ("nl", "De supporters vierden de landstitel in Guangzhou tot diep in de nacht.", "Guangzhou", "LITERAL"),
    # Russian quotes a club's name; a ship's stays the ship rule's, a word in capitals is a quoted word
    ("ru", "Защитник «Уханя» получил красную карточку.", "Уханя", "ORG_PART"),
    ("ru", "Сухогруз «Нанкин» сел на мель у берегов Панамы.", "Нанкин", "NOT_PLACE"),
    ("ru", "Болельщики встречали команду в аэропорту Уханя.", "Уханя", "LITERAL"),
]


def test_match_copy_in_other_languages() -> None:
    langs = [lang for lang, *_ in MATCH_COPY]
    _, tagged = tag_docs([text for _, text, *_ in MATCH_COPY], langs)
    got = [[m["label"] for m in mentions if m["surface"] == surface]
           for (_, _, surface, _), mentions in zip(MATCH_COPY, tagged, strict=True)]
    assert got == [[label] for *_, label in MATCH_COPY]


def test_development_block_of_match_copy_in_other_languages() -> None:
    assert figures("sport_dev")["all but en"]["accuracy"] >= 0.95


# A team's structure told far from the words of its match: the paragraphs around the name are match copy
# (``nlp.features._match_copy``); the same structure in other copy, and a place in match copy, stay what they are.
REPORT = ("The striker scored twice and the goalkeeper saved a penalty as the leaders won the derby 3-1 in front of "
          "40,000 fans. The coach praised his defenders after the match, and a stoppage-time equaliser elsewhere "
          "kept the title race open. ")
FAR_FROM_THE_MATCH = [
    (REPORT + "Meanwhile, all Dalian players will take a pay cut from next month, the owners said.", "Dalian",
     "ORG_PART"),
    (REPORT + "With a month to go, Nanjing have a cushion of six over the chasing pack.", "Nanjing", "ORG_PART"),
    (REPORT + "The vacancy left by Wuhan will be filled before the new year.", "Wuhan", "ORG_PART"),
    (REPORT + "On Monday the players flew to Kunming for a week of rest.", "Kunming", "LITERAL"),
    ("Factory output rose in the spring and exports held up, officials said. Meanwhile, all Dalian residents will "
     "get a subsidy from next month.", "Dalian", "LITERAL"),
]


# English match and market copy: the host of an event, a "-based" firm, a name placed by an apposition and the
# second of two names after "in" are places; a team hosting a team, the side a result is for, a coach "of" a side,
# a capitalised index and "the X team" are teams and exchanges; written for these tests.
ENGLISH_COPY = [
    ("Wuhan has hosted the tennis tournament every autumn since 2014, drawing the top players.", "Wuhan", "LITERAL"),
    ("Qingdao will host Cangzhou in the last league game of the season.", "Qingdao", "ORG_PART"),
    ("The striker joined a Hangzhou-based club after the season.", "Hangzhou", "LITERAL"),
    ("A late header tied the game for Tianjin before the final whistle.", "Tianjin", "ORG_PART"),
    ("The coach of Chengdu praised his goalkeeper after the match.", "Chengdu", "ORG_PART"),
    ("The Shenzhen Component fell 1.1% while small caps gained.", "Shenzhen", "ORG_PART"),
    ("After the defeat, the Dalian team is faced with a relegation fight.", "Dalian", "ORG_PART"),
    ("Markets shrugged off Beijing's latest vow to support the economy.", "Beijing", "METONYMIC"),
    ("The club has played for Nanning, the capital of Guangxi, since its first season in the league.", "Nanning",
     "LITERAL"),
    ("The derby drew crowds in Guangzhou and Foshan as the league title went to penalties.", "Foshan", "LITERAL"),
    ("The Shenzhen-based club will pay the players' wages before the season.", "Shenzhen", "LITERAL"),
    ("The referee ruled out a late Tianjin goal for offside, and the match ended goalless.", "Tianjin", "ORG_PART"),
]


@pytest.mark.parametrize(("text", "surface", "label"), FAR_FROM_THE_MATCH + ENGLISH_COPY)
def test_english_match_and_market_copy(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label
