#!/usr/bin/python3
"""The test driver's host interfaces and node devices, side by side with
upstream's.

usage: check_test_ifaces.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default through
Debian's python3-libvirt: the default interface, lookups by name and MAC,
lists with filters, definition and the start/stop state checks, change
transactions; the default node devices, lists by capability, parents and
capabilities, vHBAs made and destroyed with their events; and a node file
with interfaces and devices (inline and file=).  It runs on the system's
libvirt.so.0 and on Vireo's; the comparison machinery is
check_test_driver.py's.

Where upstream's test driver misbehaves (it refuses the ACTIVE/INACTIVE
filters virsh nodedev-list passes, answers success for a destroy that
failed, lacks the lookup by WWN), a second scenario (--vireo) asserts
Vireo's documented behaviour on Vireo alone.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

ETH2 = """<interface type='ethernet' name='eth2'>
  <start mode='none'/>
  <mac address='aa:bb:cc:dd:ee:ff'/>
  <protocol family='ipv4'>
    <dhcp peerdns='no'/>
  </protocol>
</interface>"""
ETH2_V2 = ETH2.replace("aa:bb:cc:dd:ee:ff", "52:54:00:12:34:56")
BRIDGE = """<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <mtu size='1500'/>
  <protocol family='ipv4'>
    <ip address='10.0.0.2' prefix='24'/>
    <route gateway='10.0.0.1'/>
  </protocol>
  <protocol family='ipv6'>
    <autoconf/>
    <dhcp/>
    <ip address='fe80::2' prefix='64'/>
  </protocol>
  <bridge stp='off' delay='0.01'>
    <interface type='ethernet' name='eth5'>
      <mac address='52:54:00:aa:bb:01'/>
    </interface>
    <interface type='vlan' name='eth6.42'>
      <vlan tag='42'>
        <interface name='eth6'/>
      </vlan>
    </interface>
  </bridge>
</interface>"""
BOND = """<interface type='bond' name='bond0'>
  <start mode='hotplug'/>
  <bond mode='active-backup'>
    <miimon freq='100' updelay='10' carrier='ioctl'/>
    <interface type='ethernet' name='eth7'>
      <mac address='52:54:00:aa:bb:02'/>
    </interface>
    <interface type='ethernet' name='eth8'/>
  </bond>
</interface>"""
VLAN = """<interface type='vlan' name='eth0.7'>
  <start mode='onboot'/>
  <vlan tag='7'>
    <interface name='eth0'/>
  </vlan>
</interface>"""
ETH3 = ("<interface type='ethernet' name='eth3'>"
        "<mac address='52:54:00:00:00:03'/></interface>")
ETH4 = ETH3.replace('eth3', 'eth4').replace(':03', ':04')

VHBA = """<device>
  <parent>%s</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2000000011112222</wwnn>
      <wwpn>1000000011112222</wwpn>
    </capability>
  </capability>
</device>"""
VHBA_BY_WWN = VHBA.replace(
    '<parent>%s</parent>', "<parent wwnn='%s' wwpn='%s'/>")
VHBA_BY_FABRIC = VHBA.replace(
    '<parent>%s</parent>', "<parent fabric_wwn='%s'/>")
VHBA_ANY = VHBA.replace('<parent>%s</parent>', '')
NOT_FC = """<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'/>
</device>"""

NODE = """<node>
  <interface type='ethernet' name='neth0'>
    <start mode='onboot'/>
    <mac address='52:54:00:77:00:01'/>
  </interface>
  <interface file='iface-file.xml'/>
  <device>
    <name>nodecomputer</name>
    <capability type='system'>
      <hardware>
        <vendor>Node</vendor>
        <uuid>11111111-2222-3333-4444-666666666666</uuid>
      </hardware>
    </capability>
  </device>
  <device file='dev-file.xml'/>
</node>"""
NODE_FILE_IFACE = """<interface type='bridge' name='nbr0'>
  <bridge>
    <interface type='ethernet' name='neth1'/>
  </bridge>
</interface>"""
NODE_FILE_DEV = """<device>
  <name>node_scsi_host3</name>
  <parent>nodecomputer</parent>
  <capability type='scsi_host'>
    <host>3</host>
    <capability type='fc_host'>
      <wwnn>2000000000000003</wwnn>
      <wwpn>1000000000000003</wwpn>
    </capability>
    <capability type='vport_ops'/>
  </capability>
