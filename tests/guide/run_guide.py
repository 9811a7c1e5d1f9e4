#!/usr/bin/python3
"""Runs the Python guide's examples on upstream's libvirt and on Vireo.

usage: run_guide.py BUILDDIR/src [ID ...]

Each example of guide_examples.py runs in its own process through Debian's
python3-libvirt (only /usr/bin/python3 has it), once on the system's
libvirt.so.0 and once on Vireo's (LD_LIBRARY_PATH).  An example passes
when it exits 0 on Vireo and prints exactly what it prints on upstream;
an example upstream's test driver cannot run passes when Vireo's output
holds the lines the example expects.  Prints `N passed, N failed`.
"""

import os
import shutil
import subprocess
import sys
import tempfile

PYTHON = '/usr/bin/python3'
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, 'guide_examples.py')
AUTH_NODE = os.path.join(HERE, '..', 'seeds', 'auth-node.xml')
GUIDE_NODE = os.path.join(HERE, 'guide-node.xml')


def run_example(ident, libdir):
    env = dict(os.environ)
    for var in ('LD_LIBRARY_PATH', 'LIBVIRT_DEFAULT_URI', 'LIBVIRT_DEBUG',
                'LIBVIRT_LOG_FILTERS', 'LIBVIRT_LOG_OUTPUTS'):
        env.pop(var, None)
    if libdir:
        env['LD_LIBRARY_PATH'] = libdir
    tmp = tempfile.mkdtemp(prefix='vireo-guide-')
    try:
        res = subprocess.run(
            [PYTHON, EXAMPLES, ident, 'test:///default',
             'test://' + os.path.abspath(GUIDE_NODE),
             'test://' + os.path.abspath(AUTH_NODE), tmp],
            capture_output=True, text=True, env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return 'timeout', '', ''
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res.returncode, res.stdout, res.stderr


def listing():
    res = subprocess.run([PYTHON, EXAMPLES, '--list'], capture_output=True,
                         text=True, check=True)
    for line in res.stdout.splitlines():
        fields = line.split('\t')
        yield fields[0], fields[1], fields[2:]


def check(ident, vireo_only, expect, libdir):
    status, out, err = run_example(ident, libdir)
    if status != 0:
        return 'exit status %s on Vireo\n%s%s' % (status, out, err)
    if vireo_only:
        missing = [line for line in expect if line not in out.splitlines()]
        if missing:
            return 'missing %r in Vireo\'s output:\n%s' % (missing, out)
        return None
    ustatus, uout, uerr = run_example(ident, None)
    if ustatus != 0:
        return 'exit status %s on upstream\n%s' % (ustatus, uerr)
    if out != uout:
        diff = [('  upstream: %r\n  vireo:    %r' % (a, b))
                for a, b in zip(uout.splitlines(), out.splitlines())
                if a != b]
        if len(uout.splitlines()) != len(out.splitlines()):
            diff.append('  %d lines on upstream, %d on Vireo'
                        % (len(uout.splitlines()), len(out.splitlines())))
        return 'output differs from upstream\'s:\n' + '\n'.join(diff[:10])
    return None


def main():
    if subprocess.run([PYTHON, '-c', 'import libvirt'],
                      stderr=subprocess.DEVNULL).returncode != 0:
        print('SKIP: python3-libvirt is not installed for %s' % PYTHON)
        return 77
    libdir = os.path.abspath(sys.argv[1])
    wanted = set(sys.argv[2:])
    passed = failed = 0
    for ident, vireo_only, expect in listing():
        if wanted and ident not in wanted:
            continue
        problem = check(ident, vireo_only, expect, libdir)
        note = ' (Vireo only: %s)' % vireo_only if vireo_only else ''
        print('%-4s example %s%s' % ('FAIL' if problem else 'ok', ident,
                                     note))
        if problem:
            print('     ' + problem.replace('\n', '\n     '))
            failed += 1
        else:
            passed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
