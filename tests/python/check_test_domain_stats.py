#!/usr/bin/python3
"""The test driver's domain statistics and guest queries, side by side
with upstream's.

usage: check_test_domain_stats.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default's guests
through Debian's python3-libvirt: block, interface, memory and CPU
statistics, block sizes and I/O limits, the bulk statistics calls with
their filters, and what a guest agent answers (hostname, addresses, time,
file systems, keys, signals).  It runs on the system's libvirt.so.0 and on
Vireo's; the comparison machinery is check_test_driver.py's.

Upstream derives block and interface counters from the clock, Vireo from
a fixed instant: the scenario records their shape (types, signs and the
ratios between them) rather than the numbers.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

VM = """<domain type='test'>
  <name>vs</name>
  <uuid>7dea22b3-9a4b-4c2e-8d1f-3a5b6c7d8e9f</uuid>
  <memory>1048576</memory>
  <currentMemory>524288</currentMemory>
  <vcpu>2</vcpu>
  <iothreads>2</iothreads>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/vs.img'/>
      <target dev='sda' bus='scsi'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='hdc' bus='ide'/>
    </disk>
    <disk type='file' device='disk'>
      <source file='/guest/shared.img'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='disk'>
      <source file='/guest/shared.img'/>
      <target dev='vdc' bus='virtio'/>
    </disk>
    <interface type='user'>
      <mac address='52:54:00:11:22:33'/>
    </interface>
    <interface type='network'>
      <mac address='52:54:00:11:22:44'/>
      <source network='default'/>
      <target dev='vnet7'/>
    </interface>
    <memballoon model='none'/>
  </devices>
</domain>"""
TRANSIENT = VM.replace('>vs<', '>tvs<').replace('7dea22b3', '8dea22b3')
NOLAN = VM.replace('>vs<', '>nolan<').replace('7dea22b3', '9dea22b3') \
    .replace("source network='default'", "source network='nowhere'")

IOTUNE_OK = {'read_bytes_sec': 1000, 'read_bytes_sec_max': 2000,
             'write_bytes_sec': 2000, 'write_bytes_sec_max': 3000,
             'total_iops_sec': 30, 'total_iops_sec_max': 40,
             'size_iops_sec': 4096, 'group_name': 'g1'}
NODE = """<node>
  <cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores>
  <threads>1</threads><active>4</active><mhz>2000</mhz>
  <model>i686</model></cpu>
  <memory>4194304</memory>
  <network>
    <name>v6</name>
    <uuid>bbea22b3-9a4b-4c2e-8d1f-3a5b6c7d8e9f</uuid>
    <bridge name='virbr6'/>
    <ip family='ipv6' address='fd00:1::1' prefix='64'>
      <dhcp><range start='fd00:1::10' end='fd00:1::ff'/></dhcp>
    </ip>
  </network>
  <network>
    <name>norange</name>
    <uuid>ccea22b3-9a4b-4c2e-8d1f-3a5b6c7d8e9f</uuid>
    <bridge name='virbr5'/>
    <ip address='10.9.0.1' netmask='255.255.0.0'/>
  </network>
  <domain type='test'>
    <name>io</name>
    <uuid>aaea22b3-9a4b-4c2e-8d1f-3a5b6c7d8e9f</uuid>
    <memory>1048576</memory>
    <vcpu>2</vcpu>
    <iothreads>2</iothreads>
    <iothreadids><iothread id='1'/><iothread id='5'/></iothreadids>
    <os><type>hvm</type></os>
    <devices>
      <interface type='network'>
        <mac address='52:54:00:aa:00:01'/>
        <source network='v6'/>
      </interface>
      <interface type='network'>
        <mac address='52:54:00:aa:00:02'/>
        <source network='norange'/>
      </interface>
      <interface type='bridge'>
        <mac address='52:54:00:aa:00:03'/>
        <source bridge='br0'/>
      </interface>
    </devices>
  </domain>
