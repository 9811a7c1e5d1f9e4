#!/usr/bin/python3
"""The test driver's network ports and DHCP leases (Vireo only).

usage: check_test_netports.py BUILDDIR/src

Upstream's test driver answers VIR_ERR_NO_SUPPORT to all of these, so
there is nothing to compare with: this file runs itself under
/usr/bin/python3 (Debian's python3-libvirt) on Vireo's library and asserts
what upstream's network driver would answer: leases of the running guests
(agreeing with virDomainInterfaceAddresses), the MAC filter, ports with
their plugs, bandwidth parameters and QoS floors, and the errors.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402


PORT_UUID = '11111111-2222-3333-4444-555555555555'
OWNER = ("<owner><name>vm</name>"
         "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid></owner>")


def port_xml(uuid=PORT_UUID, mac='52:54:00:aa:bb:01', extra=''):
    head = '<uuid>%s</uuid>' % uuid if uuid else ''
    return ("<networkport>%s%s<mac address='%s'/>%s</networkport>"
            % (head, OWNER, mac, extra))


GUEST = """<domain type='test'>
  <name>g2</name>
  <uuid>7a3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <memory>1048576</memory>
  <os><type>hvm</type></os>
  <devices>
    <interface type='network'>
      <mac address='52:54:00:00:00:21'/>
      <source network='default'/>
    </interface>
    <interface type='user'>
      <mac address='52:54:00:00:00:22'/>
    </interface>
    <interface type='network'>
      <mac address='52:54:00:00:00:23'/>
      <source network='default'/>
    </interface>
  </devices>
</domain>"""

NET = """<network>
  <name>n2</name>
  <uuid>1b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='nat'/>
  <bridge name='virbr7'/>
  <bandwidth><inbound average='1000' peak='2000'/></bandwidth>
  <portgroup name='slow'>
    <bandwidth><outbound average='10'/></bandwidth>
  </portgroup>
  <ip address='10.7.0.1' netmask='255.255.255.0'>
    <dhcp><range start='10.7.0.10' end='10.7.0.20'/></dhcp>
  </ip>
</network>"""
NODHCP = """<network>
  <name>nodhcp</name>
  <uuid>2b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <bridge name='virbr8'/>
  <ip address='10.8.0.1' prefix='24'/>
</network>"""
PASSTHROUGH = """<network>
  <name>pt</name>
  <uuid>3b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='passthrough'><interface dev='eth1'/></forward>
</network>"""
HOSTDEV = """<network>
  <name>hd</name>
  <uuid>4b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='hostdev' managed='yes'>
    <address type='pci' domain='0x0000' bus='0x04' slot='0x00'
             function='0x1'/>
  </forward>
</network>"""
BRIDGED = """<network>
  <name>br</name>
  <uuid>5b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='bridge'/>
  <bridge name='br0'/>
