#!/usr/bin/env python3
"""Writes rules/technologies.tsv: the technologies a posting can name beyond the skill map.

Sources (both maintained public lists; see rules/technologies.md for commits and licences):
  - github/explore topics/*/index.md: the curated topics of GitHub's Explore page; only the
    concrete ones (a topic with github_url, released or created_by: a piece of software, not a
    concept) are kept.
  - github-linguist/linguist lib/linguist/languages.yml: programming and data languages; a
    language is kept when GitHub Explore has a topic for it (a sign that people use it; Linguist
    lists hundreds of rare ones whose names are English words).

  - O*NET "Technology Skills.txt" (US Department of Labor, CC BY 4.0): the software that
    job postings and workers of each occupation name, with a "Hot Technology" flag (frequently
    named in current postings). Kept: named examples (not generic kinds such as "Database
    software") in the commodity classes of professional software (development, databases,
    data and BI tools, cloud, configuration, testing, operating systems, engineering CAD/EDA,
    industrial control...), when flagged Hot or used by a computer, mathematical or
    engineering occupation (SOC 15-, 17-). Office suites, e-mail, browsers, calendars and the
    like are left out.

Usage: tools/technologies.py EXPLORE_TOPICS_DIR LANGUAGES_YML WORDLIST [ONET_TECHNOLOGY_SKILLS]
    > rules/technologies.tsv
The word list (Debian's wamerican, /usr/share/dict/american-english) decides which names are
ordinary English words: those match only with the capitals of the display name.
"""
import os
import re
import sys

import yaml

# Topics that are software but whose names are everyday words in postings, or that name a
# company or a service rather than a skill a posting asks for. Checked by reading their matches
# in the shared corpus.
DROP = {
    "tool", "video", "microsoft", "google", "amazon", "apple", "facebook", "twitter", "gmail",
    "steam", "flight", "creative-commons", "cinnamon", "fish", "neo", "linkstack", "myanimelist",
    "anyland", "5g", "tex", "github", "gitlab", "bitbucket", "slack", "discord", "telegram",
    "whatsapp", "youtube", "reddit", "spotify", "notion", "zoom", "mastodon", "wikipedia",
    "hacktoberfest", "first-timers-only", "openstreetmap", "misskey", "activitypub", "chrome",
    "firefox", "windows", "linux", "ubuntu", "debian", "macos", "unix",
    # Everyday words (read as such far more often than as the software), concepts.
    "actions", "agile", "aspire", "atom", "bonsai-rx", "clash", "code", "credo", "desktop",
    "edge", "epics", "exploit", "extension", "fable", "generator", "handshake", "image",
    "interview", "io", "matter", "medium", "molecule", "network", "obsidian-md", "plover",
    "primer", "programming", "project", "promise", "ratchet", "rocket", "sandstorm",
    "simulation", "software", "squirrel-lang", "website", "whisper", "zip", "mercury-lang",
    "matrix-org", "markdown", "chapel", "web", "development", "cli", "expo", "json",
    "lean", "crud", "nasa", "sdl",
}

# Concepts that are skills a posting asks for and a résumé shows, kept although they are not a
# piece of software.
CONCEPTS = {
    "machine-learning", "deep-learning", "data-science", "computer-vision", "nlp",
    "data-visualization", "statistics", "reinforcement-learning", "data-analysis", "devops",
    "sre", "ui-design", "ux", "seo",
}

# The professions whose name says their practitioner does a concept: a "Data Scientist" (a
# résumé's title, a posting's) does data science, though neither may write "data science".
PRACTITIONERS = {
    "data-science": ["Data Scientist"],
    "sre": ["Site Reliability Engineer"],
}

# Terms read as other things in real résumés and postings ("Salt Lake City", "Go5G Next").
DROP_TERMS = {"Salt", "Next", "software", "Software"}


# English words that postings write in lower case as the technology far more often than as the
# word.
ANY_CASE = {"python", "kafka", "redis", "django", "flask"}


def front_matter(text):
    parts = text.split("---")
    if len(parts) < 3:
        return {}
    fields = {}
    for line in parts[1].splitlines():
        m = re.match(r"^(\w+):\s*(.*)$", line)
        if m:
            fields[m.group(1)] = m.group(2).strip().strip('"').strip()
    return fields


# O*NET commodity classes of the software a posting asks a professional for.
ONET_CLASSES = {
    "Analytical or scientific software",
    "Application server software",
    "Backup or archival software",
    "Business intelligence and data analysis software",
    "Cloud-based management software",
    "Computer aided design CAD software",
    "Computer aided manufacturing CAM software",
    "Configuration management software",
    "Content workflow software",
    "Data base management system software",
    "Data base user interface and query software",
    "Data mining software",
    "Development environment software",
    "Enterprise application integration software",
    "Enterprise system management software",
    "File versioning software",
    "Geographic information system",
    "Industrial control software",
    "Metadata management software",
    "Network monitoring software",
    "Network security or virtual private network VPN management software",
    "Object or component oriented development software",
    "Object oriented data base management software",
    "Operating system software",
    "Procedure management software",
    "Program testing software",
    "Requirements analysis and system architecture software",
    "Transaction server software",
    "Web platform development software",
}