</node>"""


def shape(values):
    """Counters reduced to what does not depend on the time: their number,
    which are set, and their ratios to the first."""
    values = list(values)
    base_value = values[0] or 1
    return [len(values), [v >= 0 for v in values],
            [round(v / base_value, 2) for v in values]]


def send_ok(libvirt, dom, codeset, key):
    try:
        dom.sendKey(codeset, 0, [key], 1, 0)
        return True
    except libvirt.libvirtError:
        return False


# Every key code a codeset could have (fewer to keep a valgrind run short).
KEY_LIMIT = int(os.environ.get('VIREO_KEYCODE_LIMIT', 65537))


def code_ranges(codes):
    ranges = []
    for k in codes:
        if ranges and ranges[-1][1] == k - 1:
            ranges[-1][1] = k
        else:
            ranges.append([k, k])
    return ranges


def guest_steps(libvirt, conn, step, test, vs):
    """The guest agent queries on the running 'test' and the paused
    'vs'."""
    step('hostname', lambda: test.hostname())
    step('hostname paused', lambda: vs.hostname())
    step('hostname flags', lambda: test.hostname(1))
    for src in ('LEASE', 'AGENT', 'ARP'):
        s = getattr(libvirt, 'VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_' + src)
        step('interfaceAddresses ' + src,
             lambda s=s: test.interfaceAddresses(s))
    step('interfaceAddresses vs', lambda: vs.interfaceAddresses(0))
    step('interfaceAddresses bad source', lambda: test.interfaceAddresses(7))
    step('interfaceAddresses flags', lambda: test.interfaceAddresses(0, 1))
    step('define nolan again', lambda: conn.defineXML(NOLAN).name())
    nolan = conn.lookupByName('nolan')
    step('nolan create', nolan.create)
    step('interfaceAddresses no network', lambda: nolan.interfaceAddresses(0))
    step('nolan destroy', nolan.destroy)
    step('nolan undefine', nolan.undefine)

    step('getTime', lambda: test.getTime())
    step('getTime paused', lambda: vs.getTime())
    step('getTime flags', lambda: test.getTime(1))
    step('controlInfo', lambda: test.controlInfo())
    step('controlInfo paused', lambda: vs.controlInfo())
    for secs in (5, 10005, 30001, 30002, 30003, 30004, 60000, 0, -3):
        step('setTime %d' % secs, lambda secs=secs: test.setTime(
            {'seconds': secs, 'nseconds': 7}))
        step('controlInfo %d' % secs, lambda: test.controlInfo())
    step('setTime sync', lambda: test.setTime(
        {'seconds': 1234, 'nseconds': 5}, libvirt.VIR_DOMAIN_TIME_SYNC))
    step('getTime after', lambda: test.getTime())
    step('setTime paused', lambda: vs.setTime({'seconds': 99}))
    step('getTime vs', lambda: vs.getTime())
    step('setTime flags', lambda: test.setTime({'seconds': 1}, 2))

    step('fsFreeze all', lambda: test.fsFreeze())
    step('fsFreeze all again', lambda: test.fsFreeze())
    step('fsThaw root', lambda: test.fsThaw(['/']))
    step('fsThaw root again', lambda: test.fsThaw(['/', '/']))
    step('fsFreeze root twice', lambda: test.fsFreeze(['/', '/']))
    step('fsFreeze unknown', lambda: test.fsFreeze(['/boot', '/home']))
    step('fsThaw all', lambda: test.fsThaw())
    step('fsThaw unknown', lambda: test.fsThaw(['/home']))
    step('fsThaw all again', lambda: test.fsThaw())
    step('fsFreeze boot', lambda: test.fsFreeze(['/boot']))
    step('fsThaw all boot', lambda: test.fsThaw())
    step('fsFreeze flags', lambda: test.fsFreeze(None, 1))
    step('fsThaw flags', lambda: test.fsThaw(None, 1))
    step('fsFreeze paused', lambda: vs.fsFreeze())
    step('fsTrim', lambda: test.fSTrim(None, 0))
    step('fsTrim root', lambda: test.fSTrim('/boot', 10))
    step('fsTrim unknown', lambda: test.fSTrim('/home', 0))
    step('fsTrim flags', lambda: test.fSTrim(None, 0, 1))
    step('fsInfo', lambda: test.fsInfo())
    step('fsInfo vs', lambda: vs.fsInfo())
    step('fsInfo flags', lambda: test.fsInfo(1))

    step('setUserPassword', lambda: test.setUserPassword('root', 'pw'))
    step('setUserPassword encrypted', lambda: test.setUserPassword(
        'root', '$6$x', libvirt.VIR_DOMAIN_PASSWORD_ENCRYPTED))
    step('setUserPassword flags', lambda: test.setUserPassword('r', 'p', 2))
    step('setUserPassword paused', lambda: vs.setUserPassword('r', 'p'))
    step('sendProcessSignal', lambda: test.sendProcessSignal(1, 9))
    step('sendProcessSignal pid', lambda: test.sendProcessSignal(2, 9))
    step('sendProcessSignal signum',
         lambda: test.sendProcessSignal(1, 1000))
    step('sendProcessSignal flags', lambda: test.sendProcessSignal(1, 9, 1))
    step('injectNMI', lambda: test.injectNMI())
    step('injectNMI paused', lambda: vs.injectNMI())
    step('injectNMI flags', lambda: test.injectNMI(1))
    step('sendKey', lambda: test.sendKey(0, 10, [29, 56, 111], 3, 0))
    for cs in range(libvirt.VIR_KEYCODE_SET_QNUM + 1):
        step('sendKey codes %d' % cs, lambda cs=cs: [
            k for k in (0, 1, 2, 8, 30, 97, 98, 110, 122, 124, 125, 127, 128,
                        165, 255, 256, 300, 0x2ff, 0x300, 0xe01d, 0xe05b,
                        0xffff, 0x10000, 0x7fffffff, 0x80000000)
            if send_ok(libvirt, test, cs, k)])
        step('sendKey all codes %d' % cs, lambda cs=cs: code_ranges(
            [k for k in range(KEY_LIMIT) if send_ok(libvirt, test, cs, k)]))
        step('sendKey bad %d' % cs,
             lambda cs=cs: test.sendKey(cs, 0, [0, 65535], 2, 0))
    step('sendKey paused', lambda: vs.sendKey(0, 0, [30], 1, 0))
    step('sendKey flags', lambda: test.sendKey(0, 0, [30], 1, 1))
    step('sendKey codeset', lambda: test.sendKey(10, 0, [30], 1, 0))
    step('sendKey none', lambda: test.sendKey(0, 0, [], 0, 0))
    step('diskErrors', lambda: test.diskErrors())
    step('diskErrors vs', lambda: vs.diskErrors())
    step('diskErrors flags', lambda: test.diskErrors(1))
    step('memoryPeek', lambda: list(test.memoryPeek(
        250, 10, libvirt.VIR_MEMORY_VIRTUAL)))
    step('memoryPeek physical', lambda: list(test.memoryPeek(
        3, 4, libvirt.VIR_MEMORY_PHYSICAL)))
    step('memoryPeek both', lambda: test.memoryPeek(0, 4, 3))
    step('memoryPeek none', lambda: test.memoryPeek(0, 4, 0))
    step('launchSecurityInfo', lambda: test.launchSecurityInfo())
    step('launchSecurityInfo flags', lambda: test.launchSecurityInfo(1))


def guest_stopped_steps(libvirt, step, vs):
    """The same queries on a stopped guest."""
    step('hostname stopped', lambda: vs.hostname())
    step('interfaceAddresses stopped', lambda: vs.interfaceAddresses(0))
    step('getTime stopped', lambda: vs.getTime())
    step('setTime stopped', lambda: vs.setTime({'seconds': 1}))
    step('controlInfo stopped', lambda: vs.controlInfo())
    step('fsFreeze stopped', lambda: vs.fsFreeze())
    step('fsThaw stopped', lambda: vs.fsThaw())
    step('fsTrim stopped', lambda: vs.fSTrim(None, 0))
    step('fsInfo stopped', lambda: vs.fsInfo())
    step('setUserPassword stopped', lambda: vs.setUserPassword('r', 'p'))
    step('sendProcessSignal stopped', lambda: vs.sendProcessSignal(1, 9))
    step('injectNMI stopped', lambda: vs.injectNMI())
    step('diskErrors stopped', lambda: vs.diskErrors())
    step('sendKey stopped', lambda: vs.sendKey(0, 0, [30], 1, 0))
    step('memoryPeek stopped', lambda: vs.memoryPeek(
        0, 4, libvirt.VIR_MEMORY_VIRTUAL))
    step('launchSecurityInfo stopped', lambda: vs.launchSecurityInfo())


def probe():
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    steps = []

    def step(name, func):
        try:
            value = func()
        except libvirt.libvirtError as e:
            value = ['error', e.get_error_code(), e.get_error_domain(),
                     e.get_error_message()]
        except (TypeError, ValueError, OverflowError, LookupError) as e:
            value = ['python', type(e).__name__]
        steps.append([name, value])

    # The groups upstream's test driver fills; Vireo's others are checked
    # on Vireo alone (vireo_stats).
    def upstream_groups(params):
        return sorted(kv for kv in params.items()
                      if kv[0].startswith(('state.', 'iothread.')))

    def stats(records):
        return sorted([r[0].name(), upstream_groups(r[1])] for r in records)

    conn = libvirt.open('test:///default')
    test = conn.lookupByName('test')

    # Block statistics.
    step('blockStats vda', lambda: shape(test.blockStats('vda')))
    step('blockStats by path',
         lambda: shape(test.blockStats('/guest/diskimage1')))
    step('blockStats empty', lambda: test.blockStats(''))
    step('blockStats unknown', lambda: test.blockStats('vdz'))
    step('blockStats unknown path', lambda: test.blockStats('/nope'))
    step('blockStatsFlags', lambda: test.blockStatsFlags('vda', 0))

    # Interface statistics.
    step('interfaceStats mac',
         lambda: shape(test.interfaceStats('aa:bb:cc:dd:ee:ff')))
    step('interfaceStats name', lambda: shape(test.interfaceStats('testnet0')))
    step('interfaceStats unknown', lambda: test.interfaceStats('eth9'))
    step('interfaceStats unknown mac',
         lambda: test.interfaceStats('00:11:22:33:44:55'))

    # Memory and CPU.
    step('memoryStats', test.memoryStats)
    step('memoryStats flags', lambda: test.memoryStats(1))
    step('getCPUStats total', lambda: test.getCPUStats(True))
    step('getCPUStats percpu', lambda: test.getCPUStats(False))
    step('getCPUStats flags', lambda: test.getCPUStats(True, 2))

    # Block sizes.
    step('blockInfo', lambda: test.blockInfo('vda'))
    step('blockInfo path', lambda: test.blockInfo('/guest/diskimage1'))
    step('blockInfo unknown', lambda: test.blockInfo('vdq'))
    step('blockInfo flags', lambda: test.blockInfo('vda', 1))

    # Block I/O limits.
    step('blockIoTune', lambda: test.blockIoTune('vda', 0))
    step('setBlockIoTune', lambda: test.setBlockIoTune('vda', IOTUNE_OK, 0))
    step('blockIoTune after', lambda: test.blockIoTune('vda', 0))
    step('blockIoTune config', lambda: test.blockIoTune(
        'vda', libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('blockIoTune both', lambda: test.blockIoTune(
        'vda', libvirt.VIR_DOMAIN_AFFECT_LIVE
        | libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('setBlockIoTune config', lambda: test.setBlockIoTune(
        'vda', {'total_bytes_sec': 5, 'total_bytes_sec_max': 6},
        libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('setBlockIoTune config too high', lambda: test.setBlockIoTune(
        'vda', {'total_bytes_sec': 5}, libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('blockIoTune config after', lambda: test.blockIoTune(
        'vda', libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('xml live', lambda: test.XMLDesc(0))
    step('xml inactive', lambda: test.XMLDesc(
        libvirt.VIR_DOMAIN_XML_INACTIVE))
    step('setBlockIoTune unknown disk',
         lambda: test.setBlockIoTune('vdq', {'read_iops_sec': 1}, 0))
    step('blockIoTune unknown disk', lambda: test.blockIoTune('vdq', 0))
    step('setBlockIoTune total+read', lambda: test.setBlockIoTune(
        'vda', {'total_bytes_sec': 10}, 0))
    step('setBlockIoTune total+read max', lambda: test.setBlockIoTune(
        'vda', {'total_bytes_sec_max': 10}, 0))
    step('setBlockIoTune total+read iops max', lambda: test.setBlockIoTune(
        'vda', {'total_iops_sec_max': 10, 'write_iops_sec_max': 10}, 0))
    step('setBlockIoTune total+write iops', lambda: test.setBlockIoTune(
        'vda', {'write_iops_sec': 10, 'write_iops_sec_max': 10}, 0))
    step('setBlockIoTune iops', lambda: test.setBlockIoTune(
        'vda', {'read_iops_sec': 10, 'total_iops_sec': 0,
                'total_iops_sec_max': 5}, 0))
    step('setBlockIoTune max', lambda: test.setBlockIoTune(
        'vda', {'read_iops_sec': 0, 'total_iops_sec': 9,
                'total_iops_sec_max': 5}, 0))
    step('setBlockIoTune too big', lambda: test.setBlockIoTune(
        'vda', {'size_iops_sec': 10 ** 16}, 0))
    step('setBlockIoTune unknown param', lambda: test.setBlockIoTune(
        'vda', {'bogus': 1}, 0))
    step('setBlockIoTune flags', lambda: test.setBlockIoTune(
        'vda', {'read_iops_sec': 1}, 4))
    step('setBlockIoTune both', lambda: test.setBlockIoTune(
        'vda', {'read_iops_sec': 1}, libvirt.VIR_DOMAIN_AFFECT_LIVE
        | libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    step('setBlockIoTune max lengths', lambda: test.setBlockIoTune(
        'vda', {'read_bytes_sec': 0, 'write_bytes_sec': 0,
                'total_bytes_sec': 0, 'total_iops_sec': 0,
                'total_bytes_sec_max_length': 7,
                'write_iops_sec_max_length': 9}, 0))
    step('blockIoTune lengths', lambda: test.blockIoTune('vda', 0))

    # A second guest, defined and stopped, then started.
    step('define', lambda: conn.defineXML(VM).name())
    vs = conn.lookupByName('vs')
    step('blockStats stopped', lambda: vs.blockStats('sda'))
    step('interfaceStats stopped', lambda: vs.interfaceStats('vnet7'))
    step('memoryStats stopped', vs.memoryStats)
    step('getCPUStats stopped', lambda: vs.getCPUStats(True))
    step('blockInfo stopped', lambda: vs.blockInfo('sda'))
    step('blockInfo cdrom', lambda: vs.blockInfo('hdc'))
    step('blockInfo ambiguous', lambda: vs.blockInfo('/guest/shared.img'))
    step('blockIoTune stopped', lambda: vs.blockIoTune('sda', 0))
    step('blockIoTune stopped live', lambda: vs.blockIoTune(
        'sda', libvirt.VIR_DOMAIN_AFFECT_LIVE))
    step('setBlockIoTune stopped',
         lambda: vs.setBlockIoTune('sda', {'read_iops_sec': 3}, 0))
    step('blockIoTune ambiguous',
         lambda: vs.blockIoTune('/guest/shared.img', 0)['read_iops_sec'])
    step('create', vs.create)
    step('blockStats ambiguous', lambda: vs.blockStats('/guest/shared.img'))
    step('interfaceStats vnet7', lambda: shape(vs.interfaceStats('vnet7')))
    step('memoryStats no balloon', vs.memoryStats)
    step('getCPUStats running', lambda: vs.getCPUStats(True))
    step('blockIoTune running config', lambda: vs.blockIoTune(
        'sda', libvirt.VIR_DOMAIN_AFFECT_CONFIG)['read_iops_sec'])
    step('pause', vs.suspend)

    # Bulk statistics.
    step('getAllDomainStats', lambda: stats(conn.getAllDomainStats()))
    step('getAllDomainStats state', lambda: stats(conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_STATE)))
    step('getAllDomainStats iothread', lambda: stats(conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_IOTHREAD)))
    step('getAllDomainStats balloon', lambda: stats(conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_BALLOON)))
    step('getAllDomainStats enforce', lambda: stats(conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_PERF | libvirt.VIR_DOMAIN_STATS_STATE,
        libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)))
    step('getAllDomainStats enforce ok', lambda: stats(
        conn.getAllDomainStats(
            libvirt.VIR_DOMAIN_STATS_STATE,
            libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)))
    step('getAllDomainStats bad flag', lambda: stats(conn.getAllDomainStats(
        0, 1 << 20)))
    step('define transient-to-be', lambda: conn.createXML(TRANSIENT).name())
    step('define stopped', lambda: conn.defineXML(NOLAN).name())
    for flag in ('ACTIVE', 'INACTIVE', 'PERSISTENT', 'TRANSIENT', 'RUNNING',
                 'PAUSED', 'SHUTOFF', 'OTHER'):
        f = getattr(libvirt, 'VIR_CONNECT_GET_ALL_DOMAINS_STATS_' + flag)
        step('getAllDomainStats ' + flag,
             lambda f=f: stats(conn.getAllDomainStats(0, f)))
    step('getAllDomainStats nowait backing', lambda: stats(
        conn.getAllDomainStats(
            0, libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT
            | libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING)))
    tvs = conn.lookupByName('tvs')
    nolan = conn.lookupByName('nolan')
    step('domainListGetStats', lambda: [
        [r[0].name(), upstream_groups(r[1])]
        for r in conn.domainListGetStats([nolan, test, vs])])
    step('domainListGetStats filtered', lambda: stats(
        conn.domainListGetStats(
            [nolan, test, vs], 0,
            libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE)))
    step('destroy transient', tvs.destroy)
    step('domainListGetStats gone', lambda: stats(
        conn.domainListGetStats([tvs, test])))
    step('domainListGetStats only gone', lambda: stats(
        conn.domainListGetStats([tvs])))
    step('domainListGetStats enforce', lambda: stats(
        conn.domainListGetStats(
            [test], libvirt.VIR_DOMAIN_STATS_PERF,
            libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)))
    guest_steps(libvirt, conn, step, test, vs)
    step('resume', vs.resume)
    step('destroy', vs.destroy)
    guest_stopped_steps(libvirt, step, vs)
    step('undefine', vs.undefine)
    step('undefine nolan', nolan.undefine)
    step('blockStats gone', lambda: vs.blockStats('sda'))
    step('getAllDomainStats end', lambda: stats(conn.getAllDomainStats()))

    conn.close()

    # A node file's guest with I/O threads reports them.
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, 'node.xml')
        with open(path, 'w') as f:
            f.write(NODE)
        nc = libvirt.open('test://' + path)
        io = nc.lookupByName('io')
        step('node iothread stats', lambda: stats(nc.getAllDomainStats(
            libvirt.VIR_DOMAIN_STATS_IOTHREAD)))
        step('node all stats', lambda: stats(nc.getAllDomainStats()))
        step('node addresses', lambda: io.interfaceAddresses(0))
        step('node percpu', lambda: io.getCPUStats(False))
        step('node percpu start', lambda: io.getCPUStats(False, 0))
        step('node destroy', io.destroy)
        step('node iothread stats stopped', lambda: stats(
            nc.getAllDomainStats(libvirt.VIR_DOMAIN_STATS_IOTHREAD)))
        nc.close()
    finally:
        shutil.rmtree(tmp)
    print(json.dumps(steps))
    return 0


DISK = """<disk type='file' device='disk'>
  <source file='/guest/extra.img'/>
  <target dev='vdb' bus='virtio'/>
  <alias name='ua-extra'/>
