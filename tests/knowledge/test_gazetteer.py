"""Place names to places: namesakes told apart by the country a story was filed from."""

from __future__ import annotations

from khaldun.knowledge import Knowledge


def test_a_city_name_borne_in_several_countries_is_the_most_populous_one_by_default(
    knowledge: Knowledge,
) -> None:
    place = knowledge.gazetteer.resolve("San Antonio")
    assert place is not None and place.country == "USA"


def test_the_home_country_chooses_among_cities_of_one_name(knowledge: Knowledge) -> None:
    gazetteer = knowledge.gazetteer
    assert gazetteer.resolve("San Antonio", home="CHL").country == "CHL"
    assert gazetteer.resolve("Hyderabad", home="PAK").country == "PAK"
    assert gazetteer.resolve("Hyderabad", home="IND").country == "IND"
    # A home with no city of the name changes nothing; nor does it move a capital.
    assert gazetteer.resolve("San Antonio", home="NOR").country == "USA"
    assert gazetteer.resolve("Tripoli", home="LBN").country == "LBY"


def test_a_name_written_without_its_accents_is_the_city_that_bears_it_with_them(knowledge: Knowledge) -> None:
    # Valparaíso in Chile, not the smaller Valparaiso of Indiana spelt without an accent.
    assert knowledge.gazetteer.resolve("Valparaiso").country == "CHL"


def test_the_dateline_s_country_is_the_one_it_names_after_its_place(knowledge: Knowledge) -> None:
    gazetteer = knowledge.gazetteer
    assert gazetteer.home_country("SAN ANTONIO", ("Chile",)) == "CHL"
    assert gazetteer.home_country("SAN ANTONIO", ("Texas",)) == "USA"
    assert gazetteer.home_country("LIMA") == "PER"
    assert gazetteer.home_country(None) is None
