"""The sample map's content: sources, quotes, statements, inferences and ACH ratings as data.

An analyst's reading, as of November 2025, of five articles on whether the Kremlin will
accept a ceasefire. Quotes hold the articles' exact words (body text only, never page
chrome, never across a non-breaking space); statements hold the analyst's words.
Credibility: reported facts with a named source 0.75-0.85, analytical judgements 0.5-0.7,
opinion-blog claims and Kremlin-aligned assessments 0.35-0.55, older pieces weighted down.
"""

# Quotes are the articles' words, one per line, never wrapped.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass

TITLE = "Kremlin ceasefire calculus, 2024-2025"


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
        None,
    ),
    SourceSpec(
        "src-collapse",
        "001_31cb03c554dd25a0.txt",
        "Putin can’t end the war in Ukraine without Russia collapsing",
        None,
        None,
        None,
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
        None,
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

# quote id -> (source id, the article's exact words; the first occurrence is used)
# fmt: off
QUOTES: dict[str, tuple[str, str]] = {
    # Eurasia Daily Monitor, November 2025
    "q-jt-prospect-gone": (JT, "any prospect of bringing the war against Ukraine to an end any time soon appeared to disappear"),
    "q-jt-waste-of-time": (JT, "Trump’s statement that a follow-up summit would be a “waste of time”"),
    "q-jt-nuclear-posturing": (JT, "Putin subsequently resorted to nuclear posturing, a move he had uncharacteristically abstained from for most of the first year of Trump’s presidency"),
    "q-jt-hopes": (JT, "Some new currents in the political atmosphere have, nevertheless, rehabilitated resilient hopes for a new round of results-oriented talks."),
    "q-jt-brinkmanship": (JT, "Nuclear brinksmanship has not delivered the results that Putin expected."),
    "q-jt-hawks": (JT, "the predictably hawkish voices advocated instead for a wait-and-see approach"),
    "q-jt-encirclements": (JT, "His presentation of two large-scale encirclements of 31 Ukrainian battalions was a figment of strategic imagination"),
    "q-jt-pokrovsk": (JT, "The situation around the twin cities of Pokrovsk and Myrnohrad, however, is very difficult for the Ukrainian forces, and the relentless Russian attacks may compel them to retreat to the next belt of trenches"),
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
    "q-col-brinkmanship": (COL, "Russia will ratchet up its nuclear brinkmanship"),
    "q-col-regime": (COL, "Putin sees the war’s continuation as vital for regime stability in Russia."),
    "q-col-boom": (COL, "The military-industrial boom continues to prevent socioeconomic unrest."),
    "q-col-minsk": (COL, "many Russian ultranationalists see Putin’s acquiescence to the 2015 Minsk II Accords with Ukraine as a naïve act of betrayal"),
    "q-col-wagner": (COL, "The June 2023 Wagner Group mutiny underscored the threat of ultranationalist dissent"),
    "q-col-compelled": (COL, "Facing a sagging economy and diminishing returns on the battlefield, Putin could be compelled to negotiate in a serious way."),
    "q-col-outlast": (COL, "Russia is determined to outlast the West’s support for Ukraine and sees diplomacy as a tactic to achieve that goal."),
    # Espreso, 24 December 2023
    "q-e23-nyt": (E23, "The New York Times reported that Putin has purportedly sent peace talk proposals to Washington, aiming to freeze the front along the contact line."),
    "q-e23-third-power": (E23, "Putin genuinely believed, and still does, that capturing Ukraine (partially seizing and creating a tension buffer zone) would establish Russia as the third global power."),
    "q-e23-either-or": (E23, "Either Russia triumphs, or it ceases to exist."),
    "q-e23-not-prepared": (E23, "he is, in reality, not fully prepared for it, despite his outward confidence"),
    "q-e23-weakens": (E23, "the more the prolonged war persists, the greater Russia weakens—economically, technologically, and demographically, primarily"),
    "q-e23-china": (E23, "a prolonged war could make Russia technologically dependent on China for years"),
    "q-e23-pause": (E23, "In theory, it might be advantageous for Putin to initiate a military pause around mid-next year."),
    "q-e23-sanctions": (E23, "crucially for Putin, partially lifting sanctions on both the economy and himself, would likely be demanded"),
    "q-e23-persists": (E23, "This seems to be his maximum program. If not achieved, he persists with the war."),
    "q-e23-agency": (E23, "Even if Moscow's negotiation attempts fail, the belief is that engaging in secret talks gives Putin a degree of agency."),
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
    "q-vd-limited": (VD, "On the other hand, the military and political benefits of prolonging the conflict may be limited."),
    "q-vd-istanbul-demands": (VD, "Continued hostilities would only make sense if Russia’s key demands, laid out during the Istanbul negotiations in 2022, remain unmet."),
    # Espreso, 17 November 2024
    "q-e24-unattainable": (E24, "neither of these goals has been achieved — and in my view, they’re now unattainable. But the Kremlin seems blind to this reality."),
    "q-e24-live-long": (E24, "Putin wants to live as long as possible and die in the presidential chair of natural causes."),
    "q-e24-war-safer": (E24, "given current conditions, continuing the war seems safer for him"),
    "q-e24-social-issues": (E24, "Ending the war would require addressing numerous social issues Russia is not prepared to solve."),
    "q-e24-imposed": (E24, 'peace under Trump’s terms risks being perceived in Russia as an imposed and conditional "victory," which Putin fears deeply'),
    "q-e24-humiliation": (E24, "Speaking of fears, Putin is terrified of humiliation."),
    "q-e24-anchor": (E24, "Russia’s economy is becoming an anchor — and its growing tech dependence on China is escalating into a national threat."),
    "q-e24-living-standards": (E24, "Living standards are declining despite rosy official stats"),
    "q-e24-stagnation": (E24, "it will drag the economy into stagnation for at least the next decade"),
    "q-e24-hinge": (E24, "the chances of negotiations hinge on two factors: recognizing these economic threats and Putin’s ability to convince himself"),
    "q-e24-not-ready": (E24, "For now, it seems clear: Putin isn’t ready for talks."),
}
# fmt: on

Q = "s-question"
DEAL, ATTRITION, FROZEN, ESCALATION = (
    "s-sc-deal",
    "s-sc-attrition",
    "s-sc-frozen",
    "s-sc-escalation",
)

STATEMENTS: list[Said] = [
    Said(
        Q,
        "question",
        "Will the Kremlin accept a ceasefire deal in the coming year?",
        notes=(
            "Horizon: the 12 months after November 2025, the date of the newest source (EDM). "
            "The older pieces (Dec 2023 to early 2025) are read for the Kremlin's patterns and "
            "weighted down for timeliness. The four scenarios are mutually exclusive."
        ),
    ),
    Said(
        DEAL,
        "scenario",
        "Ceasefire deal within a year",
        prior=0.25,
        notes="Moscow signs a negotiated ceasefire with the US and Ukraine, roughly on current lines.",
    ),
    Said(
        ATTRITION,
        "scenario",
        "War of attrition continues",
        prior=0.40,
        notes=(
            "No ceasefire within the year: fighting at about today's intensity, talks on and off "
            "without result. The base case for a war in its fourth year."
        ),
    ),
    Said(
        FROZEN,
        "scenario",
        "Frozen conflict with sanctions relief",
        prior=0.20,
        notes=(
            "Fighting stops or dies down in a pause bought with partial sanctions relief, with no "
            "settlement of borders or security guarantees; differs from a deal in being informal "
            "and transactional."
        ),
    ),
    Said(
        ESCALATION,
        "scenario",
        "Russian escalation",
        prior=0.15,
        notes="Moscow widens the war: a major new offensive or nuclear signalling beyond words.",
    ),
    # --- Ceasefire deal: the economic-pressure case, and what stands in its way
    Said(
        "s-putin-flexibility",
        "claim",
        "Putin may show flexibility on a ceasefire",
        ("q-jt-flexibility", "q-col-compelled"),
        notes=(
            "The case for a deal: economic decline and elite discontent, linked, push Putin "
            "toward flexibility; his fear of looking weak undercuts the step to a signed deal."
        ),
        tags=("key",),
    ),
    Said(
        "s-economy-degrading",
        "premise",
        "Russia's economy is degrading, and the decline is accelerating",
        ("q-jt-intensifying", "q-e24-stagnation"),
        tags=("economy", "key"),
    ),
    Said(
        "s-ev-zero-growth",
        "evidence",
        "The Central Bank's revised forecast predicts zero growth",
        ("q-jt-zero-growth",),
        credibility=0.85,
        tags=("economy",),
    ),
    Said(
        "s-ev-oil-revenue",
        "evidence",
        "Oil and gas budget revenue fell 26.7% year on year in October",
        ("q-jt-oil-revenue",),
        credibility=0.85,
        tags=("economy", "sanctions"),
    ),
    Said(
        "s-ev-rail-freight",
        "evidence",
        "Rail freight keeps falling: the recession is deeper than official data admit",
        ("q-jt-railroads",),
        credibility=0.7,
        tags=("economy",),
    ),
    Said(
        "s-ev-living-standards",
        "evidence",
        "Living standards are falling despite rosy official statistics",
        ("q-e24-living-standards",),
        credibility=0.55,
        notes="Opinion blog, November 2024; consistent with the 2025 data but not itself data.",
        tags=("economy",),
    ),
    Said(
        "s-obj-economy-resilient",
        "objection",
        "Russia's economy restructured fast and avoided any real crisis",
        ("q-vd-no-crisis",),
        credibility=0.45,
        notes=(
            "Valdai is a Kremlin-aligned forum, and this was written before the 2025 slowdown. "
            "Read as the Kremlin's preferred narrative, not as an economic assessment."
        ),
        tags=("economy",),
    ),
    Said(
        "s-elites-discontented",
        "premise",
        "Elites are discontented: squeezed between war taxes and sanctions",
        ("q-jt-elites",),
        tags=("elites", "key"),
    ),
    Said(
        "s-ev-war-taxes",
        "evidence",
        "The war is paid for by higher business taxes and confiscated private savings",
        ("q-jt-taxation",),
        credibility=0.65,
        tags=("economy", "elites"),
    ),
    Said(
        "s-ev-lukoil",
        "evidence",
        "Lukoil failed to sell its foreign assets to Gunvor under the US ban",
        ("q-jt-lukoil",),
        credibility=0.85,
        tags=("elites", "sanctions"),
    ),
    Said(
        "s-obj-no-elite-split",
        "objection",
        "No elite split has materialised; discontent meets reshuffles and repression",
        ("q-vd-no-split", "q-jt-repression"),
        credibility=0.7,
        notes="A Kremlin-aligned source and a critical one agree on this point.",
        tags=("elites",),
    ),
    Said(
        "s-ev-lavrov",
        "evidence",
        "Lavrov's disappearance from view may signal a softer Russian stance",
        ("q-jt-lavrov",),
        credibility=0.35,
        notes="A speculative reading of a personnel signal; kept, with low credibility.",
        tags=("diplomacy",),
    ),
    Said(
        "s-sidelined",
        "premise",
        "Putin risks being sidelined as Trump settles matters with Xi and Central Asia",
        ("q-jt-xi", "q-jt-behind-back"),
        credibility=0.6,
        tags=("diplomacy",),
    ),
    Said(
        "s-fears-weakness",
        "premise",
        "Putin fears that compromise would look like weakness or humiliation",
        ("q-jt-fear-weakness", "q-e24-humiliation", "q-e24-hinge"),
        notes=(
            "Undercuts the step from flexibility to a deal rather than denying flexibility: even "
            "a flexible Putin signs only what he can sell at home as a victory."
        ),
        tags=("key",),
    ),
    Said(
        "s-ev-imposed-victory",
        "evidence",
        "A peace on Trump's terms would read in Russia as an imposed, conditional 'victory'",
        ("q-e24-imposed",),
        credibility=0.5,
    ),
    Said(
        "s-shows-of-strength",
        "premise",
        "Recent shows of strength may ease his fear of looking weak, for a limited time",
        ("q-jt-space",),
        credibility=0.55,
        tags=("military",),
    ),
    Said(
        "s-both-incentive",
        "claim",
        "Washington and Moscow both see reasons to negotiate now",
        ("q-vd-incentive", "q-vd-window"),
        tags=("diplomacy",),
    ),
    Said(
        "s-ev-us-futility",
        "evidence",
        "The US administration sees the war as futile and costly to prolong",
        ("q-vd-futility", "q-vd-us-risks"),
        credibility=0.6,
        tags=("diplomacy",),
    ),
    Said(
        "s-strong-positions",
        "premise",
        "Both sides feel strong enough to negotiate without losing face",
        ("q-vd-no-weakness",),
        credibility=0.45,
        notes="Valdai's framing; useful as a signal of how Moscow wants to enter talks.",
        tags=("diplomacy",),
    ),
    Said(
        "s-obj-reversal",
        "objection",
        "Unresolved security issues could reverse any progress at a moment's notice",
        ("q-vd-reversal",),
        credibility=0.65,
        tags=("diplomacy",),
    ),
    Said(
        "s-summit-failed",
        "objection",
        "The failed Budapest summit dimmed near-term prospects for a deal",
        ("q-jt-prospect-gone", "q-jt-waste-of-time"),
        tags=("diplomacy",),
    ),
    Said(
        "s-talks-rebound",
        "objection",
        "New currents have revived hopes for results-oriented talks",
        ("q-jt-hopes",),
        credibility=0.55,
        tags=("diplomacy",),
    ),
    Said(
        "s-maximalist-terms",
        "objection",
        "Putin's maximalist terms (more Ukrainian land, no NATO ever) are unacceptable to Washington",
        ("q-col-maximalist", "q-col-trump-wont"),
        tags=("diplomacy", "key"),
    ),
    Said(
        "s-nato-credibility",
        "premise",
        "Closing NATO's open door under pressure would damage the alliance's credibility",
        ("q-col-open-door",),
        credibility=0.7,
        tags=("diplomacy",),
    ),
    Said(
        "s-ev-sticking-points",
        "evidence",
        "Moscow wants unilateral Ukrainian concessions on long-range strikes and Kursk",
        ("q-col-sticking",),
        credibility=0.5,
        notes="Late 2024: the Kursk point has since been overtaken by events.",
        tags=("diplomacy",),
    ),
    Said(
        "s-zero-sum",
        "assumption",
        "Putin sees the war as all or nothing: triumph or the loss of great-power status",
        ("q-e23-either-or", "q-e23-third-power"),
        credibility=0.55,
    ),
    # --- War of attrition: regime logic, diplomacy as a stalling tactic, the means to go on
    Said(
        "s-war-regime-stability",
        "claim",
        "Putin sees continuing the war as vital for regime stability",
        ("q-col-regime",),
        tags=("key",),
    ),
    Said(
        "s-military-boom",
        "premise",
        "The military-industrial boom holds off socioeconomic unrest",
        ("q-col-boom",),
        credibility=0.5,
        notes="Written in late 2024; the 2025 data on the economy cut against it.",
        tags=("economy",),
    ),
    Said(
        "s-ev-ultranationalists",
        "evidence",
        "Ultranationalists called Minsk II a betrayal; the Wagner mutiny showed their threat",
        ("q-col-minsk", "q-col-wagner"),
        credibility=0.7,
        tags=("elites",),
    ),
    Said(
        "s-war-safer",
        "premise",
        "To Putin, war looks safer than the social reckoning that peace would bring",
        ("q-e24-war-safer", "q-e24-social-issues"),
    ),
    Said(
        "s-personal-survival",
        "assumption",
        "Putin's wish to rule for life shapes every Kremlin decision",
        ("q-e24-live-long",),
        credibility=0.4,
        notes="A psychological reading by an opinion writer; plausible, unverifiable.",
    ),
    Said(
        "s-diplomacy-stalling",
        "claim",
        "The Kremlin uses diplomacy to stall, not to settle",
        ("q-col-tactical", "q-col-stalling"),
        tags=("diplomacy", "key"),
    ),
    Said(
        "s-ev-istanbul-precedent",
        "evidence",
        "Russia talked peace at Istanbul in 2022 while its forces fought on",
        ("q-col-istanbul",),
        credibility=0.8,
        tags=("diplomacy",),
    ),
    Said(
        "s-outlast-west",
        "premise",
        "Russia aims to outlast Western support for Ukraine",
        ("q-col-outlast",),
        credibility=0.65,
        tags=("diplomacy",),
    ),
    Said(
        "s-talks-give-agency",
        "premise",
        "Talks pay off for Putin even when they fail: they show his independence of China",
        ("q-e23-agency",),
        credibility=0.5,
        tags=("diplomacy",),
    ),
    Said(
        "s-goals-unmet",
        "claim",
        "Putin fights on while his core demands remain unmet",
        ("q-e23-persists", "q-vd-istanbul-demands"),
    ),
    Said(
        "s-blind-to-failure",
        "premise",
        "The Kremlin does not see that its war aims are out of reach",
        ("q-e24-unattainable",),
        credibility=0.5,
    ),
    Said(
        "s-ev-not-ready",
        "evidence",
        "In late 2024 an analyst judged that Putin was not ready for talks",
        ("q-e24-not-ready",),
        credibility=0.45,
        notes="November 2024 judgement; dated but consistent with the 2025 record.",
    ),
    Said(
        "s-can-sustain",
        "claim",
        "Russia still has the means to keep fighting",
        tags=("military",),
    ),
    Said(
        "s-ev-defense-industry",
        "evidence",
        "The defence industry sustains a high tempo without mass mobilisation",
        ("q-vd-industry", "q-vd-no-mobilization"),
        credibility=0.6,
        tags=("military",),
    ),
    Said(
        "s-ev-resources",
        "evidence",
        "Moscow regards further fighting as realistic and within its means",
        ("q-vd-realistic",),
        credibility=0.6,
        tags=("military",),
    ),
    Said(
        "s-battlefield-gains",
        "claim",
        "Russia is still gaining ground on the battlefield",
        tags=("military",),
    ),
    Said(
        "s-ev-pokrovsk",
        "evidence",
        "Relentless attacks may force Ukraine out of Pokrovsk and Myrnohrad",
        ("q-jt-pokrovsk",),
        credibility=0.75,
        tags=("military",),
    ),
    Said(
        "s-obj-encirclements",
        "objection",
        "Gerasimov's claimed encirclement of 31 battalions was fiction: gains are inflated",
        ("q-jt-encirclements",),
        credibility=0.75,
        tags=("military",),
    ),
    Said(
        "s-gains-bankable",
        "premise",
        "Small gains can be sold at home as victory, which lets Putin stop",
        ("q-jt-ruins",),
        credibility=0.6,
        notes="Undercuts the step from gains to more war: gains can be banked as well as pressed.",
        tags=("military",),
    ),
    Said(
        "s-obj-war-weakens",
        "objection",
        "A long war weakens Russia and deepens its dependence on China",
        ("q-e23-weakens", "q-e23-china", "q-e24-anchor", "q-e23-not-prepared"),
        credibility=0.7,
        tags=("economy",),
    ),
    Said(
        "s-obj-limited-benefits",
        "objection",
        "Even a Kremlin-aligned view concedes a longer war brings limited gains",
        ("q-vd-limited",),
        credibility=0.6,
    ),
    # --- Frozen conflict: a pause for sanctions relief, if the West pays
    Said(
        "s-sanctions-price",
        "claim",
        "Sanctions relief is Moscow's key price for halting the fighting",
        ("q-jt-sanctions-demand", "q-e23-sanctions"),
        tags=("sanctions", "key"),
    ),
    Said(
        "s-must-deliver",
        "premise",
        "To keep a truce popular, Putin must show economic gains from it",
        ("q-jt-benefits",),
        credibility=0.65,
        tags=("economy",),
    ),
    Said(
        "s-pause-advantage",
        "premise",
        "A pause once Russia reached the Donbas borders was seen as suiting Putin",
        ("q-e23-pause",),
        credibility=0.4,
        notes="A December 2023 forecast for mid-2024 that did not come true; weighted down.",
    ),
    Said(
        "s-obj-sanctions-porous",
        "objection",
        "Sanctions are porous: China, India and others stay out, so relief is worth less",
        ("q-vd-sanctions-shunned",),
        credibility=0.75,
        tags=("sanctions",),
    ),
    Said(
        "s-ev-plans-freeze",
        "evidence",
        "Every peace plan on the table, even Russia-friendly ones, freezes current lines",
        ("q-col-plans-freeze",),
        credibility=0.8,
        notes="As of late 2024 (Turkish, Chinese and Brazilian plans).",
        tags=("diplomacy",),
    ),
    Said(
        "s-rejects-freeze",
        "evidence",
        "The Kremlin says publicly that no freeze of the conflict will work for it",
        ("q-col-peskov", "q-col-turkey"),
        credibility=0.8,
        tags=("diplomacy",),
    ),
    Said(
        "s-private-openness",
        "evidence",
        "Insiders report Putin privately open to a ceasefire along the front line",
        ("q-col-reuters", "q-e23-nyt"),
        credibility=0.6,
        notes=(
            "Reuters (five Kremlin insiders, late 2024) and the NYT (December 2023). Public "
            "rejection and private openness can both be true: it undercuts the rejection's weight."
        ),
        tags=("diplomacy", "key"),
    ),
    Said(
        "s-west-reluctant",
        "objection",
        "Western partners balk at rewarding aggression with sanctions relief",
        ("q-jt-rewarding",),
        tags=("sanctions", "key"),
    ),
    Said(
        "s-obj-coalition-falters",
        "objection",
        "Western cohesion is already faltering",
        ("q-vd-west-falters",),
        credibility=0.45,
        tags=("sanctions",),
    ),
    # --- Russian escalation: posturing is back, but it has not paid
    Said(
        "s-nuclear-posturing",
        "evidence",
        "Putin has returned to nuclear posturing after a year of restraint",
        ("q-jt-nuclear-posturing", "q-col-brinkmanship"),
        credibility=0.85,
        tags=("nuclear",),
    ),
    Said(
        "s-force-readiness",
        "premise",
        "Russia has shown it will use force and absorb heavy losses",
        ("q-vd-no-retreat",),
        credibility=0.7,
        tags=("military",),
    ),
    Said(
        "s-escalation-worked",
        "premise",
        "Nuclear doctrine changes and a new missile deterred Western long-range arms before",
        ("q-vd-deterrent",),
        credibility=0.55,
        tags=("nuclear",),
    ),
    Said(
        "s-brinkmanship-failed",
        "objection",
        "Nuclear brinkmanship has not delivered what Putin expected",
        ("q-jt-brinkmanship",),
        tags=("nuclear",),
    ),
    Said(
        "s-ev-hawks-wait",
        "evidence",
        "At the Security Council, even hawks urged wait-and-see on a nuclear test",
        ("q-jt-hawks",),
        credibility=0.75,
        tags=("nuclear",),
    ),
]

INFERENCES: list[Step] = [
    # Each scenario answers the question; these links carry no evidential strength.
    support("i-deal-answers", (DEAL,), Q, None),
    support("i-attrition-answers", (ATTRITION,), Q, None),
    support("i-frozen-answers", (FROZEN,), Q, None),
    support("i-escalation-answers", (ESCALATION,), Q, None),
    # Ceasefire deal
    support("i-flexibility-deal", ("s-putin-flexibility",), DEAL, 0.6),
    support(
        "i-pressure-flexibility",
        ("s-economy-degrading", "s-elites-discontented"),
        "s-putin-flexibility",
        0.65,
        notes=(
            "Linked: a failing economy alone Putin can deny, discontented elites alone he can "
            "repress; together they raise the domestic price of war past what denial covers."
        ),
    ),
    support("i-zero-growth", ("s-ev-zero-growth",), "s-economy-degrading", 0.6),
    support("i-oil-revenue", ("s-ev-oil-revenue",), "s-economy-degrading", 0.7),
    support("i-rail-freight", ("s-ev-rail-freight",), "s-economy-degrading", 0.6),
    support("i-living-standards", ("s-ev-living-standards",), "s-economy-degrading", 0.45),
    attack("i-economy-resilient", ("s-obj-economy-resilient",), "s-economy-degrading", 0.5),
    support("i-war-taxes", ("s-ev-war-taxes",), "s-elites-discontented", 0.6),
    support("i-lukoil", ("s-ev-lukoil",), "s-elites-discontented", 0.5),
    attack("i-no-elite-split", ("s-obj-no-elite-split",), "s-elites-discontented", 0.5),
    support("i-lavrov", ("s-ev-lavrov",), "s-putin-flexibility", 0.3),
    support("i-sidelined", ("s-sidelined",), "s-putin-flexibility", 0.4),
    undercut("i-fear-undercut", "s-fears-weakness", "i-flexibility-deal", 0.6),
    support("i-imposed-victory", ("s-ev-imposed-victory",), "s-fears-weakness", 0.5),
    attack("i-strength-eases-fear", ("s-shows-of-strength",), "s-fears-weakness", 0.45),
    support("i-incentive-deal", ("s-both-incentive",), DEAL, 0.45),
    support("i-us-futility", ("s-ev-us-futility",), "s-both-incentive", 0.6),
    support("i-strong-positions", ("s-strong-positions",), "s-both-incentive", 0.4),
    attack("i-reversal", ("s-obj-reversal",), "s-both-incentive", 0.45),
    attack("i-summit-failed", ("s-summit-failed",), DEAL, 0.4),
    attack("i-talks-rebound", ("s-talks-rebound",), "s-summit-failed", 0.4),
    attack("i-maximalist", ("s-maximalist-terms",), DEAL, 0.55),
    support("i-nato-credibility", ("s-nato-credibility",), "s-maximalist-terms", 0.5),
    support("i-sticking-points", ("s-ev-sticking-points",), "s-maximalist-terms", 0.4),
    support("i-zero-sum", ("s-zero-sum",), "s-maximalist-terms", 0.5),
    # War of attrition
    support("i-regime-attrition", ("s-war-regime-stability",), ATTRITION, 0.65),
    support("i-military-boom", ("s-military-boom",), "s-war-regime-stability", 0.45),
    support("i-ultranationalists", ("s-ev-ultranationalists",), "s-war-regime-stability", 0.55),
    support("i-war-safer", ("s-war-safer",), "s-war-regime-stability", 0.5),
    support("i-personal-survival", ("s-personal-survival",), "s-war-safer", 0.5),
    support("i-stalling-attrition", ("s-diplomacy-stalling",), ATTRITION, 0.55),
    support("i-istanbul-precedent", ("s-ev-istanbul-precedent",), "s-diplomacy-stalling", 0.6),
    support("i-outlast-west", ("s-outlast-west",), "s-diplomacy-stalling", 0.6),
    support("i-talks-agency", ("s-talks-give-agency",), "s-diplomacy-stalling", 0.4),
    support("i-goals-attrition", ("s-goals-unmet",), ATTRITION, 0.55),
    support("i-blind-to-failure", ("s-blind-to-failure",), "s-goals-unmet", 0.5),
    support("i-not-ready", ("s-ev-not-ready",), "s-goals-unmet", 0.35),
    support("i-sustain-attrition", ("s-can-sustain",), ATTRITION, 0.5),
    support("i-defense-industry", ("s-ev-defense-industry",), "s-can-sustain", 0.6),
    support("i-resources", ("s-ev-resources",), "s-can-sustain", 0.5),
    support("i-gains-attrition", ("s-battlefield-gains",), ATTRITION, 0.45),
    support("i-pokrovsk", ("s-ev-pokrovsk",), "s-battlefield-gains", 0.6),
    attack("i-encirclements", ("s-obj-encirclements",), "s-battlefield-gains", 0.5),
    undercut("i-gains-undercut", "s-gains-bankable", "i-gains-attrition", 0.45),
    attack("i-war-weakens", ("s-obj-war-weakens",), ATTRITION, 0.45),
    attack("i-limited-benefits", ("s-obj-limited-benefits",), ATTRITION, 0.4),
    # Frozen conflict with sanctions relief
    support("i-price-frozen", ("s-sanctions-price",), FROZEN, 0.55),
    support("i-must-deliver", ("s-must-deliver",), "s-sanctions-price", 0.5),
    support("i-pause-advantage", ("s-pause-advantage",), "s-sanctions-price", 0.35),
    attack("i-sanctions-porous", ("s-obj-sanctions-porous",), "s-sanctions-price", 0.35),
    support("i-plans-freeze", ("s-ev-plans-freeze",), FROZEN, 0.4),
    attack("i-rejects-freeze", ("s-rejects-freeze",), FROZEN, 0.5),
    undercut("i-private-undercut", "s-private-openness", "i-rejects-freeze", 0.5),
    attack("i-west-reluctant", ("s-west-reluctant",), FROZEN, 0.6),
    attack("i-coalition-falters", ("s-obj-coalition-falters",), "s-west-reluctant", 0.4),
    # Russian escalation
    support("i-posturing-escalation", ("s-nuclear-posturing",), ESCALATION, 0.3),
    support("i-force-readiness", ("s-force-readiness",), ESCALATION, 0.25),
    support("i-escalation-worked", ("s-escalation-worked",), ESCALATION, 0.3),
    attack("i-brinkmanship-failed", ("s-brinkmanship-failed",), ESCALATION, 0.6),
    support("i-hawks-wait", ("s-ev-hawks-wait",), "s-brinkmanship-failed", 0.55),
]

# Explicit ACH ratings (evidence, scenario, CC/C/N/I/II, relevance) where an item bears on a
# scenario the tree does not connect it to.
RATINGS: list[tuple[str, str, str, float | None]] = [
    ("s-ev-oil-revenue", FROZEN, "C", None),  # a revenue squeeze raises the value of relief
    ("s-ev-oil-revenue", ATTRITION, "I", None),
    ("s-ev-oil-revenue", ESCALATION, "I", None),
    ("s-ev-lukoil", FROZEN, "C", None),
    ("s-rejects-freeze", DEAL, "I", None),
    ("s-rejects-freeze", ATTRITION, "C", None),
    ("s-private-openness", DEAL, "C", 0.6),  # dated reports
    ("s-ev-istanbul-precedent", DEAL, "I", None),
    ("s-ev-plans-freeze", DEAL, "C", 0.8),
    ("s-ev-pokrovsk", ESCALATION, "C", None),
    ("s-nuclear-posturing", ATTRITION, "C", None),  # posturing is routine in the attrition phase
    ("s-ev-hawks-wait", ATTRITION, "C", None),
    ("s-ev-defense-industry", ESCALATION, "C", None),
    # Heuer rates each item against every hypothesis: what argues for one outcome usually
    # sits badly with the mutually exclusive others.
    ("s-economy-degrading", ATTRITION, "I", None),  # decline makes a long war harder
    ("s-economy-degrading", ESCALATION, "I", None),
    ("s-elites-discontented", ATTRITION, "I", 0.8),
    ("s-private-openness", ATTRITION, "I", 0.6),
    ("s-military-boom", DEAL, "I", None),  # the boom makes peace the riskier option
    ("s-war-safer", DEAL, "II", None),
    ("s-war-safer", FROZEN, "I", None),
    ("s-ev-ultranationalists", DEAL, "I", None),
    ("s-ev-ultranationalists", FROZEN, "I", None),
    ("s-outlast-west", DEAL, "I", None),
    ("s-outlast-west", FROZEN, "I", None),
    ("s-ev-not-ready", DEAL, "I", None),
    ("s-ev-resources", DEAL, "I", None),
    ("s-ev-defense-industry", DEAL, "I", None),
    ("s-maximalist-terms", ATTRITION, "C", None),
    ("s-maximalist-terms", FROZEN, "I", None),
    ("s-zero-sum", ATTRITION, "C", None),
    ("s-zero-sum", FROZEN, "I", None),
    ("s-summit-failed", ATTRITION, "C", None),
    ("s-west-reluctant", ATTRITION, "C", None),
    ("s-obj-sanctions-porous", ATTRITION, "C", None),
    ("s-obj-war-weakens", DEAL, "C", None),
    ("s-brinkmanship-failed", DEAL, "C", 0.6),
    # Signs of restraint and of interest in a pause sit badly with escalation.
    ("s-talks-rebound", ESCALATION, "I", None),
    ("s-strong-positions", ESCALATION, "I", None),
    ("s-pause-advantage", ESCALATION, "I", None),
    ("s-ev-plans-freeze", ESCALATION, "I", 0.8),
    ("s-private-openness", ESCALATION, "I", 0.6),
    ("s-outlast-west", ESCALATION, "I", None),
]
