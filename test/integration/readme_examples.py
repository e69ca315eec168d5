#!/usr/bin/env python3
"""The README as tested documentation (issue 17, item 6).

Extracts every ```sql block of a Markdown file (README.md) and runs them IN ORDER in
one psql session, as a reader following the README at psql would, against the
database the PG* variables and argv[2] name.  Conventions (README, "For developers"):

  <!-- readme-test: skip REASON -->   directly before a ```sql fence: the block is not
                                     run (printed as skipped with REASON; no REASON fails)
  stmt;  -- => TEXT                  the statement's result, psql's unaligned tuples-only
                                     text with columns joined by ', ', rows by '; ', NULL
                                     as NULL, must equal TEXT; a ' -- ' after TEXT starts
                                     a remark; '...' (U+2026) in TEXT matches any text
  stmt;  -- error: SQLSTATE          the statement must fail with that SQLSTATE; comment
  -- ERROR:  message                 lines right after it showing ERROR, DETAIL or HINT
  -- DETAIL:  ...                    are compared with the error's fields (U+2026 matches
  -- HINT:  ...                      any text)

A block stops at its first unexpected error (as ON_ERROR_STOP would); the next block
runs.  Prints "ok - ..." / "not ok - ..." per block (TAP-like) and exits 1 on a failure.

Usage: readme_examples.py README.md DATABASE [WORKDIR]
"""
import os
import re
import subprocess
import sys
import tempfile

ELLIPSIS = '\u2026'
SKIP_RE = re.compile(r'^<!--\s*readme-test:\s*skip\b(.*?)-->\s*$')
ANY_SKIP_RE = re.compile(r'^\s*<!--\s*readme-test\b')
FENCE_RE = re.compile(r'^```\s*([A-Za-z0-9_+-]*)\s*$')
RESULT_RE = re.compile(r'^--\s*=>\s?(.*?)(?:\s+--\s.*)?$')
ERRCODE_RE = re.compile(r'^--\s*error:\s*([0-9A-Z]{5})\b')
SHOWN_RE = re.compile(r'^--\s*(ERROR|DETAIL|HINT):\s+(.*?)\s*$')


class Statement:
    def __init__(self, line, text):
        self.line = line          # README line of the statement's first line
        self.text = text          # what psql is given
        self.expect = None        # expected result text (-- =>)
        self.sqlstate = None      # expected SQLSTATE (-- error:)
        self.shown = []           # [(field, text)] shown error fields
        self.problem = None       # a README mistake found while parsing


class Block:
    def __init__(self, line, body, skip):
        self.line = line          # README line of the opening fence
        self.body = body          # [(readme line, text)]
        self.skip = skip          # None: run; '' : skip without reason; else the reason
        self.statements = []


