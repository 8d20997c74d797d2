"""Who is who in sentence structures news uses, on sentences written for this test
(real model): pronouns for coordinated people, peoples named by two demonyms,
organisations as modifiers or owners, doers named only by their means, sides of
a domestic event, conditional threats."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(pipeline, text: str, published: str | None = "2015-03-02"):
    return [
        (
            e.source.actor.code if e.source else None,
            e.target.actor.code if e.target else None,
            e.cameo_standard,
        )
        for e in pipeline.code(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" after two coordinated people is both of them.
        ("Cameron and Hollande said they will attack the rebels in Mali.", {"GBRGOV", "FRAGOV"}),
    ],
)
def test_they_after_coordinated_people_is_each_of_them(model_pipeline, text, expected) -> None:
    sources = {src for src, _, _ in _events(model_pipeline, text)}
    assert expected <= sources


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A people named by two demonyms lives in the state of the first.
        ("Iraqi Kurds demanded more autonomy from Baghdad.", ("IRQ", "IRQGOV", "100")),
        # An organisation that modifies a country's name does not replace it.
        ("NATO-member Turkey condemned Russia on Monday.", ("TUR", "RUS", "111")),
        # People "from" an organisation are its own.
        ("Monitors from the OSCE accused Azerbaijan of fraud.", ("IGOEUROSC", "AZE", None)),
        # Violence named only by its means: unidentified armed forces of the place; a bomb
        # makes it a bombing of its kind (CAMEO 1833 roadside, 1832 vehicular).
        ("A roadside bomb killed two Afghan soldiers near the town of Ghazni.", ("AFGUAF", "AFGMIL", "1833")),
        (
            "Four police officers were killed by a car bomb outside of the Pakistani city of Quetta.",
            ("PAKUAF", "PAKCOP", "1832"),
        ),
        # A domestic event's side of no stated country is the other side's.
        ("Judge Maria Lopez opened an investigation into 12 Peruvian officials.", ("PERJUD", "PERGOV", None)),
        # A harm threatened, or made conditional, is a threat (CAMEO 13).
        ("Ghana threatened to cut diplomatic ties with Togo.", ("GHA", "TGO", "1313")),
        ("Kenya may suspend aid to Somalia if the fighting continues.", ("KEN", "SOM", "1311")),
        # ... and its target may be named only by the condition.
        ("Turkey threatened to halt the talks unless Greece withdraws its ships.", ("TUR", "GRC", "134")),
        # A thing in the target slot stands for whose it is.
        ("Egypt rejected an offer from Ethiopia for new talks on the dam.", ("EGY", "ETH", None)),
        ("Spain is investigating alleged abuses by Moroccan border guards.", ("ESP", "MAR", None)),
        # The target of the action a verb introduces may hang on that action's object.
        ("Portugal agreed to send 12 million euros of aid for Malawi.", ("PRT", "MWI", None)),
        # Whose an event is, when a verb says what became of it.
        ("A Swedish minister has cancelled a planned trip to Kenya.", ("SWEGOV", "KEN", "160")),
        # "be opposed to" is the subject's state, not a passive.
        ("Norway is opposed to Swedish membership of the council.", ("NOR", "SWE", None)),
        # A name shared by two known people of one state names that state ("either Bush").
        ("The Bush administration warned Cuba on Tuesday.", ("USAGOV", "CUB", None)),
        # An unknown official of an organisation the phrase names is the organisation's.
        ("African Union envoy Tomas Ndele urged Sudan to free prisoners.", ("IGOAFRAFU", "SDN", None)),
        # A participle after a passive takes its agent: the attackers did the killing.
        ("A market was attacked by Chadian gunmen, killing 30 traders.", ("TCDUAF", "---", "1823")),
        # A thing in the target slot stands for the people it is for.
        ("Kenyan police raided a camp for Somali refugees.", ("KENCOP", "SOMREF", None)),
        # "against X" in a conflict event's own phrase names the target.
        ("Britain mobilised troops for a possible war against Libya.", ("GBR", "LBY", None)),
        # A noun event's own demonym says whose it is.
        ("Iranian protests against Saudi policies continued on Sunday.", ("IRN", "SAU", "14")),
        # An arrest with no doer named is by the authorities of the place.
        ("A French journalist was arrested in Egypt.", ("EGYGOV", "FRA", "173")),
        # A warning's content names whom it is aimed at.
        ("Seoul warned that it would retaliate against North Korea.", ("KOR", "PRK", None)),
        # An event noun's "of" phrase carries its target.
        ("Oman announced a suspension of flights with Iran.", ("OMN", "IRN", None)),
        # An unknown person apposed to a role takes the role's code.
        ("Putin met the Iranian ambassador Kazem Jalali.", ("RUSGOV", "IRNGOV", None)),
        # Failing to reach an agreement is a rejection (CAMEO 12).
        ("Serbia and Kosovo failed to reach an agreement on Monday.", ("SRB", "XKX", "12")),
        # A country name misspelt in the text is still that country.
        ("Uganda rejected an offer from Afganistan for new talks.", ("UGA", "AFG", None)),
        ("The Phillippines army and the rebels clashed on Sunday.", ("PHLMIL", "PHLREB", "19")),
        # A date is not a place: "in March" is not March in Cambridgeshire.
        ("Gunmen killed two Kenyan soldiers in March.", ("---UAF", "KENMIL", None)),
        # A region is a place: its state is the state of the sides no one named.
        ("Police arrested ten protesters in North Kivu.", ("CODCOP", "CODCVL", "173")),
        # People whose origin the parser hangs on the verb are the origin's.
        ("Erdogan hosted a delegation from Iran on Monday.", ("TURGOV", "IRN", "043")),
        ("Police in Ankara arrested protesters from Syria.", ("TURCOP", "SYRCVL", "173")),
        # A city the tagger calls NORP is still a city of its state.
        ("The army shelled Aleppo.", ("SYRMIL", "SYR", "194")),
        # A name that runs on past its head through "of" or "for" is still that name.
        ("The Organisation of Islamic Cooperation condemned Israel.", ("IGOMUSOIC", "ISR", "111")),
        ("The Democratic Republic of the Congo accused Rwanda of backing the rebels.", ("COD", "RWA", "112")),
        # State agencies are their state's.
        ("ICE deported 40 Mexicans on Monday.", ("USACOP", "MEX", "174")),
        # A region named before its kind of area ("Helmand province") is a place and an owner.
        ("Police arrested ten protesters in Helmand province.", ("AFGCOP", "AFGCVL", "173")),
        ("The government of Balochistan province ordered patrols by the police.", ("PAKGOV", None, "15")),
        # A name two known people share is the one of the state the sentence names.
        ("Ghani met Khalilzad in Kabul.", ("AFGGOV", "USA", "040")),
        ("Qaani visited Baghdad, Iranian media said.", ("IRN", "IRQ", "042")),
        # The place may be told in a "when" clause.
        ("A suicide bomber killed 12 people when he blew himself up in Kabul.", ("AFG", "AFGCVL", None)),
        # A light verb's object may be the passive's subject.
        ("Sanctions were imposed on Iran by the United States.", ("USA", "IRN", "163")),
        ("Evidence against Syria was presented by France.", ("FRA", "SYR", "112")),
        # A named group in apposition to a common noun is who acts.
        ("The militant group Hezbollah fired rockets at Israel.", ("LBNREBHEZ", "ISR", "19")),
        # One actor named twice in a subject ("Kuwait and its allies") is one party.
        ("Kuwait and its allies agreed to hold talks with Iraq.", ("KWT", "IRQ", None)),
        # The subject of "is responsible for" did what it is responsible for.
        ("The Malian army is responsible for mass killings in Gao.", ("MLIMIL", "MLI", "202")),
        # A people of one state belongs to it; a people of several, to the one the sentence names.
        ("Uighur separatists attacked a police station in Kashgar.", ("CHNSEP", "CHNCOP", "19")),
        ("Kurdish rebels attacked a Turkish army post.", ("TURREB", "TURMIL", "19")),
        ("Kurdish fighters shelled a Syrian army base near Qamishli.", ("SYR", "SYRMIL", "19")),
        ("Chechens protested against the Russian government.", ("RUSCVL", "RUSGOV", "14")),
        # A light verb's object may be the last of several coordinated nouns.
        (
            "Malian troops launched tank, mortar, and rocket fire against the insurgents.",
            ("MLIMIL", "---INS", "19"),
        ),
        # A name apposed to a role of no country takes the role's sector, and the other side's state.
        ("The Venezuelan government ordered the newspaper El Diario to close.", ("VENGOV", "VENMED", "17")),
        # A people's forces are not the state's: "Tigrayan forces" are rebels.
        ("Ethiopian troops clashed with Tigrayan forces near Mekele.", ("ETHMIL", "ETHREB", "19")),
        # A passive harm with no agent was done by the subject of its "when" clause.
        ("Three civilians were killed when Syrian troops shelled the village.", ("SYRMIL", "---CVL", "18")),
        # A seat of power inside the tagger's longer name still names the state.
        ("The US State Department warned Russia on Monday.", ("USAGOV", "RUS", "13")),
        # An amount of a currency says what it buys with "in".
        ("Germany pledged 500 million euros in military aid to Ukraine.", ("DEU", "UKR", "0332")),
        # Talks between two differently coded sides of one state run both ways.
        (
            "Colombia's government and the ELN rebels resumed peace talks in Havana.",
            ("COLREB", "COLGOV", "046"),
        ),
        # "the kingdom" is the state the sentence has just named.
        ("The Saudi foreign minister said the kingdom would restore ties with Iran.", ("SAU", "IRN", "03")),
        # A main verb the parser hangs on the subject's name as a relative clause keeps its subject.
        (
            "Russian Foreign Minister Sergei Lavrov, speaking after talks with his Chinese counterpart,"
            " accused Washington of seeking to contain both countries.",
            ("RUSGOV", "USA", "112"),
        ),
        # An apposed role names an actor a name alone does not.
        (
            "Kaito Shimura, the United Nations envoy, urged Myanmar to free prisoners.",
            ("IGOUNO", "MMR", None),
        ),
    ],
)
def test_structure(model_pipeline, text, event) -> None:
    source, target, code = event
    found = _events(model_pipeline, text)
    assert any(
        s is not None
        and s.startswith(source)
        and (t is None if target is None else t is not None and t.startswith(target[:3]))
        and (code is None or c.startswith(code))
        for s, t, c in found
    ), found


def test_best_known_office_without_a_date(model_pipeline) -> None:
    # No publication date: Obama is coded by the presidency, not his earlier Senate seat.
    events = model_pipeline.code("Obama met Putin in Paris.", published=None)
    assert any(e.source and e.source.actor.code == "USAGOV" for e in events), events


def test_what_a_demand_asks_is_not_an_event_of_its_own(model_pipeline) -> None:
    text = "Chile demanded that its neighbours refuse to recognise the new government of Peru."
    roots = {code[:2] for _, _, code in _events(model_pipeline, text)}
    assert roots == {"10"}, roots


def test_what_an_allegation_alleges_is_not_an_event_of_its_own(model_pipeline) -> None:
    text = "Human Rights Watch alleged that Syrian forces killed 20 civilians in Homs."
    roots = {code[:2] for _, _, code in _events(model_pipeline, text)}
    assert roots == {"11"}, roots


ARREST_FOR_SPYING = "A Dutch aid worker was arrested in Sudan for spying for Eritrea."


def test_the_reason_for_an_arrest_is_not_an_event_of_its_own(rules_pipeline) -> None:
    roots = {code[:2] for _, _, code in _events(rules_pipeline, ARREST_FOR_SPYING)}
    assert roots == {"17"}, roots


@pytest.mark.xfail(
    strict=True,
    reason="known error of the second opinion: it reads 'for spying' as an accusation and relabels "
    "the arrest (17) to 160; when a retrained model gets it right, this test says so",
)
def test_the_second_opinion_keeps_an_arrest_for_spying(opinion_pipeline) -> None:
    roots = {code[:2] for _, _, code in _events(opinion_pipeline, ARREST_FOR_SPYING)}
    assert roots == {"17"}, roots


def test_what_is_done_in_a_riot_is_the_riot(model_pipeline) -> None:
    text = "Inmates rioted at a prison in Peru, setting fire to their bedding and breaking windows."
    roots = {code[:2] for _, _, code in _events(model_pipeline, text)}
    assert roots == {"14"}, roots


def test_a_denied_event_keeps_its_code_and_reads_as_a_denial(model_pipeline) -> None:
    events = model_pipeline.code("Iran denied that it had supplied drones to Russia.", published="2023-01-10")
    assert [(e.cameo, e.modality.value, e.cameo_standard) for e in events] == [("072", "denied", "016")]


def test_the_explanation_says_why_the_codebook_code_differs(model_pipeline) -> None:
    (event,) = model_pipeline.code("Iran said it will free the British sailors.", published="2019-07-01")
    assert event.cameo == "0841" and event.cameo_standard == "0353"
    assert any(line.startswith("codebook code 0353") for line in event.explanation), event.explanation


def test_a_trigger_is_not_a_modality_cue_about_itself(model_pipeline) -> None:
    # "denied entry" is a denial that happened, not a denied event.
    events = model_pipeline.code("Israel denied entry to a UN investigator.", published="2015-03-02")
    assert [e.modality.value for e in events if e.cameo.startswith("12")] == ["asserted"]


def test_no_note_for_a_trigger_whose_side_was_found_later(model_pipeline) -> None:
    # The arrest's doer is found after matching (the authorities of the place): the
    # explanation must not also say that no source was found.
    from khaldun import Document

    coded = model_pipeline.code_document(
        Document(text="A French journalist was arrested in Egypt.", id="d", published=None)
    )
    assert [e.cameo for e in coded.events] == ["173"]
    assert coded.notes == ()


def test_a_future_refusal_is_one_sided(model_pipeline) -> None:
    # "will not negotiate" is a rejection (125) by Iran only; the US refused nothing.
    found = _events(model_pipeline, "Iran will not negotiate with the United States.")
    assert found == [("IRN", "USA", "125")], found


@pytest.mark.parametrize(
    "text",
    [
        # With the line end a file gives, the parser hangs "to Afghanistan" on "worth".
        "Japanese aid groups delivered $20,000 worth of medicine to Afghanistan.\n",
        "Japanese aid groups delivered $20,000 worth of medicine to Afghanistan.",
    ],
)
def test_the_recipient_of_a_measured_gift_is_the_target(rules_pipeline, text) -> None:
    assert _events(rules_pipeline, text) == [("JPNNGO", "AFG", "073")]


def test_what_a_demonstration_calls_for_is_the_demonstration(rules_pipeline) -> None:
    text = "Kenyan students rioted after a peaceful demonstration calling for the resignation of the Kenyan president."
    assert {code[:2] for _, _, code in _events(rules_pipeline, text)} == {"14"}
