"""Build the countries part of the entity linker's knowledge base from ``rigour``.

Writes ``src/newsclaims/analyzers/entities/data/countries.tsv``: every current country and
territory in rigour's territory index, plus the sub-national units news mentions most (US
states, UK nations, Canadian provinces, Chinese, Indian, German and Russian regions...),
each with its Wikidata id as rigour records it, its English names, and the demonyms and
extra English aliases curated below (rigour's own alias lists mix many languages and
misspellings, so only the names checked here are used).

newsclaims does not need rigour at run time: only the generated file ships. To rebuild it,
reproducibly, in a scratch environment::

    python3 -m venv /tmp/kb && /tmp/kb/bin/pip install rigour==2.6.1
    /tmp/kb/bin/python scripts/build_kb.py

The hand-curated news core (capitals, organisations, people...) is edited directly in
``data/news_core.tsv``; this script does not touch it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

RIGOUR_VERSION = "2.6.1"  # rigour is MIT-licensed; its territory data cites Wikidata ids
OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "newsclaims"
    / "analyzers"
    / "entities"
    / "data"
    / "countries.tsv"
)
COLUMNS = ("qid", "name", "type", "kind", "aliases", "demonyms", "prior", "part_of", "checked")

# Sub-national units are included only for these parents: the ones English news names
# without their country. Swiss cantons and Brazilian states are left out on purpose: their
# short names ("Uri", "Jura", "Acre") are common words or given names.
SUBNATIONAL = frozenset(
    # a list of codes reads best as one string
    "us gb ca au cn in de ru ua ae be ba cy so ge pk nl dk fr no pt".split()  # noqa: SIM905
)
# Items that are not places in the sense of this file (organisations live in the news core).
SKIP = frozenset(["eu", "un", "zz", "ip"])

# Display names where rigour's canonical short name is not the one English news uses.
NAMES = {
    "tr": "Turkey",
    "nr": "Nauru",
    "cd": "Democratic Republic of the Congo",
    "cg": "Republic of the Congo",
    "va": "Vatican City",
    "cz": "Czech Republic",
    "us-ga": "Georgia",
    "mo": "Macau",
    "hk": "Hong Kong",
}

# Wikidata ids where rigour points at the constituent kingdom rather than the country item
# that news linking uses (checked: Q35 is Denmark, Q55 the Netherlands, the country).
QIDS = {"dk": "Q35", "nl": "Q55"}

# English aliases beyond rigour's name and full name. "@p" sets an alias's own prior.
ALIASES: dict[str, list[str]] = {
    "us": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "gb": ["UK", "U.K.", "Britain", "Great Britain"],
    "ru": ["Russian Federation"],
    "cn": ["People's Republic of China", "PRC", "mainland China"],
    "kp": ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "kr": ["Republic of Korea", "S. Korea"],
    "ir": ["Islamic Republic of Iran", "Islamic Republic"],
    "sy": ["Syrian Arab Republic"],
    "ae": ["UAE", "U.A.E.", "Emirates@0.6"],
    "cd": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo@0.55"],
    "cg": ["Congo-Brazzaville", "Republic of Congo", "Congo@0.45"],
    "tr": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "cz": ["Czechia"],
    "mk": ["Macedonia", "Republic of North Macedonia"],
    "mm": ["Burma"],
    "ci": ["Ivory Coast", "Cote d'Ivoire"],
    "sz": ["Swaziland"],
    "tl": ["East Timor"],
    "cv": ["Cabo Verde"],
    "nl": ["Holland"],
    "va": ["Vatican", "Holy See"],
    "ps": ["State of Palestine", "Palestinian territories", "Palestinian Territories"],
    "bs": ["The Bahamas"],
    "gm": ["The Gambia"],
    "nr": ["Naoero"],
    "sa": ["KSA"],
    "ba": ["Bosnia"],
    "tt": ["Trinidad"],
    "vn": ["Viet Nam"],
    "la": ["Lao PDR"],
    "mo": ["Macao"],
    "ua-30": ["Kiev"],
    "ua-cri": ["Crimea"],
    "ua-dpr": ["Donetsk"],
    "ua-lpr": ["Luhansk"],
    "us-dc": ["District of Columbia@0.6"],
    "us-ny": ["New York State", "New York@0.5", "N.Y."],
    "us-wa": ["Washington State", "Washington@0.4"],
    "gb-nir": ["Ulster@0.5"],
    "ru-mow": ["Moskva"],
    "ru-spe": ["St. Petersburg", "St Petersburg"],
    "cy-trnc": ["Turkish Republic of Northern Cyprus"],
}

# The Associated Press's abbreviations of US state names, used in datelines ("FLINT, Mich.").
# Those that are also common words or names ("Miss.", "Ind.", "La.", "Del.", "Mass.", "Mo.",
# "Ore.", "Wash.") are left out.
STATE_ABBREVIATIONS = {
    "al": "Ala.",
    "az": "Ariz.",
    "ar": "Ark.",
    "ca": "Calif.",
    "co": "Colo.",
    "ct": "Conn.",
    "fl": "Fla.",
    "ga": "Ga.",
    "il": "Ill.",
    "ks": "Kan.",
    "ky": "Ky.",
    "md": "Md.",
    "mi": "Mich.",
    "mn": "Minn.",
    "mt": "Mont.",
    "ne": "Neb.",
    "nv": "Nev.",
    "nh": "N.H.",
    "nj": "N.J.",
    "nm": "N.M.",
    "nc": "N.C.",
    "nd": "N.D.",
    "ok": "Okla.",
    "pa": "Pa.",
    "ri": "R.I.",
    "sc": "S.C.",
    "sd": "S.D.",
    "tn": "Tenn.",
    "tx": "Texas",
    "vt": "Vt.",
    "va": "Va.",
    "wv": "W.Va.",
    "wi": "Wis.",
    "wy": "Wyo.",
}

# Adjectival demonyms, singular. A plural ("Iranians") names people, not the country, so
# plurals are not aliases; the linker treats them as not an entity.
DEMONYMS: dict[str, str] = {
    "ad": "Andorran",
    "ae": "Emirati",
    "af": "Afghan",
    "ag": "Antiguan",
    "al": "Albanian",
    "am": "Armenian",
    "ao": "Angolan",
    "ar": "Argentine|Argentinian",
    "at": "Austrian",
    "au": "Australian",
    "az": "Azerbaijani|Azeri",
    "ba": "Bosnian",
    "bb": "Barbadian",
    "bd": "Bangladeshi",
    "be": "Belgian",
    "bf": "Burkinabe",
    "bg": "Bulgarian",
    "bh": "Bahraini",
    "bi": "Burundian",
    "bj": "Beninese",
    "bn": "Bruneian",
    "bo": "Bolivian",
    "br": "Brazilian",
    "bs": "Bahamian",
    "bt": "Bhutanese",
    "bw": "Botswanan",
    "by": "Belarusian",
    "bz": "Belizean",
    "ca": "Canadian",
    "ch": "Swiss",
    "ci": "Ivorian",
    "cl": "Chilean",
    "cm": "Cameroonian",
    "cn": "Chinese",
    "co": "Colombian",
    "cr": "Costa Rican",
    "cu": "Cuban",
    "cv": "Cape Verdean",
    "cy": "Cypriot",
    "cz": "Czech",
    "de": "German",
    "dj": "Djiboutian",
    "dk": "Danish",
    "do": "Dominican",
    "dz": "Algerian",
    "ec": "Ecuadorian",
    "ee": "Estonian",
    "eg": "Egyptian",
    "er": "Eritrean",
    "es": "Spanish",
    "et": "Ethiopian",
    "fi": "Finnish",
    "fj": "Fijian",
    "fr": "French",
    "ga": "Gabonese",
    "gb": "British",
    "gd": "Grenadian",
    "ge": "Georgian",
    "gh": "Ghanaian",
    "gm": "Gambian",
    "gn": "Guinean",
    "gq": "Equatorial Guinean",
    "gr": "Greek",
    "gt": "Guatemalan",
    "gw": "Bissau-Guinean",
    "gy": "Guyanese",
    "hn": "Honduran",
    "hr": "Croatian",
    "ht": "Haitian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "ie": "Irish",
    "il": "Israeli",
    "in": "Indian",
    "iq": "Iraqi",
    "ir": "Iranian",
    "is": "Icelandic",
    "it": "Italian",
    "jm": "Jamaican",
    "jo": "Jordanian",
    "jp": "Japanese",
    "ke": "Kenyan",
    "kg": "Kyrgyz",
    "kh": "Cambodian",
    "km": "Comoran",
    "kp": "North Korean",
    "kr": "South Korean",
    "kw": "Kuwaiti",
    "kz": "Kazakh|Kazakhstani",
    "la": "Laotian",
    "lb": "Lebanese",
    "lc": "Saint Lucian",
    "lk": "Sri Lankan",
    "lr": "Liberian",
    "lt": "Lithuanian",
    "lu": "Luxembourgish",
    "lv": "Latvian",
    "ly": "Libyan",
    "ma": "Moroccan",
    "mc": "Monegasque",
    "md": "Moldovan",
    "me": "Montenegrin",
    "mg": "Malagasy",
    "mh": "Marshallese",
    "mk": "Macedonian",
    "ml": "Malian",
    "mm": "Burmese",
    "mn": "Mongolian",
    "mr": "Mauritanian",
    "mt": "Maltese",
    "mu": "Mauritian",
    "mv": "Maldivian",
    "mw": "Malawian",
    "mx": "Mexican",
    "my": "Malaysian",
    "mz": "Mozambican",
    "na": "Namibian",
    "ne": "Nigerien",
    "ng": "Nigerian",
    "ni": "Nicaraguan",
    "nl": "Dutch",
    "no": "Norwegian",
    "np": "Nepalese|Nepali",
    "om": "Omani",
    "pa": "Panamanian",
    "pe": "Peruvian",
    "pg": "Papua New Guinean",
    "ph": "Philippine|Filipino",
    "pk": "Pakistani",
    "pl": "Polish",
    "ps": "Palestinian",
    "pt": "Portuguese",
    "py": "Paraguayan",
    "qa": "Qatari",
    "ro": "Romanian",
    "rs": "Serbian",
    "ru": "Russian",
    "rw": "Rwandan",
    "sa": "Saudi",
    "sc": "Seychellois",
    "sd": "Sudanese",
    "se": "Swedish",
    "sg": "Singaporean",
    "si": "Slovenian|Slovene",
    "sk": "Slovak",
    "sl": "Sierra Leonean",
    "sm": "Sammarinese",
    "sn": "Senegalese",
    "so": "Somali",
    "sr": "Surinamese",
    "ss": "South Sudanese",
    "sv": "Salvadoran",
    "sy": "Syrian",
    "sz": "Swazi",
    "td": "Chadian",
    "tg": "Togolese",
    "th": "Thai",
    "tj": "Tajik",
    "tl": "Timorese",
    "tm": "Turkmen",
    "tn": "Tunisian",
    "to": "Tongan",
    "tr": "Turkish",
    "tt": "Trinidadian",
    "tw": "Taiwanese",
    "tz": "Tanzanian",
    "ua": "Ukrainian",
    "ug": "Ugandan",
    "us": "American",
    "uy": "Uruguayan",
    "uz": "Uzbek",
    "ve": "Venezuelan",
    "vn": "Vietnamese",
    "ws": "Samoan",
    "xk": "Kosovar",
    "ye": "Yemeni",
    "za": "South African",
    "zm": "Zambian",
    "zw": "Zimbabwean",
    "gb-sct": "Scottish",
    "gb-wls": "Welsh",
    "pr": "Puerto Rican",
    "cn-xz": "Tibetan",
    "pk-km": "Kashmiri",
    "ru-ce": "Chechen",
    "ua-cri": "Crimean",
    "gl": "Greenlandic",
}

_PAREN = re.compile(r"\s*\([^)]*\)")


def english(name: str) -> str:
    """``name`` without a parenthesised qualifier ("Georgia (USA)" → "Georgia")."""
    return _PAREN.sub("", name).strip()


def rows(territories: list[dict[str, object]]) -> list[dict[str, str]]:
    """One knowledge-base row per territory kept, in rigour's order (sorted by code)."""
    out = []
    for t in territories:
        code = str(t["code"])
        parent = t.get("parent")
        if code in SKIP or t.get("is_historical") or not t.get("qid"):
            continue
        if not t.get("is_country") and parent and str(parent) not in SUBNATIONAL:
            continue
        name = NAMES.get(code) or english(str(t["name"]))
        aliases: list[str] = []
        for candidate in (t["name"], t.get("full_name"), t.get("in_sentence")):
            if not isinstance(candidate, str) or "(" in candidate or "," in candidate:
                continue
            candidate = candidate.removeprefix("the ").strip()
            if candidate and candidate != name and candidate not in aliases:
                aliases.append(candidate)
        # An extra alias may repeat the name to give it its own prior ("New York@0.5").
        extras = list(ALIASES.get(code, []))
        if parent == "us" and code[3:] in STATE_ABBREVIATIONS:
            extras.append(STATE_ABBREVIATIONS[code[3:]])
        for extra in extras:
            if extra not in aliases:
                aliases.append(extra)
        country = bool(t.get("is_country"))
        kind = "country" if country and not parent else "territory" if not parent else "region"
        if parent == "us":
            prior = "0.6"
        elif country:
            prior = "0.9"
        else:
            prior = "0.5"
        parent_qid = ""
        if parent:
            parent_row = next((p for p in territories if p["code"] == parent), None)
            if parent_row is not None:
                parent_qid = QIDS.get(str(parent), str(parent_row.get("qid") or ""))
        out.append(
            {
                "qid": QIDS.get(code, str(t["qid"])),
                "name": name,
                "type": "location",
                "kind": kind,
                "aliases": "|".join(aliases),
                "demonyms": DEMONYMS.get(code, ""),
                "prior": prior,
                "part_of": parent_qid,
                "checked": f"rigour-{RIGOUR_VERSION}"
                + ("+curated" if code in ALIASES or code in DEMONYMS or code in NAMES else ""),
            }
        )
    return out


def main() -> int:
    try:
        import rigour
        from rigour._core import territories_jsonl
    except ImportError:
        print(
            f"needs rigour=={RIGOUR_VERSION}: pip install rigour=={RIGOUR_VERSION}", file=sys.stderr
        )
        return 1
    version = getattr(rigour, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("rigour")
    if version != RIGOUR_VERSION:
        print(f"needs rigour=={RIGOUR_VERSION}, found {version}", file=sys.stderr)
        return 1
    territories = [json.loads(line) for line in territories_jsonl().splitlines() if line.strip()]
    territories.sort(key=lambda t: str(t["code"]))
    table = rows(territories)
    lines = [
        "# Countries, territories and regions: generated by scripts/build_kb.py from "
        f"rigour {RIGOUR_VERSION} (MIT). Do not edit by hand.",
        "\t".join(COLUMNS),
    ]
    for row in table:
        for column in COLUMNS:
            if "\t" in row[column] or "\n" in row[column]:
                raise ValueError(f"{row['name']}: tab or newline in {column}")
        lines.append("\t".join(row[c] for c in COLUMNS))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} rows to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
