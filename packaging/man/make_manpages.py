#!/usr/bin/env python3
"""Makes the manual pages of chorus and chorus-cli, and the bash completion of chorus-cli, from
the programs' own --help (so they cannot drift from it) plus the hand-written sections in
packaging/man/*.extra (description, files, examples, see also).

Every example in an .extra file is checked: its command must exist and each of its options must
be in that command's help, or the build fails.

The pages are dated by the newest entry of packaging/changelog, whose version must be VERSION;
the changelog is written compressed beside them (changelog.gz, as Debian wants it).

usage: make_manpages.py CHORUS CHORUS_CLI VERSION PACKAGING_DIR OUTPUT_DIR
"""

import gzip
import os
import re
import subprocess
import sys

COMMON_OPTIONS = {"-h", "--help", "--help-all", "-v", "--version"}


def run_help(program, *arguments):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C")
    result = subprocess.run([program, *arguments, "--help"], capture_output=True, text=True,
                            env=environment, check=False)
    if result.returncode != 0:
        sys.exit(f"make_manpages: '{program} {' '.join(arguments)} --help' exited "
                 f"with {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def roff_text(text):
    """Plain text as roff: backslashes escaped, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def parse_command_help(text):
    """A QCommandLineParser help: usage line, description, options, arguments."""
    lines = text.rstrip("\n").split("\n")
    usage = lines[0].removeprefix("Usage: ").strip()
    description, options, arguments = [], [], []
    section = "description"
    for line in lines[1:]:
        if line in ("Options:", "Arguments:"):
            section = line[:-1].lower()
            continue
        if section == "description":
            if line.strip():
                description.append(line.strip())
            continue
        target = options if section == "options" else arguments
        match = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", line)
        if match and not line.startswith("   "):
            target.append([match.group(1), match.group(2) or ""])
        elif line.strip() and target:
            target[-1][1] = (target[-1][1] + " " + line.strip()).strip()
    return usage, " ".join(description), options, arguments


def option_names(spec):
    """'-o, --output <FILE>' -> ['-o', '--output']."""
    return [name.strip() for name in spec.split("<")[0].split(",") if name.strip()]


def parse_top_help(text):
    """The command names, the general options and the exit statuses of chorus-cli --help."""
    commands, exit_statuses = [], []
    section = None
    for line in text.split("\n"):
        if line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
            continue
        if section == "Commands":
            match = re.match(r"^  ([a-z][a-z-]*) ", line)
            if match and match.group(1) not in commands:
                commands.append(match.group(1))
        elif section == "Exit status":
            match = re.match(r"^  (\d+)\s+(\S.*)$", line)
            if match:
                exit_statuses.append([match.group(1), match.group(2)])
            elif line.strip() and exit_statuses:
                exit_statuses[-1][1] += " " + line.strip()
    if not commands or not exit_statuses:
        sys.exit("make_manpages: chorus-cli --help lists no commands or no exit statuses")
    return commands, exit_statuses


def read_extra(path):
    """Sections of an .extra file: '[NAME]' headers, then paragraphs; '* term: text' is an item,
    '$ command' an example command, '# text' the title of the example after it."""
    sections, name = {}, None
    with open(path, encoding="utf-8") as extra:
        for line in extra:
            line = line.rstrip("\n")
            header = re.match(r"^\[([A-Z ]+)\]$", line)
            if header:
                name = header.group(1)
                sections[name] = []
            elif name:
                sections[name].append(line)
    return sections


def extra_roff(lines):
    out, paragraph = [], []

    def flush():
        if paragraph:
            out.append(".PP")
            out.append(roff_text(" ".join(paragraph)))
            paragraph.clear()

    for line in lines:
        if not line.strip():
            flush()
        elif line.startswith("* "):
            flush()
            term, _, text = line[2:].partition(": ")
            out += [".TP", f"\\fB{roff_text(term)}\\fR", roff_text(text)]
        elif line.startswith("# "):
            flush()
            out += [".PP", roff_text(line[2:])]
        elif line.startswith("$ "):
            flush()
            out += [".RS 4", ".EX", roff_text(line[2:]), ".EE", ".RE"]
        else:
            paragraph.append(line.strip())
    flush()
    return out


def check_examples(lines, helps):
    for line in lines:
        if not line.startswith("$ chorus-cli"):
            continue
        words = line[2:].split()
        command = words[1]
        if command not in helps:
            sys.exit(f"make_manpages: example uses unknown command '{command}': {line}")
        known = {name for spec, _ in helps[command][2] for name in option_names(spec)}
        for word in words[2:]:
            option = word.split("=")[0]
            if option.startswith("-") and option not in known:
                sys.exit(f"make_manpages: example uses '{option}', not an option of "
                         f"'{command}': {line}")


def header(name, version, date, title):
    return [f'.TH {name.upper()} 1 "{date}" "Chorus {version}" "{title}"', ".SH NAME",
            f"{name} \\- {roff_text(TITLES[name])}"]


TITLES = {
    "chorus": "investigation workbench for coordinated posting campaigns",
    "chorus-cli": "import, analyse, draw and export Chorus cases from the command line",
}


def options_roff(options):
    out = []
    for spec, text in options:
        names = option_names(spec)
        if set(names) <= COMMON_OPTIONS:
            continue
        value = re.search(r"<([^>]+)>", spec)
        term = ", ".join(f"\\fB{roff_text(n)}\\fR" for n in names)
        if value:
            term += f" \\fI{roff_text(value.group(1))}\\fR"
        out += [".TP", term, roff_text(text)]
    return out


def cli_page(cli, version, date, extra):
    commands, exit_statuses = parse_top_help(run_help(cli))
    helps = {command: parse_command_help(run_help(cli, command)) for command in commands}
    check_examples(extra.get("EXAMPLES", []), helps)
    page = header("chorus-cli", version, date, "Chorus manual")
    page += [".SH SYNOPSIS", "\\fBchorus\\-cli\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
             ".br", "\\fBchorus\\-cli\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR",
             ".SH DESCRIPTION"]
    page += extra_roff(extra.get("DESCRIPTION", []))
    page += [".PP", "Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR (its own help) and "
             "\\fB\\-\\-help\\-all\\fR (with the Qt options).", ".SH COMMANDS"]
    for command in commands:
        usage, description, options, arguments = helps[command]
        page += [f".SS {command}", f"\\fB{roff_text(usage.split(' [options]')[0])}\\fR "
                 f"[\\fIoptions\\fR]{roff_text(usage.partition(' [options]')[2])}", ".PP",
                 roff_text(description)]
        for name, text in arguments:
            page += [".TP", f"\\fI{roff_text(name)}\\fR", roff_text(text)]
        page += options_roff(options)
    page += [".SH EXIT STATUS"]
    for status, text in exit_statuses:
        page += [".TP", f"\\fB{status}\\fR", roff_text(text)]
    for section in ("EXAMPLES", "ENVIRONMENT", "FILES", "SEE ALSO"):
        if section in extra:
            page += [f".SH {section}"] + extra_roff(extra[section])
    return page, commands, helps


def gui_page(gui, version, date, extra):
    usage, description, options, arguments = parse_command_help(run_help(gui))
    page = header("chorus", version, date, "Chorus manual")
    page += [".SH SYNOPSIS", "\\fBchorus\\fR [\\fIoptions\\fR] [\\fIcase\\fR]", ".SH DESCRIPTION"]
    page += extra_roff(extra.get("DESCRIPTION", [])) or [".PP", roff_text(description)]
    page += [".SH OPTIONS"] + options_roff(options)
    page += [".TP", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR", "Print the options and exit.",
             ".TP", "\\fB\\-v\\fR, \\fB\\-\\-version\\fR", "Print the version and exit."]
    if arguments:
        page += [".SH ARGUMENTS"]
        for name, text in arguments:
            page += [".TP", f"\\fI{roff_text(name)}\\fR", roff_text(text)]
    for section in ("FILES", "ENVIRONMENT", "SEE ALSO"):
        if section in extra:
            page += [f".SH {section}"] + extra_roff(extra[section])
    return page


def completion(commands, helps):
    """bash completion: commands first, then each command's options, values of --format and
    --type, and file names."""
    cases, values = [], {}
    for command in commands:
        _, _, options, _ = helps[command]
        names = sorted({n for spec, _ in options for n in option_names(spec)
                        if n.startswith("--") and n != "--help-all"})
        cases.append(f"        {command}) options='{' '.join(names)}' ;;")
        for spec, text in options:
            for name in option_names(spec):
                listed = re.search(r"\(([a-z0-9-]+(?:, [a-z0-9-]+)+)\)", text)
                joined = re.search(r"\b([a-z0-9]+(?:-[a-z0-9]+)+(?:,[a-z0-9-]+)+)\b", text)
                if name in ("--format",) and listed:
                    values[name] = listed.group(1).replace(",", "")
                elif name == "--type" and joined:
                    values.setdefault(name, joined.group(1).replace(",", " "))
    value_cases = [f"        {name}) COMPREPLY=($(compgen -W '{words}' -- \"$cur\")); return ;;"
                   for name, words in sorted(values.items())]
    return "\n".join([
        "# bash completion for chorus-cli; generated from its --help by make_manpages.py",
        "_chorus_cli() {",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
        f"    local commands='{' '.join(commands)}'",
        "    if [ \"$COMP_CWORD\" -eq 1 ]; then",
        "        COMPREPLY=($(compgen -W \"$commands --help --version\" -- \"$cur\"))",
        "        return",
        "    fi",
        "    case $prev in",
        *value_cases,
        "    esac",
        "    local options=''",
        "    case ${COMP_WORDS[1]} in",
        *cases,
        "    esac",
        "    if [[ $cur == -* ]]; then",
        "        COMPREPLY=($(compgen -W \"$options --help\" -- \"$cur\"))",
        "    elif declare -F _filedir >/dev/null; then",
        "        _filedir",
        "    else",
        "        COMPREPLY=($(compgen -f -- \"$cur\"))",
        "    fi",
        "}",
        "complete -F _chorus_cli chorus-cli",
        ""])


def write_compressed(path, text):
    # mtime 0 and no file name: the same text gives the same bytes (reproducible builds).
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))


def write_page(path, lines):
    write_compressed(path, "\n".join(lines) + "\n")


def changelog_date(path, version):
    """The date of the newest changelog entry, after checking that it is for `version`."""
    with open(path, encoding="utf-8") as changelog:
        text = changelog.read()
    top = re.match(r"^chorus \(([^)]+)\)", text)
    if not top or top.group(1) != version:
        sys.exit(f"make_manpages: the newest entry of {path} is not for version {version}")
    trailer = re.search(r"^ -- .+?>  \w+, (\d+) (\w+) (\d+) ", text, re.MULTILINE)
    if not trailer:
        sys.exit(f"make_manpages: no dated trailer line in {path}")
    day, month, year = trailer.groups()
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    gui, cli, version, packaging, output = sys.argv[1:]
    changelog = os.path.join(packaging, "changelog")
    date = changelog_date(changelog, version)
    with open(changelog, encoding="utf-8") as text:
        write_compressed(os.path.join(output, "changelog.gz"), text.read())
    source = os.path.join(packaging, "man")
    os.makedirs(output, exist_ok=True)
    page, commands, helps = cli_page(cli, version, date,
                                     read_extra(os.path.join(source, "chorus-cli.extra")))
    write_page(os.path.join(output, "chorus-cli.1.gz"), page)
    write_page(os.path.join(output, "chorus.1.gz"),
               gui_page(gui, version, date, read_extra(os.path.join(source, "chorus.extra"))))
    with open(os.path.join(output, "chorus-cli.bash"), "w", encoding="utf-8") as out:
        out.write(completion(commands, helps))


if __name__ == "__main__":
    main()
