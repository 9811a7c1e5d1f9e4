#!/usr/bin/python3
"""The test driver's storage pools and volumes, side by side with upstream's.

usage: check_test_storage.py BUILDDIR/src

A scenario (this file run with --probe) drives test:///default's storage
through Debian's python3-libvirt: the default pool, lookups, the pool
lifecycle with its state checks, volumes and the pool's allocation, lists
with filters, pool events and a node file with pools and volumes.  It runs
on the system's libvirt.so.0 and on Vireo's; the comparison machinery is
check_test_driver.py's.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

POOL = """<pool type='dir'>
  <name>p2</name>
  <uuid>35bb2ad9-388a-cdfe-461a-b8907f6e53fe</uuid>
  <target><path>/p2</path></target>
</pool>"""
TRANSIENT = POOL.replace('p2', 'tp').replace('35bb2ad9', '45bb2ad9')
CLASH = POOL.replace('35bb2ad9', '55bb2ad9')
SAME_PATH = POOL.replace('>p2<', '>p3<').replace('35bb2ad9', '65bb2ad9')
VOL = """<volume>
  <name>%s</name>
  <capacity unit='G'>%d</capacity>
  <allocation unit='M'>%d</allocation>
</volume>"""


def probe():
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    events = []

    def on_life(conn, pool, event, detail, opaque):
        events.append(['lifecycle', pool.name(), event, detail])

    def on_refresh(conn, pool, opaque):
        events.append(['refresh', pool.name()])

    pump = rec.pump

    def names(pools):
        return sorted(p.name() for p in pools)

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    cb1 = conn.storagePoolEventRegisterAny(
        None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, on_life, None)
    cb2 = conn.storagePoolEventRegisterAny(
        None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, on_refresh, None)

    dp = conn.storagePoolLookupByName('default-pool')
    step('default info', dp.info)
    step('default XML', lambda: dp.XMLDesc(0))
    step('default active', dp.isActive)
    step('default persistent', dp.isPersistent)
    step('default autostart', dp.autostart)
    step('default uuid', dp.UUIDString)
    step('default numOfVolumes', dp.numOfVolumes)
    step('lookup name missing', lambda: conn.storagePoolLookupByName('nope'))
    step('lookup uuid missing', lambda: conn.storagePoolLookupByUUIDString(
        '11111111-2222-3333-4444-555555555555'))
    step('lookup uuid', lambda: conn.storagePoolLookupByUUIDString(
        'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566').name())
    step('create active', lambda: dp.create(0))
    step('undefine active', dp.undefine)
    step('build active', lambda: dp.build(0))
    step('delete active', lambda: dp.delete(0))
    step('refresh', lambda: dp.refresh(0))
    step('set autostart', lambda: dp.setAutostart(1))
    step('autostart now', dp.autostart)

    # Volumes and allocation bookkeeping.
    step('vol create', lambda: dp.createXML(VOL % ('v1', 2, 100), 0).name())
    step('vol create again', lambda: dp.createXML(VOL % ('v1', 2, 100), 0))
    step('vol too big', lambda: dp.createXML(
        VOL % ('big', 200, 200 * 1024 * 1024), 0))
    step('vol bad XML', lambda: dp.createXML('<volume><name>x</name>'
                                             '</volume>', 0))
    step('pool info after vol', dp.info)
    v1 = dp.storageVolLookupByName('v1')
    step('vol info', v1.info)
    step('vol key', v1.key)
    step('vol path', v1.path)
    step('vol XML', lambda: v1.XMLDesc(0))
    step('vol pool', lambda: v1.storagePoolLookupByVolume().name())
    step('vol by key', lambda: conn.storageVolLookupByKey(
        '/default-pool/v1').name())
    step('vol by path', lambda: conn.storageVolLookupByPath(
        '/default-pool/v1').name())
    step('vol by key missing', lambda: conn.storageVolLookupByKey('/x'))
    step('vol by path missing', lambda: conn.storageVolLookupByPath('/x'))
    step('vol by name missing', lambda: dp.storageVolLookupByName('x'))
    step('vol clone', lambda: dp.createXMLFrom(VOL % ('v2', 1, 50), v1,
                                               0).name())
    step('pool info after clone', dp.info)
    step('listVolumes', lambda: sorted(dp.listVolumes()))
    step('listAllVolumes', lambda: sorted(v.name()
                                          for v in dp.listAllVolumes(0)))
    step('vol delete', lambda: dp.storageVolLookupByName('v2').delete(0))
    step('vol delete again', lambda: v1.delete(0) or v1.delete(0))
    step('pool info after delete', dp.info)

    # A second, persistent pool through its lifecycle.
    step('define', lambda: conn.storagePoolDefineXML(POOL, 0).name())
    p2 = conn.storagePoolLookupByName('p2')
    step('defined info', p2.info)
    step('defined XML', lambda: p2.XMLDesc(0))
    step('defined active', p2.isActive)
    step('num pools', conn.numOfStoragePools)
    step('num defined pools', conn.numOfDefinedStoragePools)
    step('list pools', lambda: sorted(conn.listStoragePools()))
    step('list defined pools', lambda: sorted(conn.listDefinedStoragePools()))
    step('define clash', lambda: conn.storagePoolDefineXML(CLASH, 0))
    step('define same path', lambda: conn.storagePoolDefineXML(SAME_PATH, 0))
    step('inactive numOfVolumes', p2.numOfVolumes)
    step('inactive listVolumes', p2.listVolumes)
    step('inactive listAllVolumes', lambda: p2.listAllVolumes(0))
    step('inactive vol create', lambda: p2.createXML(VOL % ('a', 1, 1), 0))
    step('inactive destroy', p2.destroy)
    step('inactive refresh', lambda: p2.refresh(0))
    step('build', lambda: p2.build(0))
    step('delete', lambda: p2.delete(0))
    step('create', lambda: p2.create(0))
    step('createXML over active', lambda: conn.storagePoolCreateXML(POOL, 0))
    step('vol in p2', lambda: p2.createXML(VOL % ('a', 1, 1), 0).path())
    step('destroy', p2.destroy)
    step('vol lookup inactive', lambda: p2.storageVolLookupByName('a'))
    step('vol by key inactive', lambda: conn.storageVolLookupByKey('/p2/a'))
    for flags, name in [(0, 'all'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, 'act'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                         'inact'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART,
                         'auto'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART,
                         'noauto'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT,
                         'transient'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_DIR, 'dir'),
                        (libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
                         'logical')]:
        step('listAll ' + name,
             lambda: names(conn.listAllStoragePools(flags)))
    step('redefine inactive', lambda: conn.storagePoolDefineXML(POOL, 0)
         and p2.info())
    step('create again', lambda: p2.create(0))
    step('redefine active', lambda: conn.storagePoolDefineXML(
        POOL.replace('/p2<', '/p2new<'), 0) and p2.XMLDesc(0))
    step('destroy again', p2.destroy)
    step('after redefine', lambda: p2.XMLDesc(0))
    step('undefine', p2.undefine)
    step('after undefine', lambda: conn.storagePoolLookupByName('p2'))

    # A transient pool goes away when destroyed.
    step('createXML', lambda: conn.storagePoolCreateXML(TRANSIENT, 0).name())
    tp = conn.storagePoolLookupByName('tp')
    step('transient persistent', tp.isPersistent)
    step('transient autostart', tp.autostart)
    step('transient set autostart', lambda: tp.setAutostart(1))
    step('transient destroy', tp.destroy)
    step('transient gone', lambda: conn.storagePoolLookupByName('tp'))
    code_only = rec.code_only

    step('define validate', lambda: code_only(lambda: conn.storagePoolDefineXML(
        POOL.replace('<target>', '<bogus/><target>'),
        libvirt.VIR_STORAGE_POOL_DEFINE_VALIDATE)))
    step('define bad flags', lambda: conn.storagePoolDefineXML(POOL, 8))
    step('vol create validate', lambda: code_only(lambda: dp.createXML(
        (VOL % ('vv', 1, 1)).replace('<name>', '<bogus/><name>'),
        libvirt.VIR_STORAGE_VOL_CREATE_VALIDATE)))
    step('vol create no validate', lambda: dp.createXML(
        (VOL % ('vv', 1, 1)).replace('<name>', '<bogus/><name>'), 0).name())
    step('define bad XML', lambda: conn.storagePoolDefineXML(
        "<pool type='bogus'><name>b</name></pool>", 0))

    for typ, spec in [('logical', None), ('netfs', None),
                      ('netfs', "<source><host name='nfs.example'/></source>"),
                      ('dir', None), ('disk', None), ('bogus', None)]:
        step('find sources %s %s' % (typ, bool(spec)),
             lambda: conn.findStoragePoolSources(typ, spec, 0))

    here = os.path.dirname(os.path.abspath(__file__))
    try:
        nc = libvirt.open('test://' + os.path.join(here, 'node-storage.xml'))
        step('node pools', lambda: names(nc.listAllStoragePools(0)))
        np = nc.storagePoolLookupByName('node-pool')
        step('node pool info', np.info)
        step('node pool XML', lambda: np.XMLDesc(0))
        step('node vols', lambda: sorted(np.listVolumes()))
        for vn in sorted(np.listVolumes()):
            vol = np.storageVolLookupByName(vn)
            step('node vol ' + vn, lambda: [vol.info(), vol.key(),
                                            vol.path(), vol.XMLDesc(0)])
        nc.close()
    except libvirt.libvirtError as e:
        steps.append(['node file', ['error', e.get_error_code(),
                                    e.get_error_domain(),
                                    e.get_error_message()]])

    step('node bad pool', lambda: libvirt.open(
        'test://' + os.path.join(here, 'node-storage-bad.xml')))

    pump()
    step('deregister', lambda: conn.storagePoolEventDeregisterAny(cb1))
    step('deregister again', lambda: conn.storagePoolEventDeregisterAny(cb1))
    conn.storagePoolEventDeregisterAny(cb2)
    libvirt.virEventRemoveTimeout(tick)
    steps.append(['events', events])
    conn.close()
    print(json.dumps(steps))
    return 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe))
