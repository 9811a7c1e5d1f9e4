#!/usr/bin/env python3
"""Validate every expected output under tests/xml against upstream's
RelaxNG schemas (Debian's libvirt0 package) with xmllint.

usage: check_schemas.py DATADIR SCHEMADIR XMLLINT
"""
import concurrent.futures
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


# libxml2's RelaxNG validator is exponential on some interleaves; a
# document it cannot decide in this time is reported, not passed.
TIMEOUT = 30


def validate(xmllint, schema, path):
    try:
        proc = subprocess.run([xmllint, '--noout', '--relaxng', schema, path],
                              capture_output=True, text=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return 'timeout', ''
    return ('ok' if proc.returncode == 0 else 'fail'), proc.stderr


def main():
    datadir, schemadir, xmllint = sys.argv[1:4]
    jobs = []
    failed = 0
    for kind in sorted(os.listdir(datadir)):
        outdir = os.path.join(datadir, kind, 'out')
        if not os.path.isdir(outdir):
            continue
        if kind not in SCHEMAS:
            print(f'FAIL {kind}: no schema known for this document type')
            failed += 1
            continue
        schema = os.path.join(schemadir, SCHEMAS[kind])
        jobs += [(schema, os.path.join(outdir, f))
                 for f in sorted(os.listdir(outdir)) if f.endswith('.xml')]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda j: validate(xmllint, *j), jobs))
    for (schema, path), (status, err) in zip(jobs, results):
        rel = os.path.relpath(path, datadir)
        if status == 'fail':
            failed += 1
            print(f'FAIL {rel} does not validate against '
                  f'{os.path.basename(schema)}:\n{err}')
        elif status == 'timeout':
            failed += 1
            print(f'FAIL {rel}: xmllint did not decide within {TIMEOUT}s '
                  '(split the document)')
    print(f'{len(jobs)} documents checked against upstream schemas, '
          f'{failed} failed')
    return 1 if failed or not jobs else 0


if __name__ == '__main__':
    sys.exit(main())
