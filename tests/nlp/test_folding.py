"""The simplified copy of a text: one character for one, so a slice of the whole text's copy is the copy of the slice."""

from __future__ import annotations

from nlp.folding import simplified_table, simplified_text


def test_every_table_entry_maps_one_character_to_one() -> None:
    """The windows around each name are slices of the text's copy (``simplified_text``): that holds only while no
    entry of the table writes more or fewer than one character."""
    assert all(len(value) == 1 for value in simplified_table().values())


def test_a_slice_of_the_copy_is_the_copy_of_the_slice() -> None:
    text = "臺灣與香港的經濟關係，廣州市政府表示⼭東省和澳門將於明年舉辦會議。Hong Kong 上海"
    copy = simplified_text(text)
    assert len(copy) == len(text) and copy != text
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert copy[start:end] == text[start:end].translate(simplified_table())
