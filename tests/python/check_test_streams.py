#!/usr/bin/python3
"""The test driver's streams: screenshots, consoles, volume I/O, block jobs.

usage: check_test_streams.py BUILDDIR/src

Two parts.  A scenario (this file run with --probe) does what upstream's
test driver can do with streams -- a screenshot read through the stream
API, the stream API's answers around it, and the checks the public layer
makes before any driver is asked -- through Debian's python3-libvirt on
the system's libvirt.so.0 and on Vireo's, with check_test_driver.py's
comparison.  Upstream's test driver has no consoles, channels, volume
upload/download/wipe/resize or block jobs, so a second scenario (--vireo)
runs on Vireo alone and asserts what the API documents: uploaded bytes
come back, consoles echo, block jobs progress, end and say so in events.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_test_driver as base  # noqa: E402

CONSOLE_VM = """<domain type='test'>
  <name>convm</name>
  <uuid>7a1c0d6e-3b7f-4d43-9b86-2f3c0e1d5a61</uuid>
  <memory>1048576</memory>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/con.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <serial type='pty'><target port='0'/></serial>
    <serial type='file'><source path='/tmp/serial1.log'/>
      <target port='1'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <channel type='unix'>
      <source mode='bind' path='/tmp/convm.agent'/>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
    </channel>
    <channel type='pty'>
      <target type='virtio' name='org.example.pty'/>
    </channel>
  </devices>
</domain>"""

VOL = """<volume>
  <name>io.img</name>
  <capacity unit='KiB'>1024</capacity>
  <allocation>0</allocation>