def read_blocks(path):
    """Every ```sql block, in order; and README mistakes about skip markers."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    blocks, problems = [], []
    i = 0
    while i < len(lines):
        m = FENCE_RE.match(lines[i])
        if not m:
            if ANY_SKIP_RE.search(lines[i]) and not (i + 1 < len(lines) and lines[i + 1].startswith('```sql')):
                problems.append((i + 1, 'a readme-test marker not directly before a ```sql fence'))
            elif ANY_SKIP_RE.search(lines[i]) and not SKIP_RE.match(lines[i].strip()):
                problems.append((i + 1, 'a readme-test marker that is not "<!-- readme-test: skip REASON -->"'))
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith('```'):
            j += 1
        if m.group(1) == 'sql':
            skip = None
            if i > 0:
                sm = SKIP_RE.match(lines[i - 1].strip())
                if sm:
                    skip = sm.group(1).strip()
            blocks.append(Block(i + 1, [(k + 1, lines[k]) for k in range(i + 1, j)], skip))
        i = j + 1
    return blocks, problems


def split_statements(block):
    """Split a block into statements: quotes, dollar quotes, comments and psql
    meta-commands (a backslash ends the statement's SQL; the rest of its line is
    the meta-command) are respected.  Attaches the annotations."""
    stmts = []
    cur, cur_line = [], None      # the statement being read: its lines so far
    pending = None                # the statement just ended, taking the ERROR lines after it
    state, dollar, depth = None, None, 0
    misplaced = False             # a "-- =>" or "-- error:" inside the statement being read
    words, atomic = [], 0         # its first words; BEGIN ATOMIC depth (as psql counts it)
    annotation = lambda c: RESULT_RE.match(c) or ERRCODE_RE.match(c)
    for lineno, text in block.body:
        stripped = text.strip()
        if state is None and not cur:
            if stripped.startswith('--') and pending is not None and SHOWN_RE.match(stripped):
                sm = SHOWN_RE.match(stripped)
                pending.shown.append((sm.group(1), sm.group(2)))
                continue
            pending = None
            if stripped.startswith('--') and (annotation(stripped) or SHOWN_RE.match(stripped)):
                s = Statement(lineno, stripped)
                s.problem = 'a shown result or error that is not on (or right after) a statement\'s last line'
                stmts.append(s)
                continue
            if stripped == '' or stripped.startswith('--'):
                continue
            if stripped.startswith('\\'):
                stmts.append(Statement(lineno, stripped))
                continue
        if cur_line is None:
            cur_line = lineno
        pos, n, keep = 0, len(text), text
        while pos < n:
            c = text[pos]
            if state == 'quote':
                if c == "'":
                    state = None
            elif state == 'ident':
                if c == '"':
                    state = None
            elif state == 'dollar':
                if text.startswith(dollar, pos):
                    pos += len(dollar) - 1
                    state = None
            elif state == 'block':
                if text.startswith('*/', pos):
                    pos += 1
                    depth -= 1
                    if depth == 0:
                        state = None
                elif text.startswith('/*', pos):
                    depth += 1
                    pos += 1
            elif c == "'":
                state = 'quote'
            elif c == '"':
                state = 'ident'
            elif c == '$' and re.match(r'\$[A-Za-z_]*\$', text[pos:]):
                dollar = re.match(r'\$[A-Za-z_]*\$', text[pos:]).group(0)
                state = 'dollar'
                pos += len(dollar) - 1
            elif text.startswith('/*', pos):
                state, depth = 'block', 1
                pos += 1
            elif text.startswith('--', pos):
                misplaced = misplaced or bool(annotation(text[pos:].strip()))
                keep = text[:pos].rstrip()
                break
            elif c.isalpha() or c == '_':
                w = re.match(r'\w+', text[pos:]).group(0)
                up = w.upper()
                words.append(up)
                routine = words[:1] == ['CREATE'] and ('FUNCTION' in words[:4] or 'PROCEDURE' in words[:4])
                if routine and (up == 'BEGIN' or (up == 'CASE' and atomic > 0)):
                    atomic += 1
                elif routine and up == 'END' and atomic > 0:
                    atomic -= 1
                pos += len(w) - 1
            elif c == ';' and atomic > 0:
                pass
            elif c in ';\\':
                s = Statement(cur_line, '\n'.join(cur + [text[:pos + 1] if c == ';' else text]).strip())
                rest = text[pos + 1:].strip() if c == ';' else ''
                if rest.startswith('--'):
                    rm = RESULT_RE.match(rest)
                    em = ERRCODE_RE.match(rest)
                    if rm:
                        s.expect = rm.group(1).strip()
                    elif em:
                        s.sqlstate = em.group(1)
                elif rest:
                    s.problem = 'more than one statement on its last line'
                if misplaced:
                    s.problem = 'a shown result or error that is not on the statement\'s last line'
                misplaced = False
                stmts.append(s)
                pending = s
                cur, cur_line, keep = [], None, None
                words, atomic = [], 0
                break
            pos += 1
        if keep is not None:
            cur.append(keep)
    if cur and '\n'.join(cur).strip():
        s = Statement(cur_line, '\n'.join(cur).strip())
        s.problem = "a statement without its ';'"
        stmts.append(s)
    for s in stmts:
        if s.shown and s.sqlstate is None and s.problem is None:
            s.problem = 'shows an error but has no "-- error: SQLSTATE" on its last line'
    return stmts


def psql_script(blocks):
    out = ['\\set QUIET on', '\\set ON_ERROR_STOP off', '\\set SHOW_CONTEXT never',
           '\\set VERBOSITY default', '\\pset pager off']
    for b, block in enumerate(blocks):
        if block.skip is not None:
            continue
        out.append('\\set readme_go true')
        for k, s in enumerate(block.statements):
            tag = '%d.%d' % (b, k)
            if s.problem:       # never sent: psql would keep it in its query buffer
                out.append('\\set readme_go false')
                break
            out.append('\\if :readme_go')
            out.append('\\echo @@S %s' % tag)
            out.append('\\warn @@S %s' % tag)
            if s.expect is not None:
                out += ['\\pset format unaligned', '\\pset tuples_only on',
                        "\\pset fieldsep ', '", "\\pset recordsep '; '", '\\pset null NULL']
            out.append(s.text)
            out.append('\\echo')
            out.append('\\echo @@E %s :SQLSTATE' % tag)
            out.append('\\warn @@E %s' % tag)
            if s.expect is not None:
                out += ['\\pset format aligned', '\\pset tuples_only off',
                        "\\pset fieldsep '|'", "\\pset recordsep '\\n'", "\\pset null ''"]
            if s.sqlstate is None:
                out += ['\\if :ERROR', '\\set readme_go false', '\\endif']
            out.append('\\endif')
        # a block stopped inside BEGIN ... COMMIT leaves no aborted transaction behind
        # (nor the role it set: the next block starts as the superuser it expects)
        out += ['\\if :readme_go', '\\else', 'ROLLBACK;', 'RESET ROLE;', '\\endif']
    return '\n'.join(out) + '\n'


def sections(text, tagged_end):
    """{tag: (output, sqlstate)} from a stream with @@S/@@E markers."""
    res = {}
    cur, buf = None, []
    for line in text.split('\n'):
        m = re.match(r'^@@S (\S+)$', line)
        if m:
            cur, buf = m.group(1), []
            continue
        m = re.match(r'^@@E (\S+)\s*(\S*)$', line)
        if m and cur == m.group(1):
            res[cur] = ('\n'.join(buf), m.group(2))
            cur = None
            continue
        if cur is not None:
            buf.append(line)
    return res


def parse_error(text):
    """The ERROR, DETAIL and HINT of psql's error output."""
    fields, last = {}, None
    for line in text.split('\n'):
        m = re.match(r'^(?:psql:[^:]*:\d+: )?(ERROR|DETAIL|HINT|CONTEXT|QUERY|LINE \d+):\s+(.*)$', line)
        if m:
            last = m.group(1)
            fields[last] = m.group(2) if last not in fields else fields[last]
        elif re.match(r'^(?:psql:[^:]*:\d+: )?(NOTICE|WARNING|INFO|LOG|DEBUG)', line):
            last = None
        elif last and line.strip():
            fields[last] += '\n' + line
    return fields


