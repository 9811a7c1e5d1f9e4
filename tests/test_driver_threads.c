/*
 * test_driver_threads.c: many threads driving test:///default at once,
 * on one shared connection and on a connection each: every thread
 * defines, starts, pauses, resumes, destroys and undefines its own
 * domains while others list and look up.  Afterwards only the default
 * domain may remain, every call must have succeeded, and lookups of the
 * threads' domains must fail with VIR_ERR_NO_DOMAIN.
 *
 * A third test mixes the object kinds, so that their locks meet: guests
 * with snapshots, hot-plugged disks, statistics, addresses and DHCP
 * leases beside network, volume, secret and filter churn and bulk
 * queries.  A lock-order mistake shows as a hang (the test's timeout).
 */
#include <stdio.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define THREADS 8
#define ROUNDS 60

typedef struct {
    virConnectPtr conn; /* NULL: open a connection of its own */
    int index;
    int failures;
} worker;

static gpointer
workerRun(gpointer opaque)
{
    worker *w = opaque;
    virConnectPtr conn = w->conn ? w->conn
                                 : virConnectOpen("test:///default");
    int i;

    if (!conn) {
        w->failures++;
        return NULL;
    }
    for (i = 0; i < ROUNDS; i++) {
        g_autofree char *name = g_strdup_printf("t%d-%d", w->index, i);
        g_autofree char *xml = g_strdup_printf(
            "<domain type='test'><name>%s</name>"
            "<memory>65536</memory><os><type>hvm</type></os></domain>",
            name);
        virDomainPtr dom = virDomainDefineXML(conn, xml);
        virDomainPtr *all = NULL;
        int n;
        int j;

        if (!dom) {
            w->failures++;
            continue;
        }
        if (virDomainCreate(dom) < 0 || virDomainSuspend(dom) < 0 ||
            virDomainResume(dom) < 0 || virDomainDestroy(dom) < 0 ||
            virDomainUndefine(dom) < 0)
            w->failures++;
        virDomainFree(dom);
        if ((n = virConnectListAllDomains(conn, &all, 0)) < 1)
            w->failures++;
        for (j = 0; j < n; j++)
            virDomainFree(all[j]);
        free(all);
        if ((dom = virDomainLookupByName(conn, name))) {
            w->failures++;
            virDomainFree(dom);
        } else if (virGetLastErrorCode() != VIR_ERR_NO_DOMAIN) {
            w->failures++;
        }
    }
    if (!w->conn)
        virConnectClose(conn);
    return NULL;
}

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static void
runWorkers(gboolean shared)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    worker workers[THREADS];
    GThread *threads[THREADS];
    int i;

    g_assert_nonnull(conn);
    for (i = 0; i < THREADS; i++) {
        workers[i].conn = shared ? conn : NULL;
        workers[i].index = i + (shared ? 0 : 100);
        workers[i].failures = 0;
        threads[i] = g_thread_new("worker", workerRun, &workers[i]);
    }
    for (i = 0; i < THREADS; i++) {
        g_thread_join(threads[i]);
        g_assert_cmpint(workers[i].failures, ==, 0);
    }
    /* Only the default guest is left. */
    g_assert_cmpint(virConnectNumOfDomains(conn), ==, 1);
    g_assert_cmpint(virConnectNumOfDefinedDomains(conn), ==, 0);
    virConnectClose(conn);
}

static void
testShared(void)
{
    runWorkers(TRUE);
}

static void
testSeparate(void)
{
    runWorkers(FALSE);
}

#define MIXED_ROUNDS 40

typedef struct {
    virConnectPtr conn;
    int index;
    int failures;
} mixedWorker;

#define CHECK(w, cond) \
    do { \
        if (!(cond)) { \
            g_printerr("thread %d: %s failed: %s\n", (w)->index, #cond, \
                       virGetLastErrorMessage()); \
            (w)->failures++; \
        } \
    } while (0)

/* A guest on the default network through its whole life with the calls
 * that take other objects' locks on the way. */
