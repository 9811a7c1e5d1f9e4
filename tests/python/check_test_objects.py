#!/usr/bin/python3
"""The test driver's network updates side by side with upstream's, and its
secrets and network filters (which upstream's test driver lacks) alone.

usage: check_test_objects.py BUILDDIR/src

Part one (this file run with --probe) drives virNetworkUpdate on
test:///default through Debian's python3-libvirt: every section and
command, the live/config/current flags, and the errors, on the system's
libvirt.so.0 and on Vireo's, compared step by step by
check_test_driver.py's machinery.  Part two (--vireo) runs on Vireo only
and asserts what upstream's secret and nwfilter drivers would answer:
values, errors with their codes and messages, events and list filters.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

NET = """<network>
  <name>upd</name>
  <uuid>8b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='nat'/>
  <bridge name='virbr8'/>
  <ip address='10.8.0.1' netmask='255.255.255.0'>
    <dhcp><range start='10.8.0.10' end='10.8.0.20'/></dhcp>
  </ip>
  <ip family='ipv6' address='fd00:8::1' prefix='64'/>
</network>"""
PASSTHROUGH = """<network>
  <name>pt</name>
  <uuid>9b3c1b4e-6c02-4b2e-9d1a-0a7d3e1f2c31</uuid>
  <forward mode='passthrough'><interface dev='eth1'/></forward>
