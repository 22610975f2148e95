"""One-character city abbreviations (京, 沪, 津, 渝, 穗): mentions in a clear context, never inside other words."""

from __future__ import annotations

import pytest

from nlp import tag_texts
from nlp.abbreviations import parse_rules
from nlp.labels import CITY_LABELS


@pytest.mark.parametrize(("text", "lang", "cities"), [
    ("京津冀协同发展战略实施十周年。", "zh", ["Beijing", "Tianjin"]),
    ("京沪高铁周五起加开夜间列车。", "zh", ["Beijing", "Shanghai"]),
    ("他下周进京参加会议。", "zh", ["Beijing"]),
    ("代表团昨日赴京，与有关部门会谈。", "zh", ["Beijing"]),
    ("沪深两市周一双双低开。", "zh", ["Shanghai"]),
    ("成渝地区双城经济圈建设提速。", "zh", ["Chongqing"]),
    ("来穗务工人员明显增加。", "zh", ["Guangzhou"]),
    ("沪指收涨百分之一。", "zh", ["Shanghai"]),
    ("京津冀の大気汚染が深刻だ。", "ja", ["Beijing", "Tianjin"]),
    ("京滬高速鉄道は10年前に開通した。", "ja", ["Beijing", "Shanghai"]),
    ("当局决定修建京港高铁的新路段。", "zh", ["Beijing"]),  # after a Han character, but heading 高铁
    ("高铁网京港(台)通道全线贯通。", "zh", ["Beijing"]),  # a partner in brackets between the run and its head
])
def test_abbreviation_in_a_clear_context_is_the_city(text: str, lang: str, cities: list[str]) -> None:
    (mentions,) = tag_texts([text], [lang])
    assert [m["city"]["name"] for m in mentions] == cities, mentions
    assert all(m["label"] in CITY_LABELS and len(m["surface"]) == 1 for m in mentions)


@pytest.mark.parametrize(("text", "lang"), [
    ("东京股市周一大跌。", "zh"), ("他打算去京都旅游。", "zh"), ("京东发布了季度财报。", "zh"),
    ("大家对此津津乐道。", "zh"), ("京剧演员登台演出。", "zh"), ("新京报记者报道。", "zh"),
    ("高温津贴今起发放。", "zh"), ("稻穗在风中摇曳。", "zh"),
    ("京都の紅葉は今が見ごろだ。", "ja"), ("大学進学のため上京した。", "ja"), ("京浜東北線が遅れた。", "ja"),
    ("在京の外交官が集まった。", "ja"), ("東京株式市場は下落した。", "ja"), ("京成電鉄の新型車両。", "ja"),
    ("嘉义县的布津港今晚举办灯会。", "zh"),  # 津 beside 港 inside a port's name
    ("暴雨过后,京广北路隧道的积水已抽干。", "zh"), ("他住在京广中路附近。", "zh"),  # streets named for a railway line
])
def test_the_character_inside_other_words_or_without_context_is_nothing(text: str, lang: str) -> None:
    assert tag_texts([text], [lang]) == [[]]


def test_nanjing_and_beijing_stay_whole_names() -> None:
    (mentions,) = tag_texts(["北京与南京的高铁。"], ["zh"])
    assert [m["surface"] for m in mentions] == ["北京", "南京"]


def test_a_bad_rule_file_names_the_key() -> None:
    with pytest.raises(ValueError, match="rules.yaml: 'before' must be a list"):
        parse_rules("partners: [京]\nbefore: 进\nafter: []\nnever_in: []\npair_heads: []\nstreet_heads: []\n", "rules.yaml")
    with pytest.raises(ValueError, match="rules.yaml is not valid YAML"):
        parse_rules("partners: [", "rules.yaml")