static gpointer
mixedGuest(gpointer opaque)
{
    mixedWorker *w = opaque;
    int i;

    for (i = 0; i < MIXED_ROUNDS; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<domain type='test'><name>mx%d-%d</name>"
            "<memory>65536</memory><os><type>hvm</type></os><devices>"
            "<disk type='file' device='disk'><source file='/g/%d.img'/>"
            "<target dev='vda' bus='virtio'/></disk>"
            "<interface type='network'><source network='default'/>"
            "<mac address='52:54:%02x:%02x:%02x:01'/></interface>"
            "</devices></domain>", w->index, i, i, w->index,
            (i >> 8) & 0xff, i & 0xff);
        const char *disk = "<disk type='file' device='disk'>"
                           "<source file='/g/extra.img'/>"
                           "<target dev='vdb' bus='virtio'/></disk>";
        virDomainPtr dom = virDomainDefineXML(w->conn, xml);
        virDomainSnapshotPtr snap = NULL;
        virDomainInterfacePtr *ifaces = NULL;
        virDomainStatsRecordPtr *stats = NULL;
        virDomainPtr list[2] = { dom, NULL };
        int n;

        CHECK(w, dom);
        if (!dom)
            continue;
        CHECK(w, virDomainCreate(dom) == 0);
        CHECK(w, (snap = virDomainSnapshotCreateXML(
                      dom, "<domainsnapshot/>", 0)));
        CHECK(w, virDomainAttachDevice(dom, disk) == 0);
        CHECK(w, (n = virDomainInterfaceAddresses(dom, &ifaces, 0, 0)) == 1);
        while (n > 0)
            virDomainInterfaceFree(ifaces[--n]);
        free(ifaces);
        CHECK(w, virDomainListGetStats(list, 0, &stats, 0) == 1);
        virDomainStatsRecordListFree(stats);
        CHECK(w, virDomainDetachDevice(dom, disk) == 0);
        CHECK(w, snap && virDomainSnapshotDelete(snap, 0) == 0);
        if (snap)
            virDomainSnapshotFree(snap);
        CHECK(w, virDomainDestroy(dom) == 0);
        CHECK(w, virDomainUndefine(dom) == 0);
        virDomainFree(dom);
    }
    return NULL;
}

/* Networks come and go while the default one hands out leases. */
static gpointer
mixedNetworks(gpointer opaque)
{
    mixedWorker *w = opaque;
    virNetworkPtr def = virNetworkLookupByName(w->conn, "default");
    int i;

    CHECK(w, def);
    for (i = 0; i < MIXED_ROUNDS && def; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<network><name>mxnet%d</name>"
            "<bridge name='mxbr%d'/></network>", i, i);
        virNetworkPtr net = virNetworkDefineXML(w->conn, xml);
        virNetworkDHCPLeasePtr *leases = NULL;
        int n;

        CHECK(w, net);
        if (!net)
            continue;
        CHECK(w, virNetworkCreate(net) == 0);
        CHECK(w, (n = virNetworkGetDHCPLeases(def, NULL, &leases, 0)) >= 0);
        while (n > 0)
            virNetworkDHCPLeaseFree(leases[--n]);
        free(leases);
        CHECK(w, virNetworkDestroy(net) == 0);
        CHECK(w, virNetworkUndefine(net) == 0);
        virNetworkFree(net);
    }
    if (def)
        virNetworkFree(def);
    return NULL;
}