</network>"""
TRANSIENT = NET.replace('>upd<', '>tupd<').replace(
    '8b3c1b4e', 'ab3c1b4e').replace('virbr8', 'virbr11')

HOST1 = "<host mac='52:54:00:aa:bb:01' name='one' ip='192.168.122.11'/>"
HOST2 = "<host mac='52:54:00:00:00:02' name='two' ip='192.168.122.12'/>"
HOST1_NEWIP = "<host mac='52:54:00:AA:BB:01' name='one' ip='192.168.122.21'/>"


def probe():
    import libvirt

    rec = base.Recorder(libvirt, events=False)
    steps, step = rec.steps, rec.step

    L = libvirt
    MODIFY = L.VIR_NETWORK_UPDATE_COMMAND_MODIFY
    DELETE = L.VIR_NETWORK_UPDATE_COMMAND_DELETE
    ADD_LAST = L.VIR_NETWORK_UPDATE_COMMAND_ADD_LAST
    ADD_FIRST = L.VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST
    LIVE = L.VIR_NETWORK_UPDATE_AFFECT_LIVE
    CONFIG = L.VIR_NETWORK_UPDATE_AFFECT_CONFIG
    CURRENT = L.VIR_NETWORK_UPDATE_AFFECT_CURRENT
    HOST = L.VIR_NETWORK_SECTION_IP_DHCP_HOST
    RANGE = L.VIR_NETWORK_SECTION_IP_DHCP_RANGE
    DNSHOST = L.VIR_NETWORK_SECTION_DNS_HOST
    TXT = L.VIR_NETWORK_SECTION_DNS_TXT
    SRV = L.VIR_NETWORK_SECTION_DNS_SRV
    FWDIF = L.VIR_NETWORK_SECTION_FORWARD_INTERFACE
    PG = L.VIR_NETWORK_SECTION_PORTGROUP

    conn = L.open('test:///default')
    dflt = conn.networkLookupByName('default')

    # Upstream's test driver takes no XMLDesc flags and shows the live
    # definition only.
    def xml(net):
        return net.XMLDesc(0)

    def upd(net, command, section, text, flags=CURRENT, index=-1):
        return lambda: net.update(command, section, index, text, flags)

    def run(prefix, net, cases):
        for name, command, section, text, flags, index in cases:
            step(prefix + ' ' + name, upd(net, command, section, text,
                                          flags, index))
        step(prefix + ' xml', lambda: xml(net))

    # DHCP hosts on the running default network.
    run('host', dflt, [
        ('add last', ADD_LAST, HOST, HOST1, CURRENT, -1),
        ('add first', ADD_FIRST, HOST, HOST2, LIVE, 0),
        ('add duplicate mac', ADD_LAST, HOST,
         "<host mac='52:54:00:aa:bb:01' name='x' ip='192.168.122.99'/>",
         CURRENT, -1),
        ('add duplicate mac case', ADD_LAST, HOST,
         "<host mac='52:54:00:AA:BB:01' ip='192.168.122.98'/>",
         CURRENT, -1),
        ('add duplicate mac short', ADD_LAST, HOST,
         "<host mac='52:54:0:aa:bb:1' ip='192.168.122.97'/>",
         CURRENT, -1),
        ('add duplicate ip', ADD_LAST, HOST,
         "<host mac='52:54:00:00:00:09' ip='192.168.122.12'/>", CURRENT, -1),
        ('add no ip', ADD_LAST, HOST, "<host mac='52:54:00:00:00:08'/>",
         CURRENT, -1),
        ('add no mac or name', ADD_LAST, HOST,
         "<host ip='192.168.122.77'/>", CURRENT, -1),
        ('add ipv6 ip', ADD_LAST, HOST,
         "<host mac='52:54:00:00:00:07' ip='fd00::7'/>", CURRENT, -1),
        ('add bad mac', ADD_LAST, HOST,
         "<host mac='zz' ip='192.168.122.70'/>", CURRENT, -1),
        ('add multicast mac', ADD_LAST, HOST,
         "<host mac='01:00:00:00:00:01' ip='192.168.122.70'/>", CURRENT, -1),
        ('add bad name', ADD_LAST, HOST,
         "<host name='-x' ip='192.168.122.70'/>", CURRENT, -1),
        ('modify', MODIFY, HOST, HOST1_NEWIP, CURRENT, -1),
        ('modify missing', MODIFY, HOST,
         "<host mac='52:54:00:00:00:05' ip='192.168.122.55'/>", CURRENT, -1),
        ('modify missing named', MODIFY, HOST,
         "<host mac='52:54:00:00:00:05' name='five' ip='192.168.122.55'/>",
         CURRENT, -1),
        ('delete by name', DELETE, HOST, "<host name='two'/>", CURRENT, -1),
        ('delete nothing', DELETE, HOST, "<host/>", CURRENT, -1),
        ('delete missing', DELETE, HOST, "<host name='nine'/>", CURRENT, -1),
        ('delete mismatch', DELETE, HOST,
         "<host name='one' ip='192.168.122.99'/>", CURRENT, -1),
        ('wrong element', ADD_LAST, HOST, "<range/>", CURRENT, -1),
        ('bad index', ADD_LAST, HOST, HOST2, CURRENT, 5),
        ('bad index and element', ADD_LAST, HOST, "<hots/>", CURRENT, 5),
        ('unknown command', 99, HOST, HOST2, CURRENT, -1),
        ('none command', 0, HOST, HOST2, CURRENT, -1),
        ('malformed', ADD_LAST, HOST, "<host", CURRENT, -1),
        ('empty', ADD_LAST, HOST, "", CURRENT, -1),
        ('bad flags', ADD_LAST, HOST, HOST2, 1 << 4, -1),
    ])

    # Config-only changes of a running network, then both.
    run('config', dflt, [
        ('add config', ADD_LAST, HOST, HOST2, CONFIG, -1),
        ('add config again', ADD_LAST, HOST, HOST2, CONFIG, -1),
        ('add live', ADD_LAST, HOST, HOST2, LIVE, -1),
        ('delete both', DELETE, HOST, "<host name='two'/>", LIVE | CONFIG,
         -1),
        ('delete both again', DELETE, HOST, "<host name='two'/>",
         LIVE | CONFIG, -1),
    ])
    step('config destroy', dflt.destroy)
    step('config destroyed xml', lambda: xml(dflt))
    step('config live on stopped', upd(dflt, ADD_LAST, HOST, HOST2, LIVE))
    step('config current on stopped',
         upd(dflt, ADD_LAST, HOST, HOST2, CURRENT))
    step('config stopped xml', lambda: xml(dflt))
    step('config create', dflt.create)
    step('config created xml', lambda: xml(dflt))

    # DHCP ranges, several <ip>s, the unsupported sections.
    step('define upd', lambda: conn.networkDefineXML(NET).name())
    net = conn.networkLookupByName('upd')
    run('range', net, [
        ('add', ADD_LAST, RANGE,
         "<range start='10.8.0.30' end='10.8.0.40'/>", CURRENT, -1),
        ('add first', ADD_FIRST, RANGE,
         "<range start='10.8.0.50' end='10.8.0.60'/>", CONFIG, 0),
        ('add duplicate', ADD_LAST, RANGE,
         "<range start='10.8.0.30' end='10.8.0.40'/>", CURRENT, -1),
        ('add outside', ADD_LAST, RANGE,
         "<range start='10.9.0.30' end='10.9.0.40'/>", CURRENT, -1),
        ('add reversed', ADD_LAST, RANGE,
         "<range start='10.8.0.90' end='10.8.0.80'/>", CURRENT, -1),
        ('add no end', ADD_LAST, RANGE, "<range start='10.8.0.90'/>",
         CURRENT, -1),
        ('add lease', ADD_LAST, RANGE,
         "<range start='10.8.0.100' end='10.8.0.110'>"
         "<lease expiry='1' unit='hours'/></range>", CURRENT, -1),
        ('add v6 on v4', ADD_LAST, RANGE,
         "<range start='fd00:8::10' end='fd00:8::20'/>", CURRENT, 0),
        ('add v6', ADD_LAST, RANGE,
         "<range start='fd00:8::10' end='fd00:8::20'/>", CURRENT, 1),
        ('add v6 host', ADD_LAST, HOST,
         "<host id='0:1:2' name='six' ip='fd00:8::66'/>", CURRENT, 1),
        ('add v6 host mac', ADD_LAST, HOST,
         "<host mac='52:54:00:00:00:06' ip='fd00:8::67'/>", CURRENT, 1),
        ('modify', MODIFY, RANGE,
         "<range start='10.8.0.30' end='10.8.0.40'/>", CURRENT, -1),
        ('delete', DELETE, RANGE,
         "<range start='10.8.0.10' end='10.8.0.20'/>", CURRENT, -1),
        ('delete missing', DELETE, RANGE,
         "<range start='10.8.0.10' end='10.8.0.20'/>", CURRENT, -1),
        ('wrong element', ADD_LAST, RANGE, HOST1, CURRENT, -1),
        ('bad index', ADD_LAST, RANGE,
         "<range start='10.8.0.30' end='10.8.0.40'/>", CURRENT, 7),
        ('unknown command', 42, RANGE,
         "<range start='10.8.0.30' end='10.8.0.40'/>", CURRENT, -1),
        ('bridge', ADD_LAST, L.VIR_NETWORK_SECTION_BRIDGE, "<bridge/>",
         CURRENT, -1),
        ('domain', ADD_LAST, L.VIR_NETWORK_SECTION_DOMAIN, "<domain/>",
         CURRENT, -1),
        ('ip', ADD_LAST, L.VIR_NETWORK_SECTION_IP, "<ip/>", CURRENT, -1),
        ('forward', ADD_LAST, L.VIR_NETWORK_SECTION_FORWARD, "<forward/>",
         CURRENT, -1),
        ('forward pf', ADD_LAST, L.VIR_NETWORK_SECTION_FORWARD_PF, "<pf/>",
         CURRENT, -1),
        ('none section', ADD_LAST, 0, "<x/>", CURRENT, -1),
        ('unknown section', ADD_LAST, 77, "<x/>", CURRENT, -1),
        ('unknown section malformed', ADD_LAST, 77, "<x", CURRENT, -1),
        ('live on inactive', ADD_LAST, RANGE,
         "<range start='10.8.0.70' end='10.8.0.80'/>", LIVE, -1),
    ])

    # DNS records.
    run('dns', net, [
        ('host add', ADD_LAST, DNSHOST,
         "<host ip='10.8.0.2'><hostname>a</hostname>"
         "<hostname>b</hostname></host>", CURRENT, -1),
        ('host add first', ADD_FIRST, DNSHOST,
         "<host ip='10.8.0.3'><hostname>a</hostname></host>", CURRENT, -1),
        ('host add same ip', ADD_LAST, DNSHOST,
         "<host ip='10.8.0.2'><hostname>c</hostname></host>", CURRENT, -1),
        ('host add no name', ADD_LAST, DNSHOST, "<host ip='10.8.0.4'/>",
         CURRENT, -1),
        ('host add no ip', ADD_LAST, DNSHOST,
         "<host><hostname>d</hostname></host>", CURRENT, -1),
        ('host modify', MODIFY, DNSHOST, "<host ip='10.8.0.2'/>", CURRENT,
         -1),
        ('host delete ambiguous', DELETE, DNSHOST,
         "<host><hostname>a</hostname></host>", CURRENT, -1),
        ('host delete empty', DELETE, DNSHOST, "<host/>", CURRENT, -1),
        ('host delete by name', DELETE, DNSHOST,
         "<host><hostname>b</hostname></host>", CURRENT, -1),
        ('host delete by ip', DELETE, DNSHOST, "<host ip='10.8.0.3'/>",
         CURRENT, -1),
        ('host delete missing', DELETE, DNSHOST, "<host ip='10.8.0.3'/>",
         CURRENT, -1),
        ('host wrong element', ADD_LAST, DNSHOST, "<txt name='x'/>", CURRENT,
         -1),
        ('txt add', ADD_LAST, TXT, "<txt name='t1' value='v1'/>", CURRENT,
         -1),
        ('txt add first', ADD_FIRST, TXT, "<txt name='t2' value='v2'/>",
         CURRENT, -1),
        ('txt add duplicate', ADD_LAST, TXT, "<txt name='t1' value='x'/>",
         CURRENT, -1),
        ('txt add no value', ADD_LAST, TXT, "<txt name='t3'/>", CURRENT, -1),
        ('txt add no name', ADD_LAST, TXT, "<txt value='x'/>", CURRENT, -1),
        ('txt add bad name', ADD_LAST, TXT, "<txt name='a b' value='x'/>",
         CURRENT, -1),
        ('txt modify', MODIFY, TXT, "<txt name='t1' value='x'/>", CURRENT,
         -1),
        ('txt delete', DELETE, TXT, "<txt name='t2'/>", CURRENT, -1),
        ('txt delete missing', DELETE, TXT, "<txt name='t2'/>", CURRENT, -1),
        ('srv add', ADD_LAST, SRV,
         "<srv service='ldap' protocol='tcp' domain='x.org' target='a.x.org'"
         " port='389' priority='1' weight='2'/>", CURRENT, -1),
        ('srv add other', ADD_FIRST, SRV,
         "<srv service='ldap' protocol='udp'/>", CURRENT, -1),
        ('srv add duplicate', ADD_LAST, SRV,
         "<srv service='ldap' protocol='tcp' domain='x.org'/>", CURRENT, -1),
        ('srv add no protocol', ADD_LAST, SRV, "<srv service='x'/>",
         CURRENT, -1),
        ('srv add port no target', ADD_LAST, SRV,
         "<srv service='x' protocol='tcp' port='1'/>", CURRENT, -1),
        ('srv add bad service', ADD_LAST, SRV,
         "<srv service='a.b' protocol='tcp'/>", CURRENT, -1),
        ('srv modify', MODIFY, SRV, "<srv service='ldap'/>", CURRENT, -1),
        ('srv delete ambiguous', DELETE, SRV, "<srv service='ldap'/>",
         CURRENT, -1),
        ('srv delete port no target', DELETE, SRV, "<srv port='5'/>",
         CURRENT, -1),
        ('srv delete', DELETE, SRV, "<srv protocol='udp'/>", CURRENT, -1),
        ('srv delete missing', DELETE, SRV, "<srv protocol='udp'/>",
         CURRENT, -1),
        ('srv unknown command', 9, SRV, "<srv protocol='udp'/>", CURRENT,
         -1),
    ])

    # Portgroups.
    run('portgroup', net, [
        ('add', ADD_LAST, PG, "<portgroup name='pg1' default='yes'/>",
         CURRENT, -1),
        ('add vlan', ADD_FIRST, PG,
         "<portgroup name='pg2'><vlan><tag id='42'/></vlan></portgroup>",
         CURRENT, -1),
        ('add duplicate', ADD_LAST, PG, "<portgroup name='pg1'/>", CURRENT,
         -1),
        ('add second default', ADD_LAST, PG,
         "<portgroup name='pg3' default='yes'/>", CURRENT, -1),
        ('add no name', ADD_LAST, PG, "<portgroup/>", CURRENT, -1),
        ('modify', MODIFY, PG,
         "<portgroup name='pg2'><bandwidth><inbound average='1000'/>"
         "</bandwidth></portgroup>", CURRENT, -1),
        ('modify to default', MODIFY, PG,
         "<portgroup name='pg2' default='yes'/>", CURRENT, -1),
        ('modify missing', MODIFY, PG, "<portgroup name='pg9'/>", CURRENT,
         -1),
        ('delete', DELETE, PG, "<portgroup name='pg1'/>", CURRENT, -1),
        ('delete missing', DELETE, PG, "<portgroup name='pg1'/>", CURRENT,
         -1),
        ('wrong element', ADD_LAST, PG, "<group name='x'/>", CURRENT, -1),
    ])

    # Forward interfaces.
    step('define pt', lambda: conn.networkDefineXML(PASSTHROUGH).name())
    pt = conn.networkLookupByName('pt')
    run('fwdif', pt, [
        ('add', ADD_LAST, FWDIF, "<interface dev='eth2'/>", CURRENT, -1),
        ('add first', ADD_FIRST, FWDIF, "<interface dev='eth0'/>", CURRENT,
         -1),
        ('add duplicate', ADD_LAST, FWDIF, "<interface dev='eth1'/>",
         CURRENT, -1),
        ('add no dev', ADD_LAST, FWDIF, "<interface/>", CURRENT, -1),
        ('modify', MODIFY, FWDIF, "<interface dev='eth1'/>", CURRENT, -1),
        ('delete', DELETE, FWDIF, "<interface dev='eth1'/>", CURRENT, -1),
        ('delete missing', DELETE, FWDIF, "<interface dev='eth1'/>",
         CURRENT, -1),
        ('wrong element', ADD_LAST, FWDIF, "<pf dev='x'/>", CURRENT, -1),
        ('unknown command', 17, FWDIF, "<interface dev='eth9'/>", CURRENT,
         -1),
    ])

    # Transient networks, a network gone, running ones.
    step('createXML transient', lambda: conn.networkCreateXML(
        TRANSIENT).name())
    tn = conn.networkLookupByName('tupd')
    step('transient config', upd(tn, ADD_LAST, HOST,
                                 "<host name='t' ip='10.8.0.5'/>", CONFIG))
    step('transient current', upd(tn, ADD_LAST, HOST,
                                  "<host name='t' ip='10.8.0.5'/>", CURRENT))
    step('transient xml', lambda: xml(tn))
    step('transient destroy', tn.destroy)
    step('gone update', upd(tn, ADD_LAST, HOST,
                            "<host name='t' ip='10.8.0.6'/>", CURRENT))
    step('upd create', net.create)
    step('upd running both', upd(net, ADD_LAST, TXT,
                                 "<txt name='both' value='v'/>",
                                 LIVE | CONFIG))
    step('upd running config', upd(net, DELETE, TXT, "<txt name='t1'/>",
                                   CONFIG))
    step('upd running xml', lambda: xml(net))
    step('upd destroy', net.destroy)
    step('upd destroyed xml', lambda: xml(net))
    step('upd undefine', net.undefine)
    step('pt undefine', pt.undefine)

    # Network ports and leases, which upstream's test driver leaves out,
    # are checked by check_test_netports.py.
    conn.close()
    print(json.dumps(steps))
    return 0


# ---- Part two: Vireo only ----

SECRET_UUID = 'c2a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01'
SECRET = """<secret ephemeral='no' private='no'>
  <uuid>%s</uuid>
  <description>ceph key</description>
  <usage type='ceph'><name>client.admin</name></usage>
