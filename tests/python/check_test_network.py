#!/usr/bin/python3
"""The test driver's networks, side by side with upstream's.

usage: check_test_network.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default's networks
through Debian's python3-libvirt: the default network, lookups, the
lifecycle with upstream's state checks and conflicts, lists with filters,
autostart, network events and a node file with networks (inline and
file=).  It runs on the system's libvirt.so.0 and on Vireo's; the
comparison machinery is check_test_driver.py's.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

NET = """<network>
  <name>n2</name>
  <uuid>1b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='nat'/>
  <bridge name='virbr7' stp='on' delay='0'/>
  <mac address='52:54:00:0a:0b:0c'/>
  <ip address='10.7.0.1' netmask='255.255.255.0'>
    <dhcp><range start='10.7.0.10' end='10.7.0.20'/></dhcp>
  </ip>
</network>"""
NOBRIDGE = """<network>
  <name>iso</name>
  <uuid>2b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
</network>"""
TRANSIENT = NET.replace('>n2<', '>tn<').replace('1b3c1b4e', '3b3c1b4e')
NAME_CLASH = NET.replace('1b3c1b4e', '4b3c1b4e')
UUID_CLASH = NET.replace('>n2<', '>n9<')
NET_V2 = NET.replace('10.7.0.20', '10.7.0.30')
BAD = "<network><name>bad</name><bogus/></network>"
NODE = """<node>
  <network>
    <name>nodenet</name>
    <uuid>5b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
    <bridge name='virbr9'/>
  </network>
  <network file='net-file.xml'/>
</node>"""
NODE_FILE_NET = """<network>
  <name>filenet</name>
  <uuid>6b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <bridge name='virbr10'/>
  <forward mode='route'/>
  <ip address='10.10.0.1' prefix='24'/>