def matches(shown, actual):
    pattern = '.*'.join(re.escape(p) for p in shown.split(ELLIPSIS))
    return re.fullmatch(pattern, actual, re.S) is not None


def short(text, limit=160):
    one = ' '.join(text.split())
    return one if len(one) <= limit else one[:limit - 1] + ELLIPSIS


def main():
    readme, db = sys.argv[1], sys.argv[2]
    workdir = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix='ic-readme.')
    name = os.path.basename(readme)
    blocks, problems = read_blocks(readme)
    for block in blocks:
        block.statements = split_statements(block)
    script = os.path.join(workdir, 'readme.sql')
    with open(script, 'w', encoding='utf-8') as f:
        f.write(psql_script(blocks))
    p = subprocess.run(['psql', '-X', '-d', db, '-f', script], cwd=workdir,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = sections(p.stdout.decode('utf-8', 'replace'), '@@E')
    err = sections(p.stderr.decode('utf-8', 'replace'), '@@E')
    failures = 0
    for line, what in problems:
        print('not ok - %s:%d %s' % (name, line, what))
        failures += 1
    for b, block in enumerate(blocks):
        where = '%s:%d' % (name, block.line)
        if block.skip is not None:
            if block.skip == '':
                print('not ok - %s: a skip without a reason ("<!-- readme-test: skip REASON -->")' % where)
                failures += 1
            else:
                print('# skipped %s: %s' % (where, block.skip))
            continue
        bad = []
        for k, s in enumerate(block.statements):
            tag = '%d.%d' % (b, k)
            sw = '%s:%d' % (name, s.line)
            if s.problem:
                bad.append('%s %s: %s' % (sw, short(s.text, 80), s.problem))
                break
            if tag not in out:
                bad.append('%s %s: not run (psql stopped: exit %d)' % (sw, short(s.text, 80), p.returncode))
                break
            result, state = out[tag]
            fields = parse_error(err.get(tag, ('', ''))[0])
            result = result.rstrip('\n').strip()
            if s.sqlstate is not None:
                if state != s.sqlstate:
                    bad.append('%s %s: expected SQLSTATE %s, got %s %s' % (
                        sw, short(s.text, 80), s.sqlstate, state, short(fields.get('ERROR', ''))))
                for field, shown in s.shown:
                    actual = fields.get(field, '')
                    if not matches(shown, actual):
                        bad.append('%s %s: its %s is shown as "%s" but is "%s"' % (
                            sw, short(s.text, 80), field, short(shown, 300), short(actual, 300)))
                continue
            if state != '00000':
                bad.append('%s %s: %s %s%s%s' % (
                    sw, short(s.text, 120), state, short(fields.get('ERROR', ''), 300),
                    ' DETAIL: ' + short(fields['DETAIL']) if 'DETAIL' in fields else '',
                    ' HINT: ' + short(fields['HINT']) if 'HINT' in fields else ''))
                break
            if s.expect is not None and not matches(s.expect, result):
                bad.append('%s %s: shown "-- => %s", returns "%s"' % (
                    sw, short(s.text, 80), s.expect, short(result, 300)))
        n = len(block.statements)
        checked = sum(1 for s in block.statements if s.expect is not None or s.sqlstate is not None)
        if bad:
            failures += 1
            print('not ok - %s (%d statements): %s' % (where, n, bad[0]))
            for more in bad[1:]:
                print('#   also %s' % more)
        else:
            print('ok - %s (%d statements, %d shown results or errors compared)' % (where, n, checked))
    run = [b for b in blocks if b.skip is None]
    print('# %d sql blocks: %d run, %d skipped' % (len(blocks), len(run), len(blocks) - len(run)))
    if not run:
        print('not ok - %s has no sql block to run' % name)
        failures += 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