</device>"""


def probe():
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    code_only = rec.code_only

    events = []

    def on_event(conn, dev, event, detail, opaque):
        events.append([opaque, dev.name(), event, detail])

    pump = rec.pump

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)

    # ---- Interfaces ----

    def ilists():
        res = [conn.numOfInterfaces(), sorted(conn.listInterfaces()),
               conn.numOfDefinedInterfaces(),
               sorted(conn.listDefinedInterfaces())]
        for flags in (0, libvirt.VIR_CONNECT_LIST_INTERFACES_ACTIVE,
                      libvirt.VIR_CONNECT_LIST_INTERFACES_INACTIVE,
                      libvirt.VIR_CONNECT_LIST_INTERFACES_ACTIVE |
                      libvirt.VIR_CONNECT_LIST_INTERFACES_INACTIVE):
            res.append(sorted([i.name(), i.MACString()]
                              for i in conn.listAllInterfaces(flags)))
        return res

    def istate(name):
        iface = conn.interfaceLookupByName(name)
        return [iface.name(), iface.MACString(), iface.isActive(),
                iface.XMLDesc(0)]

    step('iface default', lambda: istate('eth1'))
    eth1 = conn.interfaceLookupByName('eth1')
    step('iface XMLDesc bad flag', lambda: eth1.XMLDesc(1 << 3))
    step('iface lists initial', ilists)
    step('iface listAll bad flag', lambda: conn.listAllInterfaces(1 << 5))
    step('iface lookup missing', lambda: conn.interfaceLookupByName('nope'))
    step('iface by mac', lambda: [
        i.name() for i in (conn.interfaceLookupByMACString(
            'aa:bb:cc:dd:ee:ff'),)])
    step('iface by mac case', lambda: [
        [i.name(), i.MACString()] for i in (conn.interfaceLookupByMACString(
            'AA:BB:CC:DD:EE:FF'),)])
    step('iface by mac missing',
         lambda: conn.interfaceLookupByMACString('aa:bb:cc:dd:ee:00'))

    step('iface define', lambda: conn.interfaceDefineXML(ETH2, 0).name())
    step('iface define state', lambda: istate('eth2'))
    step('iface by mac twice',
         lambda: conn.interfaceLookupByMACString('aa:bb:cc:dd:ee:ff'))
    step('iface define bad type', lambda: conn.interfaceDefineXML(
        "<interface type='bogus' name='x'/>", 0))
    step('iface define no name', lambda: conn.interfaceDefineXML(
        "<interface type='ethernet'/>", 0))
    step('iface define bad root', lambda: conn.interfaceDefineXML(
        "<network/>", 0))
    step('iface define validate', lambda: code_only(
        lambda: conn.interfaceDefineXML(
            "<interface type='ethernet' name='v'><junk/></interface>",
            libvirt.VIR_INTERFACE_DEFINE_VALIDATE)))
    step('iface define bad flag',
         lambda: conn.interfaceDefineXML(ETH2, 1 << 4))
    step('iface lists defined', ilists)

    eth2 = conn.interfaceLookupByName('eth2')
    step('iface create', lambda: eth2.create(0))
    step('iface create again', lambda: eth2.create(0))
    step('iface create bad flag', lambda: eth2.create(1))
    step('iface created state', lambda: istate('eth2'))
    step('iface lists created', ilists)
    step('iface redefine running',
         lambda: conn.interfaceDefineXML(ETH2_V2, 0).MACString())
    step('iface redefined state', lambda: istate('eth2'))
    step('iface old object mac', eth2.MACString)
    step('iface destroy', lambda: eth2.destroy(0))
    step('iface destroy again', lambda: eth2.destroy(0))
    step('iface destroy bad flag', lambda: eth2.destroy(1))
    step('iface create 2', lambda: eth2.create(0))
    step('iface undefine running', eth2.undefine)
    step('iface undefined lookup', lambda: conn.interfaceLookupByName('eth2'))
    step('iface undefine again', eth2.undefine)
    step('iface gone isActive', eth2.isActive)
    step('iface gone XMLDesc', lambda: eth2.XMLDesc(0))
    step('iface gone create', lambda: eth2.create(0))
    step('iface gone destroy', lambda: eth2.destroy(0))

    for xml in (BRIDGE, BOND, VLAN):
        step('iface define kind', lambda: istate(
            conn.interfaceDefineXML(xml, 0).name()))
    step('iface lists kinds', ilists)
    for name in ('br0', 'bond0', 'eth0.7'):
        step('iface undefine kind',
             conn.interfaceLookupByName(name).undefine)

    # Transactions: a copy of the list taken at begin comes back at
    # rollback, every interface of it inactive (as upstream's copy is).
    step('tx commit none', lambda: conn.changeCommit(0))
    step('tx rollback none', lambda: conn.changeRollback(0))
    step('tx begin bad flag', lambda: conn.changeBegin(1))
    step('tx begin', lambda: conn.changeBegin(0))
    step('tx begin again', lambda: conn.changeBegin(0))
    step('tx define', lambda: conn.interfaceDefineXML(ETH3, 0).name())
    step('tx create', lambda: conn.interfaceLookupByName('eth3').create(0))
    step('tx undefine eth1', eth1.undefine)
    step('tx lists during', ilists)
    step('tx commit bad flag', lambda: conn.changeCommit(1))
    step('tx rollback bad flag', lambda: conn.changeRollback(1))
    step('tx rollback', lambda: conn.changeRollback(0))
    step('tx lists rolled back', ilists)
    step('tx eth1 back', lambda: istate('eth1'))
    step('tx eth3 gone', lambda: conn.interfaceLookupByName('eth3'))
    step('tx rollback again', lambda: conn.changeRollback(0))
    step('tx eth1 create', lambda: eth1.create(0))
    step('tx begin 2', lambda: conn.changeBegin(0))
    step('tx define 2', lambda: conn.interfaceDefineXML(ETH4, 0).name())
    step('tx commit', lambda: conn.changeCommit(0))
    step('tx lists committed', ilists)
    step('tx commit again', lambda: conn.changeCommit(0))
    step('tx rollback after commit', lambda: conn.changeRollback(0))
    step('tx cleanup',
         lambda: conn.interfaceLookupByName('eth4').undefine())

    # ---- Node devices ----

    caps = ['system', 'pci', 'usb_device', 'net', 'scsi_host', 'fc_host',
            'vports', 'scsi', 'storage', 'mdev_types', 'bogus']

    def dlists():
        res = [conn.numOfDevices(None, 0), sorted(conn.listDevices(None, 0))]
        for cap in caps:
            res.append([cap, conn.numOfDevices(cap, 0),
                        sorted(conn.listDevices(cap, 0))])
        for bit in range(22):
            res.append([bit, sorted(d.name()
                                    for d in conn.listAllDevices(1 << bit))])
        res.append(sorted(d.name() for d in conn.listAllDevices(0)))
        res.append(sorted(d.name() for d in conn.listAllDevices(
            libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM |
            libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS)))
        return res

    def dstate(name):
        dev = conn.nodeDeviceLookupByName(name)
        return [dev.name(), dev.parent(), dev.numOfCaps(), dev.listCaps(),
                dev.XMLDesc(0)]

    cb1 = conn.nodeDeviceEventRegisterAny(
        None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, on_event, 'all')
    step('dev lists initial', dlists)
    for name in ('computer', 'scsi_host1', 'scsi_host2', 'scsi_host11'):
        step('dev ' + name, lambda: dstate(name))
    step('dev lookup missing', lambda: conn.nodeDeviceLookupByName('nope'))
    step('dev XMLDesc bad flag', lambda: conn.nodeDeviceLookupByName(
        'computer').XMLDesc(1))
    step('dev numOfDevices bad flag', lambda: conn.numOfDevices(None, 1))
    step('dev listDevices bad flag', lambda: conn.listDevices(None, 1))
    step('dev listAll bad flag', lambda: conn.listAllDevices(1 << 25))

    step('vhba create', lambda: [
        [d.name(), d.parent()]
        for d in (conn.nodeDeviceCreateXML(VHBA % 'scsi_host1', 0),)])
    step('vhba state', lambda: dstate('scsi_host12'))
    vhba = conn.nodeDeviceLookupByName('scsi_host12')
    cb2 = conn.nodeDeviceEventRegisterAny(
        vhba, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, on_event, 'one')
    step('vhba lists', dlists)
    step('vhba create scsi_host2', lambda: [
        [d.name(), d.parent(), d.XMLDesc(0)]
        for d in (conn.nodeDeviceCreateXML(VHBA % 'scsi_host2', 0),)])
    step('vhba create by wwn', lambda: conn.nodeDeviceCreateXML(
        VHBA_BY_WWN % ('2000000056785678', '1000000056785678'), 0).name())
    step('vhba create by wwn missing', lambda: conn.nodeDeviceCreateXML(
        VHBA_BY_WWN % ('2000000056785679', '1000000056785678'), 0))
    step('vhba create by wwn no vports', lambda: conn.nodeDeviceCreateXML(
        VHBA_BY_WWN % ('2000000034563456', '1000000034563456'), 0))
    step('vhba create by fabric', lambda: conn.nodeDeviceCreateXML(
        VHBA_BY_FABRIC % '2000000087658765', 0).name())
    step('vhba create by fabric missing', lambda: conn.nodeDeviceCreateXML(
        VHBA_BY_FABRIC % '2000000087658766', 0))
    step('vhba create any parent', lambda: conn.nodeDeviceCreateXML(
        VHBA_ANY, 0).name())
    step('vhba create no vports', lambda: conn.nodeDeviceCreateXML(
        VHBA % 'scsi_host11', 0))
    step('vhba create no parent', lambda: conn.nodeDeviceCreateXML(
        VHBA % 'nope', 0))
    step('vhba create not fc', lambda: conn.nodeDeviceCreateXML(NOT_FC, 0))
    step('vhba create parent wwnn only', lambda: conn.nodeDeviceCreateXML(
        VHBA.replace('<parent>%s</parent>', "<parent wwnn='1'/>"), 0))
    step('vhba create bad root',
         lambda: conn.nodeDeviceCreateXML('<bogus/>', 0))
    step('vhba create no caps',
         lambda: conn.nodeDeviceCreateXML('<device/>', 0))
    step('vhba create bad flag',
         lambda: conn.nodeDeviceCreateXML(VHBA % 'scsi_host1', 2))
    step('vhba create validate', lambda: code_only(
        lambda: conn.nodeDeviceCreateXML(
            (VHBA % 'scsi_host1').replace('<device>', '<device><junk/>'),
            libvirt.VIR_NODE_DEVICE_CREATE_XML_VALIDATE)))
    step('vhba destroy', vhba.destroy)
    step('vhba gone', lambda: conn.nodeDeviceLookupByName('scsi_host12'))
    step('vhba destroy again', vhba.destroy)
    step('vhba gone XMLDesc', lambda: vhba.XMLDesc(0))
    step('vhba gone numOfCaps', vhba.numOfCaps)
    step('vhba gone listCaps', vhba.listCaps)
    step('vhba lists after', dlists)
    pump()
    step('dev deregister', lambda: conn.nodeDeviceEventDeregisterAny(cb2))
    step('dev deregister again',
         lambda: conn.nodeDeviceEventDeregisterAny(cb2))

    tmp = tempfile.mkdtemp()
    try:
        with open(os.path.join(tmp, 'node.xml'), 'w') as f:
            f.write(NODE)
        with open(os.path.join(tmp, 'iface-file.xml'), 'w') as f:
            f.write(NODE_FILE_IFACE)
        with open(os.path.join(tmp, 'dev-file.xml'), 'w') as f:
            f.write(NODE_FILE_DEV)
        bad = {
            'noname.xml': "<node><interface type='ethernet'/></node>",
            'badtype.xml': "<node><interface type='x' name='a'/></node>",
            'nofile.xml': "<node><interface file='missing.xml'/></node>",
            'devnoname.xml': "<node><device><capability type='system'/>"
                             "</device></node>",
            'devnocaps.xml': "<node><device><name>d</name></device></node>",
            'devnofile.xml': "<node><device file='missing.xml'/></node>",
            'devwrongroot.xml': "<node><device file='iface-file.xml'/>"
                                "</node>",
        }
        for name, text in bad.items():
            with open(os.path.join(tmp, name), 'w') as f:
                f.write(text)
        nc = libvirt.open('test://' + os.path.join(tmp, 'node.xml'))
        step('node iface lists', lambda: [
            sorted(nc.listInterfaces()), sorted(nc.listDefinedInterfaces())])
        for name in ('neth0', 'nbr0'):
            iface = nc.interfaceLookupByName(name)
            step('node ' + name, lambda: [iface.isActive(),
                                          iface.MACString(),
                                          iface.XMLDesc(0)])
        step('node dev lists', lambda: [
            sorted(nc.listDevices(None, 0)),
            sorted(nc.listDevices('vports', 0))])
        for name in ('nodecomputer', 'node_scsi_host3'):
            dev = nc.nodeDeviceLookupByName(name)
            step('node ' + name, lambda: [dev.parent(), dev.listCaps(),
                                          dev.XMLDesc(0)])
        nc.close()
        for name in sorted(bad):
            step('node ' + name, lambda: libvirt.open(
                'test://' + os.path.join(tmp, name)).getURI())
    finally:
        shutil.rmtree(tmp)

    pump()
    conn.nodeDeviceEventDeregisterAny(cb1)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    # The temporary directory differs between the two runs.
    print(json.dumps(steps).replace(tmp, 'TMPDIR'))
    return 0


def vireo():
    """Vireo's own behaviour where upstream's test driver is wrong or
    silent; run on Vireo only.  Fails loudly."""
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open('test:///default')

    def error(func):
        try:
            func()
        except libvirt.libvirtError as e:
            return [e.get_error_code(), e.get_error_domain(),
                    e.get_error_message()]
        raise AssertionError('no error from %r' % func)

    def names(flags):
        return sorted(d.name() for d in conn.listAllDevices(flags))

    every = ['computer', 'scsi_host1', 'scsi_host11', 'scsi_host2']
    active = libvirt.VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE
    inactive = libvirt.VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE
    # virsh nodedev-list passes ACTIVE (--all: ACTIVE|INACTIVE); every
    # device of the test driver exists, hence is active.
    assert names(active) == every, names(active)
    assert names(active | inactive) == every
    assert names(inactive) == []
    assert names(active | libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS) \
        == ['scsi_host1', 'scsi_host2']
    assert names(inactive |
                 libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS) == []

    # A destroy that fails says so (upstream answers 0 and keeps it).
    computer = conn.nodeDeviceLookupByName('computer')
    assert error(computer.destroy) == [
        libvirt.VIR_ERR_INTERNAL_ERROR, libvirt.VIR_FROM_NODEDEV,
        'internal error: Device is not a fibre channel HBA']
    assert 'computer' in conn.listDevices(None, 0)
    vhba = conn.nodeDeviceCreateXML(VHBA % 'scsi_host1', 0)
    assert vhba.name() == 'scsi_host12'

    # A vHBA asked for without WWNs gets generated ones (upstream's test
    # driver has no hypervisor type to generate them for and fails).
    conn.nodeDeviceCreateXML(NOT_FC.replace(
        "<capability type='scsi_host'/>",
        "<capability type='scsi_host'><capability type='fc_host'/>"
        "</capability>").replace('scsi_host1', 'scsi_host2'), 0)
    xml = conn.nodeDeviceLookupByName('scsi_host12').XMLDesc(0)
    assert '<wwnn>5001a4a' in xml and '<wwpn>5001a4a' in xml, xml

    # Without the device a vHBA copies, creating one says why.
    conn.nodeDeviceLookupByName('scsi_host11').destroy()
    assert error(lambda: conn.nodeDeviceCreateXML(VHBA % 'scsi_host2', 0)) \
        == [libvirt.VIR_ERR_NO_NODE_DEVICE, libvirt.VIR_FROM_TEST,
            "Node device not found: no node device with matching name "
            "'scsi_host11'"]

    conn.nodeDeviceLookupByName('scsi_host1').destroy()
    assert error(vhba.destroy) == [
        libvirt.VIR_ERR_INTERNAL_ERROR, libvirt.VIR_FROM_TEST,
        "internal error: cannot find parent 'scsi_host1' definition"]
    assert 'scsi_host12' in conn.listDevices(None, 0)

    # The lookup by WWN upstream's test driver lacks.
    dev = conn.nodeDeviceLookupSCSIHostByWWN('2000000056785678',
                                             '1000000056785678', 0)
    assert dev.name() == 'scsi_host2' and dev.parent() == 'computer'
    assert error(lambda: conn.nodeDeviceLookupSCSIHostByWWN(
        '1', '2', 0))[0] == libvirt.VIR_ERR_NO_NODE_DEVICE
    assert error(lambda: conn.nodeDeviceLookupSCSIHostByWWN(
        '2000000056785678', '1000000056785678', 1))[0] == \
        libvirt.VIR_ERR_INVALID_ARG

    # virsh iface-dumpxml --inactive: the same XML (upstream's test
    # driver refuses the flag).
    eth1 = conn.interfaceLookupByName('eth1')
    assert eth1.XMLDesc(libvirt.VIR_INTERFACE_XML_INACTIVE) == \
        eth1.XMLDesc(0)

    # An interface without a MAC (a bridge) matches no MAC lookup
    # (upstream compares a NULL MAC, GLib warns, and it matches all).
    conn.interfaceDefineXML(BRIDGE, 0)
    assert error(lambda: conn.interfaceLookupByMACString(
        '11:22:33:44:55:66'))[0] == libvirt.VIR_ERR_NO_INTERFACE
    conn.close()
    print('vireo-only checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe, vireo))
