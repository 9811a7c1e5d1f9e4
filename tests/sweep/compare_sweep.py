#!/usr/bin/python3
"""Compare the NULL / invalid-object sweep on Vireo and on upstream.

usage: compare_sweep.py [--strict] OURS UPSTREAM

Both programs are built from the same generated file (gen_sweep.py), one
linked with Vireo, one with the system's libvirt.  Every call's return
value, error code and error domain must be the same.  Where upstream
crashes there is nothing to match, so the call is only listed; differing
messages are listed as notes (with --strict they differ too: api_args.c's
calls must give upstream's very words).
"""

import re
import os
import subprocess
import sys

LINE_RE = re.compile(r'^(\w+\(\w+\)) (?:ret=(\S+) code=(-?\d+) domain=(-?\d+) \S+ \| (.*)'
                     r'|CRASH signal (\d+) \S+)$')


def run(prog, upstream=False):
    env = dict(os.environ)
    if upstream:
        # meson points LD_LIBRARY_PATH at Vireo's build: the upstream build
        # must load the system's library.
        env.pop('LD_LIBRARY_PATH', None)
    out = subprocess.run([prog], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         universal_newlines=True, env=env).stdout
    result = {}
    for line in out.splitlines():
        m = LINE_RE.match(line)
        if not m:
            continue
        if m.group(6):
            result[m.group(1)] = ('CRASH', m.group(6))
        else:
            result[m.group(1)] = ((m.group(2), m.group(3), m.group(4)), m.group(5))
    return result


def main():
    args = sys.argv[1:]
    strict = args[0] == '--strict'
    if strict:
        args = args[1:]
    ours, upstream = run(args[0]), run(args[1], upstream=True)
    if not upstream:
        print('FAIL: the upstream sweep printed nothing')
        return 1
    diffs = notes = 0
    for call in sorted(set(ours) | set(upstream)):
        o, u = ours.get(call), upstream.get(call)
        if o is None or u is None:
            print('DIFF %s: only in %s' % (call, 'upstream' if o is None else 'ours'))
            diffs += 1
        elif u[0] == 'CRASH':
            print('note %s: upstream crashes (signal %s); ours %s'
                  % (call, u[1], 'crashes too' if o[0] == 'CRASH' else
                     'ret=%s code=%s domain=%s' % o[0]))
        elif o[0] == 'CRASH':
            print('DIFF %s: ours crashes (signal %s); upstream ret=%s code=%s domain=%s'
                  % ((call, o[1]) + u[0]))
            diffs += 1
        elif o[0] != u[0]:
            print('DIFF %s: ours ret=%s code=%s domain=%s, upstream ret=%s code=%s domain=%s'
                  % ((call,) + o[0] + u[0]))
            diffs += 1
        elif o[1] != u[1]:
            print('%s %s: message "%s", upstream "%s"'
                  % ('DIFF' if strict else 'note', call, o[1], u[1]))
            if strict:
                diffs += 1
            else:
                notes += 1
    print('%d calls compared: %d differ in (return, code, domain), %d only in message'
          % (len(upstream), diffs, notes))
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
