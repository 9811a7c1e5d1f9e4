#!/usr/bin/python3
"""The test driver's domain state, side by side with upstream's.

usage: check_test_domain_state.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default through
Debian's python3-libvirt: save and restore to real files (with missing,
truncated and foreign images, and images written by the other library),
save image XML, managed save, core dumps, the control info, undefine
flags, and the tuning calls (memory, vCPUs, pinning, scheduler, memory /
blkio / NUMA / interface parameters) with their flag and state errors and
a read-only connection.  It runs on the system's libvirt.so.0 and on
Vireo's; the comparison machinery is check_test_driver.py's.
"""

import json
import os
import shutil
import struct
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

VM = """<domain type='test'>
  <name>sv</name>
  <uuid>7c1a9f3e-2b4d-4e6f-8a0b-1c2d3e4f5a6b</uuid>
  <memory unit='MiB'>1024</memory>
  <currentMemory unit='MiB'>512</currentMemory>
  <vcpu current='2'>4</vcpu>
  <os><type>hvm</type></os>
  <devices>
    <interface type='network'>
      <mac address='52:54:00:aa:bb:01'/>
      <source network='default'/>
    </interface>
  </devices>
</domain>"""
TRANSIENT = VM.replace('>sv<', '>tsv<').replace('7c1a9f3e', '8c1a9f3e')
MAGIC = b'TestGuestMagic\0'