</secret>""" % SECRET_UUID
PRIVATE = """<secret ephemeral='yes' private='yes'>
  <uuid>c2a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e02</uuid>
  <usage type='volume'><volume>/var/lib/img.qcow2</volume></usage>
</secret>"""
FILTER_A = """<filter name='fa' chain='ipv4'>
  <uuid>d1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01</uuid>
  <rule action='accept' direction='out' priority='500'>
    <ip srcipaddr='10.0.0.1'/>
  </rule>
</filter>"""
FILTER_B = """<filter name='fb' chain='root'>
  <uuid>d1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e02</uuid>
  <filterref filter='fa'/>
</filter>"""
BINDING = """<filterbinding>
  <owner>
    <name>vm</name>
    <uuid>e1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01</uuid>
  </owner>
  <portdev name='vnet0'/>
  <mac address='52:54:00:11:22:33'/>
  <filterref filter='%s'/>
</filterbinding>"""
NODE = """<node>
  <secret ephemeral='no' private='no' value='c2VjcmV0'>
    <uuid>f1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01</uuid>
    <usage type='tls'><name>tls1</name></usage>
  </secret>
  <secret file='secret.xml'/>
  <filter name='nf'><filterref filter='nf2'/></filter>
  <filter name='nf2' chain='ipv4'/>
  <filterbinding>
    <owner><name>vm</name><uuid>e1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e02</uuid>
    </owner>
    <portdev name='vnet5'/>
    <mac address='52:54:00:11:22:35'/>
    <filterref filter='nf'/>
  </filterbinding>
