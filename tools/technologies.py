#!/usr/bin/env python3
"""Writes rules/technologies.tsv: the technologies a posting can name beyond the skill map.

Sources (both maintained public lists; see rules/technologies.md for commits and licences):
  - github/explore topics/*/index.md: the curated topics of GitHub's Explore page; only the
    concrete ones (a topic with github_url, released or created_by: a piece of software, not a
    concept) are kept.
  - github-linguist/linguist lib/linguist/languages.yml: programming and data languages; a
    language is kept when GitHub Explore has a topic for it (a sign that people use it; Linguist
    lists hundreds of rare ones whose names are English words).

Usage: tools/technologies.py EXPLORE_TOPICS_DIR LANGUAGES_YML WORDLIST > rules/technologies.tsv
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


def main():
    topics_dir, languages_yml, wordlist = sys.argv[1:4]
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

    print("# The technologies a posting can name beyond the skill map: languages, frameworks,")
    print("# databases and tools. Generated by tools/technologies.py from GitHub Explore topics")
    print("# and GitHub Linguist languages (rules/technologies.md has the commits and licences).")
    print("# id<TAB>display name<TAB>kind<TAB>terms separated by |; a term that is an English")
    print("# word, or of one or two characters, matches only with its own capitals.")
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
            terms.append(("=" if sensitive else "") + t)
        print(f"{key}\t{e['display']}\t{e['kind']}\t{'|'.join(terms)}")


main()