/* Volumes, secrets and filters. */
static gpointer
mixedStorageAndSecrets(gpointer opaque)
{
    mixedWorker *w = opaque;
    virStoragePoolPtr pool = virStoragePoolLookupByName(w->conn,
                                                        "default-pool");
    int i;

    CHECK(w, pool);
    for (i = 0; i < MIXED_ROUNDS && pool; i++) {
        g_autofree char *vxml = g_strdup_printf(
            "<volume><name>mx%d.img</name>"
            "<capacity>1048576</capacity></volume>", i);
        g_autofree char *sxml = g_strdup_printf(
            "<secret ephemeral='no' private='no'>"
            "<uuid>5b2d1e8c-0000-4000-8000-%012d</uuid>"
            "<usage type='volume'><volume>/mx/%d</volume></usage>"
            "</secret>", i, i);
        g_autofree char *fxml = g_strdup_printf(
            "<filter name='mxf%d' chain='root'>"
            "<rule action='accept' direction='in'><all/></rule>"
            "</filter>", i);
        unsigned char value[] = "s3cret";
        virStorageVolPtr vol = virStorageVolCreateXML(pool, vxml, 0);
        virSecretPtr secret = virSecretDefineXML(w->conn, sxml, 0);
        virNWFilterPtr filter = virNWFilterDefineXML(w->conn, fxml);

        CHECK(w, vol && virStorageVolWipe(vol, 0) == 0 &&
                 virStorageVolDelete(vol, 0) == 0);
        CHECK(w, secret && virSecretSetValue(secret, value,
                                             sizeof(value), 0) == 0 &&
                 virSecretUndefine(secret) == 0);
        CHECK(w, filter && virNWFilterUndefine(filter) == 0);
        if (vol)
            virStorageVolFree(vol);
        if (secret)
            virSecretFree(secret);
        if (filter)
            virNWFilterFree(filter);
    }
    if (pool)
        virStoragePoolFree(pool);
    return NULL;
}

/* Bulk queries over everything while it changes. */
static gpointer
mixedQueries(gpointer opaque)
{
    mixedWorker *w = opaque;
    virDomainPtr test = virDomainLookupByName(w->conn, "test");
    int i;

    CHECK(w, test);
    for (i = 0; i < MIXED_ROUNDS * 2 && test; i++) {
        virDomainStatsRecordPtr *stats = NULL;
        virNetworkPtr *nets = NULL;
        virNodeDevicePtr *devs = NULL;
        unsigned char map = 0x3;
        int n;
        int j;

        CHECK(w, (n = virConnectGetAllDomainStats(w->conn, 0, &stats,
                                                  0)) >= 1);
        virDomainStatsRecordListFree(stats);
        CHECK(w, (n = virConnectListAllNetworks(w->conn, &nets, 0)) >= 1);
        for (j = 0; j < n; j++)
            virNetworkFree(nets[j]);
        free(nets);
        CHECK(w, (n = virConnectListAllNodeDevices(w->conn, &devs, 0)) >= 4);
        for (j = 0; j < n; j++)
            virNodeDeviceFree(devs[j]);
        free(devs);
        CHECK(w, virDomainPinVcpu(test, 0, &map, 1) == 0);
        g_free(virDomainGetXMLDesc(test, 0));
    }
    if (test)
        virDomainFree(test);
    return NULL;
}

static void
testMixed(void)
{
    GThreadFunc funcs[] = {
        mixedGuest, mixedGuest, mixedNetworks, mixedStorageAndSecrets,
        mixedQueries,
    };
    mixedWorker workers[G_N_ELEMENTS(funcs)];
    GThread *threads[G_N_ELEMENTS(funcs)];
    virConnectPtr shared = virConnectOpen("test:///default");
    size_t i;

    g_assert_nonnull(shared);
    for (i = 0; i < G_N_ELEMENTS(funcs); i++) {
        /* Half on the shared connection, half on their own. */
        workers[i].conn = i % 2 ? shared : virConnectOpen("test:///default");
        workers[i].index = i;
        workers[i].failures = 0;
        g_assert_nonnull(workers[i].conn);
        threads[i] = g_thread_new("mixed", funcs[i], &workers[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(funcs); i++) {
        g_thread_join(threads[i]);
        g_assert_cmpint(workers[i].failures, ==, 0);
        if (workers[i].conn != shared)
            virConnectClose(workers[i].conn);
    }
    g_assert_cmpint(virConnectNumOfDomains(shared), ==, 1);
    g_assert_cmpint(virConnectNumOfDefinedDomains(shared), ==, 0);
    g_assert_cmpint(virConnectNumOfNetworks(shared), ==, 1);
    g_assert_cmpint(virConnectNumOfSecrets(shared), ==, 0);
    virConnectClose(shared);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    g_test_add_func("/test-driver/threads/shared-connection", testShared);
    g_test_add_func("/test-driver/threads/connection-each", testSeparate);
    g_test_add_func("/test-driver/threads/mixed-objects", testMixed);
    return g_test_run();
}