</node>"""


def vireo():
    import libvirt as L

    L.registerErrorHandler(lambda ctx, err: None, None)
    L.virEventRegisterDefaultImpl()
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

    def pump():
        for _ in range(3):
            L.virEventRunDefaultImpl()

    conn = L.open('test:///default')
    tick = L.virEventAddTimeout(10, lambda t, o: None, None)
    events = []
    cb1 = conn.secretEventRegisterAny(
        None, L.VIR_SECRET_EVENT_ID_LIFECYCLE,
        lambda c, s, ev, det, op: events.append(
            ['life', s.UUIDString(), ev, det]), None)
    cb2 = conn.secretEventRegisterAny(
        None, L.VIR_SECRET_EVENT_ID_VALUE_CHANGED,
        lambda c, s, op: events.append(['value', s.UUIDString()]), None)

    # Secrets: definition, values, lookups, conflicts, lists.
    check('no secrets', [conn.numOfSecrets(), conn.listSecrets(),
                         conn.listAllSecrets(0)], [0, [], []])
    sec = conn.secretDefineXML(SECRET)
    check('define', [sec.UUIDString(), sec.usageType(), sec.usageID()],
          [SECRET_UUID, L.VIR_SECRET_USAGE_TYPE_CEPH, 'client.admin'])
    check('xml', sec.XMLDesc(0), SECRET.replace(
        "<usage type='ceph'><name>client.admin</name></usage>",
        "<usage type='ceph'>\n    <name>client.admin</name>\n  </usage>")
        + '\n')
    check('no value', err(sec.value),
          [L.VIR_ERR_NO_SECRET, L.VIR_FROM_SECRET,
           "Secret not found: secret '%s' does not have a value"
           % SECRET_UUID])
    check('setValue', sec.setValue(b'\x00key\xff'), 0)
    check('value', sec.value(), b'\x00key\xff')
    check('setValue empty', sec.setValue(b''), 0)
    check('value empty', sec.value(), b'')
    sec.setValue(b'second')
    check('lookupByUUIDString',
          conn.secretLookupByUUIDString(SECRET_UUID).value(), b'second')
    check('lookupByUsage', conn.secretLookupByUsage(
        L.VIR_SECRET_USAGE_TYPE_CEPH, 'client.admin').UUIDString(),
        SECRET_UUID)
    check('lookupByUsage missing', err(lambda: conn.secretLookupByUsage(
        L.VIR_SECRET_USAGE_TYPE_CEPH, 'nobody')),
        [L.VIR_ERR_NO_SECRET, L.VIR_FROM_SECRET,
         "Secret not found: no secret with matching usage 'nobody'"])
    check('lookupByUsage other type', err(lambda: conn.secretLookupByUsage(
        L.VIR_SECRET_USAGE_TYPE_TLS, 'client.admin'))[0],
        L.VIR_ERR_NO_SECRET)
    missing = 'c2a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9eff'
    check('lookupByUUID missing', err(
        lambda: conn.secretLookupByUUIDString(missing)),
        [L.VIR_ERR_NO_SECRET, L.VIR_FROM_SECRET,
         "Secret not found: no secret with matching uuid '%s'" % missing])
    other = SECRET.replace('c2a5e1f0', 'c3a5e1f0')
    check('usage clash', err(lambda: conn.secretDefineXML(other)),
          [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_SECRET,
           'internal error: a secret with UUID %s already defined for use '
           'with client.admin' % SECRET_UUID])
    check('uuid clash', err(lambda: conn.secretDefineXML(
        SECRET.replace('client.admin', 'client.other'))),
        [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_SECRET,
         'internal error: a secret with UUID %s is already defined for use '
         'with client.admin' % SECRET_UUID])
    redef = SECRET.replace('ceph key', 'new text').replace(
        "ephemeral='no'", "ephemeral='yes'")
    check('redefine', conn.secretDefineXML(redef).UUIDString(), SECRET_UUID)
    check('redefine keeps value', sec.value(), b'second')
    check('redefine xml', 'new text' in sec.XMLDesc(0), True)
    priv = conn.secretDefineXML(PRIVATE)
    only = []
    cb3 = conn.secretEventRegisterAny(
        priv, L.VIR_SECRET_EVENT_ID_VALUE_CHANGED,
        lambda c, s, op: only.append(s.usageID()), None)
    priv.setValue(b'hidden')
    sec.setValue(b'second')
    check('private value', err(priv.value),
          [L.VIR_ERR_INVALID_SECRET, L.VIR_FROM_SECRET,
           'Invalid secret: secret is private'])
    check('private flag kept', err(lambda: conn.secretDefineXML(
        PRIVATE.replace("private='yes'", "private='no'"))),
        [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_SECRET,
         'internal error: cannot change private flag on existing secret'])
    check('define bad', err(lambda: conn.secretDefineXML(
        "<secret><usage type='warp'/></secret>"))[0:2],
        [L.VIR_ERR_CONFIG_UNSUPPORTED, L.VIR_FROM_SECRET])
    check('define bad flags', err(lambda: conn.secretDefineXML(
        SECRET, 1 << 5))[0], L.VIR_ERR_INVALID_ARG)
    check('validate', err(lambda: conn.secretDefineXML(
        SECRET.replace('</secret>', '<bogus/></secret>'),
        L.VIR_SECRET_DEFINE_VALIDATE))[0:2],
        [L.VIR_ERR_XML_INVALID_SCHEMA, L.VIR_FROM_SECRET])
    none1 = conn.secretDefineXML('<secret/>')
    none2 = conn.secretDefineXML('<secret/>')
    check('two without usage', none1.UUIDString() != none2.UUIDString(),
          True)

    def listed(flags):
        return sorted(s.UUIDString() for s in conn.listAllSecrets(flags))

    everything = sorted([SECRET_UUID, priv.UUIDString(), none1.UUIDString(),
                         none2.UUIDString()])
    check('count', conn.numOfSecrets(), 4)
    check('listSecrets', sorted(conn.listSecrets()), everything)
    check('listAll', listed(0), everything)
    check('listAll ephemeral', listed(L.VIR_CONNECT_LIST_SECRETS_EPHEMERAL),
          sorted([SECRET_UUID, priv.UUIDString()]))
    check('listAll no ephemeral',
          listed(L.VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL),
          sorted([none1.UUIDString(), none2.UUIDString()]))
    check('listAll private', listed(L.VIR_CONNECT_LIST_SECRETS_PRIVATE),
          [priv.UUIDString()])
    check('listAll no private',
          listed(L.VIR_CONNECT_LIST_SECRETS_NO_PRIVATE),
          sorted([SECRET_UUID, none1.UUIDString(), none2.UUIDString()]))
    check('listAll both', listed(L.VIR_CONNECT_LIST_SECRETS_PRIVATE |
                                 L.VIR_CONNECT_LIST_SECRETS_NO_PRIVATE),
          everything)
    check('listAll ephemeral private',
          listed(L.VIR_CONNECT_LIST_SECRETS_EPHEMERAL |
                 L.VIR_CONNECT_LIST_SECRETS_NO_PRIVATE), [SECRET_UUID])
    check('listAll bad flag', err(lambda: conn.listAllSecrets(1 << 9))[0],
          L.VIR_ERR_INVALID_ARG)
    check('listSecrets short', len(conn.listSecrets()), 4)
    check('undefine', sec.undefine(), 0)
    check('undefine again', err(sec.undefine)[0], L.VIR_ERR_NO_SECRET)
    check('value gone', err(sec.value)[0], L.VIR_ERR_NO_SECRET)
    check('setValue gone', err(lambda: sec.setValue(b'x'))[0],
          L.VIR_ERR_NO_SECRET)
    check('xml gone', err(lambda: sec.XMLDesc(0))[0], L.VIR_ERR_NO_SECRET)
    for s in (priv, none1, none2):
        s.undefine()
    pump()
    check('deregister', err(lambda: conn.secretEventDeregisterAny(cb2)),
          None)
    conn.secretEventDeregisterAny(cb3)
    check('one secret events', only, ['/var/lib/img.qcow2'])
    check('deregister again', err(
        lambda: conn.secretEventDeregisterAny(cb2))[0], L.VIR_ERR_INVALID_ARG)
    conn.secretEventDeregisterAny(cb1)
    D = L.VIR_SECRET_EVENT_DEFINED
    U = L.VIR_SECRET_EVENT_UNDEFINED
    check('events', events, [
        ['life', SECRET_UUID, D, 0],
        ['value', SECRET_UUID], ['value', SECRET_UUID],
        ['value', SECRET_UUID],
        ['life', SECRET_UUID, D, 0],
        ['life', priv.UUIDString(), D, 0],
        ['value', priv.UUIDString()],
        ['value', SECRET_UUID],
        ['life', none1.UUIDString(), D, 0],
        ['life', none2.UUIDString(), D, 0],
        ['life', SECRET_UUID, U, 0],
        ['life', priv.UUIDString(), U, 0],
        ['life', none1.UUIDString(), U, 0],
        ['life', none2.UUIDString(), U, 0],
    ])

    # Network filters and bindings.
    check('no filters', [conn.numOfNWFilters(), conn.listNWFilters(),
                         conn.listAllNWFilters(0),
                         conn.listAllNWFilterBindings(0)], [0, [], [], []])
    fb_missing = err(lambda: conn.nwfilterDefineXML(FILTER_B))
    check('define referencing missing', fb_missing, None)
    fa = conn.nwfilterDefineXML(FILTER_A)
    fb = conn.nwfilterLookupByName('fb')
    check('define', [fa.name(), fa.UUIDString()],
          ['fa', 'd1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01'])
    check('xml', fb.XMLDesc(0), FILTER_B + '\n')
    check('list', [conn.numOfNWFilters(), conn.listNWFilters(),
                   [f.name() for f in conn.listAllNWFilters(0)]],
          [2, ['fb', 'fa'], ['fb', 'fa']])
    check('lookupByName missing', err(lambda: conn.nwfilterLookupByName('x')),
          [L.VIR_ERR_NO_NWFILTER, L.VIR_FROM_NWFILTER,
           "Network filter not found: no nwfilter with matching name 'x'"])
    muuid = 'd1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9eff'
    check('lookupByUUID missing', err(
        lambda: conn.nwfilterLookupByUUIDString(muuid)),
        [L.VIR_ERR_NO_NWFILTER, L.VIR_FROM_NWFILTER,
         "Network filter not found: no nwfilter with matching uuid '%s'"
         % muuid])
    check('lookupByUUID', conn.nwfilterLookupByUUIDString(
        fa.UUIDString()).name(), 'fa')
    check('name clash', err(lambda: conn.nwfilterDefineXML(
        FILTER_A.replace('d1a5e1f0', 'd2a5e1f0'))),
        [L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_NWFILTER,
         "operation failed: filter 'fa' already exists with uuid "
         "d1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01"])
    check('uuid clash', err(lambda: conn.nwfilterDefineXML(
        FILTER_A.replace("name='fa'", "name='fz'"))),
        [L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_NWFILTER,
         "operation failed: filter with same UUID but different name "
         "('fa') already exists"])
    check('loop', err(lambda: conn.nwfilterDefineXML(FILTER_A.replace(
        '</filter>', "<filterref filter='fb'/></filter>"))),
        [L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_NWFILTER,
         'operation failed: filter would introduce a loop'])
    check('self loop', err(lambda: conn.nwfilterDefineXML(
        "<filter name='me'><filterref filter='me'/></filter>"))[2],
        'operation failed: filter would introduce a loop')
    check('define bad', err(lambda: conn.nwfilterDefineXML(
        "<filter name='b' chain='nonsense'/>"))[0:2],
        [L.VIR_ERR_INVALID_ARG, L.VIR_FROM_NWFILTER])
    check('define bad flags', err(lambda: conn.nwfilterDefineXMLFlags(
        FILTER_A, 1 << 4))[0], L.VIR_ERR_INVALID_ARG)
    check('validate', err(lambda: conn.nwfilterDefineXMLFlags(
        FILTER_A.replace('</filter>', '<bogus/></filter>'),
        L.VIR_NWFILTER_DEFINE_VALIDATE))[0] is not None, True)

    check('binding missing filter', err(lambda: conn.nwfilterBindingCreateXML(
        BINDING % 'nope', 0)),
        [L.VIR_ERR_INTERNAL_ERROR, L.VIR_FROM_NWFILTER,
         "internal error: referenced filter 'nope' is missing"])
    bd = conn.nwfilterBindingCreateXML(BINDING % 'fb', 0)
    check('binding', [bd.portDev(), bd.filterName()], ['vnet0', 'fb'])
    check('binding xml', bd.XMLDesc(0), BINDING % 'fb' + '\n')
    check('binding again', err(lambda: conn.nwfilterBindingCreateXML(
        BINDING % 'fa', 0)),
        [L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_NWFILTER,
         "operation failed: binding 'vnet0' already exists"])
    check('binding lookup', conn.nwfilterBindingLookupByPortDev(
        'vnet0').filterName(), 'fb')
    check('binding lookup missing', err(
        lambda: conn.nwfilterBindingLookupByPortDev('vnet9')),
        [L.VIR_ERR_NO_NWFILTER_BINDING, L.VIR_FROM_NWFILTER,
         "Network filter binding not found: no nwfilter binding for port "
         "dev 'vnet9'"])
    check('bindings', [b.portDev() for b in
                       conn.listAllNWFilterBindings(0)], ['vnet0'])
    in_use = [L.VIR_ERR_OPERATION_INVALID, L.VIR_FROM_NWFILTER,
              'Requested operation is not valid: nwfilter is in use']
    check('undefine bound', err(fb.undefine), in_use)
    check('undefine referenced by bound', err(fa.undefine), in_use)
    check('redefine broken chain', err(lambda: conn.nwfilterDefineXML(
        FILTER_B.replace("'fa'", "'gone'")))[2],
        "internal error: referenced filter 'gone' is missing")
    check('redefine unchanged', conn.nwfilterDefineXML(FILTER_B).name(),
          'fb')
    check('redefine', conn.nwfilterDefineXML(
        FILTER_B.replace("chain='root'", "chain='root' priority='-200'"))
        .name(), 'fb')
    check('redefined xml', "priority='-200'" in fb.XMLDesc(0), True)
    check('order kept', conn.listNWFilters(), ['fb', 'fa'])
    check('binding delete', bd.delete(), 0)
    check('binding delete again', err(bd.delete)[0],
          L.VIR_ERR_NO_NWFILTER_BINDING)
    check('binding xml gone', err(lambda: bd.XMLDesc(0))[0],
          L.VIR_ERR_NO_NWFILTER_BINDING)
    check('undefine fa still referenced', fa.undefine(), 0)
    check('undefine fb', fb.undefine(), 0)
    check('undefine gone', err(fb.undefine)[0], L.VIR_ERR_NO_NWFILTER)
    check('xml gone', err(lambda: fb.XMLDesc(0))[0], L.VIR_ERR_NO_NWFILTER)
    check('empty again', [conn.numOfNWFilters(),
                          conn.listAllNWFilterBindings(0)], [0, []])
    pump()

    # Node files: secrets (with a value) and filters, a Vireo extension.
    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, 'node.xml'), 'w') as f:
            f.write(NODE)
        with open(os.path.join(tmp, 'secret.xml'), 'w') as f:
            f.write(PRIVATE)
        with open(os.path.join(tmp, 'clash.xml'), 'w') as f:
            f.write('<node>%s%s</node>' % (PRIVATE, PRIVATE.replace(
                'c2a5e1f0', 'c4a5e1f0')))
        with open(os.path.join(tmp, 'nofilter.xml'), 'w') as f:
            f.write('<node>%s</node>' % (BINDING % 'nope'))
        nc = L.open('test://' + os.path.join(tmp, 'node.xml'))
        check('node secrets', sorted(nc.listSecrets()), sorted([
            'f1a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e01',
            'c2a5e1f0-1d2b-4c3d-8e4f-5a6b7c8d9e02']))
        check('node secret value', nc.secretLookupByUsage(
            L.VIR_SECRET_USAGE_TYPE_TLS, 'tls1').value(), b'secret')
        check('node filters', nc.listNWFilters(), ['nf', 'nf2'])
        check('node binding', nc.nwfilterBindingLookupByPortDev(
            'vnet5').filterName(), 'nf')
        check('node filter in use', err(
            nc.nwfilterLookupByName('nf2').undefine), in_use)
        nc.close()
        check('node secret clash', err(lambda: L.open(
            'test://' + os.path.join(tmp, 'clash.xml')))[0],
            L.VIR_ERR_INTERNAL_ERROR)
        check('node binding without filter', err(lambda: L.open(
            'test://' + os.path.join(tmp, 'nofilter.xml')))[2],
            "test driver file '%s', <filterbinding> 1: internal error: "
            "referenced filter 'nope' is missing"
            % os.path.join(tmp, 'nofilter.xml'))
    finally:
        shutil.rmtree(tmp)

    L.virEventRemoveTimeout(tick)
    conn.close()
    for f in failures:
        print('FAIL ' + f)
    print('vireo-only: %d checks, %d failed' % (count[0], len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe, vireo))
