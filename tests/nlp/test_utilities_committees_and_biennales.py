"""Classes of stop 64's fifth change (3.35; their classes, not their sentences), each with the counterpart that stays
what it is.

Chinese: the power grid's units named by their city (电业局, 供电局), electrical makers (南京电气) and the Youth
League's city committee by its short name (团市委), while the city's own bureau (市公安局) and its electrified railway
stay the city; Arabic: associations and biennales named by their city (جمعية, بينالي), while a visit to the city stays
the city; (3.36) the women's tour's events by their host after "WTA" in Spanish, Italian and Portuguese (el WTA
500 de Ningbo) and a Russian laboratory named for its city, while a stay or a laboratory in the city stays the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("zh", "暴雪过后,唐山供电局连夜抢修线路。", "唐山", ["ORG_PART"]),
    ("zh", "他在保定市电业局工作了三十年。", "保定市", ["ORG_PART"]),
    ("zh", "哈尔滨电气中标了这座水电站的机组。", "哈尔滨", ["ORG_PART"]),
    ("zh", "泉州团市委组织青年志愿者清理海滩。", "泉州", ["ORG_PART"]),
    ("zh", "保定市公安局通报了案件进展。", "保定市", ["LITERAL"]),
    ("zh", "唐山的电气化铁路改造完成。", "唐山", ["LITERAL"]),
    ("ar", "أقامت جمعية هونغ كونغ للفنون معرضا جديدا.", "هونغ كونغ", ["ORG_PART"]),
    ("ar", "افتتح بينالي شنغهاي دورته الجديدة بمشاركة واسعة.", "شنغهاي", ["ORG_PART"]),
    ("ar", "زار الفنانون شنغهاي الشهر الماضي.", "شنغهاي", ["LITERAL"]),
    # 3.36: the women's tour's events by their host in Spanish, Italian and Portuguese, and a Russian laboratory
    ("es", "La italiana se retiró del WTA 250 de Jiujiang por una lesión.", "Jiujiang", ["ORG_PART"]),
    ("it", "Ha vinto il WTA 500 di Zhengzhou battendo la numero due.", "Zhengzhou", ["ORG_PART"]),
    ("pt", "A tenista chegou à final do WTA 250 de Jiujiang.", "Jiujiang", ["ORG_PART"]),
    ("es", "La tenista entrenó en Zhengzhou durante una semana.", "Zhengzhou", ["LITERAL"]),
    ("ru", "Директор Харбинской ветеринарной лаборатории дал интервью.", "Харбинской", ["ORG_PART"]),
    ("ru", "В Харбине открылась новая ветеринарная лаборатория.", "Харбине", ["LITERAL"]),
]

test_utilities_committees_and_biennales = each_label_test(CASES)
