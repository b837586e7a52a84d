"""The sample map's content: sources, quotes, statements, inferences, ratings and signposts.

An analyst's reading, as of 10 November 2025, of five articles on whether the Kremlin will
accept a ceasefire. Quotes hold the articles' exact words (body text only, never page
chrome, never across a non-breaking space); statements hold the analyst's words, no
stronger than the quotes ("may" stays "may"). How credibility follows from a source's kind
and age is written in SOURCE_POLICY, which the map carries (ArgMap.source_policy); the
scenarios, their priors and the reference class behind them are in the scenario notes.
"""

# Quotes are the articles' words, one per line, never wrapped.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass

TITLE = "Kremlin ceasefire calculus, 2024-2025"
ANALYST = "argmap sample (an illustrative analysis of five articles)"
AS_OF = "2025-11-10"

# What a quoted statement's text is; every quoted statement carries exactly one.
REPORTED_FACT, OPINION, FORECAST = "reported-fact", "opinion", "forecast"
TEXT_TAGS = (REPORTED_FACT, OPINION, FORECAST)


@dataclass(frozen=True)
class SourceSpec:
    """A seed article and what the article itself says about where it comes from."""

    id: str
    file: str
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None


@dataclass(frozen=True)
class Said:
    """One statement as the analyst writes it."""

    id: str
    kind: str
    text: str
    quotes: tuple[str, ...] = ()
    credibility: float | None = None
    prior: float | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One inference: premises (linked when several) bearing on a conclusion."""

    id: str
    premises: tuple[str, ...]
    conclusion: str
    kind: str
    strength: float | None
    notes: str = ""


@dataclass(frozen=True)
class Watch:
    """A signpost: what we would expect to see next if a scenario is unfolding."""

    id: str
    scenario: str
    text: str
    status: str = "not seen"
    changed: str | None = None
    notes: str = ""


def support(
    id: str,
    premises: tuple[str, ...],
    conclusion: str,
    strength: float | None,
    notes: str = "",
) -> Step:
    """Premises that, if true, make the conclusion more likely."""
    return Step(id, premises, conclusion, "support", strength, notes)


def attack(id: str, premises: tuple[str, ...], conclusion: str, strength: float) -> Step:
    """Premises that, if true, make the conclusion less likely."""
    return Step(id, premises, conclusion, "attack", strength)


def undercut(id: str, premise: str, inference: str, strength: float) -> Step:
    """A premise that, if true, cuts the link of an inference without denying its premises."""
    return Step(id, (premise,), inference, "undercut", strength)


SOURCES = [
    SourceSpec(
        "src-jamestown",
        "000_b453c5a90ba6841f.txt",
        "Talks On Peace Deal for War Against Ukraine Can Still Rebound",
        None,
        "Eurasia Daily Monitor (Jamestown Foundation)",
        "2025-11",
    ),
    SourceSpec(
        "src-collapse",
        "001_31cb03c554dd25a0.txt",
        "Putin can’t end the war in Ukraine without Russia collapsing",
        None,
        None,
        "2024-11",
    ),
    SourceSpec(
        "src-espreso-2023",
        "002_0edac0b944606803.txt",
        "Is Putin ready for negotiations?",
        "Vadym Denysenko",
        "Espreso",
        "2023-12-24",
    ),
    SourceSpec(
        "src-valdai",
        "003_29ea34ad3f76da9b.txt",
        None,
        None,
        "Valdai Discussion Club",
        "2025-02",
    ),
    SourceSpec(
        "src-espreso-2024",
        "004_8d5cd8e739546e10.txt",
        "The illusion of quick negotiations",
        "Vadym Denysenko",
        "Espreso",
        "2024-11-17",
    ),
]

JT, COL, E23, VD, E24 = (s.id for s in SOURCES)

SOURCE_POLICY = """\
How credibility is set in this map (the probability that a statement, as worded, is true).

