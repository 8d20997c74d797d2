"""The event lexicon on short news sentences written for this test (real model).

Each case names one event the sentence must give: (source code, target code,
CAMEO code), None for a side with no actor. Other events may come with it; the negative cases list roots the
sentence must not give (a statement verb governing an event noun, another
sense of a trigger word).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    ("Syrian troops shelled rebel positions near Aleppo on Monday.", ("SYRMIL", "SYRREB", "194")),
    ("The United States imposed sanctions on Iran.", ("USA", "IRN", "163")),
    ("The European Union lifted sanctions against Myanmar.", ("IGOEUREEC", "MMR", "085")),
    ("Egypt called on Israel to release Palestinian prisoners.", ("EGY", "ISR", "0253")),
    ("Russia accused Ukraine of violating the ceasefire.", ("RUS", "UKR", "112")),
    ("China rejected a proposal by Japan to hold talks.", ("CHN", "JPN", "125")),
    ("Iraqi police arrested dozens of protesters in Basra on Friday.", ("IRQCOP", "IRQCVL", "173")),
    ("Israel launched airstrikes on Gaza.", ("ISR", "PSE", "195")),
    ("Japan pledged humanitarian aid to Afghanistan.", ("JPN", "AFG", "0333")),
    ("Germany sent humanitarian aid to Turkey after the earthquake.", ("DEU", "TUR", "073")),
    ("Saudi Arabia cut diplomatic ties with Qatar.", ("SAU", "QAT", "161")),
    ("France praised Germany for its handling of the crisis.", ("FRA", "DEU", "051")),
    # What is dismissed as something is criticised; findings dismissed are denied.
    (
        "The Ugandan government dismissed the EU statement as interference in its internal affairs.",
        ("UGAGOV", "IGOEUREEC", "111"),
    ),
    ("Tanzania dismissed the findings of the African Union observers.", ("TZA", "IGOAFRAFU", "016")),
    # The "as" of a verdict hung on the object; a verdict word beyond the first list.
    ("Poland described the granting of asylum by Hungary as a hostile act.", ("POL", "HUN", "111")),
    ("Latvia described the expulsion of its diplomats by Russia as unjustified.", ("LVA", "RUS", "111")),
    # Concern and disappointment said of the speaker, the participle read as an adjective.
    (
        "Germany said it was deeply concerned about Serbia's decision to expel the journalists.",
        ("DEU", "SRB", "012"),
    ),
    ("Canberra said it was deeply disappointed by the decision of Kiribati.", ("AUSGOV", "KIR", "111")),
    # Relief carried by a ship sent with it, by helicopters, in kits.
    ("The French navy dispatched a patrol vessel with relief supplies to Vanuatu.", ("FRAMIL", "VUT", "073")),
    (
        "South African Air Force helicopters ferried medical supplies to villages in Mozambique.",
        ("ZAFMIL", "MOZ", "073"),
    ),
    # Agreeing that something is so is accord, whatever it is about; agreeing to do it, intent.
    ("Kenya and Uganda agreed that the border dispute needed a quick settlement.", ("KEN", "UGA", "019")),
    ("Kenya and Uganda agreed to settle the border dispute.", ("UGA", "KEN", "037")),
    # Imports banned are an embargo on their country; money committed, announced or pledged
    # to help a country is aid promised to it.
    ("Botswana on Monday banned imports of fresh vegetables from South Africa.", ("BWA", "ZAF", "163")),
    ("Germany committed 55 million euros to Somalia.", ("DEU", "SOM", "033")),
    ("Britain pledged 60 million pounds to help Somalia recover.", ("GBR", "SOM", "033")),
    ("Japan pledged aid to help Haiti rebuild.", ("JPN", "HTI", "033")),
    # What a carrier sent carries is what was sent, wherever the parser hangs the load.
    (
        "New Zealand dispatched an air force Hercules carrying tarpaulins and generators to Tonga.",
        ("NZL", "TON", "070"),
    ),
    (
        "New Zealand sent an air force Hercules loaded with water purification equipment to Vanuatu.",
        ("NZL", "VUT", "070"),
    ),
    ("Kenya sent troops to Haiti.", ("KEN", "HTI", "154")),
    # Memoranda signed are agreements signed.
    ("Japan and Vietnam signed memoranda of understanding on port projects.", ("JPN", "VNM", "057")),
    # A member suspended from a body's activities.
    (
        "The African Union suspended Niger from all its activities after the coup.",
        ("IGOAFRAFU", "NER", "160"),
    ),
    # Work stopped is a strike.
    ("Thousands of Kenyan teachers walked off the job on Monday.", ("KENEDU", "KEN", "143")),
    ("Nigerian doctors downed tools over unpaid wages.", ("NGAHLH", "NGA", "143")),
    ("Kenya respects the sovereignty of Somalia, its president said.", ("KEN", "SOM", "051")),
    ("Japan sent emergency generators to Mongolia after the blizzard.", ("JPN", "MNG", "073")),
    ("Cuba described the American embargo as illegal.", ("CUB", "USA", "111")),
    # A verdict in quotation marks is a verdict all the same (not a telephone call); the
    # president of no stated country speaks for the other side of Venezuela's dyad.
    (
        "A Venezuelan navy patrol boat seized a Guyanese fishing vessel on Tuesday. President Irfaan Ali "
        'called the seizure "an act of piracy" and demanded the immediate release of the crew.',
        ("GUYGOV", "VENMIL", "111"),
    ),
    (
        "Australia expelled 41 Sri Lankan fishermen. Amnesty called the expulsion a cruel and unlawful act.",
        ("NGOHRIAMN", "AUS", "111"),
    ),
    ("China extended a $2 billion credit line to Pakistan.", ("CHN", "PAK", "071")),
    ("The IMF approved a bailout for Egypt.", ("IGOIMF", "EGY", "071")),
    ("The Ugandan authorities blocked access to the social network Facebook.", ("UGAGOV", "UGA", "1721")),
    # Claims called baseless are denied, not made.
    ("Ghana described the Togolese claims as unfounded.", ("GHA", "TGO", "016")),
    # Whoever began the process of doing it does it.
    ("Kenya began the process of withdrawing its troops from Somalia.", ("KEN", "SOM", "0874")),
    # Given to a thing at a place ("to a force in Chad"): the place's country is the target.
    ("Rwanda will contribute 800 troops to a regional force in Mozambique.", ("RWA", "MOZ", "074")),
    ("The Palestinian Authority suspended security coordination with Israel.", ("PSEGOV", "ISR", "160")),
    # Another state's airspace violated or entered is a show of force at it.
    ("Two Turkish fighter jets violated Greek airspace over the Aegean.", ("TURMIL", "GRC", "150")),
    ("A Belarusian military helicopter entered Polish airspace on Sunday.", ("BLR", "POL", "150")),
    # The parser may hang the noun's "by" on its "of" object; the doer is still the "by".
    (
        "The arrest of the opposition leader by Tanzanian police sparked protests.",
        ("TZACOP", "TZAOPP", "173"),
    ),
    # Accusations exchanged or traded go both ways (the reverse direction is coded too).
    ("Peru traded accusations with Chile over the border incident.", ("PER", "CHL", "112")),
    ("Peru and Chile exchanged accusations over the border incident.", ("CHL", "PER", "112")),
    # Criticism an act drew is criticism of its author by those it came from.
    ("Turkey's offensive in northern Iraq drew sharp condemnation from Baghdad.", ("IRQGOV", "TUR", "111")),
    ("The Venezuelan decision sparked criticism from Brazil.", ("BRA", "VEN", "111")),
    ("Chile reaffirmed its respect for Peru's territorial integrity.", ("CHL", "PER", "051")),
    # An allegation or complaint accuses whom its content clause names, and is the one event.
    ("Eritrea alleged that Sweden had armed the rebels.", ("ERI", "SWE", "112")),
    ("Lebanon complained that Israeli jets had violated its airspace.", ("LBN", "ISRMIL", "114")),
    # The parser's "dative" to is a target slot like any "to".
    ("The Italian navy gives medical equipment to Tunisia.", ("ITAMIL", "TUN", "073")),
    # A matter raised with another party is talked over; on the telephone, 041.
    ("Chile's foreign minister raised the issue with his Peruvian counterpart.", ("CHLGOV", "PER", "040")),
    (
        "Norway's prime minister raised the case with Iran's president by telephone.",
        ("NORGOV", "IRNGOV", "041"),
    ),
    # Every party of a bond is a target ("relations with Congo and Costa Rica").
    ("Pakistan threatened to break off relations with Congo and Costa Rica.", ("PAK", "CRI", "1313")),
    (
        "The Mauritanian coast guard fired warning shots at a Senegalese fishing boat.",
        ("MRTMIL", "SEN", "150"),
    ),
    # "The protest" after a protest lodged is that complaint, not a rally.
    ("Peru lodged a protest with Chile on Monday. Chile rejected the protest.", ("CHL", "PER", "120")),
    # Aid announced is aid promised (CAMEO 2.0 ANNOUNCE * AID).
    ("Japan announced $5 million in humanitarian aid for Nepal.", ("JPN", "NPL", "0333")),
    # Two states joined by a hyphen are both parties of the noun.
    ("Kenyan-Ugandan talks on the border dispute resumed on Monday.", ("UGA", "KEN", "040")),
    # A spokesman for a government speaks for its country.
    ("A spokesman for the Iranian government criticised Iraq.", ("IRNGOV", "IRQ", "111")),
    ("A spokeswoman for the French foreign ministry criticised Mali.", ("FRAGOV", "MLI", "111")),
    # Fire on the other side of a border, or on its soil, is aimed at that state.
    ("Indian troops shelled posts on the Pakistani side of the Line of Control.", ("INDMIL", "PAK", "194")),
    ("Israeli jets struck targets on Syrian soil.", ("ISRMIL", "SYR", "195")),
    # Exports cut to a state reduce relations with it; tariffs raised on it are imposed.
    ("Kazakhstan cut wheat exports to Uzbekistan in March.", ("KAZ", "UZB", "160")),
    ("Canada raised tariffs on Chinese electric cars.", ("CAN", "CHN", "163")),
    ("The European Union tightened sanctions on Belarus.", ("IGOEUREEC", "BLR", "163")),
    # "Hoped", "staged", "waged": forms the model's lemmatizer gets wrong.
    ("The Kenyan president hoped to visit Tanzania in the spring.", ("KENGOV", "TZA", "042")),
    # A promise of one's own conduct is an intent with no other party.
    ("President Duque vowed to fight corruption in Colombia.", ("COLGOV", None, "030")),
    # A deadline given to a party is an ultimatum (139).
    ("The Security Council set Iraq a deadline to withdraw from Kuwait.", ("IGOUNOSEC", "IRQ", "139")),
    # A protest in words (a that-clause) criticizes; a protest in the street demonstrates.
    (
        "A human rights group protested that Serbian police had beaten Roma families.",
        ("---HRI", "SRBCOP", "111"),
    ),
    ("Thousands of farmers protested outside parliament in Delhi.", ("INDAGR", "INDLEG", "141")),
    # Verbs of CAMEO 2.0's dictionary: storming, exchanging fire, reneging, a commitment.
    ("Protesters stormed the parliament building in Colombo.", ("LKACVL", "LKALEG", "145")),
    ("Indian troops exchanged fire with Pakistani soldiers.", ("PAKMIL", "INDMIL", "193")),
    ("Turkey reneged on its promise to open the border.", ("TUR", None, "160")),
    ("France is committed to the security of Lebanon.", ("FRA", "LBN", "0312")),
    ("Rebels committed atrocities against civilians in Kivu.", ("CODREB", "CODCVL", "180")),
    ("The United States slapped tariffs on Chinese steel.", ("USA", "CHN", "163")),
    ("Sudan handed over the suspects to Egypt.", ("SDN", "EGY", "063")),
    # Money pledged is aid promised.
    ("Germany pledged 2 billion euros to Ukraine.", ("DEU", "UKR", "033")),
    # Condemning an event whose doer is not named is aimed at the country it happened in.
    ("Turkey condemned the coup in Niger.", ("TUR", "NER", "111")),
    ("The UN criticized the crackdown in Minsk.", ("IGOUNO", "BLRGOV", "111")),
    # A coup (SEIZE * POWER); the small model labels "Niger" a date, but it is a country.
    ("The army seized power in Niger on Wednesday.", ("NERMIL", "NER", "180")),
    # An act with no other party stands beside another doer's act in its "as" clause.
    (
        "The Peruvian president resigned on Sunday as the opposition threatened to storm the palace.",
        ("PERGOV", "PER", "0831"),
    ),
    ("Russia pulled back its troops from the border with Ukraine.", ("RUS", "UKR", "0874")),
    ("Security forces crushed the protests in Minsk.", ("BLRMIL", "BLR", "175")),
    # A vow of force is a threat of force.
    ("The president vowed to crush the rebels.", ("---GOV", "---REB", "138")),
    # Refusing to confirm is declining comment, not a rejection.
    ("The Chinese foreign ministry refused to confirm the reports.", ("CHNGOV", None, "011")),
    # Air defences are the military; what they shoot down is not their own country's.
    ("The Russian army said its air defences had destroyed 24 drones.", ("RUSMIL", "---MIL", "1712")),
    # An act beside a conjunct's complement ("..., and the army began pulling out") stands.
    (
        "Bangladesh's government lifted the curfew on Sunday, and the army began pulling its troops out of Dhaka.",
        ("BGDGOV", "BGD", "0813"),
    ),
    # A role word says no more than the sector word before it: the army's delegation.
    ("The Sudanese army delegation rejected the proposal from Kenya.", ("SDNMIL", "KEN", "120")),
    # A name that is a verdict criticizes or praises what is named, or whose it is.
    ("Iran called the Israeli strike a war crime.", ("IRN", "ISR", "111")),
    ("President Petro called the Cuban proposal historic.", ("COLGOV", "CUB", "051")),
    ("The United States reimposed oil sanctions on Venezuela.", ("USA", "VEN", "163")),
    # Arms named by their kind are military aid.
    ("The United States sent HIMARS launchers to Ukraine.", ("USA", "UKR", "072")),
    # In a story's first sentence, groups named with no country are of where it happens.
    (
        "Police in Nairobi fired tear gas at protesters who marched on parliament.",
        ("KENCOP", "KENCVL", "175"),
    ),
    # A seizure condemned is aimed at whoever seized, named or not.
    ("The United States condemned the Iranian seizure of the tanker.", ("USA", "IRN", "111")),
    # An appeal the parser joins to what was said is the speaker's.
    (
        "The United States said the vote was not fair and urged the Kenyan government to free the activists.",
        ("USA", "KENGOV", "0253"),
    ),
    # Verbs joined by "and" share their object: both acts are against its owner.
    ("Iran condemned and rejected the sanctions imposed by the United States.", ("IRN", "USA", "111")),
    # "they" after "a group of elders" are the elders.
    ("A group of Kenyan elders said they had met the Ugandan president.", ("KENCVL", "UGAGOV", "040")),
    # Letting a party do what it asked is yielding to it.
    ("The Thai junta allowed the opposition to hold rallies in Bangkok.", ("THAGOV", "THAOPP", "080")),
    # A hyphenated object the tokenizer splits is still one word.
    (
        "President Gustavo Petro announced a three-day cease-fire with the ELN.",
        ("COLGOV", "COLREBELN", "0871"),
    ),
    ("The Jordanian army distributed food and medicine to Syrian refugees.", ("JORMIL", "SYRREF", "073")),
    # Taking in refugees grants asylum; refusing to is a rejection; laying down arms is disarming.
    ("Germany accepted 1,500 refugees from Syria.", ("DEU", "SYRREF", "075")),
    ("Chadian rebels laid down their weapons on Friday.", ("TCDREB", "TCD", "0873")),
    # Days of exercises are exercises; joint ones are military cooperation (062).
    ("Chilean and Peruvian warships launched joint naval exercises.", ("CHLMIL", "PERMIL", "062")),
    ("The French army is training Malian pilots.", ("FRAMIL", "MLIMIL", "062")),
    # Condolences sent, concern conveyed.
    ("Chancellor Scholz sent condolences to the Moroccan king.", ("DEUGOV", "MARGOV", "018")),
    (
        "The Dutch embassy conveyed its worries about the new law to the Turkish government.",
        ("NLD", "TURGOV", "012"),
    ),
    # Ordering foreign forces out is an expulsion; repression with water cannon; arson by protesters.
    ("Niger's junta ordered French troops to leave the country.", ("NERGOV", "FRAMIL", "166")),
    ("Greek police used water cannon against migrants at the border.", ("GRCCOP", "GRCCVL", "175")),
    ("Protesters set fire to the parliament building in Tbilisi.", ("GEOCVL", "GEOLEG", "145")),
    # A thing does not act: "used force to disperse" is the user dispersing.
    ("Police in Harare used tear gas to disperse opposition supporters.", ("ZWECOP", "ZWEOPP", "175")),
    # A date's "on" is no particle: calling someone on Friday is a phone call, not an appeal.
    ("French President Emmanuel Macron called Vladimir Putin on Friday.", ("FRAGOV", "RUSGOV", "041")),
    ("Brazil's electoral court barred Bolsonaro from running for office.", ("BRAJUD", "BRAGOV", "1722")),
    ("The Pakistani army launched an operation against militants.", ("PAKMIL", "---INS", "190")),
    # Weapons supplied are military aid to whom they go; talks "between" two parties run both ways.
    ("Iran supplied drones to Russia.", ("IRN", "RUS", "072")),
    ("Talks between Israel and Hamas resumed in Cairo.", ("PSEREBHMS", "ISR", "040")),
    # "for X to do Y": X is whom the appeal is to.
    ("The UN called for Israel to halt settlement construction.", ("IGOUNO", "ISR", "020")),
    # What is received "from" someone is theirs to give: jets are military aid, a call is a call.
    ("Ukraine received the first batch of F-16 fighter jets from Denmark.", ("DNK", "UKR", "072")),
    (
        "The Egyptian president received a phone call from the Saudi crown prince.",
        ("SAUGOV", "EGYGOV", "041"),
    ),
    # Cyber warfare is a cyber attack (176).
    ("North Korea launched cyber warfare against Japan.", ("PRK", "JPN", "176")),
    # Statements (01): declining comment, considering an option, issuing a statement.
    ("Hungary declined to comment on the leaked memo.", ("HUN", None, "011")),
    (
        "Maduro expressed pessimism about negotiations with the Colombian government.",
        ("VENGOV", "COLGOV", "012"),
    ),
    ("Nigeria's foreign ministry issued a statement after the shooting.", ("NGAGOV", None, "010")),
    ("Japan's government is considering easing its ban on arms exports.", ("JPNGOV", None, "014")),
    ("The White House said it was reviewing its policy toward Cuba.", ("USAGOV", None, "014")),
    # A message or letter of something is that thing sent ("a message of condolence").
    ("Xi Jinping sent a message of condolence to Turkish President Erdogan.", ("CHNGOV", "TURGOV", "018")),
    ("Egypt sent a letter of complaint to the UN Security Council.", ("EGY", "IGOUNOSEC", "114")),
    # Intelligence passed on is shared (064).
    (
        "U.S. authorities passed intelligence on smuggling routes to Mexican officials.",
        ("USAGOV", "MEXGOV", "064"),
    ),
    # A withdrawal or an approval welcomed is approval of whoever withdrew or approved.
    (
        "Israeli troops pulled out of the Lebanese town of Khiam on Wednesday. Lebanon's prime minister welcomed the withdrawal.",
        ("LBNGOV", "ISRMIL", "051"),
    ),
    (
        "The IMF approved a loan to Egypt on Friday. Egypt's finance minister welcomed the approval.",
        ("EGYGOV", "IGOIMF", "051"),
    ),
    # Welcoming what someone decided is approval of its author; welcoming a person is hosting.
    ("Egypt welcomed the decision by Iran to free the sailors.", ("EGY", "IRN", "051")),
    ("King Abdullah welcomed the Iraqi prime minister in Amman.", ("JORGOV", "IRQGOV", "043")),
    ("Egypt and Israel signed an agreement on gas exports.", ("ISR", "EGY", "057")),
    ("Gunmen kidnapped two Turkish engineers in Iraq.", ("IRQUAF", "TUR", "181")),
    ("The Iraqi government demanded that Turkey withdraw its troops.", ("IRQGOV", "TUR", "1056")),
    (
        "Russian President Vladimir Putin spoke by telephone with Turkish President Recep Tayyip Erdogan.",
        ("RUSGOV", "TURGOV", "041"),
    ),
    ("Thousands of Iraqis protested against the government in Baghdad on Friday.", ("IRQ", "IRQGOV", "141")),
    # An offer to mediate is the intent (039), not the mediation (045).
    ("Qatar offered to mediate between Hamas and Israel.", ("QAT", "ISR", "039")),
    # Aid or assurances received "from" X are X's.
    ("Syria received weapons from Russia last year.", ("RUS", "SYR", "072")),
    ("Lebanon received assurances from France about the border talks.", ("FRA", "LBN", "036")),
    ("Britain presented evidence against Iran at the Security Council.", ("GBR", "IRN", "112")),
    ("A Peruvian court cancelled restrictions on the media.", ("PERJUD", "PERMED", "0811")),
    ("Syria closed its border with Jordan on Monday.", ("SYR", "JOR", "191")),
    ("Egypt will evacuate its troops from Yemen.", ("EGY", "YEM", "087")),
    ("The Kenyan government ordered police patrols in Mombasa.", ("KENGOV", "KEN", "153")),
    # Peacekeepers who arrive are a peacekeeping deployment, not a visit.
    ("Nigerian peacekeepers arrived in Liberia on Tuesday.", ("NGAMIL", "LBR", "074")),
    # A coordinated object counts: "photographs and other intelligence".
    ("Britain gave maps and other intelligence to Kenya.", ("GBR", "KEN", "064")),
    # A withdrawal of troops is a military retreat.
    ("Russia completed the withdrawal of its troops from Syria.", ("RUS", "SYR", "0874")),
    # Calling for a withdrawal is an appeal, not the withdrawal.
    ("Colombia called for the withdrawal of Venezuelan troops from the border.", ("COL", "VENMIL", "0256")),
    # Property given back, sanctions eased, exercises begun, bans repealed.
    ("Germany returned looted artifacts to Nigeria on Tuesday.", ("DEU", "NGA", "0842")),
    ("Canada cut sanctions on Venezuela.", ("CAN", "VEN", "085")),
    ("Indian and French warships began a joint exercise in the Arabian Sea.", ("INDMIL", "FRAMIL", "062")),
    ("Bahrain repealed the ban on opposition parties.", ("BHR", "BHROPP", "0812")),
    # A statement about a thing is a statement all the same.
    ("The UN envoy expressed concern about the escalation of violence.", ("IGOUNO", None, "012")),
    # Arson is destruction of property; by protesters it is a violent protest (145).
    ("Israeli settlers burned a mosque in the West Bank.", ("ISRSET", "PSEREL", "1712")),
    ("Protesters torched a police station in Karachi.", ("PAKCVL", "PAKCOP", "145")),
    # A host's guest makes a visit: "X hosted Y" is 043 for X and 042 for Y.
    ("Putin hosted Erdogan in Sochi on Monday.", ("RUSGOV", "TURGOV", "043")),
    ("Putin hosted Erdogan in Sochi on Monday.", ("TURGOV", "RUSGOV", "042")),
    # States of siege, tear gas, troop withdrawals from a place that is no actor.
    ("The Nepalese government declared a state of emergency in Kathmandu.", ("NPLGOV", "NPL", "1724")),
    ("Kenyan police fired tear gas at protesters in Nairobi.", ("KENCOP", "KENCVL", "175")),
    ("India withdrew its troops from the disputed glacier.", ("IND", None, "0874")),
    # Money given is economic aid; "in humanitarian aid" says which.
    ("Canada gave $2 million to Nigeria.", ("CAN", "NGA", "071")),
    ("Japan provided $5 million in humanitarian aid to Syria.", ("JPN", "SYR", "073")),
    # Wanting someone else to act is an appeal to them.
    ("The United States wants Iran to halt uranium enrichment.", ("USA", "IRN", "020")),
    # Condolences for a disaster go to the country where it struck.
    ("Japan expressed sorrow for the victims of the flood in Bangladesh.", ("JPN", "BGDCVL", "018")),
    # The subject of "guilty of", "responsible for" does the verb.
    ("Hamas is responsible for firing rockets at Israel.", ("PSEREBHMS", "ISR", "190")),
    ("Washington is pressuring Seoul to cut oil imports.", ("USAGOV", "KORGOV", "100")),
    # Sharing know-how (060) and intelligence (064); joint exercises (062), both ways
    # between coordinated partners.
    ("Japan shared its earthquake expertise with Nepal.", ("JPN", "NPL", "060")),
    ("Jordan shared intelligence with Egypt about the smuggling network.", ("JOR", "EGY", "064")),
    ("Egypt staged military drills with Greece.", ("EGY", "GRC", "062")),
    ("India held war games with France.", ("IND", "FRA", "062")),
    ("Egypt and Greece staged joint naval drills.", ("GRC", "EGY", "062")),
    # Aid donated, handed over or contributed (07x by the aid refinements).
    ("Kuwait donated medicine to Yemen.", ("KWT", "YEM", "073")),
    ("China handed over medical supplies to Nepal.", ("CHN", "NPL", "073")),
    ("Ghana contributed troops to the United Nations mission in Mali.", ("GHA", "IGOUNO", "074")),
    # Easing restrictions (081x) and letting others in (080, 086x).
    ("Pakistan lifted the ban on opposition parties.", ("PAK", "PAKOPP", "0812")),
    ("Thailand ended martial law in the southern provinces.", ("THA", None, "0814")),
    ("Sudan opened its borders to Ethiopian refugees.", ("SDN", "ETHREF", "080")),
    ("Ghana opened its borders to AU peacekeepers.", ("GHA", "IGOAFRAFU", "0861")),
    ("Syria allowed humanitarian access to besieged towns.", ("SYR", None, "0863")),
    # Training fighters (154) or hackers (155); cyber attacks (176).
    ("Iran trained Houthi fighters in Yemen.", ("IRN", "YEMREBHOU", "154")),
    ("North Korea trained hackers to attack South Korean banks.", ("PRK", None, "155")),
    ("Iranian hackers hacked Israeli government websites.", ("IRN", "ISRGOV", "176")),
    ("Chinese hackers launched a cyber attack on Taiwan.", ("CHN", "TWN", "176")),
    # Human shields (CAMEO 184); closing down newspapers (1721).
    ("The Taliban held villagers as human shields in Kunduz.", ("AFGINSTAL", "AFG", "184")),
    ("Zimbabwe ordered an independent newspaper to suspend publication.", ("ZWE", "ZWEMED", "1721")),
    ("The Egyptian government shut down an opposition newspaper.", ("EGYGOV", "EGYMED", "1721")),
    # Summoning an envoy is disapproval of the envoy's country; complaints are 114.
    ("Turkey summoned the German ambassador.", ("TUR", "DEUGOV", "110")),
    ("Iran complained to the United Nations about Saudi airstrikes.", ("IRN", "SAU", "114")),
    # Seeking refuge in a country is the CAMEO codebook's 1033; a request for asylum an appeal.
    ("Hundreds of Syrians sought refuge in Turkey.", ("SYR", "TUR", "1033")),
    ("The former minister requested asylum in Britain.", ("GBRELI", "GBR", "0233")),
    ("The European Union pushed for a ceasefire in Libya.", ("IGOEUREEC", "LBY", "0256")),
    # Petitions are dissent (140).
    ("Opposition activists in Belarus collected signatures against the new law.", ("BLROPP", "BLR", "140")),
    # Fire launched or opened (19x by the weapon), a broken ceasefire (196).
    ("Israeli troops launched artillery fire against Hezbollah positions.", ("ISRMIL", "LBNREBHEZ", "194")),
    ("Indian soldiers opened fire on Pakistani troops.", ("INDMIL", "PAKMIL", "190")),
    ("Azerbaijan violated the ceasefire with Armenia.", ("AZE", "ARM", "196")),
    # A mediation mission is mediation (045) with each side.
    ("Algeria launched a mediation mission between Mali and the Tuareg rebels.", ("DZA", "MLI", "045")),
    (
        "Norway undertook a mediation mission between the Sri Lankan government and the Tamil rebels.",
        ("NOR", "LKAGOV", "045"),
    ),
    # Denying entry or a request, being opposed to something: rejection (12x).
    ("Israel denied entry to a Turkish delegation.", ("ISR", "TURGOV", "120")),
    ("The European Commission denied Greece's request for more funds.", ("IGOEUREEC", "GRC", "120")),
    ("Argentina is opposed to Brazilian mediation.", ("ARG", "BRA", "126")),
    # Verbs of the codebook's categories that the CAMEO.2.0 dictionary lists too.
    ("A Palestinian man stabbed two Israeli soldiers at a checkpoint.", ("PSECVL", "ISRMIL", "182")),
    ("Russian jets strafed Ukrainian positions near Bakhmut.", ("RUSMIL", "UKR", "195")),
    ("Kenyan teachers picketed the Ministry of Education in Nairobi.", ("KENEDU", "KENGOV", "141")),
    ("The Chinese foreign ministry reprimanded the Philippine ambassador.", ("CHNGOV", "PHLGOV", "111")),
    ("Iranian authorities censored the reformist newspaper Shargh.", ("IRNGOV", "IRNMED", "1721")),
    ("Russian warships patrolled near the coast of Norway.", ("RUSMIL", "NOR", "150")),
    # A phrase that sets the scene does not refine the code: what is agreed is the truce.
    (
        "Sudan's army agreed to a truce with the Rapid Support Forces after talks in Jeddah.",
        ("SDNMIL", "SDNUAFRSF", "0356"),
    ),
    # Attacks named by their aim; "hit out at" is criticism.
    ("Israeli jets targeted Hezbollah commanders in Beirut.", ("ISRMIL", "LBNREBHEZ", "190")),
    ("Russian missiles hit Kyiv overnight.", ("RUS", "UKRGOV", "190")),
    ("Iran hit out at Saudi Arabia over the executions.", ("IRN", "SAU", "111")),
    # A gerund under "by" is done by the subject of the verb it hangs on.
    ("Moscow responded by ordering two Polish diplomats to leave Russia.", ("RUSGOV", "POLGOV", "166")),
    ("Iran retaliated by expelling the British ambassador.", ("IRN", "GBRGOV", "161")),
    # A verb the parser hangs on an apposition has the apposition's noun as its subject.
    ("Russia, Assad's main ally, called on Ankara to withdraw its forces.", ("RUS", "TURGOV", "0256")),
    # Signing a truce declares it, both ways; surrounding with forces is a show of force.
    ("The Colombian government and the ELN rebels signed a ceasefire.", ("COLGOV", "COLREBELN", "0871")),
    ("The Colombian government and the ELN rebels signed a ceasefire.", ("COLREBELN", "COLGOV", "0871")),
    ("Chinese warships surrounded Taiwan on Saturday.", ("CHNMIL", "TWN", "150")),
    # A prison sentence is legal action against the person.
    ("A court in Tehran sentenced a French teacher to five years in prison.", ("IRNJUD", "FRAEDU", "173")),
    # Yielding (08): giving way under pressure, acceding to demands, letting foreigners in,
    # making lawful what was banned. The phrasal verbs need their particles.
    ("The government of Peru bowed to pressure from farmers.", ("PERGOV", "PERAGR", "080")),
    ("The Kenyan government gave in to the demands of striking doctors.", ("KENGOV", "KENHLH", "083")),
    (
        "The government agreed to the opposition's demands for a new constitution.",
        ("---GOV", "---OPP", "083"),
    ),
    ("The government met the demands of the strikers.", ("---GOV", "---LAB", "083")),
    ("Sudan permitted African Union peacekeepers to enter Darfur.", ("SDN", "IGOAFRAFU", "0861")),
    ("Indonesia accepted a UN peacekeeping force in East Timor.", ("IDN", "IGOUNOMIL", "0861")),
    ("The authorities legalised the main opposition party.", ("---GOV", "---OPP", "0812")),
    # Exercises by parties of two countries are done together: military cooperation, each way.
    ("Indian and French warships began naval drills off Goa.", ("INDMIL", "FRAMIL", "062")),
    ("Indian and French warships began naval drills off Goa.", ("FRAMIL", "INDMIL", "062")),
    # Turning down what another party asks or offers (12); leaving talks halts them (164).
    ("Israel ruled out talks with Hamas.", ("ISR", "PSEREBHMS", "125")),
    ("Venezuela declined an invitation from Peru.", ("VEN", "PER", "125")),
    ("The junta ignored the ultimatum from ECOWAS.", ("---GOV", "IGOAFRECW", "120")),
    ("Hungary blocked the EU sanctions package against Russia.", ("HUN", "IGOEUREEC", "129")),
    ("Kenya resisted pressure from Washington to recognise the new government.", ("KEN", "USAGOV", "124")),
    ("Armenia pulled out of the peace talks with Azerbaijan.", ("ARM", "AZE", "164")),
    # Sharp words (111); aid approved, shipped, or given as debt relief (07).
    ("The Kremlin lashed out at NATO over the deployment.", ("RUSGOV", "IGOWSTNAT", "111")),
    ("China blasted the American decision to sell arms to Taiwan.", ("CHN", "USA", "111")),
    ("Amnesty International faulted Nigeria for the killings in Lagos.", ("NGOHRIAMN", "NGA", "111")),
    ("The World Bank approved a $1 billion loan to Kenya.", ("IGOWBK", "KEN", "071")),
    ("India shipped vaccines to Nepal.", ("IND", "NPL", "073")),
    ("France cancelled the debt of Haiti.", ("FRA", "HTI", "071")),
    # Bombings by militants are unconventional violence (183: suicide 1831, vehicle 1832);
    # an air force bombing is an air strike (195).
    ("Taliban militants bombed a market in Kabul.", ("AFGINSTAL", "AFG", "183")),
    ("US aircraft bombed Taliban positions in Helmand.", ("USA", "AFGINSTAL", "195")),
    (
        "Al-Shabaab detonated a truck bomb near the presidential palace in Mogadishu.",
        ("SOMINSSHB", "SOM", "1832"),
    ),
    ("A suicide bomber blew himself up at a police checkpoint in Kandahar.", ("AFGINS", "AFGCOP", "1831")),
    ("Separatists set off explosives at a railway station in Balochistan.", ("PAKSEP", "PAK", "183")),
    ("Boko Haram suicide bombers attacked a mosque in Maiduguri.", ("NGAINSBKH", "NGAREL", "1831")),
    # Appeals and demands with the party in the clause: "pushed Seoul to ease", "requested
    # that China return".
    ("Germany encouraged Serbia to recognise Kosovo.", ("DEU", "SRB", "020")),
    ("Washington pushed Seoul to ease its restrictions on beef imports.", ("USAGOV", "KORGOV", "020")),
    ("Japan requested that China return the fishing boat captain.", ("JPN", "CHN", "020")),
    ("The United States insisted that Russia withdraw its forces from Ukraine.", ("USA", "RUS", "1056")),
    # "allowed inspectors to return": the parse makes the object the subject of a clause.
    ("Iraq allowed UN weapons inspectors to return to the country.", ("IRQ", "IGOUNO", "0862")),
    ("Myanmar let UN observers monitor the vote.", ("MMR", "IGOUNO", "0862")),
    ("Khartoum gave aid agencies access to the refugee camps in Darfur.", ("SDNGOV", "SDNNGO", "0863")),
    ("Belgrade accepted the deployment of NATO troops in Kosovo.", ("SRBGOV", "IGOWSTNAT", "086")),
    # Symbolic acts (017).
    ("The Polish president observed a minute of silence for the victims.", ("POLGOV", "---CVL", "017")),
    ("The Japanese prime minister laid a wreath at the war memorial in Canberra.", ("JPNGOV", "AUS", "017")),
    # Easing (08) and aid (07) in more words; the release of people is their release.
    ("Jordan eased curfew hours in the southern towns.", ("JOR", None, "0813")),
    ("Canada rolled back tariffs on Mexican steel.", ("CAN", "MEX", "085")),
    ("Spain disbursed the first tranche of aid to Morocco.", ("ESP", "MAR", "070")),
    ("The release of the two Canadian detainees was confirmed by China.", (None, "CANCVL", "0841")),
    # Leaving office (0831); refusing to is refusing to yield (124, from the negated plan).
    ("The Kyrgyz prime minister stepped down on Monday.", ("KGZGOV", "KGZ", "0831")),
    ("The Peruvian interior minister quit as head of the police.", ("PERGOV", "PER", "0831")),
    # Breaking a rule others set defies norms and law (128); opposing a plan rejects it.
    ("Iran violated the UN resolutions on arms exports.", ("IRN", "IGOUNO", "128")),
    ("Japan opposed the Chinese plan for the islands.", ("JPN", "CHN", "120")),
    # Views exchanged (040, both ways); an accord renewed (057); a plan endorsed (051).
    ("Macron and Scholz exchanged views on the war in Ukraine.", ("DEUGOV", "FRAGOV", "040")),
    ("Kenya and Ethiopia renewed their defense pact.", ("KEN", "ETH", "057")),
    ("Germany endorsed the French plan for the eurozone.", ("DEU", "FRA", "051")),
    # Relations reduced (160), assets frozen (163), a party dissolved (1722), troops massed (154).
    ("Niger's junta suspended cooperation with France.", ("NERGOV", "FRA", "160")),
    ("Turkey froze the assets of Syrian officials.", ("TUR", "SYRGOV", "163")),
    ("The Thai court dissolved the opposition party.", ("THAJUD", "THAOPP", "1722")),
    ("Russian troops massed on the border with Ukraine.", ("RUSMIL", "UKR", "154")),
    # A country's jets, helicopters, tanks and warships are its military.
    ("Israeli jets struck Hamas positions in Gaza.", ("ISRMIL", "PSEREBHMS", "195")),
    ("American helicopters attacked a Taliban convoy.", ("USAMIL", "AFGINSTAL", "195")),
    # Observers received or welcomed are let in (0862); a team or mission of them is them.
    (
        "Venezuela welcomed a team of election observers from the European Union.",
        ("VEN", "IGOEUREEC", "0862"),
    ),
    ("Iran allowed a team of IAEA inspectors into the Natanz site.", ("IRN", "IGOUNOIAE", "0862")),
    # Protesters blockading obstruct passage (144); the navy blockading is a blockade (191).
    ("Protesters blockaded the main highway to the airport in La Paz.", ("BOLCVL", "BOL", "144")),
    ("The Israeli navy blockaded the port of Gaza.", ("ISRMIL", "PSE", "191")),
    # Walking out: a strike (143), or of talks, halting them (164).
    ("The Armenian delegation walked out of the talks with Azerbaijan.", ("ARMGOV", "AZE", "164")),
    # Two acts joined by "and": the one that needs no target stays beside the complete one.
    (
        "The Kenyan government lifted the curfew and released 50 detained protesters.",
        ("KENGOV", "KEN", "0813"),
    ),
    (
        "The Kenyan government lifted the curfew and released 50 detained protesters.",
        ("KENGOV", "KENCVL", "084"),
    ),
    # An indictment accuses (112; 1124 for atrocities).
    ("A UN tribunal indicted the Serbian general for atrocities in Kosovo.", ("IGOUNO", "SRBMIL", "1124")),
    # Giving up a position held against another party yields to it (080).
    ("Turkey dropped its objection to Sweden's bid to join NATO.", ("TUR", "SWE", "080")),
    ("The Serbian government consented to the deployment of EU monitors.", ("SRBGOV", "IGOEUREEC", "080")),
    # Praise of an accord is praise of its parties; talks proposed are an intent to meet (036).
    ("Germany hailed the agreement between Serbia and Kosovo.", ("DEU", "XKX", "051")),
    ("Russia proposed talks with Ukraine in Istanbul.", ("RUS", "UKR", "036")),
    # Seeking someone's removal or resignation appeals for it (02).
    (
        "Kenyan protesters are seeking the resignation of the Kenyan interior minister.",
        ("KENCVL", "KENGOV", "0241"),
    ),
    # An optimistic comment about what is hoped for (013).
    ("The Chilean president hoped for a quick deal with Bolivia.", ("CHLGOV", "BOL", "013")),
    # Light verbs with event nouns: a protest lodged complains officially (114); a welcome
    # given hosts (043), one received is the host's; an invitation extended invites (026);
    # an amnesty granted forgives (056).
    ("Peru lodged a formal protest with Ecuador over the fishing boats.", ("PER", "ECU", "114")),
    ("Vietnam filed a complaint against China with the United Nations.", ("VNM", "CHN", "114")),
    (
        "Croatia lodged a complaint against Serbia with the International Court of Justice.",
        ("HRV", "SRB", "115"),
    ),
    ("The emir gave a warm welcome to the Turkish president.", ("---GOV", "TURGOV", "043")),
    (
        "The Indian minister received a warm reception from the Fijian government.",
        ("FJIGOV", "INDGOV", "043"),
    ),
    ("Mongolia extended an invitation to the Pope to visit Ulaanbaatar.", ("MNG", "---REL", "026")),
    ("The Malian government granted amnesty to 300 Malian rebels.", ("MLIGOV", "MLIREB", "056")),
    # Aid promised in an amount ("3 billion won in relief"); a promise of harm is a threat (13).
    ("China pledged 3 billion yuan in flood relief to Pakistan.", ("CHN", "PAK", "0333")),
    ("Tehran vowed to retaliate against Azerbaijan.", ("IRNGOV", "AZE", "130")),
    # A thing struck at a place is an attack on the place's country; fighters scrambled (152).
    ("Russian jets hit a power plant in the Ukrainian city of Odesa.", ("RUSMIL", "UKR", "195")),
    ("Romania scrambled two fighter jets near its border.", ("ROU", None, "152")),
    # Mass violence as a noun, done by whoever carried it out or committed it (20).
    ("Myanmar's army carried out ethnic cleansing in Rakhine state.", ("MMRMIL", "MMR", "203")),
    # Acts in a campaign or a wave are done by whoever waged it; its "of" phrase happened.
    ("The Ethiopian army waged a campaign of air strikes in Tigray.", ("ETHMIL", "ETH", "195")),
    (
        "Belarusian police carried out a wave of arrests against opposition activists.",
        ("BLRCOP", "BLROPP", "173"),
    ),
    # Help sought "of" a party seeks it from the party; a sit-in is a demonstration.
    ("Chad sought the help of France against the rebels.", ("TCD", "FRA", "023")),
    (
        "Opposition supporters staged a sit-in outside the parliament in Kathmandu.",
        ("NPLOPP", "NPLLEG", "141"),
    ),
    # Intelligence shared is information, not an agency.
    ("Japan and Australia agreed to share intelligence on terrorism.", ("JPN", "AUS", "0314")),
    # An act joined by "and" to a complete one, with the same doer and no target of its own,
    # is done to the same party.
    ("Hanoi summoned Beijing's ambassador and lodged a formal protest.", ("VNMGOV", "CHNGOV", "114")),
    # Experts, doctors or rescuers sent are aid in people (07); "a team of" them is them.
    ("Cuba sent 200 doctors to Angola.", ("CUB", "AGO", "073")),
    ("Japan sent a team of rescue workers to Nepal.", ("JPN", "NPL", "073")),
    # A promise to provide aid is an intent to give it (033).
    ("Australia promised to provide 10 million dollars in emergency aid to Fiji.", ("AUS", "FJI", "033")),
    # A named armed group is "they", and its forces are its own.
    ("The Taliban stepped up their attacks against the Afghan army.", ("AFGINSTAL", "AFGMIL", "190")),
    ("The Houthis said their fighters had attacked a Saudi patrol.", ("YEMREBHOU", "SAU", "190")),
    # Weapons handed over by an armed group disarm it; work stopped is a strike.
    ("Colombian rebels handed over their weapons to the United Nations.", ("COLREB", "IGOUNO", "0873")),
    ("Chilean copper miners stopped work on Monday.", ("CHLLAB", "CHL", "143")),
    # The chargé d'affaires, summoned: the tokenizer keeps "d'affaires" as the head.
    ("Estonia summoned Russia's charge d'affaires in Tallinn.", ("EST", "RUSGOV", "110")),
    # An envoy recalled "to" a country is recalled from it; duties levied are sanctions (CAMEO 2.0
    # IMPOSE/LEVY); money released to a party is aid (RELEASE * AID).
    ("Chile recalled its ambassador to Bolivia on Monday.", ("CHL", "BOL", "161")),
    ("Canada levied duties on Chinese steel.", ("CAN", "CHN", "163")),
    ("The European Union released 20 million euros to Malawi.", ("IGOEUREEC", "MWI", "070")),
    # Single verbs of CAMEO 2.0's synsets (APPREHEND, REFUTE, DENOUNCE).
    ("Pakistani police apprehended three Afghan smugglers near Quetta.", ("PAKCOP", "AFGCRM", "173")),
    ("The Venezuelan government refuted the allegations by Colombia.", ("VENGOV", "COL", "016")),
    ("The Iranian president derided the American sanctions.", ("IRNGOV", "USA", "111")),
    # An accord ended or revoked reduces relations; prisoners swapped are released both ways;
    # a town retaken "from" a party is taken from it.
    ("Niger's junta revoked the military agreement with France.", ("NERGOV", "FRA", "160")),
    ("Ukraine and Russia swapped dozens of prisoners of war.", ("UKR", "RUS", "0841")),
    ("Somali troops recaptured the town from al-Shabab.", ("SOMMIL", "SOMINSSHB", "190")),
    # An act protested by a state is disapproved in words; by a crowd, demonstrated against.
    ("Vietnam protested the seizure of its boats by Indonesia.", ("VNM", "IDN", "111")),
    ("Students protested the arrest of their leader in Dhaka.", ("BGDEDU", "BGDGOV", "141")),
    # The codebook's finer codes for what is refused or demanded (1241, 108).
    ("Israel refused to lift the curfew on Hebron.", ("ISR", "PSE", "1241")),
    ("The opposition demanded mediation by the African Union.", ("---OPP", None, "108")),
    # A truce proposed to two sides appeals to each of them to stop fighting (0256); an
    # allegation dismissed is denied (016); a proposal accepted names its author.
    ("Qatar proposed a truce between Israel and Hamas.", ("QAT", "ISR", "0256")),
    ("Qatar proposed a truce between Israel and Hamas.", ("QAT", "PSEREBHMS", "0256")),
    ("The Kremlin dismissed the allegations by Britain as absurd.", ("RUSGOV", "GBR", "016")),
    ("Ethiopia accepted a US proposal for talks.", ("ETH", "USA", "036")),
    # A result participle happens where its clause's act did: its sides are of that place.
    (
        "Rebels shelled a market in Goma on Wednesday, killing at least 20 civilians.",
        ("CODREB", "CODCVL", "1823"),
    ),
    # "fighters from the group" are the group named before.
    (
        "The M23 rebels seized Goma in January. On Monday fighters from the group attacked Congolese soldiers.",
        ("CODREBMMT", "CODMIL", "190"),
    ),
    # Unions named with no country are of the country the story is about.
    (
        "Dockworkers went on strike in Ghana's ports on Monday, halting exports from Tema and Takoradi. "
        "Ghana's labour minister invited the unions to talks on Thursday.",
        ("GHAGOV", "GHALAB", "026"),
    ),
    # Responsibility acknowledged is claimed (015); peacekeepers and observers withdrawn are
    # the codebook's 1661 and 1662; a bare pledge is a promise, with the target of what it
    # promises.
    ("The Colombian army acknowledged responsibility for the air strike.", ("COLMIL", None, "015")),
    ("India withdrew its peacekeeping battalion from South Sudan.", ("IND", "SSD", "1661")),
    ("The European Union pulled its election observers out of Venezuela.", ("IGOEUREEC", "VEN", "1662")),
    (
        "The Indonesian government pledged to work with Malaysia in fighting the forest fires.",
        ("IDNGOV", "MYS", "030"),
    ),
    ("Rwanda pledged to withdraw its troops from Congo.", ("RWA", "COD", "0356")),
    # A strike gone on, begun or started is the strike, and what it demands is its own.
    (
        "Teachers in Iran went on strike across the country demanding the right to organise.",
        ("IRNEDU", "IRN", "143"),
    ),
    (
        "Opposition activists in Armenia went on hunger strike to demand the prime minister's resignation.",
        ("ARMOPP", "ARM", "142"),
    ),
    ("Kenyan dockworkers in Mombasa began a strike over pay on Monday.", ("KENLAB", "KEN", "143")),
    ("Jailed activists in Bahrain started a hunger strike.", ("BHROPP", "BHR", "142")),
    # A state's institution and its political groups facing each other are of one state.
    (
        "Thailand's opposition called on the government to rewrite the constitution.",
        ("THAOPP", "THAGOV", "020"),
    ),
    (
        "The Kenyan government rejected opposition demands to disband the commission.",
        ("KENGOV", "KENOPP", "120"),
    ),
    # Others rallied are won to a side or against one (053, 113); crowds that rally march.
    ("Saudi Arabia rallied Gulf Arab states against Iran at a meeting in Riyadh.", ("SAU", "IRN", "113")),
    (
        "Thousands of opposition supporters rallied against the government in Nairobi.",
        ("KENOPP", "KENGOV", "141"),
    ),
    # Nobody goes on an air strike.
    ("Lawyers in Pakistan went on strike demanding an independent judiciary.", ("PAKJUD", "PAK", "143")),
    # A name that runs on through "without"; a nationality adjective names the place ("the
    # Libyan capital"); "both countries" are not the speaker's own; "the reporters" after
    # journalists of a country, and "the doctors" after Kenyan doctors, are theirs.
    (
        "Reporters Without Borders condemned the arrests of three journalists in Minsk.",
        ("NGOMEDRSF", "BLRMED", "111"),
    ),
    ("Gunmen killed nine people in the Libyan capital on Sunday.", ("LBYUAF", "LBYCVL", "193")),
    (
        "Egypt and Ethiopia met in Khartoum for talks hosted by Sudan on Monday. "
        "Sudan later called on both countries to sign a deal.",
        ("SDN", "ETH", "020"),
    ),
    (
        "Turkish police detained five journalists in Istanbul. "
        "The interior ministry accused the reporters of spreading disinformation.",
        ("TURGOV", "TURMED", "112"),
    ),
    (
        "Two Kenyan doctors were kidnapped in Somalia on Friday. Al-Shabaab later released the doctors.",
        ("SOMINSSHB", "KENHLH", "084"),
    ),
    # Phrasal verbs of the news: kicked out (expelled), rounded up (arrested), a rally broken
    # up (repressed), hostages handed over (released), hit back with drones, a veto cast, sat
    # down with negotiators, clamped down on.
    ("Burkina Faso kicked out three French diplomats on Thursday.", ("BFA", "FRAGOV", "161")),
    (
        "Tunisian police rounded up a dozen opposition activists in overnight raids.",
        ("TUNCOP", "TUNOPP", "173"),
    ),
    ("Ugandan police broke up an opposition rally in Kampala with tear gas.", ("UGACOP", "UGAOPP", "175")),
    ("Hamas handed over four Israeli hostages to the Red Cross in Gaza.", ("PSEREBHMS", "ISRCVL", "0841")),
    (
        "The Eritrean navy handed 14 Yemeni fishermen over to Yemen's coast guard.",
        ("ERIMIL", "YEMAGR", "0841"),
    ),
    ("Russia handed over the airbase to the Syrian army.", ("RUS", "SYRMIL", "0842")),
    ("Ukraine hit back at Russia with a wave of drone attacks on oil refineries.", ("UKR", "RUS", "1952")),
    ("Russia cast a veto against a Security Council resolution on Sudan.", ("RUS", "IGOUNOSEC", "129")),
    ("The Chinese government clamped down on dissent in Xinjiang.", ("CHNGOV", "CHN", "175")),
    # A stance as a predicate adjective: opposed to (110), open to (030, finer by its object),
    # confident about (013).
    (
        "Beijing was firmly opposed to the planned U.S. sale of fighter jets to Taiwan.",
        ("CHNGOV", "USA", "110"),
    ),
    (
        "The Colombian government is open to a bilateral ceasefire with the ELN rebels.",
        ("COLGOV", "COLREBELN", "0356"),
    ),
    (
        "Georgia's president said she was confident about talks with the European Union.",
        ("GEOGOV", "IGOEUREEC", "013"),
    ),
    # "He" after an office named as the subject of the sentence before, with no person named.
    (
        "Kenya's foreign minister spoke to reporters in Nairobi on Tuesday. He criticised Somalia's decision.",
        ("KENGOV", "SOM", "111"),
    ),
    (
        "Ecuador's interior minister held a news conference in Quito. He demanded that Colombia hand over two suspects.",
        ("ECUGOV", "COL", "100"),
    ),
    # A passive's doers in a plain "by" phrase; "hacked to death" is a killing (CAMEO 2.0 HACK *
    # (TO DEATH), 1823).
    (
        "More than 40 students were abducted from a school in Borno state by suspected Boko Haram militants.",
        ("NGAINSBKH", "NGAEDU", "181"),
    ),
    ("Seven farmers were hacked to death by ADF militants in eastern Congo.", ("CODINS", "CODAGR", "1823")),
    # "the group" after a group named by its kind and country.
    (
        "A coalition of Iraqi militias posted a statement on Thursday. The group claimed responsibility for the attack.",
        ("IRQUAF", None, "015"),
    ),
    # A speech verb with its that-clause that the parser hung on the sentence's noun.
    (
        "Zimbabwe's main opposition party alleged on Monday that the government had rigged the election.",
        ("ZWEOPP", "ZWEGOV", "112"),
    ),
    # CAMEO 2.0's CANCEL synset: a strike ended eases dissent (HALT * STRIKE, 082), fighting
    # halted is a truce (END * &FIGHT, 0871), an embassy closed breaks relations (CLOSE *
    # EMBASSY, 161); protesters clashing with police riot (145).
    ("Striking doctors in Zimbabwe ended their month-long strike on Monday.", ("ZWEHLH", "ZWE", "082")),
    ("Rebels and government forces halted the fighting in Darfur on Sunday.", ("SDNMIL", "SDN", "0871")),
    ("Britain closed its embassy in Kabul.", ("GBR", "AFGGOV", "161")),
    (
        "Protesters demanding the resignation of Peru's president clashed with riot police in Lima.",
        ("PERCVL", "PERCOP", "145"),
    ),
    ("Polish farmers blocked border crossings on Monday.", ("POLAGR", "POL", "144")),
    # A denial naming no accuser answers whoever last acted against the denier; "the
    # charity" after "a German charity" is that charity.
    (
        "Sweden expelled a Chinese diplomat on Thursday. Beijing denied the accusations.",
        ("CHNGOV", "SWE", "016"),
    ),
    (
        "Burkina Faso accused Ivory Coast of harbouring coup plotters. Ivory Coast denied any involvement.",
        ("CIV", "BFA", "016"),
    ),
    (
        "Italy accused a German charity of helping smugglers. The charity rejected the accusation.",
        ("DEUNGO", "ITA", "016"),
    ),
    # What a threat or a promise is about names its target, through the phrase of its action
    # ("to pull out of talks with the United States", "to pull its observers out of
    # Mozambique"), a named country before the actor's own force.
    ("North Korea threatened to pull out of nuclear talks with the United States.", ("PRK", "USA", "134")),
    (
        "The European Union warned it would pull its election observers out of Mozambique.",
        ("IGOEUREEC", "MOZ", "130"),
    ),
    ("The European Union pledged to deploy a peacekeeping force to Chad.", ("IGOEUREEC", "TCD", "0334")),
    # A headline's present-tense verb the tagger took for a plural noun; missiles sent to a
    # party are military aid (072).
    ("Sudan army rejects ceasefire plan from regional bloc IGAD", ("SDNMIL", "IGOAFRIGD", "1246")),
    ("Britain sends long-range cruise missiles to Ukraine", ("GBR", "UKR", "072")),
    # A sentence whose root the parser made its subject noun, with the main verbs hung on it
    # as participles; goods delivered are aid.
    (
        "Volunteers from two Turkish charities collected and delivered food to a refugee camp in Syria.",
        ("TURNGO", "SYRREF", "073"),
    ),
    ("Japan delivered relief goods to Myanmar.", ("JPN", "MMR", "073")),
    # Rules eased (CAMEO 2.0 RELAX * RULES, 081); disapproval expressed (EXPRESS *
    # DISAPPROVAL, 110); a lawsuit filed (FILE * LAWSUIT, 115); an aid worker freed is a
    # person released; calls accepted and demands agreed to accede (083); weapons handed in.
    ("Egypt eased visa rules for tourists from Europe.", ("EGY", None, "081")),
    ("France expressed disapproval of the US decision to impose tariffs.", ("FRA", "USA", "110")),
    ("Malaysia filed a lawsuit against the US investment bank.", ("MYS", "USABUS", "115")),
    ("Iran released a British-Iranian aid worker on Wednesday.", ("IRN", "GBRNGO", "0841")),
    ("Kuwait's emir agreed to opposition demands for electoral reform.", ("KWTGOV", "KWTOPP", "083")),
    ("Morocco's king accepted calls for constitutional reform.", ("MARGOV", "MAR", "083")),
    ("Hundreds of FARC fighters handed in their weapons on Monday.", ("COLREBFAR", "COL", "0873")),
    # Security stepped up or tightened is a force posture (CAMEO 2.0 INCREASE * &SECURITY).
    ("German police stepped up patrols ahead of the Christmas markets.", ("DEUCOP", None, "151")),
    ("Kenya tightened security along its border with Somalia.", ("KEN", None, "152")),
    # A preposition on a conjunct of the object ("a team of rescuers and 50 tonnes of
    # supplies to Pakistan"); "the criticism" is the criticism of whoever criticised the
    # subject of its own clause, whatever "it" in another clause is.
    (
        "China sent a team of rescue workers and 50 tonnes of relief supplies to Pakistan on Sunday.",
        ("CHN", "PAK", "073"),
    ),
    (
        "Azerbaijan and Turkey signed a pipeline deal. Russia's foreign ministry criticised the deal. "
        "Azerbaijan's president rejected the criticism and said his country would sell its gas to whoever it chose.",
        ("AZEGOV", "RUSGOV", "016"),
    ),
    # Property handed back is returned (0842); access granted lets aid in (0863); relief
    # flown in is aid (073); goods exported are trade (061), bombs shipped military aid (072).
    ("Georgia handed back two Russian fishing boats on Friday.", ("GEO", "RUS", "0842")),
    ("Myanmar granted aid agencies access to the camps in Rakhine.", ("MMR", None, "0863")),
    ("Qatar flew 30 tonnes of medical supplies to Sudan on Monday.", ("QAT", "SDN", "073")),
    ("Chile began exporting lithium to Japan on Tuesday.", ("CHL", "JPN", "061")),
    ("Germany shipped thousands of guided bombs to Ukraine.", ("DEU", "UKR", "072")),
    # An event suffered ("came under fire from", "under investigation by"): the subject is
    # the target, the "from" or "by" phrase the doer. Reservists called up are mobilised
    # (CAMEO 2.0 CALL_UP, 154); aid paused is aid suspended; a case filed against a state
    # a lawsuit (FILE * CASE (AGAINST), 115).
    (
        "An Indian army patrol came under fire from Pakistani troops along the Line of Control.",
        ("PAKMIL", "INDMIL", "190"),
    ),
    ("The Nigerian minister came under investigation by the Kenyan police.", ("KENCOP", "NGAGOV", "090")),
    ("Azerbaijan called up military reservists on Monday.", ("AZE", None, "154")),
    ("The United States paused food aid to Ethiopia on Thursday.", ("USA", "ETH", "1623")),
    ("Gambia filed a genocide case against Myanmar at the world court.", ("GMB", "MMR", "115")),
    # "The call" rejected is the appeal reported before, even said in the passive, whose
    # "by" is the one who rejects; remarks dismissed are denied (016) to whoever made them.
    (
        "Norway's minister urged Ghana to free the reporters. The call was rejected by the Ghanaian government.",
        ("GHAGOV", "NORGOV", "120"),
    ),
    (
        "Russia criticised Finland over the exercise. The remarks were dismissed by the Finnish foreign ministry.",
        ("FINGOV", "RUS", "016"),
    ),
    # The root's act with no other party stands beside a complete event in its participle's
    # phrase: the emergency is declared, whatever the powers it gives.
    (
        "Peru's president declared a state of emergency on Friday, giving the army powers to arrest protesters.",
        ("PERGOV", "PER", "1724"),
    ),
    # An attack whose only doer named is a bomb is a bombing, of the kind its words say.
    (
        "A roadside bomb struck an army convoy in Helmand, killing three Afghan soldiers.",
        ("AFGUAF", "AFGMIL", "1833"),
    ),
    ("A car bomb killed two Iraqi policemen in Baghdad on Monday.", ("IRQUAF", "IRQCOP", "1832")),
    # CAMEO 2.0 breadth: an apology issued (055), arms flown in (AIRLIFT * &WEAPON, 072),
    # relief airdropped (073), police sent in (153), troops moved toward a border
    # (MOVE * TROOP TOWARD +, 154).
    ("The Italian government issued a formal apology to Libya.", ("ITAGOV", "LBY", "055")),
    ("Zimbabwe flew ammunition to Kinshasa on Monday.", ("ZWE", "CODGOV", "072")),
    ("UN agencies airdropped medical supplies to Sudan on Friday.", ("IGOUNO", "SDN", "073")),
    ("Kenya sent 400 police officers to Haiti on Tuesday.", ("KEN", "HTI", "153")),
    ("India moved troops and tanks toward the border with Pakistan.", ("IND", "PAK", "154")),
    # Stones and petrol bombs thrown at police are a riot (145); a town seized is captured.
    ("Rioters threw petrol bombs at police in Belfast on Monday.", ("GBRCRM", "GBRCOP", "145")),
    ("Ugandan troops seized the Congolese town of Bunia on Friday.", ("UGAMIL", "COD", "190")),
    # Found guilty is the codebook's 116 by name; the parser makes "X guilty" a clause.
    (
        "A Tunisian court found opposition leader Rached Ghannouchi guilty of incitement.",
        ("TUNJUD", "TUNPTY", "116"),
    ),
    # Yielding (08): a march abandoned eases dissent, rights granted accede to demands for
    # them (0833), tariffs scrapped ease sanctions, observers invited are let in (0862),
    # rebels demobilising disarm (0873).
    ("Striking Romanian miners abandoned their march on Bucharest on Friday.", ("ROULAB", "ROU", "082")),
    ("The Kuwaiti parliament granted women full political rights on Monday.", ("KWTLEG", "KWTCVL", "0833")),
    ("Beijing scrapped its tariffs on Australian barley on Friday.", ("CHNGOV", "AUS", "085")),
    ("Zimbabwe invited European Union election observers to monitor the vote.", ("ZWE", "IGOEUREEC", "0862")),
    ("UNITA rebels began demobilising their fighters on Wednesday.", ("AGOREBUNT", "AGO", "0873")),
    # What is investigated says the code: war crimes 094, bribery 091.
    (
        "The UN launched an investigation into alleged war crimes by Ethiopian troops in Tigray.",
        ("IGOUNO", "ETH", "094"),
    ),
    (
        "Kenya's anti-corruption commission opened an inquiry into the alleged bribery of officials.",
        ("KEN", "KENGOV", "091"),
    ),
    # A stance on a bond is aimed at its other party, wherever the parser hangs the "with".
    ("The rebels rejected a truce with the Malian army on Sunday.", ("MLIREB", "MLIMIL", "1246")),
    ("Turkey praised its growing ties with Azerbaijan on Monday.", ("TUR", "AZE", "051")),
    ("Greece criticised the gas deal between Cyprus and Lebanon.", ("GRC", "CYP", "111")),
    # A passive of giving that keeps its object: the subject is the party given to.
    ("The dissident was granted asylum by Norway on Friday.", ("NOR", "---OPP", "075")),
    ("Armenia was given 30 tanks by France.", ("FRA", "ARM", "072")),
    # Agreements named as proper nouns are agreements ("the Helsinki Accords").
    ("Finland and Estonia signed the Tallinn Accords on Tuesday.", ("FIN", "EST", "057")),
    ("The Malaysian prime minister voiced firm backing for Brunei.", ("MYSGOV", "BRN", "051")),
    # "Charged that ..." alleges; "charged X with ..." is legal action.
    ("Colombia's defence ministry charged that Venezuela had armed the rebels.", ("COLGOV", "VEN", "112")),
    ("Police charged two Kenyan men with murder.", ("KENCOP", "KENCVL", "173")),
    # Support reaffirmed is support expressed; a summit sought is an appeal to meet (026).
    ("NATO's chief reaffirmed the alliance's unwavering support for Moldova.", ("IGOWSTNAT", "MDA", "051")),
    ("Seoul sought a summit with Pyongyang.", ("KORGOV", "PRKGOV", "026")),
    # Property given back goes to whose it was when no "to" names them (0842).
    ("Iran returned the seized British tanker on Friday.", ("IRN", "GBR", "0842")),
    # What is given may be in the "with" of a verb whose object is the party given to.
    ("Japan provided the Philippines with patrol boats and radar equipment.", ("JPN", "PHL", "070")),
    ("Turkey supplied the Azerbaijani army with drones.", ("TUR", "AZEMIL", "072")),
    # Goods shipped are goods sent; staple food sent is food aid.
    ("India shipped 20,000 tonnes of wheat to Afghanistan.", ("IND", "AFG", "073")),
    # Yielding by other words (08): a ban lifted by unbanning, freedoms widened, a policy
    # reversed under pressure, a seized yacht handed back to its owner's country.
    ("The Zimbabwean government unbanned the opposition party on Tuesday.", ("ZWEGOV", "ZWEOPP", "0812")),
    ("The Uzbek government broadened press freedoms last year.", ("UZBGOV", "UZB", "0811")),
    ("Chile's government reversed the metro fare increase after mass protests.", ("CHLGOV", "CHL", "0832")),
    ("Argentina handed back the British yacht on Monday.", ("ARG", "GBR", "0842")),
    # Agreeing that something is so expresses accord (019); agreeing that parties should
    # cooperate is intent (030). A concern shared is sympathy (018), a view shared accord.
    ("Australia agreed with New Zealand that the region needed more stability.", ("AUS", "NZL", "019")),
    ("Peru and Chile agreed that their navies should cooperate more closely.", ("PER", "CHL", "030")),
    ("France shared Germany's concern about the crisis.", ("FRA", "DEU", "018")),
    ("Argentina said it shared Brazil's position on the dispute.", ("ARG", "BRA", "019")),
    # A that-clause makes the charge finer: genocide alleged is an accusation of war crimes.
    ("Gambia charged that Myanmar had committed genocide against the Rohingya.", ("GMB", "MMR", "1124")),
    # Sanctions suspended are eased (085); "a range of" measures them.
    ("The EU suspended a range of sanctions on Syria on Monday.", ("IGOEUREEC", "SYR", "085")),
    # A warning is aimed at whom its content names, when no one else is named.
    ("Washington warned that the Houthis would bear the consequences.", ("USAGOV", "YEMREBHOU", "130")),
    # Leadership yielded in other words (0831): stepping aside, power relinquished.
    ("The Yugoslav prime minister stepped aside on Tuesday.", ("SRBGOV", "SRB", "0831")),
    ("Haiti's military leaders relinquished power on Sunday.", ("HTIMIL", "HTI", "0831")),
    # Drones launched or fired at a target are an aerial attack by remote craft (1952).
    ("Ukraine launched a wave of drones at a military airfield in Russia.", ("UKR", "RUS", "1952")),
    # A delegation of no country is the state body just named.
    (
        "A senior Pakistani official said a delegation would meet Afghan border officials on Thursday.",
        ("PAKGOV", "AFGGOV", "040"),
    ),
    # Proceedings brought against a party are a lawsuit (115).
    ("Gambia instituted proceedings against Myanmar at the World Court.", ("GMB", "MMR", "115")),
    # Two sides agreeing deal with each other, though what they agree reaches into a place of
    # one of them; a speaker's name does not refine what was said ("military government").
    (
        "Colombia's government and the ELN rebels agreed to open a humanitarian corridor into the town of Tibu.",
        ("COLREBELN", "COLGOV", "030"),
    ),
    ("Myanmar's military government agreed to talks with the rebels.", ("MMRGOV", "MMRREB", "036")),
    # A pledge made to a party is an intent to give (033; money 0331).
    ("Japan made a pledge of 50 million dollars to Sudan.", ("JPN", "SDN", "0331")),
    # A participle of mediation names the mediator; the sides are the clause's subjects.
    ("Armenia and Azerbaijan reopened the border under a deal brokered by Russia.", ("RUS", "AZE", "045")),
    # A demand or appeal is made finer by what its that-clause asks.
    ("Kenya's opposition demanded that the interior minister step down.", ("KENOPP", "KENGOV", "1041")),
    ("Tunisia urged that Libya release the detained fishermen.", ("TUN", "LBY", "0253")),
    # Ambassadors exchanged restore relations, each way (CAMEO 2.0 EXCHANGE * AMBASSADORS).
    ("Bahrain and Qatar will exchange ambassadors next month.", ("QAT", "BHR", "054")),
    # A crowd-control weapon is repression; a poison gas is a chemical weapon (2041).
    ("Police in Nairobi used tear gas to clear the road.", ("KENCOP", "KEN", "175")),
    ("Syrian troops used chlorine gas on civilians in Douma.", ("SYRMIL", "SYRCVL", "2041")),
    # Between Commonwealth members the ambassador is a high commissioner.
    ("Ghana recalled its high commissioner from Abuja on Friday.", ("GHA", "NGAGOV", "161")),
    # An organisation's name runs on through an infinitive ("Committee to Protect Journalists").
    (
        "The Committee to Protect Journalists condemned Ghana's arrest of two reporters.",
        ("NGOMEDCPJ", "GHA", "111"),
    ),
    # A vote welcomed approves it; "Friday's" says when, not whose.
    (
        "The Security Council imposed an arms embargo on South Sudan. Kenya welcomed Friday's vote.",
        ("KEN", "IGOUNOSEC", "051"),
    ),
    # What an act is described as gives the verdict, as what it is called does.
    ("Chad described the Sudanese air strike as an act of aggression.", ("TCD", "SDN", "111")),
    # An appeal or demand to undo a measure asks for a change of policy.
    ("Germany urged the Taliban to reverse the ban on girls' education.", ("DEU", "AFGINSTAL", "0242")),
    # Observers or aid groups of no stated country are IGO and NGO themselves.
    (
        "Zimbabwe's government accused the observers of spreading Western propaganda.",
        ("ZWEGOV", "IGO", "112"),
    ),
    # A name the tagger took for a verb, beside the noun it is named by, is the subject.
    (
        "The West African bloc ECOWAS condemned the killing of protesters by Guinean police.",
        ("IGOAFRECW", "GINCOP", "111"),
    ),
    # An apology is made to whom the act harmed, not to its own troops.
    (
        "Belgium apologised for the massacre of hundreds of Congolese civilians by Belgian troops in 1959.",
        ("BEL", "CODCVL", "055"),
    ),
    # An official a visitor meets abroad is the host's.
    (
        "Indian Prime Minister Narendra Modi held talks with Prime Minister Tran Van Long in Hanoi.",
        ("INDGOV", "VNMGOV", "040"),
    ),
    # A strike called is a strike; arrests a state's ministry reports are its own.
    ("Nigerian unions called a general strike for next Tuesday.", ("NGALAB", "NGA", "143")),
    (
        "Riot police dispersed the crowd in Tbilisi, and the interior ministry said 66 people had been detained.",
        ("GEOGOV", "GEOCVL", "173"),
    ),
    # A national strike launched is a walkout; a rights court is an IGO.
    ("Nigerian unions launched a nationwide strike over fuel prices.", ("NGALAB", "NGA", "143")),
    ("The European Court of Human Rights criticised Turkey.", ("IGOEURCOE", "TUR", "111")),
    # Fighting or talks engaged in; an envoy summoned to a ministry, summoned by it; an act
    # welcomed is approved, its author the target.
    ("Chadian troops engaged in heavy fighting with rebels near Abeche.", ("TCDMIL", "TCDREB", "190")),
    ("Rebels engaged government soldiers in a gunfight near Goma.", ("CODREB", "CODMIL", "193")),
    ("The Danish ambassador was summoned to the Iranian foreign ministry.", ("IRNGOV", "DNKGOV", "110")),
    (
        "Danish Ambassador Lars Holm was summoned to the foreign ministry in Tehran.",
        ("IRNGOV", "DNKGOV", "110"),
    ),
    (
        "Ghana expelled two Nigerian diplomats on Monday. The expulsions were welcomed by Togo.",
        ("TGO", "GHA", "051"),
    ),
    # Vehicles sent carrying relief goods send the goods; dispatching is sending.
    ("Egypt sent trucks loaded with flour to Gaza.", ("EGY", "PSE", "073")),
    ("Turkey dispatched rescue teams to Nepal.", ("TUR", "NPL", "073")),
    ("China sent an 80-member search and rescue unit to Nepal.", ("CHN", "NPL", "073")),
    # A state's rescue team is the state's, unlike its football team.
    ("A Japanese rescue team arrived in Kathmandu on Sunday.", ("JPN", "NPLGOV", "073")),
    # An amount given names the gift, not whom it is given to; "in" right after it says of what.
    (
        "Peru said it would provide 5 million dollars in emergency assistance to Ecuador.",
        ("PER", "ECU", "073"),
    ),
    # Arming a party is military aid; pledged to keep doing so, an intent to give it.
    ("Iran armed the Houthi rebels.", ("IRN", "YEMREBHOU", "072")),
    ("Canada pledged to keep arming Ukraine.", ("CAN", "UKR", "0332")),
    # A country's way to normal relations with another (054; stated as intent, 032 in cameo_standard).
    (
        "Oman said it was ready to take further steps towards normalisation with Israel.",
        ("OMN", "ISR", "054"),
    ),
    ("Bahrain said it would normalise relations with Iran.", ("BHR", "IRN", "054")),
    # Fighting that breaks out between two sides is theirs, each way.
    ("Fighting broke out between Chad's army and the rebels near Abeche.", ("TCDMIL", "TCDREB", "190")),
    (
        "Israel launched a large-scale military operation in the West Bank city of Jenin.",
        ("ISR", "PSE", "190"),
    ),
    # A ban on trade is an embargo; a team or mission expelled is withdrawn (166x).
    ("Canada imposed a ban on imports of Russian steel.", ("CAN", "RUS", "163")),
    ("Burkina Faso expelled the UN peacekeeping mission.", ("BFA", "IGOUNO", "1661")),
    # Raised alert levels are a force posture; the police's 151, the army's 152.
    ("Police in Belgium raised their alert level on Monday.", ("BELCOP", "BEL", "151")),
    ("Taiwan's military raised its alert status.", ("TWNMIL", None, "152")),
    # A bombing is non-military bombing; hackers attack by cyber means; an atomic bomb dropped.
    ("Separatist militants carried out a bombing in the city of Quetta.", ("PAKINS", "PAK", "183")),
    ("Chinese military hackers attacked Taiwan's power grid.", ("CHN", "TWN", "176")),
    ("The United States dropped an atomic bomb on the Japanese city of Nagasaki.", ("USA", "JPN", "2042")),
    # A court's verdict the parser hangs on the object is still the verdict.
    ("A court in Peru found a former army general guilty of torture.", ("PERJUD", "PERMIL", "116")),
    # Indigenous groups are civilians of the place where they act.
    ("Indigenous groups blocked roads in Bolivia's Amazon region.", ("BOLCVL", "BOL", "144")),
    # Concessions made yield.
    ("The government of Peru made concessions to the miners.", ("PERGOV", "PERLAB", "080")),
    # A party held responsible is blamed (the parser hangs "responsible" on the party).
    ("Pakistan held the Taliban responsible for the bombing.", ("PAK", "AFGINSTAL", "112")),
    # A siege laid to a city besieges it; by protesters, their blockade.
    ("Russian forces laid siege to Mariupol.", ("RUSMIL", "UKR", "191")),
    # Police ordered out are police power mobilised (not officers in general).
    ("The interior minister of Chile ordered 5,000 police officers to the border.", ("CHLGOV", None, "153")),
    # A lawsuit brought is one filed (115).
    ("Ukraine brought a suit against Russia at the World Trade Organization.", ("UKR", "RUS", "115")),
    # Citizenship or a licence revoked is an administrative sanction (172).
    ("Nicaragua revoked the citizenship of a prominent Nicaraguan journalist.", ("NIC", "NICMED", "172")),
    # A corridor blocked is a blockade (191).
    ("Serbia blocked a supply corridor to northern Kosovo.", ("SRB", "XKX", "191")),
    # Relations scaled back are reduced (160); operations scaled back de-escalate (087).
    ("Australia scaled back its ties with Fiji after the coup.", ("AUS", "FJI", "160")),
    ("Turkey scaled back its military presence in northern Iraq.", ("TUR", "IRQ", "087")),
    # Investigators let in: international monitoring allowed (0862).
    ("Myanmar allowed United Nations investigators into Rakhine State.", ("MMR", "IGOUNO", "0862")),
    # Positions coordinated with a party: diplomatic cooperation (050).
    ("Chile coordinated its negotiating stance with Peru before the trade talks.", ("CHL", "PER", "050")),
    # Compromises offered: an intent to yield (035).
    ("Serbia offered compromises to Kosovo in the talks.", ("SRB", "XKX", "035")),
    # An embassy evacuated reduces relations (CAMEO 2.0 EVACUATE * EMBASSY 161).
    ("Canada evacuated its embassy in Port-au-Prince.", ("CAN", "HTIGOV", "161")),
    # A part of a group named by "of" is the group.
    ("Some of the striking miners blocked a highway in Bolivia.", ("BOLLAB", "BOL", "144")),
    # Atrocities on a mass scale, and tens of thousands expelled: mass violence (20).
    (
        "Soldiers committed systematic atrocities against villagers in Myanmar's Rakhine State.",
        ("MMRMIL", "MMRCVL", "200"),
    ),
    ("Iran deported tens of thousands of Afghan migrants last year.", ("IRN", "AFGCVL", "201")),
    # A grant announced is aid given (CAMEO 2.0 ANNOUNCE * LOANS 071).
    ("South Korea announced a grant of 10 million dollars to Laos for rural roads.", ("KOR", "LAO", "071")),
]

NOT_GIVEN = [
    # Engaging in anything but fighting is no fight.
    ("Two Peruvian diplomats had engaged in activities incompatible with their status.", "19"),
    # Proceedings against no one named are no lawsuit.
    ("The court adjourned the proceedings until May.", "11"),
    # A strike from the air is no labour strike.
    ("Russia launched a missile strike on Kyiv.", "14"),
    # A fire burning is no arson; protesters firing mortars fight (19), not riot.
    ("The fire burned for three days in the hills.", "17"),
    ("Protesters fired mortars at the Kenyan parliament.", "14"),
    # Going back somewhere is no event; returning fire is no handover.
    ("The Iraqi minister returned to Baghdad on Monday.", "08"),
    # Wanting something for oneself is no appeal: "want" needs a target actor.
    ("Iran wants to build more power plants.", "02"),
    ("Turkey wants to join the European Union.", "02"),
    # The condemner is not the attacker.
    ("Turkey condemned the attack on its embassy in Kabul.", "19"),
    # A statement released is not a prisoner released.
    ("The Iranian foreign ministry released a statement on Monday.", "08"),
    # "strike a deal" is not a military strike.
    ("Iran and Iraq struck a deal on electricity imports.", "19"),
    # "state" as a modifier is not a state of emergency.
    ("The government ended state subsidies on fuel.", "08"),
    # A policy paper is not a newspaper.
    ("The ruling party ordered a new paper on tax reform.", "17"),
    # Denying accusations is 016, not a rejection.
    ("Israel denied the accusations by Hamas.", "12"),
    # A deadline with no party is no ultimatum.
    ("The finance ministry set a deadline for the new budget.", "13"),
    # A call is to someone.
    ("Boris Johnson called on Tuesday for a second vote.", "04"),
    # What a condition asks for has not happened.
    ("The rebels threatened to attack the capital unless the government released their leader.", "08"),
    # What a party is allowed to do has not happened yet.
    ("The government allowed the opposition to hold a rally in Karachi.", "14"),
    # A rescue operation is no attack.
    ("The navy launched a rescue operation off the coast of Libya.", "19"),
    # What a stance is about has not happened: "optimistic about reaching a deal" is the
    # optimism (013), not an agreement.
    ("Iran's foreign minister said he was optimistic about reaching a deal with Washington.", "03"),
    # Refusing to comment is no rejection; what is only considered has not happened.
    ("Peru refused to comment on the leaked memo.", "12"),
    ("The European Union is considering sending aid to Gaza.", "07"),
    # A strike by workers or teachers is a labour strike (143), not a military one.
    ("Teachers in Chile launched a strike on Monday.", "19"),
    ("Dock workers in Rotterdam went on strike.", "19"),
    # "hit" and "target" without an actor doing it to an actor or a place are no attack.
    ("The storm hit Florida on Monday.", "19"),
    ("The new sanctions target Russian banks.", "19"),
    ("The economy of Sri Lanka was hit hard by the crisis.", "19"),
    ("The Indian government hit its inflation target.", "19"),
    # Calling something by a name is no phone call.
    ("Iran called the Israeli decision a crime.", "04"),
    ("President Petro called the Cuban proposal historic.", "04"),
    # A sentence of a text is no sentencing.
    ("The Egyptian minister read a sentence from the Koran.", "17"),
    # Backing down is giving way, not backing someone; giving aid in a place is no yielding.
    ("The Thai junta backed down on Monday.", "05"),
    ("Japan gave $5 million in aid to Nepal.", "08"),
    # Dismissing a minister or ruling a country rejects nothing; an attribution names no target.
    ("The Iraqi prime minister dismissed his interior minister.", "12"),
    ("The Ottomans ruled Iraq for four centuries.", "12"),
    # Troops pushing forward appeal to no one.
    ("Yemeni government forces pushed to oust the Houthi rebels from the coast.", "02"),
    # Stepping down patrols is no resignation.
    ("The Kenyan army stepped down its patrols in Lamu.", "08"),
    # A report's release frees no one.
    ("The ministry announced the release of a new report.", "08"),
    # A price dropped yields to no one.
    ("The Kenyan oil company dropped its price by 10 percent.", "08"),
    # Jets blasting positions attack; they do not criticise.
    ("Israeli jets blasted Hamas positions in Gaza.", "11"),
    # Its own object, though not an actor, keeps a conjoined act from borrowing a target.
    ("Russia attacked Ukraine and blamed the West.", "11"),
    # A storm or a blast hits no one: "hit" needs a doer.
    ("A powerful earthquake hit the Turkish province of Hatay.", "19"),
    ("Two explosions hit the port of Beirut on Tuesday.", "19"),
    # A storm named is a force of nature all the same.
    ("Cyclone Nesta tore through Tonga, killing six people.", "18"),
    # Forces of nature kill, but no actor did it, nor the act that goes with it.
    ("Floods killed 40 people in the Indian state of Kerala.", "18"),
    ("Forty villagers were killed by a landslide in Nepal.", "18"),
    ("A strong earthquake struck eastern Turkey, killing 12 people.", "18"),
    # Drills near a border "with" a state are no joint drills with it.
    ("Russia staged military manoeuvres near its border with Finland.", "06"),
    # A rescue operation is no attack; a football team no state.
    ("Kenya launched a rescue operation in the flooded town of Garissa.", "19"),
    ("The Iraqi football team arrived in Tehran on Sunday.", "04"),
    ("The general ordered his officers to attack the hill.", "15"),
    # The wounded who succumb yield to no one.
    ("A second victim of the shooting succumbed to his injuries in hospital.", "08"),
]


def _events(model_pipeline, text: str, published: str = "2020-06-01"):  # type: ignore[no-untyped-def]
    return model_pipeline.code(text, published=published)


def _dyads(model_pipeline, text: str) -> list[tuple[str | None, str | None, str]]:
    events = _events(model_pipeline, text)
    return [
        (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo)
        for e in events
    ]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_gives_the_event(
    model_pipeline, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in _dyads(model_pipeline, text)


@pytest.mark.parametrize(("text", "root"), NOT_GIVEN)
def test_sentence_does_not_give_the_root(model_pipeline, text: str, root: str) -> None:
    assert [d for d in _dyads(model_pipeline, text) if d[2].startswith(root)] == []


def test_allies_striking_a_third_party_do_not_fight_each_other(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    dyads = _dyads(
        model_pipeline, "Somali and American forces carried out air strikes on militant positions."
    )
    assert {d[0] for d in dyads if d[2].startswith("19")} == {"SOMMIL", "USAMIL"}
    assert ("SOMMIL", "USAMIL", "195") not in dyads and ("USAMIL", "SOMMIL", "195") not in dyads
    # Parties that clash with each other, or drill together at a place, are each other's.
    assert ("SOMMIL", "SOMREB", "190") in _dyads(
        model_pipeline, "The Somali army and the rebels clashed near Baidoa."
    )
    drills = _dyads(model_pipeline, "Russia and China held naval exercises in the Sea of Japan.")
    assert ("RUS", "CHN", "062") in drills


def test_talks_that_broke_down_halt_negotiations(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(model_pipeline, "Talks between Serbia and Kosovo broke down on Monday.")
    found = {(e.source.actor.code, e.target.actor.code, e.modality.value, e.cameo_standard) for e in events}
    assert ("SRB", "XKX", "cancelled", "164") in found
    assert all(e.cameo_standard[:2] != "04" for e in events)


def test_an_accusation_the_accused_denies_was_still_made(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Congo's foreign minister accused Rwanda of arming the rebels, a charge Kigali denied."
    events = _events(model_pipeline, text)
    accusations = [e for e in events if e.cameo.startswith("112")]
    assert accusations and all(e.modality.value == "asserted" for e in accusations)
    assert all(e.cameo_standard.startswith("112") for e in accusations)


def test_an_appeal_to_its_own_addressee_borrows_no_target(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky denounced the attack by Russia and called on Western allies to send more jets."
    events = _events(model_pipeline, text)
    assert any(e.cameo.startswith("11") and e.target and e.target.actor.country == "RUS" for e in events)
    appeals = [e for e in events if e.cameo.startswith("02")]
    assert all(e.target is None or e.target.actor.country != "RUS" for e in appeals)


def test_an_offer_by_two_is_no_offer_between_them(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(model_pipeline, "Egypt and Saudi Arabia offered to host the peace talks.")
    assert {e.source.actor.code for e in events if e.source} == {"EGY", "SAU"}
    assert not any(e.target and e.target.actor.code in ("EGY", "SAU") for e in events)


def test_two_titled_names_joined_by_and_are_two_parties(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the first name on the second; each keeps its own title's country.
    text = (
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol "
        "agreed to restore military intelligence sharing."
    )
    events = _events(model_pipeline, text, "2025-05-13")
    pairs = {(e.source.actor.country, e.target.actor.country) for e in events if e.source and e.target}
    assert {("JPN", "KOR"), ("KOR", "JPN")} <= pairs


def test_the_group_after_a_group_of_no_one_country(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Al-Qaeda attacked a hotel in Bamako on Monday. The group later threatened France."
    events = _events(model_pipeline, text)
    assert any(e.cameo.startswith("13") and e.source and e.source.actor.code == "IMGMUSALQ" for e in events)


def test_people_from_two_countries_are_each_country_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    dyads = _dyads(
        model_pipeline, "Negotiators from Ethiopia and Egypt met in Cairo to discuss the Nile dam."
    )
    assert {("ETHGOV", "EGYGOV", "040"), ("EGYGOV", "ETHGOV", "040")} <= set(dyads)
    # A complement of one country is that country's alone.
    assert {d[0] for d in _dyads(model_pipeline, "Officials from Iran met in Baghdad.")} == {"IRNGOV"}


def test_a_crowd_counted_is_people_unless_an_of_says_who(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("ISRCVL", "ISRGOV", "141") in _dyads(
        model_pipeline, "Thousands marched in Tel Aviv against the government."
    )
    assert ("CODMIL", "CODREB", "190") in _dyads(
        model_pipeline, "Hundreds of soldiers attacked the rebels in Goma."
    )


def test_the_wounded_of_a_passive_with_its_were_left_out_are_no_doers(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Five people were killed and dozens wounded when police fired on protesters in Lagos."
    dyads = _dyads(model_pipeline, text)
    assert dyads and all(source == "NGACOP" for source, _, _ in dyads)


def test_a_government_facing_a_state_or_another_government_is_not_made_its_own(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the government" urged by Pakistan, or criticised by the State Department, may be any
    # country's: it is not given the other side's country.
    for text, country in (
        ("Pakistan urged the government to hold elections.", "PAK"),
        ("The US State Department criticised the government for the arrests.", "USA"),
    ):
        targets = {d[1] for d in _dyads(model_pipeline, text)}
        assert targets and not any(t and t.startswith(country) for t in targets), (text, targets)


def test_a_protest_called_off_by_those_who_held_it_eases_dissent(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Opposition supporters in Kenya called off their weekly protests against the government."
    events = model_pipeline.code(text, published="2024-05-03")
    called_off = [(e.cameo, e.modality.value, e.cameo_standard) for e in events]
    assert ("141", "cancelled", "082") in called_off


def test_ruling_out_an_act_of_yielding_refuses_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "ruled out lifting the sanctions": the lifting is refused (1244), and "ruled out
    # talks" is itself the rejection, not a rejection refused.
    lifted = model_pipeline.code(
        "Washington ruled out lifting the economic sanctions on Iraq.", published="2024-05-03"
    )
    assert [(e.cameo, e.modality.value, e.cameo_standard) for e in lifted] == [("085", "negated", "1244")]
    talks = model_pipeline.code("The government ruled out talks with the rebels.", published="2024-05-03")
    assert [(e.cameo, e.modality.value) for e in talks] == [("125", "asserted")]


def test_a_condition_is_not_news_of_its_own(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "unless their demands are met by the government": what must happen is no event; the
    # refusal to end the strike is (negated, the codebook's refusal to ease dissent).
    text = "Kenyan teachers will not end their strike unless their demands for higher pay are met by the government."
    events = model_pipeline.code(text, published="2024-05-03")
    assert [(e.cameo, e.modality.value, e.cameo_standard) for e in events] == [("082", "negated", "1242")]


def test_the_condition_of_a_noun_event_under_its_verb_is_not_news_of_its_own(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "take part in talks unless ...": the condition hangs on the light verb, not on the
    # noun event; the prisoners' release has not happened, the refusal has.
    text = "The Togolese opposition will not take part in talks unless the jailed activists are freed."
    events = model_pipeline.code(text, published="2024-05-03")
    assert [(e.cameo, e.modality.value, e.cameo_standard) for e in events] == [("040", "negated", "125")]


def test_latin_american_is_no_american(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "American" alone is the United States; after "Latin", "South" or "Central" it is a region.
    regional = model_pipeline.code("Nicaragua expelled the ambassadors of six Latin American countries.")
    assert regional and all(e.target is None or e.target.actor.country != "USA" for e in regional)
    national = model_pipeline.code("Nicaragua expelled the American ambassador.")
    assert [e.target.actor.country for e in national if e.target] == ["USA"]


def test_what_a_protest_demands_is_not_done(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The release is what the marchers demand; it has not happened.
    text = "Hundreds of lawyers marched through Lahore to demand the release of a jailed judge."
    events = model_pipeline.code(text, published="2024-05-03")
    assert [e.cameo[:2] for e in events] == ["14"]


def test_retaliation_is_force_and_promised_on_a_condition_a_threat(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    done = model_pipeline.code(
        "Iran retaliated against Israel with a barrage of missiles.", published="2024-05-03"
    )
    assert [(e.cameo, e.modality.value, e.target.actor.code if e.target else None) for e in done] == [
        ("190", "asserted", "ISR")
    ]
    # Planned on a condition: a threat of force at whom the condition names.
    text = "Vietnam said it would retaliate if Chinese ships entered its waters again."
    threat = model_pipeline.code(text, published="2024-05-03")
    assert [(e.cameo_standard, e.target.actor.country if e.target else None) for e in threat] == [
        ("138", "CHN")
    ]


def test_people_executed_are_killed_and_a_plan_executed_is_no_event(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    killed = model_pipeline.code(
        "Belarus executed two opposition activists on Monday.", published="2024-05-03"
    )
    assert [(e.source.actor.code if e.source else None, e.cameo) for e in killed] == [("BLR", "1823")]
    assert model_pipeline.code("The army executed the plan without delay.", published="2024-05-03") == []


def test_waters_entered_by_migrants_are_no_show_of_force(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert (
        model_pipeline.code("A boat carrying 40 migrants entered Greek waters.", published="2024-05-03") == []
    )


def test_a_thing_stormed_or_given_at_a_place_is_aimed_at_the_place_s_country(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    def sides(text: str) -> list[tuple[str | None, str | None, str]]:
        events = model_pipeline.code(text, published="2024-05-03")
        return [
            (
                e.source.actor.country if e.source else None,
                e.target.actor.country if e.target else None,
                e.cameo,
            )
            for e in events
        ]

    assert sides("Al-Shabaab gunmen stormed a hotel in Mogadishu.") == [("SOM", "SOM", "190")]
    assert sides("Kenya will deploy 1,000 police officers to a base in Haiti.")[0][:2] == ("KEN", "HTI")


def _coded(model_pipeline, text: str) -> list[tuple[str | None, str | None, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (
            e.source.actor.code if e.source else None,
            e.target.actor.code if e.target else None,
            e.cameo_standard,
            e.modality.value,
        )
        for e in model_pipeline.code(text, published="2024-05-03")
    ]


def test_a_denial_of_a_clause_that_tells_no_event_is_a_denial(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    denial = _coded(model_pipeline, "Ecuador denied that the Colombian delegation had been mistreated.")
    assert [(d[0], d[2], d[3]) for d in denial] == [("ECU", "016", "asserted")]
    assert _coded(model_pipeline, "Iran denied that Iraqi militias were operating from its soil.") == [
        ("IRN", "IRQUAF", "016", "asserted")
    ]
    # A clause that is an event of its own is that event, denied: not a second event.
    denied = _coded(model_pipeline, "Uganda denied that its soldiers had attacked Congolese villages.")
    assert [(d[2], d[3]) for d in denied] == [("016", "denied")]
    assert denied[0][0] == "UGAMIL"
    # "There is no denying that ..." denies nothing.
    assert _coded(model_pipeline, "There is no denying that Peru has suffered from the floods.") == []


def test_what_an_act_prompts_another_party_to_do_is_news_of_its_own(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Egyptian police detained a Swedish aid worker in Cairo, prompting Sweden to demand her release."
    coded = _coded(model_pipeline, text)
    assert [d[2:] for d in coded if d[0] == "EGYCOP"] == [("173", "asserted")]
    # The release is asked of whoever holds her: the police of the same sentence.
    assert ("SWE", "EGYCOP", "1053", "asserted") in coded


def test_a_person_apposed_to_a_role_keeps_it_when_named_again(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghana's Minister of Trade and Industry, Kwame Asante-Boakye, criticised Togo on Monday. "
        "Asante-Boakye will visit Lome next week."
    )
    coded = _coded(model_pipeline, text)
    assert ("GHAGOV", "TGOGOV", "042", "planned") in coded or ("GHAGOV", "TGO", "042", "planned") in coded
    # "His government" after the apposed name is that country's.
    text = "Chile's trade minister, Ana Soto Ibarra, said her government would not lift the tariffs."
    assert [d[0] for d in _coded(model_pipeline, text)] == ["CHLGOV"]


def test_the_veto_names_the_veto_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia vetoed a Security Council resolution on Syria on Monday. "
        "France's ambassador to the United Nations called the veto shameful."
    )
    assert ("FRAGOV", "RUS", "111", "asserted") in _coded(model_pipeline, text)


def test_a_town_with_namesakes_abroad_is_the_one_in_the_country_the_story_was_filed_from(
    model_pipeline,
) -> None:  # type: ignore[no-untyped-def]
    # Chile's San Antonio, not the larger one in Texas that GeoNames ranks first.
    text = "Police arrested 40 striking fishermen at the port of San Antonio on Tuesday."
    filed = f"TALCAHUANO, Chile, May 6 (Khaldun Wire) - {text}"
    assert {(s, t) for s, t, _ in _dyads(model_pipeline, filed)} == {("CHLCOP", "CHLAGR")}
    assert {(s, t) for s, t, _ in _dyads(model_pipeline, text)} == {("USACOP", "USAAGR")}


def test_words_to_no_one_named_are_for_the_party_the_speaker_last_dealt_with(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    talks = "Japan's prime minister held talks with President Vo Van Thuong in Hanoi on Monday."
    promised = f"{talks} Vietnam promised to speed up work on the new port."
    assert ("VNM", "JPNGOV", "030") in _dyads(model_pipeline, promised)
    met = "Kenya's president met Ethiopia's prime minister in Addis Ababa on Friday."
    rejected = f"{met} The Ethiopian government rejected any delay to the railway project."
    assert ("ETHGOV", "KENGOV", "120") in _dyads(model_pipeline, rejected)
    # With no one dealt with before, no one is made up.
    assert _dyads(model_pipeline, "Vietnam promised to speed up work on the new port.") == [
        ("VNM", None, "030")
    ]


def test_a_mediation_under_which_the_sides_acted_is_the_mediator_s_event(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Sudan's army and the RSF agreed on a truce under the mediation of Saudi Arabia."
    assert {("SAU", "SDNMIL", "045"), ("SAU", "SDNUAFRSF", "045")} <= set(_dyads(model_pipeline, text))
    hosted = "Colombia's government and the ELN rebels ended a month of talks hosted by Mexico."
    assert ("MEX", "COLGOV", "043") in _dyads(model_pipeline, hosted)
    # Those hosted are whom the subject met too, and they do not visit the host.
    met = "Kenya's president met Somalia's president in Addis Ababa for talks hosted by Ethiopia."
    coded = set(_dyads(model_pipeline, met))
    assert {("ETH", "KENGOV", "043"), ("ETH", "SOMGOV", "043")} <= coded
    assert not {d for d in coded if d[1] == "ETH"}
    # A mediation that failed is no act of mediation between anyone.
    assert _dyads(model_pipeline, "The mediation of Qatar failed.") == []


def test_officials_from_the_two_countries_are_of_the_pair_named_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    met = "Spain's prime minister met Mauritania's president in Nouakchott on Monday."
    signed = f"{met} Ministers from the two countries signed seven agreements on fisheries and energy."
    assert {("ESPGOV", "MRTGOV", "057"), ("MRTGOV", "ESPGOV", "057")} <= set(_dyads(model_pipeline, signed))


def test_a_place_named_by_a_compound_name_is_read_whole(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Cabo Delgado province" is Mozambique's, not a place called Delgado elsewhere.
    text = "Insurgents stormed a police station in Cabo Delgado province. Police said the attackers fled."
    coded = _coded(model_pipeline, text)
    assert coded and all((d[1] or "")[:3] in ("MOZ", "---") for d in coded)


def test_we_in_a_quote_is_who_says_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    after = '"We condemn this attack on our sovereignty," Kenya\'s foreign minister said of Uganda.'
    assert [d[0] for d in _coded(model_pipeline, after)] == ["KENGOV"]
    before = 'Ghana\'s president spoke in Accra. He said: "We demand that Togo release our fishermen."'
    assert ("GHAGOV", "TGO", "1053", "asserted") in _coded(model_pipeline, before)
    # Outside a quote, "we" is no one the text names.
    assert [d[0] for d in _coded(model_pipeline, "We condemn Uganda, the Kenyan president said.")] == [None]


def test_what_the_speaker_calls_an_act_is_that_act(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a Nigerian army base on Monday. "
        "Nigeria's president condemned what he called a cowardly attack."
    )
    assert ("NGAGOV", "---INS", "111", "asserted") in _coded(model_pipeline, text)


def test_a_body_the_knowledge_base_lacks_is_called_again_by_its_head_word(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a border post, Kyrgyzstan's State Committee for National Security said. "
        "The committee accused Tajikistan of arming the attackers."
    )
    assert ("KGZ", "TJK", "112", "asserted") in _coded(model_pipeline, text)


def test_the_group_after_an_armed_group_the_knowledge_base_lacks(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Guerrillas of the Bolivian Liberation Front abducted two engineers on Sunday. "
        "Police searched the area near the town of Yacuiba, officials said. "
        "The interior minister said the government would not negotiate with the group."
    )
    assert ("BOLGOV", "BOLREB", "125", "negated") in _coded(model_pipeline, text)


def test_a_name_read_as_its_role_is_that_role_when_named_again(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mongolian President Ukhnaagiin Khurelsukh welcomed Kazakh President Kassym-Jomart Tokayev. "
        "Tokayev later invited Khurelsukh to pay a return visit to Astana."
    )
    assert ("KAZGOV", "MNGGOV", "026", "asserted") in _coded(model_pipeline, text)


def test_what_protesters_demand_while_they_rally_is_their_protest(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of protesters rallied outside parliament in Yerevan, waving flags and demanding new elections."
    assert [(d[2], d[3]) for d in _coded(model_pipeline, text)] == [("141", "asserted")]


def test_a_group_named_with_its_kind_is_that_group_by_its_name_alone(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The opposition Civic Platform party boycotted the vote. "
        "Civic Platform accused the government of fraud."
    )
    assert [d[0] for d in _coded(model_pipeline, text)] == ["---PTY", "---PTY"]


def test_aid_after_a_disaster_goes_to_the_country_it_struck(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The place a force of nature struck is where the story happens; aid by a doer of its own
    # in a clause of its own, beside another party's complete event, is still given there.
    text = (
        "A strong earthquake struck western Peru late on Friday, killing 40 people.\n\n"
        "Chile sent tents on Saturday, and Brazil said it would provide aid.\n\n"
        "The European Union released 2 million euros in humanitarian aid, and a Colombian "
        "rescue team arrived in Lima on Sunday."
    )
    dyads = _dyads(model_pipeline, text)
    assert ("CHL", "PER", "073") in dyads
    assert ("BRA", "PER", "070") in dyads
    assert ("IGOEUREEC", "PER", "073") in dyads
    assert ("COL", "PERGOV", "073") in dyads


def test_names_the_tagger_mislabels_and_places_named_like_people(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The tagger may label a known person's name after a possessive as a building.
    text = "Iran's Abbas Araghchi and Egypt's Badr Abdelatty met in Doha."
    events = _events(model_pipeline, text, published="2025-03-01")
    dyads = [(e.source.actor.code, e.target.actor.code, e.cameo) for e in events if e.source and e.target]
    assert ("IRNGOV", "EGYGOV", "040") in dyads and ("EGYGOV", "IRNGOV", "040") in dyads
    # "The Hague" is a city, not William Hague; a dateline that opens with "THE" is a dateline.
    text = "THE HAGUE, June 25 (Khaldun Wire) - NATO leaders meeting in The Hague pledged to keep arming Ukraine."
    assert ("IGOWSTNAT", "UKR", "0332") in _dyads(model_pipeline, text)


def test_the_alliance_paragraphs_after_its_only_naming(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NATO leaders met in Vilnius on Tuesday. They discussed air defence. "
        "Several members announced new packages. Zelensky spoke to reporters. "
        "The Kremlin's spokesman accused the alliance of escalating the war."
    )
    assert ("RUSGOV", "IGOWSTNAT", "112") in _dyads(model_pipeline, text)


def test_would_in_the_second_of_two_reported_clauses_is_a_plan(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Japan said its support was firm and that it would send medical supplies to Ukraine."
    events = _events(model_pipeline, text)
    assert any(e.cameo == "073" and e.modality.value == "planned" for e in events)


def test_an_unknown_organisation_is_of_the_country_its_description_gives(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The law was condemned by Vigilia, a Chilean association of human rights lawyers. "
        "The group urged the Senate to repeal it."
    )
    sources = {e.source.actor.code for e in _events(model_pipeline, text) if e.source}
    assert "CHL" in sources and "---" not in sources


def test_a_party_name_many_states_share_is_the_story_country_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thousands marched in Seoul on Saturday against the South Korean government's labour reform. "
        "The opposition Democratic Party accused President Yoon of ignoring the unions."
    )
    sources = {e.source.actor.code for e in _events(model_pipeline, text) if e.source}
    assert "KOROPP" in sources and not any(s.startswith("USA") for s in sources)


def test_an_event_asked_about_with_whether_is_no_plan(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The commission said it would examine whether Hungary complied with the ruling."
    events = _events(model_pipeline, text)
    assert all(e.modality.value == "hypothetical" for e in events if e.cameo.startswith("08"))


def test_a_party_man_at_home_and_his_supporters(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # A named party chairman the knowledge base lacks is of the country the story is about;
    # "his supporters" are of his country and side.
    text = (
        "Moldova's government banned the opposition Renastere party on Monday. "
        "Police detained party chairman Ion Ceban-Rusu. "
        "His supporters demanded his release."
    )
    dyads = _dyads(model_pipeline, text)
    assert ("MDACOP", "MDAPTY", "173") in dyads
    assert any(d[0] == "MDAPTY" and d[2] == "1053" for d in dyads)


def test_a_move_that_a_party_condemned_is_the_main_clause_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The relative clause is active (its object is "that"), and what it condemns is the act
    # of the main clause's subject.
    text = "Serbia's parliament passed a law on the border, a move that Croatia and Bosnia condemned."
    dyads = _dyads(model_pipeline, text)
    assert ("HRV", "SRBLEG", "111") in dyads and ("BIH", "SRBLEG", "111") in dyads


def test_a_threat_aimed_at_the_speaker_s_own_side_is_aimed_at_who_acted_against_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijani troops shelled Armenian positions on Monday. "
        "Armenia's defence minister warned that Yerevan would respond with force."
    )
    threats = [e for e in _events(model_pipeline, text) if e.cameo.startswith("13")]
    assert threats and all(e.target is not None and e.target.actor.country == "AZE" for e in threats)


def test_a_right_to_respond_reserved_is_a_threat_at_the_attacker(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Houthi drones struck a Saudi oil plant. Saudi Arabia reserves the right to respond firmly."
    assert ("SAU", "YEMREBHOU", "130") in _dyads(model_pipeline, text)


def test_a_state_body_left_unmarked_is_of_the_place_the_story_was_filed_from(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "WARSAW, May 3 (Khaldun Wire) - Poland blamed Russian intelligence for a fire at a "
        "shopping centre. Russian agents were also accused of sabotage in Lithuania. "
        "Russia's charge d'affaires was summoned to the foreign ministry on Friday."
    )
    assert ("POLGOV", "RUSGOV", "110") in _dyads(model_pipeline, text)


def test_a_story_filed_from_a_seat_of_international_bodies_is_not_about_the_host(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    story = (
        "Donor governments pledged $600 million on Tuesday to help Somalia recover from the floods. "
        "The foreign minister thanked Turkey for its aid."
    )
    geneva = _dyads(model_pipeline, f"GENEVA, Jan 16 (Khaldun Wire) - {story}")
    assert ("SOMGOV", "TUR", "051") in geneva and not [d for d in geneva if (d[0] or "").startswith("CHE")]
    # Filed from a capital, the unmarked officials are the host's, as before.
    assert ("KENGOV", "TUR", "051") in _dyads(model_pipeline, f"NAIROBI, Jan 16 (Khaldun Wire) - {story}")


def test_an_official_placed_by_the_dateline_who_asks_that_state_is_of_the_other_side(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    ban = "Botswana banned imports of vegetables from South Africa on Monday."
    text = f"GABORONE, Feb 12 (Khaldun Wire) - {ban} Agriculture Minister Thoko Didiza called on Botswana to lift the ban."
    assert ("ZAFGOV", "BWA", "020") in _dyads(model_pipeline, text)
    # Asking the dateline's own people is what its own officials do.
    farmers = f"GABORONE, Feb 12 (Khaldun Wire) - {ban} Agriculture Minister Fidelis Molao called on farmers to plant more."
    assert ("BWAGOV", "BWAAGR", "020") in _dyads(model_pipeline, farmers)


def test_the_agency_or_the_mission_is_the_international_body_named_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    agency = (
        "The Office of the UN High Commissioner for Refugees (UNHCR) voiced concern about the plan. "
        "The agency urged Tanzania not to close the camps."
    )
    assert ("IGOUNOHCR", "TZA", "020") in _dyads(model_pipeline, agency)
    mission = (
        "African Union observers said the vote fell short of standards. "
        "The mission urged the Tanzanian authorities to release opposition figures."
    )
    assert ("IGOAFRAFU", "TZAGOV", "0253") in _dyads(model_pipeline, mission)


def test_a_title_called_again_is_the_holder_named_before_by_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the ambassador" is the ambassador the story named, of her country, not of the host.
    text = (
        "Ghana's government on Monday ordered Togo's ambassador to leave the country. "
        "The ambassador had criticised the election last week."
    )
    assert ("TGOGOV", "111") in {(s, c) for s, _, c in _dyads(model_pipeline, text)}


def test_an_object_pronoun_after_an_act_is_the_act_s_object(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    expelled = "Moldova expelled a Russian reporter, accusing him of spreading false news."
    assert ("MDA", "RUSMED", "112") in _dyads(model_pipeline, expelled)
    arrested = "Police in Minsk arrested a Polish journalist and accused her of espionage."
    assert any(t == "POLMED" and c.startswith("112") for _, t, c in _dyads(model_pipeline, arrested))


def test_an_accusation_after_which_the_subject_acted_is_news(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Latvia expelled two Belarusian diplomats after accusing them of spying."
    assert any(s == "LVA" and c.startswith("112") for s, _, c in _dyads(model_pipeline, text))
    # Why someone was held is no act of the one who held them.
    held = "Police arrested two men for accusing the president of corruption."
    assert not any(c.startswith("112") for _, _, c in _dyads(model_pipeline, held))


def test_a_state_s_envoy_to_an_organisation_is_the_state_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chad's U.N. ambassador, Omar Bakit, welcomed the vote. "
        "He accused Libya of arming the rebels in the north."
    )
    assert any(
        s == "TCDGOV" and t == "LBY" and c.startswith("112") for s, t, c in _dyads(model_pipeline, text)
    )


def test_the_doer_of_a_passive_about_no_actor_is_what_it_refers_to(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The proposal was rejected by Mali's military government. "
        "In a statement, it accused Algeria of sheltering armed groups."
    )
    assert ("MLIGOV", "DZA", "112") in _dyads(model_pipeline, text)


def test_a_lawsuit_is_a_move_another_party_may_reject(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Guyana has filed a case against Venezuela at the International Court of Justice. "
        "Venezuela's foreign ministry rejected the move."
    )
    assert ("VENGOV", "GUY", "120") in _dyads(model_pipeline, text)


def test_a_justice_ministry_is_the_government_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # Phoenix's agents dictionary: JUSTICE_!MINIST! [~GOV]; a court is the judiciary.
    text = "Kenya's justice ministry criticised the ruling."
    assert any(s == "KENGOV" for s, _, _ in _dyads(model_pipeline, text))


def test_coercion_with_no_doer_is_by_who_coerced_that_side_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile's navy seized a Peruvian fishing boat off Arica on Monday. "
        "Its 12 Peruvian crew members were detained and the boat was towed to port."
    )
    assert any(s == "CHLMIL" and c == "173" for s, _, c in _dyads(model_pipeline, text))


def test_a_number_alone_as_a_passive_subject_is_some_of_the_people_acted_on(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    arrests = "Police in Lusaka fired tear gas at striking nurses. At least 15 were arrested."
    assert ("ZMBCOP", "ZMBHLH", "173") in _dyads(model_pipeline, arrests)
    # Not the doers: the village's people were killed, not the rebels.
    killed = "Rebels attacked a village in Ituri. At least 20 were killed."
    assert not any(
        t and t.endswith("REB") for _, t, c in _dyads(model_pipeline, killed) if c.startswith("18")
    )


def test_the_act_an_after_clause_tells_by_another_party_is_news(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Nepal lodged a formal protest with Qatar after Qatari authorities deported 90 Nepali workers."
    dyads = _dyads(model_pipeline, text)
    assert any(s.startswith("QAT") and t == "NPLLAB" and c == "174" for s, t, c in dyads if s and t)
    # An act of the news's own doers stays the scene it sets.
    same = "Kenya expelled two Somali diplomats after Kenyan police arrested three Somali traders."
    assert not any(c == "173" for _, _, c in _dyads(model_pipeline, same))


def test_an_attack_condemned_is_no_arrest_told_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protesters stormed the French embassy in Niamey hours after a French court jailed three Nigerien men. "
        "France's foreign ministry condemned the attack."
    )
    condemned = [
        t for s, t, c in _dyads(model_pipeline, text) if c.startswith("11") and s and s.startswith("FRA")
    ]
    assert condemned and all(t and t.startswith("NER") for t in condemned)


def test_a_vote_described_is_no_act_of_those_who_reacted_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia and Iran congratulated Togo's president on his re-election. "
        "Canada said the vote was not free or fair and urged the government to free jailed activists."
    )
    urged = [s for s, _, c in _dyads(model_pipeline, text) if c.startswith("02")]
    assert urged and all(s and s.startswith("CAN") for s in urged)


def test_what_came_before_a_clause_opened_by_before_is_news_too(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's president arrived in Hanoi on Monday before holding talks with Vietnam's prime minister."
    assert any(c.startswith("04") and t == "VNMGOV" for _, t, c in _dyads(model_pipeline, text) if c != "042")


def test_sympathy_offered_to_no_one_named_is_for_the_country_the_story_is_about(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A cyclone killed 40 people in Mozambique's Sofala province on Monday. "
        "The government of Mozambique declared a state of emergency. Portugal offered condolences."
    )
    assert ("PRT", "MOZ", "018") in _dyads(model_pipeline, text)


def test_a_scene_noun_is_not_the_main_clause_subject_s_event(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Kenya imposed a curfew after clashes between students and police."
    clashes = {(s, t) for s, t, c in _dyads(model_pipeline, text) if c.startswith("19")}
    assert clashes == {("KENEDU", "KENCOP"), ("KENCOP", "KENEDU")}


def test_a_long_title_still_names_its_holder_when_called_again(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The parser chains the title's words through the name; "the minister" is still Oman's.
    text = (
        "COLOMBO, July 9 - Sri Lanka lodged a formal protest with Oman on Wednesday. "
        "Sri Lanka's foreign minister said Sri Lankan workers had been mistreated. "
        "In Muscat, Sri Lanka's ambassador met Omani Labour Minister Mahad bin Said Baowain on Wednesday. "
        "According to a statement from the Sri Lankan embassy, the minister criticised the recruiters."
    )
    assert any(s == "OMNGOV" and c == "111" for s, _, c in _dyads(model_pipeline, text))


def test_a_verb_the_parser_read_as_a_modifier_still_has_its_noun_as_doer(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Kenya's Nakuru county baton-charged and detained dozens of farmers on Monday."
    assert ("KENCOP", "KENAGR", "173") in _dyads(model_pipeline, text)


def test_striking_workers_are_on_strike_not_struck(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Malawi fired tear gas to break up a march by striking nurses in central Lilongwe."
    dyads = _dyads(model_pipeline, text)
    assert not any(c.startswith("19") for _, _, c in dyads)
    assert any(s == "MWICOP" and c == "175" for s, _, c in dyads)


def test_criticism_that_names_no_one_answers_who_acted_against_the_critic(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile imposed duties on Peruvian steel on Monday. "
        "Peru's trade minister called the decision unacceptable."
    )
    assert ("PERGOV", "CHL", "111") in _dyads(model_pipeline, text)


def test_criticism_of_one_s_own_side_keeps_its_target(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen from Kenya abducted ten Ugandan traders near the border on Monday. "
        "Kenyan police shot dead two of the gunmen. Kenya's interior minister condemned the abduction."
    )
    criticism = [(s, t) for s, t, c in _dyads(model_pipeline, text) if c.startswith("11")]
    assert criticism and all(t is None or not t.startswith("UGA") for _, t in criticism)


def test_a_response_naming_no_one_goes_where_the_same_response_went(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Indonesia and Malaysia pledged relief to the Philippines on Monday after a typhoon. "
        "Singapore sent a team of rescue workers."
    )
    assert ("SGP", "PHL", "073") in _dyads(model_pipeline, text)


def test_a_response_naming_no_one_does_not_share_a_target_of_no_country(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Floods killed 200 people in Bangladesh on Monday. The United Nations appealed for funds to help "
        "flood victims. India said it was ready to provide assistance."
    )
    aid = [t for s, t, c in _dyads(model_pipeline, text) if s == "IND" and c.startswith(("07", "03"))]
    assert aid and all(t is not None and t.startswith("BGD") for t in aid)


def test_a_partial_event_of_the_news_outlives_a_complete_one_in_its_after_clause(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of bus drivers went on strike in Quito on Monday after gangs shot dead two drivers."
    codes = {c for _, _, c in _dyads(model_pipeline, text)}
    assert any(c.startswith("143") for c in codes)
    assert any(c.startswith(("18", "19")) for c in codes)  # the shooting stays, told in the news's clause


def test_a_protest_by_another_side_in_an_after_clause_is_news(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's transport minister resigned on Friday after thousands of people rallied in central Lima."
    assert any(s == "PERCVL" and c.startswith("14") for s, _, c in _dyads(model_pipeline, text))


def test_a_protest_by_the_news_s_own_doers_before_it_is_a_step_of_theirs(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Students in Dhaka marched to parliament on Monday after they rallied at the university."
    protests = [c for s, _, c in _dyads(model_pipeline, text) if c.startswith("14")]
    assert len(protests) == 1


def test_a_reprisal_said_to_come_is_a_threat_at_who_acted_against_the_speaker(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Norway expelled two Russian diplomats on Monday. Russia's foreign ministry said Moscow would retaliate."
    threats = [e for e in _events(model_pipeline, text) if e.cameo_standard == "138"]
    assert threats and all(e.target is not None and e.target.actor.code == "NOR" for e in threats)


def test_countermeasures_announced_are_a_threat_made(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada imposed tariffs on Chinese electric cars on Monday. "
        "China's commerce ministry said Beijing would take resolute countermeasures."
    )
    threats = [e for e in _events(model_pipeline, text) if e.cameo == "130"]
    assert threats and all(e.modality.value == "asserted" for e in threats)
    assert any(e.target is not None and e.target.actor.country == "CAN" for e in threats)


def test_would_in_what_a_leader_wrote_is_a_plan(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's president wrote on X that Kenya would send 500 police officers to Haiti."
    sent = [e for e in _events(model_pipeline, text) if e.cameo.startswith("15")]
    assert sent and all(e.modality.value == "planned" for e in sent)


def test_a_law_reacted_to_is_the_act_of_who_passed_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Serbia's parliament on Tuesday passed a law on the status of the border region. "
        "Croatia condemned the law."
    )
    assert ("HRV", "SRBLEG", "111") in _dyads(model_pipeline, text)


def test_a_ruling_welcomed_is_the_court_s_that_ruled(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya's Supreme Court ruled on Monday that the presidential vote had been valid. "
        "Kenya's opposition leader welcomed the ruling."
    )
    assert ("KENOPP", "KENJUD", "051") in _dyads(model_pipeline, text)


def test_an_extension_welcomed_is_of_who_extended(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The UN Security Council extended the mandate of its mission in Mali by a year. "
        "Mali's foreign minister welcomed the extension."
    )
    assert ("MLIGOV", "IGOUNOSEC", "051") in _dyads(model_pipeline, text)


def test_talks_mediated_by_a_third_party_hung_on_the_main_verb_are_its_mediation(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ethiopia and Eritrea agreed on a truce after two days of talks in Nairobi mediated by the African Union."
    mediation = {(s, t) for s, t, c in _dyads(model_pipeline, text) if c == "045"}
    assert mediation == {("IGOAFRAFU", "ETH"), ("IGOAFRAFU", "ERI")}


def test_both_sides_appealed_to_are_the_sides_of_the_latest_hostile_event(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cambodian troops shelled Thai positions on Monday. Laos and Vietnam later held talks on trade. "
        "The UN urged both sides to exercise restraint."
    )
    appealed = {t for s, t, c in _dyads(model_pipeline, text) if s == "IGOUNO" and c.startswith("02")}
    assert appealed and {t[:3] for t in appealed if t} == {"KHM", "THA"}


def test_an_official_of_no_stated_country_speaks_for_the_other_side_of_the_dyad(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Eritrean troops shelled an Ethiopian border post on Sunday. "
        "A government spokesman accused Eritrea of breaking the truce."
    )
    accusations = [(s, t) for s, t, c in _dyads(model_pipeline, text) if c.startswith("11")]
    assert accusations and all(s is not None and s.startswith("ETH") for s, _ in accusations)


def test_a_government_of_no_stated_country_acted_on_is_the_other_side_of_the_dyad(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Eritrean troops shelled an Ethiopian border post on Sunday. "
        "Eritrea's information minister accused the government of staging the incident."
    )
    accusations = [(s, t) for s, t, c in _dyads(model_pipeline, text) if c.startswith("11")]
    assert accusations and all(t is not None and t.startswith("ETH") for _, t in accusations)


def test_restraint_urged_of_no_one_is_asked_of_the_sides_of_the_latest_hostile_event(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Indian and Pakistani troops exchanged fire across the Line of Control on Sunday. China urged restraint."
    urged = {t[:3] for s, t, c in _dyads(model_pipeline, text) if s == "CHN" and c == "0256" and t}
    assert urged == {"IND", "PAK"}


def test_calm_called_for_is_an_appeal_for_de_escalation(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Indian and Pakistani troops exchanged fire on Sunday. The United Nations called for calm."
    assert any(s == "IGOUNO" and c == "0256" for s, _, c in _dyads(model_pipeline, text))


def test_them_freed_are_those_held_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ugandan police detained eight journalists in Kampala. A court released three of them on Friday."
    assert ("UGAJUD", "UGAMED", "084") in _dyads(model_pipeline, text)


def test_criticism_naming_no_one_answers_a_hostile_act_not_an_appeal(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Somali troops shelled a Kenyan border town on Sunday. The UN urged Kenya to exercise restraint. "
        "Kenya's foreign minister called the incident a grave violation."
    )
    targets = {
        t for s, t, c in _dyads(model_pipeline, text) if s and s.startswith("KEN") and c.startswith("11")
    }
    assert targets == {"SOMMIL"}