</network>"""


def vireo():
    import libvirt as L

    L.registerErrorHandler(lambda ctx, err: None, None)
    failures = []
    count = [0]

    def check(name, got, want):
        count[0] += 1
        if got != want:
            failures.append('%s: got %r, want %r' % (name, got, want))

    def err(func):
        try:
            func()
        except L.libvirtError as e:
            return [e.get_error_code(), e.get_error_domain(),
                    e.get_error_message()]
        return None

    def by_mac(ifaces, mac):
        return [i['addrs'][0]['addr'] for i in ifaces.values()
                if i['hwaddr'] == mac][0]

    def code(func):
        e = err(func)
        return e[0] if e else None

    conn = L.open('test:///default')
    dflt = conn.networkLookupByName('default')
    dom = conn.lookupByName('test')

    # ---- Leases ----
    addrs = dom.interfaceAddresses(0)
    want = {'iface': 'virbr0', 'expirytime': 0,
            'type': L.VIR_IP_ADDR_TYPE_IPV4, 'mac': 'aa:bb:cc:dd:ee:ff',
            'ipaddr': by_mac(addrs, 'aa:bb:cc:dd:ee:ff'), 'prefix': 24,
            'hostname': 'test', 'clientid': None, 'iaid': None}
    check('lease address', want['ipaddr'], '192.168.122.3')
    check('leases', dflt.DHCPLeases(), [want])
    check('leases mac upper case', dflt.DHCPLeases('AA:BB:CC:DD:EE:FF'),
          [want])
    check('leases other mac', dflt.DHCPLeases('52:54:00:00:00:99'), [])
    check('leases bad mac', err(lambda: dflt.DHCPLeases('zz')),
          [L.VIR_ERR_INVALID_MAC, L.VIR_FROM_TEST,
           'invalid MAC address: zz'])
    check('leases bad flags', code(lambda: dflt.DHCPLeases(None, 1)),
          L.VIR_ERR_INVALID_ARG)

    g2 = conn.createXML(GUEST, 0)
    g2addrs = g2.interfaceAddresses(0)
    leases = dflt.DHCPLeases()
    check('leases two guests', [(x['hostname'], x['mac'], x['ipaddr'])
                                for x in leases],
          [('test', 'aa:bb:cc:dd:ee:ff', want['ipaddr']),
           ('g2', '52:54:00:00:00:21',
            by_mac(g2addrs, '52:54:00:00:00:21')),
           ('g2', '52:54:00:00:00:23',
            by_mac(g2addrs, '52:54:00:00:00:23'))])
    check('leases guest mac', [x['ipaddr'] for x in
                               dflt.DHCPLeases('52:54:00:00:00:23')],
          [by_mac(g2addrs, '52:54:00:00:00:23')])
    check('leases user iface', dflt.DHCPLeases('52:54:00:00:00:22'), [])
    dom.destroy()
    check('leases after destroy', [x['hostname'] for x in
                                   dflt.DHCPLeases()], ['g2', 'g2'])
    g2.destroy()
    check('leases none running', dflt.DHCPLeases(), [])
    dom.create()

    nodhcp = conn.networkCreateXML(NODHCP)
    check('leases without dhcp', nodhcp.DHCPLeases(), [])
    nodhcp.destroy()
    net = conn.networkDefineXML(NET)
    check('leases inactive', net.DHCPLeases(), [])

    # ---- Ports on an inactive network ----
    inactive = [L.VIR_ERR_OPERATION_INVALID, L.VIR_FROM_TEST,
                "Requested operation is not valid: network 'n2' is not "
                "active"]
    check('port create inactive', err(lambda: net.portCreateXML(port_xml())),
          inactive)
    check('ports list inactive', err(lambda: net.listAllPorts()), inactive)

    # ---- Port lifecycle ----
    p = dflt.portCreateXML(port_xml())
    check('port uuid', p.UUIDString(), PORT_UUID)
    check('port network', p.network().name(), 'default')
    xml = p.XMLDesc()
    check('port plug', "<plug type='network' bridge='virbr0'/>" in xml, True)
    check('port no bandwidth', '<bandwidth' in xml, False)
    check('network connections',
          "<network connections='1'>" in dflt.XMLDesc(), True)
    check('port lookup', dflt.portLookupByUUIDString(PORT_UUID).UUIDString(),
          PORT_UUID)
    check('ports list', [x.UUIDString() for x in dflt.listAllPorts()],
          [PORT_UUID])
    check('ports list flags', code(lambda: dflt.listAllPorts(1)),
          L.VIR_ERR_INVALID_ARG)
    check('port xml flags', code(lambda: p.XMLDesc(1)),
          L.VIR_ERR_INVALID_ARG)
    check('port duplicate', err(lambda: dflt.portCreateXML(port_xml())),
          [L.VIR_ERR_NETWORK_PORT_EXIST, L.VIR_FROM_NETWORK,
           'network port Network port with UUID %s already exists exists '
           'already' % PORT_UUID])
    check('duplicate leaves one connection',
          "<network connections='1'>" in dflt.XMLDesc(), True)
    check('port without uuid', err(lambda: dflt.portCreateXML(
        port_xml(uuid=None))),
        [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_NETWORK,
         'internal error: network port has no uuid'])
    check('port bad flags', code(lambda: dflt.portCreateXML(
        port_xml(), 1 << 8)), L.VIR_ERR_INVALID_ARG)
    check('port validate', code(lambda: dflt.portCreateXML(
        port_xml(uuid='21111111-2222-3333-4444-555555555555',
                 extra='<bogus/>'),
        L.VIR_NETWORK_PORT_CREATE_VALIDATE)), L.VIR_ERR_XML_INVALID_SCHEMA)
    plugged = port_xml(uuid='31111111-2222-3333-4444-555555555555',
                       extra="<plug type='network' bridge='virbr0'/>")
    check('port plug without reclaim', err(lambda: dflt.portCreateXML(
        plugged)),
        [L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST,
         'invalid argument: Port reclaim not requested but plug type is '
         'not none'])
    check('port reclaim without plug', err(lambda: dflt.portCreateXML(
        port_xml(uuid='41111111-2222-3333-4444-555555555555'),
        L.VIR_NETWORK_PORT_CREATE_RECLAIM)),
        [L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST,
         'invalid argument: Port reclaim requested but plug type is none'])
    p3 = dflt.portCreateXML(plugged, L.VIR_NETWORK_PORT_CREATE_RECLAIM)
    check('port reclaim', len(dflt.listAllPorts()), 2)
    check('port delete flags', code(lambda: p3.delete(1)),
          L.VIR_ERR_INVALID_ARG)
    p3.delete()
    check('port deleted', [x.UUIDString() for x in dflt.listAllPorts()],
          [PORT_UUID])
    gone = [L.VIR_ERR_NO_NETWORK_PORT, L.VIR_FROM_NETWORK,
            'network port not found: Network port with UUID '
            '31111111-2222-3333-4444-555555555555 does not exist']
    check('port delete again', err(p3.delete), gone)
    check('port xml deleted', err(p3.XMLDesc), gone)
    check('port lookup deleted', err(lambda: dflt.portLookupByUUIDString(
        '31111111-2222-3333-4444-555555555555')), gone)

    ro = L.openReadOnly('test:///default')
    check('port create read-only', code(lambda: ro.networkLookupByName(
        'default').portCreateXML(port_xml(
            uuid='51111111-2222-3333-4444-555555555555'))),
        L.VIR_ERR_OPERATION_DENIED)
    check('port list read-only', len(ro.networkLookupByName(
        'default').listAllPorts()), 1)
    ro.close()

    # ---- Bandwidth parameters ----
    check('params none', p.parameters(), {})
    bw = dflt.portCreateXML(port_xml(
        uuid='61111111-2222-3333-4444-555555555555', mac='52:54:00:aa:bb:06',
        extra="<bandwidth><inbound average='10' peak='20' burst='5'/>"
              "<outbound average='30'/></bandwidth>"))
    check('params', bw.parameters(),
          {'inbound.average': 10, 'inbound.peak': 20, 'inbound.floor': 0,
           'inbound.burst': 5, 'outbound.average': 30, 'outbound.peak': 0,
           'outbound.burst': 0})
    bw.setParameters({'inbound.average': 100, 'outbound.average': 200,
                      'outbound.peak': 300})
    check('params set', bw.parameters(),
          {'inbound.average': 100, 'inbound.peak': 0, 'inbound.floor': 0,
           'inbound.burst': 0, 'outbound.average': 200, 'outbound.peak': 300,
           'outbound.burst': 0})
    check('params in xml', "<inbound average='100'/>" in bw.XMLDesc() and
          "<outbound average='200' peak='300'/>" in bw.XMLDesc(), True)
    bw.setParameters({'inbound.average': 7, 'outbound.average': 0})
    check('params drop outbound', bw.parameters(),
          {'inbound.average': 7, 'inbound.peak': 0, 'inbound.floor': 0,
           'inbound.burst': 0})
    check('params outbound gone', '<outbound' in bw.XMLDesc(), False)
    check('params set flags', code(lambda: bw.setParameters(
        {'inbound.average': 1}, 1)), L.VIR_ERR_INVALID_ARG)
    check('params get flags', code(lambda: bw.parameters(1)),
          L.VIR_ERR_INVALID_ARG)
    check('floor without network QoS', err(lambda: bw.setParameters(
        {'inbound.floor': 5})),
        [L.VIR_ERR_OPERATION_UNSUPPORTED, L.VIR_FROM_NETWORK,
         "Operation not supported: Invalid use of 'floor' on interface with "
         "MAC address 52:54:00:aa:bb:06 - network 'default' has no inbound "
         "QoS set"])
    check('floor refused keeps params', bw.parameters()['inbound.average'], 7)

    # ---- QoS floors and portgroups on a network with inbound QoS ----
    net.create()
    f1 = net.portCreateXML(port_xml(
        extra="<bandwidth><inbound floor='1500'/></bandwidth>"))
    check('floor class id', "<bandwidth classID='3'>" in f1.XMLDesc(), True)
    check('floor overcommit', err(lambda: net.portCreateXML(port_xml(
        uuid='71111111-2222-3333-4444-555555555555',
        mac='52:54:00:aa:bb:07',
        extra="<bandwidth><inbound floor='600'/></bandwidth>"))),
        [L.VIR_ERR_OPERATION_INVALID, L.VIR_FROM_NETWORK,
         "Requested operation is not valid: Cannot plug '52:54:00:aa:bb:07' "
         "interface into 'virbr7' because new combined inbound floor=2100 "
         "would overcommit peak=2000 on network 'n2'"])
    f1.setParameters({'inbound.floor': 400})
    f2 = net.portCreateXML(port_xml(
        uuid='71111111-2222-3333-4444-555555555555', mac='52:54:00:aa:bb:07',
        extra="<bandwidth><inbound floor='600'/></bandwidth>"))
    check('floor second class id', "<bandwidth classID='4'>" in f2.XMLDesc(),
          True)
    f1.setParameters({'inbound.average': 5})
    check('floor dropped', '<bandwidth>' in f1.XMLDesc(), True)
    grp = net.portCreateXML(port_xml(
        uuid='81111111-2222-3333-4444-555555555555', mac='52:54:00:aa:bb:08',
        extra='<group>slow</group>'))
    check('portgroup bandwidth', grp.parameters(),
          {'outbound.average': 10, 'outbound.peak': 0, 'outbound.burst': 0})
    check('n2 connections', "<network connections='3'>" in net.XMLDesc(),
          True)

    # ---- Ports go with the running network ----
    net.destroy()
    check('destroyed no connections', 'connections' in net.XMLDesc(), False)
    check('destroyed port', err(f2.XMLDesc)[0], L.VIR_ERR_NO_NETWORK_PORT)
    net.create()
    check('restarted no ports', net.listAllPorts(), [])
    f3 = net.portCreateXML(port_xml(
        extra="<bandwidth><inbound floor='2000'/></bandwidth>"))
    check('restarted floor free', "<bandwidth classID='3'>" in f3.XMLDesc(),
          True)
    net.destroy()
    net.undefine()
    check('undefined port', err(f3.XMLDesc)[0], L.VIR_ERR_NO_NETWORK)

    # ---- Plugs by forward mode ----
    pt = conn.networkCreateXML(PASSTHROUGH)
    d1 = pt.portCreateXML(port_xml())
    check('direct plug', "<plug type='direct' dev='eth1' mode='passthrough'/>"
          in d1.XMLDesc(), True)
    check('direct exclusive', err(lambda: pt.portCreateXML(port_xml(
        uuid='91111111-2222-3333-4444-555555555555'))),
        [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_TEST,
         "internal error: network 'pt' requires exclusive access to "
         "interfaces, but none are available"])
    check('direct dev connections', "<interface dev='eth1' connections='1'/>"
          in pt.XMLDesc(), True)
    d1.delete()
    check('direct dev released', pt.portCreateXML(port_xml(
        uuid='91111111-2222-3333-4444-555555555555')).UUIDString(),
        '91111111-2222-3333-4444-555555555555')
    pt.destroy()
    hd = conn.networkCreateXML(HOSTDEV)
    h1 = hd.portCreateXML(port_xml())
    check('hostdev plug', "<plug type='hostdev-pci' managed='yes'>" in
          h1.XMLDesc() and "bus='0x04'" in h1.XMLDesc(), True)
    hd.destroy()
    br = conn.networkCreateXML(BRIDGED)
    b1 = br.portCreateXML(port_xml())
    check('bridge plug', "<plug type='bridge' bridge='br0'/>" in b1.XMLDesc(),
          True)
    check('bridge floor', err(lambda: br.portCreateXML(port_xml(
        uuid='a1111111-2222-3333-4444-555555555555',
        extra="<bandwidth><inbound floor='1'/></bandwidth>")))[0],
        L.VIR_ERR_OPERATION_UNSUPPORTED)
    br.destroy()

    p.delete()
    bw.delete()
    conn.close()
    for f in failures:
        print('FAIL ' + f)
    print('vireo-only: %d checks, %d failed' % (count[0], len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), None, vireo))
