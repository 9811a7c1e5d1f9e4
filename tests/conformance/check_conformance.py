#!/usr/bin/python3
"""Run the generated API conformance program and check what it reports.

usage: check_conformance.py OURS [UPSTREAM]

OURS is the program built against Vireo's headers and libraries; it must
report upstream's counts.  UPSTREAM, when given, is the same program built
against the system's libvirt headers; the struct layouts (sizes and member
offsets) both print must then be identical.
"""

import os
import subprocess
import sys

EXPECTED = [
    'libvirt: 516 functions, 1029 enum values, 47 structs, 268 macros checked',
    'libvirt-qemu: 6 functions, 9 enum values, 0 structs, 0 macros checked',
    'libvirt-lxc: 4 functions, 0 enum values, 0 structs, 0 macros checked',
    'libvirt-admin: 32 functions, 4 enum values, 3 structs, 20 macros checked',
]


def run(prog, upstream=False):
    env = dict(os.environ)
    if upstream:
        # meson points LD_LIBRARY_PATH at Vireo's build: the upstream build
        # must load the system's library.
        env.pop('LD_LIBRARY_PATH', None)
    res = subprocess.run([prog, '--layout'], stdout=subprocess.PIPE,
                         universal_newlines=True, env=env)
    lines = res.stdout.splitlines()
    return res.returncode, lines[:len(EXPECTED)], lines[len(EXPECTED):]


def main():
    ok = True
    rc, counts, layout = run(sys.argv[1])
    print('\n'.join(counts))
    if rc != 0 or counts != EXPECTED:
        print('FAIL: %s exited %d; expected counts:\n%s'
              % (sys.argv[1], rc, '\n'.join(EXPECTED)))
        ok = False
    if len(sys.argv) > 2:
        urc, _, ulayout = run(sys.argv[2], upstream=True)
        if urc != 0:
            print('FAIL: the upstream build exited %d' % urc)
            ok = False
        diffs = [(a, b) for a, b in zip(layout, ulayout) if a != b]
        if len(layout) != len(ulayout):
            diffs.append(('%d layout lines' % len(layout),
                          '%d layout lines' % len(ulayout)))
        for ours, theirs in diffs:
            print('layout differs: ours "%s", upstream "%s"' % (ours, theirs))
        if diffs:
            ok = False
        else:
            print('struct layout identical to upstream (%d lines)' % len(layout))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