</volume>"""


def probe():
    import libvirt

    rec = base.Recorder(libvirt)
    steps, step = rec.steps, rec.step

    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    dom = conn.lookupByName('test')

    def shot(d, flags=0):
        st = conn.newStream(0)
        mime = d.screenshot(st, 0, flags)
        chunks = []
        st.recvAll(lambda s, data, o: chunks.append(data) or len(data), None)
        data = b''.join(chunks)
        # Upstream sends a picture of its own: compare what it is, not
        # its bytes.
        return [mime, data[:8].hex(), len(data) > 100, st.finish()]

    step('screenshot', lambda: shot(dom))
    step('screenshot flags', lambda: shot(dom, 1))
    step('screenshot screen 3', lambda: dom.screenshot(conn.newStream(0), 3,
                                                       0))
    dom.destroy()
    step('screenshot inactive', lambda: shot(dom))
    dom.create()

    # The stream API around a finished or half-read stream.
    st = conn.newStream(0)
    dom.screenshot(st, 0, 0)
    step('recv some', lambda: len(st.recv(16)))
    step('send on a download', lambda: st.send(b'x'))
    step('recvFlags', lambda: st.recvFlags(
        16, libvirt.VIR_STREAM_RECV_STOP_AT_HOLE))
    step('recvHole', lambda: st.recvHole(0))
    step('sendHole', lambda: st.sendHole(10, 0))
    step('finish half read', lambda: st.finish())
    step('finish again', lambda: st.finish())
    step('recv after finish', lambda: st.recv(16))
    step('send after finish', lambda: st.send(b'x'))
    step('abort after finish', lambda: st.abort())

    st = conn.newStream(0)
    dom.screenshot(st, 0, 0)
    step('abort', lambda: st.abort())
    step('recv after abort', lambda: st.recv(16))

    # Callbacks on a non-blocking screenshot stream.
    st = conn.newStream(libvirt.VIR_STREAM_NONBLOCK)
    dom.screenshot(st, 0, 0)
    got = {'events': set(), 'bytes': 0, 'eof': False}

    def on_stream(s, events, opaque):
        got['events'].add(events)
        if events & libvirt.VIR_STREAM_EVENT_READABLE:
            while True:
                data = s.recv(4096)
                if data == -2:
                    return
                if not data:
                    got['eof'] = True
                    s.eventUpdateCallback(0)
                    return
                got['bytes'] += len(data)

    step('remove no callback', lambda: st.eventRemoveCallback())
    step('update no callback', lambda: st.eventUpdateCallback(0))
    step('add callback', lambda: st.eventAddCallback(
        libvirt.VIR_STREAM_EVENT_READABLE, on_stream, None))
    step('add callback again', lambda: st.eventAddCallback(
        libvirt.VIR_STREAM_EVENT_READABLE, on_stream, None))
    for _ in range(200):
        if got['eof']:
            break
        libvirt.virEventRunDefaultImpl()
    step('callback read', lambda: [sorted(got['events']), got['bytes'] > 100,
                                   got['eof']])
    step('remove callback', lambda: st.eventRemoveCallback())
    step('finish nonblocking', lambda: st.finish())
    step('recvAll on nonblocking', lambda: (
        lambda s: [dom.screenshot(s, 0, 0),
                   s.recvAll(lambda *a: 0, None)])(
            conn.newStream(libvirt.VIR_STREAM_NONBLOCK)))

    # What the public layer checks before the driver is asked.
    other = libvirt.open('test:///default')
    step('screenshot other conn stream', lambda: dom.screenshot(
        other.newStream(0), 0, 0))
    step('console other conn stream', lambda: dom.openConsole(
        None, other.newStream(0), 0))
    step('channel other conn stream', lambda: dom.openChannel(
        None, other.newStream(0), 0))
    pool = conn.storagePoolLookupByName('default-pool')
    vol = pool.createXML(VOL, 0)
    step('upload other conn stream', lambda: vol.upload(
        other.newStream(0), 0, 0, 0))
    step('download other conn stream', lambda: vol.download(
        other.newStream(0), 0, 0, 0))
    step('resize zero', lambda: vol.resize(0, 0))
    step('unused stream send', lambda: conn.newStream(0).send(b'x'))
    step('unused stream recv', lambda: conn.newStream(0).recv(1))
    step('unused stream finish', lambda: conn.newStream(0).finish())
    step('unused stream abort', lambda: conn.newStream(0).abort())
    other.close()

    ro = libvirt.openReadOnly('test:///default')
    rdom = ro.lookupByName('test')
    rvol = ro.storageVolLookupByPath(vol.path())
    step('ro screenshot', lambda: rdom.screenshot(ro.newStream(0), 0, 0))
    step('ro console', lambda: rdom.openConsole(None, ro.newStream(0), 0))
    step('ro channel', lambda: rdom.openChannel(None, ro.newStream(0), 0))
    step('ro upload', lambda: rvol.upload(ro.newStream(0), 0, 0, 0))
    step('ro download', lambda: rvol.download(ro.newStream(0), 0, 0, 0))
    step('ro wipe', lambda: rvol.wipe(0))
    step('ro wipe pattern', lambda: rvol.wipePattern(0, 0))
    step('ro resize', lambda: rvol.resize(1 << 20, 0))
    step('ro block pull', lambda: rdom.blockPull('vda', 0, 0))
    step('ro block rebase', lambda: rdom.blockRebase('vda', None, 0, 0))
    step('ro block commit', lambda: rdom.blockCommit('vda', None, None, 0,
                                                     0))
    step('ro block copy', lambda: rdom.blockCopy(
        'vda', "<disk type='file'><source file='/x'/></disk>", None, 0))
    step('ro block job abort', lambda: rdom.blockJobAbort('vda', 0))
    step('ro block job speed', lambda: rdom.blockJobSetSpeed('vda', 1, 0))
    step('block rebase copy flags without copy', lambda: dom.blockRebase(
        'vda', '/x', 0, libvirt.VIR_DOMAIN_BLOCK_REBASE_SHALLOW))
    ro.close()
    vol.delete(0)

    libvirt.virEventRemoveTimeout(tick)
    conn.close()
    print(json.dumps(steps))
    return 0


# ---- Vireo only: what upstream's test driver does not have ----

class Checks:
    def __init__(self):
        self.failed = 0
        self.count = 0

    def eq(self, name, got, want):
        self.count += 1
        ok = got == want
        print('%-4s %-40s %s' % ('ok' if ok else 'FAIL', name,
                                 json.dumps(got, default=repr)[:150]))
        if not ok:
            self.failed += 1
            print('     %-40s wanted %s' % ('', json.dumps(want,
                                                             default=repr)))

    def true(self, name, cond, detail=''):
        self.eq(name + (' ' + detail if detail else ''), bool(cond), True)

    def err(self, name, func, code, msg=None):
        import libvirt
        try:
            value = func()
        except libvirt.libvirtError as e:
            got = [e.get_error_code(), e.get_error_message()]
            want = [code, msg if msg is not None else got[1]]
            self.eq(name, got, want)
            return
        self.eq(name, ['no error', value], ['error', code, msg])


def vireo_volumes(c, conn):
    import libvirt

    pool = conn.storagePoolLookupByName('default-pool')
    vol = pool.createXML(VOL, 0)
    cap = 1024 * 1024
    c.eq('new volume info', vol.info(), [0, cap, 0])
    pool_alloc = pool.info()[2]

    def upload(data, offset=0, length=0, flags=0):
        st = conn.newStream(0)
        vol.upload(st, offset, length, flags)
        st.send(data)
        return st.finish()

    def download(offset=0, length=0, flags=0):
        st = conn.newStream(0)
        vol.download(st, offset, length, flags)
        out = []
        st.recvAll(lambda s, d, o: out.append(d) or len(d), None)
        st.finish()
        return b''.join(out)

    data = bytes(range(256)) * 40 + b'tail'
    c.eq('upload', upload(data, 10000), 0)
    back = download(10000, len(data))
    c.eq('download gives the uploaded bytes', back == data, True)
    c.eq('never written reads zeros', download(0, 10000) == bytes(10000),
         True)
    whole = download()
    c.eq('whole download length', len(whole), cap)
    c.eq('whole download content', whole[10000:10000 + len(data)] == data and
         not any(whole[:10000]) and not any(whole[10000 + len(data):]), True)
    c.eq('download past the end', download(cap + 10), b'')
    c.eq('download length cut at the end', len(download(cap - 5, 100)), 5)
    info = vol.info()
    c.eq('allocation covers the written blocks', info[2], 3 * 4096)
    c.eq('pool allocation charged', pool.info()[2] - pool_alloc, 3 * 4096)

    # Overwrite part of it, stream built with sendAll.
    st = conn.newStream(0)
    vol.upload(st, 10000, 0, 0)
    pieces = [b'A' * 100, b'B' * 100]
    st.sendAll(lambda s, n, o: pieces.pop(0) if pieces else b'', None)
    st.finish()
    c.eq('sendAll upload', download(10000, 200), b'A' * 100 + b'B' * 100)

    # Sparse download: holes where nothing was written.
    st = conn.newStream(0)
    vol.download(st, 0, 0, libvirt.VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM)
    segs = []
    st.sparseRecvAll(
        lambda s, d, o: segs.append(['data', len(d)]) or len(d),
        lambda s, n, o: segs.append(['hole', n]) or 0, None)
    st.finish()
    c.eq('sparse download sections', segs,
         [['hole', 8192], ['data', 12288], ['hole', cap - 8192 - 12288]])

    # Sparse upload: a hole clears what was there.
    st = conn.newStream(0)
    vol.upload(st, 8192, 0, libvirt.VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM)
    st.sendHole(4096, 0)
    st.send(b'Z' * 10)
    st.finish()
    part = download(8192, 4096 + 10)
    c.eq('sparse upload hole reads zeros', part == bytes(4096) + b'Z' * 10,
         True)

    # Limits.
    st = conn.newStream(0)
    vol.upload(st, 0, 10, 0)
    c.eq('send beyond length is cut', st.send(b'x' * 20), 10)
    c.err('send past length', lambda: st.send(b'y'), libvirt.VIR_ERR_SYSTEM_ERROR,
          'cannot write to stream: No space left on device')
    st.abort()
    c.eq('aborted upload changed nothing', download(0, 10), bytes(10))
    c.err('upload past capacity', lambda: vol.upload(
        conn.newStream(0), cap - 10, 20, 0), libvirt.VIR_ERR_INVALID_ARG)
    c.err('upload bad flags', lambda: vol.upload(conn.newStream(0), 0, 0, 4),
          libvirt.VIR_ERR_INVALID_ARG)
    c.err('download bad flags', lambda: vol.download(
        conn.newStream(0), 0, 0, 4), libvirt.VIR_ERR_INVALID_ARG)
    st = conn.newStream(0)
    vol.download(st, 0, 10, 0)
    c.err('stream used twice', lambda: vol.download(st, 0, 10, 0),
          libvirt.VIR_ERR_OPERATION_INVALID)
    st.abort()

    # An upload to a volume deleted meanwhile fails at finish.
    tmp = pool.createXML(VOL.replace('io.img', 'gone.img'), 0)
    st = conn.newStream(0)
    tmp.upload(st, 0, 0, 0)
    st.send(b'data')
    tmp.delete(0)
    c.err('upload to a deleted volume', lambda: st.finish(),
          libvirt.VIR_ERR_NO_STORAGE_VOL)

    # A clone starts with the same content.
    snapshot = download()
    clone = pool.createXMLFrom(VOL.replace('io.img', 'clone.img'), vol, 0)
    st = conn.newStream(0)
    clone.download(st, 0, 0, 0)
    out = []
    st.recvAll(lambda s, d, o: out.append(d) or len(d), None)
    st.finish()
    c.eq('clone has the content', b''.join(out) == snapshot, True)
    c.eq('clone allocation: its written blocks', clone.info()[2], 2 * 4096)
    clone.delete(0)

    # Wipe.
    c.eq('wipe', vol.wipe(0), 0)
    c.eq('wiped reads zeros', any(download()), False)
    upload(b'again', 0)
    c.eq('wipe pattern', vol.wipePattern(
        libvirt.VIR_STORAGE_VOL_WIPE_ALG_RANDOM, 0), 0)
    c.eq('pattern wiped reads zeros', download(0, 5), bytes(5))
    c.err('wipe bad algorithm', lambda: vol.wipePattern(99, 0),
          libvirt.VIR_ERR_INVALID_ARG, 'invalid argument: wiping algorithm '
          '99 not supported')
    c.err('wipe bad flags', lambda: vol.wipe(1), libvirt.VIR_ERR_INVALID_ARG)

    # Resize, as the storage driver's rules say.
    alloc = vol.info()[2]
    c.err('shrink without flag', lambda: vol.resize(cap - 4096 * 100, 0),
          libvirt.VIR_ERR_INVALID_ARG,
          "invalid argument: Can't shrink capacity below current capacity "
          "unless shrink flag explicitly specified")
    c.err('shrink below allocation', lambda: vol.resize(
        4096, libvirt.VIR_STORAGE_VOL_RESIZE_SHRINK),
        libvirt.VIR_ERR_INVALID_ARG,
        "invalid argument: can't shrink capacity below existing allocation")
    c.eq('grow', vol.resize(2 * cap, 0), 0)
    c.eq('grown sparse', vol.info(), [0, 2 * cap, alloc])
    c.eq('grow by delta', vol.resize(cap, libvirt.VIR_STORAGE_VOL_RESIZE_DELTA),
         0)
    c.eq('grown by delta', vol.info()[1], 3 * cap)
    c.eq('shrink by delta', vol.resize(
        cap, libvirt.VIR_STORAGE_VOL_RESIZE_DELTA |
        libvirt.VIR_STORAGE_VOL_RESIZE_SHRINK), 0)
    c.eq('shrunk by delta', vol.info()[1], 2 * cap)
    before = pool.info()
    c.eq('grow allocated', vol.resize(
        3 * cap, libvirt.VIR_STORAGE_VOL_RESIZE_ALLOCATE), 0)
    c.eq('grown allocated', vol.info(), [0, 3 * cap, 3 * cap])
    c.eq('pool charged for allocation', pool.info()[2] - before[2],
         3 * cap - alloc)
    c.err('no room in pool', lambda: vol.resize(
        1 << 50, libvirt.VIR_STORAGE_VOL_RESIZE_ALLOCATE),
        libvirt.VIR_ERR_OPERATION_FAILED,
        'operation failed: Not enough space left in storage pool')
    c.err('resize bad flags', lambda: vol.resize(cap, 8),
          libvirt.VIR_ERR_INVALID_ARG)
    vol.delete(0)

    # Data goes with the volume: a new one of the same name is empty.
    vol = pool.createXML(VOL, 0)
    c.eq('recreated volume is empty', download(0, 100), bytes(100))
    vol.delete(0)


def vireo_consoles(c, conn):
    import libvirt

    dom = conn.defineXML(CONSOLE_VM)
    c.err('console of a stopped domain', lambda: dom.openConsole(
        None, conn.newStream(0), 0), libvirt.VIR_ERR_OPERATION_INVALID,
        'Requested operation is not valid: domain is not running')
    dom.create()

    st = conn.newStream(0)
    c.eq('open console', dom.openConsole(None, st, 0), 0)
    c.eq('console send', st.send(b'hello guest'), 11)
    c.eq('console echo', st.recv(100), b'hello guest')
    c.err('console busy', lambda: dom.openConsole(
        'serial0', conn.newStream(0), 0), libvirt.VIR_ERR_OPERATION_FAILED,
        'operation failed: Active console session exists for this domain')
    st2 = conn.newStream(0)
    c.eq('console force', dom.openConsole(
        'serial0', st2, libvirt.VIR_DOMAIN_CONSOLE_FORCE |
        libvirt.VIR_DOMAIN_CONSOLE_SAFE), 0)
    c.eq('old console reads the end', st.recv(10), b'')
    c.err('old console cannot write', lambda: st.send(b'x'),
          libvirt.VIR_ERR_SYSTEM_ERROR)
    st.finish()
    c.eq('new console echoes', [st2.send(b'abc'), st2.recv(10)],
         [3, b'abc'])
    c.eq('console finish', st2.finish(), 0)
    st3 = conn.newStream(0)
    c.eq('console free again after finish', dom.openConsole(
        'console0', st3, 0), 0)
    st3.abort()
    c.err('unknown console', lambda: dom.openConsole(
        'serial7', conn.newStream(0), 0), libvirt.VIR_ERR_INTERNAL_ERROR,
        'internal error: cannot find character device serial7')
    c.err('console not a pty', lambda: dom.openConsole(
        'serial1', conn.newStream(0), 0), libvirt.VIR_ERR_INTERNAL_ERROR,
        'internal error: character device serial1 is not using a PTY')
    c.err('console bad flags', lambda: dom.openConsole(
        None, conn.newStream(0), 8), libvirt.VIR_ERR_INVALID_ARG)

    # Non-blocking console driven by stream events.
    nb = conn.newStream(libvirt.VIR_STREAM_NONBLOCK)
    dom.openConsole(None, nb, 0)
    c.eq('nonblocking console empty', nb.recv(10), -2)
    got = []

    def on_stream(s, events, opaque):
        if events & libvirt.VIR_STREAM_EVENT_READABLE:
            data = s.recv(100)
            if data != -2:
                got.append(data)

    nb.eventAddCallback(libvirt.VIR_STREAM_EVENT_READABLE, on_stream, None)
    nb.send(b'ping')
    deadline = time.time() + 5
    while not got and time.time() < deadline:
        libvirt.virEventRunDefaultImpl()
    c.eq('readable event delivers the echo', got, [b'ping'])
    nb.eventRemoveCallback()
    nb.finish()

    # Channels.
    ch = conn.newStream(0)
    c.eq('open channel by name', dom.openChannel(
        'org.qemu.guest_agent.0', ch, 0), 0)
    c.eq('channel echo', [ch.send(b'{}'), ch.recv(10)], [2, b'{}'])
    c.err('channel busy', lambda: dom.openChannel(
        'channel0', conn.newStream(0), 0), libvirt.VIR_ERR_OPERATION_FAILED,
        'operation failed: Active channel stream exists for this domain')
    c.eq('channel force', dom.openChannel(
        None, conn.newStream(0), libvirt.VIR_DOMAIN_CHANNEL_FORCE), 0)
    c.err('channel not unix', lambda: dom.openChannel(
        'org.example.pty', conn.newStream(0), 0),
        libvirt.VIR_ERR_INTERNAL_ERROR,
        'internal error: channel org.example.pty is not using a UNIX socket')
    c.err('unknown channel', lambda: dom.openChannel(
        'nope', conn.newStream(0), 0), libvirt.VIR_ERR_INTERNAL_ERROR,
        'internal error: cannot find channel nope')
    ch.abort()

    # Stopping the domain ends its consoles.
    held = conn.newStream(0)
    dom.openConsole(None, held, libvirt.VIR_DOMAIN_CONSOLE_FORCE)
    dom.destroy()
    c.eq('console of a stopped domain reads the end', held.recv(10), b'')
    c.err('console of a stopped domain cannot write', lambda: held.send(
        b'x'), libvirt.VIR_ERR_SYSTEM_ERROR)
    dom.create()
    fresh = conn.newStream(0)
    c.eq('console after restart', dom.openConsole(None, fresh, 0), 0)
    held.abort()
    fresh.abort()
    dom.destroy()
    dom.undefine()

    # A lone serial-type console is the first serial port by two names.
    lone = conn.createXML(CONSOLE_VM.split('<devices>')[0].replace(
        'convm', 'lonevm').replace('7a1c0d6e', '8a1c0d6e') +
        "<devices><console type='pty'><target type='serial' port='0'/>"
        "</console></devices></domain>", 0)
    st = conn.newStream(0)
    c.eq('lone console', lone.openConsole(None, st, 0), 0)
    c.eq('lone console echo', [st.send(b'hi'), st.recv(10)], [2, b'hi'])
    c.err('lone console as serial0 is busy', lambda: lone.openConsole(
        'serial0', conn.newStream(0), 0), libvirt.VIR_ERR_OPERATION_FAILED)
    c.err('lone console as console0 is busy', lambda: lone.openConsole(
        'console0', conn.newStream(0), 0), libvirt.VIR_ERR_OPERATION_FAILED)
    st.finish()
    lone.destroy()


def vireo_blockjobs(c, conn):
    import libvirt

    dom = conn.lookupByName('test')
    events = []

    def on_job(cn, d, disk, typ, status, opaque):
        events.append([opaque, disk, typ, status])

    cb1 = conn.domainEventRegisterAny(
        dom, libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB, on_job, 'job')
    cb2 = conn.domainEventRegisterAny(
        dom, libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, on_job, 'job2')

    def wait_for(cond, seconds=5):
        deadline = time.time() + seconds
        while not cond() and time.time() < deadline:
            libvirt.virEventRunDefaultImpl()
        return cond()

    def pump_for(seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            libvirt.virEventRunDefaultImpl()

    PULL = libvirt.VIR_DOMAIN_BLOCK_JOB_TYPE_PULL
    COPY = libvirt.VIR_DOMAIN_BLOCK_JOB_TYPE_COPY
    ACOMMIT = libvirt.VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT
    COMMIT = libvirt.VIR_DOMAIN_BLOCK_JOB_TYPE_COMMIT
    DONE = libvirt.VIR_DOMAIN_BLOCK_JOB_COMPLETED
    CANCELED = libvirt.VIR_DOMAIN_BLOCK_JOB_CANCELED
    READY = libvirt.VIR_DOMAIN_BLOCK_JOB_READY
    SRC = '/guest/diskimage1'

    c.eq('no job', dom.blockJobInfo('vda', 0), {})
    c.err('no such disk', lambda: dom.blockPull('vdz', 0, 0),
          libvirt.VIR_ERR_INVALID_ARG,
          "invalid argument: disk 'vdz' not found in domain")

    # A pull runs to completion by itself.
    c.eq('pull', dom.blockPull('vda', 0, 0), 0)
    info = dom.blockJobInfo('vda', 0)
    c.eq('pull running', [info.get('type'), info.get('end', 0) > 0,
                          info.get('cur', -1) <= info.get('end', 0)],
         [PULL, True, True])
    c.err('job already active', lambda: dom.blockPull('vda', 0, 0),
          libvirt.VIR_ERR_OPERATION_UNSUPPORTED,
          "Operation not supported: disk 'vda' already in active block job")
    c.true('pull completes', wait_for(lambda: len(events) >= 2))
    c.eq('completion events', sorted(events),
         sorted([['job', SRC, PULL, DONE], ['job2', 'vda', PULL, DONE]]))
    c.eq('job gone', dom.blockJobInfo('vda', 0), {})
    del events[:]

    # Throttled, progress is slow; the speed shows; abort stops it.
    c.eq('throttled pull by path', dom.blockPull(SRC, 1, 0), 0)
    pump_for(0.3)
    info = dom.blockJobInfo('vda', 0)
    c.eq('throttled progress', [info['bandwidth'], 0 < info['cur'],
                                info['cur'] < info['end'] // 100],
         [1, True, True])
    c.eq('speed in bytes', dom.blockJobInfo(
        'vda', libvirt.VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES)['bandwidth'],
        1 << 20)
    c.eq('set speed', dom.blockJobSetSpeed('vda', 3, 0), 0)
    c.eq('speed changed', dom.blockJobInfo('vda', 0)['bandwidth'], 3)
    c.err('pivot a pull', lambda: dom.blockJobAbort(
        'vda', libvirt.VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT),
        libvirt.VIR_ERR_BLOCK_COPY_ACTIVE)
    c.eq('abort', dom.blockJobAbort('vda', 0), 0)
    c.eq('aborted job gone', dom.blockJobInfo('vda', 0), {})
    c.true('cancel events', wait_for(lambda: len(events) >= 2))
    c.eq('cancel event content', sorted(events),
         sorted([['job', SRC, PULL, CANCELED],
                 ['job2', 'vda', PULL, CANCELED]]))
    pump_for(0.2)
    c.eq('nothing after abort', len(events), 2)
    del events[:]
    c.err('abort without job', lambda: dom.blockJobAbort('vda', 0),
          libvirt.VIR_ERR_INVALID_ARG,
          'invalid argument: disk vda does not have an active block job')
    c.err('speed without job', lambda: dom.blockJobSetSpeed('vda', 1, 0),
          libvirt.VIR_ERR_INVALID_ARG)

    # Unthrottling lets a slow job finish.
    dom.blockRebase('vda', None, 1, 0)
    dom.blockJobSetSpeed('vda', 0, 0)
    c.true('unthrottled rebase completes', wait_for(lambda: len(events) >= 2))
    del events[:]

    # A copy becomes ready and waits; pivot moves the disk to the copy.
    c.eq('copy', dom.blockCopy(
        'vda', "<disk type='file'><source file='/guest/copy.img'/>"
        "<driver type='raw'/></disk>", {'bandwidth': 1 << 20}, 0), 0)
    c.err('pivot before ready', lambda: dom.blockJobAbort(
        'vda', libvirt.VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT),
        libvirt.VIR_ERR_BLOCK_COPY_ACTIVE,
        "block copy still active: block job 'vda' not ready for pivot yet")
    c.true('mirror in live XML', "<mirror type='file'" in dom.XMLDesc(0))
    dom.blockJobSetSpeed('vda', 0, 0)
    c.true('copy ready', wait_for(lambda: len(events) >= 2))
    c.eq('ready events', sorted(events),
         sorted([['job', SRC, COPY, READY], ['job2', 'vda', COPY, READY]]))
    del events[:]
    info = dom.blockJobInfo('vda', 0)
    c.eq('ready job stays', [info['type'], info['cur'] == info['end']],
         [COPY, True])
    c.eq('pivot', dom.blockJobAbort(
        'vda', libvirt.VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT), 0)
    c.true('pivot events', wait_for(lambda: len(events) >= 2))
    c.eq('pivot event content', sorted(events),
         sorted([['job', SRC, COPY, DONE], ['job2', 'vda', COPY, DONE]]))
    del events[:]
    c.true('disk on the copy', "<source file='/guest/copy.img'"
           in dom.XMLDesc(0))
    c.true('config unchanged', "<source file='/guest/diskimage1'" in
           dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    c.true('mirror gone', '<mirror' not in dom.XMLDesc(0))

    # Active commit: needs its flag; aborting without pivot cancels.
    c.err('active commit without flag', lambda: dom.blockCommit(
        'vda', None, None, 0, 0), libvirt.VIR_ERR_INVALID_ARG,
        "invalid argument: commit of 'vda' active layer requires active flag")
    c.eq('active commit', dom.blockCommit(
        'vda', '/guest/base.img', None, 0,
        libvirt.VIR_DOMAIN_BLOCK_COMMIT_ACTIVE), 0)
    c.true('active commit ready', wait_for(lambda: len(events) >= 2))
    del events[:]
    c.eq('abort ready commit', dom.blockJobAbort('vda', 0), 0)
    c.true('cancel events after ready', wait_for(lambda: len(events) >= 2))
    c.eq('cancel of active commit', sorted(e[3] for e in events),
         [CANCELED, CANCELED])
    del events[:]
    c.eq('commit of a lower layer', dom.blockCommit(
        'vda', None, '/guest/mid.img', 0, 0), 0)
    c.eq('commit type', dom.blockJobInfo('vda', 0)['type'], COMMIT)
    c.true('commit completes', wait_for(lambda: len(events) >= 2))
    c.eq('commit done', sorted(e[2:] for e in events),
         [[COMMIT, DONE], [COMMIT, DONE]])
    del events[:]
    c.eq('commit type names', [ACOMMIT, COMMIT], [4, 3])

    # Bad input.
    c.err('copy bad param', lambda: dom.blockCopy(
        'vda', "<disk type='file'><source file='/x'/></disk>",
        {'bogus': 1}, 0), libvirt.VIR_ERR_INVALID_ARG,
        "invalid argument: parameter 'bogus' not supported")
    c.err('copy bad granularity', lambda: dom.blockCopy(
        'vda', "<disk type='file'><source file='/x'/></disk>",
        {'granularity': 3}, 0), libvirt.VIR_ERR_INVALID_ARG,
        'invalid argument: granularity must be power of 2')
    c.err('copy bad xml', lambda: dom.blockCopy('vda', '<disk', None, 0),
          libvirt.VIR_ERR_XML_DETAIL)
    c.err('rebase relative without base', lambda: dom.blockRebase(
        'vda', None, 0, libvirt.VIR_DOMAIN_BLOCK_REBASE_RELATIVE),
        libvirt.VIR_ERR_INVALID_ARG)
    c.err('pull bad flags', lambda: dom.blockPull('vda', 0, 2),
          libvirt.VIR_ERR_INVALID_ARG)
    c.err('bandwidth overflow', lambda: dom.blockPull('vda', 1 << 62, 0),
          libvirt.VIR_ERR_OVERFLOW)

    # A job ends with its domain.
    dom.blockPull('vda', 1, 0)
    dom.destroy()
    c.err('job of a stopped domain', lambda: dom.blockJobInfo('vda', 0),
          libvirt.VIR_ERR_OPERATION_INVALID)
    dom.create()
    c.eq('no job after restart', dom.blockJobInfo('vda', 0), {})
    conn.domainEventDeregisterAny(cb1)
    conn.domainEventDeregisterAny(cb2)


def vireo():
    import libvirt

    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    conn = libvirt.open('test:///default')
    tick = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    c = Checks()
    vireo_volumes(c, conn)
    vireo_consoles(c, conn)
    vireo_blockjobs(c, conn)
    libvirt.virEventRemoveTimeout(tick)
    conn.close()
    print('%d Vireo-only checks, %d failed' % (c.count, c.failed))
    return 1 if c.failed else 0


if __name__ == '__main__':
    sys.exit(base.dispatch(os.path.abspath(__file__), probe, vireo))
