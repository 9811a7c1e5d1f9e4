#!/usr/bin/python3
"""The test driver's smaller domain calls, side by side with upstream's.

usage: check_test_domain_misc.py BUILDDIR/src

A scenario (this file run with --probe) drives rename, lifecycle actions,
the security label, memory peeks, disk errors, messages and the
*WithFiles starts through Debian's python3-libvirt, with their state
checks and errors and the rename events.  It runs on the system's
libvirt.so.0 and on Vireo's; the comparison machinery is
check_test_driver.py's.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

GUEST = """<domain type='test'>
  <name>misc1</name>
  <uuid>7dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/a.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='disk'>
      <source file='/guest/b.img'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
  </devices>
</domain>"""

IO_GUEST = """<domain type='test'>
  <name>io</name>
  <uuid>6dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory unit='MiB'>256</memory>
  <vcpu cpuset='0-1'>2</vcpu>
  <iothreads>3</iothreads>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' iothread='1'/>
      <source file='/guest/io.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <controller type='scsi' index='0' model='virtio-scsi'>
      <driver iothread='2'/>
    </controller>
  </devices>
</domain>"""

NODE_DOMAIN = """<domain type='test'
    xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
  <name>%s</name>
  <uuid>%s</uuid>
  <memory unit='MiB'>64</memory>
  <os><type>hvm</type></os>
  %s
