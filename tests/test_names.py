"""Transliteration-aware name keys."""

from __future__ import annotations

from khaldun.kb.names import name_key, surname_key


def test_spelling_variants_share_a_key() -> None:
    keys = {name_key(n) for n in ["Al-Kazemi", "Al-Kazimi", "al-Kadhimi", "Kadhimi", "AL KAZEMI"]}
    assert keys == {"kazimi"}


def test_titles_and_possessives_are_dropped() -> None:
    assert name_key("Ayatollah Ali Khamenei") == name_key("Ali Khamenei")
    assert name_key("Mustafa Al-Kazemi’s") == name_key("Mustafa al-Kadhimi")


def test_distinct_names_stay_distinct() -> None:
    assert name_key("Kazmi") != name_key("Kazimi")
    assert name_key("Rouhani") != name_key("Rahmani")


def test_surname_key_is_the_last_part() -> None:
    assert surname_key("Mohammad Javad Zarif") == "zarif"
    assert name_key("Mohammed bin Salman") == name_key("Mohammad bin Salman")