# O*NET examples left out: office and everyday tools named in every kind of job, operating
# systems the skill map covers as linux-unix, and names read as other things in real text.
ONET_DROP = {
    "Microsoft Windows", "Microsoft Windows Server", "Apple macOS", "Apple iOS", "Linux",
    "UNIX", "Microsoft Office software", "Microsoft Access", "Microsoft Excel", "Google",
    "Microsoft Project", "Microsoft Visio", "Microsoft SharePoint", "Microsoft Teams",
    "Facebook", "LinkedIn", "YouTube", "Dropbox", "Box", "Slack", "Zoom", "Oracle Java",
}

# Words that an O*NET example names but that read as something else alone ("Microsoft
# Project" -> "Project", "Apache Spark" -> "Spark" stays: checked on the shared corpus).
ONET_DROP_TERMS = {
    "Project", "Access", "Word", "Teams", "Dynamics", "Analytics", "Office", "Server",
    "Designer", "Developer", "Studio", "Cloud", "Data", "Database", "Suite", "Enterprise",
    "Workbench", "Manager", "Explorer", "Navigator", "Professional", "Builder", "Pro",
    "Visual", "Systems", "Expert", "Engine", "Services", "Platform", "Integration",
    "Web Services",
    # Words, names and generic terms read as such in real text ("high calibre engineers",
    # "Gaussian processes", "Travis" a first name), checked on the shared corpus.
    "Abbott", "Aztec", "Bowtie", "Calibre", "Chatbot", "Cufflinks", "Gaussian", "Geodetic",
    "Hercules", "Maya", "Middleware", "Multiphysics", "Profilers", "Travis", "Symmetrica",
    "Rapide", "Big Data", "Big Data Integration", "SQL Developer",
}

# The cloud platforms name their services "platform + word" ("Amazon Go", "AWS Lambda",
# "Azure Functions", Google's "Cloud Composer"), and "Amazon" is an English word the O*NET
# vendor rule below leaves out: vendors too ("Amazon Redshift" is also "Redshift").
CLOUD_VENDORS = {"Amazon", "AWS", "Azure", "Cloud", "Google"}

# Small words of a name that do not make it descriptive.
SMALL = {"of", "for", "and", "the", "to", "on", "in", "with", "a", "an", "by", "de"}


def is_acronym(token):
    """EC2, SQL, VBA, CPL, PL/SQL: mostly capitals."""
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return len(token) >= 2 and letters != [] and upper >= 2 and upper * 2 >= len(letters)


def abbreviates(acronym, words):
    """Whether the capitals of `acronym` are, in order, initials of `words` ("EC2" of
    "Elastic Compute Cloud", not "IOS" of "Cisco")."""
    initials = [w[0].upper() for w in words if w[:1].isalpha()]
    at = 0
    for c in (c for c in acronym if c.isupper()):
        while at < len(initials) and initials[at] != c:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return True


def descriptive(word):
    """A lower-case word of a generic description ("database", "software"), not a brand
    written in lower case first ("dBASE", "iRCalibration") nor a small word."""
    return (
        word[:1].islower()
        and word.lower() not in SMALL
        and not any(c.isupper() for c in word[1:])
    )


# Abbreviations O*NET spells out ("EC2" of "Amazon Elastic Compute Cloud EC2", "AJAX"): they
# match only with their capitals ("Ajax" is a name, "Minos" a dog in a posting).
ONET_ACRONYMS = set()


