#!/usr/bin/python3
"""Compare the dynamic exports of a Vireo library with upstream's.

usage: check_abi.py OURS UPSTREAM NSYMS NNODES

Both libraries are listed with `nm -D --defined-only --with-symbol-versions`.
The (symbol, version node) pairs must be identical, upstream's
LIBVIRT_PRIVATE_* nodes aside (they are upstream's internal interface
between its own libraries and daemons, not part of the public ABI), and
there must be NSYMS symbols in NNODES nodes.  Ours must export nothing
beyond that, except in its own LIBVIRT_PRIVATE_* node (src/libvirt_private.syms:
the internals libvirt-qemu.so and libvirt-lxc.so link against, as upstream
does), which is listed but not held against it.  The version nodes must also inherit from the same parents
(`readelf -V`), since a program linked against upstream records them.

Exits 77 (meson's "skipped") when upstream's library is not installed.
"""

import os
import re
import subprocess
import sys


def is_private(node):
    return node.startswith('LIBVIRT_PRIVATE') or node.startswith('LIBVIRT_ADMIN_PRIVATE')


def exports(path):
    """Return ({(symbol, node)}, {node}, [unversioned or odd lines])."""
    out = subprocess.run(['nm', '-D', '--defined-only', '--with-symbol-versions', path],
                         stdout=subprocess.PIPE, universal_newlines=True,
                         check=True).stdout
    syms, nodes, other = set(), set(), []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) != 3:
            other.append(line)
            continue
        _, kind, name = parts
        if kind == 'A':
            # The version node itself, listed as an absolute symbol.
            nodes.add(name)
            continue
        m = re.match(r'^(\w+)@@?(\S+)$', name)
        if not m:
            other.append(line)
            continue
        syms.add((m.group(1), m.group(2)))
    return syms, nodes, other


def parents(path):
    """Version node -> parent node, from readelf's .gnu.version_d dump."""
    out = subprocess.run(['readelf', '-V', '--wide', path],
                         stdout=subprocess.PIPE, universal_newlines=True,
                         check=True).stdout
    result, current = {}, None
    for line in out.splitlines():
        m = re.search(r'Flags: (\w+).*Name: (\S+)$', line)
        if m:
            current = None if m.group(1) == 'BASE' else m.group(2)
            if current:
                result[current] = None
            continue
        m = re.search(r'Parent 1: (\S+)$', line)
        if m and current:
            result[current] = m.group(1)
        if line.startswith('Version needs'):
            break
    return result


def main():
    ours, upstream, nsyms, nnodes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if not os.path.exists(upstream):
        print('SKIP: upstream library %s is not installed' % upstream)
        return 77

    osyms, onodes, oother = exports(ours)
    oprivate = sorted(s for s, n in osyms if is_private(n))
    osyms = {(s, n) for s, n in osyms if not is_private(n)}
    onodes = {n for n in onodes if not is_private(n)}
    usyms, unodes, _ = exports(upstream)
    usyms = {(s, n) for s, n in usyms if not is_private(n)}
    unodes = {n for n in unodes if not is_private(n)}
    ok = True

    for s, n in sorted(usyms - osyms):
        print('missing in ours: %s@%s' % (s, n))
    for s, n in sorted(osyms - usyms):
        print('extra in ours:   %s@%s' % (s, n))
    for n in sorted(unodes ^ onodes):
        print('version node %s: %s' % (n, 'missing in ours' if n in unodes else 'extra in ours'))
    for line in oother:
        print('unexpected export in ours: %s' % line.strip())
    if usyms != osyms or unodes != onodes or oother:
        ok = False

    if len(usyms) != nsyms or len(unodes) != nnodes:
        print('upstream has %d symbols in %d nodes, expected %d in %d'
              % (len(usyms), len(unodes), nsyms, nnodes))
        ok = False

    if oprivate:
        print('private (not public ABI): %d symbols: %s' % (len(oprivate), ' '.join(oprivate)))

    uparents = {n: p for n, p in parents(upstream).items() if not is_private(n)}
    oparents = {n: p for n, p in parents(ours).items() if not is_private(n)}
    for n in sorted(set(uparents) & set(oparents)):
        if uparents[n] != oparents[n]:
            print('version node %s inherits from %s in ours, %s upstream'
                  % (n, oparents[n], uparents[n]))
            ok = False

    print('%s: %d symbols in %d version nodes%s'
          % (os.path.basename(ours), len(osyms), len(onodes),
             ', identical to upstream' if ok else ''))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