</network>"""


def probe():
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    code_only = rec.code_only

    events = []

    def on_event(conn, net, event, detail, opaque):
        events.append([opaque, net.name(), event, detail])

    pump = rec.pump

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    cb1 = conn.networkEventRegisterAny(
        None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, on_event, 'all')

    def state(name):
        net = conn.networkLookupByName(name)
        return [net.name(), net.UUIDString(), net.isActive(),
                net.isPersistent(), net.autostart(), net.XMLDesc(0)]

    def lists():
        res = [conn.numOfNetworks(), sorted(conn.listNetworks()),
               conn.numOfDefinedNetworks(),
               sorted(conn.listDefinedNetworks())]
        for flags in (0, libvirt.VIR_CONNECT_LIST_NETWORKS_ACTIVE,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_PERSISTENT,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_TRANSIENT,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_AUTOSTART,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                      libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE,
                      libvirt.VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                      libvirt.VIR_CONNECT_LIST_NETWORKS_TRANSIENT):
            res.append(sorted(n.name() for n in conn.listAllNetworks(flags)))
        return res

    step('default', lambda: state('default'))
    dflt = conn.networkLookupByName('default')
    step('bridgeName', dflt.bridgeName)
    step('lookupByUUIDString', lambda: conn.networkLookupByUUIDString(
        'dd8fe884-6c02-601e-7551-cca97df1c5df').name())
    step('lookupByName missing', lambda: conn.networkLookupByName('nope'))
    step('lookupByUUID missing', lambda: conn.networkLookupByUUIDString(
        'dd8fe884-6c02-601e-7551-cca97df1c5d0'))
    step('XMLDesc inactive', lambda: dflt.XMLDesc(
        libvirt.VIR_NETWORK_XML_INACTIVE))
    step('lists initial', lists)
    step('listAll bad flag', lambda: conn.listAllNetworks(1 << 20))

    step('define', lambda: conn.networkDefineXML(NET).name())
    step('define state', lambda: state('n2'))
    step('define again', lambda: conn.networkDefineXML(NET).name())
    step('define name clash', lambda: conn.networkDefineXML(NAME_CLASH))
    step('define uuid clash', lambda: conn.networkDefineXML(UUID_CLASH))
    step('define bad', lambda: conn.networkDefineXML(BAD).name())
    step('define bad validate', lambda: code_only(
        lambda: conn.networkDefineXMLFlags(
            BAD, libvirt.VIR_NETWORK_DEFINE_VALIDATE)))
    step('define bad flag', lambda: conn.networkDefineXMLFlags(NET, 1 << 8))
    step('lists defined', lists)
    n2 = conn.networkLookupByName('n2')
    step('undefine bad', lambda: conn.networkLookupByName('bad').undefine())
    step('create', n2.create)
    step('create again', n2.create)
    step('create state', lambda: state('n2'))
    step('undefine running', n2.undefine)
    step('redefine running', lambda: conn.networkDefineXML(NET_V2).name())
    step('redefined state', lambda: state('n2'))
    step('createXML running', lambda: conn.networkCreateXML(NET))
    step('autostart on', lambda: n2.setAutostart(1))
    step('autostart', n2.autostart)
    step('lists running', lists)
    step('destroy', n2.destroy)
    step('destroyed state', lambda: state('n2'))
    step('destroy again', n2.destroy)
    step('autostart off', lambda: n2.setAutostart(0))
    step('undefine', n2.undefine)
    step('undefined lookup', lambda: conn.networkLookupByName('n2'))
    step('undefine again', n2.undefine)
    step('destroy gone', n2.destroy)
    step('isActive gone', n2.isActive)
    step('isPersistent gone', n2.isPersistent)
    step('XMLDesc gone', lambda: n2.XMLDesc(0))
    step('bridgeName gone', n2.bridgeName)

    step('createXML', lambda: conn.networkCreateXML(TRANSIENT).name())
    step('transient state', lambda: state('tn'))
    step('createXMLFlags bad', lambda: code_only(
        lambda: conn.networkCreateXMLFlags(BAD, 1).name()))
    step('lists transient', lists)
    tn = conn.networkLookupByName('tn')
    step('transient undefine', tn.undefine)
    step('transient destroy', tn.destroy)
    step('transient gone', lambda: conn.networkLookupByName('tn'))

    step('define isolated', lambda: conn.networkDefineXML(NOBRIDGE).name())
    iso = conn.networkLookupByName('iso')
    step('isolated xml', lambda: iso.XMLDesc(0))
    step('isolated bridgeName', iso.bridgeName)
    step('isolated create', iso.create)
    step('isolated destroy', iso.destroy)
    step('isolated undefine', iso.undefine)

    cb2 = conn.networkEventRegisterAny(
        dflt, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, on_event, 'one')
    step('default destroy', dflt.destroy)
    step('default create', dflt.create)
    pump()
    step('deregister', lambda: conn.networkEventDeregisterAny(cb2))
    step('deregister again', lambda: conn.networkEventDeregisterAny(cb2))

    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, 'node.xml'), 'w') as f:
            f.write(NODE)
        with open(os.path.join(tmp, 'net-file.xml'), 'w') as f:
            f.write(NODE_FILE_NET)
        with open(os.path.join(tmp, 'bad.xml'), 'w') as f:
            f.write('<node>' + NODE_FILE_NET + NODE_FILE_NET.replace(
                '6b3c1b4e', '7b3c1b4e') + '</node>')
        with open(os.path.join(tmp, 'badmode.xml'), 'w') as f:
            f.write('<node>' + NODE_FILE_NET.replace('route', 'warp')
                    + '</node>')
        with open(os.path.join(tmp, 'nofile.xml'), 'w') as f:
            f.write("<node><network file='missing.xml'/></node>")
        nc = libvirt.open('test://' + os.path.join(tmp, 'node.xml'))
        step('node lists', lambda: [
            sorted(nc.listNetworks()), sorted(nc.listDefinedNetworks())])
        for name in ('nodenet', 'filenet'):
            net = nc.networkLookupByName(name)
            step('node ' + name, lambda: [net.isActive(), net.isPersistent(),
                                          net.XMLDesc(0), net.bridgeName()])
        nc.close()
        step('node duplicate', lambda: libvirt.open(
            'test://' + os.path.join(tmp, 'bad.xml')).getURI())
        step('node bad forward mode', lambda: libvirt.open(
            'test://' + os.path.join(tmp, 'badmode.xml')).getURI())
        step('node missing network file', lambda: libvirt.open(
            'test://' + os.path.join(tmp, 'nofile.xml')).getURI())
    finally:
        shutil.rmtree(tmp)

    pump()
    conn.networkEventDeregisterAny(cb1)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    # The temporary directory differs between the two runs.
    print(json.dumps(steps).replace(tmp, 'TMPDIR'))
    return 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe))
