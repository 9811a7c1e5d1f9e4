/*
 * test_test_streams.c: corner cases of the test driver's in-memory
 * streams through the public API: streams dropped without finishing, a
 * reader blocked on a console woken by another thread's write or by a
 * takeover, event callbacks and their free functions, sparse transfers,
 * and block jobs left running when their domain stops.  Mostly there to
 * run under valgrind and the sanitizers (the unit suite does).
 */
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static const char volXML[] =
    "<volume><name>s.img</name><capacity>65536</capacity>"
    "<allocation>0</allocation></volume>";

static const char vmXML[] =
    "<domain type='test'><name>streamvm</name><memory>65536</memory>"
    "<os><type>hvm</type></os><devices>"
    "<disk type='file' device='disk'><source file='/s/disk.img'/>"
    "<target dev='vda' bus='virtio'/></disk>"
    "<serial type='pty'><target port='0'/></serial>"
    "<console type='pty'><target type='serial' port='0'/></console>"
    "</devices></domain>";

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
sinkAppend(virStreamPtr st G_GNUC_UNUSED, const char *data, size_t n,
           void *opaque)
{
    g_byte_array_append(opaque, (const guint8 *)data, n);
    return n;
}

static int
sinkHole(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque)
{
    GByteArray *out = opaque;
    guint8 zero[512] = { 0 };

    while (len > 0) {
        size_t n = MIN((long long)sizeof(zero), len);

        g_byte_array_append(out, zero, n);
        len -= n;
    }
    return 0;
}

static void
testVolumeStreams(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virStorageVolPtr vol = virStorageVolCreateXML(pool, volXML, 0);
    virStreamPtr st;
    g_autoptr(GByteArray) out = g_byte_array_new();
    char buf[100];
    long long hole = 0;
    int i;

    g_assert_nonnull(vol);

    /* Written in pieces, with a hole in the middle. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolUpload(vol, st, 5000, 0,
                        VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM), ==, 0);
    for (i = 0; i < 10; i++)
        g_assert_cmpint(virStreamSend(st, "0123456789", 10), ==, 10);
    g_assert_cmpint(virStreamSendHole(st, 10000, 0), ==, 0);
    g_assert_cmpint(virStreamSendHole(st, -1, 0), ==, -1);
    g_assert_cmpint(virStreamSendHole(st, 5, 1), ==, -1);
    g_assert_cmpint(virStreamSend(st, "end", 3), ==, 3);
    g_assert_cmpint(virStreamFinish(st), ==, 0);
    virStreamFree(st);

    /* Read back sparsely: the untouched first block is a hole. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolDownload(vol, st, 0, 0,
                        VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM), ==, 0);
    g_assert_cmpint(virStreamRecvFlags(st, buf, sizeof(buf),
                                       VIR_STREAM_RECV_STOP_AT_HOLE), ==, -3);
    g_assert_cmpint(virStreamRecvHole(st, &hole, 0), ==, 0);
    g_assert_cmpint(hole, ==, 4096);
    g_assert_cmpint(virStreamRecvFlags(st, buf, 4, 99), ==, -1);
    g_assert_cmpint(virStreamSparseRecvAll(st, sinkAppend, sinkHole, out),
                    ==, 0);
    g_assert_cmpint(virStreamFinish(st), ==, 0);
    virStreamFree(st);
    g_assert_cmpint(out->len + hole, ==, 65536);
    g_assert_cmpint(memcmp(out->data + 5000 - hole, "0123456789", 10), ==, 0);
    g_assert_cmpint(memcmp(out->data + 5000 + 100 + 10000 - hole, "end", 3),
                    ==, 0);

    /* Streams dropped half way, with and without data. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolUpload(vol, st, 0, 0, 0), ==, 0);
    g_assert_cmpint(virStreamSend(st, "lost", 4), ==, 4);
    virStreamFree(st);
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolDownload(vol, st, 0, 0, 0), ==, 0);
    g_assert_cmpint(virStreamRecv(st, buf, 10), ==, 10);
    virStreamFree(st);

    /* Nothing of the dropped upload arrived. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolDownload(vol, st, 0, 4, 0), ==, 0);
    g_assert_cmpint(virStreamRecv(st, buf, 10), ==, 4);
    g_assert_cmpint(memcmp(buf, "\0\0\0\0", 4), ==, 0);
    g_assert_cmpint(virStreamRecv(st, buf, 10), ==, 0);
    g_assert_cmpint(virStreamSend(st, "x", 1), ==, -1);
    g_assert_cmpint(virStreamRecvHole(st, &hole, 0), ==, 0);
    g_assert_cmpint(hole, ==, 0);
    g_assert_cmpint(virStreamAbort(st), ==, 0);
    g_assert_cmpint(virStreamRecv(st, buf, 10), ==, -1);
    virStreamFree(st);

    /* The volume goes while an upload is open: the finish says so. */
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virStorageVolUpload(vol, st, 0, 0, 0), ==, 0);
    g_assert_cmpint(virStorageVolDelete(vol, 0), ==, 0);
    g_assert_cmpint(virStreamFinish(st), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_NO_STORAGE_VOL);
    virStreamFree(st);

    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