def probe(other):
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    # A truncated image: upstream appends whatever errno its thread had
    # left (Vireo says ENODATA); compare the message up to the file name.
    def no_errno(func):
        try:
            return func()
        except libvirt.libvirtError as e:
            msg = e.get_error_message()
            if e.get_error_code() == libvirt.VIR_ERR_SYSTEM_ERROR:
                msg = msg[:msg.rindex("': ") + 1]
            return ['error', e.get_error_code(), e.get_error_domain(), msg]

    events = []

    def on_event(conn, dom, event, detail, opaque):
        events.append([dom.name(), dom.ID(), event, detail])

    pump = rec.pump

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    cb = conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_event, None)
    tmp = tempfile.mkdtemp()

    def path(name):
        return os.path.join(tmp, name)

    def write(name, data):
        with open(path(name), 'wb') as f:
            f.write(data)

    def read(name):
        with open(path(name), 'rb') as f:
            return f.read()

    def image(name):
        """The file's layout: magic, length, XML (checked, not compared
        byte for byte: the XML is each library's own formatting)."""
        data = read(name)
        (length,) = struct.unpack('=i', data[15:19])
        return [data[:15] == MAGIC, length == len(data) - 19,
                data[19:].startswith(b'<domain')]

    def xml_both(dom):
        return [dom.XMLDesc(0), dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)]

    def state(name):
        dom = conn.lookupByName(name)
        return [dom.state(), dom.ID() > 0, dom.isActive(),
                dom.isPersistent(), dom.hasManagedSaveImage()]

    conn.defineXML(VM)
    sv = conn.lookupByName('sv')
    test = conn.lookupByName('test')

    # ---- save / restore ----
    step('save inactive', lambda: sv.save(path('sv.img')))
    step('save inactive no file', lambda: os.path.exists(path('sv.img')))
    sv.create()
    step('save bad flags', lambda: sv.saveFlags(path('sv.img'), None, 1))
    step('save dxml', lambda: sv.saveFlags(path('sv.img'), VM, 0))
    step('save to missing dir', lambda: sv.save(path('nodir/sv.img')))
    step('save', lambda: sv.save(path('sv.img')))
    step('saved image', lambda: image('sv.img'))
    step('saved state', lambda: state('sv'))
    step('saved id', sv.ID)
    step('save again', lambda: sv.save(path('sv.img')))
    step('image xml', lambda: conn.saveImageGetXMLDesc(path('sv.img'), 0))
    step('image xml secure', lambda: conn.saveImageGetXMLDesc(
        path('sv.img'), libvirt.VIR_DOMAIN_SAVE_IMAGE_XML_SECURE))
    step('image xml bad flags', lambda: conn.saveImageGetXMLDesc(
        path('sv.img'), 1 << 4))
    step('restore bad flags', lambda: conn.restoreFlags(
        path('sv.img'), None, libvirt.VIR_DOMAIN_SAVE_PAUSED))
    step('restore dxml', lambda: conn.restoreFlags(path('sv.img'), VM, 0))
    step('restore', lambda: conn.restore(path('sv.img')))
    step('restored state', lambda: state('sv'))
    step('restored reason', lambda: sv.state())
    step('restore running', lambda: conn.restore(path('sv.img')))
    step('restore flags 0', lambda: conn.restoreFlags(path('nope.img'),
                                                      None, 0))
    step('destroy after restore', sv.destroy)

    # Restoring a saved transient domain brings it back, transient.
    conn.createXML(TRANSIENT, 0)
    tsv = conn.lookupByName('tsv')
    step('save transient', lambda: tsv.save(path('tsv.img')))
    step('transient gone', lambda: conn.lookupByName('tsv'))
    step('restore transient', lambda: conn.restore(path('tsv.img')))
    step('restored transient', lambda: state('tsv'))
    step('destroy transient', lambda: conn.lookupByName('tsv').destroy())

    # Bad images.
    write('empty.img', b'')
    write('short.img', MAGIC[:7])
    write('foreign.img', b'NotAGuestMagic\0' + b'x' * 40)
    write('nolen.img', MAGIC + b'\1\0')
    write('neglen.img', MAGIC + struct.pack('=i', -5) + b'<domain/>')
    write('biglen.img', MAGIC + struct.pack('=i', 8193) + b'<domain/>')
    write('shortxml.img', MAGIC + struct.pack('=i', 400) + b'<domain>')
    write('badxml.img', MAGIC + struct.pack('=i', 9) + b'<domain>x')
    write('noname.img', MAGIC + struct.pack('=i', 29)
          + b"<domain type='test'></domain>")
    for name in ('missing.img', 'empty.img', 'short.img', 'foreign.img',
                 'nolen.img', 'neglen.img', 'biglen.img', 'shortxml.img',
                 'badxml.img', 'noname.img'):
        step('restore ' + name,
             lambda: no_errno(lambda: conn.restore(path(name))))
        step('image xml ' + name, lambda: no_errno(
            lambda: conn.saveImageGetXMLDesc(path(name), 0)))
    step('restore directory', lambda: conn.restore(tmp))

    # An image written by the other library restores here.
    if other:
        step('other image xml', lambda: conn.saveImageGetXMLDesc(other, 0))
        test.destroy()
        step('other image restore', lambda: conn.restore(other))
        step('other restored', lambda: state('test'))

    # Save image define.
    step('image define', lambda: conn.saveImageDefineXML(
        path('sv.img'), VM.replace('512', '256'), 0))
    step('image defined xml', lambda: conn.saveImageGetXMLDesc(
        path('sv.img'), 0))
    step('image define flags', lambda: conn.saveImageDefineXML(
        path('sv.img'), VM, libvirt.VIR_DOMAIN_SAVE_RUNNING))
    step('image define bad flags', lambda: conn.saveImageDefineXML(
        path('sv.img'), VM, libvirt.VIR_DOMAIN_SAVE_BYPASS_CACHE))
    step('image define bad xml', lambda: conn.saveImageDefineXML(
        path('sv.img'), '<domain>', 0))
    step('image define missing', lambda: conn.saveImageDefineXML(
        path('missing.img'), VM, 0))
    step('image define foreign', lambda: conn.saveImageDefineXML(
        path('foreign.img'), VM, 0))
    step('image after define', lambda: image('sv.img'))

    # A paused domain restores running; a clashing image does not restore.
    sv.create()
    sv.suspend()
    step('save paused', lambda: sv.save(path('paused.img')))
    step('restore paused', lambda: conn.restore(path('paused.img')))
    step('restored paused state', sv.state)
    sv.destroy()
    step('image define clash', lambda: conn.saveImageDefineXML(
        path('paused.img'), VM.replace('>sv<', '>test<'), 0))
    step('restore clash', lambda: conn.restore(path('paused.img')))
    step('image define other uuid', lambda: conn.saveImageDefineXML(
        path('paused.img'), VM.replace('7c1a9f3e', '6c1a9f3e'), 0))
    step('restore other uuid', lambda: conn.restore(path('paused.img')))

    # ---- managed save ----
    step('managed save inactive', lambda: sv.managedSave(0))
    step('has managed save', lambda: sv.hasManagedSaveImage(0))
    sv.create()
    step('managed save bad flags', lambda: sv.managedSave(1 << 5))
    step('managed save', lambda: sv.managedSave(
        libvirt.VIR_DOMAIN_SAVE_BYPASS_CACHE))
    step('managed saved state', lambda: state('sv'))
    step('has managed save flags', lambda: sv.hasManagedSaveImage(1))
    step('list managedsave', lambda: sorted(
        d.name() for d in conn.listAllDomains(
            libvirt.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)))
    step('list no managedsave', lambda: sorted(
        d.name() for d in conn.listAllDomains(
            libvirt.VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE)))
    step('managed save xml', lambda: sv.managedSaveGetXMLDesc(0))
    step('undefine with managed save', sv.undefine)
    step('create from managed save', sv.create)
    step('after managed start', lambda: state('sv'))
    step('managed save again', lambda: sv.managedSave(0))
    step('managed save remove bad flags', lambda: sv.managedSaveRemove(1))
    step('managed save remove', lambda: sv.managedSaveRemove(0))
    step('after remove', lambda: state('sv'))
    step('managed save once more', lambda: sv.managedSave(0))
    step('undefine managed save', lambda: sv.undefineFlags(
        libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
        libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA))
    step('undefined', lambda: conn.lookupByName('sv'))
    conn.createXML(TRANSIENT, 0)
    tsv = conn.lookupByName('tsv')
    step('managed save transient', lambda: tsv.managedSave(0))

    # ---- core dumps ----
    step('dump bad flags', lambda: tsv.coreDump(
        path('core'), libvirt.VIR_DUMP_LIVE))
    step('dump', lambda: tsv.coreDump(path('core'), 0))
    step('dump file', lambda: read('core').decode('latin-1'))
    step('dump state', lambda: state('tsv'))
    step('dump missing dir', lambda: tsv.coreDump(path('no/core'), 0))
    step('dump format kdump', lambda: tsv.coreDumpWithFormat(
        path('core2'), libvirt.VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB, 0))
    step('dump format file', lambda: read('core2').decode('latin-1'))
    step('dump format bad', lambda: tsv.coreDumpWithFormat(
        path('core3'), 99, 0))
    step('dump crash', lambda: tsv.coreDump(path('core4'),
                                           libvirt.VIR_DUMP_CRASH))
    step('crashed gone', lambda: conn.lookupByName('tsv'))
    conn.defineXML(VM)
    sv = conn.lookupByName('sv')
    step('dump inactive', lambda: sv.coreDump(path('core5'), 0))
    sv.create()
    step('dump crash persistent', lambda: sv.coreDumpWithFormat(
        path('core6'), libvirt.VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
        libvirt.VIR_DUMP_CRASH))
    step('crashed state', lambda: state('sv'))
    step('crashed reason', sv.state)

    # ---- control info ----
    step('control info inactive', lambda: sv.controlInfo(0))
    step('control info', lambda: test.controlInfo(0))
    step('control info bad flags', lambda: test.controlInfo(1))

    # ---- read-only connection ----
    ro = libvirt.openReadOnly('test:///default')
    rtest = ro.lookupByName('test')
    step('ro save', lambda: rtest.save(path('ro.img')))
    step('ro restore', lambda: ro.restore(path('sv.img')))
    step('ro image xml', lambda: ro.saveImageGetXMLDesc(path('sv.img'), 0))
    step('ro managed save', lambda: rtest.managedSave(0))
    step('ro has managed save', lambda: rtest.hasManagedSaveImage(0))
    step('ro dump', lambda: rtest.coreDump(path('ro.core'), 0))
    ro.close()

    # ---- starting a defined domain from other XML ----
    conn.defineXML(VM.replace('>sv<', '>cx<').replace('7c1a9f3e', '9c1a9f3e'))
    cx = conn.lookupByName('cx')
    step('createXML over defined', lambda: conn.createXML(
        VM.replace('>sv<', '>cx<').replace('7c1a9f3e', '9c1a9f3e')
        .replace('512', '256'), 0).name())
    step('createXML over defined xml', lambda: xml_both(cx))
    step('createXML over running', lambda: conn.createXML(
        VM.replace('>sv<', '>cx<').replace('7c1a9f3e', '9c1a9f3e'), 0))
    step('createXML over defined destroy', cx.destroy)
    step('createXML over defined after', lambda: [cx.XMLDesc(0),
                                                  cx.isPersistent()])
    cx.undefine()

    # ---- tuning ----
    LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE
    CONFIG = libvirt.VIR_DOMAIN_AFFECT_CONFIG
    MAXIMUM = libvirt.VIR_DOMAIN_VCPU_MAXIMUM
    MEM_MAX = libvirt.VIR_DOMAIN_MEM_MAXIMUM
    test = conn.lookupByName('test')
    sv = conn.lookupByName('sv')

    # Memory.
    step('setMemory', lambda: test.setMemory(1048576))
    step('info after setMemory', lambda: test.info()[:3])
    step('setMemory above max', lambda: test.setMemory(9000000))
    step('setMemoryFlags config', lambda: test.setMemoryFlags(524288, CONFIG))
    step('memory xml', lambda: xml_both(test))
    step('setMemoryFlags live+config', lambda: test.setMemoryFlags(
        524288, LIVE | CONFIG))
    step('setMemoryFlags bad', lambda: test.setMemoryFlags(524288, 1 << 6))
    step('setMaxMemory running', lambda: test.setMaxMemory(4194304))
    step('setMemoryFlags max live', lambda: test.setMemoryFlags(
        4194304, MEM_MAX | LIVE))
    step('setMemoryFlags max config', lambda: test.setMemoryFlags(
        4194304, MEM_MAX | CONFIG))
    step('maxMemory', test.maxMemory)
    step('setMaxMemory inactive', lambda: sv.setMaxMemory(262144))
    step('inactive memory', lambda: [sv.maxMemory(), sv.info()[:3]])
    step('setMemory inactive', lambda: sv.setMemory(131072))
    step('setMemoryFlags inactive', lambda: sv.setMemoryFlags(131072, 0))
    step('setMemoryFlags inactive config', lambda: sv.setMemoryFlags(
        131072, CONFIG))
    step('inactive memory after', lambda: sv.info()[:3])
    step('stats period', lambda: test.setMemoryStatsPeriod(10, 0))
    step('stats period xml', lambda: test.XMLDesc(0))
    step('stats period no balloon', lambda: sv.setMemoryStatsPeriod(5, 0))
    step('stats period bad flags', lambda: test.setMemoryStatsPeriod(5, 4))

    # vCPUs.
    step('vcpusFlags', lambda: [test.vcpusFlags(0),
                                test.vcpusFlags(MAXIMUM),
                                test.vcpusFlags(CONFIG | MAXIMUM)])
    step('vcpusFlags live+config', lambda: test.vcpusFlags(LIVE | CONFIG))
    step('vcpusFlags bad', lambda: test.vcpusFlags(1 << 5))
    step('maxVcpus', test.maxVcpus)
    step('maxVcpus inactive', sv.maxVcpus)
    step('vcpusFlags inactive', lambda: [sv.vcpusFlags(0),
                                         sv.vcpusFlags(MAXIMUM)])
    step('vcpusFlags inactive live', lambda: sv.vcpusFlags(LIVE))
    step('setVcpus', lambda: test.setVcpus(1))
    step('setVcpus above max', lambda: test.setVcpus(3))
    step('setVcpus above host', lambda: test.setVcpus(100))
    step('setVcpus zero', lambda: test.setVcpus(0))
    step('setVcpusFlags max config', lambda: test.setVcpusFlags(
        4, MAXIMUM | CONFIG))
    step('setVcpusFlags max live', lambda: test.setVcpusFlags(
        4, MAXIMUM | LIVE))
    step('setVcpusFlags config', lambda: test.setVcpusFlags(3, CONFIG))
    step('setVcpusFlags config above', lambda: test.setVcpusFlags(
        5, CONFIG))
    step('setVcpusFlags bad', lambda: test.setVcpusFlags(1, 1 << 7))
    step('vcpus xml', lambda: xml_both(test))
    step('vcpus counts', lambda: [test.vcpusFlags(LIVE),
                                  test.vcpusFlags(CONFIG),
                                  test.vcpusFlags(CONFIG | MAXIMUM),
                                  test.info()[3]])
    step('setVcpusFlags shrink max', lambda: test.setVcpusFlags(
        2, MAXIMUM | CONFIG))
    step('shrunk xml', lambda: test.XMLDesc(
        libvirt.VIR_DOMAIN_XML_INACTIVE))
    step('setVcpusFlags inactive', lambda: sv.setVcpusFlags(3, 0))
    step('setVcpusFlags inactive max', lambda: sv.setVcpusFlags(
        6, MAXIMUM | CONFIG))
    step('inactive vcpus xml', lambda: sv.XMLDesc(0))

    def vcpus(dom):
        info, maps = dom.vcpus()
        return [[n, st, cpu] for (n, st, _t, cpu) in info], maps

    step('setVcpus back', lambda: test.setVcpus(2))
    step('vcpus', lambda: vcpus(test))
    step('vcpus inactive', lambda: vcpus(sv))
    ncpus = conn.getInfo()[2]
    pin = tuple(i in (1, 3) for i in range(ncpus))
    step('pinVcpu', lambda: test.pinVcpu(1, pin))
    step('pinVcpu missing', lambda: test.pinVcpu(7, pin))
    step('pinVcpuFlags config', lambda: test.pinVcpuFlags(0, pin, CONFIG))
    step('pinVcpu inactive', lambda: sv.pinVcpu(0, pin))
    step('vcpus pinned', lambda: vcpus(test))
    step('vcpuPinInfo', lambda: test.vcpuPinInfo(0))
    step('vcpuPinInfo config', lambda: test.vcpuPinInfo(CONFIG))
    step('vcpuPinInfo live+config', lambda: test.vcpuPinInfo(LIVE | CONFIG))
    step('vcpuPinInfo inactive', lambda: sv.vcpuPinInfo(0))
    step('vcpuPinInfo inactive live', lambda: sv.vcpuPinInfo(LIVE))
    step('pinned xml', lambda: xml_both(test))
    step('pinEmulator', lambda: test.pinEmulator(pin, 0))
    step('pinEmulator empty', lambda: test.pinEmulator(
        tuple(False for _ in range(ncpus)), 0))
    step('pinEmulator bad flags', lambda: test.pinEmulator(pin, 4))
    step('emulatorPinInfo', lambda: test.emulatorPinInfo(0))
    step('emulatorPinInfo config', lambda: test.emulatorPinInfo(CONFIG))
    step('pinEmulator inactive', lambda: sv.pinEmulator(pin, 0))
    step('emulatorPinInfo inactive', lambda: sv.emulatorPinInfo(0))
    step('emulator xml', lambda: xml_both(test))

    # Scheduler.
    step('schedulerType', test.schedulerType)
    step('schedulerParameters', test.schedulerParameters)
    step('schedulerParametersFlags', lambda: test.schedulerParametersFlags(0))
    step('schedulerParametersFlags bad', lambda: test.schedulerParametersFlags(
        LIVE))
    step('setSchedulerParameters', lambda: test.setSchedulerParameters(
        {'weight': 100}))
    step('scheduler after set', test.schedulerParameters)
    step('setSchedulerParametersFlags bad', lambda:
         test.setSchedulerParametersFlags({'weight': 1}, CONFIG))
    step('scheduler inactive', sv.schedulerParameters)

    # Memory parameters.
    step('memoryParameters', lambda: test.memoryParameters(0))
    step('setMemoryParameters', lambda: test.setMemoryParameters(
        {'hard_limit': 1048576, 'swap_hard_limit': 2097152}, 0))
    step('setMemoryParameters above swap', lambda: test.setMemoryParameters(
        {'hard_limit': 4194304}, 0))
    step('setMemoryParameters soft', lambda: test.setMemoryParameters(
        {'soft_limit': 524288}, CONFIG))
    step('memoryParameters after', lambda: [test.memoryParameters(LIVE),
                                            test.memoryParameters(CONFIG)])
    step('memoryParameters live+config', lambda: test.memoryParameters(
        LIVE | CONFIG))
    step('memoryParameters bad flags', lambda: test.memoryParameters(1 << 3))
    step('setMemoryParameters bad flags', lambda: test.setMemoryParameters(
        {'soft_limit': 1}, 1 << 3))
    step('memtune xml', lambda: xml_both(test))
    step('memoryParameters inactive', lambda: sv.memoryParameters(0))

    # Block I/O parameters.
    step('blkioParameters', lambda: test.blkioParameters(0))
    step('setBlkioParameters', lambda: test.setBlkioParameters(
        {'weight': 500, 'device_weight': '/dev/sda,100'}, 0))
    step('setBlkioParameters iops', lambda: test.setBlkioParameters(
        {'device_read_iops_sec': '/dev/sda,10,/dev/sdb,20',
         'device_write_bytes_sec': '/dev/sdb,4096'}, 0))
    step('blkioParameters after', lambda: test.blkioParameters(0))
    step('setBlkioParameters zero', lambda: test.setBlkioParameters(
        {'device_weight': '/dev/sda,0,/dev/sdc,0'}, 0))
    step('blkioParameters zeroed', lambda: test.blkioParameters(0))
    step('setBlkioParameters odd', lambda: test.setBlkioParameters(
        {'device_weight': '/dev/sda'}, 0))
    step('setBlkioParameters number', lambda: test.setBlkioParameters(
        {'device_read_iops_sec': '/dev/sda,abc,/dev/sdb,3'}, 0))
    step('setBlkioParameters negative', lambda: test.setBlkioParameters(
        {'device_read_bytes_sec': '/dev/sda,-1'}, 0))
    step('blkio xml', lambda: xml_both(test))
    step('blkioParameters config', lambda: test.blkioParameters(CONFIG))

    # NUMA parameters.
    step('numaParameters', lambda: test.numaParameters(0))
    step('setNumaParameters mode only', lambda: test.setNumaParameters(
        {'numa_mode': libvirt.VIR_DOMAIN_NUMATUNE_MEM_PREFERRED}, CONFIG))
    step('setNumaParameters nodeset', lambda: test.setNumaParameters(
        {'numa_nodeset': '0-1'}, CONFIG))
    step('numaParameters config', lambda: test.numaParameters(CONFIG))
    step('setNumaParameters mode config', lambda: test.setNumaParameters(
        {'numa_mode': libvirt.VIR_DOMAIN_NUMATUNE_MEM_INTERLEAVE}, CONFIG))
    step('setNumaParameters live', lambda: test.setNumaParameters(
        {'numa_nodeset': '1', 'numa_mode': 0}, LIVE))
    step('setNumaParameters live mode', lambda: test.setNumaParameters(
        {'numa_mode': 2}, LIVE))
    step('setNumaParameters bad mode', lambda: test.setNumaParameters(
        {'numa_mode': 9}, 0))
    step('setNumaParameters bad nodeset', lambda: test.setNumaParameters(
        {'numa_nodeset': 'x'}, 0))
    step('setNumaParameters empty nodeset', lambda: test.setNumaParameters(
        {'numa_nodeset': '^0,0'}, 0))
    step('numaParameters after', lambda: [test.numaParameters(LIVE),
                                          test.numaParameters(CONFIG)])
    step('numatune xml', lambda: xml_both(test))
    step('setNumaParameters inactive', lambda: sv.setNumaParameters(
        {'numa_mode': 1}, 0))

    # Interface parameters.
    mac = 'aa:bb:cc:dd:ee:ff'
    step('interfaceParameters', lambda: test.interfaceParameters(mac, 0))
    step('setInterfaceParameters', lambda: test.setInterfaceParameters(
        mac, {'inbound.average': 1000, 'inbound.peak': 2000,
              'outbound.average': 500}, 0))
    step('interfaceParameters after', lambda: test.interfaceParameters(
        'testnet0', 0))
    step('setInterfaceParameters clear in', lambda:
         test.setInterfaceParameters(mac, {'inbound.average': 0}, 0))
    step('interfaceParameters cleared', lambda: test.interfaceParameters(
        mac, 0))
    step('interfaceParameters missing', lambda: test.interfaceParameters(
        'eth9', 0))
    step('interfaceParameters missing mac', lambda: test.interfaceParameters(
        '00:11:22:33:44:55', 0))
    step('setInterfaceParameters config', lambda: test.setInterfaceParameters(
        mac, {'inbound.floor': 10}, CONFIG))
    step('bandwidth xml', lambda: xml_both(test))

    # Live changes end with the run; configuration ones stay.
    test.destroy()
    test.create()
    step('after restart', lambda: [test.info()[:4],
                                   test.memoryParameters(0),
                                   test.numaParameters(0),
                                   test.vcpuPinInfo(0)])
    step('after restart xml', lambda: test.XMLDesc(0))

    # Transient domains have no configuration.
    conn.createXML(TRANSIENT, 0)
    tsv = conn.lookupByName('tsv')
    step('transient setMemory config', lambda: tsv.setMemoryFlags(
        131072, CONFIG))
    step('transient setVcpus config', lambda: tsv.setVcpusFlags(1, CONFIG))
    step('transient memoryParameters config', lambda: tsv.memoryParameters(
        CONFIG))
    step('transient setMemory live', lambda: tsv.setMemoryFlags(
        131072, LIVE))
    tsv.destroy()

    # Read-only connections may look, not touch.
    ro = libvirt.openReadOnly('test:///default')
    rtest = ro.lookupByName('test')
    step('ro setMemory', lambda: rtest.setMemory(1024))
    step('ro setVcpus', lambda: rtest.setVcpus(1))
    step('ro pinVcpu', lambda: rtest.pinVcpu(0, pin))
    step('ro setSchedulerParameters', lambda: rtest.setSchedulerParameters(
        {'weight': 1}))
    step('ro setMemoryParameters', lambda: rtest.setMemoryParameters(
        {'soft_limit': 1}, 0))
    step('ro memoryParameters', lambda: rtest.memoryParameters(0))
    step('ro vcpus', lambda: vcpus(rtest))
    step('ro vcpuPinInfo', lambda: rtest.vcpuPinInfo(0))
    ro.close()
    pump()

    pump()
    conn.domainEventDeregisterAny(cb)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    shutil.rmtree(tmp)
    # The temporary directory differs between the two runs.
    print(json.dumps(steps).replace(tmp, 'TMPDIR'))
    return 0


