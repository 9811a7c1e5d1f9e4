#!/usr/bin/env python3
"""Validate every expected output under tests/xml against upstream's
RelaxNG schemas (Debian's libvirt0 package) with xmllint.

usage: check_schemas.py DATADIR SCHEMADIR XMLLINT
"""
import os
import subprocess
import sys

# Directory under tests/xml -> schema file.
SCHEMAS = {
    'domain': 'domain.rng',
    'network': 'network.rng',
    'networkport': 'networkport.rng',
    'storagepool': 'storagepool.rng',
    'storagevol': 'storagevol.rng',
    'interface': 'interface.rng',
    'nodedev': 'nodedev.rng',
    'secret': 'secret.rng',
    'nwfilter': 'nwfilter.rng',
    'nwfilterbinding': 'nwfilterbinding.rng',
    'snapshot': 'domainsnapshot.rng',
    'checkpoint': 'domaincheckpoint.rng',
    'capabilities': 'capability.rng',
    'domaincaps': 'domaincaps.rng',
    'storagepoolcaps': 'storagepoolcaps.rng',
}


def main():
    datadir, schemadir, xmllint = sys.argv[1:4]
    checked = failed = 0
    for kind in sorted(os.listdir(datadir)):
        outdir = os.path.join(datadir, kind, 'out')
        if not os.path.isdir(outdir):
            continue
        if kind not in SCHEMAS:
            print(f'FAIL {kind}: no schema known for this document type')
            failed += 1
            continue
        files = sorted(os.path.join(outdir, f) for f in os.listdir(outdir)
                       if f.endswith('.xml'))
        if not files:
            continue
        schema = os.path.join(schemadir, SCHEMAS[kind])
        proc = subprocess.run([xmllint, '--noout', '--relaxng', schema]
                              + files, capture_output=True, text=True)
        for line in proc.stderr.splitlines():
            if line.endswith(' validates'):
                checked += 1
            elif 'fails to validate' in line:
                checked += 1
                failed += 1
                print('FAIL', line)
            elif line.strip():
                print('  ', line)
    print(f'{checked} documents checked against upstream schemas, '
          f'{failed} failed')
    return 1 if failed or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