</domain>"""


def node_domains(*items):
    return '<node>' + ''.join(
        NODE_DOMAIN % (name, '0d%06x-1d52-d8f3-2516-782e98ab3fa0' % i, ns)
        for i, (name, ns) in enumerate(items)) + '</node>'


def probe():
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    events = []

    def on_event(conn, dom, event, detail, opaque):
        events.append([dom.name(), event, detail])

    pump = rec.pump

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    cb = conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_event, None)
    test = conn.lookupByName('test')

    # Rename: only a persistent, shut-off domain, to a free name.
    step('rename running', lambda: test.rename('other', 0))
    dom = conn.defineXML(GUEST)
    step('rename to itself', lambda: dom.rename('misc1', 0))
    step('rename to a taken name', lambda: dom.rename('test', 0))
    step('rename with slash', lambda: dom.rename('a/b', 0))
    step('rename bad flags', lambda: dom.rename('x', 1))
    step('rename', lambda: dom.rename('misc2', 0))
    step('old name gone', lambda: conn.lookupByName('misc1').name())
    renamed = conn.lookupByName('misc2')
    step('new name', lambda: [renamed.name(), renamed.UUIDString()])
    step('handle after rename', lambda: dom.name())
    step('XML after rename', lambda: renamed.XMLDesc(0))
    transient = conn.createXML(GUEST.replace('misc1', 'tmisc').replace(
        '7dea22b3', '8dea22b3'), 0)
    step('rename transient', lambda: transient.rename('t2', 0))
    transient.destroy()

    # Lifecycle actions, live and config.
    step('lifecycle poweroff preserve',
         lambda: test.setLifecycleAction(
             libvirt.VIR_DOMAIN_LIFECYCLE_POWEROFF,
             libvirt.VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE, 0))
    step('lifecycle reboot coredump',
         lambda: test.setLifecycleAction(
             libvirt.VIR_DOMAIN_LIFECYCLE_REBOOT,
             libvirt.VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY, 0))
    step('lifecycle crash coredump config',
         lambda: test.setLifecycleAction(
             libvirt.VIR_DOMAIN_LIFECYCLE_CRASH,
             libvirt.VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART,
             libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('lifecycle live on stopped',
         lambda: renamed.setLifecycleAction(
             libvirt.VIR_DOMAIN_LIFECYCLE_CRASH,
             libvirt.VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
             libvirt.VIR_DOMAIN_AFFECT_LIVE))
    step('lifecycle bad flags',
         lambda: test.setLifecycleAction(0, 0, 4))
    step('XML after lifecycle', lambda: test.XMLDesc(0))
    step('XML inactive after lifecycle',
         lambda: test.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))

    # Security label, memory peeks, disk errors, messages.
    step('seclabel running', test.securityLabel)
    step('seclabel stopped', renamed.securityLabel)
    step('memory peek', lambda: list(test.memoryPeek(
        250, 10, libvirt.VIR_MEMORY_VIRTUAL)))
    step('memory peek physical', lambda: list(test.memoryPeek(
        3, 4, libvirt.VIR_MEMORY_PHYSICAL)))
    step('memory peek both flags', lambda: test.memoryPeek(
        0, 4, libvirt.VIR_MEMORY_VIRTUAL | libvirt.VIR_MEMORY_PHYSICAL))
    step('memory peek stopped', lambda: renamed.memoryPeek(
        0, 4, libvirt.VIR_MEMORY_VIRTUAL))
    step('disk errors running', test.diskErrors)
    step('disk errors stopped', renamed.diskErrors)
    step('messages', lambda: test.messages(0))
    step('messages bad flags', lambda: test.messages(8))

    # The *WithFiles starts ignore the files.
    step('createWithFiles', lambda: renamed.createWithFiles([], 0))
    step('disk errors of two disks', renamed.diskErrors)
    step('createXMLWithFiles', lambda: conn.createXMLWithFiles(
        GUEST.replace('misc1', 'wf').replace('7dea22b3', '9dea22b3'),
        [], 0).name())
    step('createWithFiles running', lambda: renamed.createWithFiles([], 0))

    # I/O threads: add, pin, polling parameters, delete.
    LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE
    CONFIG = libvirt.VIR_DOMAIN_AFFECT_CONFIG
    step('iothreads none', lambda: test.ioThreadInfo(0))
    step('addIOThread 0', lambda: test.addIOThread(0, 0))
    step('addIOThread', lambda: test.addIOThread(3, 0))
    step('addIOThread again', lambda: test.addIOThread(3, LIVE))
    step('addIOThread config', lambda: test.addIOThread(5, CONFIG))
    step('addIOThread bad flags', lambda: test.addIOThread(6, 1 << 5))
    step('iothreads live', lambda: test.ioThreadInfo(LIVE))
    step('iothreads config', lambda: test.ioThreadInfo(CONFIG))
    pin = (False, True, True) + (False,) * 13
    step('pinIOThread', lambda: test.pinIOThread(3, pin, 0))
    step('pinIOThread missing', lambda: test.pinIOThread(4, pin, 0))
    step('pinIOThread empty', lambda: test.pinIOThread(3, (False,) * 16, 0))
    step('iothreads after pin', lambda: test.ioThreadInfo(0))
    step('setIOThreadParams', lambda: test.setIOThreadParams(
        3, {'poll_max_ns': 1000, 'poll_grow': 2, 'poll_shrink': 3}, LIVE))
    step('setIOThreadParams missing', lambda: test.setIOThreadParams(
        9, {'poll_grow': 2}, LIVE))
    step('setIOThreadParams config', lambda: test.setIOThreadParams(
        3, {'poll_grow': 2}, CONFIG))
    step('iothread stats', lambda: [
        sorted(r[1].items()) for r in conn.domainListGetStats(
            [test], libvirt.VIR_DOMAIN_STATS_IOTHREAD)])
    step('XML with iothreads', lambda: test.XMLDesc(0))
    step('XML inactive with iothreads',
         lambda: test.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    step('delIOThread missing', lambda: test.delIOThread(4, 0))
    step('delIOThread', lambda: test.delIOThread(3, 0))
    step('iothreads after del', lambda: test.ioThreadInfo(0))
    io = conn.defineXML(IO_GUEST)
    step('delIOThread used by disk', lambda: io.delIOThread(1, 0))
    step('delIOThread used by controller', lambda: io.delIOThread(2, 0))
    step('iothreads of a defined domain', lambda: io.ioThreadInfo(0))
    step('delIOThread unused', lambda: io.delIOThread(3, 0))
    step('XML after del', lambda: io.XMLDesc(0))

    # Run state from the test: namespace of a node file.
    tmp = tempfile.mkdtemp()
    try:
        def node_file(name, text):
            path = os.path.join(tmp, name)
            with open(path, 'w') as f:
                f.write(text)
            return 'test://' + path

        good = node_file('states.xml', node_domains(
            ('plain', ''),
            ('paused', '<test:runstate>3</test:runstate>'),
            ('off', '<test:runstate>5</test:runstate>'),
            ('crashed', '<test:runstate>6</test:runstate>'),
            ('trans', '<test:transient/>'),
            ('saved', '<test:hasmanagedsave/><test:runstate>5</test:runstate>'),
        ))
        nc = libvirt.open(good)
        for dom in sorted(nc.listAllDomains(), key=lambda d: d.name()):
            step('node state ' + dom.name(), lambda: [
                dom.state(), dom.isPersistent(), dom.hasManagedSaveImage(),
                dom.ID() > 0])
        step('node list managed save', lambda: sorted(
            d.name() for d in nc.listAllDomains(
                libvirt.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)))
        nc.close()
        for name, ns in (
                ('trans-off', '<test:transient/><test:runstate>5'
                              '</test:runstate>'),
                ('saved-on', '<test:hasmanagedsave/>'),
                ('range', '<test:runstate>99</test:runstate>'),
                ('word', '<test:runstate>up</test:runstate>')):
            uri = node_file(name + '.xml', node_domains((name, ns)))
            step('node bad ' + name, lambda: libvirt.open(uri).getURI())
    finally:
        shutil.rmtree(tmp)

    pump()
    conn.domainEventDeregisterAny(cb)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    print(json.dumps(steps).replace(tmp, 'TMPDIR'))
    return 0


def vireo():
    """virDomainGetGuestInfo, which upstream's test driver lacks: every
    group, agreeing with the other guest calls."""
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open('test:///default')
    test = conn.lookupByName('test')
    info = test.guestInfo(0, 0)
    assert info['hostname'] == test.hostname() == 'testhost', info
    assert info['user.count'] == 1 and info['user.0.name'] == 'root', info
    assert info['os.id'] == 'testos' and 'timezone.offset' in info, info
    fs = test.fsInfo()
    assert info['fs.count'] == len(fs) == 2, info
    for i, (mountpoint, name, fstype, disks) in enumerate(fs):
        assert info['fs.%d.mountpoint' % i] == mountpoint
        assert info['fs.%d.name' % i] == name
        assert info['fs.%d.disk.0.alias' % i] == disks[0]
    assert info['disk.count'] == 1 and info['disk.0.alias'] == 'vda', info
    assert info['disk.0.partition'] is False, info
    addrs = test.interfaceAddresses(0)
    assert info['if.count'] == len(addrs) == 1, info
    name, iface = list(addrs.items())[0]
    assert info['if.0.name'] == name and info['if.0.hwaddr'] == iface['hwaddr']
    assert info['if.0.addr.0.addr'] == iface['addrs'][0]['addr'], info
    assert info['if.0.addr.0.prefix'] == iface['addrs'][0]['prefix'], info

    only = test.guestInfo(libvirt.VIR_DOMAIN_GUEST_INFO_HOSTNAME |
                          libvirt.VIR_DOMAIN_GUEST_INFO_DISKS, 0)
    assert sorted(only) == ['disk.0.alias', 'disk.0.name',
                            'disk.0.partition', 'disk.count',
                            'hostname'], only

    def error(func):
        try:
            func()
        except libvirt.libvirtError as e:
            return [e.get_error_code(), e.get_error_message()]
        raise AssertionError('no error')

    assert error(lambda: test.guestInfo(1 << 9, 0)) == [
        libvirt.VIR_ERR_INVALID_ARG,
        "invalid argument: unsupported guest information types '0x200'"]
    assert error(lambda: test.guestInfo(0, 1))[0] == \
        libvirt.VIR_ERR_INVALID_ARG
    test.destroy()
    assert error(lambda: test.guestInfo(0, 0)) == [
        libvirt.VIR_ERR_OPERATION_INVALID,
        'Requested operation is not valid: domain is not running']
    conn.close()
    ro = libvirt.openReadOnly('test:///default')
    assert error(lambda: ro.lookupByName('test').guestInfo(0, 0))[0] == \
        libvirt.VIR_ERR_OPERATION_DENIED
    ro.close()
    print('guest info checks passed')
    return tunable_events()


def tunable_events():
    """TUNABLE events for live pinning and I/O limits, as the QEMU driver
    sends them (upstream's test driver sends none)."""
    import libvirt

    libvirt.virEventRegisterDefaultImpl()
    conn = libvirt.open('test:///default')
    test = conn.lookupByName('test')
    if not test.isActive():
        test.create()
    events = []
    cb = conn.domainEventRegisterAny(
        test, libvirt.VIR_DOMAIN_EVENT_ID_TUNABLE,
        lambda c, d, params, o: events.append([d.name(), params]), None)
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    pin = (True, False, True) + (False,) * 13
    test.pinVcpu(1, pin)
    test.pinEmulator(pin, libvirt.VIR_DOMAIN_AFFECT_CONFIG)
    test.pinEmulator(pin, libvirt.VIR_DOMAIN_AFFECT_LIVE)
    test.addIOThread(4, 0)
    test.pinIOThread(4, pin, libvirt.VIR_DOMAIN_AFFECT_LIVE)
    test.setBlockIoTune('vda', {'total_bytes_sec': 1000,
                                'total_bytes_sec_max': 2000}, 0)
    test.setBlockIoTune('vda', {'read_iops_sec': 5,
                                'read_iops_sec_max': 6},
                        libvirt.VIR_DOMAIN_AFFECT_CONFIG)
    for _ in range(5):
        libvirt.virEventRunDefaultImpl()
    expected = [
        ['test', {'cputune.vcpupin1': '0,2'}],
        ['test', {'cputune.emulatorpin': '0,2'}],
        ['test', {'cputune.iothreadpin4': '0,2'}],
        ['test', {'blkdeviotune.disk': 'vda',
                  'blkdeviotune.total_bytes_sec': 1000,
                  'blkdeviotune.total_bytes_sec_max': 2000}],
    ]
    assert events == expected, events
    conn.domainEventDeregisterAny(cb)
    libvirt.virEventRemoveTimeout(tick)
    conn.close()
    print('tunable event checks passed')
    return undefine_flags()


NVRAM_GUEST = """<domain type='test'>
  <name>nv</name>
  <uuid>5dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory unit='MiB'>256</memory>
  <os>
    <type>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>
    <nvram>/var/lib/libvirt/qemu/nvram/nv_VARS.fd</nvram>
  </os>
</domain>"""


def undefine_flags():
    """Undefine with the NVRAM, TPM and checkpoint flags, which Vireo
    takes as the QEMU driver does (upstream's test driver refuses them)."""
    import libvirt

    conn = libvirt.open('test:///default')
    U = libvirt

    def error(func):
        try:
            func()
        except libvirt.libvirtError as e:
            return [e.get_error_code(), e.get_error_message()]
        raise AssertionError('no error')

    nv = conn.defineXML(NVRAM_GUEST)
    invalid = libvirt.VIR_ERR_OPERATION_INVALID
    assert error(nv.undefine) == [
        invalid, 'Requested operation is not valid: cannot undefine '
        'domain with nvram']
    assert error(lambda: nv.undefineFlags(
        U.VIR_DOMAIN_UNDEFINE_NVRAM | U.VIR_DOMAIN_UNDEFINE_KEEP_NVRAM)) == [
        invalid, 'Requested operation is not valid: cannot both keep and '
        'delete nvram']
    assert error(lambda: nv.undefineFlags(
        U.VIR_DOMAIN_UNDEFINE_TPM | U.VIR_DOMAIN_UNDEFINE_KEEP_TPM)) == [
        invalid, 'Requested operation is not valid: cannot both keep and '
        'delete TPM']
    nv.undefineFlags(U.VIR_DOMAIN_UNDEFINE_KEEP_NVRAM |
                     U.VIR_DOMAIN_UNDEFINE_TPM)
    nv = conn.defineXML(NVRAM_GUEST)
    nv.undefineFlags(U.VIR_DOMAIN_UNDEFINE_NVRAM)
    assert error(lambda: conn.lookupByName('nv'))[0] == \
        libvirt.VIR_ERR_NO_DOMAIN

    # Checkpoints of an inactive domain need CHECKPOINTS_METADATA.
    ck = conn.defineXML(NVRAM_GUEST.replace('>nv<', '>ck<').replace(
        '5dea22b3', '4dea22b3').replace('<nvram>', '<!--').replace(
        '</nvram>', '-->').replace('</os>', '''</os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/ck.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>'''))
    ck.create()
    ck.checkpointCreateXML('<domaincheckpoint><name>c1</name>'
                           '</domaincheckpoint>')
    ck.destroy()
    assert error(ck.undefine) == [
        invalid, 'Requested operation is not valid: cannot delete '
        'inactive domain with 1 checkpoints']
    ck.undefineFlags(U.VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA)
    conn.close()
    print('undefine flag checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe, vireo))
