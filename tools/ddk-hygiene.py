#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# ddk-hygiene.py <objdir>: check the DDK environment's name hygiene
# (shim/include/ntshim/ddk_begin.h and ddk_end.h) against a real build.
#
# Driver code sees ntshim's public macros expanded in its own translation
# unit, after ddk_end.h removed the colliding Linux macros and after
# sal1.h defined the SAL 1 names.  So no public ntshim macro may reach,
# through any chain of macro bodies, a name that ddk_end.h removes or
# redefines, that ddk_begin.h renames, or that sal1.h defines.  And every
# Linux header a public ntshim header includes must be read inside
# ddk_begin.h's rename window.
#
# <objdir> is a tree `make` built (tools/lint.sh passes its own): the
# compile command of a corpus object gives the exact flags.  Prints one
# line per finding and "ddk-hygiene: N findings"; exits 1 when N > 0.
import os
import re
import shlex
import subprocess
import sys
import tempfile

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
inc = os.path.join(top, 'shim', 'include', 'ntshim')
ident = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
# String and character literals hold no names.
literal = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')


def defines(path):
    names = set()
    for line in open(path):
        m = re.match(r'\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)', line)
        if m:
            names.add(m.group(1))
    return names


def undefs(path):
    return {m.group(1) for m in
            re.finditer(r'^\s*#\s*undef\s+([A-Za-z_][A-Za-z0-9_]*)',
                        open(path).read(), re.M)}


def compile_command(objdir):
    cmd = os.path.join(objdir, 'kunit', 'ddk', '.sal_corpus.o.cmd')
    for line in open(cmd):
        if line.startswith('savedcmd_') or line.startswith('cmd_'):
            c = line.split(':=', 1)[1].split(' ; ')[0].strip()
            args = shlex.split(c)
            # drop the output, the dependency file and the source
            out, skip = [], False
            for a in args:
                if skip:
                    skip = False
                    continue
                if a == '-o':
                    skip = True
                    continue
                if a.startswith('-Wp,-MMD') or a.endswith('.c') or a == '-c':
                    continue
                out.append(a)
            return out
    sys.exit('ddk-hygiene: no compile command in ' + cmd)


def main():
    objdir = sys.argv[1]
    findings = []
    args = compile_command(objdir)
    with tempfile.NamedTemporaryFile('w', suffix='.c', delete=False) as f:
        f.write('#include <ntshim/ddk_begin.h>\n#include <ntshim/ntddk.h>\n'
                '#include <ntshim/objects.h>\n')
        probe = f.name
    # Kbuild runs the compiler from the kernel's build directory.
    kdir = os.environ.get('NTSHIM_HYGIENE_KDIR', os.getcwd())
    res = subprocess.run(args + ['-E', '-dM', probe], cwd=kdir,
                         capture_output=True, text=True)
    os.unlink(probe)
    if res.returncode:
        sys.exit('ddk-hygiene: the probe failed:\n' + res.stderr)
    macros = {}
    for line in res.stdout.splitlines():
        m = re.match(r'#define ([A-Za-z_][A-Za-z0-9_]*)(\(([^)]*)\))? ?(.*)',
                     line)
        params = set(ident.findall(m.group(3) or ''))
        body = literal.sub(' ', m.group(4))
        macros[m.group(1)] = set(ident.findall(body)) - params

    begin = os.path.join(inc, 'ddk_begin.h')
    end = os.path.join(inc, 'ddk_end.h')
    forbidden = {}
    for n in undefs(end) | defines(end):
        forbidden[n] = 'ddk_end.h removes or redefines it'
    for n in defines(begin) - {'_NTSHIM_DDK_BEGIN_H'}:
        forbidden[n] = 'ddk_begin.h renames it'
    for n in undefs(begin) - defines(begin):
        forbidden[n] = 'ddk_begin.h removes it'
    for n in defines(os.path.join(inc, 'sal1.h')) - {'_NTSHIM_SAL1_H'}:
        forbidden[n] = 'sal1.h defines it'
    forbidden.pop('_NTSHIM_DDK_END_H', None)

    public = set()
    skip = {'ddk_begin.h', 'ddk_end.h', 'ddk.h', 'sal.h', 'sal1.h',
            'driverspecs.h'}
    for h in sorted(os.listdir(inc)):
        if h.endswith('.h') and h not in skip:
            public |= defines(os.path.join(inc, h))
    public -= set(forbidden)

    for p in sorted(public):
        if p not in macros:
            continue
        seen, todo, via = {p}, [p], {p: None}
        while todo:
            n = todo.pop()
            for t in macros.get(n, ()):
                if t in forbidden:
                    chain, x = [t], n
                    while x:
                        chain.append(x)
                        x = via[x]
                    findings.append('%s: expands to %s, but %s' %
                                    (p, ' -> '.join(reversed(chain)),
                                     forbidden[t]))
                    todo = []
                    break
                if t in macros and t not in seen:
                    seen.add(t)
                    via[t] = n
                    todo.append(t)

    listed = set(re.findall(r'#include <((?:linux|asm)/[^>]+)>',
                            open(begin).read()))
    for h in sorted(os.listdir(inc)):
        if not h.endswith('.h') or h in skip:
            continue
        for m in re.finditer(r'#include <((?:linux|asm)/[^>]+)>',
                             open(os.path.join(inc, h)).read()):
            if m.group(1) not in listed:
                findings.append('%s includes <%s>, which ddk_begin.h does '
                                'not list' % (h, m.group(1)))
    for f in findings:
        print('ddk-hygiene: ' + f)
    print('ddk-hygiene: %d findings' % len(findings))
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())