def onet_terms(example, vendors, english):
    """(display, terms) of an O*NET example, or None for a generic kind of software."""
    name = re.sub(r"\s+software$", "", example.strip())
    if name != example.strip() and all(english(w) for w in name.split()):
        # "Statistical software", "Google Cloud software": a kind, not a name.
        return None
    name = re.sub(r"^Amazon Web Services AWS ", "AWS ", name)
    inner = re.match(r"^(.*?)\s*\(([^)]*)\)$", name)
    extra = []
    if inner:
        name, paren = inner.group(1), inner.group(2)
        if is_acronym(paren) and abbreviates(paren, name.split()):
            extra.append(paren)
            ONET_ACRONYMS.add(paren)
    words = name.split()
    if not words:
        return None
    if any(descriptive(w) for w in words):
        if name != example.strip():
            # "Geographic information system GIS software": a kind of software.
            return None
        # "Structured query language SQL", "Tool command language Tcl": the name is the
        # acronym after the description.
        last = words[-1]
        if len(words) > 1 and not descriptive(last) and (is_acronym(last) or last[:1].isupper()):
            if is_acronym(last):
                ONET_ACRONYMS.add(last)
            return last, [last]
        if extra:
            return extra[0], extra
        return None
    terms = [name]
    if (
        len(words) > 2
        and is_acronym(words[-1])
        and not is_acronym(words[-2])
        and abbreviates(words[-1], words[:-1])
    ):
        # "Amazon Elastic Compute Cloud EC2": the long name and the acronym.
        terms = [" ".join(words[:-1]), words[-1]]
        ONET_ACRONYMS.add(words[-1])
    for term in list(terms):
        parts = term.split()
        for n in (2, 1):
            if len(parts) > n and " ".join(parts[:n]) in vendors:
                # "Atlassian JIRA" -> "JIRA", "Wind River VxWorks" -> "VxWorks".
                terms.append(" ".join(parts[n:]))
                break
    terms += extra
    terms = [t for t in terms if t not in ONET_DROP_TERMS and len(t) >= 2]
    if not terms:
        return None
    return name, terms