def write_image(dest):
    """Saves test:///default's "test" to dest (for the other library)."""
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open('test:///default')
    conn.lookupByName('test').save(dest)
    conn.close()
    return 0


def run_both(libdir):
    """Each library writes an image; then each scenario restores the image
    the other library wrote."""
    import subprocess

    def env_for(lib):
        env = dict(os.environ)
        env.pop('LD_LIBRARY_PATH', None)
        env.pop('LIBVIRT_DEFAULT_URI', None)
        if lib:
            env['LD_LIBRARY_PATH'] = lib
        return env

    shared = tempfile.mkdtemp()
    try:
        images = {}
        for key, lib in (('up', None), ('vireo', libdir)):
            images[key] = os.path.join(shared, key + '.img')
            subprocess.run([base.PYTHON, os.path.abspath(__file__),
                            '--write', images[key]], env=env_for(lib))
        results = []
        for lib, other in ((None, images['vireo']), (libdir, images['up'])):
            res = subprocess.run([base.PYTHON, os.path.abspath(__file__),
                                  '--probe', other],
                                 capture_output=True, text=True,
                                 env=env_for(lib))
            if res.returncode != 0:
                results.append((None, res.stderr))
            else:
                text = res.stdout.splitlines()[-1].replace(other, 'OTHER')
                results.append((json.loads(text), res.stderr))
        return results
    finally:
        shutil.rmtree(shared)


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--probe':
        sys.exit(probe(sys.argv[2]))
    if len(sys.argv) > 2 and sys.argv[1] == '--write':
        sys.exit(write_image(sys.argv[2]))
    base.__file__ = os.path.abspath(__file__)
    if len(sys.argv) > 1:
        results = iter(run_both(os.path.abspath(sys.argv[1])))
        base.run = lambda libdir: next(results)
    sys.exit(base.main())
