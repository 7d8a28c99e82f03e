"""Demo content, written in our own words from the article the product was built around."""

TAXONOMIES = {
    "categories": [
        (
            "neuromodulators",
            "Neuromodulators",
            "Injected medicines that relax the muscles behind expression lines.",
        ),
        (
            "dermal-fillers",
            "Dermal fillers",
            "Gels injected under the skin to restore lost volume and lift.",
        ),
    ],
    "concerns": [
        ("wrinkles", "Wrinkles", "Creases that form where skin folds again and again."),
        ("fine-lines", "Fine lines", "Shallow early lines, often around the eyes and forehead."),
        ("volume-loss", "Volume loss", "Skin that has become less plump with age."),
        ("sagging-skin", "Sagging skin", "Skin that has dropped and no longer springs back."),
        ("thin-lips", "Thin lips", "Lips with less fullness than the patient would like."),
    ],
    "areas": [
        ("forehead", "Forehead", ""),
        ("frown-lines", "Frown lines", "Between the eyebrows."),
        ("crows-feet", "Crow's feet", "The outer corners of the eyes."),
        ("cheeks", "Cheeks", "Including the cheekbones."),
        ("under-eye", "Under-eye and eyelids", "Hollow or deep-set areas around the eyes."),
        ("lips", "Lips", ""),
    ],
    "providers": [
        ("licensed-dermatologist", "Licensed dermatologist", ""),
        ("cosmetic-surgeon", "Cosmetic surgeon", ""),
    ],
}

REVIEWER = {
    "name": "Dr Jamie Rivera (fictional demo reviewer)",
    "credentials": "MD, dermatology",
    "registration": "DEMO-0001",
}
AUTHOR = {"slug": "editorial-team", "name": "Editorial team", "bio": "The site's editors."}
TAGS = [("anti-ageing", "Anti-ageing"), ("injectables", "Injectables"), ("skin-care", "Skin care"),
        ("lips", "Lips")]  # fmt: skip

TREATMENTS = [
    {
        "slug": "botox",
        "name": "Botox (botulinum toxin)",
        "category": "neuromodulators",
        "summary": "An injected medicine that relaxes the facial muscles behind expression "
        "lines, softening wrinkles and fine lines and slowing new ones from forming.",
        "description": "<p>Botox is an injectable treatment used both to soften signs of ageing "
        "that are already visible and to slow new ones from appearing. It works on the muscles "
        "under the skin rather than on the skin itself.</p><p>Because the treated muscles can no "
        "longer crease the skin as strongly, lines caused by repeated expressions are smoothed "
        "and deepen more slowly.</p>",
        "mechanism": "Injected into chosen facial muscles, the medicine blocks the nerve signals "
        "that make them contract. The muscles become stiffer and partly paralysed, so habitual "
        "frowning and squinting stop folding the skin into wrinkles.",
        "concerns": ["wrinkles", "fine-lines"],
        "areas": ["forehead", "frown-lines", "crows-feet"],
        "providers": ["licensed-dermatologist", "cosmetic-surgeon"],
        "onset_min_days": 3,
        "onset_max_days": 14,
        "duration_min_months": 3,
        "duration_max_months": 4,
        "downtime_min_days": 0,
        "downtime_max_days": 1,
        "session_minutes": 15,
        "sessions_needed": 1,
        "follow_up": "Repeat when the effect wears off to keep the result.",
        "procedure_type": "percutaneous",
        "prescription_only": True,
        "regulatory_note": "Botulinum toxin is a prescription-only medicine: a qualified "
        "prescriber must assess the patient in person before it is given, and it may not be "
        "advertised to the public.",
        "brand_names": "Botox, Azzalure, Bocouture",
        "side_effects": "Redness, swelling or bruising where the needle went in\nHeadache\n"
        "Temporary drooping of an eyelid or eyebrow",
        "contraindications": "Pregnancy or breastfeeding\nInfection at the injection site\n"
        "Some neuromuscular conditions",
        "faqs": [
            (
                "Does Botox fill in lines?",
                "No. It relaxes the muscles that cause expression lines; "
                "filling lost volume is what dermal fillers do.",
            ),
            (
                "Can it stop new wrinkles?",
                "It can slow them: muscles that cannot crease the skin "
                "as strongly cause fewer new expression lines.",
            ),
        ],
    },
    {
        "slug": "dermal-fillers",
        "name": "Dermal fillers",
        "category": "dermal-fillers",
        "summary": "Gels injected under the skin that restore volume and lift where skin has "
        "sagged or thinned, and can add fullness to the lips.",
        "description": "<p>Dermal fillers are substances that can be safely injected beneath "
        "the skin's surface to lift it back towards a more youthful shape. They do not stop "
        "muscles moving, and they do not prevent the skin from ageing or new wrinkles from "
        "forming.</p><p>Where they excel is giving a boost to areas that have sagged, lost "
        "plumpness or no longer spring back as they used to.</p>",
        "mechanism": "The filler is placed under the skin, where it takes up space: it pushes "
        "the skin up and out, replacing lost volume and lifting sagging areas.",
        "concerns": ["volume-loss", "sagging-skin", "thin-lips"],
        "areas": ["cheeks", "under-eye", "lips"],
        "providers": ["licensed-dermatologist", "cosmetic-surgeon"],
        "onset_min_days": 0,
        "onset_max_days": 14,
        "duration_min_months": 6,
        "duration_max_months": 18,
        "downtime_min_days": 0,
        "downtime_max_days": 2,
        "session_minutes": 30,
        "sessions_needed": 1,
        "follow_up": "Top-up treatments as the filler is gradually absorbed.",
        "procedure_type": "percutaneous",
        "prescription_only": False,
        "regulatory_note": "",
        "brand_names": "Juvederm, Restylane",
        "side_effects": "Swelling, tenderness or bruising\nSmall lumps under the skin\n"
        "Rarely, a blocked blood vessel, which needs urgent treatment",
        "contraindications": "Pregnancy or breastfeeding\nInfection or inflammation at the "
        "injection site",
        "faqs": [
            (
                "Where are fillers most often used?",
                "Sagging cheekbones and deep-set areas around "
                "the eyes are popular, as is adding fullness to the lips.",
            ),
        ],
    },
]