def onet_entries(path, words_of_english):
    """The kept O*NET examples: [(display, terms)], in file order of first appearance."""
    import csv

    examples = {}
    with open(path, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            name = row[col["Example"]]
            entry = examples.setdefault(name, {"classes": set(), "hot": False, "occ": set()})
            entry["classes"].add(row[col["Commodity Title"]])
            entry["hot"] |= row[col["Hot Technology"]] == "Y"
            if "In Demand" in col:
                entry["hot"] |= row[col["In Demand"]] == "Y"
            entry["occ"].add(row[col["O*NET-SOC Code"]][:3])
    kept = [
        name
        for name, e in examples.items()
        if name not in ONET_DROP
        and e["classes"] & ONET_CLASSES
        and (e["hot"] or e["occ"] & {"15-", "17-"})
    ]
    # Vendors: the first word, or first two words, of three or more named examples
    # ("Microsoft", "Apache", "Autodesk", "Red Hat", "Wind River"), whose products are named
    # with and without it. A first word that is an English word ("Red", "Visual", "Progress")
    # is a vendor only with its second word; Oracle is the one English word kept alone.
    def named(name):
        words = name.split()
        return len(words) > 1 and not any(descriptive(w) for w in words[1:])

    def english(word):
        return word.lower() in words_of_english and word != "Oracle"

    count = {}
    for name in filter(named, kept):
        words = name.split()
        count[words[0]] = count.get(words[0], 0) + 1
        if len(words) > 2:
            pair = " ".join(words[:2])
            count[pair] = count.get(pair, 0) + 1
    vendors = {
        w
        for w, n in count.items()
        if n >= 3
        and w[:1].isupper()
        and (" " in w or not english(w))
        and not (" " in w and w.split()[0] in count and not english(w.split()[0]))
    } | CLOUD_VENDORS
    out = []
    for name in kept:
        found = onet_terms(name, vendors, english)
        if not found:
            continue
        display, terms = found
        if not examples[name]["hot"]:
            # A name that is neither a Hot Technology nor In Demand is kept only in forms that
            # cannot be read as words or an abbreviation of something else ("Autodesk World",
            # not "World"; not "CAM", "FIT"; "IBM Power Systems", not "Power Systems").
            terms = [
                t
                for t in terms
                if len(t) > 3
                and (t.split()[0] in vendors or not all(english(w) for w in t.split()))
            ]
        if terms:
            out.append((display, terms))
    return out, vendors


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    topics_dir, languages_yml, wordlist = sys.argv[1:4]
    onet_path = sys.argv[4] if len(sys.argv) > 4 else None
    words = set()
    with open(wordlist, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(w)
    topics = {}
    for topic in sorted(os.listdir(topics_dir)):
        path = os.path.join(topics_dir, topic, "index.md")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                topics[topic] = front_matter(f.read())
    with open(languages_yml, encoding="utf-8") as f:
        languages = yaml.safe_load(f)

    entries = {}

    onet_new = set()

    def add(key, display, kind, terms):
        entry = entries.setdefault(key, {"display": display, "kind": kind, "terms": []})
        for term in terms:
            term = term.strip()
            if term and term not in entry["terms"]:
                entry["terms"].append(term)

    def alias_ok(alias):
        return (
            len(alias) >= 3
            and "-" not in alias
            and "_" not in alias
            and alias.lower() not in words
            and not alias.isdigit()
        )

    for topic, fields in topics.items():
        if topic in DROP:
            continue
        if topic not in CONCEPTS and not any(
            k in fields for k in ("github_url", "released", "created_by")
        ):
            continue
        display = fields.get("display_name", topic).strip()
        terms = [display]
        inner = re.match(r"^(.*?)\s*\((.*)\)$", display)
        if inner:
            # "RDF (Resource Description Framework)"; not "TWRP (software)".
            terms = [inner.group(1)]
            if inner.group(2).lower() not in words and any(c.isupper() for c in inner.group(2)):
                terms.append(inner.group(2))
            display = inner.group(1)
        if "-" not in topic and alias_ok(topic):
            terms.append(topic)
        aliases = [a.strip() for a in fields.get("aliases", "").split(",")]
        terms += [a for a in aliases if alias_ok(a)]
        # "natural-language-processing" -> "natural language processing".
        terms += [
            a.replace("-", " ")
            for a in aliases
            if a.count("-") >= 1 and len(a) >= 8 and all(w.isalpha() for w in a.split("-"))
        ]
        add(topic, display, "software", terms)

    for topic, names in PRACTITIONERS.items():
        if topic in entries:
            add(topic, entries[topic]["display"], entries[topic]["kind"], names)

    for name, lang in languages.items():
        if lang.get("type") not in ("programming", "data"):
            continue
        keys = [name.lower().replace(" ", "-")] + [a.lower() for a in lang.get("aliases", [])]
        topic = next((k for k in keys if k in topics), None)
        if topic is None or topic in DROP:
            continue
        aliases = [a for a in lang.get("aliases", []) if alias_ok(a)]
        if topic in entries:
            entries[topic]["kind"] = "language"
            add(topic, entries[topic]["display"], "language", [name] + aliases)
        else:
            add(topic, name, "language", [name] + aliases)

    vendors = set()
    if onet_path:
        index = {}
        for key, e in entries.items():
            for t in e["terms"]:
                index.setdefault(t.lower(), (t, key))
        found, vendors = onet_entries(onet_path, words)
        # The matcher looks at one word before a name: one-word vendors only.
        vendors = {v for v in vendors if " " not in v} | CLOUD_VENDORS
        for display, terms in found:
            # The same name in another case ("IOS" of Cisco, "iOS" of Apple) is another
            # technology, unless one of the two is written all in lower case (an alias).
            key = next(
                (
                    index[t.lower()][1]
                    for t in terms
                    if t.lower() in index
                    and (index[t.lower()][0] == t or t.islower() or index[t.lower()][0].islower())
                ),
                None,
            )
            if key is None:
                key = slug(display)
                if key in entries:
                    pass
                elif not key:
                    continue
            # The topics left out above stay out under their O*NET names ("Atlassian
            # Bitbucket", "Microsoft Edge").
            if key in DROP or any(slug(t) in DROP for t in terms):
                continue
            entry = entries.get(key)
            before = set(entry["terms"]) if entry else set()
            add(key, entry["display"] if entry else display, entry["kind"] if entry else "software", terms)
            onet_new.update(t for t in terms if t not in before)
            for t in terms:
                index.setdefault(t.lower(), (t, key))

    print("# The technologies a posting can name beyond the skill map: languages, frameworks,")
    print("# databases and tools. Generated by tools/technologies.py from GitHub Explore topics")
    if onet_path:
        print("# and GitHub Linguist languages, and O*NET Technology Skills (rules/technologies.md")
        print("# has the commits, releases and licences).")
    else:
        print("# and GitHub Linguist languages (rules/technologies.md has the commits and licences).")
    print("# id<TAB>display name<TAB>kind<TAB>terms separated by |; a term that is an English")
    print("# word, or of one or two characters, matches only with its own capitals.")
    if vendors:
        print("# Vendors: an everyday-word or short name right after one names another product")
        print("# (Amazon Go, Cloud Composer).")
        print("# vendors: " + " ".join(sorted(vendors)))
    owners = {}
    for key, e in entries.items():
        for t in e["terms"]:
            owners.setdefault(t.lower(), set()).add((t, key))
    for key in sorted(entries):
        e = entries[key]
        terms = []
        seen = set()
        for t in e["terms"]:
            lower = t.lower()
            if lower in seen or t in DROP_TERMS:
                continue
            seen.add(lower)
            sensitive = (len(t) <= 2 or lower in words) and lower not in ANY_CASE
            # An O*NET name made of English words ("Solid Edge", "Team Foundation Server")
            # matches only with its capitals.
            sensitive |= t in onet_new and " " in t and all(
                w.lower() in words for w in t.split()
            )
            sensitive |= t in onet_new and t in ONET_ACRONYMS
            # A name two technologies share in different cases matches only as written.
            sensitive |= not t.islower() and any(
                k != key and o != t and not o.islower() for o, k in owners[lower]
            )
            terms.append(("=" if sensitive else "") + t)
        print(f"{key}\t{e['display']}\t{e['kind']}\t{'|'.join(terms)}")


main()
