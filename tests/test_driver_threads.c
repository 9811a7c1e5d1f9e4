/*
 * test_driver_threads.c: many threads driving test:///default at once,
 * on one shared connection and on a connection each: every thread
 * defines, starts, pauses, resumes, destroys and undefines its own
 * domains while others list and look up.  Afterwards only the default
 * domain may remain, every call must have succeeded, and lookups of the
 * threads' domains must fail with VIR_ERR_NO_DOMAIN.
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

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    g_test_add_func("/test-driver/threads/shared-connection", testShared);
    g_test_add_func("/test-driver/threads/connection-each", testSeparate);
    return g_test_run();
}
