"""Where things are: postal codes and rough centres of the districts, and the
parts synthetic institution names are made of (never names of real persons).
"""

from __future__ import annotations

CITY = {"dortmund": "Dortmund", "bochum": "Bochum"}
AREA_CODE = {"dortmund": "0231", "bochum": "0234"}
# City administration switchboards: extensions are appended ("0231 50-2xxxx").
SWITCHBOARD = {"dortmund": "0231 50-", "bochum": "0234 910-"}

# Postal codes that lie (at least partly) in each district.
POSTAL_CODES: dict[str, dict[str, tuple[str, ...]]] = {
    "dortmund": {
        "Innenstadt-West": ("44135", "44137", "44139"),
        "Innenstadt-Nord": ("44145", "44147"),
        "Innenstadt-Ost": ("44139", "44141"),
        "Eving": ("44339",),
        "Scharnhorst": ("44328", "44329"),
        "Brackel": ("44309",),
        "Aplerbeck": ("44269", "44287"),
        "Hörde": ("44263", "44265"),
        "Hombruch": ("44225", "44227"),
        "Lütgendortmund": ("44388",),
        "Huckarde": ("44369",),
        "Mengede": ("44357", "44359"),
    },
    "bochum": {
        "Mitte": ("44787", "44789", "44791", "44793"),
        "Wattenscheid": ("44866", "44867", "44869"),
        "Nord": ("44805", "44807"),
        "Ost": ("44803", "44892", "44894"),
        "Süd": ("44797", "44799", "44801"),
        "Südwest": ("44795", "44879"),
    },
}

# Approximate centre (latitude, longitude) of each district, for map pins.
CENTRES: dict[str, dict[str, tuple[float, float]]] = {
    "dortmund": {
        "Innenstadt-West": (51.510, 7.445),
        "Innenstadt-Nord": (51.525, 7.462),
        "Innenstadt-Ost": (51.505, 7.495),
        "Eving": (51.558, 7.475),
        "Scharnhorst": (51.545, 7.540),
        "Brackel": (51.520, 7.555),
        "Aplerbeck": (51.482, 7.560),
        "Hörde": (51.476, 7.505),
        "Hombruch": (51.466, 7.436),
        "Lütgendortmund": (51.500, 7.347),
        "Huckarde": (51.535, 7.410),
        "Mengede": (51.570, 7.385),
    },
    "bochum": {
        "Mitte": (51.482, 7.217),
        "Wattenscheid": (51.481, 7.132),
        "Nord": (51.515, 7.235),
        "Ost": (51.480, 7.292),
        "Süd": (51.436, 7.246),
        "Südwest": (51.451, 7.176),
    },
}

# Parts of synthetic Kita and family-centre names.
MOTIFS = (
    "Regenbogen",
    "Sonnenschein",
    "Pusteblume",
    "Löwenzahn",
    "Kunterbunt",
    "Arche Noah",
    "Sternschnuppe",
    "Zwergenland",
    "Wirbelwind",
    "Schatzkiste",
    "Purzelbaum",
    "Glühwürmchen",
    "Rasselbande",
    "Spatzennest",
    "Kleine Strolche",
    "Sonnenblume",
    "Entdeckerland",
    "Wichtelhaus",
    "Marienkäfer",
    "Farbklecks",
    "Abenteuerland",
    "Baumhaus",
    "Kinderinsel",
    "Mäuseburg",
    "Schneckenhaus",
    "Sausewind",
    "Villa Kunterbunt",
    "Traumland",
    "Blauer Elefant",
    "Bärenhöhle",
)
PARISHES = (
    "St. Marien",
    "St. Josef",
    "St. Antonius",
    "St. Elisabeth",
    "St. Franziskus",
    "St. Bonifatius",
    "St. Michael",
    "St. Barbara",
    "Heilige Familie",
    "St. Christophorus",
    "St. Anna",
    "St. Martin",
    "St. Nikolaus",
    "Liebfrauen",
    "St. Laurentius",
)
CHURCHES = (
    "Lukas",
    "Markus",
    "Johannes",
    "Paulus",
    "Petrus",
    "Matthäus",
    "Thomas",
    "Jakobus",
    "Andreas",
    "Philippus",
)
LANDMARKS = (
    "Am Park",
    "Am Wald",
    "An der Linde",
    "Am Bach",
    "Am Markt",
    "An der Kirche",
    "Am Hang",
    "Im Grünen",
    "An der Mühle",
    "Am Sportplatz",
)

# Synthetic providers at city and state sizes; {street} or {district} fill in.
PROVIDER_PATTERNS = (
    ("Familientreff {street} e. V.", "traeger"),
    ("Nachbarschaftshaus {street}", "traeger"),
    ("Elternverein {street} e. V.", "traeger"),
    ("Stadtteilzentrum {street}", "traeger"),
    ("Familienbildungsstätte {district}", "traeger"),
    ("Beratungszentrum {street}", "beratungsstelle"),
    ("Ev. Familienhilfe {district}", "traeger"),
    ("Kath. Familienforum {district}", "traeger"),
    ("Interkultureller Familienverein {street} e. V.", "traeger"),
    ("Kinder- und Familienhaus {street}", "traeger"),
)

# Closing sentences for synthetic offers: the same index in every language.
CLOSINGS: tuple[dict[str, str], ...] = (
    {
        "de": "Eine Anmeldung ist nicht nötig.",
        "en": "You do not need to register.",
        "tr": "Önceden kayıt gerekmez.",
        "ar": "لا حاجة إلى التسجيل المسبق.",
    },
    {
        "de": "Bitte melden Sie sich vorher telefonisch an.",
        "en": "Please call ahead to register.",
        "tr": "Lütfen önceden telefonla kayıt yaptırın.",
        "ar": "يرجى التسجيل مسبقًا عبر الهاتف.",
    },
    {
        "de": "Kinderwagen können im Flur abgestellt werden.",
        "en": "You can leave your pram in the hallway.",
        "tr": "Bebek arabanızı koridorda bırakabilirsiniz.",
        "ar": "يمكنكم ترك عربة الأطفال في الممر.",
    },
    {
        "de": "Geschwisterkinder sind willkommen.",
        "en": "Brothers and sisters are welcome too.",
        "tr": "Kardeşler de gelebilir.",
        "ar": "الإخوة والأخوات مرحَّب بهم أيضًا.",
    },
    {
        "de": "Bei Bedarf hilft eine Dolmetscherin oder ein Dolmetscher.",
        "en": "An interpreter can help if you need one.",
        "tr": "Gerekirse bir tercüman yardımcı olur.",
        "ar": "يمكن الاستعانة بمترجم عند الحاجة.",
    },
    {
        "de": "In den Schulferien finden keine Treffen statt.",
        "en": "There are no meetings during the school holidays.",
        "tr": "Okul tatillerinde buluşma yapılmaz.",
        "ar": "لا تُعقد لقاءات خلال العطل المدرسية.",
    },
    {
        "de": "Sie können jederzeit einsteigen.",
        "en": "You can join at any time.",
        "tr": "İstediğiniz zaman katılabilirsiniz.",
        "ar": "يمكنكم الانضمام في أي وقت.",
    },
    {
        "de": "Der Raum ist barrierefrei erreichbar.",
        "en": "The room is step-free.",
        "tr": "Mekâna engelsiz ulaşılabilir.",
        "ar": "يمكن الوصول إلى المكان دون عوائق.",
    },
)

# Notes for closed days, shown as they are (German).
CLOSED_NOTES = {
    (12, 24): "Heiligabend: geschlossen",
    (12, 31): "Silvester: geschlossen",
}