1. What the statement is. Every quoted statement is tagged with what its text is: \
'reported-fact' (an event, a figure or someone's statement the source reports and one \
could check), 'opinion' (a judgement or interpretation of the present) or 'forecast' \
(about what will or may happen). Only reported facts have the kind 'evidence'; opinions \
and forecasts are premises, assumptions, objections or claims. Hedged words stay hedged: \
'may', 'seems', 'likely' in the quote appear in the statement.

2. Who says it. Eurasia Daily Monitor (Jamestown), November 2025, an analytical outlet \
citing named Russian and independent media: reported facts 0.80-0.85, its opinions and \
forecasts 0.60, speculation ('seemingly', 'perhaps') 0.40. The late-2024 analytical piece \
('Putin can't end the war...', author and outlet not given): reported facts 0.70-0.75, \
opinions and forecasts 0.50. Opinion columns (Espreso, whose editors disclaim them) and \
the Kremlin-aligned Valdai Discussion Club: 0.35-0.55 whatever the statement is; Valdai's \
claims of Russian strength and its readings of others' views 0.40-0.45, its checkable or \
self-critical statements up to 0.55. Reports resting on unnamed insiders count as opinion.

3. Age. A claim about the present or a forecast loses 0.05 for every six months between \
its publication and the map's as-of date (10 November 2025), within the bands above: the \
Valdai piece (February 2025) -0.05, the two November 2024 pieces -0.10, the December 2023 \
column -0.15 (it sits at the floor, 0.35). A reported past event (Istanbul 2022, the Wagner \
mutiny) is not aged: it is as true now; how much it bears on the outcome is the link's \
strength. A forecast whose date has passed is judged by what the newer articles report.

4. Corroboration. Two independent sources saying the same raise a statement by 0.05; two \
columns by one author are one source.

5. Judged once. A statement has a credibility or arguments beneath it, never both: the \
weights take a credibility as final.

Dates: the Espreso columns are dated on the page; the others are dated from their content \
(EDM cites sources up to 7 November 2025; the late-2024 piece has Trump as president-elect \
and Scholz's call to Putin; Valdai's follows the first Putin-Trump negotiations of \
February 2025)."""

DESCRIPTION = """\
Focal question, sharpened: on 10 November 2026, twelve months after the newest source, is \
a general ceasefire in force in Ukraine that the Kremlin agreed to? A general ceasefire \
halts ground fighting along the whole front by agreement of Moscow and Kyiv; partial \
truces (energy strikes, the Black Sea) do not count. Seven scenarios split every outcome \
on that date; each definition excludes the others:
(1) 'Ceasefire on Russia's terms: Ukraine gives up land it still held': a general \
ceasefire is in force and Ukraine gave up land it held when it was signed, framework or not;
(2) 'Ceasefire within a settlement framework': one is in force, with a \
signed framework on territory, security guarantees or sanctions, and Ukraine gave up no \
land it held when it was signed;
(3) 'Bare ceasefire, nothing settled (frozen conflict)': one is in force with no such \
framework, and Ukraine gave up no land it held;
(4) 'War of attrition goes on, partial truces at most': none took effect, the fighting \
goes on and the war has not widened;
(5) 'Truce signed, then broken': one took effect during the year but ground fighting \
has resumed by the date;
(6) 'Wider war: no ceasefire, and the war escalates beyond today's bounds': none took \
effect and the war has widened (a Russian nuclear test or use, a direct clash with a \
NATO member's forces, or general mobilisation in Russia);
(7) 'Something else (e.g. a Russian domestic crisis stops the war without a deal)': \
whatever the six miss, for instance fighting that stops without an agreed ceasefire.
Priors come from a reference class (see each scenario's notes); the five articles \
(December 2023 to November 2025) then move them. An illustrative sample built from five \
articles, not a current estimate."""

# quote id -> (source id, the article's exact words; the first occurrence is used)
# fmt: off
QUOTES: dict[str, tuple[str, str]] = {
    # Eurasia Daily Monitor, November 2025
    "q-jt-prospect-gone": (JT, "any prospect of bringing the war against Ukraine to an end any time soon appeared to disappear"),
    "q-jt-waste-of-time": (JT, "Trump’s statement that a follow-up summit would be a “waste of time”"),
    "q-jt-nuclear-posturing": (JT, "Putin subsequently resorted to nuclear posturing, a move he had uncharacteristically abstained from for most of the first year of Trump’s presidency"),
    "q-jt-hopes": (JT, "Some new currents in the political atmosphere have, nevertheless, rehabilitated resilient hopes for a new round of results-oriented talks."),
    "q-jt-brinkmanship": (JT, "Nuclear brinksmanship has not delivered the results that Putin expected."),
    "q-jt-claim-strength": (JT, "The Russian autocrat can still claim to have gained a new position of strength and deterred the U.S. attempt to put pressure on Moscow"),
    "q-jt-hawks": (JT, "the predictably hawkish voices advocated instead for a wait-and-see approach"),
    "q-jt-encirclements": (JT, "His presentation of two large-scale encirclements of 31 Ukrainian battalions was a figment of strategic imagination"),
    "q-jt-pokrovsk": (JT, "The situation around the twin cities of Pokrovsk and Myrnohrad, however, is very difficult for the Ukrainian forces, and the relentless Russian attacks may compel them to retreat to the next belt of trenches"),
    "q-jt-stubborn": (JT, "the stubborn defense that has inflicted tens of thousands of casualties on the Russian storm troops has also acquired great symbolic importance"),
    "q-jt-ruins": (JT, "Putin can present the capture of a few dozen square miles of smoldering ruins as a great victory"),
    "q-jt-flexibility": (JT, "The combination of imagined nuclear advantages and inflated gains in protracted battles may make it possible for Putin to show flexibility in renewed bargaining on a peace deal"),
    "q-jt-lavrov": (JT, "Russian Foreign Minister Sergei Lavrov has seemingly been made to disappear, perhaps as a signal of a softening of Russia’s rigid stance"),
    "q-jt-xi": (JT, "A significant incentive for resuming talks with the United States is the positive outcome of the meeting between Trump and President Xi Jinping"),
    "q-jt-behind-back": (JT, "The impression that the matter of crucial importance for Russia is discussed behind the back of its ruler has been aggravated"),
    "q-jt-zero-growth": (JT, "Putin remains in denial, despite the Russian Central Bank’s revised forecast predicting zero growth"),
    "q-jt-railroads": (JT, "the sustained decline in the volume of goods transported by railroads proves the real depth of the recession"),
    "q-jt-oil-revenue": (JT, "budget revenues from the oil and gas industry shrank by 26.7 percent in October compared to the same month in 2024"),
    "q-jt-taxation": (JT, "The Russian war machine can only be sustained by increased taxation of other businesses and selective confiscation of private savings"),
    "q-jt-elites": (JT, "Business elites struggle to preserve their fortunes, but their private survival strategies clash with the state’s demand for more income and are squeezed by the sanctions regime"),
    "q-jt-lukoil": (JT, "Oil giant Lukoil sought to circumvent the latest U.S. ban by selling its international assets to the Swiss trader Gunvor, described by the U.S. Treasury Department as “the Kremlin’s puppet,” resulting in a no-deal outcome"),
    "q-jt-intensifying": (JT, "Both government officials and business leaders recognize that the factors driving the economy down are intensifying"),
    "q-jt-repression": (JT, "proceeds with elite reshuffles and repression of discontent"),
    "q-jt-fear-weakness": (JT, "His risk calculus related to accepting a ceasefire deal was shaped by the fear of showing weakness"),
    "q-jt-space": (JT, "The recent demonstrations of strength may alleviate this fear and grant him some time-limited space for accepting compromises and freezing the hostilities."),
    "q-jt-benefits": (JT, "he needs to deliver the economic benefits of his concessions"),
    "q-jt-sanctions-demand": (JT, "The lifting of sanctions is likely to be Moscow’s key demand in a potential new round of talks"),
    "q-jt-rewarding": (JT, "the partners in the Western coalition will have to weigh the difficult choice of rewarding Putin’s aggression"),
    # "Putin can't end the war...", late 2024 (Trump president-elect)
    "q-col-reuters": (COL, "Russian President Vladimir Putin has quietly expressed openness to discussing a Ukraine ceasefire deal with US President-elect Donald Trump."),
    "q-col-peskov": (COL, "Putin “has repeatedly said that any option of freezing the conflict won’t work for us.”"),
    "q-col-turkey": (COL, "Russia also rejected Turkey’s peace plan for Ukraine."),
    "q-col-maximalist": (COL, "Unless the US accedes to Putin’s maximalist vision, which includes occupying Ukrainian-held areas of Zaporizhzhia, Kherson and Donetsk and permanently ruling out Ukraine’s Nato membership"),
    "q-col-trump-wont": (COL, "it is equally improbable that Trump will accede to Putin’s far-fetched demands"),
    "q-col-plans-freeze": (COL, "Even the Russia-friendly Chinese and Brazilian peace plans do not go beyond freezing the conflict at current borders."),
    "q-col-open-door": (COL, "Abandoning Nato’s open-door policy under Russian pressure would deal a long-term blow to its credibility as an alliance bloc."),
    "q-col-tactical": (COL, "While Russia is unlikely to negotiate in good faith, it still sees tactical value in diplomacy."),
    "q-col-istanbul": (COL, "While Russian forces perpetrated the Bucha Massacre, Putin’s chief diplomats toyed with the idea of ending the Ukraine War at the March 2022 Istanbul talks."),
    "q-col-stalling": (COL, "For the Kremlin, diplomacy is a tool of psychological warfare and a stalling tactic that facilities military breakthroughs."),
    "q-col-sticking": (COL, "Russia will almost certainly cite Ukraine’s use of ATACM long-range missiles on its territory and occupation of Kursk as irrevocable sticking points."),
    "q-col-regime": (COL, "Putin sees the war’s continuation as vital for regime stability in Russia."),
    "q-col-boom": (COL, "The military-industrial boom continues to prevent socioeconomic unrest."),
    "q-col-minsk": (COL, "many Russian ultranationalists see Putin’s acquiescence to the 2015 Minsk II Accords with Ukraine as a naïve act of betrayal"),
    "q-col-wagner": (COL, "The June 2023 Wagner Group mutiny underscored the threat of ultranationalist dissent"),
    "q-col-outlast": (COL, "Russia is determined to outlast the West’s support for Ukraine and sees diplomacy as a tactic to achieve that goal."),
    # Espreso, 24 December 2023
    "q-e23-nyt": (E23, "The New York Times reported that Putin has purportedly sent peace talk proposals to Washington, aiming to freeze the front along the contact line."),
    "q-e23-doubt": (E23, "Assuming the credibility of the NYT sources (though, in my opinion, we should question it)"),
    "q-e23-third-power": (E23, "Putin genuinely believed, and still does, that capturing Ukraine (partially seizing and creating a tension buffer zone) would establish Russia as the third global power."),
    "q-e23-either-or": (E23, "Either Russia triumphs, or it ceases to exist."),
    "q-e23-not-prepared": (E23, "he is, in reality, not fully prepared for it, despite his outward confidence"),
    "q-e23-weakens": (E23, "the more the prolonged war persists, the greater Russia weakens—economically, technologically, and demographically, primarily"),
    "q-e23-china": (E23, "a prolonged war could make Russia technologically dependent on China for years"),
    "q-e23-pause": (E23, "In theory, it might be advantageous for Putin to initiate a military pause around mid-next year."),
    "q-e23-sanctions": (E23, "crucially for Putin, partially lifting sanctions on both the economy and himself, would likely be demanded"),
    "q-e23-persists": (E23, "This seems to be his maximum program. If not achieved, he persists with the war."),
    "q-e23-agency": (E23, "Even if Moscow's negotiation attempts fail, the belief is that engaging in secret talks gives Putin a degree of agency. It positions him as a player who can independently resolve conflicts with the United States without China's influence."),
    # Valdai Discussion Club, early 2025 (after the first Putin-Trump contacts)
    "q-vd-window": (VD, "Nevertheless, a window of opportunity for achieving peace remains open."),
    "q-vd-reversal": (VD, "A reversal could occur at any moment, given the multitude of unresolved, accumulated issues."),
    "q-vd-no-retreat": (VD, "Russia is prepared to endure significant losses and risks to safeguard its fundamental security interests. There will be no further retreat, even if it means saving face."),
    "q-vd-sanctions-shunned": (VD, "China, India, Brazil, South Africa, and others have distanced themselves from the sanctions policy."),
    "q-vd-west-falters": (VD, "Ultimately, the cohesion of the Western coalition itself has begun to falter."),
    "q-vd-us-risks": (VD, "new US administration seems to understand that further prolongation of the conflict carries risks"),
    "q-vd-incentive": (VD, "the achieved results and existing limitations create an incentive for Washington and Moscow to discuss a potential peace"),
    "q-vd-no-weakness": (VD, "each party at the negotiating table holds a strong position in its own regard, and neither approaches the dialogue from a place of weakness"),
    "q-vd-futility": (VD, "The new US administration appears to have recognized the futility of the conflict and has taken pre-emptive steps to bring it to an end."),
    "q-vd-deterrent": (VD, "Changes in Russia’s nuclear doctrine and the deployment of a new intermediate-range missile in a non-nuclear configuration served as a significant deterrent"),
    "q-vd-industry": (VD, "Russia’s defense industry has managed to sustain a high tempo and scale of military operations"),
    "q-vd-no-mobilization": (VD, "avoiding large-scale mobilization and relying on volunteers and contract soldiers"),
    "q-vd-no-crisis": (VD, "Nevertheless, Russia has avoided any significant financial or economic crisis."),
    "q-vd-no-split": (VD, "Hopes among Russia’s adversaries for a swift “regime change” or a split among the elites have not materialized."),
    "q-vd-realistic": (VD, "Moscow appears to view the prospect of further military actions as a realistic scenario, for which it has the material resources if necessary."),
    "q-vd-depleted": (VD, "The direct military result has been the depletion of Ukraine’s military potential, even with extensive Western supplies"),
    "q-vd-limited": (VD, "On the other hand, the military and political benefits of prolonging the conflict may be limited."),
    "q-vd-istanbul-demands": (VD, "Continued hostilities would only make sense if Russia’s key demands, laid out during the Istanbul negotiations in 2022, remain unmet."),
    # Espreso, 17 November 2024
    "q-e24-unattainable": (E24, "neither of these goals has been achieved — and in my view, they’re now unattainable. But the Kremlin seems blind to this reality."),
    "q-e24-live-long": (E24, "Putin wants to live as long as possible and die in the presidential chair of natural causes. Every decision in Russia is now shaped by this obsession."),
    "q-e24-war-safer": (E24, "given current conditions, continuing the war seems safer for him"),
    "q-e24-social-issues": (E24, "Ending the war would require addressing numerous social issues Russia is not prepared to solve."),
    "q-e24-imposed": (E24, 'peace under Trump’s terms risks being perceived in Russia as an imposed and conditional "victory," which Putin fears deeply'),
    "q-e24-humiliation": (E24, "Speaking of fears, Putin is terrified of humiliation."),
    "q-e24-anchor": (E24, "Russia’s economy is becoming an anchor — and its growing tech dependence on China is escalating into a national threat."),
    "q-e24-living-standards": (E24, "Living standards are declining despite rosy official stats"),
    "q-e24-stagnation": (E24, "No, this won’t spark a 1989–1991-style collapse anytime soon, but it will drag the economy into stagnation for at least the next decade."),
    "q-e24-hinge": (E24, "the chances of negotiations hinge on two factors: recognizing these economic threats and Putin’s ability to convince himself"),
    "q-e24-not-ready": (E24, "For now, it seems clear: Putin isn’t ready for talks."),
}
# fmt: on

Q = "s-question"
DEAL = "s-sc-deal"
FROZEN = "s-sc-frozen"
IMPOSED = "s-sc-imposed"
BROKEN = "s-sc-broken-truce"
ATTRITION = "s-sc-attrition"
ESCALATION = "s-sc-escalation"
OTHER = "s-sc-other"
# Document order: the ceasefires in force, then the outcomes with fighting on the date, then
# the catch-all (scenario cards with few reasons of their own are kept apart on the canvas).
SCENARIOS = (IMPOSED, DEAL, FROZEN, ATTRITION, BROKEN, ESCALATION, OTHER)

REFERENCE_CLASS = (
    "Reference class: interstate wars in their fourth year since 1945 (Korea 1950-53, "
    "Iran-Iraq 1980-88, Ethiopia-Eritrea 1998-2000) and this war's own truces (Minsk I, "
    "September 2014, broke down within months; Minsk II, February 2015, reduced the fighting "
    "without ending it). Wars this old rarely stop in any given year, and when they do it is "
    "mostly by a bare armistice after long talks (Korea: two years of talks while fighting). "
    "The analyst's reading, not a computed rate: about one chance in three that a general "
    "ceasefire takes effect within the year, a little above the class because US-Russian "
    "talks are under way; of those, about one in five breaks down within the year."
)

STATEMENTS: list[Said] = [
    Said(
        Q,
        "question",
        "Will a general ceasefire the Kremlin agreed to be in force in Ukraine on 10 November 2026?",
        notes=(
            "The sharpened question, its seven scenarios and the order in which they are "
            "checked are in the map's description; the source policy in its properties."
        ),
    ),
    Said(
        IMPOSED,
        "scenario",
        "Ceasefire on Russia's terms: Ukraine gives up land it still held",
        prior=0.05,
        notes=(
            "A general ceasefire is in force on the date on terms that include Ukraine "
            "withdrawing from land it held when it was signed (the rest of Donetsk, "
            "Zaporizhzhia or Kherson regions), whether after a collapse of its front or under "
            "outside pressure. Prior 5%: Russian gains are measured in dozens of square miles "
            "a month and Ukraine falls back to prepared lines; a collapse within a year is rare "
            "in the reference class once a front has been static for two years. " + REFERENCE_CLASS
        ),
    ),
    Said(
        DEAL,
        "scenario",
        "Ceasefire within a settlement framework",
        prior=0.10,
        notes=(
            "On 10 November 2026 a general ceasefire agreed by Moscow and Kyiv is in force, "
            "with a signed framework on territory, security guarantees or sanctions, along the "
            "line of contact (Ukraine gives up no land it held when signing). "
            "Prior 10%: of the one-in-three chance of a ceasefire, settlements with a framework "
            "are rarer than bare armistices in the reference class, but Moscow's demand for "
            "sanctions relief and 'root causes' needs a written framework. " + REFERENCE_CLASS
        ),
    ),
    Said(
        FROZEN,
        "scenario",
        "Bare ceasefire, nothing settled (frozen conflict)",
        prior=0.13,
        notes=(
            "A general ceasefire Moscow agreed is in force on the date, along the line of "
            "contact, with no signed framework on territory, guarantees or sanctions (an "
            "armistice in the Korean manner); sanctions eased informally do not change the class. "
            "Prior 13%: the commonest way wars of this age stop in the reference class, held "
            "below the framework's double because Moscow says a freeze 'won't work' for it. "
            + REFERENCE_CLASS
        ),
    ),
    Said(
        ATTRITION,
        "scenario",
        "War of attrition goes on, partial truces at most",
        prior=0.54,
        notes=(
            "No general ceasefire took effect during the year and the war has not widened: "
            "fighting goes on, talks on and off; partial truces (energy strikes, the Black Sea) "
            "may be in force. Prior 54%: the rest of the two chances in three that no ceasefire "
            "takes effect, after the wider war and 'something else'. " + REFERENCE_CLASS
        ),
    ),
    Said(
        BROKEN,
        "scenario",
        "Truce signed, then broken",
        prior=0.07,
        notes=(
            "A general ceasefire took effect during the year, but by the date ground fighting "
            "has resumed along the front. Prior 7%: about one in five of the one-in-three "
            "chance of a ceasefire, as Minsk I and Minsk II suggest for this war. "
            + REFERENCE_CLASS
        ),
    ),
    Said(
        ESCALATION,
        "scenario",
        "Wider war: no ceasefire, and the war escalates beyond today's bounds",
        prior=0.05,
        notes=(
            "No ceasefire took effect, and by the date at least one of: a Russian nuclear "
            "explosive test or use, a direct military clash with a NATO member's forces, or "
            "general mobilisation in Russia. An end state, not a path: escalation that ends in "
            "a ceasefire counts under the ceasefire scenarios. Prior 5%: none of the three has "
            "happened in nearly four years of war, though a nuclear test was debated in "
            "November 2025. " + REFERENCE_CLASS
        ),
    ),
    Said(
        OTHER,
        "scenario",
        "Something else (e.g. a Russian domestic crisis stops the war without a deal)",
        prior=0.06,
        notes=(
            "Whatever the six others miss: for instance the fighting stops without any agreed "
            "ceasefire because of a crisis in Russia (an elite split, unrest, a financial "
            "crash) or a unilateral withdrawal. Prior 6%: the articles see no elite split and "
            "no collapse soon, but a catch-all keeps the weights honest about what the map "
            "did not imagine. " + REFERENCE_CLASS
        ),
        tags=("catch-all",),
    ),
    # --- The case for a ceasefire: pressure, room to move, an incentive to talk
    Said(
        "s-putin-flexibility",
        "claim",
        "Putin may find room to show flexibility in renewed bargaining",
        ("q-jt-flexibility",),
        notes=(
            "EDM's 'may make it possible', kept as a possibility. The late-2024 piece's "
            "'Putin could be compelled to negotiate' is not cited here: it is a prescription "
            "whose condition its own article says is unmet, in an article arguing the opposite."
        ),
        tags=(FORECAST, "key"),
    ),
    Said(
        "s-economy-degrading",
        "premise",
        "Russia's economy is sliding into stagnation, with no collapse in sight",
        ("q-jt-intensifying", "q-e24-stagnation"),
        notes="Officials see the downward forces intensifying; the 2024 column rules out a collapse.",
        tags=(OPINION, "economy", "key"),
    ),
    Said(
        "s-ev-zero-growth",
        "evidence",
        "The Central Bank's revised forecast predicts zero growth",
        ("q-jt-zero-growth",),
        credibility=0.85,
        tags=(REPORTED_FACT, "economy"),
    ),
    Said(
        "s-ev-oil-revenue",
        "evidence",
        "Oil and gas budget revenue fell 26.7% year on year in October",
        ("q-jt-oil-revenue",),
        credibility=0.85,
        tags=(REPORTED_FACT, "economy", "sanctions"),
    ),
    Said(
        "s-ev-rail-freight",
        "evidence",
        "Rail freight keeps falling, which EDM reads as a recession deeper than official data show",
        ("q-jt-railroads",),
        credibility=0.8,
        tags=(REPORTED_FACT, "economy"),
    ),
    Said(
        "s-ev-living-standards",
        "premise",
        "A columnist: living standards are falling despite rosy official statistics",
        ("q-e24-living-standards",),
        credibility=0.4,
        notes="Opinion column, November 2024: consistent with the 2025 figures, not itself data.",
        tags=(OPINION, "economy"),
    ),
    Said(
        "s-obj-economy-resilient",
        "objection",
        "Valdai: Russia has avoided any significant financial or economic crisis",
        ("q-vd-no-crisis",),
        credibility=0.4,
        notes=(
            "A Kremlin-aligned forum's claim of Russian strength, written before the 2025 "
            "slowdown: the Kremlin's preferred narrative more than an economic assessment."
        ),
        tags=(OPINION, "economy"),
    ),
    Said(
        "s-elites-discontented",
        "premise",
        "Business elites are squeezed between the state's demand for income and sanctions",
        ("q-jt-elites",),
        tags=(OPINION, "elites", "key"),
    ),
    Said(
        "s-ev-war-taxes",
        "premise",
        "EDM: the war machine can be sustained only by new business taxes and seizing savings",
        ("q-jt-taxation",),
        credibility=0.6,
        notes="An analyst's judgement (citing Radio Svoboda) about what the war needs, not a report of what is done.",
        tags=(OPINION, "economy", "elites"),
    ),
    Said(
        "s-ev-lukoil",
        "evidence",
        "Lukoil's sale of its foreign assets to Gunvor under the US ban came to nothing",
        ("q-jt-lukoil",),
        credibility=0.85,
        tags=(REPORTED_FACT, "elites", "sanctions"),
    ),
    Said(
        "s-obj-no-elite-split",
        "objection",
        "The squeeze has not split the elite: discontent meets reshuffles and repression",
        ("q-vd-no-split", "q-jt-repression"),
        credibility=0.65,
        notes=(
            "A Kremlin-aligned and a critical source agree (+0.05). It grants the discontent "
            "and denies that it turns into pressure: an undercut of the step from pressure to "
            "flexibility, not an attack on the squeeze itself."
        ),
        tags=(OPINION, "elites"),
    ),
    Said(
        "s-ev-lavrov",
        "premise",
        "Lavrov's seeming disappearance may signal a softer Russian stance",
        ("q-jt-lavrov",),
        credibility=0.4,
        notes="EDM's speculation ('seemingly', 'perhaps') about a personnel signal.",
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-sidelined",
        "premise",
        "Talks behind Putin's back (Trump with Xi, with Central Asia) give him an incentive to talk",
        ("q-jt-xi", "q-jt-behind-back"),
        credibility=0.6,
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-private-openness",
        "evidence",
        "Unnamed insiders said Putin was privately open to discussing a ceasefire on the front line",
        ("q-col-reuters", "q-e23-nyt", "q-e23-doubt"),
        credibility=0.45,
        notes=(
            "Reuters (five Kremlin insiders, November 2024) and the NYT (December 2023), both "
            "anonymous and a year or two old; the Espreso author who reports the NYT story "
            "doubts its sources. Counted as opinion (0.45) under the policy."
        ),
        tags=(REPORTED_FACT, "diplomacy", "key"),
    ),
    Said(
        "s-talks-give-agency",
        "premise",
        "Talks pay Putin even if they fail: they show him settling with the US without China",
        ("q-e23-agency",),
        credibility=0.35,
        notes=(
            "December 2023 column. So openness to talk says little about readiness to settle: "
            "it undercuts the step from private openness to flexibility."
        ),
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-fears-weakness",
        "premise",
        "Putin fears that compromise would look like weakness or humiliation",
        ("q-jt-fear-weakness", "q-e24-humiliation", "q-e24-hinge"),
        notes=(
            "Undercuts the step from flexibility to a ceasefire rather than denying "
            "flexibility: even a flexible Putin signs only what he can sell at home."
        ),
        tags=(OPINION, "key"),
    ),
    Said(
        "s-ev-imposed-victory",
        "premise",
        "A peace on Trump's terms risks reading in Russia as an imposed, conditional 'victory'",
        ("q-e24-imposed",),
        credibility=0.4,
        tags=(OPINION,),
    ),
    Said(
        "s-shows-of-strength",
        "premise",
        "Recent shows of strength may ease that fear, for a limited time",
        ("q-jt-space",),
        notes=(
            "EDM's argument: the strength claimed after the nuclear standoff and inflated "
            "battlefield claims together are the 'demonstrations of strength' that may buy "
            "Putin room to compromise."
        ),
        tags=(FORECAST, "military"),
    ),
    Said(
        "s-claims-strength",
        "premise",
        "After the nuclear standoff, Putin can still claim a new position of strength",
        ("q-jt-claim-strength",),
        credibility=0.6,
        tags=(OPINION, "nuclear"),
    ),
    Said(
        "s-obj-encirclements",
        "evidence",
        "Gerasimov's claimed encirclement of 31 battalions is not borne out by Russia's own maps",
        ("q-jt-encirclements",),
        credibility=0.8,
        notes=(
            "EDM uses the inflated claim as a show of strength for home use, part of what may "
            "let Putin bargain; it is not evidence that Russia is losing ground."
        ),
        tags=(REPORTED_FACT, "military"),
    ),
    Said(
        "s-both-incentive",
        "claim",
        "Valdai: Washington and Moscow both have an incentive to discuss peace",
        ("q-vd-incentive", "q-vd-window"),
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-ev-us-futility",
        "premise",
        "Valdai: the US administration seems to see the war as futile and risky to prolong",
        ("q-vd-futility", "q-vd-us-risks"),
        credibility=0.4,
        notes="A Kremlin-aligned reading of US views, not a report of them.",
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-strong-positions",
        "premise",
        "Valdai: both sides come to the table strong, neither from weakness",
        ("q-vd-no-weakness",),
        credibility=0.4,
        notes="Valdai's framing; useful as a signal of how Moscow wants to enter talks.",
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-obj-reversal",
        "objection",
        "Many unresolved issues mean any progress could be reversed at any moment",
        ("q-vd-reversal",),
        credibility=0.5,
        notes=(
            "Fragile progress is not a lack of incentive: it undercuts the step from an "
            "incentive to talk to a settlement."
        ),
        tags=(FORECAST, "diplomacy"),
    ),
    # --- What stands in the way of a ceasefire on the line of contact
    Said(
        "s-sanctions-price",
        "claim",
        "Sanctions relief is likely to be Moscow's key demand in new talks",
        ("q-jt-sanctions-demand", "q-e23-sanctions"),
        notes=(
            "A demand only a signed framework can meet: it favours a framework over a bare "
            "ceasefire, which gives Moscow none of its price."
        ),
        tags=(FORECAST, "sanctions", "key"),
    ),
    Said(
        "s-must-deliver",
        "premise",
        "To keep a truce popular, Putin needs to deliver its economic benefits",
        ("q-jt-benefits",),
        credibility=0.6,
        tags=(OPINION, "economy"),
    ),
    Said(
        "s-obj-sanctions-porous",
        "objection",
        "Valdai: China, India, Brazil, South Africa and others stay out of the sanctions",
        ("q-vd-sanctions-shunned",),
        credibility=0.55,
        notes=(
            "Checkable and broadly borne out, hence the top of the Kremlin-aligned band. So "
            "relief is worth less to Moscow: it attacks the claim that relief is its price."
        ),
        tags=(REPORTED_FACT, "sanctions"),
    ),
    Said(
        "s-west-reluctant",
        "objection",
        "Western partners will have to weigh relief that would reward Russia's aggression",
        ("q-jt-rewarding",),
        credibility=0.6,
        notes="A dilemma, not a refusal: 'will have to weigh', not 'balk'.",
        tags=(FORECAST, "sanctions", "key"),
    ),
    Said(
        "s-obj-coalition-falters",
        "objection",
        "Valdai: Western cohesion has begun to falter",
        ("q-vd-west-falters",),
        credibility=0.4,
        tags=(OPINION, "sanctions"),
    ),
    Said(
        "s-pause-advantage",
        "premise",
        "A December 2023 view: a pause in mid-2024 might have suited Putin, in theory",
        ("q-e23-pause",),
        credibility=0.35,
        notes="A forecast for mid-2024 that did not come true; at the floor of the band.",
        tags=(FORECAST,),
    ),
    Said(
        "s-no-halt-on-line",
        "claim",
        "Moscow is not ready to stop on the current line any time soon",
        notes=(
            "The analyst's summary of what stands in the way of both ceasefires on the line "
            "of contact (with a framework or bare): it attacks both."
        ),
        tags=("diplomacy", "key"),
    ),
    Said(
        "s-summit-failed",
        "objection",
        "After the failed Budapest summit, an early end to the war appeared to recede",
        ("q-jt-prospect-gone", "q-jt-waste-of-time"),
        credibility=0.6,
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-talks-rebound",
        "objection",
        "New currents have revived hopes for a round of results-oriented talks",
        ("q-jt-hopes",),
        credibility=0.6,
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-rejects-freeze",
        "evidence",
        "The Kremlin said no freeze of the conflict would work for it and rejected Turkey's plan",
        ("q-col-peskov", "q-col-turkey"),
        credibility=0.75,
        notes=(
            "Late 2024. Both ceasefires on the line of contact (with a framework or bare) are "
            "a freeze of the conflict, so it bears on both."
        ),
        tags=(REPORTED_FACT, "diplomacy"),
    ),
    Said(
        "s-maximalist-terms",
        "claim",
        "Putin's maximalist terms (more land, no NATO ever) are unlikely to be met by the US",
        ("q-col-maximalist", "q-col-trump-wont"),
        tags=(FORECAST, "diplomacy", "key"),
    ),
    Said(
        "s-nato-credibility",
        "premise",
        "Closing NATO's open door under pressure would damage the alliance's credibility",
        ("q-col-open-door",),
        credibility=0.5,
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-ev-plans-freeze",
        "evidence",
        "Even the Russia-friendly Chinese and Brazilian plans go no further than current lines",
        ("q-col-plans-freeze",),
        credibility=0.75,
        notes=(
            "Late 2024, two plans (Turkey's, also for a freeze, was rejected). The article "
            "uses them to show that Putin's demands exceed every offer: a support of the "
            "maximalist gap, not of a freeze."
        ),
        tags=(REPORTED_FACT, "diplomacy"),
    ),
    Said(
        "s-ev-sticking-points",
        "premise",
        "A late-2024 forecast: Moscow would cite long-range strikes and Kursk as sticking points",
        ("q-col-sticking",),
        credibility=0.35,
        notes="A forecast, not evidence; the Kursk point has since been overtaken by events.",
        tags=(FORECAST, "diplomacy"),
    ),
    Said(
        "s-zero-sum",
        "assumption",
        "Putin sees the war as all or nothing: triumph or the loss of great-power status",
        ("q-e23-either-or", "q-e23-third-power"),
        credibility=0.35,
        tags=(OPINION,),
    ),
    # --- The case for fighting on: regime logic, diplomacy as a tactic, the means to go on
    Said(
        "s-war-regime-stability",
        "claim",
        "Putin sees continuing the war as vital for regime stability",
        ("q-col-regime",),
        tags=(OPINION, "key"),
    ),
    Said(
        "s-military-boom",
        "premise",
        "The military-industrial boom holds off socioeconomic unrest",
        ("q-col-boom",),
        credibility=0.4,
        notes="Written in late 2024; the 2025 figures on the economy cut against it.",
        tags=(OPINION, "economy"),
    ),
    Said(
        "s-ev-ultranationalists",
        "evidence",
        "Ultranationalists called Minsk II a betrayal; the Wagner mutiny showed their threat",
        ("q-col-minsk", "q-col-wagner"),
        credibility=0.7,
        tags=(REPORTED_FACT, "elites"),
    ),
    Said(
        "s-war-safer",
        "premise",
        "To Putin, war seems safer than the social reckoning peace would bring",
        ("q-e24-war-safer", "q-e24-social-issues"),
        tags=(OPINION,),
    ),
    Said(
        "s-personal-survival",
        "assumption",
        "A columnist: Putin's wish to die in office of natural causes shapes every decision",
        ("q-e24-live-long",),
        credibility=0.35,
        notes="A psychological reading by an opinion writer; plausible, unverifiable.",
        tags=(OPINION,),
    ),
    Said(
        "s-diplomacy-stalling",
        "claim",
        "The Kremlin uses diplomacy to stall, not to settle",
        ("q-col-tactical", "q-col-stalling"),
        tags=(OPINION, "diplomacy", "key"),
    ),
    Said(
        "s-ev-istanbul-precedent",
        "evidence",
        "Russia toyed with ending the war at Istanbul in 2022 while its forces fought on",
        ("q-col-istanbul",),
        credibility=0.75,
        tags=(REPORTED_FACT, "diplomacy"),
    ),
    Said(
        "s-outlast-west",
        "premise",
        "Russia aims to outlast Western support for Ukraine",
        ("q-col-outlast",),
        credibility=0.4,
        tags=(OPINION, "diplomacy"),
    ),
    Said(
        "s-goals-unmet",
        "claim",
        "Putin fights on as long as his core demands remain unmet",
        ("q-e23-persists", "q-vd-istanbul-demands"),
        tags=(OPINION,),
    ),
    Said(
        "s-blind-to-failure",
        "premise",
        "A columnist: the Kremlin seems blind to its war aims being out of reach",
        ("q-e24-unattainable",),
        credibility=0.4,
        tags=(OPINION,),
    ),
    Said(
        "s-ev-not-ready",
        "premise",
        "In November 2024 it seemed clear to a columnist that Putin was not ready for talks, 'for now'",
        ("q-e24-not-ready",),
        credibility=0.35,
        notes="An opinion, time-bound by its own words; a year old at the as-of date.",
        tags=(OPINION,),
    ),
    Said(
        "s-can-sustain",
        "claim",
        "Russia still has the means and the will to keep fighting",
        notes="Expected whether the war goes on as now or widens: it feeds both.",
        tags=("military",),
    ),
    Said(
        "s-ev-defense-industry",
        "evidence",
        "Valdai: the defence industry sustains a high tempo without mass mobilisation",
        ("q-vd-industry", "q-vd-no-mobilization"),
        credibility=0.45,
        notes="Checkable and broadly borne out by the war's record, but capped as Kremlin-aligned.",
        tags=(REPORTED_FACT, "military"),
    ),
    Said(
        "s-ev-resources",
        "premise",
        "Valdai: Moscow appears to see further fighting as realistic and within its means",
        ("q-vd-realistic",),
        credibility=0.5,
        notes="A good witness of Moscow's view, if not of its means.",
        tags=(OPINION, "military"),
    ),
    Said(
        "s-force-readiness",
        "premise",
        "Valdai: Russia is prepared to endure heavy losses and risks; no further retreat",
        ("q-vd-no-retreat",),
        credibility=0.45,
        notes="Stated resolve from a Kremlin-aligned forum: the will, beside the means.",
        tags=(OPINION, "military"),
    ),
    Said(
        "s-battlefield-gains",
        "claim",
        "Russia is still gaining ground, slowly",
        tags=("military",),
    ),
    Said(
        "s-ev-pokrovsk",
        "evidence",
        "Ukraine's position at Pokrovsk and Myrnohrad is very difficult; it may have to fall back a line",
        ("q-jt-pokrovsk",),
        credibility=0.8,
        notes='The article: a retreat "to the next belt of trenches", a fallback to prepared lines, not a rout.',
        tags=(REPORTED_FACT, "military"),
    ),
    Said(
        "s-gains-bankable",
        "premise",
        "Putin can present small gains (a few dozen square miles of ruins) as a great victory",
        ("q-jt-ruins",),
        credibility=0.6,
        notes="Undercuts the step from gains to more war: gains can be banked as well as pressed.",
        tags=(OPINION, "military"),
    ),
    Said(
        "s-obj-war-weakens",
        "objection",
        "A columnist: a long war weakens Russia and deepens its dependence on China",
        ("q-e23-weakens", "q-e23-china", "q-e24-anchor", "q-e23-not-prepared"),
        credibility=0.4,
        notes="Two columns by one author count as one source (December 2023 and November 2024).",
        tags=(OPINION, "economy"),
    ),
    Said(
        "s-obj-limited-benefits",
        "objection",
        "Even a Kremlin-aligned view concedes a longer war may bring limited gains",
        ("q-vd-limited",),
        credibility=0.55,
        notes="Against the source's interest, hence the top of its band.",
        tags=(OPINION,),
    ),
    # --- Ceasefire on Russia's terms: depletion against a stubborn defence
    Said(
        "s-ukraine-depleted",
        "premise",
        "Valdai: the war has depleted Ukraine's military potential despite Western supplies",
        ("q-vd-depleted",),
        credibility=0.4,
        tags=(OPINION, "military"),
    ),
    Said(
        "s-stubborn-defence",
        "evidence",
        "Ukraine's stubborn defence of Pokrovsk has cost Russia tens of thousands of casualties",
        ("q-jt-stubborn",),
        credibility=0.75,
        notes="EDM citing Novaya Gazeta Europe; the casualty figure is not independently checked.",
        tags=(REPORTED_FACT, "military"),
    ),
    # --- Wider war: posturing is back, but it has not paid
    Said(
        "s-nuclear-posturing",
        "evidence",
        "Putin returned to nuclear posturing in autumn 2025 after most of a year without it",
        ("q-jt-nuclear-posturing",),
        credibility=0.85,
        notes=(
            "The late-2024 forecast that Russia would 'ratchet up its nuclear brinkmanship' to "
            "sway Trump is left out: this later article reports restraint for most of 2025."
        ),
        tags=(REPORTED_FACT, "nuclear"),
    ),
    Said(
        "s-escalation-worked",
        "premise",
        "Valdai: a new nuclear doctrine and missile deterred wide use of Western long-range arms",
        ("q-vd-deterrent",),
        credibility=0.4,
        tags=(OPINION, "nuclear"),
    ),
    Said(
        "s-brinkmanship-failed",
        "objection",
        "Nuclear brinkmanship has not delivered what Putin expected",
        ("q-jt-brinkmanship",),
        tags=(OPINION, "nuclear"),
    ),
    Said(
        "s-ev-hawks-wait",
        "evidence",
        "At the Security Council, even the hawks urged wait-and-see on preparing a nuclear test",
        ("q-jt-hawks",),
        credibility=0.8,
        tags=(REPORTED_FACT, "nuclear"),
    ),
]

INFERENCES: list[Step] = [
    # Each scenario answers the question; these links carry no evidential strength.
    *(support(f"i-{s.removeprefix('s-sc-')}-answers", (s,), Q, None) for s in SCENARIOS),
    # --- Ceasefire within a settlement framework, and bare ceasefire
    support("i-flexibility-deal", ("s-putin-flexibility",), DEAL, 0.45),
    support("i-flexibility-frozen", ("s-putin-flexibility",), FROZEN, 0.45),
    support(
        "i-pressure-flexibility",
        ("s-economy-degrading", "s-elites-discontented"),
        "s-putin-flexibility",
        0.55,
        notes=(
            "Linked: a stagnating economy alone Putin can deny, squeezed elites alone he can "
            "repress; together they raise the domestic price of war past what denial covers."
        ),
    ),
    undercut("i-no-elite-split", "s-obj-no-elite-split", "i-pressure-flexibility", 0.45),
    support("i-zero-growth", ("s-ev-zero-growth",), "s-economy-degrading", 0.6),
    support("i-oil-revenue", ("s-ev-oil-revenue",), "s-economy-degrading", 0.6),
    support("i-rail-freight", ("s-ev-rail-freight",), "s-economy-degrading", 0.55),
    support("i-living-standards", ("s-ev-living-standards",), "s-economy-degrading", 0.35),
    attack("i-economy-resilient", ("s-obj-economy-resilient",), "s-economy-degrading", 0.4),
    support("i-war-taxes", ("s-ev-war-taxes",), "s-elites-discontented", 0.5),
    support("i-lukoil", ("s-ev-lukoil",), "s-elites-discontented", 0.45),
    support("i-lavrov", ("s-ev-lavrov",), "s-putin-flexibility", 0.25),
    support("i-sidelined", ("s-sidelined",), "s-putin-flexibility", 0.35),
    support("i-private-openness", ("s-private-openness",), "s-putin-flexibility", 0.35),
    undercut("i-talks-agency", "s-talks-give-agency", "i-private-openness", 0.4),
    undercut("i-fear-undercut", "s-fears-weakness", "i-flexibility-deal", 0.5),
    undercut("i-fear-undercut-frozen", "s-fears-weakness", "i-flexibility-frozen", 0.5),
    support("i-imposed-victory", ("s-ev-imposed-victory",), "s-fears-weakness", 0.5),
    attack("i-strength-eases-fear", ("s-shows-of-strength",), "s-fears-weakness", 0.4),
    support(
        "i-strength-shown",
        ("s-claims-strength", "s-obj-encirclements"),
        "s-shows-of-strength",
        0.5,
        notes="Linked, as EDM has it: 'the combination of imagined nuclear advantages and inflated gains'.",
    ),
    support("i-incentive-deal", ("s-both-incentive",), DEAL, 0.35),
    support("i-us-futility", ("s-ev-us-futility",), "s-both-incentive", 0.45),
    support("i-strong-positions", ("s-strong-positions",), "s-both-incentive", 0.35),
    undercut("i-reversal", "s-obj-reversal", "i-incentive-deal", 0.45),
    support("i-price-deal", ("s-sanctions-price",), DEAL, 0.35),
    attack("i-price-frozen", ("s-sanctions-price",), FROZEN, 0.3),
    support("i-must-deliver", ("s-must-deliver",), "s-sanctions-price", 0.5),
    attack("i-sanctions-porous", ("s-obj-sanctions-porous",), "s-sanctions-price", 0.3),
    support("i-pause-advantage", ("s-pause-advantage",), FROZEN, 0.2),
    attack("i-no-halt-deal", ("s-no-halt-on-line",), DEAL, 0.5),
    attack("i-no-halt-frozen", ("s-no-halt-on-line",), FROZEN, 0.5),
    support("i-rejects-freeze", ("s-rejects-freeze",), "s-no-halt-on-line", 0.5),
    support("i-maximalist", ("s-maximalist-terms",), "s-no-halt-on-line", 0.5),
    support("i-summit-failed", ("s-summit-failed",), "s-no-halt-on-line", 0.4),
    attack("i-talks-rebound", ("s-talks-rebound",), "s-no-halt-on-line", 0.35),
    undercut("i-west-reluctant", "s-west-reluctant", "i-price-deal", 0.4),
    undercut("i-coalition-falters", "s-obj-coalition-falters", "i-west-reluctant", 0.35),
    support("i-nato-credibility", ("s-nato-credibility",), "s-maximalist-terms", 0.45),
    support("i-plans-freeze", ("s-ev-plans-freeze",), "s-maximalist-terms", 0.5),
    support("i-sticking-points", ("s-ev-sticking-points",), "s-maximalist-terms", 0.3),
    support("i-zero-sum", ("s-zero-sum",), "s-maximalist-terms", 0.4),
    # --- Ceasefire on Russia's terms
    support("i-depleted-imposed", ("s-ukraine-depleted",), IMPOSED, 0.35),
    attack("i-stubborn-defence", ("s-stubborn-defence",), IMPOSED, 0.45),
    # --- Truce signed, then broken
    support("i-stalling-broken", ("s-diplomacy-stalling",), BROKEN, 0.3),
    support("i-hardliners-broken", ("s-ev-ultranationalists",), BROKEN, 0.3),
    # --- War of attrition
    support("i-regime-attrition", ("s-war-regime-stability",), ATTRITION, 0.6),
    support("i-military-boom", ("s-military-boom",), "s-war-regime-stability", 0.4),
    support("i-ultranationalists", ("s-ev-ultranationalists",), "s-war-regime-stability", 0.5),
    support("i-war-safer", ("s-war-safer",), "s-war-regime-stability", 0.45),
    support("i-personal-survival", ("s-personal-survival",), "s-war-safer", 0.45),
    support("i-stalling-attrition", ("s-diplomacy-stalling",), ATTRITION, 0.5),
    support("i-istanbul-precedent", ("s-ev-istanbul-precedent",), "s-diplomacy-stalling", 0.55),
    support("i-outlast-west", ("s-outlast-west",), "s-diplomacy-stalling", 0.5),
    support("i-goals-attrition", ("s-goals-unmet",), ATTRITION, 0.5),
    support("i-blind-to-failure", ("s-blind-to-failure",), "s-goals-unmet", 0.45),
    support("i-not-ready", ("s-ev-not-ready",), "s-goals-unmet", 0.3),
    support("i-sustain-attrition", ("s-can-sustain",), ATTRITION, 0.4),
    support("i-sustain-escalation", ("s-can-sustain",), ESCALATION, 0.3),
    support("i-defense-industry", ("s-ev-defense-industry",), "s-can-sustain", 0.5),
    support("i-resources", ("s-ev-resources",), "s-can-sustain", 0.45),
    support("i-force-readiness", ("s-force-readiness",), "s-can-sustain", 0.4),
    support("i-gains-attrition", ("s-battlefield-gains",), ATTRITION, 0.4),
    support("i-pokrovsk", ("s-ev-pokrovsk",), "s-battlefield-gains", 0.55),
    undercut("i-gains-undercut", "s-gains-bankable", "i-gains-attrition", 0.45),
    attack("i-war-weakens", ("s-obj-war-weakens",), ATTRITION, 0.35),
    attack("i-limited-benefits", ("s-obj-limited-benefits",), ATTRITION, 0.35),
    # --- Wider war
    support("i-posturing-escalation", ("s-nuclear-posturing",), ESCALATION, 0.25),
    support("i-escalation-worked", ("s-escalation-worked",), ESCALATION, 0.25),
    attack("i-brinkmanship-failed", ("s-brinkmanship-failed",), ESCALATION, 0.5),
    support("i-hawks-wait", ("s-ev-hawks-wait",), "s-brinkmanship-failed", 0.55),
]

# The ACH matrix as the analyst filled it in (Heuer: every item against every scenario): one
# row per item of evidence the map judges directly (the leaves), one code per scenario in
# SCENARIOS order. N is a judged "neither"; NA says the item does not bear on the scenario.
ACH_COLUMNS = (DEAL, FROZEN, IMPOSED, BROKEN, ATTRITION, ESCALATION, OTHER)
# fmt: off
ACH_MATRIX: dict[str, str] = {
    #                           deal frozen imposed broken attrition wider other
    "s-ev-zero-growth":         "C   C      N       N      N         I     C",
    "s-ev-oil-revenue":         "C   C      N       N      N         I     C",
    "s-ev-rail-freight":        "C   C      N       N      N         I     C",
    "s-ev-living-standards":    "C   C      N       N      N         N     C",
    "s-obj-economy-resilient":  "I   I      N       N      C         C     I",
    "s-ev-war-taxes":           "C   C      N       N      N         I     C",
    "s-ev-lukoil":              "C   C      N       N      N         N     N",
    "s-obj-no-elite-split":     "I   I      N       N      C         N     I",
    "s-ev-lavrov":              "C   C      N       C      N         I     N",
    "s-sidelined":              "C   C      N       C      N         N     N",
    "s-private-openness":       "C   C      I       C      I         I     N",
    "s-talks-give-agency":      "N   N      N       C      C         N     N",
    "s-ev-imposed-victory":     "I   I      N       I      C         N     N",
    "s-claims-strength":        "C   C      N       N      N         N     N",
    "s-obj-encirclements":      "C   C      I       N      N         N     N",
    "s-ev-us-futility":         "C   C      C       C      I         N     N",
    "s-strong-positions":       "C   C      N       N      N         I     N",
    "s-obj-reversal":           "I   N      N       C      C         N     N",
    "s-summit-failed":          "I   I      N       I      C         N     N",
    "s-talks-rebound":          "C   C      N       C      I         N     N",
    "s-must-deliver":           "C   I      N       C      NA        NA    NA",
    "s-obj-sanctions-porous":   "I   N      N       N      C         N     N",
    "s-west-reluctant":         "I   C      I       N      C         N     N",
    "s-obj-coalition-falters":  "C   N      C       N      N         N     N",
    "s-pause-advantage":        "N   C      N       N      N         N     N",
    "s-rejects-freeze":         "I   II     C       I      C         N     N",
    "s-ev-plans-freeze":        "I   I      I       I      C         N     N",
    "s-ev-sticking-points":     "I   I      N       I      C         N     N",
    "s-nato-credibility":       "I   N      I       N      C         N     N",
    "s-zero-sum":               "I   I      C       N      C         C     I",
    "s-military-boom":          "I   I      N       N      C         N     I",
    "s-ev-ultranationalists":   "I   I      N       C      C         N     C",
    "s-personal-survival":      "I   I      N       I      C         N     N",
    "s-ev-istanbul-precedent":  "I   I      N       C      C         N     N",
    "s-outlast-west":           "I   I      C       C      C         N     I",
    "s-blind-to-failure":       "I   I      N       I      C         N     N",
    "s-ev-not-ready":           "I   I      N       I      C         N     N",
    "s-ev-defense-industry":    "N   N      C       N      C         C     I",
    "s-ev-resources":           "I   I      C       C      C         C     I",
    "s-force-readiness":        "I   I      C       C      C         C     I",
    "s-ev-pokrovsk":            "N   N      C       N      C         N     N",
    "s-gains-bankable":         "C   C      I       C      I         N     N",
    "s-obj-war-weakens":        "C   C      N       N      I         I     C",
    "s-obj-limited-benefits":   "C   C      I       N      I         I     N",
    "s-ukraine-depleted":       "N   N      C       N      C         N     N",
    "s-stubborn-defence":       "N   N      I       N      C         N     N",
    "s-nuclear-posturing":      "N   N      N       N      C         C     N",
    "s-escalation-worked":      "N   N      N       N      C         C     N",
    "s-ev-hawks-wait":          "N   N      N       N      C         I     N",
}
# fmt: on

# (evidence, scenario, rating, relevance): the matrix cell by cell.
RATINGS: list[tuple[str, str, str, float | None]] = [
    (evidence, scenario, code, None)
    for evidence, row in ACH_MATRIX.items()
    for scenario, code in zip(ACH_COLUMNS, row.split(), strict=True)
]

# How much a row bears on the question, on PARC ACH's scale (unset rows are medium): the
# Kremlin's stated position and this year's facts high; dated forecasts and speculation low.
ACH_RELEVANCE: dict[str, str] = {
    "s-rejects-freeze": "high",
    "s-ev-oil-revenue": "high",
    "s-summit-failed": "high",
    "s-ev-hawks-wait": "high",
    "s-ev-lavrov": "low",
    "s-pause-advantage": "low",
    "s-ev-sticking-points": "low",
    "s-ev-not-ready": "low",
    "s-personal-survival": "low",
}

# What we would expect to see next if each scenario is unfolding, as of 10 November 2025.
SIGNPOSTS: list[Watch] = [
    Watch(
        "sp-deal-text",
        DEAL,
        "US, Russian and Ukrainian negotiators publish a framework text on territory, guarantees or sanctions",
    ),
    Watch(
        "sp-deal-relief",
        DEAL,
        "The US or EU offers sanctions relief tied to a ceasefire",
        notes="Moscow's likely key demand (EDM). So far the opposite: new US sanctions on oil exports (EDM, November 2025).",
    ),
    Watch(
        "sp-deal-summit",
        DEAL,
        "A Putin-Trump summit is set with a date and an agenda",
        "contradicted",
        "2025-10-22",
        "The Budapest summit was called off; Trump called a follow-up a 'waste of time' (EDM).",
    ),
    Watch(
        "sp-frozen-rhetoric",
        FROZEN,
        "The Kremlin stops saying a freeze on the current line 'won't work' for it",
        notes="Peskov's line, late 2024.",
    ),
    Watch(
        "sp-frozen-armistice",
        FROZEN,
        "An armistice or ceasefire-in-place text without political clauses is discussed",
    ),
    Watch(
        "sp-frozen-lavrov",
        FROZEN,
        "Lavrov's hard line is sidelined and new negotiators appear",
        "emerging",
        "2025-11-07",
        "EDM: Lavrov 'seemingly made to disappear', perhaps a signal of softening.",
    ),
    Watch(
        "sp-imposed-pokrovsk",
        IMPOSED,
        "Ukraine loses Pokrovsk-Myrnohrad and cannot hold the next line",
        "emerging",
        "2025-11-07",
        "EDM: the situation is very difficult; a retreat to the next belt of trenches may follow.",
    ),
    Watch(
        "sp-imposed-aid",
        IMPOSED,
        "Western military aid and intelligence to Ukraine stop or drop sharply",
    ),
    Watch(
        "sp-imposed-kyiv", IMPOSED, "Kyiv publicly considers withdrawing from land it still holds"
    ),
    Watch(
        "sp-broken-monitoring",
        BROKEN,
        "A ceasefire is signed without monitors or with a disputed line",
    ),
    Watch(
        "sp-broken-hardliners",
        BROKEN,
        "Ultranationalists denounce a new ceasefire as another Minsk betrayal",
    ),
    Watch(
        "sp-broken-violations",
        BROKEN,
        "Both sides report mass violations within weeks of a ceasefire",
    ),
    Watch(
        "sp-attrition-pace",
        ATTRITION,
        "Russian offensives go on at about today's pace, taking towns over months",
        "observed",
        "2025-11-07",
        "Pokrovsk and Myrnohrad (EDM, November 2025).",
    ),
    Watch(
        "sp-attrition-money",
        ATTRITION,
        "The Kremlin finds new money for the war: higher taxes, confiscations",
        "emerging",
        "2025-11-05",
        "EDM citing Radio Svoboda.",
    ),
    Watch(
        "sp-attrition-talks",
        ATTRITION,
        "Talks resume and stall on sticking points without a ceasefire text",
    ),
    Watch(
        "sp-wider-test",
        ESCALATION,
        "Russia prepares Novaya Zemlya for an underground nuclear test",
        "emerging",
        "2025-11-05",
        "Debated at an open Security Council meeting; even the hawks urged wait-and-see (EDM).",
    ),
    Watch(
        "sp-wider-mobilisation",
        ESCALATION,
        "Russia announces general mobilisation",
        notes="Valdai (February 2025): Moscow has avoided large-scale mobilisation.",
    ),
    Watch(
        "sp-wider-nato",
        ESCALATION,
        "Russian forces strike or clash directly with a NATO member's forces",
    ),
    Watch(
        "sp-other-split",
        OTHER,
        "An open elite split or mass unrest in Russia (a new Wagner-style mutiny)",
    ),
    Watch(
        "sp-other-crash",
        OTHER,
        "A financial crisis in Russia: bank failures, capital controls, a run on the rouble",
        notes="The November 2024 column rules out a collapse 'anytime soon'.",
    ),
]