COMBINATION_NOTE = "They do not interact, so both can be given in the same visit."

MAIN_ARTICLE_BODY = """
<p>A growing number of cosmetic treatments give stronger results than creams and serums at
home, without surgery. Whether your skin is already showing its age or you would like to get
ahead of it, injectable treatments from a licensed dermatologist or cosmetic surgeon may
appeal. People new to them often confuse Botox with fillers, so here is how the two differ.</p>
<h2>What Botox does</h2>
<p>Botox is an injectable treatment that both slows the visible signs of ageing and reverses
some of those already there. It is a medicine that makes the muscles where it is injected
stiffer and partly paralysed.</p>
<ul>
<li>It stops you from scrunching your face without meaning to, so overworked muscles no
longer etch wrinkles into the skin.</li>
<li>It also smooths out fine lines and wrinkles that have already formed.</li>
</ul>
<h2>What fillers do</h2>
<p>Fillers are not the same thing as Botox, although they can tackle some of the same signs
of ageing. They do not stop your muscles from moving, and they do little to halt skin ageing or
prevent new wrinkles. What they do very well is give the skin a lift where it has sagged, lost
its plumpness or no longer bounces back.</p>
<p>As the name suggests, fillers are substances that can be safely injected beneath the skin
to push it up and back into a more youthful shape. They are especially popular for
<strong>sagging cheekbones</strong> and <strong>deep-set eyelids</strong>, and they can also
enhance your looks further, for example by making the lips fuller and plumper.</p>
<h2>Getting the best of both</h2>
<p>The two can be used together to get more from each:</p>
<ul>
<li>Botox helps prevent further ageing of the skin and eases some of the signs already
there.</li>
<li>Fillers give the skin a fuller, more youthful look.</li>
</ul>
<p>They do not interact with each other, and the effect of each fades with time, so if you
liked your results you can have both treatments in the same visit.</p>
<h2>Next steps</h2>
<p>Botox and fillers can both help you look fresh and youthful again. Talk to a qualified
cosmetic professional to find out more about injectable treatments.</p>
"""

ARTICLES = [
    {
        "slug": "whats-the-difference-between-botox-and-injected-fillers",
        "title": "What's the difference between Botox and injected fillers?",
        "summary": "Botox relaxes the muscles that cause wrinkles; fillers restore volume under "
        "the skin. How each works, what it is good for, and why they combine well.",
        "body": MAIN_ARTICLE_BODY,
        "treatments": ["botox", "dermal-fillers"],
        "tags": ["anti-ageing", "injectables"],
        "state": "published",
    },
    {
        "slug": "lip-filler-faq",
        "title": "Lip filler: frequently asked questions",
        "summary": "Answers to the questions people ask most before having lip filler.",
        "body": "<p>This article is being written. It will answer common questions about lip "
        "filler.</p>",
        "treatments": ["dermal-fillers"],
        "tags": ["lips", "injectables"],
        "state": "draft",
    },
    {
        "slug": "seasonal-skin-care-guide",
        "title": "A seasonal guide to skin care",
        "summary": "How to adapt your skin-care routine as the seasons change.",
        "body": "<p>Skin needs change with the weather. This guide goes through the year "
        "season by season.</p>",
        "treatments": [],
        "tags": ["skin-care"],
        "state": "scheduled",
    },
]

SYNONYMS = [
    ("anti-wrinkle injections", "botox"),
    ("wrinkle relaxer", "botox"),
    ("lip filler", "dermal fillers"),
    ("lip fillers", "dermal fillers"),
]
