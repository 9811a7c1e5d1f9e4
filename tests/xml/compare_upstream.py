#!/usr/bin/python3
"""Compare Vireo's formatting with upstream's, document by document.

Each input under tests/xml/<type>/in is defined on upstream's test driver
(Debian's libvirt0 through python3-libvirt) and its XML read back; the
result must equal our expected output out/<name>.xml once whitespace
between elements is ignored.  Each err/<name>.xml must be rejected by
upstream too, with the same error code as ours.  Known differences are
listed in <type>/upstream-differs.txt as "name: reason"; they are reported
but do not fail (and a reason starting "not run on upstream" keeps the
input away from upstream altogether).

usage: compare_upstream.py DATADIR
"""
import os
import re
import subprocess
import sys

try:
    import libvirt
except ImportError:
    print('SKIP: python3-libvirt is not installed')
    sys.exit(77)


def normalise(xml):
    xml = re.sub(r'<!--.*?-->', '', xml, flags=re.S)
    return re.sub(r'>\s+<', '><', xml.strip())


def flags_of(xml):
    m = re.match(r'<!-- test:(.*?)-->', xml)
    words = set(re.split(r'[\s,=]+', m.group(1))) if m else set()
    return words


def domain_round_trip(conn, xml, words):
    flags = 0
    if 'inactive' in words:
        flags |= libvirt.VIR_DOMAIN_XML_INACTIVE
    if 'secure' in words:
        flags |= libvirt.VIR_DOMAIN_XML_SECURE
    if 'migratable' in words:
        flags |= libvirt.VIR_DOMAIN_XML_MIGRATABLE
    dflags = libvirt.VIR_DOMAIN_DEFINE_VALIDATE if 'validate' in words else 0
    dom = conn.defineXMLFlags(xml, dflags)
    try:
        return dom.XMLDesc(flags)
    finally:
        dom.undefine()


def network_round_trip(conn, xml, words):
    flags = libvirt.VIR_NETWORK_DEFINE_VALIDATE if 'validate' in words else 0
    net = conn.networkDefineXMLFlags(xml, flags)
    try:
        return net.XMLDesc(0)
    finally:
        net.undefine()


def pool_round_trip(conn, xml, words):
    flags = libvirt.VIR_STORAGE_POOL_DEFINE_VALIDATE if 'validate' in words \
        else 0
    pool = conn.storagePoolDefineXML(xml, flags)
    try:
        return pool.XMLDesc(0)
    finally:
        pool.undefine()


def vol_round_trip(conn, xml, words):
    # volumes go to the test driver's own dir pool, which sets the
    # target path and key; our storagevol adapter mimics that pool
    pool = conn.storagePoolLookupByName('default-pool')
    flags = libvirt.VIR_STORAGE_VOL_CREATE_VALIDATE if 'validate' in words \
        else 0
    vol = pool.createXML(xml, flags)
    try:
        return vol.XMLDesc(0)
    finally:
        vol.delete(0)


def interface_round_trip(conn, xml, words):
    flags = libvirt.VIR_INTERFACE_DEFINE_VALIDATE if 'validate' in words \
        else 0
    iface = conn.interfaceDefineXML(xml, flags)
    try:
        return iface.XMLDesc(0)  # the test driver rejects any flag here
    finally:
        iface.undefine()


ROUND_TRIPS = {
    'domain': domain_round_trip,
    'network': network_round_trip,
    'storagepool': pool_round_trip,
    'storagevol': vol_round_trip,
    'interface': interface_round_trip,
}


# A known difference whose reason starts so is not tried on upstream at
# all (an input that would exhaust its memory).
NOT_RUN = 'not run on upstream'


def known_differences(path):
    known = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line and not line.startswith('#'):
                name, _, reason = line.partition(':')
                known[name.strip()] = reason.strip()
    return known


def compare_kind(datadir, kind):
    """Compares one document type; prints its findings and, last, the
    line "COUNTS same known differ"."""
    round_trip = ROUND_TRIPS[kind]
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open('test:///default')
    same = differ = known_count = 0
    base = os.path.join(datadir, kind)
    known = known_differences(os.path.join(base, 'upstream-differs.txt'))
    indir = os.path.join(base, 'in')
    for f in sorted(os.listdir(indir)) if os.path.isdir(indir) else []:
        if not f.endswith('.xml'):
            continue
        name = f[:-4]
        xml = open(os.path.join(indir, f)).read()
        ours = open(os.path.join(base, 'out', f)).read()
        try:
            theirs = round_trip(conn, xml, flags_of(xml))
        except libvirt.libvirtError as e:
            theirs = f'upstream error: {e}'
        if normalise(theirs) == normalise(ours):
            same += 1
            if name in known:
                print(f'NOTE {kind}/{name}: listed as differing but '
                      'now matches upstream')
            continue
        if name in known:
            known_count += 1
            print(f'KNOWN {kind}/{name}: {known[name]}')
            continue
        differ += 1
        print(f'FAIL {kind}/{name} differs from upstream:\n'
              f'--- upstream\n{theirs}\n--- vireo\n{ours}')
    errdir = os.path.join(base, 'err')
    for f in sorted(os.listdir(errdir)) if os.path.isdir(errdir) else []:
        if not f.endswith('.xml'):
            continue
        name = f[:-4]
        xml = open(os.path.join(errdir, f)).read()
        ours = open(os.path.join(errdir, name + '.err')).read()
        our_code = int(ours.split()[0])
        if known.get(name, '').startswith(NOT_RUN):
            known_count += 1
            print(f'KNOWN err {kind}/{name}: {known[name]}')
            continue
        try:
            round_trip(conn, xml, flags_of(xml))
            theirs = None
        except libvirt.libvirtError as e:
            theirs = e.get_error_code()
        if theirs == our_code:
            same += 1
        elif name in known:
            known_count += 1
            print(f'KNOWN err {kind}/{name}: {known[name]}')
        else:
            differ += 1
            print(f'FAIL err {kind}/{name}: upstream code {theirs}, '
                  f'ours {ours.strip()}')
    print(f'COUNTS {same} {known_count} {differ}')
    return 0


def main():
    """Each document type runs in a child process: upstream 9.0's library
    occasionally corrupts the interpreter's memory on some inputs (seen as
    a crash far from libvirt), so a child that dies without its counts is
    run once more before it counts as a failure."""
    if len(sys.argv) > 3 and sys.argv[2] == '--kind':
        return compare_kind(sys.argv[1], sys.argv[3])
    datadir = sys.argv[1]
    totals = [0, 0, 0]
    crashed = 0
    for kind in sorted(ROUND_TRIPS):
        for attempt in (1, 2):
            proc = subprocess.run([sys.executable, os.path.abspath(__file__),
                                   datadir, '--kind', kind],
                                  capture_output=True, text=True)
            lines = proc.stdout.splitlines()
            if lines and lines[-1].startswith('COUNTS '):
                break
            print(f'NOTE {kind}: upstream run died (exit {proc.returncode})'
                  f'{", retrying" if attempt == 1 else ""}:\n'
                  + proc.stderr[-600:])
        else:
            crashed += 1
            continue
        print('\n'.join(lines[:-1]))
        for i, n in enumerate(lines[-1].split()[1:]):
            totals[i] += int(n)
    print(f'{totals[0]} documents as upstream, {totals[1]} known differences, '
          f'{totals[2]} unexpected differences'
          + (f', {crashed} document types not compared' if crashed else ''))
    return 1 if totals[2] or crashed else 0


if __name__ == '__main__':
    sys.exit(main())
