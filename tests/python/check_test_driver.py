#!/usr/bin/python3
"""The test driver's domains, side by side with upstream's.

usage: check_test_driver.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default through
Debian's python3-libvirt: lookups, the lifecycle with its state checks and
errors, definitions, lists and lifecycle events.  It runs once on the
system's libvirt.so.0 and once on Vireo's (LD_LIBRARY_PATH); every step's
answer, error code, error domain and message must be the same.  Values
that depend on the clock or on random UUIDs are reduced before comparing.
"""

import json
import os
import subprocess
import sys

PYTHON = '/usr/bin/python3'
VM2 = """<domain type='test'>
  <name>vm2</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
  <on_poweroff>destroy</on_poweroff>
</domain>"""
TRANSIENT = VM2.replace('vm2', 'tr').replace('4dea22b3', '5dea22b3')


class Recorder:
    """What every scenario's probe shares: libvirt's default error output
    silenced, the default event loop registered, and each step's answer
    (or its error code, domain and message) recorded under a name."""

    def __init__(self, libvirt, events=True):
        self.libvirt = libvirt
        self.steps = []
        libvirt.registerErrorHandler(lambda ctx, err: None, None)
        if events:
            libvirt.virEventRegisterDefaultImpl()

    def step(self, name, func):
        try:
            value = func()
        except self.libvirt.libvirtError as e:
            value = ['error', e.get_error_code(), e.get_error_domain(),
                     e.get_error_message()]
        self.steps.append([name, value])

    def code_only(self, func):
        """Upstream validates against its RelaxNG schema, Vireo checks
        that every element was read: the same code, other words."""
        try:
            return func()
        except self.libvirt.libvirtError as e:
            return ['error', e.get_error_code()]

    def pump(self):
        for _ in range(3):
            self.libvirt.virEventRunDefaultImpl()


