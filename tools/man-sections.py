#!/usr/bin/env python3
# wuye: regenerate the two generated parts of man/wuye.1 in place:
#   - the KINDS list, from forms/*.ini and the category lists that the
#     migrations in schema/ create;
#   - the KEYS list, from `wuye --keys`.
# Each part sits between the comment lines ".\" @NAME begin" and
# ".\" @NAME end"; everything else in the page is written by hand.
# Non-ASCII text is written as \[uXXXX] so that groff needs no preconv.
# A form's [action.NAME] sections are named in one sentence of its kind.
#
#   python3 tools/man-sections.py build/wuye        (from the top folder)
#
# tests/e2e/t_man.sh checks that every form field and every key is there.
import configparser
import glob
import os
import sqlite3
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.path.join(TOP, "man", "wuye.1")

# Kinds in the order of the modules; forms not named here follow, sorted.
ORDER = ["estates", "buildings", "rooms", "handover_items",
         "handover_findings", "clients", "family", "occupancy", "leases",
         "parking", "vehicles", "categories", "users", "roles", "role_perms"]

# A few words more about some kinds (troff text, sentences on own lines).
NOTES = {
    "categories": [
        "The category lists (\\fBlist\\fP) that choice fields take their "
        "codes from; a list and a code together are unique.",
        "A code no longer wanted is set not in use rather than deleted, "
        "since records keep it.",
    ],
    "users": [
        "An import cannot add users, since a user needs a password: use "
        "\\fBwuye user add\\fP (or New user in the full\\-screen program).",
        "The records can be exported and changed; setting \\fBfailed\\fP to "
        "0 unlocks an account, \\fBactive\\fP no stops one from logging in.",
    ],
    "roles": [
        "Adding a role here gives it no permissions yet: add them as "
        "\\fBrole_perms\\fP.",
    ],
    "role_perms": [
        "One row per permission a role has (see \\fBUSERS AND ROLES\\fP).",
    ],
}


def text(s):
    """Plain text for troff: escape backslashes and hyphens."""
    return s.replace("\\", "\\e").replace("-", "\\-")


def yes(v):
    return v in ("yes", "true", "1")


def categories():
    """The category lists a new database starts with: run the migrations."""
    con = sqlite3.connect(":memory:")
    # Schema 13 fills sort keys with functions of wuye's own connections;
    # the category lists do not need the keys.
    for name in ("wuye_sort_key", "wuye_initials"):
        con.create_function(name, 2, lambda text, sort: "")
    for f in sorted(glob.glob(os.path.join(TOP, "schema", "*.sql"))):
        con.executescript(open(f, encoding="utf-8").read())
    lists = {}
    for lst, code, en, zh in con.execute(
            "SELECT list, code, name_en, name_zh FROM categories"
            " ORDER BY list, sort, code"):
        lists.setdefault(lst, []).append((code, en, zh))
    return lists


def forms():
    out = {}
    for p in glob.glob(os.path.join(TOP, "forms", "*.ini")):
        cp = configparser.ConfigParser(interpolation=None,
                                       comment_prefixes=(";", "#"))
        cp.optionxform = str
        cp.read(p, encoding="utf-8")
        out[os.path.basename(p)[:-4]] = cp
    return out


def field_text(s, typ, all_forms, cats):
    """The sentence parts describing one field."""
    parts = []
    if typ in ("text", "longtext"):
        maxlen = s.get("maxlen", "2000" if typ == "longtext" else "200")
        t = ("Text" if typ == "text" else "Long text, line breaks allowed")
        t += ", at most %s characters" % maxlen
        fmt = s.get("format")
        if fmt == "code":
            t += "; no spaces, commas or quotes"
        elif fmt == "phone":
            t += "; a phone number (see \\fBPhone numbers\\fP)"
        elif fmt == "idcard":
            t += ("; with ID type \\fBidcard\\fP, an 18\\-digit resident ID "
                  "number with a valid check digit")
        parts.append(t)
    elif typ == "integer":
        parts.append("Whole number")
    elif typ == "decimal":
        parts.append("Number with up to %s decimals" % s.get("scale", "0"))
    elif typ == "money":
        parts.append("Amount in yuan, up to 2 decimals")
    elif typ == "date":
        parts.append("Date YYYY\\-MM\\-DD")
    elif typ == "yesno":
        parts.append("Yes or no")
    elif typ == "choice":
        if "choices" in s:
            items = [c.strip().split(":") for c in s["choices"].split(",")]
            parts.append("One of " + ", ".join(
                "\\fB%s\\fP (%s, %s)" % (text(c), text(en), zh)
                for c, en, zh in items))
        else:
            lst = s["list"]
            parts.append("A code of the category list \\fB%s\\fP: " % lst +
                         ", ".join("\\fB%s\\fP (%s, %s)" % (text(c), text(en), zh)
                                   for c, en, zh in cats.get(lst, [])))
    elif typ == "lookup":
        target = s["lookup"]
        key = all_forms[target]["form"].get("key", "key") \
            if target in all_forms else "key"
        parts.append("The \\fB%s\\fP of a record of \\fB%s\\fP" % (key, target))
    lo, hi = s.get("min"), s.get("max")
    if lo and hi:
        parts.append("from %s to %s" % (text(lo), text(hi)))
    elif lo:
        parts.append("at least %s" % text(lo))
    elif hi:
        parts.append("at most %s" % text(hi))
    if yes(s.get("required", "no")):
        parts.append("required")
    if yes(s.get("unique", "no")):
        parts.append("unique")
    if "default" in s:
        parts.append("default \\fB%s\\fP" % text(s["default"]))
    if yes(s.get("sensitive", "no")):
        parts.append("masked without \\fBclient.sensitive\\fP")
    return parts