</disk>"""
NET = """<interface type='network'>
  <mac address='52:54:00:00:00:09'/>
  <source network='default'/>
</interface>"""
HOSTDEV = """<hostdev mode='subsystem' type='pci' managed='yes'>
  <source><address domain='0' bus='6' slot='7' function='0'/></source>
</hostdev>"""
CONTROLLER = "<controller type='scsi' index='0' model='virtio-scsi'/>"


def devices():
    """Device attach, detach and update, which upstream's test driver
    lacks (every call is NO_SUPPORT there): checked on Vireo alone."""
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    conn = libvirt.open('test:///default')
    d = conn.lookupByName('test')
    events = []
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED,
        lambda c, dom, alias, o: events.append(['added', dom.name(), alias]),
        None)
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
        lambda c, dom, alias, o: events.append(['removed', dom.name(),
                                                alias]),
        None)
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    failures = []

    def pump():
        for _ in range(20):
            libvirt.virEventRunDefaultImpl()

    def err(func):
        try:
            func()
        except libvirt.libvirtError as e:
            return [e.get_error_code(), e.get_error_message()]
        return None

    def check(name, got, want):
        print('%-4s %-30s %s' % ('ok' if got == want else 'FAIL', name,
                                 json.dumps(got)[:150]))
        if got != want:
            print('     %-30s wanted %s' % ('', json.dumps(want)))
            failures.append(name)

    def count(tag, flags=0):
        return d.XMLDesc(flags).count('<' + tag + ' ')

    INACTIVE = libvirt.VIR_DOMAIN_XML_INACTIVE
    LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE
    CONFIG = libvirt.VIR_DOMAIN_AFFECT_CONFIG

    check('attach live', d.attachDevice(DISK), 0)
    check('disks live/config', [count('disk'), count('disk', INACTIVE)],
          [2, 1])
    check('attach again', err(lambda: d.attachDevice(DISK)),
          [55, 'Requested operation is not valid: target vdb already exists'])
    check('attach config', d.attachDeviceFlags(DISK, CONFIG), 0)
    check('disks both', [count('disk'), count('disk', INACTIVE)], [2, 2])
    check('blockStats new disk', len(d.blockStats('vdb')), 5)
    check('update live', d.updateDeviceFlags(
        DISK.replace('extra', 'other').replace('ua-other', 'ua-extra'),
        LIVE), 0)
    check('updated source', ["other.img" in d.XMLDesc(0),
                             "other.img" in d.XMLDesc(INACTIVE)],
          [True, False])
    check('update missing', err(lambda: d.updateDeviceFlags(
        DISK.replace('vdb', 'vdq'), LIVE)),
        [8, "invalid argument: target vdq doesn't exist."])
    check('detach alias both', d.detachDeviceAlias('ua-extra', LIVE | CONFIG),
          0)
    check('disks after', [count('disk'), count('disk', INACTIVE)], [1, 1])
    check('detach alias again', err(lambda: d.detachDeviceAlias(
        'ua-extra', LIVE)),
        [99, 'device not found: no device found with alias ua-extra'])
    check('detach missing disk', err(lambda: d.detachDevice(DISK)),
          [99, 'device not found: no target device vdb'])

    check('attach net both', d.attachDeviceFlags(NET, LIVE | CONFIG), 0)
    check('net named', d.interfaceAddresses(0)['testnet1']['hwaddr'],
          '52:54:00:00:00:09')
    check('net stats', len(d.interfaceStats('52:54:00:00:00:09')), 8)
    check('detach net', d.detachDeviceFlags(NET, LIVE | CONFIG), 0)
    check('detach net again', err(lambda: d.detachDeviceFlags(NET, CONFIG)),
          [99, "device not found: no device found at address '(<null>)' "
           "matching MAC address '52:54:00:00:00:09' and alias '(<null>)'"])
    check('interfaces', [count('interface'), count('interface', INACTIVE)],
          [1, 1])

    check('attach hostdev', d.attachDeviceFlags(HOSTDEV, LIVE), 0)
    check('attach hostdev again', err(lambda: d.attachDeviceFlags(
        HOSTDEV, LIVE)),
        [55, 'Requested operation is not valid: device is already in the '
         'domain configuration'])
    check('detach hostdev', d.detachDeviceFlags(HOSTDEV, LIVE), 0)
    check('detach hostdev again', err(lambda: d.detachDeviceFlags(
        HOSTDEV, LIVE)),
        [99, 'device not found: device not present in domain configuration'])
    check('attach controller', d.attachDeviceFlags(CONTROLLER, CONFIG), 0)
    check('controller in config', 'virtio-scsi' in d.XMLDesc(INACTIVE), True)
    check('attach controller again', err(lambda: d.attachDeviceFlags(
        CONTROLLER, CONFIG)),
        [55, "Requested operation is not valid: controller index='0' "
         "already exists"])
    check('update controller', err(lambda: d.updateDeviceFlags(
        CONTROLLER, CONFIG)),
        [84, "Operation not supported: persistent update of device "
         "'controller' is not supported"])
    check('detach controller', d.detachDeviceFlags(CONTROLLER, CONFIG), 0)
    check('attach video', err(lambda: d.attachDeviceFlags(
        "<video><model type='vga'/></video>", LIVE)),
        [84, "Operation not supported: live attach of device 'video' is not "
         "supported"])
    check('unknown element', err(lambda: d.attachDevice('<bogus/>')),
          [27, "XML error: unknown device type 'bogus'"])
    check('no target', err(lambda: d.attachDevice(
        "<disk type='file'><source file='/x'/></disk>")),
        [20, 'missing target information for device /x'])
    check('malformed', err(lambda: d.attachDevice('<disk'))[0], 35)
    check('bad flags', err(lambda: d.attachDeviceFlags(DISK, 8)),
          [8, 'unsupported flags (0x8) in function '
           'testDomainAttachDeviceFlags'])

    check('define stopped', conn.defineXML(VM).name(), 'vs')
    vs = conn.lookupByName('vs')
    check('stopped live', err(lambda: vs.attachDevice(DISK)),
          [55, 'Requested operation is not valid: domain is not running'])
    check('stopped config', vs.attachDeviceFlags(
        DISK.replace('vdb', 'vdz'), 0), 0)
    check('stopped disks', vs.XMLDesc(0).count('<disk '), 5)
    check('start keeps it', [vs.create(), vs.XMLDesc(0).count('<disk ')],
          [0, 5])
    check('live detach', vs.detachDeviceFlags(DISK.replace('vdb', 'vdz'),
                                              LIVE), 0)
    check('live only', [vs.XMLDesc(0).count('<disk '),
                        vs.XMLDesc(INACTIVE).count('<disk ')], [4, 5])
    check('stop restores config', [vs.destroy(),
                                   vs.XMLDesc(0).count('<disk ')], [0, 5])
    vs.undefine()
    check('transient config', err(lambda: conn.createXML(TRANSIENT)
                                  .attachDeviceFlags(DISK, CONFIG)),
          [55, 'Requested operation is not valid: transient domains do not '
           'have any persistent config'])
    conn.lookupByName('tvs').destroy()

    pump()
    check('events', events, [
        ['added', 'test', 'ua-extra'], ['removed', 'test', 'ua-extra'],
        ['added', 'test', '52:54:00:00:00:09'],
        ['removed', 'test', '52:54:00:00:00:09'],
        ['added', 'test', 'hostdev'], ['removed', 'test', 'hostdev'],
        ['removed', 'vs', 'ua-extra']])
    libvirt.virEventRemoveTimeout(tick)
    conn.close()
    print('%d device checks failed' % len(failures))
    return 1 if failures else vireo_stats()


def vireo_stats():
    """The bulk statistics groups upstream's test driver does not fill:
    the same numbers as the single calls."""
    import libvirt

    conn = libvirt.open('test:///default')
    test = conn.lookupByName('test')
    if not test.isActive():
        test.create()
    [(dom, p)] = conn.domainListGetStats(
        [test], 0, libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)
    total = test.getCPUStats(True)[0]
    assert [p['cpu.time'], p['cpu.user'], p['cpu.system']] == [
        total['cpu_time'], total['user_time'], total['system_time']], p
    info = test.info()
    assert p['balloon.current'] == info[2], p
    assert p['balloon.maximum'] == info[1], p
    mem = test.memoryStats()
    assert p['balloon.rss'] == mem['rss'], (p, mem)
    assert p['vcpu.current'] == info[3] and p['vcpu.maximum'] == info[3], p
    assert p['vcpu.0.state'] == libvirt.VIR_VCPU_RUNNING, p
    ifname = p['net.0.name']
    assert p['net.count'] == 1 and ifname == 'testnet0', p
    net = test.interfaceStats(ifname)
    assert [p['net.0.rx.bytes'], p['net.0.rx.pkts'], p['net.0.rx.errs'],
            p['net.0.rx.drop'], p['net.0.tx.bytes'], p['net.0.tx.pkts'],
            p['net.0.tx.errs'], p['net.0.tx.drop']] == list(net), p
    assert p['block.count'] == 1 and p['block.0.name'] == 'vda', p
    block = test.blockStats('vda')
    assert [p['block.0.rd.reqs'], p['block.0.rd.bytes'],
            p['block.0.wr.reqs'], p['block.0.wr.bytes'],
            p['block.0.errors']] == list(block), p
    assert p['block.0.capacity'] == test.blockInfo('vda')[0], p
    test.destroy()
    [(dom, p)] = conn.domainListGetStats(
        [test], libvirt.VIR_DOMAIN_STATS_VCPU | libvirt.VIR_DOMAIN_STATS_BLOCK)
    assert sorted(p) == ['vcpu.current', 'vcpu.maximum'], p
    try:
        conn.getAllDomainStats(
            libvirt.VIR_DOMAIN_STATS_PERF,
            libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)
        raise AssertionError('perf stats accepted')
    except libvirt.libvirtError as e:
        assert e.get_error_code() == libvirt.VIR_ERR_ARGUMENT_UNSUPPORTED
    conn.close()
    print('bulk statistics checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(base.dispatch(
        os.path.abspath(__file__), probe, devices, '--devices'))