def probe():
    import libvirt

    rec = Recorder(libvirt)
    steps, step = rec.steps, rec.step

    events = []

    def on_any(conn, dom, event, detail, opaque):
        events.append(['any', dom.name(), event, detail])

    def on_legacy(conn, dom, event, detail, opaque):
        events.append(['legacy', dom.name(), event, detail])

    pump = rec.pump

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    cb = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                     on_any, None)
    conn.domainEventRegister(on_legacy, None)
    step('register twice', lambda: conn.domainEventRegister(on_legacy, None))

    dom = conn.lookupByName('test')
    info = dom.info()
    step('info', lambda: info[:4] + [info[4] > 0])
    step('state', dom.state)
    step('ID', dom.ID)
    step('UUIDString', dom.UUIDString)
    step('isActive', dom.isActive)
    step('isPersistent', dom.isPersistent)
    step('isUpdated', dom.isUpdated)
    step('autostart', dom.autostart)
    step('OSType', dom.OSType)
    step('maxMemory', dom.maxMemory)
    step('XMLDesc', lambda: dom.XMLDesc(0))
    step('lookupByName missing', lambda: conn.lookupByName('nope'))
    step('lookupByID missing', lambda: conn.lookupByID(99))
    step('lookupByUUIDString missing', lambda: conn.lookupByUUIDString(
        '11111111-2222-3333-4444-555555555555'))
    step('lookupByID 1', lambda: conn.lookupByID(1).name())
    step('create running', dom.create)
    step('resume running', dom.resume)
    step('suspend', dom.suspend)
    step('suspend paused', dom.suspend)
    step('state paused', dom.state)
    step('resume', dom.resume)
    step('destroy', dom.destroy)
    step('state off', dom.state)
    step('ID off', dom.ID)
    step('destroy off', dom.destroy)
    step('suspend off', dom.suspend)
    step('shutdown off', dom.shutdown)
    step('reboot off', lambda: dom.reboot(0))
    step('resume off', dom.resume)
    step('create', dom.create)
    step('ID restarted', dom.ID)
    step('reboot', lambda: dom.reboot(0))
    step('state rebooted', dom.state)
    step('shutdown', dom.shutdown)
    step('state shut down', dom.state)
    step('setAutostart', lambda: dom.setAutostart(1))
    step('autostart set', dom.autostart)
    pump()

    step('define duplicate name', lambda: conn.defineXML(
        VM2.replace('vm2', 'test')))
    step('define vm2', lambda: conn.defineXML(VM2).name())
    step('redefine vm2', lambda: conn.defineXML(VM2).name())
    vm2 = conn.lookupByName('vm2')
    step('vm2 XMLDesc', lambda: vm2.XMLDesc(0))
    step('vm2 info', lambda: vm2.info()[:4])
    step('createXML', lambda: conn.createXML(TRANSIENT, 0).ID())
    tr = conn.lookupByName('tr')
    step('tr isPersistent', tr.isPersistent)
    step('tr XMLDesc', lambda: tr.XMLDesc(0))
    step('createXML again', lambda: conn.createXML(TRANSIENT, 0))
    step('numOfDomains', conn.numOfDomains)
    step('listDomainsID', conn.listDomainsID)
    step('numOfDefinedDomains', conn.numOfDefinedDomains)
    step('listDefinedDomains', lambda: sorted(conn.listDefinedDomains()))
    for name, flags in [
            ('all', 0),
            ('active', libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE),
            ('inactive', libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE),
            ('transient', libvirt.VIR_CONNECT_LIST_DOMAINS_TRANSIENT),
            ('persistent+running', libvirt.VIR_CONNECT_LIST_DOMAINS_PERSISTENT
             | libvirt.VIR_CONNECT_LIST_DOMAINS_RUNNING),
            ('shutoff', libvirt.VIR_CONNECT_LIST_DOMAINS_SHUTOFF),
            ('autostart', libvirt.VIR_CONNECT_LIST_DOMAINS_AUTOSTART),
            ('no-snapshot', libvirt.VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT)]:
        step('listAllDomains ' + name, lambda f=flags: sorted(
            d.name() for d in conn.listAllDomains(f)))
    step('listAllDomains bad flag', lambda: conn.listAllDomains(1 << 30))
    step('tr destroy', tr.destroy)
    step('tr gone', lambda: conn.lookupByName('tr'))
    step('tr info', tr.info)
    step('vm2 create', vm2.create)
    step('vm2 undefine running', vm2.undefine)
    step('vm2 isPersistent', vm2.isPersistent)
    step('vm2 destroy', vm2.destroy)
    step('vm2 gone', lambda: conn.lookupByName('vm2'))

    conn2 = libvirt.open('test:///default')
    step('second connection sees state', lambda: sorted(
        d.name() for d in conn2.listAllDomains(0)))
    conn2.close()

    M = libvirt
    step('metadata missing', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_DESCRIPTION, None))
    step('metadata element missing', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, 'http://x/'))
    step('set description', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_DESCRIPTION, 'hello', None, None))
    step('get description', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_DESCRIPTION, None))
    step('title newline', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_TITLE, 'a\nb', None, None))
    step('set element', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, '<foo a="1"><bar/></foo>', 'app',
        'http://x/'))
    step('get element', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, 'http://x/'))
    step('element no key', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, '<foo2/>', None, 'http://x/'))
    step('element malformed', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, '<foo2', 'app', 'http://x/'))
    step('get uri NULL', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, None))
    step('set config', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_TITLE, 'cfg', None, None,
        M.VIR_DOMAIN_AFFECT_CONFIG))
    step('get config', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_TITLE, None, M.VIR_DOMAIN_AFFECT_CONFIG))
    step('get live+config', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_TITLE, None, 3))
    step('XML with metadata', lambda: dom.XMLDesc(0))
    step('remove element', lambda: dom.setMetadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, None, 'app', 'http://x/'))
    step('element gone', lambda: dom.metadata(
        M.VIR_DOMAIN_METADATA_ELEMENT, 'http://x/'))
    step('bad type', lambda: dom.setMetadata(7, None, 'app', 'http://x/'))

    here = os.path.dirname(os.path.abspath(__file__))
    node = libvirt.open('test://' + os.path.join(here, 'node-domains.xml'))
    step('node getInfo', node.getInfo)
    step('node domains', lambda: sorted(
        (d.name(), d.ID(), d.state()) for d in node.listAllDomains(0)))
    step('node inline XMLDesc',
         lambda: node.lookupByName('inline-guest').XMLDesc(0))
    step('node file XMLDesc',
         lambda: node.lookupByName('file-guest').XMLDesc(0))
    step('node own state', lambda: sorted(
        d.name() for d in conn.listAllDomains(0)))
    node.close()
    step('node missing file', lambda: libvirt.open(
        'test://' + os.path.join(here, 'no-such-node.xml')))
    step('node bad domain', lambda: libvirt.open(
        'test://' + os.path.join(here, 'node-bad-domain.xml')))

    pump()
    step('deregister', lambda: conn.domainEventDeregisterAny(cb))
    step('deregister again', lambda: conn.domainEventDeregisterAny(cb))
    conn.domainEventDeregister(on_legacy)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    print(json.dumps(steps))
    return 0


