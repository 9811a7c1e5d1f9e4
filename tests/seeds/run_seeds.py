#!/usr/bin/python3
"""Build and run the seed document's C examples 3.1-3.5 against Vireo.

usage: run_seeds.py BUILDDIR SEEDSDIR

Each example-3.N.c is compiled the way its own comment says, with
`gcc ex.c $(pkg-config --cflags --libs libvirt)` and PKG_CONFIG_PATH set to
meson's uninstalled .pc files, then run with LD_LIBRARY_PATH=BUILDDIR/src.
The examples hard-code qemu:///system and qemu+tcp://localhost/system;
seed-uri.h (forced in with -include) swaps in a test-driver URI instead:
test:///default, or for the two virConnectOpenAuth examples a test host
(auth-node.xml) that asks for a user name and password, which are fed to
the example's prompts through a pipe.  A wrong password must make the auth
examples fail.  When the system's libvirt is installed, every example is
also built and run against it, and must behave the same.
"""

import os
import shutil
import subprocess
import sys
import tempfile

PROMPTS = "Enter username for localhost: Enter virt's password for localhost: "

# example -> (uses the auth host, stdin, expected exit status, expected stdout)
CASES = [
    ('3.1', False, '', 0, ''),
    ('3.2', False, '', 0, ''),
    ('3.3', True, 'virt\nvireo-secret\n', 0, PROMPTS),
    ('3.3', True, 'virt\nwrong\n', 1, PROMPTS),
    ('3.4', True, 'virt\nvireo-secret\n', 0, PROMPTS),
    ('3.4', True, 'virt\nwrong\n', 1, PROMPTS),
    ('3.5', False, '', 0, ''),
]


def build(seeds, num, uri, outdir, flags, tag):
    exe = os.path.join(outdir, 'ex%s-%s-%s' % (num, tag, 'auth' if 'xml' in uri else 'default'))
    if os.path.exists(exe):
        return exe, ''
    cmd = ['gcc', os.path.join(seeds, 'example-%s.c' % num), '-o', exe,
           '-include', os.path.join(seeds, 'seed-uri.h'),
           '-DSEED_URI="%s"' % uri] + flags
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    if res.returncode != 0:
        return None, ' '.join(cmd) + '\n' + res.stdout
    return exe, ''


def loads_from(exe, env):
    """Directory the program's libvirt.so.0 is loaded from (ldd)."""
    res = subprocess.run(['ldd', exe], stdout=subprocess.PIPE,
                         universal_newlines=True, env=env)
    for line in res.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == 'libvirt.so.0' and len(parts) > 2:
            return os.path.dirname(os.path.realpath(parts[2]))
    return None


def pkg_flags(env):
    res = subprocess.run(['pkg-config', '--cflags', '--libs', 'libvirt'],
                         stdout=subprocess.PIPE, universal_newlines=True, env=env)
    if res.returncode != 0:
        return None
    return res.stdout.split()


def run_all(label, seeds, flags, env, outdir, libdir=None):
    ok = True
    auth_uri = 'test://' + os.path.join(seeds, 'auth-node.xml')
    for num, auth, stdin, status, stdout in CASES:
        uri = auth_uri if auth else 'test:///default'
        exe, err = build(seeds, num, uri, outdir, flags, label)
        if exe is None:
            print('FAIL %s example %s: does not compile:\n%s' % (label, num, err))
            ok = False
            continue
        if libdir and loads_from(exe, env) != libdir:
            print('FAIL %s example %s: loads libvirt.so.0 from %s, not %s'
                  % (label, num, loads_from(exe, env), libdir))
            ok = False
            continue
        res = subprocess.run([exe], input=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, universal_newlines=True, env=env)
        good = res.returncode == status and res.stdout == stdout
        print('%s %s example %s on %s%s: exit %d' % (
            'ok  ' if good else 'FAIL', label, num, uri,
            ' (password %s)' % stdin.split('\n')[1] if auth else '', res.returncode))
        if not good:
            print('    expected exit %d, stdout %r\n    got stdout %r\n    stderr %r'
                  % (status, stdout, res.stdout, res.stderr))
            ok = False
    return ok


def main():
    builddir, seeds = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    outdir = tempfile.mkdtemp(prefix='vireo-seeds-')
    try:
        env = dict(os.environ)
        env.pop('LIBVIRT_DEFAULT_URI', None)
        env['PKG_CONFIG_PATH'] = os.path.join(builddir, 'meson-uninstalled')
        flags = pkg_flags(env)
        if flags is None:
            print('FAIL: pkg-config cannot find libvirt in %s' % env['PKG_CONFIG_PATH'])
            return 1
        libdir = os.path.join(builddir, 'src')
        env['LD_LIBRARY_PATH'] = libdir
        if not os.path.exists(os.path.join(libdir, 'libvirt.so')):
            print('FAIL: %s/libvirt.so is not built' % libdir)
            return 1
        ok = run_all('vireo', seeds, flags, env, outdir, os.path.realpath(libdir))

        # The same programs on upstream's library show the expectations
        # above are upstream's behaviour, not just ours.
        sysenv = dict(os.environ)
        for var in ('LIBVIRT_DEFAULT_URI', 'LD_LIBRARY_PATH', 'PKG_CONFIG_PATH'):
            sysenv.pop(var, None)
        sysflags = pkg_flags(sysenv)
        if sysflags is not None and os.path.exists('/usr/include/libvirt/libvirt.h'):
            ok = run_all('upstream', seeds, sysflags, sysenv, outdir) and ok
        else:
            print('note: system libvirt not installed, upstream run skipped')
        return 0 if ok else 1
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