typedef struct {
    virStreamPtr st;
    char buf[64];
    int got;
} reader;

static gpointer
readerRun(gpointer opaque)
{
    reader *r = opaque;

    r->got = virStreamRecv(r->st, r->buf, sizeof(r->buf));
    return NULL;
}

static void
testConsoleThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom = virDomainCreateXML(conn, vmXML, 0);
    virStreamPtr st = virStreamNew(conn, 0);
    virStreamPtr thief = virStreamNew(conn, 0);
    reader r = { st, { 0 }, -5 };
    GThread *th;

    g_assert_nonnull(dom);
    g_assert_cmpint(virDomainOpenConsole(dom, NULL, st, 0), ==, 0);

    /* A blocked reader wakes up for data written by another thread. */
    th = g_thread_new("reader", readerRun, &r);
    g_usleep(50 * 1000);
    g_assert_cmpint(virStreamSend(st, "wake", 4), ==, 4);
    g_thread_join(th);
    g_assert_cmpint(r.got, ==, 4);
    g_assert_cmpint(memcmp(r.buf, "wake", 4), ==, 0);

    /* ... and for the end when another stream takes the console. */
    r.got = -5;
    th = g_thread_new("reader", readerRun, &r);
    g_usleep(50 * 1000);
    g_assert_cmpint(virDomainOpenConsole(dom, "serial0", thief,
                                         VIR_DOMAIN_CONSOLE_FORCE), ==, 0);
    g_thread_join(th);
    g_assert_cmpint(r.got, ==, 0);
    virStreamFree(st);

    /* A stream dropped without finishing frees the console. */
    virStreamFree(thief);
    st = virStreamNew(conn, 0);
    g_assert_cmpint(virDomainOpenConsole(dom, NULL, st, 0), ==, 0);
    g_assert_cmpint(virDomainOpenConsole(dom, NULL, st, 0), ==, -1);
    virStreamFree(st);

    g_assert_cmpint(virDomainDestroy(dom), ==, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static int callbackFreed;

static void
noop(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

static void
onEvent(virStreamPtr st, int events, void *opaque)
{
    int *count = opaque;
    char buf[16];

    (*count)++;
    if (events & VIR_STREAM_EVENT_READABLE) {
        /* Drain; the callback stays registered. */
        while (virStreamRecv(st, buf, sizeof(buf)) > 0)
            ;
    }
}

static void
onEventFree(void *opaque G_GNUC_UNUSED)
{
    callbackFreed++;
}

/* Replaces itself by onEvent while it runs. */
static void
onEventSwap(virStreamPtr st, int events G_GNUC_UNUSED, void *opaque)
{
    g_assert_cmpint(virStreamEventRemoveCallback(st), ==, 0);
    /* Still running: its free function must wait. */
    g_assert_cmpint(callbackFreed, ==, 3);
    g_assert_cmpint(virStreamEventAddCallback(st, VIR_STREAM_EVENT_WRITABLE,
                                              onEvent, opaque, onEventFree),
                    ==, 0);
}

static void
testEventCallbacks(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom = virDomainCreateXML(conn, vmXML, 0);
    virStreamPtr st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    int timer = virEventAddTimeout(10, noop, NULL, NULL);
    int count = 0;
    int i;

    g_assert_cmpint(virDomainOpenConsole(dom, NULL, st, 0), ==, 0);
    g_assert_cmpint(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                              onEvent, &count, onEventFree),
                    ==, 0);
    g_assert_cmpint(virStreamSend(st, "data", 4), ==, 4);
    for (i = 0; i < 100 && count == 0; i++)
        virEventRunDefaultImpl();
    g_assert_cmpint(count, >, 0);

    /* Removed by hand: freed at once. */
    g_assert_cmpint(virStreamEventRemoveCallback(st), ==, 0);
    g_assert_cmpint(callbackFreed, ==, 1);
    g_assert_cmpint(virStreamEventRemoveCallback(st), ==, -1);

    /* Left registered: the finish removes and frees it. */
    g_assert_cmpint(virStreamEventAddCallback(st, VIR_STREAM_EVENT_WRITABLE,
                                              onEvent, &count, onEventFree),
                    ==, 0);
    g_assert_cmpint(virStreamEventUpdateCallback(st, 0), ==, 0);
    virEventRunDefaultImpl();
    g_assert_cmpint(virStreamFinish(st), ==, 0);
    g_assert_cmpint(callbackFreed, ==, 2);
    g_assert_cmpint(virStreamEventAddCallback(st, 0, onEvent, &count, NULL),
                    ==, -1);
    virStreamFree(st);

    /* Screenshots read through callbacks too. */
    st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    g_free(virDomainScreenshot(dom, st, 0, 0));
    count = 0;
    g_assert_cmpint(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                              onEvent, &count, onEventFree),
                    ==, 0);
    for (i = 0; i < 100 && count == 0; i++)
        virEventRunDefaultImpl();
    g_assert_cmpint(count, >, 0);
    g_assert_cmpint(virStreamAbort(st), ==, 0);
    g_assert_cmpint(callbackFreed, ==, 3);
    virStreamFree(st);

    /* A callback that removes itself and adds another. */
    st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    g_assert_cmpint(virDomainOpenConsole(dom, NULL, st, 0), ==, 0);
    count = 0;
    g_assert_cmpint(virStreamEventAddCallback(st, VIR_STREAM_EVENT_WRITABLE,
                                              onEventSwap, &count,
                                              onEventFree), ==, 0);
    for (i = 0; i < 100 && count == 0; i++)
        virEventRunDefaultImpl();
    g_assert_cmpint(count, >, 0);
    g_assert_cmpint(callbackFreed, ==, 4);
    g_assert_cmpint(virStreamFinish(st), ==, 0);
    g_assert_cmpint(callbackFreed, ==, 5);
    virStreamFree(st);

    virEventRemoveTimeout(timer);
    /* Let the event loop release what it held. */
    for (i = 0; i < 5; i++) {
        int t = virEventAddTimeout(0, noop, NULL, NULL);

        virEventRunDefaultImpl();
        virEventRemoveTimeout(t);
    }
    virDomainDestroy(dom);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void
testBlockJobs(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom = virDomainCreateXML(conn, vmXML, 0);
    virDomainBlockJobInfo info;

    g_assert_cmpint(virDomainBlockPull(dom, "vda", 1, 0), ==, 0);
    g_assert_cmpint(virDomainGetBlockJobInfo(dom, "vda", &info, 0), ==, 1);
    g_assert_cmpint(info.type, ==, VIR_DOMAIN_BLOCK_JOB_TYPE_PULL);
    g_assert_cmpint(virDomainBlockCopy(dom, "vda",
                                       "<disk type='file'><source file='/c'/>"
                                       "</disk>", NULL, 0, 0), ==, -1);
    /* The transient domain goes away with its job running. */
    g_assert_cmpint(virDomainDestroy(dom), ==, 0);
    virDomainFree(dom);

    /* A copy left unfinished on a domain that is then destroyed. */
    dom = virDomainCreateXML(conn, vmXML, 0);
    g_assert_cmpint(virDomainGetBlockJobInfo(dom, "vda", &info, 0), ==, 0);
    g_assert_cmpint(virDomainBlockRebase(dom, "/s/disk.img", "/c", 0,
                                         VIR_DOMAIN_BLOCK_REBASE_COPY |
                                         VIR_DOMAIN_BLOCK_REBASE_COPY_RAW),
                    ==, 0);
    g_assert_cmpint(virDomainDestroy(dom), ==, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Threads each moving bytes through a volume of their own while others
 * start and abort block jobs: nothing may be lost or mixed up. */
typedef struct {
    int index;
    int failures;
} ioWorker;

static gpointer
ioWorkerRun(gpointer opaque)
{
    ioWorker *w = opaque;
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    int round;

    for (round = 0; round < 15; round++) {
        g_autofree char *xml = g_strdup_printf(
            "<volume><name>w%d.img</name><capacity>16384</capacity>"
            "</volume>", w->index);
        g_autoptr(GByteArray) out = g_byte_array_new();
        char data[3000];
        virStorageVolPtr vol = virStorageVolCreateXML(pool, xml, 0);
        virStreamPtr st;
        virDomainBlockJobInfo info;

        memset(data, 'a' + w->index, sizeof(data));
        data[round] = '!';
        st = virStreamNew(conn, 0);
        if (!vol || virStorageVolUpload(vol, st, round * 7, 0, 0) < 0 ||
            virStreamSend(st, data, sizeof(data)) != sizeof(data) ||
            virStreamFinish(st) < 0)
            w->failures++;
        virStreamFree(st);
        st = virStreamNew(conn, 0);
        if (!vol || virStorageVolDownload(vol, st, round * 7, sizeof(data),
                                          0) < 0 ||
            virStreamRecvAll(st, sinkAppend, out) < 0 ||
            virStreamFinish(st) < 0 || out->len != sizeof(data) ||
            memcmp(out->data, data, sizeof(data)) != 0)
            w->failures++;
        virStreamFree(st);
        if (vol) {
            virStorageVolDelete(vol, 0);
            virStorageVolFree(vol);
        }

        /* Whoever gets the disk runs a job on it; the others see it
         * busy.  Either way the calls must stay consistent. */
        if (virDomainBlockPull(dom, "vda", 1, 0) == 0) {
            if (virDomainGetBlockJobInfo(dom, "vda", &info, 0) != 1 ||
                virDomainBlockJobAbort(dom, "vda", 0) < 0)
                w->failures++;
        } else if (virGetLastErrorCode() != VIR_ERR_OPERATION_UNSUPPORTED) {
            w->failures++;
        }
    }
    virDomainFree(dom);
    virStoragePoolFree(pool);
    virConnectClose(conn);
    return NULL;
}

static void
testThreads(void)
{
    ioWorker workers[4];
    GThread *threads[4];
    int i;

    for (i = 0; i < 4; i++) {
        workers[i].index = i;
        workers[i].failures = 0;
        threads[i] = g_thread_new("io", ioWorkerRun, &workers[i]);
    }
    for (i = 0; i < 4; i++) {
        g_thread_join(threads[i]);
        g_assert_cmpint(workers[i].failures, ==, 0);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    virEventRegisterDefaultImpl();
    g_test_add_func("/test-driver/streams/volumes", testVolumeStreams);
    g_test_add_func("/test-driver/streams/console-threads",
                    testConsoleThreads);
    g_test_add_func("/test-driver/streams/event-callbacks",
                    testEventCallbacks);
    g_test_add_func("/test-driver/streams/block-jobs", testBlockJobs);
    g_test_add_func("/test-driver/streams/threads", testThreads);
    return g_test_run();
}