def more_precise_error(theirs, mine):
    """The same error code and domain, with upstream's message contained
    in ours (we add the file and element, or the reason)."""
    return (isinstance(theirs, list) and isinstance(mine, list)
            and len(theirs) == 4 and len(mine) == 4
            and theirs[0] == mine[0] == 'error' and theirs[1:3] == mine[1:3]
            and (theirs[3] in mine[3]
                 or mine[3].startswith(theirs[3].rstrip("'"))))


def run(libdir):
    env = dict(os.environ)
    env.pop('LD_LIBRARY_PATH', None)
    env.pop('LIBVIRT_DEFAULT_URI', None)
    if libdir:
        env['LD_LIBRARY_PATH'] = libdir
    res = subprocess.run([PYTHON, os.path.abspath(__file__), '--probe'],
                         capture_output=True, text=True, env=env)
    if res.returncode != 0:
        return None, res.stderr
    return json.loads(res.stdout.splitlines()[-1]), res.stderr


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--probe':
        return probe()
    if subprocess.run([PYTHON, '-c', 'import libvirt'],
                      stderr=subprocess.DEVNULL).returncode != 0:
        print('SKIP: python3-libvirt is not installed for %s' % PYTHON)
        return 77
    upstream, uerr = run(None)
    ours, oerr = run(os.path.abspath(sys.argv[1]))
    if upstream is None:
        print('FAIL: the scenario did not run on upstream:\n' + uerr)
        return 1
    if ours is None:
        print('FAIL: the scenario did not run on Vireo:\n' + oerr)
        return 1
    failed = 0
    for (name, theirs), (oname, mine) in zip(upstream, ours):
        same = name == oname and (theirs == mine
                                  or more_precise_error(theirs, mine))
        print('%-4s %-30s %s' % ('ok' if same else 'FAIL', name,
                                 json.dumps(mine)[:200]))
        if not same:
            failed += 1
            print('     %-30s upstream %s' % ('', json.dumps(theirs)))
    if len(upstream) != len(ours):
        print('FAIL: %d steps upstream, %d on Vireo' % (len(upstream),
                                                         len(ours)))
        failed += 1
    print('%d steps, %d differ from upstream' % (len(upstream), failed))
    return 1 if failed else 0


def run_on_vireo(script, option, libdir):
    """Runs the part of script selected by option on Vireo's library
    alone: the assertions on what upstream's test driver cannot do."""
    env = dict(os.environ)
    env.pop('LIBVIRT_DEFAULT_URI', None)
    env['LD_LIBRARY_PATH'] = os.path.abspath(libdir)
    return subprocess.run([PYTHON, script, option], env=env,
                          timeout=600).returncode


def dispatch(script, probe=None, vireo=None, option='--vireo'):
    """The command line every scenario file shares.  --probe runs its
    probe, option its Vireo-only part; with BUILDDIR/src the probe's
    answers are compared with upstream's (when it has a probe), then the
    Vireo-only part runs on Vireo."""
    global __file__
    args = sys.argv[1:]
    if args[:1] == ['--probe']:
        return probe()
    if args[:1] == [option]:
        return vireo()
    if subprocess.run([PYTHON, '-c', 'import libvirt'],
                      stderr=subprocess.DEVNULL).returncode != 0:
        print('SKIP: python3-libvirt is not installed for %s' % PYTHON)
        return 77
    if len(args) != 1:
        print('usage: %s BUILDDIR/src' % os.path.basename(script))
        return 2
    if probe:
        __file__ = script
        rc = main()
        if rc != 0:
            return rc
    if vireo:
        print('-- %s (Vireo only)' % option.lstrip('-'))
        return run_on_vireo(script, option, args[0])
    return 0


if __name__ == '__main__':
    sys.exit(main())
