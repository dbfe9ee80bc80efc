#!/usr/bin/env python3
# rectify-man.py: the man pages of Rectify kept in step with --help.
#
#   rectify-man.py generate RECTIFY_CLI TEMPLATE OUTPUT VERSION
#       writes rectify-cli.1: the template's hand-written sections, with
#       @GLOBAL_OPTIONS@ and @COMMANDS@ replaced by what `rectify-cli --help`,
#       `rectify-cli COMMAND --help` and `rectify-cli COMMAND SUB --help` print
#       (every command, subcommand and option), and @VERSION@.
#   rectify-man.py check PROGRAM PAGE [SOURCE_DIR...]
#       compares a man page with the program's --help (--help-all): every
#       command, subcommand and option must be in the page, every exit status
#       --help names must be under EXIT STATUS, and every RECTIFY_* variable
#       the sources in SOURCE_DIRs read with g_getenv under ENVIRONMENT.
#       Prints each thing missing, exits 1 if anything is.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys


def run_help(program, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C')
    # A leak report at the end of --help is not what this is about.
    env['ASAN_OPTIONS'] = env.get('ASAN_OPTIONS', '') + ':detect_leaks=0'
    out = subprocess.run([program, *args, '--help'], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f'{program} {" ".join(args)} --help exited with {out.returncode}: {out.stderr}')
    return out.stdout


class Help:
    """One --help text: usage, summary, options, (sub)commands, the rest."""

    def __init__(self, text):
        self.usage = ''
        self.summary = []
        self.options = []    # (flags, argument or None, description)
        self.commands = []   # (name, description)
        self.notes = []
        section = None
        seen_list = False
        for line in text.splitlines():
            if not line.strip():
                continue
            if not line.startswith(' ') and line.endswith(':'):
                section = line[:-1]
                seen_list = seen_list or section != 'Usage'
                continue
            if not line.startswith(' '):
                (self.notes if seen_list else self.summary).append(line.strip())
                section = None
                continue
            body = line.strip()
            if section == 'Usage':
                self.usage = body
            elif section in ('Commands', 'Subcommands'):
                name, _, desc = body.partition(' ')
                self.commands.append((name, desc.strip()))
            elif section is not None and section.lower().endswith('options'):
                parts = re.split(r'\s{2,}', body, maxsplit=1)
                flags, desc = parts[0], parts[1] if len(parts) > 1 else ''
                arg = None
                if '=' in flags:
                    flags, arg = flags.split('=', 1)
                self.options.append((flags, arg, desc))

    def long_options(self):
        return [re.search(r'--[\w-]+', f).group(0) for f, _, _ in self.options]


def roff(text):
    text = text.replace('\\', '\\e').replace('-', '\\-')
    if text.startswith(('.', "'")):
        text = '\\&' + text
    return text


def roff_flags(flags, arg):
    parts = [f'\\fB{roff(f.strip())}\\fR' for f in flags.split(',')]
    out = ', '.join(parts)
    if arg:
        out += f'=\\fI{roff(arg)}\\fR'
    return out


def roff_options(options, skip=()):
    lines = []
    for flags, arg, desc in options:
        if flags.strip() in ('-h, --help',) or flags.strip() in skip:
            continue
        lines += ['.TP', roff_flags(flags, arg), roff(desc)]
    return lines


def generate(cli, template, output, version):
    top = Help(run_help(cli))
    global_flags = [f for f, _, _ in top.options]
    commands = []
    for name, desc in top.commands:
        help_ = Help(run_help(cli, name))
        commands += ['.SS ' + roff(name), roff(desc) + '.', '.PP',
                     '\\fB' + roff(help_.usage) + '\\fR']
        if help_.commands:
            for sub, sub_desc in help_.commands:
                sub_help = Help(run_help(cli, name, sub))
                commands += ['.TP', f'\\fB{roff(name)} {roff(sub)}\\fR',
                             roff(sub_desc) + '.', '.br', roff(sub_help.usage)]
                opts = roff_options(sub_help.options, global_flags)
                if opts:
                    commands += ['.RS'] + opts + ['.RE']
        else:
            commands += roff_options(help_.options, global_flags)
        for note in help_.notes:
            if not note.startswith(('Run “', 'Run "')):
                commands += ['.PP', roff(note)]
    page = []
    with open(template, encoding='utf-8') as f:
        for line in f.read().splitlines():
            if line == '@GLOBAL_OPTIONS@':
                page += roff_options(top.options)
            elif line == '@COMMANDS@':
                page += commands
            else:
                page.append(line.replace('@VERSION@', version))
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(page) + '\n')


def render(page):
    env = dict(os.environ, MANWIDTH='10000', LC_ALL='C.UTF-8', MAN_KEEP_FORMATTING='')
    out = subprocess.run(['man', '-l', '-P', 'cat', page], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        sys.exit(f'man -l {page} failed ({out.returncode}): {out.stderr}')
    # No bold or underline: col -b's work, done here.
    return re.sub(r'.\x08', '', out.stdout)


def section(text, title):
    m = re.search(r'^' + re.escape(title) + r'\n(.*?)(?=^\S|\Z)', text, re.M | re.S)
    return m.group(1) if m else ''


def check(program, page, source_dirs):
    text = render(page)
    missing = []
    name = os.path.basename(program)

    def need(what, where, label):
        if not re.search(r'(?<![\w-])' + re.escape(what) + r'(?![\w-])', where):
            missing.append(label)

    top = Help(run_help(program))
    if name == 'rectify':
        top = Help(run_help(program, '--help-all'))
    for opt in top.long_options():
        if opt.startswith(('--help', '--gapplication')):
            continue
        need(opt, text, f'option {opt}')
    for cmd, _ in top.commands:
        need(cmd, section(text, 'COMMANDS'), f'command "{cmd}" (a COMMANDS entry)')
        help_ = Help(run_help(program, cmd))
        for sub, _ in help_.commands:
            need(f'{cmd} {sub}', text, f'subcommand "{cmd} {sub}"')
            for opt in Help(run_help(program, cmd, sub)).long_options():
                if opt != '--help' and opt not in top.long_options():
                    need(opt, text, f'option {opt} of "{cmd} {sub}"')
        for opt in help_.long_options():
            if opt != '--help' and opt not in top.long_options():
                need(opt, text, f'option {opt} of "{cmd}"')
    exit_text = section(text, 'EXIT STATUS')
    for note in top.notes:
        if note.lower().startswith('exit status'):
            for code in re.findall(r'\b(\d+)\b', note):
                need(code, exit_text, f'exit status {code} under EXIT STATUS')
    env_text = section(text, 'ENVIRONMENT')
    for d in source_dirs:
        for root, _, files in os.walk(d):
            for fn in sorted(files):
                if fn.endswith('.c'):
                    with open(os.path.join(root, fn), encoding='utf-8') as f:
                        for var in re.findall(r'g_getenv \("(RECTIFY_\w+)"\)', f.read()):
                            need(var, env_text, f'environment variable {var} under ENVIRONMENT ({fn})')
    for title in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'EXIT STATUS', 'ENVIRONMENT', 'FILES'):
        if not section(text, title).strip():
            missing.append(f'section {title}')
    for m in sorted(set(missing)):
        print(f'{page}: missing {m}')
    return 1 if missing else 0


if __name__ == '__main__':
    if len(sys.argv) == 6 and sys.argv[1] == 'generate':
        generate(*sys.argv[2:])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'check':
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4:]))
    else:
        sys.exit(__doc__ or 'usage: rectify-man.py generate|check ...')