def kinds_section():
    all_forms = forms()
    cats = categories()
    order = [n for n in ORDER if n in all_forms]
    order += sorted(n for n in all_forms if n not in ORDER)
    out = []
    for name in order:
        cp = all_forms[name]
        f = cp["form"]
        title = f.get("title", name)
        out.append(".SS %s" % name)
        out.append("%s (%s)." % (text(title), f.get("title.zh", title)))
        if f.get("key"):
            out.append("Other kinds refer to a record by its \\fB%s\\fP."
                       % f["key"])
        if yes(f.get("readonly", "no")):
            out.append("Exporting needs \\fB%s\\fP; a read\\-only list of"
                       " what was done, never imported or changed as records."
                       % f.get("read", "property.read"))
        else:
            out.append("Exporting needs \\fB%s\\fP; importing needs"
                       " \\fBimport\\fP and \\fB%s\\fP."
                       % (f.get("read", "property.read"),
                          f.get("write", "property.write")))
        out.extend(NOTES.get(name, []))
        acts = [cp[a] for a in cp.sections() if a.startswith("action.")]
        if acts:
            out.append("In the full\\-screen list and form, F12 (or"
                       " Ctrl\\-O) offers the actions %s on the selected"
                       " record."
                       % ", ".join("%s (%s)" % (text(a.get("label", "")),
                                                a.get("label.zh",
                                                      a.get("label", "")))
                                   for a in acts))
        for sec in cp.sections():
            if sec == "form" or sec.startswith("action."):
                continue
            s = cp[sec]
            label = s.get("label", sec)
            out.append(".TP")
            out.append("\\fB%s\\fP \\(em %s, %s" % (
                sec, text(label), s.get("label.zh", label)))
            out.append(";\n".join(field_text(s, s.get("type", "text"),
                                             all_forms, cats)) + ".")
            if "help" in s:
                h = s["help"]
                out.append(text(h[0].upper() + h[1:]) + ".")
    return out


def keys_section(wuye):
    rows = subprocess.run([wuye, "--keys"], capture_output=True, text=True,
                          check=True, env={"LC_ALL": "C.UTF-8",
                                           "PATH": "/usr/bin:/bin"})
    out = []
    for line in rows.stdout.splitlines()[1:]:
        action, keys, help_ = line.split("\t")
        out.append(".TP")
        out.append('.B "%s"' % text(keys))
        out.append("\\fI\\%%%s\\fP: %s." % (text(action), text(help_)))
    return out


def replace(page, name, lines):
    begin = '.\\" @%s begin' % name
    end = '.\\" @%s end' % name
    i = next(n for n, l in enumerate(page) if l.startswith(begin))
    j = next(n for n, l in enumerate(page) if l.startswith(end))
    return page[:i + 1] + lines + page[j:]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 tools/man-sections.py WUYE-BINARY")
    page = open(PAGE, encoding="utf-8").read().split("\n")
    page = replace(page, "KINDS", kinds_section())
    page = replace(page, "KEYS", keys_section(sys.argv[1]))
    body = "\n".join(page)
    body = "".join("\\[u%04X]" % ord(c) if ord(c) > 127 else c for c in body)
    open(PAGE, "w", encoding="ascii").write(body)


if __name__ == "__main__":
    main()
