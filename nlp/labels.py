"""The mention labels of the tagger's output (``citywatch tag``), the vocabulary review and scoring share."""

LABELS = ("LITERAL", "METONYMIC", "ORG_PART", "OTHER_PLACE", "NOT_PLACE")
CITY_LABELS = frozenset({"LITERAL", "METONYMIC", "ORG_PART"})  # a mention with these names a Chinese city
CITYLESS = frozenset(LABELS) - CITY_LABELS  # never carry a city
# The labels the classifier learns, in the column order of its weights. OTHER_PLACE is not
# among them: whether a name means a foreign namesake is the linker's decision.
LEARNED_LABELS = tuple(label for label in LABELS if label != "OTHER_PLACE")
